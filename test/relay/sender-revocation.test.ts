/**
 * Issue 14: sender rules hold after an admin takes an allowance back, and for the sender test too.
 * - A revoked allowance kept working as Reply-To: through the profile's saved Reply-To, and as a
 *   per-message Reply-To through the profile's allowed senders, both checked only at save time.
 * - `POST /v1/diagnose` sent a real test message From any address a member typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';
import { mailboxProfile, createProfile } from '../helpers/sender-rules';

let t: TestRelay;
let smtp: TestSmtpServer;
let adminToken: string;
beforeAll(async () => {
  smtp = await startSmtpServer({ users: { 'bo@firma.se': 'secret', 'faktura@firma.se': 'secret' }, server: { onAuth: (_a, _s, cb) => cb(null, { user: 'x' }) } });
  t = await startTestRelay();
  ({ token: adminToken } = await t.addUser('admin@firma.se', 'admin'));
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function memberWithAllowance(email: string, allowance: string[]) {
  const { user, token } = await t.addUser(email, 'member');
  const set = await t.request('PATCH', `/v1/users/${user.id}`, { token: adminToken, body: { allowedSenders: allowance } });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  return { user, token };
}

describe('a revoked allowance is revoked for Reply-To too', () => {
  it("refuses the profile's saved Reply-To once the admin revoked the address (reply hijack after revocation)", async () => {
    const { user, token } = await memberWithAllowance('bo@firma.se', ['ekonomi@firma.se']);
    const profileId = await createProfile(t, token, { ...mailboxProfile(smtp.port, 'bo@firma.se'), replyTo: 'ekonomi@firma.se', allowOtherSender: true, allowedSenders: ['ekonomi@firma.se'] });
    const before = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'before', text: 'x' } });
    expect(before.status, JSON.stringify(before.body)).toBe(202);

    expect((await t.request('PATCH', `/v1/users/${user.id}`, { token: adminToken, body: { allowedSenders: [] } })).status).toBe(200);
    const saved = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'after', text: 'x' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(403);
    expect(saved.body.error.code).toBe('reply_to_not_allowed');
    const asked = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'after', text: 'x', replyTo: 'ekonomi@firma.se' } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(403);
    expect(asked.body.error.code).toBe('reply_to_not_allowed');
  });

  it('still takes a Reply-To the member may use', async () => {
    const { token } = await memberWithAllowance('cy@firma.se', ['@firma.se']);
    const profileId = await createProfile(t, token, { ...mailboxProfile(smtp.port, 'cy@firma.se'), replyTo: 'faktura@firma.se' });
    const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'ok', text: 'x', replyTo: 'cy@firma.se' } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
  });
});

describe('/v1/diagnose applies the sender rules of a send', () => {
  it('refuses a test message From an address the member may not use (spoofing through the sender test)', async () => {
    const { token } = await memberWithAllowance('di@firma.se', []);
    const before = smtp.received.length;
    const res = await t.request('POST', '/v1/diagnose', {
      token,
      body: {
        fromAddress: 'vd@firma.se',
        smtp: { host: '127.0.0.1', port: smtp.port, security: 'starttls' },
        auth: { type: 'password', username: 'vd@firma.se', password: 'x' },
        sendTo: 'kund@exempel.se',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.code).toBe('member_sender_not_allowed');
    expect(smtp.received.length).toBe(before);
  });

  it('refuses allowed senders beyond the member’s own in a test', async () => {
    const { token } = await memberWithAllowance('ed@firma.se', []);
    const res = await t.request('POST', '/v1/diagnose', {
      token,
      body: {
        fromAddress: 'ed@firma.se',
        allowedSenders: ['@firma.se'],
        smtp: { host: '127.0.0.1', port: smtp.port, security: 'starttls' },
        auth: { type: 'password', username: 'ed@firma.se', password: 'x' },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.code).toBe('member_sender_not_allowed');
  });

  it('refuses a test through a company sender From an address that sender may not send as', async () => {
    const companyId = await createProfile(t, adminToken, { ...mailboxProfile(smtp.port, 'faktura@firma.se'), scope: 'company', name: 'Company' });
    const { token } = await memberWithAllowance('fi@firma.se', []);
    const res = await t.request('POST', '/v1/diagnose', {
      token,
      body: { profileId: companyId, fromAddress: 'vd@firma.se', smtp: { host: '127.0.0.1', port: smtp.port, security: 'starttls' } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.code).toBe('sender_not_allowed');
  });
});
