/**
 * The one error the relay's domain throws (issue 17): a stable `code` from shared/errors.ts, a plain
 * message, optionally a hint at the fix and details for a client to act on. It knows nothing of the
 * door a request came through: the HTTP error handler (relay/http/api-error.ts) turns the code into a
 * status and the error body, the SMTP front door (relay/smtp/smtp-replies.ts) into an SMTP reply.
 */
import type { ErrorCode } from '../../shared/errors';

export interface DomainErrorOptions {
  /** What to do about it, in the user's words; shown after the message. */
  hint?: string | undefined;
  /** Facts a client may branch on (limits, the failed test); part of the error body. */
  details?: unknown;
  /** A refusal that passes by itself (a rate limit): when to try again. HTTP says it as `Retry-After`. */
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  override name = 'DomainError';
  readonly hint: string | undefined;
  readonly details: unknown;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message);
    this.hint = options.hint;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
