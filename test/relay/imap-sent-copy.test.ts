import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type TestDovecot } from '../helpers/dovecot';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { createProfile, startDeliveryRelay } from '../helpers/delivery';
import type { TestRelay } from '../helpers/test-relay';
import type { Database } from 'better-sqlite3';

const PASSWORD = 'correct horse battery staple';
let t: TestRelay;
let token: string;
let smtp: TestSmtpServer;
let dovecot: TestDovecot;

beforeAll(async () => {
  dovecot = await startDovecot({ 'anna@firma.se': PASSWORD, 'bo@firma.se': 'bo-secret' });
  smtp = await startSmtpServer({ users: { 'anna@firma.se': PASSWORD } });
  t = await startDeliveryRelay();
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
}, 30_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await dovecot?.close();
});

async function profileWithSentCopy(saveToSent: Record<string, unknown>) {
  const id = await createProfile(t, token, smtp.port);
  const put = await t.request('PUT', `/v1/profiles/${id}/delivery`, { token, body: { saveToSent } });
  expect(put.status).toBe(200);
  expect(JSON.stringify(put.body)).not.toContain('password"');
  return id;
}

async function waitFor(id: string, done: (m: any) => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.request('GET', `/v1/messages/${id}`, { token });
    if (done(res.body)) return res.body;
    if (Date.now() > deadline) throw new Error(`message ${id}: ${JSON.stringify(res.body)}\n${dovecot.log()}`);
    await new Promise((r) => setTimeout(r, 100)); // a poll's interval: the wait is for `done`
  }
}

describe('copy to the Sent folder over IMAP (a real Dovecot)', () => {
  it('appends the exact bytes that were sent to the folder marked \\Sent, with the SMTP login', async () => {
    const profileId = await profileWithSentCopy({ host: '127.0.0.1', port: dovecot.port, security: 'tls' });
    const res = await t.request('POST', '/v1/messages', {
      token,
      body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 9001', text: 'Hej!', context: { documentRef: '9001' } },
    });
    expect(res.status).toBe(202);
    expect(res.body.sentCopy).toEqual({ status: 'pending', attempts: 0 });
    const done = await waitFor(res.body.id, (m) => m.sentCopy?.status !== 'pending');
    expect(done.status).toBe('sent');
    expect(done.sentCopy).toEqual({ status: 'saved', folder: 'Sent', attempts: 1 });

    const [delivered] = await smtp.waitForMessages(1);
    const copies = await dovecot.messagesIn('anna@firma.se', 'Sent');
    expect(copies).toHaveLength(1);
    // Dovecot stores what it was given; SMTP dot-stuffing and the final CRLF are transport only.
    expect(copies[0]!.toString('latin1')).toBe(delivered!.raw.toString('latin1'));
    expect(delivered!.parsed.messageId).toBe(done.messageId);
  });

  it('shows a failed copy on the message and never sends the mail again', async () => {
    const before = smtp.received.length;
    const profileId = await profileWithSentCopy({
      host: '127.0.0.1',
      port: dovecot.port,
      security: 'tls',
      username: 'anna@firma.se',
      password: 'not the password',
    });
    const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 9002' } });
    const done = await waitFor(res.body.id, (m) => m.sentCopy?.status === 'failed');
    expect(done.status).toBe('sent');
    // A refused sign-in is not retried (repeated failures can lock the mailbox).
    expect(done.sentCopy.attempts).toBe(1);
    expect(done.sentCopy.error).toMatch(/IMAP 127\.0\.0\.1:\d+: .*(authentication|AUTHENTICATIONFAILED|Invalid credentials)/i);
    // A fixed wait on purpose: it proves a negative. A second send or a retried sign-in would happen
    // within it.
    await new Promise((r) => setTimeout(r, 800));
    expect(smtp.received.length - before).toBe(1);
    expect((await t.request('GET', `/v1/messages/${res.body.id}`, { token })).body.attemptCount).toBe(1);
    expect(await dovecot.messagesIn('anna@firma.se', 'Sent')).toHaveLength(1);
  });

  it('files a message once when the relay stopped between APPEND and recording it', async () => {
    const profileId = await profileWithSentCopy({ host: '127.0.0.1', port: dovecot.port, security: 'tls', folder: 'Sent' });
    const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 9003' } });
    await waitFor(res.body.id, (m) => m.sentCopy?.status === 'saved');
    expect(await dovecot.messagesIn('anna@firma.se', 'Sent')).toHaveLength(2);
    // As if the relay had died after APPEND: the copy is due again.
    (t.relay.store as unknown as { db: Database }).db.prepare("UPDATE messages SET sent_copy_status = 'pending', sent_copy_next_at = 0 WHERE id = ?").run(res.body.id);
    t.relay.worker.wake();
    const again = await waitFor(res.body.id, (m) => m.sentCopy?.status === 'saved' && m.sentCopy.attempts === 2);
    expect(again.sentCopy.folder).toBe('Sent');
    expect(await dovecot.messagesIn('anna@firma.se', 'Sent')).toHaveLength(2);
  });

  it('never returns the IMAP password, and keeps it when the settings are saved again without it', async () => {
    const id = await createProfile(t, token, smtp.port);
    const imap = { host: '127.0.0.1', port: dovecot.port, security: 'tls', username: 'bo@firma.se' };
    const first = await t.request('PUT', `/v1/profiles/${id}/delivery`, { token, body: { saveToSent: { ...imap, password: 'bo-secret' } } });
    expect(first.body.saveToSent).toEqual({ ...imap, hasPassword: true });
    const second = await t.request('PUT', `/v1/profiles/${id}/delivery`, { token, body: { maxMessageBytes: 5_000_000, saveToSent: imap } });
    expect(second.body.saveToSent.hasPassword).toBe(true);
    expect(second.body.effective.maxMessageBytes).toBe(5_000_000);
    const res = await t.request('POST', '/v1/messages', { token, body: { profileId: id, to: ['kund@exempel.se'], subject: 'To Bo' } });
    const done = await waitFor(res.body.id, (m) => m.sentCopy?.status !== 'pending');
    expect(done.sentCopy.status).toBe('saved');
    expect(await dovecot.messagesIn('bo@firma.se', 'Sent')).toHaveLength(1);
    // Another server: the stored password does not follow it.
    const moved = await t.request('PUT', `/v1/profiles/${id}/delivery`, { token, body: { saveToSent: { ...imap, host: '127.0.0.2' } } });
    expect(moved.body.saveToSent.hasPassword).toBe(false);
  });
});
