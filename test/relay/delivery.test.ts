import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { isFinal, waitForMessage, waitForOutboxAtRest } from '../helpers/delivery';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

const USERS = { 'anna@firma.se': 'correct horse battery staple' };
let t: TestRelay;
let token: string;
const servers: TestSmtpServer[] = [];
beforeAll(async () => {
  t = await startTestRelay();
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
});
afterAll(() => t.close());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(options: Parameters<typeof startSmtpServer>[0] = { users: USERS }) {
  const s = await startSmtpServer(options);
  servers.push(s);
  return s;
}

async function profileFor(port: number, overrides: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/v1/profiles', { token, body: testProfile(port, overrides) });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('delivery through the sender’s own mailbox', () => {
  it('queues with 202, delivers over STARTTLS with AUTH, and shows sent with the server reply', async () => {
    const smtp = await server();
    const profileId = await profileFor(smtp.port);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(50_000)]);
    const res = await t.request('POST', '/v1/messages', {
      token,
      headers: { 'Idempotency-Key': 'send-1' },
      body: {
        profileId,
        to: ['Kund AB <kund@exempel.se>'],
        subject: 'Faktura 4711',
        text: 'Hej! Fakturan bifogas.',
        attachments: [{ filename: 'Faktura-4711.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') }],
        context: { documentRef: '4711', pageUrl: 'https://app.example/invoices/4711' },
      },
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', to: ['kund@exempel.se'], documentRef: '4711' });
    const done = await waitForMessage(t, token, res.body.id, isFinal);
    expect(done.status).toBe('sent');
    expect(done.lastReply).toMatch(/^250 .*queued as TEST1/);
    expect(done.attemptCount).toBe(1);
    expect(done.attempts).toEqual([expect.objectContaining({ number: 1, outcome: 'sent', responseCode: 250, reply: done.lastReply })]);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.user).toBe('anna@firma.se');
    expect(mail!.envelope).toEqual({ from: 'anna@firma.se', to: ['kund@exempel.se'] });
    expect(mail!.parsed.messageId).toBe(done.messageId);
    expect(mail!.parsed.from?.value[0]).toMatchObject({ name: 'Anna Berg', address: 'anna@firma.se' });
    expect(mail!.parsed.subject).toBe('Faktura 4711');
    expect(mail!.parsed.attachments[0]!.filename).toBe('Faktura-4711.pdf');
    expect(Buffer.compare(mail!.parsed.attachments[0]!.content, pdf)).toBe(0);
    const history = await t.request('GET', '/v1/messages?documentRef=4711', { token });
    expect(history.body.messages.map((m: { id: string }) => m.id)).toEqual([res.body.id]);
  });

  it('sends over implicit TLS (security "tls")', async () => {
    const smtp = await server({ users: USERS, secure: true });
    const profileId = await profileFor(smtp.port, { smtp: { host: '127.0.0.1', port: smtp.port, security: 'tls' } });
    const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'TLS' } });
    expect((await waitForMessage(t, token, res.body.id, isFinal)).status).toBe('sent');
    expect(smtp.received).toHaveLength(1);
  });

  it('never continues in plain text when STARTTLS is required but not offered', async () => {
    const smtp = await server({ users: USERS, server: { disabledCommands: ['STARTTLS'], allowInsecureAuth: true } });
    const profileId = await profileFor(smtp.port);
    const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'plain?' } });
    const done = await waitForMessage(t, token, res.body.id, (m) => ['failed', 'deferred', 'sent'].includes(m.status));
    expect(done.status).not.toBe('sent');
    expect(done.problem.code).toBe('starttls_not_offered');
    expect(smtp.received).toHaveLength(0);
  });

  it('marks a permanent rejection failed, with the reply and a problem explained', async () => {
    const smtp = await server({
      users: USERS,
      onMessage: () => {
        throw Object.assign(new Error('5.7.60 SMTP; Client does not have permissions to send as this sender'), { responseCode: 550 });
      },
    });
    const profileId = await profileFor(smtp.port);
    const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 1' } });
    const done = await waitForMessage(t, token, res.body.id, isFinal);
    expect(done.status).toBe('failed');
    expect(done.lastReply).toMatch(/550 5\.7\.60/);
    expect(done.problem).toMatchObject({ code: 'send_as_denied' });
    expect(done.problem.fix.length).toBeGreaterThan(10);
  });

  it('returns the first result for a repeated Idempotency-Key and sends one mail; another body is a 409', async () => {
    const smtp = await server();
    const profileId = await profileFor(smtp.port);
    const body = { profileId, to: ['kund@exempel.se'], subject: 'Faktura 77' };
    const first = await t.request('POST', '/v1/messages', { token, body, headers: { 'Idempotency-Key': 'inv-77' } });
    const again = await t.request('POST', '/v1/messages', { token, body, headers: { 'Idempotency-Key': 'inv-77' } });
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    const conflict = await t.request('POST', '/v1/messages', {
      token,
      body: { ...body, subject: 'Faktura 78' },
      headers: { 'Idempotency-Key': 'inv-77' },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('idempotency_conflict');
    await waitForMessage(t, token, first.body.id, (m) => ['sent'].includes(m.status));
    // A duplicate would still be in the outbox, or at the test server by the time the outbox is at rest.
    await waitForOutboxAtRest(t);
    expect(smtp.received).toHaveLength(1);
  });

  it('answers 422 no_sender_profile with a hint when the user has no sender', async () => {
    const { token: newcomer } = await t.addUser('new@firma.se');
    const res = await t.request('POST', '/v1/messages', { token: newcomer, body: { to: ['kund@exempel.se'], subject: 'x' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('no_sender_profile');
    expect(res.body.error.hint).toBeTruthy();
  });
});
