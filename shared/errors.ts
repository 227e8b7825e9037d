/**
 * Every error the relay can answer, with its HTTP status. The `code` is the stable contract:
 * clients and scripts branch on it, never on the message text.
 */
export const ERROR_STATUS = {
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  pairing_code_invalid: 401,
  forbidden: 403,
  host_not_allowed: 403,
  origin_not_allowed: 403,
  sender_not_allowed: 403,
  private_host_not_allowed: 403,
  not_found: 404,
  idempotency_conflict: 409,
  conflict: 409,
  payload_too_large: 413,
  document_too_large: 413,
  no_sender_profile: 422,
  profile_unusable: 422,
  rate_limited: 429,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The body of every error response: `{"error": {...}}`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; hint?: string; details?: unknown };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as ErrorBody).error?.code === 'string'
  );
}
