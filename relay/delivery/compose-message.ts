import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { addressDomain, type Mailbox } from '../../shared/address';
import type { MessageInput } from '../../shared/schemas';
import type { ProfileData } from '../profiles/profile-record';

export interface ComposedMessage {
  /** The complete MIME message, built once: every attempt and the Sent copy use these bytes. */
  raw: Buffer;
  /** SMTP envelope, explicit so that no header can redirect the message. */
  envelope: { from: string; to: string[] };
  messageId: string;
}

/**
 * Builds the message from already-validated parts. nodemailer receives structured `{name, address}`
 * objects and an explicit envelope, never strings it would parse again, and may not read files or
 * URLs (attachments are given as bytes).
 */
export async function composeMessage(profile: ProfileData, input: MessageInput, now = new Date()): Promise<ComposedMessage> {
  const from: Mailbox = { name: profile.fromName ?? '', address: profile.fromAddress };
  const messageId = `<${randomUUID()}@${addressDomain(profile.fromAddress)}>`;
  const replyTo = input.replyTo ?? profile.replyTo;
  const recipients = [...input.to, ...input.cc].map((m) => m.address);
  if (profile.bccSelf) recipients.push(profile.fromAddress);
  const composer = new MailComposer({
    from,
    to: input.to.map((m) => ({ name: m.name ?? '', address: m.address })),
    cc: input.cc.map((m) => ({ name: m.name ?? '', address: m.address })),
    ...(replyTo ? { replyTo: { name: '', address: replyTo } } : {}),
    subject: input.subject,
    text: input.text,
    date: now,
    messageId,
    attachments: input.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, 'base64'),
    })),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const raw = await composer.compile().build();
  return { raw, envelope: { from: profile.fromAddress, to: [...new Set(recipients)] }, messageId };
}
