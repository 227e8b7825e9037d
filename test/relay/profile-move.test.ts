/**
 * Issue 14: moving a profile to another host or port needs its password again. Before, a PATCH of
 * `smtp` alone kept the saved password, and the next send handed it to whatever listened at the new
 * address: a stolen session could collect the mailbox password with one request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFinal, waitForMessage } from '../helpers/delivery';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

const PASSWORD = 'correct horse battery staple';
let t: TestRelay;
let token: string;
let real: TestSmtpServer;
let collector: TestSmtpServer;
/** Every password the collecting server was offered. */
const collected: string[] = [];
beforeAll(async () => {
  real = await startSmtpServer({ users: { 'anna@firma.se': PASSWORD } });
  collector = await startSmtpServer({
    server: {
      authOptional: false,
      onAuth(auth, _session, callback) {
        collected.push(String(auth.password));
        callback(null, { user: auth.username });
      },
    },
  });
  t = await startTestRelay();
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
});
afterAll(async () => {
  await t?.close();
  await real?.close();
  await collector?.close();
});

async function create() {
  const res = await t.request('POST', '/v1/profiles', { token, body: testProfile(real.port, { isDefault: false }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe('a stored password never goes to a new server', () => {
  it('refuses to move a profile to another port without its password (password exfiltration by PATCH)', async () => {
    const id = await create();
    const moved = await t.request('PATCH', `/v1/profiles/${id}`, { token, body: { smtp: { host: '127.0.0.1', port: collector.port, security: 'starttls' } } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(422);
    expect(moved.body.error.code).toBe('profile_password_required');
    expect(JSON.stringify(moved.body)).not.toContain(PASSWORD);

    // The profile still points at its own server: a send goes there, and nothing reaches the collector.
    const res = await t.request('POST', '/v1/messages', { token, body: { profileId: id, to: ['kund@exempel.se'], subject: 'Faktura', text: 'Hej' } });
    expect((await waitForMessage(t, token, res.body.id, isFinal)).status).toBe('sent');
    expect(collected).toEqual([]);
  });

  it('refuses to move a profile to another host name without its password', async () => {
    const id = await create();
    const moved = await t.request('PATCH', `/v1/profiles/${id}`, { token, body: { smtp: { host: 'localhost', port: real.port, security: 'starttls' } } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(422);
    expect(moved.body.error.code).toBe('profile_password_required');
  });

  it('moves a profile when the password comes with it', async () => {
    const id = await create();
    const moved = await t.request('PATCH', `/v1/profiles/${id}`, {
      token,
      body: { smtp: { host: '127.0.0.1', port: collector.port, security: 'starttls' }, auth: { type: 'password', username: 'anna@firma.se', password: 'the collector’s own' } },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });

  it('keeps the password for other changes, and for the same server spelled differently', async () => {
    const id = await create();
    const renamed = await t.request('PATCH', `/v1/profiles/${id}`, { token, body: { name: 'Renamed', smtp: { host: '127.0.0.1', port: real.port, security: 'starttls' } } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.auth.hasPassword).toBe(true);
  });

  it('forgets the IMAP password when the Sent-folder server moves to another port', async () => {
    const id = await create();
    const put = (port: number, password?: string) =>
      t.request('PUT', `/v1/profiles/${id}/delivery`, {
        token,
        body: { saveToSent: { host: '127.0.0.1', port, security: 'tls', username: 'anna@firma.se', ...(password ? { password } : {}) } },
      });
    expect((await put(993, 'imap secret')).body.saveToSent.hasPassword).toBe(true);
    expect((await put(993)).body.saveToSent.hasPassword).toBe(true);
    expect((await put(collector.port)).body.saveToSent.hasPassword).toBe(false);
  });
});
