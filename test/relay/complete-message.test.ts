/**
 * Issue 14: every message the relay sends is a complete RFC 5322 message. A send with `to`, `subject`
 * and one attachment but no text left as a bare `Content-Type: application/pdf` part, without From,
 * To, Subject, Date, Message-ID or MIME-Version. Here many generated sends (any mix of text or none,
 * 0..n attachments, documents, split into parts), sender test messages and Sent-folder copies are
 * composed and each is checked with a real parser (mailparser) and on its raw bytes.
 */
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zMessageInput } from '../../shared/schemas';
import type { ProfileForSend } from '../../relay/delivery/compose-message';
import { composeSend } from '../../relay/delivery/split-send';
import { composeTestMessage } from '../../relay/diagnosis/test-message';
import { toCrlf } from '../../relay/mime/crlf';
import { LANGUAGES } from '../../relay/diagnosis/catalogue';
import { createProfile, isFinal, startDeliveryRelay, waitForMessage } from '../helpers/delivery';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';

const profile: ProfileForSend = {
  v: 2,
  name: 'Office',
  fromName: 'Anna Berg',
  fromAddress: 'anna@firma.se',
  replyTo: 'faktura@firma.se',
  smtp: { host: 'smtp.firma.se', port: 587, security: 'starttls' } as ProfileForSend['smtp'],
  auth: { type: 'password', username: 'anna@firma.se' } as ProfileForSend['auth'],
  allowOtherSender: false,
  allowedSenders: [],
  senderStyle: 'from' as ProfileForSend['senderStyle'],
  bccSelf: false,
  isDefault: true,
  isFallback: false,
  sites: [],
  projects: [],
};

/** The raw bytes of a composed message, whether one Buffer or spliced pieces. */
function bytesOf(raw: Buffer | { length: number; copyTo(target: Buffer, start: number, end: number): Buffer }): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  return Buffer.from(raw.copyTo(Buffer.alloc(raw.length), 0, raw.length));
}

/** The raw checks of RFC 5322 §2.1.1 and §3.6, and what mailparser reads. */
async function expectComplete(raw: Buffer, label: string) {
  const text = raw.toString('latin1');
  // Every line ends in CRLF: no LF without CR before it, no CR without LF after it.
  expect(/(^|[^\r])\n/.test(text), `${label}: a bare LF`).toBe(false);
  expect(/\r(?!\n)/.test(text), `${label}: a bare CR`).toBe(false);
  expect(text.endsWith('\r\n') || text.length === 0, `${label}: the last line ends CRLF`).toBe(true);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'latin1'), `${label}: a line over 998 octets`).toBeLessThanOrEqual(998);

  const headerEnd = text.indexOf('\r\n\r\n');
  expect(headerEnd, `${label}: no end of the header section`).toBeGreaterThan(0);
  const header = text.slice(0, headerEnd + 2);
  const count = (name: string) => (header.match(new RegExp(`^${name}:`, 'gim')) ?? []).length;
  for (const name of ['From', 'Date', 'Message-ID']) expect(count(name), `${label}: ${name} fields`).toBe(1);
  for (const name of ['Subject', 'MIME-Version']) expect(count(name), `${label}: ${name} fields`).toBe(1);
  expect(count('To') + count('Cc'), `${label}: To or Cc`).toBeGreaterThanOrEqual(1);
  expect(count('Bcc'), `${label}: a Bcc header`).toBe(0);

  const parsed = await simpleParser(raw);
  expect(parsed.from?.value[0]?.address, `${label}: From`).toBeTruthy();
  expect(parsed.subject, `${label}: Subject`).toBeTruthy();
  expect(parsed.date?.getTime(), `${label}: Date`).toBeGreaterThan(0);
  expect(parsed.messageId, `${label}: Message-ID`).toMatch(/^<[^<>\s]+@[^<>\s]+>$/);
  expect(parsed.headers.get('mime-version'), `${label}: MIME-Version`).toBe('1.0');
  return parsed;
}

// ------------------------------------------------------------------------------------ generators

const words = fc.constantFrom('Faktura', 'Rechnung', 'Invoice', 'Påminnelse', 'Reikningur', 'Ærø', '€', '"quoted"', 'a,b', 'x<y>', '=?utf-8?q?x?=', '😀', 'z');
const phrase = (max: number) => fc.array(words, { minLength: 1, maxLength: max }).map((w) => w.join(' '));
const mailbox = fc
  .tuple(fc.option(phrase(3), { nil: undefined }), fc.constantFrom('kund', 'bo.ek', 'ap+4711', 'x'), fc.constantFrom('exempel.se', 'firma.de', 'büro.de'))
  // Names with quotes or angle brackets are refused by the address parser (shared/address.ts).
  .map(([name, local, domain]) => (name ? `"${name.replace(/["\\<>]/g, '')}" <${local}@${domain}>` : `${local}@${domain}`));
/** Text with long lines, bare LFs and CRs, trailing spaces, lines that start with a dot or "From ". */
const bodyText = fc.oneof(
  fc.constant(''),
  phrase(20),
  fc.array(fc.oneof(phrase(8), fc.constant('.'), fc.constant('From here'), fc.constant('x'.repeat(1200)), fc.constant('ä'.repeat(700)), fc.constant('  ')), { maxLength: 8 }).chain((lines) =>
    fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)),
  ),
);
const attachment = fc.record({
  filename: fc.tuple(phrase(2), fc.constantFrom('.pdf', '.xml', '.txt')).map(([n, ext]) => `${n.replace(/[\\/"]/g, '')}${ext}`),
  contentType: fc.constantFrom('application/pdf', 'application/xml', 'text/plain'),
  contentBase64: fc.uint8Array({ minLength: 0, maxLength: 3000 }).map((bytes) => Buffer.from(bytes).toString('base64')),
});
const messageInput = fc.record({
  to: fc.array(mailbox, { minLength: 1, maxLength: 3 }),
  cc: fc.array(mailbox, { maxLength: 2 }),
  subject: fc.oneof(phrase(6), phrase(200).map((s) => s.slice(0, 998))),
  text: fc.option(bodyText, { nil: undefined }),
  attachments: fc.array(attachment, { maxLength: 3 }),
  documents: fc.array(fc.record({ title: fc.option(phrase(3), { nil: undefined }), attachments: fc.array(attachment, { minLength: 1, maxLength: 2 }) }), { maxLength: 3 }).map((docs) =>
    docs.map((d, i) => ({ ref: `R-${i + 1}`, ...(d.title ? { title: d.title } : {}), attachments: d.attachments })),
  ),
});

describe('every composed message is complete (property)', () => {
  it('holds for any mix of text, attachments and documents, split into parts or not', async () => {
    await fc.assert(
      fc.asyncProperty(messageInput, fc.constantFrom(40_000, 12_000, 9_000), async (generated, limitBytes) => {
        const parsedInput = zMessageInput.safeParse(generated);
        // The generators make only valid input; anything else is a generator bug worth seeing.
        expect(parsedInput.success, JSON.stringify(parsedInput.error?.issues)).toBe(true);
        const input = parsedInput.data!;
        let parts;
        try {
          parts = await composeSend(profile, input, limitBytes);
        } catch (error) {
          // A document too large for the limit is refused (413) before anything is composed.
          expect((error as { code?: string }).code).toMatch(/^(document|message)_too_large$/);
          return;
        }
        for (const part of parts) {
          const raw = bytesOf(part.raw);
          const label = `part ${part.partNumber}/${part.partCount}`;
          const parsed = await expectComplete(raw, label);
          expect(parsed.messageId).toBe(part.messageId);
          // The Sent-folder copy is those bytes, CRLF-normalised: already CRLF, so the same bytes.
          expect(toCrlf(raw).equals(raw), `${label}: Sent copy differs`).toBe(true);
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('holds for the sender test message in every language', async () => {
    for (const lang of LANGUAGES) {
      const raw = await composeTestMessage({ fromName: 'Anna "Ekonomi" Berg', fromAddress: 'anna@firma.se', to: 'anna@firma.se', server: 'smtp.firma.se', lang });
      await expectComplete(raw, `test message (${lang})`);
    }
  });

  it('makes a Sent copy of every line ending CRLF, as the SMTP data stream does', () => {
    expect(toCrlf(Buffer.from('a\nb\rc\r\nd')).toString('latin1')).toBe('a\r\nb\r\nc\r\nd');
    const clean = Buffer.from('a\r\nb\r\n');
    expect(toCrlf(clean)).toBe(clean);
  });
});

describe('a send reaches the server as a complete message (wire)', () => {
  let t: TestRelay;
  let token: string;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
    t = await startDeliveryRelay();
    ({ token } = await t.addUser('anna@firma.se', 'admin'));
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('delivers to + subject + one attachment and no text as a complete message, not a headerless fragment', async () => {
    const profileId = await createProfile(t, token, smtp.port);
    const pdf = Buffer.from('%PDF-1.7\n% Faktura 4711\n%%EOF\n');
    const res = await t.request('POST', '/v1/messages', {
      token,
      body: {
        profileId,
        to: ['kund@exempel.se'],
        subject: 'Faktura 4711',
        attachments: [{ filename: 'Faktura-4711.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') }],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect((await waitForMessage(t, token, res.body.id, isFinal)).status).toBe('sent');
    const [mail] = await smtp.waitForMessages(1);
    // smtp-server hands over the message as received, without the final dot line.
    const parsed = await expectComplete(mail!.raw, 'delivered');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : undefined).toBe('kund@exempel.se');
    expect(parsed.subject).toBe('Faktura 4711');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]!.content.equals(pdf)).toBe(true);
  });

  it('refuses an "html" field with 400 naming it, never dropping it silently', async () => {
    const profileId = await createProfile(t, token, smtp.port);
    const res = await t.request('POST', '/v1/messages', {
      token,
      body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura', text: 'Hej', html: '<p>Hej</p>' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toContain('html');
  });

  it('sends a "bcc" list in the envelope only: a complete message whose header names no blind copy', async () => {
    const profileId = await createProfile(t, token, smtp.port);
    const res = await t.request('POST', '/v1/messages', {
      token,
      body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 4712', text: 'Hej', bcc: ['arkiv@firma.se', 'revisor@exempel.se'] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const view = await waitForMessage(t, token, res.body.id, isFinal);
    expect(view.status).toBe('sent');
    const mail = (await smtp.waitForMessages(smtp.received.length)).find((m) => m.parsed.messageId === view.messageId)!;
    expect(mail.envelope.to).toEqual(['kund@exempel.se', 'arkiv@firma.se', 'revisor@exempel.se']);
    await expectComplete(mail.raw, 'with bcc');
    expect(mail.raw.toString('latin1')).not.toMatch(/arkiv@firma\.se|revisor@exempel\.se/);
  });
});
