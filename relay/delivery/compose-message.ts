import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { addressDomain, type Mailbox } from '../../shared/address';
import type { DocumentInput, MessageInput } from '../../shared/schemas';
import { profileOnlyDecision, type ProfileForSend } from '../profiles/sender-policy';
import { buildMimeNow } from '../mime/build-mime-now';
import { toCrlf } from '../mime/crlf';
import { writeMixedMessage, type MixedMessageParts } from '../mime/write-mixed-message';
import { safeDisplayName } from './display-name';
import { base64AttachmentHead, spliceBase64Bodies, type SendAttachment, type SplicedMessage } from './mime-attachment';

// Where the delivery code and its tests know it from; it belongs to the sender policy.
export type { ProfileForSend };

/** A document of a send whose files may be bytes of the request body (relay/delivery/mime-attachment.ts). */
export type SendDocument = Omit<DocumentInput, 'attachments'> & { attachments: SendAttachment[] };

/** A validated send whose files may be bytes of the request body: what the accept path composes. */
export type SendInput = Omit<MessageInput, 'attachments' | 'documents'> & { attachments: SendAttachment[]; documents: SendDocument[] };

/** A display name that looks like an address (or holds quotes) is neutralised (display-name.ts). */
const toHeaderMailbox = (m: Mailbox) => ({ name: safeDisplayName(m.name ?? ''), address: m.address });

export interface ComposedMessage {
  /**
   * The complete MIME message, built once: every attempt and the Sent copy use these bytes. A large
   * one is kept in pieces that hold views of the request body (SplicedMessage).
   */
  raw: Buffer | SplicedMessage;
  /** SMTP envelope, explicit so that no header can redirect the message. */
  envelope: { from: string; to: string[] };
  messageId: string;
}

/**
 * Builds the message from already-validated parts. nodemailer receives structured `{name, address}`
 * objects and an explicit envelope, never strings it would parse again, and may not read files or
 * URLs (attachments are given as finished MIME parts).
 */
export async function composeMessage(
  profile: ProfileForSend,
  input: SendInput,
  now = new Date(),
  /** Extra headers from delivery (which documents a split send's message carries); values are single-line. */
  extra: { headers?: Record<string, string> } = {},
): Promise<ComposedMessage> {
  const decision = profile.decision ?? profileOnlyDecision(profile);
  const messageId = `<${randomUUID()}@${addressDomain(decision.from.address)}>`;
  // Blind copies (the message's own and the profile's) live only in the envelope: no header names them.
  const recipients = [...input.to, ...input.cc].map((m) => m.address).concat(input.bcc, decision.bcc);
  // Each file is a marker line while nodemailer builds the message; its base64 goes in afterwards.
  // 122 random bits; randomUUID draws from a buffer of random bytes instead of asking the system each time.
  const nonce = randomUUID().replaceAll('-', '');
  // The multipart boundary's random part: 16 random hex digits (64 bits), as nodemailer makes them,
  // drawn like the nonce; without it the tree's root asks OpenSSL for 8 fresh random bytes, which
  // cost more than this whole line.
  const boundary = randomUUID();
  const files = input.attachments.map((file, index) => ({ marker: `ownpost-file-${nonce}-${index}`, content: file.contentBase64 }));
  const parts: MixedMessageParts = {
    from: toHeaderMailbox(decision.from),
    ...(decision.sender ? { sender: toHeaderMailbox(decision.sender) } : {}),
    to: input.to.map(toHeaderMailbox),
    cc: input.cc.map(toHeaderMailbox),
    ...(decision.replyTo ? { replyTo: toHeaderMailbox(decision.replyTo) } : {}),
    subject: input.subject,
    // Always a text part, even an empty one: with no text and exactly one attachment, nodemailer makes
    // the attachment the root node, and a raw attachment replaces the root's headers: the server got a
    // bare application/pdf part without From, Date or Message-ID (issue 14). An empty Buffer is kept
    // where an empty string is dropped, so such a message is multipart/mixed with an empty text part first.
    text: input.text || Buffer.alloc(0),
    date: now,
    messageId,
    ...(extra.headers ? { headers: extra.headers } : {}),
    // The UUID's random digits (not its version digit at 14 or its variant digit at 19).
    baseBoundary: boundary.slice(0, 8) + boundary.slice(9, 13) + boundary.slice(15, 18) + boundary.slice(20, 21),
    // MIME parts for the client's base64, never decoded and encoded again (memory).
    attachments: input.attachments.map((file, index) => base64AttachmentHead(file, files[index]!.marker).raw),
  };
  // CRLF everywhere before the files go in (their lines are wrapped with CRLF already): a text with
  // bare LFs or CRs would otherwise keep them in some encodings (issue 14).
  const skeleton = writeMixedMessage(parts) ?? (await composeWithNodemailer(parts));
  const raw = spliceBase64Bodies(toCrlf(skeleton), files);
  // The envelope sender is always the authenticated mailbox (decision.mailbox), whatever From says.
  const unique = [...new Map(recipients.map((address) => [address.toLowerCase(), address])).values()];
  return { raw, envelope: { from: decision.mailbox, to: unique }, messageId };
}

/** The same message through nodemailer's MailComposer, for what writeMixedMessage does not write. */
export async function composeWithNodemailer(parts: MixedMessageParts): Promise<Buffer> {
  const tree = new MailComposer({
    ...parts,
    attachments: parts.attachments.map((raw) => ({ raw })),
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
  return buildMimeNow(tree) ?? (await tree.build());
}
