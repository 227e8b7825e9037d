/**
 * The relay writes a send's message itself (relay/mime/write-mixed-message.ts) instead of compiling
 * it with nodemailer's MailComposer: the bytes must be MailComposer's exactly, for any names,
 * addresses, subject, text, extra headers and attachments a send can have; what it does not write
 * is left to nodemailer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageTexts, phrases } from '../helpers/mime-arbitraries';
import { composeWithNodemailer } from '../../relay/delivery/compose-message';
import { base64AttachmentHead } from '../../relay/delivery/mime-attachment';
import { writeMixedMessage, type HeaderMailbox, type MixedMessageParts } from '../../relay/mime/write-mixed-message';

const phrase = phrases(true);
const text = messageTexts(phrase);
const address = fc.constantFrom('anna@firma.se', 'kund@exempel.se', 'first.last+tag@sub.example.com', 'info@jõgeva.ee', 'x_y@xn--jgeva-dua.ee', 'Kund@Exempel.SE');
const mailbox: fc.Arbitrary<HeaderMailbox> = fc.record({ name: fc.oneof(fc.constant(''), phrase(4), fc.constant('Anna Berg')), address });
const attachment = fc.record({
  filename: fc.tuple(phrase(3), fc.constantFrom('.pdf', '.txt', '')).map(([n, ext]) => n + ext),
  contentType: fc.constantFrom('application/pdf', 'text/plain', 'application/octet-stream'),
});
const parts: fc.Arbitrary<MixedMessageParts> = fc
  .record({
    from: mailbox,
    sender: fc.option(mailbox, { nil: undefined }),
    to: fc.array(mailbox, { minLength: 1, maxLength: 3 }),
    cc: fc.array(mailbox, { maxLength: 2 }),
    replyTo: fc.option(mailbox, { nil: undefined }),
    subject: fc.oneof(fc.constant(''), phrase(8), phrase(30)),
    text: text.map((t) => t || Buffer.alloc(0)),
    headers: fc.option(fc.record({ 'X-Ownpost-Documents': phrase(6), 'X-Ownpost-Part': fc.constantFrom('1/2', '2/2') }, { requiredKeys: ['X-Ownpost-Documents'] }), { nil: undefined }),
    attachments: fc.array(attachment, { maxLength: 3 }),
  })
  .map(({ sender, replyTo, headers, attachments, ...rest }) => ({
    ...rest,
    ...(sender ? { sender } : {}),
    ...(replyTo ? { replyTo } : {}),
    ...(headers ? { headers } : {}),
    date: new Date('2026-01-01T00:00:00Z'),
    messageId: '<id@firma.se>',
    baseBoundary: '0123456789abcdef',
    attachments: attachments.map((a, i) => base64AttachmentHead({ ...a, contentBase64: '' }, `marker-${i}`).raw),
  }));

/** A deep copy: nodemailer rewrites the address objects it is given. */
const copyOf = (p: MixedMessageParts): MixedMessageParts => ({
  ...p,
  from: { ...p.from },
  ...(p.sender ? { sender: { ...p.sender } } : {}),
  ...(p.replyTo ? { replyTo: { ...p.replyTo } } : {}),
  to: p.to.map((m) => ({ ...m })),
  cc: p.cc.map((m) => ({ ...m })),
});

describe('writing a send’s message without compiling a tree', () => {
  it("gives MailComposer's own bytes for any send (property)", async () => {
    await fc.assert(
      fc.asyncProperty(parts, async (p) => {
        const written = writeMixedMessage(copyOf(p));
        expect(written).toBeDefined();
        expect(written!.toString('latin1')).toBe((await composeWithNodemailer(copyOf(p))).toString('latin1'));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same bytes for a text over one encoder slice, or leaves it to nodemailer', async () => {
    const base = fc.sample(parts, { numRuns: 1, seed: 1 })[0]!;
    for (const body of ['ä'.repeat(40_000), `${'x'.repeat(70_000)} `, `${'Faktura ä '.repeat(8000)}\t`]) {
      const written = writeMixedMessage({ ...copyOf(base), text: body });
      if (written) expect(written.equals(await composeWithNodemailer({ ...copyOf(base), text: body }))).toBe(true);
    }
  });

  it('leaves a header it does not know to nodemailer', () => {
    const base = fc.sample(parts, { numRuns: 1, seed: 2 })[0]!;
    expect(writeMixedMessage({ ...copyOf(base), headers: { 'Content-Type': 'text/html' } })).toBeUndefined();
  });
});
