/**
 * Issue 14: `security: "none"` never sends AUTH in clear unless the profile says
 * `allowPlaintextAuth: true`, which only an admin may set. Before, a `none` profile signed in over
 * the unencrypted connection: anyone on the path (a café Wi-Fi, a compromised switch) read the
 * mailbox password from `AUTH PLAIN`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFinal, waitForMessage } from '../helpers/delivery';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

const PASSWORD = 'correct horse battery staple';
let t: TestRelay;
let admin: string;
let member: string;
let plain: TestSmtpServer;
/** Every password offered to the server, in clear. */
const offered: string[] = [];
beforeAll(async () => {
  // An internal server without TLS that takes mail with or without a sign-in.
  plain = await startSmtpServer({
    server: {
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: true,
      onAuth(auth, _session, callback) {
        offered.push(String(auth.password));
        callback(null, { user: auth.username });
      },
    },
  });
  t = await startTestRelay();
  ({ token: admin } = await t.addUser('admin@firma.se', 'admin'));
  ({ token: member } = await t.addUser('anna@firma.se', 'member'));
});
afterAll(async () => {
  await t?.close();
  await plain?.close();
});

const noneProfile = (extra: Record<string, unknown> = {}) =>
  testProfile(plain.port, { isDefault: false, smtp: { host: '127.0.0.1', port: plain.port, security: 'none', ...extra }, auth: { type: 'password', username: 'anna@firma.se', password: PASSWORD } });

async function send(token: string, profileId: string) {
  const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura', text: 'Hej' } });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return waitForMessage(t, token, res.body.id, isFinal);
}

describe('no password in clear', () => {
  it('delivers over security "none" without sending AUTH (password sniffing on the path)', async () => {
    offered.length = 0;
    const created = await t.request('POST', '/v1/profiles', { token: member, body: noneProfile() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await send(member, created.body.id)).status).toBe('sent');
    expect(offered).toEqual([]);
  });

  it('runs the sender test over security "none" without sending the password, and says why', async () => {
    offered.length = 0;
    const res = await t.request('POST', '/v1/diagnose', { token: member, body: noneProfile() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const auth = res.body.stages.find((s: { stage: string }) => s.stage === 'auth');
    expect(auth).toMatchObject({ skipped: true });
    expect(auth.detail).toMatch(/not encrypted/);
    expect(offered).toEqual([]);
  });

  it('signs in over "none" only when an admin set allowPlaintextAuth', async () => {
    offered.length = 0;
    const created = await t.request('POST', '/v1/profiles', { token: admin, body: noneProfile({ allowPlaintextAuth: true }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.smtp.allowPlaintextAuth).toBe(true);
    expect((await send(admin, created.body.id)).status).toBe('sent');
    expect(offered).toEqual([PASSWORD]);
  });

  it('refuses allowPlaintextAuth from a member (403), on a new profile, a change and a test', async () => {
    const created = await t.request('POST', '/v1/profiles', { token: member, body: noneProfile({ allowPlaintextAuth: true }) });
    expect(created.status).toBe(403);
    expect(created.body.error.code).toBe('forbidden');
    const own = await t.request('POST', '/v1/profiles', { token: member, body: { ...noneProfile(), name: 'Own' } });
    const patched = await t.request('PATCH', `/v1/profiles/${own.body.id}`, { token: member, body: { smtp: { allowPlaintextAuth: true } } });
    expect(patched.status).toBe(403);
    const tested = await t.request('POST', '/v1/diagnose', { token: member, body: noneProfile({ allowPlaintextAuth: true }) });
    expect(tested.status).toBe(403);
  });
});
