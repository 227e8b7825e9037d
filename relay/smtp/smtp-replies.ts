/**
 * The SMTP door's answers to the accept path's coded errors (shared/errors.ts): the same refusal an
 * API client gets as a status and a code, an app gets as an SMTP reply with an enhanced status code
 * (RFC 3463) and a text that names the rule. Branches on codes, never on message text.
 */
import type { ErrorCode } from '../../shared/errors';
import { DomainError } from '../errors/domain-error';

export interface SmtpReplyError extends Error {
  responseCode: number;
}

export function smtpError(responseCode: number, text: string): SmtpReplyError {
  // One line, within RFC 5321's 512-octet reply line.
  const line = text.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
  return Object.assign(new Error(line.length > 480 ? `${line.slice(0, 477)}...` : line), { responseCode });
}

/** Refusals by the sender rules: permanent, "delivery not authorized" (5.7.1). */
const POLICY: ReadonlySet<ErrorCode> = new Set([
  'sender_not_allowed',
  'member_sender_not_allowed',
  'reply_to_not_allowed',
  'no_sender_profile',
  'not_found',
  'forbidden',
  'profile_unusable',
]);

const TOO_LARGE: ReadonlySet<ErrorCode> = new Set(['message_too_large', 'document_too_large', 'payload_too_large']);

/** The reply for an error of the accept path; anything unexpected (the store did not answer) is temporary. */
export function smtpReplyFor(error: unknown): SmtpReplyError {
  if (error instanceof DomainError) {
    const hint = error.hint ? ` ${error.hint}` : '';
    if (POLICY.has(error.code)) return smtpError(550, `5.7.1 Refused by the rule ${error.code}: ${error.message}${hint}`);
    if (TOO_LARGE.has(error.code)) return smtpError(552, `5.3.4 ${error.message}`);
    if (error.code === 'validation_failed') return smtpError(550, `5.6.0 ${error.message}`);
    if (error.code === 'rate_limited') return smtpError(451, `4.7.0 ${error.message}`);
  }
  return smtpError(451, '4.3.0 The relay could not store the message just now, so it was not accepted; try again in a few minutes.');
}
