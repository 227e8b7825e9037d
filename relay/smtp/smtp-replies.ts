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

/**
 * The relay's typographic punctuation (the address parser writes “quotes” and …) in US-ASCII: a
 * reply's text is ASCII (RFC 5321, section 4.2), and an app that reads it as Latin-1 or ASCII showed
 * `âkundâ` in its error message. What is left outside ASCII is the client's own (an SMTPUTF8 address).
 */
const ASCII_PUNCTUATION: Readonly<Record<string, string>> = { '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'", '…': '...', '–': '-', '—': '-', '\u00a0': ' ' };

/** The longest reply text, in octets: a reply line is at most 512 octets with its code and CRLF (RFC 5321, section 4.5.3.1.5). */
const MAX_REPLY_TEXT_OCTETS = 480;

export function smtpError(responseCode: number, text: string): SmtpReplyError {
  // One line, within RFC 5321's 512-octet reply line.
  let line = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[“”„‘’…–—\u00a0]/g, (char) => ASCII_PUNCTUATION[char]!)
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (Buffer.byteLength(line) > MAX_REPLY_TEXT_OCTETS) {
    // Cut by octets, not UTF-16 units, and never inside a character.
    line =
      Buffer.from(line)
        .subarray(0, MAX_REPLY_TEXT_OCTETS - 3)
        .toString('utf8')
        .replace(/\ufffd$/, '') + '...';
  }
  return Object.assign(new Error(line), { responseCode });
}

/** Refusals by the sender rules: permanent, "delivery not authorized" (5.7.1). */
const POLICY: ReadonlySet<ErrorCode> = new Set(['sender_not_allowed', 'member_sender_not_allowed', 'reply_to_not_allowed', 'no_sender_profile', 'not_found', 'forbidden', 'profile_unusable']);

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
