/**
 * The relay against a real submission server, the way most company mailboxes on their own domain
 * are run: Debian's Postfix with STARTTLS, SASL through Dovecot, `reject_sender_login_mismatch`
 * and a `message_size_limit`, relaying what it accepts to a recording SMTP server. Nothing here
 * replays a reply: every answer, refusal and limit is Postfix's own (test/helpers/postfix.ts).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose, diagnoseBody, expectFailure, PASSWORD, startDiagnosisRelay } from '../helpers/diagnosis-relay';
import { isFinal, waitForMessage } from '../helpers/delivery';
import { startPostfix, type TestPostfix } from '../helpers/postfix';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';
import { waitFor } from '../helpers/wait-for';

/** Postfix's limit here: room for one 150 KB PDF per message (about 205 KB once encoded), not for two. */
const SIZE_LIMIT = 300_000;

let beyond: TestSmtpServer;
let postfix: TestPostfix;
let t: TestRelay;
let token: string;
beforeAll(async () => {
  // Where Postfix relays to: the customer's side, which records what arrives.
  beyond = await startSmtpServer();
  postfix = await startPostfix({
    users: { 'anna@firma.se': PASSWORD },
    senderLogins: { 'anna@firma.se': ['anna@firma.se', 'faktura@firma.se'] },
    relayPort: beyond.port,
    messageSizeLimit: SIZE_LIMIT,
    // As many providers run it: a From the login may not use is refused at once, at MAIL FROM.
    rejectAtMailFrom: true,
  });
  // Dovecot answers a failed AUTH only after its auth_failure_delay (2 s), as real servers slow
  // down password guessing: the steps get the production's time, not the short one of the
  // timeout tests.
  t = await startDiagnosisRelay({ testStepTimeoutMs: 15_000 });
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
}, 60_000);
afterAll(async () => {
  await t?.close();
  await postfix?.close();
  await beyond?.close();
});

/** faktura@ in From: without a Sender: header (send_as); Postfix's login map gives it to anna@'s login. */
const SEND_AS_FAKTURA = { allowOtherSender: true, allowedSenders: ['faktura@firma.se'], senderStyle: 'send_as' };

const pdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes - 9)]);

/** The message with this subject once Postfix has relayed it. */
async function arrived(subject: string): Promise<ReceivedMail> {
  const found = await waitFor(`"${subject}" to come out of Postfix`, () => beyond.received.find((m) => m.parsed.subject === subject), Boolean, { timeoutMs: 20_000 }).catch((error: Error) => {
    throw new Error(`${error.message}\n${postfix.log()}`);
  });
  return found!;
}

describe('a company mailbox on Postfix', () => {
  let profileId: string;

  it('passes the sender test, which reads the SIZE Postfix announces', async () => {
    const result = await diagnose(t, diagnoseBody(postfix.port));
    expect(result.ok, `${JSON.stringify(result, null, 1)}\n${postfix.log()}`).toBe(true);
    const ehlo = result.stages.find((stage) => stage.stage === 'ehlo');
    expect(ehlo?.ok).toBe(true);
    expect(JSON.stringify(ehlo)).toContain(String(SIZE_LIMIT));
    // Saved after a passing test, as in the extension's options page.
    const saved = await t.request('POST', '/v1/profiles', { token, body: diagnoseBody(postfix.port, SEND_AS_FAKTURA) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    profileId = saved.body.id;
  });

  it('delivers an invoice through it: Postfix’s own reply recorded, the PDF byte for byte, the Message-ID kept', async () => {
    const invoice = pdf(120_000);
    const res = await t.request('POST', '/v1/messages', {
      token,
      body: {
        profileId,
        from: 'faktura@firma.se',
        to: ['Kund AB <kund@exempel.se>'],
        subject: 'Faktura 2026-0815',
        text: 'Hej! Fakturan bifogas.',
        attachments: [{ filename: 'Faktura-2026-0815.pdf', contentType: 'application/pdf', contentBase64: invoice.toString('base64') }],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const done = await waitForMessage(t, token, res.body.id, isFinal, 20_000);
    expect(done.status, `${JSON.stringify(done)}\n${postfix.log()}`).toBe('sent');
    // Postfix's answer, as it gave it: "250 2.0.0 Ok: queued as 4F2B…".
    expect(done.lastReply).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-F]+$/);
    const mail = await arrived('Faktura 2026-0815');
    // The envelope is the mailbox's, as for every send: bounces come back to it.
    expect(mail.envelope).toEqual({ from: 'anna@firma.se', to: ['kund@exempel.se'] });
    expect(mail.parsed.messageId).toBe(done.messageId);
    expect(mail.parsed.from?.value[0]?.address).toBe('faktura@firma.se');
    expect(mail.parsed.headers.has('sender')).toBe(false);
    // Accepted by Postfix from an authenticated client over TLS (ESMTPSA), then relayed on.
    expect(String(mail.parsed.headers.get('received'))).toMatch(/by mail\.firma\.test \(Postfix\) with ESMTPSA/);
    expect(mail.parsed.attachments).toHaveLength(1);
    expect(mail.parsed.attachments[0]!.filename).toBe('Faktura-2026-0815.pdf');
    expect(Buffer.compare(mail.parsed.attachments[0]!.content, invoice)).toBe(0);
  });

  it('splits two documents that Postfix’s size limit does not take together into two messages, and refuses one that fits none', async () => {
    const [first, second] = [pdf(150_000), pdf(150_000)];
    const document = (ref: string, bytes: Buffer) => ({
      ref,
      title: `Faktura ${ref}`,
      attachments: [{ filename: `Faktura-${ref}.pdf`, contentType: 'application/pdf', contentBase64: bytes.toString('base64') }],
    });
    const res = await t.request('POST', '/v1/messages', {
      token,
      body: { profileId, to: ['kund@exempel.se'], subject: 'Fakturor maj', text: 'Hej!', documents: [document('4711', first), document('4712', second)] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.parts).toHaveLength(2);
    for (const part of res.body.parts as { id: string }[]) {
      const done = await waitForMessage(t, token, part.id, isFinal, 20_000);
      expect(done.status, `${JSON.stringify(done)}\n${postfix.log()}`).toBe('sent');
    }
    const [one, two] = [await arrived('Fakturor maj (1/2)'), await arrived('Fakturor maj (2/2)')];
    for (const [mail, bytes] of [
      [one, first],
      [two, second],
    ] as const) {
      expect(mail.raw.length).toBeLessThanOrEqual(SIZE_LIMIT);
      expect(mail.parsed.attachments).toHaveLength(1);
      expect(Buffer.compare(mail.parsed.attachments[0]!.content, bytes)).toBe(0);
    }

    const tooLarge = await t.request('POST', '/v1/messages', {
      token,
      body: { profileId, to: ['kund@exempel.se'], subject: 'Årsrapport', documents: [document('2026', pdf(400_000))] },
    });
    expect(tooLarge.status, JSON.stringify(tooLarge.body)).toBe(413);
    expect(tooLarge.body.error.code).toBe('document_too_large');
    expect(tooLarge.body.error.message).toMatch(/2026/);
  });

  it('explains a wrong password with the reply Postfix gave', async () => {
    const result = await diagnose(t, diagnoseBody(postfix.port, { auth: { type: 'password', username: 'anna@firma.se', password: 'not the password' } }));
    expectFailure(result, { stage: 'auth', code: 'auth_failed' });
    expect(result.stages.at(-1)!.reply).toMatch(/^535 5\.7\.8 Error: authentication failed/);
  });

  it('explains an allowed sender that Postfix’s login map does not give this mailbox (reject_sender_login_mismatch)', async () => {
    const result = await diagnose(t, diagnoseBody(postfix.port, { ...SEND_AS_FAKTURA, allowedSenders: ['faktura@firma.se', 'vd@firma.se'] }));
    expectFailure(result, { stage: 'sender', code: 'send_as_denied' });
    expect(result.stages.at(-1)!.reply).toBe('553 5.7.1 <vd@firma.se>: Sender address rejected: not owned by user anna@firma.se');
  });
});
