/**
 * Bad input gets a clear error, not a mangled mail: a body that is not UTF-8 (RFC 8259, section 8.1)
 * or a `\ud800` escape without its other half was taken with a `202`, and the customer got U+FFFD
 * replacement characters in the subject. Likewise a body sent as `text/plain` or a form was parsed as
 * JSON regardless and taken; it is now 415. Through the API against a real SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

let t: TestRelay;
let smtp: TestSmtpServer;
let token: string;
let profileId: string;
beforeAll(async () => {
  smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  t = await startTestRelay();
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
  const created = await t.request('POST', '/v1/profiles', { token, body: testProfile(smtp.port) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  profileId = created.body.id;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** Posts raw bytes (which `t.request` cannot: it takes a string). */
async function postBytes(path: string, bytes: Buffer, headers: Record<string, string> = {}) {
  const res = await t.relay.app.request(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const send = (subject: string) => `{"profileId":"${profileId}","to":["kund@exempel.se"],"subject":"${subject}","text":"Hej"}`;

describe('a body that is not UTF-8', () => {
  it.each([
    ['Latin-1 "Räkning"', Buffer.from(send('R\xe4kning 4711'), 'latin1')],
    ['a truncated UTF-8 sequence', Buffer.from(send('Faktura \xc3'), 'latin1')],
    ['an overlong encoding of "/"', Buffer.from(send('Faktura \xc0\xaf'), 'latin1')],
  ])('is refused with 400 invalid_json on a send (%s)', async (_name, bytes) => {
    const res = await postBytes('/v1/messages', bytes, { 'Idempotency-Key': `latin1-${Math.random()}` });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(res.body.error.message).toMatch(/UTF-8/);
  });

  it('is refused on the other routes too (an app password)', async () => {
    const res = await postBytes('/v1/app-passwords', Buffer.from('{"name":"Bokf\xf6ring"}', 'latin1'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });
});

describe('a lone surrogate escape', () => {
  it('is refused with 400 validation_failed naming the field, on a send and on an app password', async () => {
    const sent = await postBytes('/v1/messages', Buffer.from(send('Faktura \\ud800 4711')), { 'Idempotency-Key': `lone-${Math.random()}` });
    expect(sent.status).toBe(400);
    expect(sent.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'subject' }] });
    const named = await postBytes('/v1/app-passwords', Buffer.from('{"name":"App \\udc00"}'));
    expect(named.status).toBe(400);
    expect(named.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'name' }] });
  });
});

describe('well-formed text still goes through whole', () => {
  it('delivers a subject with a surrogate pair (escaped and raw), å and a byte order mark before the body', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(send('Räkning \\ud83d\\ude00 😀 \\\\ud800'))]);
    const res = await postBytes('/v1/messages', body, { 'Idempotency-Key': `pair-${Math.random()}` });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.parsed.subject).toBe('Räkning 😀 😀 \\ud800');
  });
});

describe('a body that is not sent as JSON', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/html; charset=utf-8'])(
    'is refused with 415 unsupported_media_type before it is read (Content-Type: %s)',
    async (type) => {
      for (const path of ['/v1/messages', '/v1/app-passwords', '/v1/profiles']) {
        const res = await postBytes(path, Buffer.from(send('Faktura 4711')), { 'Content-Type': type, 'Idempotency-Key': `type-${Math.random()}` });
        expect(res.status, path).toBe(415);
        expect(res.body.error).toMatchObject({ code: 'unsupported_media_type', hint: expect.stringContaining('application/json') });
      }
    },
  );

  it('is taken as JSON with application/json and its parameters, a +json type, or no Content-Type at all', async () => {
    for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/vnd.ownpost+json', '']) {
      const res = await postBytes('/v1/app-passwords', Buffer.from('{"name":"Script"}'), { 'Content-Type': type });
      expect(res.status, type).toBe(201);
    }
  });
});
