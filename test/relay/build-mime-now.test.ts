/**
 * The relay builds a composed message's bytes itself (relay/mime/build-mime-now.ts) instead of
 * streaming them through nodemailer: they must be nodemailer's bytes exactly, for every tree the
 * relay composes (any text, 7bit, quoted-printable or base64; attachments; none), and a tree it does
 * not cover is left to nodemailer.
 */
import fc from 'fast-check';
import MailComposer from 'nodemailer/lib/mail-composer';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { messageTexts, phrases } from '../helpers/mime-arbitraries';
import { base64AttachmentHead } from '../../relay/delivery/mime-attachment';
import { buildMimeNow } from '../../relay/mime/build-mime-now';

const phrase = phrases();
const text = messageTexts(
  phrase,
  fc.tuple(phrase(6), fc.constantFrom(' ', '\t', '  \t ', ' \n', '\r')).map(([t, end]) => t + end),
);
const attachment = fc.record({
  filename: fc.tuple(phrase(2), fc.constantFrom('.pdf', '.txt')).map(([n, ext]) => n + ext),
  contentType: fc.constantFrom('application/pdf', 'text/plain'),
});

function compile(options: { subject: string; text: string | Buffer; attachments: { filename: string; contentType: string }[] }) {
  return new MailComposer({
    from: { name: 'Anna Berg', address: 'anna@firma.se' },
    to: [{ name: 'Kund', address: 'kund@exempel.se' }],
    subject: options.subject,
    text: options.text,
    date: new Date('2026-01-01T00:00:00Z'),
    messageId: '<id@firma.se>',
    attachments: options.attachments.map((a, i) => base64AttachmentHead({ ...a, contentBase64: '' }, `marker-${i}`)),
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
}

describe('building a composed message at once', () => {
  it("gives nodemailer's own bytes for any text, with and without attachments (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        phrase(8),
        fc.oneof(
          text,
          text.map((t) => Buffer.from(t)),
        ),
        fc.array(attachment, { maxLength: 3 }),
        async (subject, body, attachments) => {
          const tree = compile({ subject, text: body || Buffer.alloc(0), attachments });
          const now = buildMimeNow(tree);
          expect(now).toBeDefined();
          expect(now!.toString('latin1')).toBe((await tree.build()).toString('latin1'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same bytes for a text over one encoder slice, or leaves it to nodemailer', async () => {
    for (const body of ['ä'.repeat(40_000), `${'x'.repeat(70_000)} `, `${'Faktura ä '.repeat(8000)}\t`]) {
      const tree = compile({ subject: 'Lång', text: body, attachments: [] });
      const now = buildMimeNow(tree);
      if (now) expect(now.equals(await tree.build())).toBe(true);
    }
  });

  it('leaves a tree with a stream in it to nodemailer', () => {
    const tree = new MailComposer({ from: 'anna@firma.se', to: 'kund@exempel.se', subject: 'S', text: new PassThrough() }).compile();
    expect(buildMimeNow(tree)).toBeUndefined();
  });
});
