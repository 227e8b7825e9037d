/**
 * `GET /v1/discover?email=` (issue #3 "Discovery") against a real DNS server on 127.0.0.1 (the relay's
 * OWNPOST_DNS_SERVERS setting points at it) and real SMTP listeners standing in for guessed servers:
 * the built-in table first (no DNS at all), then MX, then guessing with short parallel probes.
 */
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RelayConfig } from '../../relay/config';
import { zDiscoveryResult } from '../../shared/api-schemas';
import { certs } from '../helpers/certs';
import { startDnsServer, startSilentDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { startSmtpServer, type TestSmtpOptions, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

let dns: TestDnsServer;
beforeAll(async () => {
  dns = await startDnsServer({
    'firma-m365.test': { MX: [{ exchange: 'firma-m365-test.mail.protection.outlook.com', priority: 0 }] },
    'firma-gw.test': {
      MX: [
        { exchange: 'alt1.aspmx.l.google.com', priority: 5 },
        { exchange: 'aspmx.l.google.com', priority: 1 },
      ],
    },
    'guess.test': { MX: [{ exchange: 'mx.guess.test', priority: 10 }] },
    'smtp.guess.test': { A: ['127.0.0.1'] },
    'mailonly.test': {},
    'mail.mailonly.test': { A: ['127.0.0.1'] },
    'wrongcert.test': {},
    'smtp.wrongcert.test': { A: ['127.0.0.1'] },
    'slow.test': {},
    'smtp.slow.test': { A: ['127.0.0.1'] },
    'mail.slow.test': { A: ['127.0.0.1'] },
  });
});
afterAll(() => dns.close());

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** A listener standing in for a guessed server, with the certificate of the guessed names; counts connections. */
async function listener(options: TestSmtpOptions = {}): Promise<TestSmtpServer & { connections: () => number }> {
  let connections = 0;
  const server = await startSmtpServer({
    users: { 'anna@guess.test': 'pw' },
    ...options,
    server: {
      key: certs.discovery.key,
      cert: certs.discovery.cert,
      onConnect(_session, callback) {
        connections++;
        callback();
      },
      ...options.server,
    },
  });
  cleanups.push(() => server.close());
  return Object.assign(server, { connections: () => connections });
}

/** A TCP port that accepts connections and never says a word (a server that hangs). */
async function silentListener(): Promise<number> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  );
  return (server.address() as net.AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function relayWith(overrides: Partial<RelayConfig>): Promise<{ t: TestRelay; token: string }> {
  const t = await startTestRelay({ dnsServers: [dns.address], discoveryProbeTimeoutMs: 1000, ...overrides });
  cleanups.push(() => t.close());
  return { t, token: (await t.addUser('anna@firma.se')).token };
}

async function discover(t: TestRelay, token: string, email: string) {
  const started = Date.now();
  const res = await t.request('GET', `/v1/discover?email=${encodeURIComponent(email)}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  // The answer is exactly what the API description says (strict schema).
  return { ...zDiscoveryResult.parse(res.body), elapsedMs: Date.now() - started };
}

describe('the built-in provider table comes first', () => {
  it('a Gmail address: settings, username and notes from the table, and not one DNS question', async () => {
    const { t, token } = await relayWith({});
    const queriesBefore = dns.queries.length;
    const found = await discover(t, token, 'Anna.Berg@GMail.com');
    expect(found).toMatchObject({ source: 'builtin', domain: 'gmail.com', provider: { id: 'gmail' }, username: 'Anna.Berg@gmail.com' });
    expect(found.smtp[0]).toEqual({ host: 'smtp.gmail.com', port: 465, security: 'tls' });
    expect(found.notes.join(' ')).toMatch(/app password/i);
    expect(found.profile).toMatchObject({ fromAddress: 'Anna.Berg@gmail.com', smtp: { host: 'smtp.gmail.com' }, auth: { username: 'Anna.Berg@gmail.com' } });
    expect(dns.queries.length).toBe(queriesBefore);
  });

  it('a provider whose username is the local part (WP.pl)', async () => {
    const { t, token } = await relayWith({});
    const found = await discover(t, token, 'anna@wp.pl');
    expect(found).toMatchObject({ source: 'builtin', provider: { id: 'wp' }, username: 'anna' });
  });
});

describe('then the domain’s MX hosts', () => {
  it('a custom domain on Microsoft 365 (MX *.mail.protection.outlook.com)', async () => {
    const { t, token } = await relayWith({});
    const found = await discover(t, token, 'anna@firma-m365.test');
    expect(found).toMatchObject({ source: 'mx', provider: { id: 'microsoft365' }, mx: ['firma-m365-test.mail.protection.outlook.com'] });
    expect(found.smtp[0]).toEqual({ host: 'smtp.office365.com', port: 587, security: 'starttls' });
    expect(dns.queries).toContain('firma-m365.test MX');
  });

  it('a custom domain on Google Workspace, MX hosts in preference order', async () => {
    const { t, token } = await relayWith({});
    const found = await discover(t, token, 'anna@firma-gw.test');
    expect(found).toMatchObject({ source: 'mx', provider: { id: 'google_workspace' }, mx: ['aspmx.l.google.com', 'alt1.aspmx.l.google.com'] });
  });
});

describe('then guessing smtp.<domain> and mail.<domain>', () => {
  it('finds implicit TLS and STARTTLS servers at smtp.<domain>, TLS first, with a certificate valid for the name', async () => {
    const tls = await listener({ secure: true });
    const starttls = await listener();
    const { t, token } = await relayWith({
      discoveryGuessEndpoints: [
        { port: tls.port, security: 'tls' },
        { port: starttls.port, security: 'starttls' },
      ],
    });
    const found = await discover(t, token, 'anna@guess.test');
    expect(found.source).toBe('guess');
    expect(found.mx).toEqual(['mx.guess.test']);
    expect(found.smtp).toEqual([
      { host: 'smtp.guess.test', port: tls.port, security: 'tls' },
      { host: 'smtp.guess.test', port: starttls.port, security: 'starttls' },
    ]);
    expect(found.unverified).toBe(true);
    expect(found.profile).toMatchObject({ smtp: { host: 'smtp.guess.test', port: tls.port, security: 'tls' }, auth: { username: 'anna@guess.test' } });
    expect(found.probes?.find((p) => p.port === tls.port && p.host === 'smtp.guess.test')?.authMechanisms).toEqual(['PLAIN', 'LOGIN']);
    expect(found.probes?.filter((p) => p.host === 'mail.guess.test').map((p) => p.detail)).toEqual(['no such host', 'no such host']);
  });

  it('finds a server that only exists as mail.<domain>', async () => {
    const tls = await listener({ secure: true });
    const { t, token } = await relayWith({ discoveryGuessEndpoints: [{ port: tls.port, security: 'tls' }] });
    const found = await discover(t, token, 'anna@mailonly.test');
    expect(found.source).toBe('guess');
    expect(found.smtp).toEqual([{ host: 'mail.mailonly.test', port: tls.port, security: 'tls' }]);
  });

  it('refused: a STARTTLS candidate that does not offer STARTTLS, and a closed port → nothing suggested', async () => {
    const plain = await listener({ server: { disabledCommands: ['STARTTLS'], allowInsecureAuth: true } });
    const closed = await closedPort();
    const { t, token } = await relayWith({
      discoveryGuessEndpoints: [
        { port: closed, security: 'tls' },
        { port: plain.port, security: 'starttls' },
      ],
    });
    const found = await discover(t, token, 'anna@guess.test');
    expect(found.source).toBe('none');
    expect(found.smtp).toEqual([]);
    expect(found.profile).toBeUndefined();
    const smtpProbes = found.probes!.filter((p) => p.host === 'smtp.guess.test');
    expect(smtpProbes.map((p) => [p.security, p.ok, p.detail])).toEqual([
      ['tls', false, 'connection refused'],
      ['starttls', false, 'STARTTLS not offered'],
    ]);
    expect(found.notes.join(' ')).toMatch(/Ask your e-mail provider/);
  });

  it('refused: a server whose certificate is for other names is not suggested', async () => {
    const tls = await listener({ secure: true });
    const { t, token } = await relayWith({ discoveryGuessEndpoints: [{ port: tls.port, security: 'tls' }] });
    const found = await discover(t, token, 'anna@wrongcert.test');
    expect(found.source).toBe('none');
    expect(found.probes!.find((p) => p.host === 'smtp.wrongcert.test')!.detail).toMatch(/^certificate not valid for this name/);
  });

  it('probes in parallel with short timeouts: six hanging servers cost about one timeout, not six', async () => {
    const ports = [await silentListener(), await silentListener(), await silentListener()];
    const { t, token } = await relayWith({
      discoveryProbeTimeoutMs: 600,
      discoveryGuessEndpoints: [
        { port: ports[0]!, security: 'tls' },
        { port: ports[1]!, security: 'starttls' },
        { port: ports[2]!, security: 'tls' },
      ],
    });
    const found = await discover(t, token, 'anna@slow.test');
    expect(found.source).toBe('none');
    expect(found.probes).toHaveLength(6);
    expect(found.probes!.every((p) => !p.ok && p.detail === 'no answer in time')).toBe(true);
    // One after another they would take at least 6 × 600 ms.
    expect(found.elapsedMs).toBeLessThan(2500);
  });

  it('refused: without OWNPOST_ALLOW_PRIVATE_HOSTS a guessed name that resolves to loopback is never connected to', async () => {
    const tls = await listener({ secure: true });
    const { t, token } = await relayWith({ allowPrivateHosts: false, discoveryGuessEndpoints: [{ port: tls.port, security: 'tls' }] });
    const found = await discover(t, token, 'anna@guess.test');
    expect(found.source).toBe('none');
    expect(found.probes!.find((p) => p.host === 'smtp.guess.test')!.detail).toMatch(/private network/);
    expect(tls.connections()).toBe(0);
  });

  it('answers a repeated question from its cache instead of probing the servers again', async () => {
    const tls = await listener({ secure: true });
    const { t, token } = await relayWith({ discoveryGuessEndpoints: [{ port: tls.port, security: 'tls' }] });
    expect((await discover(t, token, 'anna@guess.test')).source).toBe('guess');
    const connections = tls.connections();
    expect(connections).toBeGreaterThan(0);
    expect((await discover(t, token, 'bo@guess.test')).profile?.fromAddress).toBe('bo@guess.test');
    expect(tls.connections()).toBe(connections);
  });
});

describe('failures are answers, not errors', () => {
  it('a DNS server that does not answer: source none with a note, in bounded time', async () => {
    const silent = await startSilentDnsServer();
    cleanups.push(() => silent.close());
    const { t, token } = await relayWith({ dnsServers: [silent.address], discoveryProbeTimeoutMs: 500 });
    const found = await discover(t, token, 'anna@somewhere.test');
    expect(found.source).toBe('none');
    expect(found.notes.join(' ')).toMatch(/could not be looked up/);
    expect(found.elapsedMs).toBeLessThan(5000);
  });

  it('refused: a missing or invalid address is a 400 naming the field; without a token a 401', async () => {
    const { t, token } = await relayWith({});
    for (const query of ['', '?email=', '?email=not-an-address', `?email=${encodeURIComponent('"x@y"@evil.example')}`]) {
      const res = await t.request('GET', `/v1/discover${query}`, { token });
      expect(res.status, query).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed' });
      expect(res.body.error.message).toMatch(/^email:/);
    }
    expect((await t.request('GET', '/v1/discover?email=anna@gmail.com')).status).toBe(401);
  });
});
