/**
 * Mail servers with habits the other relay tests never meet, each a real server on 127.0.0.1
 * (test/helpers/peculiar-smtp-peers.ts), each checked twice:
 * - delivery: an invoice sent through `POST /v1/messages` reaches the server intact (parsed with
 *   mailparser), or ends in the right status with a clear problem code; never lost, never sent
 *   twice except where the README's at-least-once rule says so (a reply lost after the data);
 * - the sender test (`POST /v1/diagnose`): passes where delivery works, and otherwise names the
 *   stage and the cause.
 */
import { randomBytes } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosisResult } from '../../shared/diagnosis-schemas';
import { certs } from '../helpers/certs';
import { createProfile, isFinal, startDeliveryRelay, waitForMessage } from '../helpers/delivery';
import { appTransport, createAppPassword, smtpDoorEnv } from '../helpers/smtp-door';
import { diagnose, diagnoseBody, expectFailure, PASSWORD, startDiagnosisRelay, type ExpectedFailure } from '../helpers/diagnosis-relay';
import { startPeculiarSmtpServer, type PeculiarSmtpOptions, type PeculiarSmtpServer } from '../helpers/peculiar-smtp-peers';
import type { TestRelay } from '../helpers/test-relay';

let delivery: TestRelay;
let token: string;
let diagnosis: TestRelay;
/** The SMTP front door's STARTTLS port, for messages an app submits. */
let doorPort: number;
beforeAll(async () => {
  [delivery, diagnosis] = await Promise.all([startDeliveryRelay(smtpDoorEnv()), startDiagnosisRelay()]);
  ({ token } = await delivery.addUser('anna@firma.se', 'admin'));
  doorPort = (await delivery.relay.smtp!.listen()).starttls!.port;
});
afterAll(async () => {
  await Promise.all([delivery.close(), diagnosis.close()]);
});

const EHLO_TLS_AUTH = '250-peculiar.test\n250-SIZE 10000000\n250-8BITMIME\n250 AUTH PLAIN LOGIN';
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(6_000)]);

/** What a message looks like when it went out: the API's view, and what the server got. */
interface Delivered {
  done: any;
  server: PeculiarSmtpServer;
  /** The delivered (250) transactions' messages, parsed. */
  parsed: ParsedMail[];
}

interface Case {
  name: string;
  server: PeculiarSmtpOptions;
  /** Profile fields over the default (STARTTLS on the server's port, a password). */
  profile?: (port: number) => Record<string, unknown>;
  /** The message's fields over the default invoice. */
  message?: Record<string, unknown>;
  /** What the message must look like once final. */
  delivery: (outcome: Delivered) => void;
  /** Fields of the diagnosis body over the profile's. */
  diagnose?: Record<string, unknown>;
  /** A passing test (with checks), or the expected failure. */
  diagnosis: ((result: DiagnosisResult, server: PeculiarSmtpServer) => void) | ExpectedFailure;
}

/** Every byte of the message is 7-bit (RFC 6152: without 8BITMIME, nothing else may be sent). */
const sevenBitClean = (data: Buffer | undefined) => data !== undefined && data.every((byte) => byte < 0x80);

/** Delivered once, intact: the invoice's Message-ID, subject, text and PDF as sent. */
function deliveredOnce({ done, server, parsed }: Delivered, subject = 'Faktura 4711') {
  expect(done.status, JSON.stringify(done)).toBe('sent');
  expect(server.delivered()).toHaveLength(1);
  expect(parsed[0]!.messageId).toBe(done.messageId);
  expect(parsed[0]!.subject).toBe(subject);
  expect(Buffer.compare(parsed[0]!.attachments[0]!.content, PDF)).toBe(0);
}

const passes =
  (check: (result: DiagnosisResult, server: PeculiarSmtpServer) => void = () => {}) =>
  (result: DiagnosisResult, server: PeculiarSmtpServer) => {
    expect(result.ok, JSON.stringify(result, null, 1)).toBe(true);
    check(result, server);
  };

const stage = (result: DiagnosisResult, name: string) => result.stages.find((s) => s.stage === name)!;

const CASES: Case[] = [
  {
    name: 'no 8BITMIME: a UTF-8 subject, body and display names go 7-bit clean',
    server: { ehlo: '250-peculiar.test\n250-STARTTLS\n250 AUTH PLAIN LOGIN', ehloAfterTls: '250-peculiar.test\n250 AUTH PLAIN LOGIN' },
    message: { subject: 'Faktura 4711 – zażółć gęślą jaźń', text: 'Grüße aus Łódź ✓\nÆble, ø, å, ð, þ.', to: ['Jörg Müller <kund@exempel.se>'] },
    delivery: (outcome) => {
      deliveredOnce(outcome, 'Faktura 4711 – zażółć gęślą jaźń');
      const [transaction] = outcome.server.delivered();
      expect(sevenBitClean(transaction!.data)).toBe(true);
      expect(transaction!.mailParameters).not.toContain('BODY=8BITMIME');
      expect(outcome.parsed[0]!.text?.trim()).toBe('Grüße aus Łódź ✓\nÆble, ø, å, ð, þ.');
      expect(outcome.parsed[0]!.to).toMatchObject({ value: [{ name: 'Jörg Müller', address: 'kund@exempel.se' }] });
    },
    diagnose: { fromName: 'Łucja Żółć' },
    diagnosis: passes((_result, server) => {
      // The test message, in Polish with a Polish sender's name, is 7-bit clean too.
      expect(server.transactions).toHaveLength(1);
      expect(sevenBitClean(server.transactions[0]!.data)).toBe(true);
    }),
  },
  {
    name: 'no SMTPUTF8: an international domain goes as punycode',
    server: { ehlo: EHLO_TLS_AUTH.replace('250-8BITMIME\n', '250-8BITMIME\n250-STARTTLS\n'), ehloAfterTls: EHLO_TLS_AUTH },
    message: { to: ['Kund <kund@bücher.de>'] },
    delivery: (outcome) => {
      deliveredOnce(outcome);
      const [transaction] = outcome.server.delivered();
      expect(transaction!.accepted).toEqual(['kund@xn--bcher-kva.de']);
      expect(transaction!.mailParameters).not.toContain('SMTPUTF8');
      expect(sevenBitClean(transaction!.data)).toBe(true);
    },
    diagnose: { sendTo: 'kund@bücher.de' },
    diagnosis: passes((result, server) => {
      expect(server.transactions[0]!.accepted).toEqual(['kund@xn--bcher-kva.de']);
      expect(stage(result, 'recipient').ok).toBe(true);
    }),
  },
  {
    name: 'SIZE smaller than the message: refused before any data is uploaded',
    server: {
      ehlo: EHLO_TLS_AUTH.replace('SIZE 10000000', 'SIZE 600').replace('250-8BITMIME\n', '250-8BITMIME\n250-STARTTLS\n'),
      ehloAfterTls: EHLO_TLS_AUTH.replace('SIZE 10000000', 'SIZE 600'),
      maxSize: 600,
    },
    delivery: ({ done, server }) => {
      expect(done).toMatchObject({ status: 'failed', attemptCount: 1, problem: { code: 'message_too_large' } });
      expect(server.commands.filter((c) => c === 'DATA')).toEqual([]);
    },
    diagnosis: { stage: 'sender', code: 'message_too_large' },
  },
  {
    name: 'AUTH LOGIN only',
    server: { ehloAfterTls: '250-peculiar.test\n250 AUTH LOGIN', auth: { mechanisms: ['LOGIN'], password: PASSWORD } },
    delivery: (outcome) => {
      deliveredOnce(outcome);
      expect(outcome.server.delivered()[0]!.user).toBe('anna@firma.se');
    },
    diagnosis: passes((result) => expect(stage(result, 'auth').mechanism).toBe('LOGIN')),
  },
  {
    name: 'AUTH CRAM-MD5 only',
    server: { ehloAfterTls: '250-peculiar.test\n250 AUTH CRAM-MD5', auth: { mechanisms: ['CRAM-MD5'], password: PASSWORD } },
    delivery: (outcome) => {
      deliveredOnce(outcome);
      expect(outcome.server.delivered()[0]!.user).toBe('anna@firma.se');
    },
    diagnosis: passes((result) => expect(stage(result, 'auth').mechanism).toBe('CRAM-MD5')),
  },
  {
    name: 'AUTH offered only after STARTTLS',
    server: { ehlo: '250-peculiar.test\n250-8BITMIME\n250 STARTTLS', ehloAfterTls: '250-peculiar.test\n250-8BITMIME\n250 AUTH PLAIN', auth: { mechanisms: ['PLAIN'], password: PASSWORD } },
    delivery: (outcome) => {
      deliveredOnce(outcome);
      const [transaction] = outcome.server.delivered();
      expect(transaction).toMatchObject({ secure: true, user: 'anna@firma.se' });
      // The password never crossed the plain connection.
      expect(outcome.server.commands.indexOf('STARTTLS')).toBeLessThan(outcome.server.commands.findIndex((c) => c.startsWith('AUTH')));
    },
    diagnosis: passes((result) => expect(stage(result, 'auth').mechanism).toBe('PLAIN')),
  },
  {
    name: 'AUTH only after STARTTLS, with the profile set to no encryption: nothing signs in, STARTTLS suggested',
    server: {
      ehlo: '250-peculiar.test\n250-8BITMIME\n250 STARTTLS',
      ehloAfterTls: '250-peculiar.test\n250-8BITMIME\n250 AUTH PLAIN',
      auth: { mechanisms: ['PLAIN'], password: PASSWORD },
      requireAuth: true,
    },
    profile: (port) => ({ smtp: { host: '127.0.0.1', port, security: 'none' } }),
    delivery: ({ done, server }) => {
      expect(done).toMatchObject({ status: 'failed', attemptCount: 1, problem: { code: 'not_authenticated' } });
      expect(server.commands.some((c) => c.startsWith('AUTH'))).toBe(false);
      expect(server.transactions).toEqual([]);
    },
    diagnosis: (result, server) => {
      expectFailure(result, { stage: 'sender', code: 'not_authenticated', suggestion: { host: '127.0.0.1', port: server.port, security: 'starttls' } });
    },
  },
  {
    name: 'a multi-line greeting and an EHLO reply with odd spacing and case',
    server: {
      greeting: () => '220-peculiar.test ESMTP\n220-Unauthorised access prohibited.\n220 All sessions are logged',
      ehlo: '250-peculiar.test Hello [127.0.0.1]\n250-size   20000000\n250-8BITMIME \n250-STARTTLS\n250 ENHANCEDSTATUSCODES',
      ehloAfterTls: '250-peculiar.test Hello [127.0.0.1]\n250-size   20000000\n250-8BITMIME \n250-AUTH=LOGIN PLAIN\n250-auth   login   plain  \n250 ENHANCEDSTATUSCODES',
      auth: { mechanisms: ['PLAIN', 'LOGIN'], password: PASSWORD },
    },
    delivery: (outcome) => {
      deliveredOnce(outcome);
      expect(outcome.server.delivered()[0]!.user).toBe('anna@firma.se');
      expect(outcome.server.delivered()[0]!.mailParameters).toContain(`SIZE=${outcome.done.sizeBytes}`);
      // The relay's own messages are 7-bit: nothing to announce although the server offers 8BITMIME.
      expect(outcome.server.delivered()[0]!.mailParameters).not.toContain('BODY=8BITMIME');
    },
    diagnosis: passes((result) => {
      expect(stage(result, 'ehlo').maxMessageBytes).toBe(20_000_000);
      expect(stage(result, 'auth').mechanism).toBe('PLAIN');
    }),
  },
  {
    name: '554 at the greeting (no service for this client), permanent',
    server: { greeting: () => '554 5.7.1 peculiar.test: Client host [127.0.0.1] blocked using zen.spamhaus.org' },
    delivery: ({ done, server }) => {
      expect(done).toMatchObject({ status: 'failed', attemptCount: 1, problem: { code: 'server_permanent' } });
      expect(done.lastReply).toMatch(/^554 5\.7\.1 .*blocked/);
      expect(server.commands).toEqual([]);
    },
    diagnosis: { stage: 'connect', code: 'server_permanent' },
  },
  {
    name: 'a slow greeting, within the timeouts',
    server: { greetingDelayMs: 500 },
    delivery: deliveredOnce,
    diagnosis: passes((result) => expect(stage(result, 'connect').ms).toBeGreaterThanOrEqual(450)),
  },
  {
    name: '421 at the first connection (service busy), fine on the retry',
    server: { greeting: (n) => (n === 1 ? '421 4.3.2 peculiar.test Service not available, closing transmission channel' : '220 peculiar.test ESMTP') },
    delivery: (outcome) => {
      deliveredOnce(outcome);
      expect(outcome.done.attempts.map((a: any) => [a.outcome, a.problemCode])).toEqual([
        ['deferred', 'server_temporary'],
        ['sent', undefined],
      ]);
    },
    diagnosis: { stage: 'connect', code: 'server_temporary' },
  },
  {
    name: 'greylisting: 451 to RCPT TO at first, accepted later',
    server: { rcpt: (address, n) => (n === 1 ? `451 4.7.1 <${address}>: Recipient address rejected: Greylisted, please try again in 1 second` : '250 2.1.5 Ok') },
    delivery: (outcome) => {
      deliveredOnce(outcome);
      expect(outcome.done.attempts.map((a: any) => [a.outcome, a.problemCode])).toEqual([
        ['deferred', 'server_temporary'],
        ['sent', undefined],
      ]);
      expect(outcome.done.attempts[0].reply).toMatch(/^451 4\.7\.1 .*Greylisted/);
    },
    diagnosis: { stage: 'recipient', code: 'server_temporary' },
  },
  {
    name: 'one recipient of two refused (550 5.1.1): sent to the other once, the refusal shown',
    server: { rcpt: (address) => (address.startsWith('nobody') ? `550 5.1.1 <${address}>: Recipient address rejected: User unknown in virtual mailbox table` : '250 2.1.5 Ok') },
    message: { to: ['kund@exempel.se', 'nobody@exempel.se'] },
    delivery: (outcome) => {
      deliveredOnce(outcome);
      expect(outcome.server.delivered()[0]!.accepted).toEqual(['kund@exempel.se']);
      expect(outcome.done.attemptCount).toBe(1);
      expect(outcome.done.problem).toMatchObject({ code: 'recipients_partly_refused' });
      expect(outcome.done.lastReply).toMatch(/nobody@exempel\.se.*550 5\.1\.1/s);
      expect(outcome.done.attempts[0]).toMatchObject({ outcome: 'sent', problemCode: 'recipients_partly_refused' });
      expect(outcome.server.transactions).toHaveLength(1);
    },
    diagnose: { sendTo: 'nobody@exempel.se' },
    diagnosis: { stage: 'recipient', code: 'recipient_rejected' },
  },
  {
    name: 'one recipient of two deferred (452 4.2.2 mailbox full): sent to the other once, not retried (they would get it twice)',
    server: { rcpt: (address) => (address.startsWith('full') ? `452 4.2.2 <${address}>: Recipient address rejected: Mailbox full` : '250 2.1.5 Ok') },
    message: { to: ['kund@exempel.se', 'full@exempel.se'] },
    delivery: (outcome) => {
      deliveredOnce(outcome);
      expect(outcome.server.transactions).toHaveLength(1);
      expect(outcome.done).toMatchObject({ attemptCount: 1, problem: { code: 'recipients_partly_refused' } });
      expect(outcome.done.lastReply).toMatch(/full@exempel\.se: 452 4\.2\.2/);
    },
    diagnose: { sendTo: 'full@exempel.se' },
    diagnosis: { stage: 'recipient', code: 'server_temporary' },
  },
  {
    name: 'the connection closes after the data without a reply: sent again (at least once), one Message-ID',
    server: { afterData: (n) => (n === 1 ? 'close' : '250 2.0.0 Ok: queued') },
    delivery: (outcome) => {
      deliveredOnce(outcome);
      expect(outcome.done.attempts.map((a: any) => [a.outcome, a.problemCode])).toEqual([
        ['deferred', 'connection_dropped'],
        ['sent', undefined],
      ]);
      // The server had the whole message the first time: the same bytes came again.
      const [lost, kept] = outcome.server.transactions;
      expect(lost!.reply).toBeUndefined();
      expect(Buffer.compare(lost!.data!, kept!.data!)).toBe(0);
    },
    diagnosis: { stage: 'data', code: 'connection_dropped' },
  },
  {
    name: 'EHLO refused with 502 (HELO only), without encryption',
    server: { ehlo: null },
    profile: (port) => ({ smtp: { host: '127.0.0.1', port, security: 'none' } }),
    delivery: (outcome) => {
      deliveredOnce(outcome);
      expect(outcome.server.commands.some((c) => c.startsWith('HELO '))).toBe(true);
      expect(outcome.server.commands.some((c) => c.startsWith('AUTH'))).toBe(false);
    },
    diagnosis: passes((_result, server) => expect(server.commands.some((c) => c.startsWith('HELO '))).toBe(true)),
  },
  {
    name: 'EHLO refused with 502 where STARTTLS is required: no STARTTLS, never plain',
    server: { ehlo: null },
    delivery: ({ done, server }) => {
      expect(done).toMatchObject({ status: 'failed', problem: { code: 'starttls_not_offered' } });
      expect(server.transactions).toEqual([]);
    },
    diagnosis: { stage: 'tls', code: 'starttls_not_offered' },
  },
  {
    name: 'STARTTLS offered, but the server hangs up instead of the handshake',
    server: { startTls: 'broken' },
    delivery: ({ done, server }) => {
      expect(done.status).toBe('failed');
      expect(done.attempts[0]).toMatchObject({ outcome: 'deferred', problemCode: 'connection_dropped' });
      expect(server.transactions).toEqual([]);
      expect(server.commands.some((c) => c.startsWith('AUTH'))).toBe(false);
    },
    diagnosis: { stage: 'tls', code: 'connection_dropped' },
  },
  {
    name: 'a certificate for another name (STARTTLS to "localhost")',
    server: { cert: certs.wrongName },
    profile: (port) => ({ smtp: { host: 'localhost', port, security: 'starttls' } }),
    delivery: ({ done, server }) => {
      expect(done).toMatchObject({ status: 'failed', attemptCount: 1, problem: { code: 'cert_name_mismatch' } });
      expect(server.transactions).toEqual([]);
      expect(server.commands.some((c) => c.startsWith('AUTH'))).toBe(false);
    },
    diagnosis: { stage: 'tls', code: 'cert_name_mismatch' },
  },
];

/** The case's server; unless it says otherwise, it takes the profile's password with PLAIN or LOGIN. */
const serverFor = (item: Case) => startPeculiarSmtpServer({ auth: { mechanisms: ['PLAIN', 'LOGIN'], password: PASSWORD }, ...item.server });

async function deliverThrough(server: PeculiarSmtpServer, item: Case): Promise<Delivered> {
  const profileId = await createProfile(delivery, token, server.port, item.profile?.(server.port) ?? {});
  const res = await delivery.request('POST', '/v1/messages', {
    token,
    body: {
      profileId,
      to: ['kund@exempel.se'],
      subject: 'Faktura 4711',
      text: 'Hej! Fakturan bifogas.',
      attachments: [{ filename: 'Faktura-4711.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') }],
      ...item.message,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const done = await waitForMessage(delivery, token, res.body.id, isFinal);
  const parsed = await Promise.all(server.delivered().map((t) => simpleParser(t.data!)));
  return { done, server, parsed };
}

describe('an internationalised mailbox name (no server takes SMTPUTF8 from the relay)', () => {
  it('is refused at the door with a clear code, never sent garbled', async () => {
    const res = await delivery.request('POST', '/v1/messages', { token, body: { to: ['jörg@exempel.se'], subject: 'Faktura 4711', text: 'Hej' } });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(JSON.stringify(res.body.error)).toMatch(/address_unicode_local_part/);
  });
});

describe('an 8-bit message an app submitted through the SMTP front door', () => {
  it('goes to a server that offers 8BITMIME announced as BODY=8BITMIME (RFC 6152), byte for byte', async () => {
    const server = await startPeculiarSmtpServer({ auth: { mechanisms: ['PLAIN'], password: PASSWORD } });
    try {
      const { token: owner } = await delivery.addUser('eva@firma.se', 'admin');
      await createProfile(delivery, owner, server.port, { isDefault: true, fromAddress: 'eva@firma.se', fromName: 'Eva' });
      const app = await createAppPassword(delivery, owner, 'Fakturaprogram');
      const body =
        'From: Eva <eva@firma.se>\r\nTo: kund@exempel.se\r\nSubject: Faktura 4712\r\nMessage-ID: <f4712@app.example>\r\nMIME-Version: 1.0\r\n' +
        'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGrüße aus Łódź\r\n';
      const info = await appTransport(doorPort, 'starttls', { user: 'eva@firma.se', pass: app.password }).sendMail({
        envelope: { from: 'eva@firma.se', to: ['kund@exempel.se'] },
        raw: Buffer.from(body, 'utf8'),
      });
      const id = /queued as ([0-9a-f-]{36})/.exec(info.response)![1]!;
      expect((await waitForMessage(delivery, owner, id, isFinal)).status).toBe('sent');
      const [transaction] = server.delivered();
      expect(transaction!.mailParameters).toContain('BODY=8BITMIME');
      expect(transaction!.data!.toString('utf8')).toContain('\r\n\r\nGrüße aus Łódź\r\n');
      expect((await simpleParser(transaction!.data!)).text?.trim()).toBe('Grüße aus Łódź');
    } finally {
      await server.close();
    }
  });
});

describe.concurrent('mail servers with peculiar habits', () => {
  it.each(CASES)('$name: delivery', async (item) => {
    const server = await serverFor(item);
    try {
      item.delivery(await deliverThrough(server, item));
    } finally {
      await server.close();
    }
  });

  it.each(CASES)('$name: sender test', async (item) => {
    const server = await serverFor(item);
    try {
      const result = await diagnose(diagnosis, diagnoseBody(server.port, { ...item.profile?.(server.port), ...item.diagnose }), { 'Accept-Language': 'pl' });
      if (typeof item.diagnosis === 'function') item.diagnosis(result, server);
      else expectFailure(result, item.diagnosis);
    } finally {
      await server.close();
    }
  });
});
