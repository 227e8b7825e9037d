/**
 * The SMTP front door with odd but legal clients, each a whole session written at once over implicit
 * TLS (so every command is pipelined, RFC 2920) and checked on what reaches the mailbox: lowercase
 * verbs, RSET in the middle of a transaction, BDAT (not offered: refused, the session goes on), an
 * 8BITMIME body, a message without From (the profile's is added, README "The SMTP front door"), a
 * body line far over 998 octets, and a UTF-8 mailbox the relay cannot deliver to (refused at RCPT).
 */
import { randomUUID } from 'node:crypto';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certs } from '../helpers/certs';
import { createProfile, startDeliveryRelay, waitForMessage } from '../helpers/delivery';
import { createAppPassword, smtpDoorEnv } from '../helpers/smtp-door';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';

let mailbox: TestSmtpServer;
let t: TestRelay;
let token: string;
let tlsPort: number;
let plainAuth: string;

beforeAll(async () => {
  mailbox = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  t = await startDeliveryRelay(smtpDoorEnv());
  tlsPort = (await t.relay.smtp!.listen()).tls!.port;
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
  await createProfile(t, token, mailbox.port, { isDefault: true });
  const app = await createAppPassword(t, token, 'Odd app');
  plainAuth = Buffer.from(`\0anna@firma.se\0${app.password}`).toString('base64');
});
afterAll(async () => {
  await t?.close();
  await mailbox?.close();
});

/** Writes the whole session in one go and returns every reply line (`250-` continuations too) once the relay closed after QUIT. */
function session(lines: (string | Buffer)[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port: tlsPort, ca: [certs.ca], servername: 'localhost' });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the session did not end; so far:\n${output}`)), 20_000);
    socket.on('data', (d: Buffer) => (output += d.toString('utf8')));
    socket.once('data', () => socket.write(Buffer.concat(lines.map((line) => Buffer.concat([Buffer.from(line), Buffer.from('\r\n')])))));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(output.split('\r\n').filter((line) => line !== ''));
    });
  });
}

const queuedId = (replies: string[]) => {
  const line = replies.find((reply) => /^250 2\.0\.0 Ok: queued as /.test(reply));
  expect(line, replies.join('\n')).toBeDefined();
  return /queued as ([0-9a-f-]{36})/.exec(line!)![1]!;
};

async function delivered(id: string) {
  const view = await waitForMessage(t, token, id, (m) => m.status === 'sent' || m.status === 'failed');
  expect(view.status, JSON.stringify(view)).toBe('sent');
  const mail = mailbox.received.find((m) => m.raw.includes(view.messageId));
  expect(mail).toBeDefined();
  return mail!;
}

describe('odd but legal SMTP clients', () => {
  it('lowercase verbs, all pipelined: accepted and delivered', async () => {
    const subject = `lower ${randomUUID()}`;
    const replies = await session([
      'ehlo odd.app',
      `auth plain ${plainAuth}`,
      'mail from:<anna@firma.se>',
      'rcpt to:<kund@exempel.se>',
      'data',
      `From: anna@firma.se\r\nTo: kund@exempel.se\r\nSubject: ${subject}\r\n\r\nHej\r\n.`,
      'quit',
    ]);
    const mail = await delivered(queuedId(replies));
    expect(mail.parsed.subject).toBe(subject);
    expect(replies.at(-1)).toMatch(/^221 /);
  });

  it('RSET in the middle of a transaction forgets its recipients; the next transaction goes only to its own', async () => {
    const subject = `rset ${randomUUID()}`;
    const replies = await session([
      'EHLO odd.app',
      `AUTH PLAIN ${plainAuth}`,
      'MAIL FROM:<anna@firma.se>',
      'RCPT TO:<forgotten@exempel.se>',
      'RSET',
      'DATA',
      'MAIL FROM:<anna@firma.se>',
      'RCPT TO:<kund@exempel.se>',
      'DATA',
      `From: anna@firma.se\r\nTo: kund@exempel.se\r\nSubject: ${subject}\r\n\r\nHej\r\n.`,
      'QUIT',
    ]);
    expect(replies).toContainEqual(expect.stringMatching(/^503 /)); // DATA right after RSET: no recipients
    const mail = await delivered(queuedId(replies));
    expect(mail.envelope.to).toEqual(['kund@exempel.se']);
  });

  it('BDAT, which the door does not offer, gets an SMTP error and the session goes on to a normal DATA', async () => {
    const subject = `after bdat ${randomUUID()}`;
    const replies = await session([
      'EHLO odd.app',
      `AUTH PLAIN ${plainAuth}`,
      'MAIL FROM:<anna@firma.se>',
      'RCPT TO:<kund@exempel.se>',
      'BDAT 3 LAST',
      'DATA',
      `From: anna@firma.se\r\nTo: kund@exempel.se\r\nSubject: ${subject}\r\n\r\nHej\r\n.`,
      'QUIT',
    ]);
    expect(replies.filter((reply) => /^250[- ]CHUNKING/.test(reply))).toEqual([]);
    expect(replies).toContainEqual(expect.stringMatching(/^5\d\d /));
    expect((await delivered(queuedId(replies))).parsed.subject).toBe(subject);
  });

  it('an 8BITMIME body arrives byte for byte', async () => {
    const body = 'Hej, här är fakturan – å ä ö 中文';
    const replies = await session([
      'EHLO odd.app',
      `AUTH PLAIN ${plainAuth}`,
      'MAIL FROM:<anna@firma.se> BODY=8BITMIME',
      'RCPT TO:<kund@exempel.se>',
      'DATA',
      `From: anna@firma.se\r\nTo: kund@exempel.se\r\nSubject: 8bit ${randomUUID()}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}\r\n.`,
      'QUIT',
    ]);
    const mail = await delivered(queuedId(replies));
    expect(mail.raw.includes(Buffer.from(`\r\n\r\n${body}\r\n`))).toBe(true);
  });

  it("a message without From gets the profile's, and a body line of 50 000 octets arrives whole", async () => {
    const long = 'x'.repeat(50_000);
    const replies = await session([
      'EHLO odd.app',
      `AUTH PLAIN ${plainAuth}`,
      'MAIL FROM:<anna@firma.se>',
      'RCPT TO:<kund@exempel.se>',
      'DATA',
      `To: kund@exempel.se\r\nSubject: no from ${randomUUID()}\r\n\r\n${long}\r\n.`,
      'QUIT',
    ]);
    const mail = await delivered(queuedId(replies));
    expect(mail.parsed.from?.value).toEqual([{ address: 'anna@firma.se', name: 'Anna Berg' }]);
    expect(mail.raw.includes(Buffer.from(`\r\n${long}\r\n`))).toBe(true);
  });

  it('a UTF-8 mailbox (SMTPUTF8) is refused at RCPT with a 5xx naming it, and the session goes on', async () => {
    const replies = await session(['EHLO odd.app', `AUTH PLAIN ${plainAuth}`, 'MAIL FROM:<anna@firma.se> SMTPUTF8', 'RCPT TO:<künd@exempel.se>', 'RSET', 'NOOP', 'QUIT']);
    expect(replies).toContainEqual(expect.stringMatching(/^553 5\.1\.3 .*künd@exempel\.se/));
    expect(replies.slice(-3)).toEqual([expect.stringMatching(/^250 /), expect.stringMatching(/^250 /), expect.stringMatching(/^221 /)]);
  });
});

describe('replies an app shows its user', () => {
  it('are US-ASCII and at most 512 octets a line (RFC 5321 4.2, 4.5.3.1.5), also when they quote a long or broken address', async () => {
    const replies = await session([
      'EHLO odd.app',
      `AUTH PLAIN ${plainAuth}`,
      'MAIL FROM:<anna@firma.se>',
      'RCPT TO:<kund@-exempel.se>',
      'RCPT TO:<kund@exempel.se>',
      'DATA',
      `From: anna@firma.se ${'('.repeat(3000)}ö${')'.repeat(3000)}\r\nTo: kund@exempel.se\r\nSubject: long from\r\n\r\nHej\r\n.`,
      'QUIT',
    ]);
    const refusals = replies.filter((reply) => /^5\d\d /.test(reply));
    expect(refusals).toEqual([expect.stringMatching(/^553 5\.1\.3 .*"kund@-exempel\.se"/), expect.stringMatching(/^550 5\.6\.0 /)]);
    for (const reply of replies) {
      expect(reply, reply).toMatch(/^[\x20-\x7e]*$/);
      expect(Buffer.byteLength(`${reply}\r\n`)).toBeLessThanOrEqual(512);
    }
  });
});
