/**
 * The SMTP front door under generated sessions, spoken byte for byte over a socket: commands out of order,
 * overlong lines, bare LF, NUL bytes, pipelined garbage, AUTH with bad base64, huge and malformed MIME,
 * 8-bit and missing headers. The promises held: every line the door writes is an SMTP reply (a code of 2xx
 * to 5xx), every command gets one, the door never crashes and keeps serving other clients meanwhile, it never
 * says "could not store" (4.3.0) to a healthy store, and every message it answered 250 reaches the mailbox
 * whole, with its headers, and parses.
 *
 * Bounded and seeded: FUZZ_RUNS sessions (default 40), FUZZ_SEED; a failure prints both and the session.
 * Sessions that sign in with the right app password come from 127.0.0.1; those that try wrong ones from
 * other loopback addresses, so the door's per-address wait after refused sign-ins does not lock the good ones out.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certs } from '../helpers/certs';
import { dropSchema, postgresRelayEnv } from '../helpers/postgres';
import { createProfile, startDeliveryRelay, waitForMessage } from '../helpers/delivery';
import { createAppPassword, rawSmtp, smtpDoorEnv, type RawSmtpClient } from '../helpers/smtp-door';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';
import { waitFor } from '../helpers/wait-for';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const PASSWORD = 'correct horse battery staple';

let mailbox: TestSmtpServer;
let t: TestRelay;
let anna: string;
let starttlsPort: number;
let tlsPort: number;
let appPassword: string;

/** One thing the client does; `then` answers a 334 (AUTH's next line) in order, `message` a 354. */
interface Step {
  write: Buffer;
  /** Complete replies this write asks for (pipelined commands: one each). */
  replies: number;
  then?: Buffer[];
  message?: { bytes: Buffer; marker: string };
  startTls?: boolean;
}

const line = (text: string | Buffer) => Buffer.concat([Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), Buffer.from('\r\n')]);
const step = (text: string | Buffer, extra: Partial<Step> = {}): Step => ({ write: line(text), replies: 1, ...extra });
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * Messages with headers each perhaps missing, 8-bit, folded, overlong or broken. `fromAnna`: the From is
 * the signed-in user's and no other From or Reply-To is added, so the sender rules let most of them in.
 */
function messages(fromAnna = false): fc.Arbitrary<{ bytes: Buffer; marker: string }> {
  const anyHeader = fc.constantFrom(
    'From: Anna Berg <anna@firma.se>',
    'From: anna@firma.se',
    'From: Ånna Börg <anna@firma.se>',
    'From: other@evil.example',
    'From:',
    'To: kund@exempel.se',
    'To: Kund <kund@exempel.se>, "Ärlig, Kund" <k2@exempel.se>',
    'To: undisclosed-recipients:;',
    'Cc: cc@exempel.se',
    'Bcc: hidden@exempel.se',
    'Subject: Faktura 4711',
    'Subject: Räkning för december 😀',
    'Subject: =?utf-8?B?RmFrdHVyYQ==?=',
    'Subject: =?broken',
    `Subject: ${'x'.repeat(2000)}`,
    'Subject: folded\r\n\tcontinued',
    'Date: Mon, 7 Dec 2026 10:00:00 +0100',
    'Date: not a date',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Type: text/plain; charset=x-unknown',
    'Content-Type: multipart/mixed; boundary="b1"',
    'Content-Type: multipart/mixed',
    'Content-Type: ',
    'Content-Transfer-Encoding: 8bit',
    'Content-Transfer-Encoding: base64',
    'Content-Transfer-Encoding: x-bogus',
    'Reply-To: anna@firma.se',
    'Reply-To: evil@evil.example',
    'X-Mailer: wFirma',
    'X-Eight-Bit: ÅÄÖ ñ 中文',
    'NoColonHeader',
    ': empty name',
    'X-Nul: a\u0000b',
    'Subject: nul \u0000 in the subject',
    'To: "Nul\u0000" <kund@exempel.se>',
    'Received: from x by y; Mon, 7 Dec 2026 10:00:00 +0100',
  );
  const header = fromAnna ? anyHeader.filter((h) => !/^(?:From|Reply-To):/.test(h)) : anyHeader;
  const bodyLine = fc.oneof(
    fc.constantFrom('Hej!', '', '.', '..', '.hidden', 'From the start', '--b1', '--b1--', 'Content-Type: application/pdf', 'ÅÄÖ 8-bit', 'a\u0000b', '=?utf-8?q?x?=', ' ', '\t'),
    fc.constantFrom('y'.repeat(1200), 'z'.repeat(20_000)),
    fc.string({ maxLength: 80 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  );
  const lineEnd = fc.constantFrom('\r\n', '\r\n', '\r\n', '\n', '\r');
  return fc
    .record({
      headers: fc.array(header, { maxLength: 10 }),
      messageId: fc.boolean(),
      lines: fc.array(fc.tuple(bodyLine, lineEnd), { maxLength: 12 }),
      // Now and then larger than the door's announced SIZE (10 MB): 552, and the session goes on.
      huge: fc.oneof({ arbitrary: fc.constant(0), weight: 30 }, { arbitrary: fc.constantFrom(200_000, 1_500_000), weight: 6 }, { arbitrary: fc.constant(10_500_000), weight: 1 }),
    })
    .map(({ headers, messageId, lines, huge }) => {
      const marker = `fuzz-end-${randomUUID()}`;
      const head = [...(fromAnna ? ['From: Anna Berg <anna@firma.se>'] : []), ...headers, ...(messageId ? [`Message-ID: <${randomUUID()}@fuzz.example>`] : [])].join('\r\n');
      let body = lines.map(([text, end]) => text + end).join('');
      if (huge) body += `${'h'.repeat(76)}\r\n`.repeat(Math.ceil(huge / 78));
      body += `${marker}\r\n`;
      // Dot-stuffing is the client's part (RFC 5321 4.5.2): a line that starts with "." gets another, whatever ends it.
      const stuffed = `${head}\r\n\r\n${body}`.replace(/(^|\r\n|\n|\r)\./g, '$1..');
      return { bytes: Buffer.from(stuffed, 'utf8'), marker };
    });
}

/** Commands of every kind, in any order, wrong ones included. */
function steps(signIn: fc.Arbitrary<Step>): fc.Arbitrary<Step> {
  const plain = fc.constantFrom(
    'EHLO faktura-app.test',
    'HELO x',
    'EHLO',
    `EHLO ${'h'.repeat(600)}`,
    'EHLO [127.0.0.1]',
    'EHLO ünïcode.example',
    'MAIL FROM:<anna@firma.se>',
    'MAIL FROM:<anna@firma.se> SIZE=1000 BODY=8BITMIME',
    'MAIL FROM:<anna@firma.se> SMTPUTF8',
    'MAIL FROM:<anna@firma.se> SIZE=99999999999999999999',
    'MAIL FROM:<anna@firma.se> SIZE=-1',
    'MAIL FROM:<>',
    'MAIL FROM:anna@firma.se',
    'MAIL FROM:<other@evil.example>',
    'MAIL FROM:<anna@firma.se',
    'MAIL FROM:<"a b"@firma.se>',
    'MAIL FROM:<anna@firma.se> X=Y',
    'MAIL TO:<anna@firma.se>',
    'RCPT TO:<kund@exempel.se>',
    'RCPT TO:<Kund@Exempel.SE>',
    'RCPT TO:<>',
    'RCPT TO:<not an address>',
    'RCPT TO:<kund@exempel.se> NOTIFY=NEVER',
    'RCPT TO:<användare@exempel.se>',
    'RCPT TO:<postmaster>',
    'RCPT TO:<@route:kund@exempel.se>',
    'RSET',
    'NOOP',
    'NOOP with arguments',
    'VRFY anna',
    'EXPN list',
    'HELP',
    'TURN',
    'ETRN x',
    'BDAT 10 LAST',
    'AUTH',
    'AUTH CRAM-MD5',
    'AUTH XOAUTH2 dXNlcj0=',
    'AUTH PLAIN !!!notbase64',
    'AUTH PLAIN =',
    `AUTH PLAIN ${b64('no nuls at all')}`,
    `AUTH PLAIN ${b64('\u0000\u0000')}`,
    `AUTH PLAIN ${'QUFB'.repeat(2000)}`,
    `AUTH PLAIN ${b64('\u0000mallory@evil.example\u0000guess')}`,
    'STARTTLS extra',
    'quit now please',
    'GET / HTTP/1.1',
    '',
    ' ',
    'ÅÄÖ',
    'x'.repeat(600),
    'x'.repeat(20_000),
  );
  return fc.oneof(
    { arbitrary: plain.map((text) => step(text)), weight: 10 },
    { arbitrary: signIn, weight: 3 },
    { arbitrary: fc.constant(step('STARTTLS', { startTls: true })), weight: 2 },
    { arbitrary: fc.constantFrom('AUTH PLAIN', 'AUTH LOGIN').map((text) => step(text, { then: [Buffer.from('!!!'), Buffer.from('*')] })), weight: 2 },
    { arbitrary: fc.constant(step(`AUTH LOGIN ${b64('mallory@evil.example')}`, { then: [Buffer.from(b64('wrong'))] })), weight: 1 },
    { arbitrary: messages().map((message) => step('DATA', { message })), weight: 4 },
    // A whole transaction pipelined, as apps send it: MAIL, RCPT and DATA in one write.
    {
      arbitrary: messages().map((message) => ({ write: Buffer.concat(['MAIL FROM:<anna@firma.se>', 'RCPT TO:<kund@exempel.se>', 'DATA'].map((text) => line(text))), replies: 3, message })),
      weight: 3,
    },
    // Bytes no command should have: NUL, bare LF, a lone CR, 8-bit, control characters.
    {
      arbitrary: fc.constantFrom('NOOP\u0000', 'NO\u0000OP', '\u0000', 'RSET\r', '\u001b[2J', '\xff\xfe', 'MAIL FROM:<anna@firma.se>\u0000').map((text) => step(Buffer.from(text, 'latin1'))),
      weight: 2,
    },
    { arbitrary: fc.constant<Step>({ write: Buffer.from('NOOP\n'), replies: 1 }), weight: 1 },
    // Pipelined: several commands in one write, one reply each.
    {
      arbitrary: fc
        .array(
          plain.filter((text) => text.length < 1000),
          { minLength: 2, maxLength: 5 },
        )
        .map((texts) => ({ write: Buffer.concat(texts.map((text) => line(text))), replies: texts.length })),
      weight: 2,
    },
  );
}

/** Sessions that sign in with the app password come from 127.0.0.1; the others from another loopback address. */
function sessions() {
  const goodSignIn = fc.constantFrom(
    step(`AUTH PLAIN ${b64(`\u0000anna@firma.se\u0000${appPassword}`)}`),
    step('AUTH PLAIN', { then: [Buffer.from(b64(`\u0000anna@firma.se\u0000${appPassword}`))] }),
    step('AUTH LOGIN', { then: [Buffer.from(b64('anna@firma.se')), Buffer.from(b64(appPassword))] }),
  );
  const badSignIn = fc.constantFrom(
    step(`AUTH PLAIN ${b64(`\u0000anna@firma.se\u0000wrong-${randomUUID()}`)}`),
    step(`AUTH PLAIN ${b64('\u0000mallory@evil.example\u0000x')}`),
    step('AUTH LOGIN', { then: [Buffer.from('%%%'), Buffer.from(b64('x'))] }),
  );
  const happy = (signIn: fc.Arbitrary<Step>, implicitTls: boolean) =>
    signIn.chain((auth) =>
      fc
        .tuple(messages(true), fc.constantFrom('RCPT TO:<kund@exempel.se>', 'RCPT TO:<KUND@Exempel.SE>', 'RCPT TO:<användare@exempel.se>'))
        .map(([message, rcpt]) => [
          step('EHLO faktura-app.test'),
          ...(implicitTls ? [] : [step('STARTTLS', { startTls: true }), step('EHLO faktura-app.test')]),
          auth,
          step('MAIL FROM:<anna@firma.se>'),
          step(rcpt),
          step('DATA', { message }),
        ]),
    );
  return fc.oneof(
    fc.boolean().chain((implicitTls) =>
      fc.record({
        good: fc.constant(true),
        implicitTls: fc.constant(implicitTls),
        prefix: happy(goodSignIn, implicitTls),
        rest: fc.array(steps(goodSignIn), { maxLength: 8 }),
      }),
    ),
    fc.record({
      good: fc.constant(false),
      implicitTls: fc.boolean(),
      prefix: fc.constant<Step[]>([]),
      rest: fc.array(steps(fc.oneof(goodSignIn, badSignIn)), { minLength: 1, maxLength: 12 }),
    }),
  );
}

/** A socket that collects replies line by line and can be upgraded to TLS. */
class Session {
  private buffer = '';
  readonly lines: string[] = [];
  closed = false;
  private wake?: () => void;
  constructor(private socket: net.Socket) {
    this.listen(socket);
  }

  static open(port: number, implicitTls: boolean, localAddress: string): Promise<Session> {
    return new Promise((resolve, reject) => {
      const plain = net.connect({ host: '127.0.0.1', port, localAddress });
      const socket = implicitTls ? tls.connect({ socket: plain, servername: 'localhost', ca: [certs.ca] }) : plain;
      socket.once(implicitTls ? 'secureConnect' : 'connect', () => resolve(new Session(socket)));
      socket.once('error', reject);
    });
  }

  private listen(socket: net.Socket) {
    socket.on('data', (data: Buffer) => {
      this.buffer += data.toString('latin1');
      const parts = this.buffer.split('\r\n');
      this.buffer = parts.pop()!;
      this.lines.push(...parts);
      this.wake?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake?.();
    });
    socket.on('error', () => {});
  }

  /** The next complete reply (its lines), or undefined when the connection closed first. */
  async reply(timeoutMs = 20_000): Promise<string[] | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.lines.findIndex((l) => !/^\d{3}-/.test(l));
      if (end !== -1) return this.lines.splice(0, end + 1);
      if (this.closed) return undefined;
      if (Date.now() > deadline) throw new Error(`no complete SMTP reply within ${timeoutMs} ms; so far: ${JSON.stringify(this.lines)} ${JSON.stringify(this.buffer.slice(0, 200))}`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 200);
      });
    }
  }

  write(bytes: Buffer) {
    if (!this.closed) this.socket.write(bytes);
  }

  async startTls() {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('close');
    const secured = tls.connect({ socket: this.socket, servername: 'localhost', ca: [certs.ca] });
    await new Promise<void>((resolve, reject) => {
      secured.once('secureConnect', () => resolve());
      secured.once('error', reject);
    });
    this.socket = secured;
    this.listen(secured);
  }

  close() {
    this.socket.destroy();
  }
}

const REPLY_LINE = /^[2-5]\d\d(?:[ -]|$)/;

let badAddress = 1;
/** Replies that mean "it is in the outbox", with the marker of the message they answered. */
const accepted: { id: string; marker: string }[] = [];
/** The door's answers to the messages, by code and enhanced code, for the summary. */
const dataReplies = new Map<string, number>();

async function runSession(session: { good: boolean; implicitTls: boolean; prefix: Step[]; rest: Step[] }, transcript: string[]) {
  const from = session.good ? '127.0.0.1' : `127.0.0.${2 + (badAddress++ % 250)}`;
  const client = await Session.open(session.implicitTls ? tlsPort : starttlsPort, session.implicitTls, from);
  const check = (reply: string[] | undefined, what: string) => {
    transcript.push(`${what.slice(0, 120)} → ${reply ? reply.join(' | ').slice(0, 300) : '(closed)'}`);
    for (const l of reply ?? []) expect(l, `${what.slice(0, 200)}: an SMTP reply line`).toMatch(REPLY_LINE);
    // The store is healthy here: "could not store" would be a bug answered as a temporary failure.
    expect(reply?.join('\n') ?? '', what.slice(0, 200)).not.toMatch(/^4\d\d[ -]4\.3\.0/m);
    return reply;
  };
  try {
    const greeting = check(await client.reply(), 'greeting');
    expect(greeting?.[0]).toMatch(/^220 /);
    let secure = session.implicitTls;
    for (const s of [...session.prefix, ...session.rest]) {
      if (client.closed) break;
      const what = s.write.toString('latin1').slice(0, 120);
      client.write(s.write);
      const continuations = [...(s.then ?? [])];
      for (let n = 0; n < s.replies; n++) {
        let reply = check(await client.reply(), what);
        if (!reply) {
          // The door may end a session it will not go on with, but only after saying why (421, or 221 to QUIT).
          expect(transcript.at(-2) ?? '', `${what}: closed without a reply`).toMatch(/→ (?:421|221|5\d\d)/);
          return;
        }
        let code = Number(reply.at(-1)!.slice(0, 3));
        while (code === 334 || code === 354) {
          if (code === 334) client.write(line(continuations.shift() ?? '*'));
          else {
            const message = s.message ?? { bytes: Buffer.from('Subject: x\r\n\r\nx\r\n'), marker: '' };
            client.write(Buffer.concat([message.bytes, Buffer.from('.\r\n')]));
          }
          reply = check(await client.reply(60_000), code === 354 ? `message ${s.message?.marker}` : `${what} (continued)`);
          if (!reply) return;
          if (code === 354) dataReplies.set(reply.at(-1)!.slice(0, 9), (dataReplies.get(reply.at(-1)!.slice(0, 9)) ?? 0) + 1);
          if (code === 354 && /^250 /.test(reply.at(-1)!)) {
            const id = /queued as ([0-9a-f-]{36})/.exec(reply.at(-1)!)?.[1];
            expect(id, reply.join(' ')).toBeDefined();
            // A replayed Message-ID answers with the first message's id: that one carries the first marker.
            if (s.message && !accepted.some((a) => a.id === id)) accepted.push({ id: id!, marker: s.message.marker });
          }
          code = Number(reply.at(-1)!.slice(0, 3));
        }
        if (s.startTls && code === 220 && !secure) {
          await client.startTls();
          secure = true;
        }
      }
    }
  } finally {
    client.close();
  }
}

/** Another client, meanwhile: the door still greets, answers EHLO with its extensions and lets go on QUIT. */
async function stillServes(): Promise<void> {
  const other: RawSmtpClient = await rawSmtp(starttlsPort);
  try {
    expect(other.greeting).toMatch(/^220 /);
    expect(await other.command('EHLO other.test')).toMatch(/^250[ -]/);
    expect(await other.command('NOOP')).toMatch(/^250 /);
  } finally {
    other.close();
  }
}

/** The door on a fresh relay on `kind`'s store, with anna's profile sending to `mailbox` and her app password. */
function doorOn(kind: 'sqlite' | 'postgres') {
  let schema: string | undefined;
  beforeAll(async () => {
    let env: Record<string, string> = {};
    if (kind === 'postgres') ({ schema, env } = await postgresRelayEnv('ownpost_fuzz_door'));
    mailbox = await startSmtpServer({ users: { 'anna@firma.se': PASSWORD } });
    t = await startDeliveryRelay(smtpDoorEnv({ OWNPOST_POLL: '50ms', ...env }));
    const addresses = await t.relay.smtp!.listen();
    starttlsPort = addresses.starttls!.port;
    tlsPort = addresses.tls!.port;
    ({ token: anna } = await t.addUser('anna@firma.se', 'admin'));
    await createProfile(t, anna, mailbox.port, { isDefault: true });
    appPassword = (await createAppPassword(t, anna, 'Fuzz')).password;
    accepted.length = 0;
    dataReplies.clear();
  });
  afterAll(async () => {
    await t?.close();
    await mailbox?.close();
    if (schema) await dropSchema(schema);
  });
}

describe.each(['sqlite', 'postgres'] as const)('the SMTP front door under generated sessions, on %s', (kind) => {
  doorOn(kind);
  it('answers every command with an SMTP reply, never crashes, keeps serving other clients, and delivers what it accepted whole', async () => {
    const started = Date.now();
    // A client connected the whole time: the door does not stall it while others send garbage.
    const idle = await rawSmtp(starttlsPort);
    expect(idle.greeting).toMatch(/^220 /);
    const transcript: string[] = [];
    const result = await fc.check(
      fc.asyncProperty(sessions(), async (session) => {
        transcript.length = 0;
        await runSession(session, transcript);
        if (process.env.FUZZ_DEBUG) console.log(`${session.good ? 'good' : 'bad'} ${session.implicitTls ? 'tls' : 'starttls'}\n${transcript.join('\n')}`);
        await stillServes();
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    if (result.failed) {
      throw new Error(`seed ${result.seed}, path "${result.counterexamplePath}"\ntranscript:\n${transcript.join('\n')}\n${String(result.errorInstance).slice(0, 3000)}`);
    }
    expect(await idle.command('NOOP')).toMatch(/^250 /);
    idle.close();

    // Every 250 after DATA reaches the mailbox as a whole message with its headers.
    expect(accepted.length, `some generated messages were accepted; answers to DATA ${JSON.stringify(Object.fromEntries(dataReplies))}`).toBeGreaterThan(3);
    for (const { id } of accepted) {
      const view = await waitForMessage(t, anna, id, (m) => m.status === 'sent' || m.status === 'failed', 60_000);
      expect(view.status, `message ${id}: ${JSON.stringify(view).slice(0, 500)}`).toBe('sent');
    }
    await waitFor(
      'every accepted message at the mailbox',
      () => accepted.filter(({ marker }) => !mailbox.received.some((m) => m.raw.includes(marker))),
      (missing) => missing.length === 0,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    for (const { marker } of accepted) {
      const mail = mailbox.received.find((m) => m.raw.includes(marker))!;
      const parsed = await simpleParser(mail.raw);
      expect(parsed.from?.value[0]?.address, marker).toBe('anna@firma.se');
      expect(parsed.messageId, marker).toBeTruthy();
      expect(parsed.date, marker).toBeInstanceOf(Date);
      expect(mail.envelope.to.length, marker).toBeGreaterThan(0);
      // The whole message: the marker is the last line of what the app sent.
      expect(mail.raw.toString('latin1').trimEnd().endsWith(marker) || (parsed.text ?? '').includes(marker), marker).toBe(true);
    }
    const log = t.logs.join('\n');
    expect(log).not.toContain(appPassword);
    expect(log).not.toMatch(/internal error|uncaught|unhandled/i);
    console.log(
      `SMTP door on ${kind}: ${RUNS} sessions, ${accepted.length} messages accepted and delivered whole, ${Date.now() - started} ms; answers to DATA ${JSON.stringify(Object.fromEntries(dataReplies))}`,
    );
  }, 240_000);
});
