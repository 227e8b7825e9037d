/**
 * The pre-composed variant of the accept path (issue 19): a finished RFC 5322 message and its SMTP
 * envelope, as an app submitted it to the SMTP front door. The same rules as `POST /v1/messages`
 * decide (relay/profiles/plan-send.ts, sender-policy.ts); the difference is only that the message
 * already exists, so the relay checks it and changes no more than the rules require:
 *
 * - every `From:` mailbox and the envelope sender (MAIL FROM) must be addresses the user may send as;
 *   every `Reply-To:` must pass the Reply-To rule;
 * - `Bcc:` fields are removed (blind copies travel in the envelope only, RFC 6409 §8 lets a
 *   submission server do this), and so are the relay's own control fields (`X-Ownpost-*`);
 * - a `Sender:` is set when the profile sends for another From with a Sender header; `Reply-To:`,
 *   `Message-ID:` and `Date:` are added when the message has none (RFC 6409 §8.2, §8.3); From is
 *   replaced only when the company fallback sends instead of a failing profile;
 * - the envelope sender is the profile's mailbox, as for every send.
 */
import { createHash, randomUUID } from 'node:crypto';
import { addressDomain, formatMailbox, parseAddress, sameAddress, type Mailbox } from '../../shared/address';
import type { SubmittingApp } from '../../shared/schemas';
import { DomainError } from '../errors/domain-error';
import { hasEightBitBytes } from '../mime/eight-bit';
import { planSend } from '../profiles/plan-send';
import { resolveProfileForFrom } from '../profiles/resolve-profile-for-from';
import { decideSender } from '../profiles/sender-policy';
import type { SecretCipher } from '../secrets/cipher';
import type { NewMessage, Store, UserRow } from '../store/types';
import { effectiveDeliveryLimits, parseDeliverySettings } from './delivery-settings';
import type { MessageSummary } from './message-summary';
import { hashRequestValue } from './request-hash';
import { decodeEncodedWords, fieldValues, parseAddressField, parseSubmittedHeaders, rewriteSubmittedMessage } from './submitted-message';

/** A message as the SMTP door received it. */
export interface SubmittedMessage {
  /** The DATA, dot-unstuffed, as the client sent it. */
  raw: Buffer;
  /** MAIL FROM, as given (may be empty: the null sender). */
  envelopeFrom: string;
  /** RCPT TO, each already parsed as a strict address. */
  recipients: string[];
  /** Who submitted it, for the history (never used for a decision). */
  app: SubmittingApp;
}

export interface PlannedSubmission {
  message: Omit<NewMessage, 'id'>;
  requestHash: string;
  /** From the message's own Message-ID: an app's retry of a message whose 250 it lost is not queued twice. */
  idempotencyKey: string | null;
}

/** The relay's own fields: read (profile mapping), never passed on to the recipient. */
const PROJECT_FIELD = 'x-ownpost-project';
const SITE_FIELD = 'x-ownpost-site';

function unreadable(field: string, reason: string): DomainError {
  return new DomainError('validation_failed', `The ${field} field of this message cannot be read: ${reason}`, {
    hint: 'Check the sender address set in the app; it must be a plain address such as Name <name@firma.se>.',
    details: { field: field.toLowerCase() },
  });
}

function mailboxesOf(values: string[], field: string): Mailbox[] {
  return values.flatMap((value) => {
    const parsed = parseAddressField(value);
    if (!parsed.ok) throw unreadable(field, parsed.message);
    return parsed.value;
  });
}

/** To and Cc are for the history only (the envelope decides who gets it): unreadable ones are skipped. */
function looseMailboxes(values: string[]): Mailbox[] {
  return values.flatMap((value) => {
    const parsed = parseAddressField(value);
    return parsed.ok ? parsed.value : [];
  });
}

/** A header line for a mailbox (display names with non-ASCII letters as UTF-8, which SMTPUTF8 servers take and RFC 6532 allows). */
function mailboxLine(name: string, mailbox: Mailbox): string {
  return `${name}: ${formatMailbox(mailbox)}`;
}

export async function planSubmittedMessage(deps: { store: Store; cipher: SecretCipher; allowPrivateHosts: boolean }, user: UserRow, submitted: SubmittedMessage): Promise<PlannedSubmission> {
  const { store } = deps;
  const headers = parseSubmittedHeaders(submitted.raw);
  const from = mailboxesOf(fieldValues(headers, 'from'), 'From');
  const replyTo = mailboxesOf(fieldValues(headers, 'reply-to'), 'Reply-To');
  const to = looseMailboxes(fieldValues(headers, 'to'));
  const cc = looseMailboxes(fieldValues(headers, 'cc'));

  const envelopeSender = parseAddress(submitted.envelopeFrom);
  if (!submitted.envelopeFrom || !envelopeSender.ok) {
    throw new DomainError('sender_not_allowed', 'A message needs a sender address in MAIL FROM (the null sender <> is for bounces, which apps do not submit).', {
      details: { field: 'envelope', rule: 'envelope_sender_required' },
    });
  }
  // The profile follows the From address; a message without From is the envelope sender's.
  const primary = from[0] ?? envelopeSender.value;
  const project = fieldValues(headers, PROJECT_FIELD)[0];
  const site = fieldValues(headers, SITE_FIELD)[0];
  const context = { ...(project ? { project: decodeEncodedWords(project).slice(0, 200) } : {}), ...(site && URL.canParse(site) ? { pageUrl: site } : {}) };
  const chosen = await resolveProfileForFrom(store, user, primary.address, context);

  // Every address the message claims to be from, and every Reply-To, under the profile's rules:
  // the first refusal names its rule.
  const allowances = user.role === 'admin' ? [] : await store.getSenderAllowances(user.id);
  const claimed: { from: Mailbox; replyTo?: string }[] = [
    ...from.map((mailbox) => ({ from: mailbox })),
    { from: envelopeSender.value },
    ...replyTo.map((mailbox) => ({ from: primary, replyTo: mailbox.address })),
  ];
  for (const claim of claimed) {
    decideSender({ user, allowances, row: chosen.row, profile: chosen.data, request: { from: claim.from, ...(claim.replyTo ? { replyTo: claim.replyTo } : {}), to, cc } });
  }
  // Usability, the company fallback and the decision on From, Sender, Reply-To and the blind copy.
  const plan = await planSend(deps, user, {
    profileId: chosen.row.id,
    from: primary,
    ...(replyTo[0] ? { replyTo: replyTo[0].address } : {}),
    to: to.length ? to : submitted.recipients.map((address) => ({ address })),
    cc,
    // The envelope's blind copies are the submitted RCPT TO list itself (below).
    bcc: [],
    // Not used for the decision (it is about who sends and who answers), only to fill the input.
    subject: decodeEncodedWords(fieldValues(headers, 'subject')[0] ?? ''),
    text: '',
    attachments: [],
    documents: [],
    context,
  });
  const decision = plan.profile.decision!;

  const messageIdField = fieldValues(headers, 'message-id')[0];
  const messageId = messageIdField ?? `<${randomUUID()}@${addressDomain(decision.from.address)}>`;
  const add: string[] = [];
  const replace = new Map<string, string>();
  if (!messageIdField) add.push(`Message-ID: ${messageId}`);
  if (fieldValues(headers, 'date').length === 0) add.push(`Date: ${new Date().toUTCString().replace('GMT', '+0000')}`);
  if (from.length === 0 || !sameAddress(decision.from.address, primary.address)) replace.set('from', mailboxLine('From', decision.from));
  if (decision.sender) replace.set('sender', mailboxLine('Sender', decision.sender));
  if (replyTo.length === 0 && decision.replyTo) add.push(mailboxLine('Reply-To', decision.replyTo));
  const raw = rewriteSubmittedMessage(submitted.raw, headers, { remove: new Set(['bcc', PROJECT_FIELD, SITE_FIELD]), replace, add });

  const settingsRow = await store.getDeliverySettings(plan.profileRow.id);
  const limits = effectiveDeliveryLimits(plan.profile, settingsRow);
  if (raw.length > limits.maxMessageBytes) {
    throw new DomainError('message_too_large', `This message is ${raw.length} bytes, but this sender's mailbox accepts at most ${limits.maxMessageBytes}.`, {
      hint: "Make the attachments smaller. An admin can raise the sender's limit (maxMessageBytes) if the mail server accepts more.",
      details: { bytes: raw.length, limit: limits.maxMessageBytes },
    });
  }

  // The envelope decides who gets it: RCPT TO (Bcc included) and the profile's blind copy.
  const recipients = [...new Map([...submitted.recipients, ...decision.bcc].map((a) => [a.toLowerCase(), a])).values()];
  const subject = decodeEncodedWords(fieldValues(headers, 'subject')[0] ?? '');
  const summary: MessageSummary = {
    to: to.length ? to.map((m) => m.address) : submitted.recipients,
    subject,
    source: 'smtp',
    app: submitted.app,
  };
  const sortedRecipients = [...submitted.recipients].map((a) => a.toLowerCase()).sort();
  return {
    message: {
      profileId: plan.profileRow.id,
      messageId,
      envelope: { from: decision.mailbox, to: recipients, ...(hasEightBitBytes(raw) ? { eightBit: true as const } : {}) },
      raw,
      summary,
      documentRef: null,
      documents: [],
      partNumber: 1,
      partCount: 1,
      fallback: plan.fallback ?? null,
      wantsSentCopy: parseDeliverySettings(settingsRow).saveToSent !== undefined,
    },
    requestHash: hashRequestValue({ smtp: { messageId, from: primary.address, recipients: sortedRecipients } }),
    // Keys are at most 200 visible characters; a Message-ID may be longer, its hash is not.
    idempotencyKey: messageIdField ? `smtp:${createHash('sha256').update(messageIdField).digest('hex')}` : null,
  };
}
