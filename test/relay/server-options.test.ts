/**
 * A profile's server options (issue #3 "Server options") through the API and real TLS servers: default
 * ports, host normalisation, minimum TLS version, cipher levels, EHLO name, and certificates that are
 * always verified. A refused connection delivers nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { certs } from '../helpers/certs';
import { startSmtpServer, type TestSmtpOptions, type TestSmtpServer } from '../helpers/smtp-server';
import { createProfile, mailboxProfile, MAILBOX_PASSWORD, waitForFinal } from '../helpers/sender-rules';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

const USERS = { 'anna@firma.se': MAILBOX_PASSWORD };
let t: TestRelay;
let token: string;
const servers: TestSmtpServer[] = [];
beforeAll(async () => {
  t = await startTestRelay();
  token = (await t.addUser('anna@firma.se', 'admin')).token;
});
afterAll(() => t.close());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(options: TestSmtpOptions = {}) {
  const s = await startSmtpServer({ users: USERS, ...options });
  servers.push(s);
  return s;
}

/** Sends through a profile with these SMTP settings; returns the final status and what arrived. */
async function sendWith(smtp: TestSmtpServer, settings: Record<string, unknown>) {
  const profileId = await createProfile(t, token, mailboxProfile(smtp.port, 'anna@firma.se', { smtp: { host: '127.0.0.1', port: smtp.port, ...settings } }));
  const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'options' } });
  expect(res.status).toBe(202);
  const view = await waitForFinal(t, token, res.body.id);
  return { view, received: smtp.received.length };
}

describe('ports and host names as people type them', () => {
  it.each([
    ['tls', 465],
    ['starttls', 587],
    ['none', 25],
  ])('security %s without a port (or port 0) uses %i', async (security, port) => {
    for (const smtp of [
      { host: 'smtp.example.com', security },
      { host: 'smtp.example.com', security, port: 0 },
    ]) {
      const res = await t.request('POST', '/v1/profiles', { token, body: mailboxProfile(0, 'anna@firma.se', { smtp }) });
      expect(res.status).toBe(201);
      expect(res.body.smtp.port).toBe(port);
    }
  });

  it('normalises tls://, ssl:// and smtps:// hosts, and takes a :port typed into the host field', async () => {
    for (const [host, expected] of [
      ['tls://SMTP.Example.com', { host: 'smtp.example.com', port: 465 }],
      ['ssl://smtp.example.com:2465/', { host: 'smtp.example.com', port: 2465 }],
      ['smtps://smtp.example.com', { host: 'smtp.example.com', port: 465 }],
    ] as const) {
      const res = await t.request('POST', '/v1/profiles', { token, body: mailboxProfile(0, 'anna@firma.se', { smtp: { host, security: 'tls' } }) });
      expect(res.status, host).toBe(201);
      expect(res.body.smtp).toMatchObject(expected);
    }
  });

  it('refuses a host whose :port contradicts the port field, and a host that is not a name (400)', async () => {
    const contradiction = await t.request('POST', '/v1/profiles', {
      token,
      body: mailboxProfile(0, 'anna@firma.se', { smtp: { host: 'smtp.example.com:465', port: 587, security: 'tls' } }),
    });
    expect(contradiction.status).toBe(400);
    expect(contradiction.body.error.details[0].path).toBe('smtp.port');
    const junk = await t.request('POST', '/v1/profiles', { token, body: mailboxProfile(0, 'anna@firma.se', { smtp: { host: 'smtp example com', security: 'tls' } }) });
    expect(junk.status).toBe(400);
    expect(junk.body.error.details[0].path).toBe('smtp.host');
  });

  it('PATCH of the security mode moves a default port along, keeps a chosen one, and keeps the other settings', async () => {
    const id = await createProfile(t, token, mailboxProfile(0, 'anna@firma.se', { smtp: { host: 'smtp.example.com', security: 'starttls', ciphers: 'strong' } }));
    // A new port is a new server: the password comes along (issue 14).
    const auth = { type: 'password', username: 'anna@firma.se', password: MAILBOX_PASSWORD };
    const moved = await t.request('PATCH', `/v1/profiles/${id}`, { token, body: { smtp: { security: 'tls' }, auth } });
    expect(moved.body.smtp).toMatchObject({ host: 'smtp.example.com', port: 465, security: 'tls', ciphers: 'strong' });
    const chosen = await t.request('PATCH', `/v1/profiles/${id}`, { token, body: { smtp: { port: 2525, security: 'starttls' }, auth } });
    expect(chosen.body.smtp.port).toBe(2525);
    const kept = await t.request('PATCH', `/v1/profiles/${id}`, { token, body: { smtp: { security: 'tls' } } });
    expect(kept.body.smtp.port).toBe(2525);
  });
});

describe('certificates are always verified', () => {
  it('refuses settings that try to switch verification off (400), naming the way to trust an internal CA', async () => {
    const res = await t.request('POST', '/v1/profiles', {
      token,
      body: mailboxProfile(0, 'anna@firma.se', { smtp: { host: 'smtp.example.com', security: 'tls', rejectUnauthorized: false } }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/rejectUnauthorized.*NODE_EXTRA_CA_CERTS/);
  });

  it('refused: a self-signed server certificate fails the send and nothing is delivered', async () => {
    const smtp = await server({ secure: true, server: { key: certs.selfSigned.key, cert: certs.selfSigned.cert } });
    const { view, received } = await sendWith(smtp, { security: 'tls' });
    expect(view.status).toBe('failed');
    expect(view.problem.code).toMatch(/^cert_/);
    expect(received).toBe(0);
  });

  it('allowed: a certificate from a CA the relay trusts', async () => {
    const smtp = await server({ secure: true });
    expect((await sendWith(smtp, { security: 'tls' })).view.status).toBe('sent');
  });
});

describe('minimum TLS version', () => {
  const tls12Only = { secure: true, server: { maxVersion: 'TLSv1.2' } } as TestSmtpOptions;

  it('allowed: minTlsVersion TLSv1.2 against a TLS 1.2 server', async () => {
    const smtp = await server(tls12Only);
    const { view, received } = await sendWith(smtp, { security: 'tls', minTlsVersion: 'TLSv1.2' });
    expect(view.status).toBe('sent');
    expect(received).toBe(1);
  });

  it('refused: minTlsVersion TLSv1.3 against a server that stops at TLS 1.2; nothing delivered', async () => {
    const smtp = await server(tls12Only);
    const { view, received } = await sendWith(smtp, { security: 'tls', minTlsVersion: 'TLSv1.3' });
    expect(view.status).toBe('failed');
    expect(received).toBe(0);
  });

  it('refuses TLS 1.0 without the compatible cipher level: it could never connect (400)', async () => {
    const res = await t.request('POST', '/v1/profiles', {
      token,
      body: mailboxProfile(0, 'anna@firma.se', { smtp: { host: 'smtp.example.com', security: 'tls', minTlsVersion: 'TLSv1' } }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'smtp.minTlsVersion' });
    expect(res.body.error.message).toMatch(/compatible/);
  });
});

describe('cipher levels', () => {
  /** A server that offers only AES128-SHA (CBC, RSA key exchange): old, but still in Node's default list. */
  const weakCipherServer = { secure: true, server: { maxVersion: 'TLSv1.2', ciphers: 'AES128-SHA' } } as TestSmtpOptions;
  /** An outdated server: TLS 1.0 only, at OpenSSL security level 0. */
  const tls10Server = { secure: true, server: { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' } } as TestSmtpOptions;

  it('allowed: the default level works with a CBC-only server', async () => {
    const smtp = await server(weakCipherServer);
    expect((await sendWith(smtp, { security: 'tls', ciphers: 'default' })).view.status).toBe('sent');
  });

  it('refused: the strong level refuses a CBC-only server; nothing delivered', async () => {
    const smtp = await server(weakCipherServer);
    const { view, received } = await sendWith(smtp, { security: 'tls', ciphers: 'strong' });
    expect(view.status).toBe('failed');
    expect(received).toBe(0);
  });

  it('allowed: compatible with minTlsVersion TLSv1 reaches a TLS 1.0 server, still verifying its certificate', async () => {
    const smtp = await server(tls10Server);
    const { view, received } = await sendWith(smtp, { security: 'tls', ciphers: 'compatible', minTlsVersion: 'TLSv1' });
    expect(view.status).toBe('sent');
    expect(received).toBe(1);
  });

  it('refused: the default level does not fall back to TLS 1.0; nothing delivered', async () => {
    const smtp = await server(tls10Server);
    const { view, received } = await sendWith(smtp, { security: 'tls' });
    expect(view.status).toBe('failed');
    expect(received).toBe(0);
  });
});

describe('EHLO name', () => {
  it('allowed: the configured name is what the server sees in EHLO', async () => {
    let ehlo = '';
    const smtp = await server({
      server: {
        onMailFrom(_address, session, callback) {
          ehlo = session.hostNameAppearsAs;
          callback();
        },
      },
    });
    expect((await sendWith(smtp, { security: 'starttls', ehloName: 'relay.firma.se' })).view.status).toBe('sent');
    expect(ehlo).toBe('relay.firma.se');
  });

  it('refused: an EHLO name with CR/LF (GHSA-vvjj-xcjg-gr5g) or other characters is a 400', async () => {
    for (const ehloName of ['relay.firma.se\r\nMAIL FROM:<x@evil.example>', 'relay firma', 'relay.firma.se;']) {
      const res = await t.request('POST', '/v1/profiles', {
        token,
        body: mailboxProfile(0, 'anna@firma.se', { smtp: { host: 'smtp.example.com', security: 'tls', ehloName } }),
      });
      expect(res.status, JSON.stringify(ehloName)).toBe(400);
      expect(res.body.error.details[0].path).toBe('smtp.ehloName');
    }
  });
});
