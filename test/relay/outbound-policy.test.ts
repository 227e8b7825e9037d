/**
 * Issue 14: outbound connections obey the host and port policy every time, not only in the sender
 * test. Each attack saves a profile the sender test never saw (admin `force`,
 * OWNPOST_TEST_BEFORE_SAVE=0, a DNS record changed afterwards, an IMAP host) or spells loopback in a
 * way a text check misses, and checks that nothing connects: a fake "internal service" counts every
 * connection it gets and answers with an SSH banner, as the one that ended up in a message's history.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDnsServer, type TestDnsServer, type ZoneRecords } from '../helpers/dns-server';
import { createProfile, isFinal, waitForMessage } from '../helpers/delivery';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

interface InternalService {
  port: number;
  connections: number;
  close(): Promise<void>;
}

/** Something on the relay's own machine that must never be reached through it (here: an SSH banner). */
async function startInternalService(): Promise<InternalService> {
  const sockets = new Set<net.Socket>();
  const service = { port: 0, connections: 0, close: async () => {} };
  const server = net.createServer((socket) => {
    service.connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.end('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service.port = (server.address() as AddressInfo).port;
  service.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return service;
}

const zone: Record<string, ZoneRecords> = {
  // Looks public when saved; answers loopback.
  'smtp.rebind.test': { A: ['127.0.0.1'] },
  'imap.rebind.test': { A: ['127.0.0.1'] },
  // NAT64 spelling of 127.0.0.1, and an IPv4-mapped one, as AAAA answers.
  'smtp.nat64.test': { AAAA: ['64:ff9b::7f00:1'] },
  'smtp.mapped.test': { AAAA: ['::ffff:127.0.0.1'] },
  // Starts out pointing at a public documentation-free address; the test changes it.
  'smtp.changes.test': { A: ['93.184.215.14'] },
};

let dns: TestDnsServer;
let internal: InternalService;
const relays: TestRelay[] = [];
beforeAll(async () => {
  dns = await startDnsServer(zone);
});
afterAll(async () => {
  await dns.close();
});
beforeEach(async () => {
  internal = await startInternalService();
});
afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.close()));
  await internal.close();
});

/** A relay that does not allow private hosts, asking the test DNS server, with the given env on top. */
async function strictRelay(env: NodeJS.ProcessEnv = {}) {
  const t = await startTestRelay({}, { OWNPOST_ALLOW_PRIVATE_HOSTS: '0', OWNPOST_DNS_SERVERS: dns.address, ...env });
  relays.push(t);
  const { token } = await t.addUser('admin@firma.se', 'admin');
  return { t, token };
}

async function send(t: TestRelay, token: string, profileId: string) {
  const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 4711', text: 'Hej' } });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return waitForMessage(t, token, res.body.id, isFinal);
}

function expectRefusedDelivery(done: any) {
  expect(done.status).toBe('failed');
  expect(done.problem?.code ?? done.problemCode).toBe('destination_not_allowed');
  // One attempt, not retried: no wait cures a refusal.
  expect(done.attemptCount).toBe(1);
  expect(JSON.stringify(done)).not.toContain('SSH-2.0');
}

describe('outbound connections obey the host policy every time (issue 14)', () => {
  // IPv6 literals and `localhost.` are refused as server names by the schema already (400).
  it.each(['127.1', '2130706433', '0x7f000001', '0177.0.0.1', '0x7f.1', '10.1', '169.254.43518'])(
    'refuses to save %s as a server (a private address in a short or numeric IPv4 spelling)',
    async (host) => {
      const { t, token } = await strictRelay();
      const res = await t.request('POST', '/v1/profiles', { token, body: testProfile(internal.port, { smtp: { host, port: 587, security: 'starttls' } }) });
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.error.code).toBe('private_host_not_allowed');
    },
  );

  it('refuses delivery to a name that resolves to loopback, saved without a test (OWNPOST_TEST_BEFORE_SAVE=0)', async () => {
    const { t, token } = await strictRelay({ OWNPOST_TEST_BEFORE_SAVE: '0' });
    const profileId = await createProfile(t, token, internal.port, { smtp: { host: 'smtp.rebind.test', port: internal.port, security: 'none' } });
    expectRefusedDelivery(await send(t, token, profileId));
    expect(internal.connections).toBe(0);
  });

  it('refuses delivery to a name saved with an admin’s force (loopback behind DNS)', async () => {
    const { t, token } = await strictRelay({ OWNPOST_TEST_BEFORE_SAVE: '1' });
    const created = await t.request('POST', '/v1/profiles', {
      token,
      body: testProfile(internal.port, { smtp: { host: 'smtp.rebind.test', port: internal.port, security: 'none' }, force: true }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expectRefusedDelivery(await send(t, token, created.body.id));
    expect(internal.connections).toBe(0);
  });

  it.each(['smtp.nat64.test', 'smtp.mapped.test'])('refuses delivery to %s (loopback as a NAT64 or IPv4-mapped AAAA record)', async (host) => {
    const { t, token } = await strictRelay();
    const profileId = await createProfile(t, token, internal.port, { smtp: { host, port: internal.port, security: 'none' } });
    expectRefusedDelivery(await send(t, token, profileId));
    expect(internal.connections).toBe(0);
  });

  it('refuses delivery after the name was changed to loopback since it was saved (DNS rebinding)', async () => {
    const { t, token } = await strictRelay();
    const profileId = await createProfile(t, token, internal.port, { smtp: { host: 'smtp.changes.test', port: internal.port, security: 'none' } });
    zone['smtp.changes.test']!.A = ['127.0.0.1'];
    try {
      expectRefusedDelivery(await send(t, token, profileId));
    } finally {
      zone['smtp.changes.test']!.A = ['93.184.215.14'];
    }
    expect(internal.connections).toBe(0);
  });

  it('refuses delivery to a port that is not a mail port (an internal SSH server)', async () => {
    // Private hosts allowed (a company relay), but only the mail ports.
    const t = await startTestRelay({}, { OWNPOST_ALLOWED_PORTS: '' });
    relays.push(t);
    const { token } = await t.addUser('admin@firma.se', 'admin');
    const profileId = await createProfile(t, token, internal.port, { smtp: { host: '127.0.0.1', port: internal.port, security: 'none' } });
    expectRefusedDelivery(await send(t, token, profileId));
    expect(internal.connections).toBe(0);
  });

  it('refuses the Sent-folder copy to an IMAP port that is not a mail port, and the message stays sent', async () => {
    let smtp: TestSmtpServer | undefined;
    try {
      smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
      // Only the SMTP server's port is allowed beside the standard ones.
      const t = await startTestRelay({}, { OWNPOST_ALLOWED_PORTS: String(smtp.port) });
      relays.push(t);
      const { token } = await t.addUser('admin@firma.se', 'admin');
      const profileId = await createProfile(t, token, smtp.port);
      const put = await t.request('PUT', `/v1/profiles/${profileId}/delivery`, {
        token,
        body: { saveToSent: { host: '127.0.0.1', port: internal.port, security: 'none' } },
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura', text: 'Hej' } });
      const done = await waitForMessage(t, token, res.body.id, (m) => m.sentCopy && m.sentCopy.status !== 'pending');
      expect(done.status).toBe('sent');
      expect(done.sentCopy.status).toBe('failed');
      expect(done.sentCopy.error).toMatch(/not an allowed mail port/);
      expect(internal.connections).toBe(0);
    } finally {
      await smtp?.close();
    }
  });

  it('refuses the Sent-folder copy to an IMAP host that resolves to loopback', async () => {
    // A relay that allows this SMTP server by IP would have to allow private hosts; here delivery
    // itself is refused too, so the Sent copy is checked on its own through the IMAP module.
    const { appendToSentFolder, SentCopyError } = await import('../../relay/imap/sent-folder');
    const { createOutboundPolicy } = await import('../../relay/net/outbound');
    const outbound = createOutboundPolicy({ allowPrivateHosts: false, extraSmtpPorts: [{ from: 1024, to: 65535 }], dnsServers: [dns.address] });
    const copy = appendToSentFolder(
      { host: 'imap.rebind.test', port: internal.port, security: 'none', username: 'anna@firma.se', password: 'x' } as never,
      { raw: Buffer.from('Subject: x\r\n\r\nx\r\n'), messageId: '<x@firma.se>', sentAt: new Date() },
      { extraCa: [], timeoutMs: 5_000, outbound },
    );
    await expect(copy).rejects.toBeInstanceOf(SentCopyError);
    await expect(copy).rejects.toMatchObject({ retryable: false, message: expect.stringMatching(/private network/) });
    expect(internal.connections).toBe(0);
  });
});
