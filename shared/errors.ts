/**
 * Every error the relay can answer, with its HTTP status. The `code` is the stable contract:
 * clients and scripts branch on it, never on the message text.
 */
export const ERROR_STATUS = {
  invalid_json: 400,
  /** Not well-formed HTTP (a header with control characters, a broken request line or chunk): refused by the HTTP server before any route. */
  malformed_request: 400,
  /** The request's headers are larger than the HTTP server reads (Node's 16 KB). */
  headers_too_large: 431,
  /** The request's headers or body did not arrive in the HTTP server's time. */
  request_timeout: 408,
  validation_failed: 400,
  unauthorized: 401,
  pairing_code_invalid: 401,
  forbidden: 403,
  host_not_allowed: 403,
  origin_not_allowed: 403,
  /** The message's From is not the profile's and not one of its allowed senders. */
  sender_not_allowed: 403,
  /** A member's personal profile may send only from the member's own address or those an admin allowed. */
  member_sender_not_allowed: 403,
  /** A per-message Reply-To that is neither the user's own address nor one the profile allows. */
  reply_to_not_allowed: 403,
  private_host_not_allowed: 403,
  /** A sender test on a port that is not 25, 465, 587, 2525 or one an admin allowed (OWNPOST_ALLOWED_PORTS). */
  port_not_allowed: 403,
  not_found: 404,
  /** A route's path under a method it does not take; `Allow` lists the methods it takes. */
  method_not_allowed: 405,
  idempotency_conflict: 409,
  conflict: 409,
  payload_too_large: 413,
  /** A body sent as something other than JSON (`text/plain`, a form): every body of the API is `application/json`. */
  unsupported_media_type: 415,
  document_too_large: 413,
  /** A message without documents that is larger than the sender's mailbox accepts: it cannot be split. */
  message_too_large: 413,
  no_sender_profile: 422,
  profile_unusable: 422,
  /** A delegated OAuth2 sign-in needs an app registration: the profile names none and the relay has no default (OWNPOST_MS_CLIENT_ID, OWNPOST_GOOGLE_CLIENT_ID). */
  oauth_not_configured: 422,
  /** Saving new server settings or credentials needs a passing test; `details.diagnosis` holds the test. */
  profile_test_failed: 422,
  /** Saving changed Sent-folder (IMAP) settings needs a passing test; `details.diagnosis` holds the test. */
  sent_folder_test_failed: 422,
  /** `POST /v1/pair` with a relay's setup code but no `email`: the first admin must name their address. */
  setup_email_required: 422,
  rate_limited: 429,
  internal_error: 500,
  /** A value in the relay's database does not have the shape the relay wrote (a database edited by hand, a damaged file): the request was not carried out. */
  stored_data_invalid: 500,
  /** The relay cannot reach its database, or it does not answer in time (`/readyz`, and any request meanwhile); `Retry-After` says when to try again. */
  store_unavailable: 503,
  /** The relay's disk (or its database's) is full: nothing can be accepted until space is freed; `Retry-After` says when to try again. */
  storage_full: 503,
  /** The relay is stopping (SIGTERM): the request was not carried out; send it again (another instance, or this one once it is back). */
  shutting_down: 503,
  /** A JSON body nested deeper than any request of the API (issue 14), refused before it is parsed. */
  json_too_deep: 400,
  /** A profile moved to another server or port without its password: a stored secret never goes to a new server. */
  profile_password_required: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The body of every error response: `{"error": {...}}`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; hint?: string; details?: unknown };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value as ErrorBody).error?.code === 'string';
}
