import type { ProblemCode } from '../diagnosis/catalogue';
import { classifySmtpFailure } from '../diagnosis/classify';

export interface OAuthErrorFields {
  /** The catalogue problem; absent: classified from the token endpoint's answer below. */
  code?: ProblemCode;
  /** RFC 6749 §5.2 error code (`invalid_grant`, `invalid_client`, `authorization_pending`, …). */
  error?: string;
  error_description?: string;
  /** Microsoft's AADSTS numbers. */
  error_codes?: number[];
  /** The token endpoint's HTTP status, when it answered. */
  status?: number;
  cause?: unknown;
}

/**
 * A token could not be had: the token endpoint refused (wrong secret, consent missing, refresh token
 * revoked), could not be reached, or there is nothing to ask with (nobody signed in).
 *
 * It carries the endpoint's error body under the RFC 6749 names, which `classifySmtpFailure` reads,
 * and `code`, the catalogue problem, decided once here by that same classifier. When nodemailer
 * wraps this error during AUTH it moves `code` to `originalCode` (and sets EAUTH), where the
 * classifier still finds it. Messages hold the provider's words, never a secret.
 */
export class OAuthError extends Error {
  override name = 'OAuthError';
  readonly stage = 'oauth' as const;
  code: ProblemCode;
  readonly error?: string;
  readonly error_description?: string;
  readonly error_codes?: number[];
  readonly status?: number;

  constructor(message: string, fields: OAuthErrorFields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    if (fields.error !== undefined) this.error = fields.error;
    if (fields.error_description !== undefined) this.error_description = fields.error_description;
    if (fields.error_codes !== undefined) this.error_codes = fields.error_codes;
    if (fields.status !== undefined) this.status = fields.status;
    this.code = fields.code ?? classifySmtpFailure({ error: fields.error, error_description: fields.error_description, error_codes: fields.error_codes, message }, { stage: 'oauth' }).code;
  }
}
