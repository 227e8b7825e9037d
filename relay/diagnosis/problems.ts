/**
 * The table of sending problems: every failure a user can meet while sending through their own
 * mailbox has a stable code here and a retry policy for the delivery worker. Each code's title,
 * explanation and fix, per language, are in problem-texts/; catalogue.ts puts the two together.
 *
 * Codes are persisted with messages (`problemCode`), so a code is never renamed or reused.
 */

/**
 * How a delivery worker treats a message that failed with this problem:
 * - `never`: retrying cannot help or does harm (lockouts, permanent refusals, certificates, setup errors);
 * - `later`: the cause passes by itself (rate limits, timeouts, temporary server trouble);
 * - `limited`: a few more tries, then give up (authentication hiccups, unclear failures).
 */
export type RetryPolicy = 'never' | 'later' | 'limited';

/** Every problem's retry policy, in the catalogue's stable order. */
const PROBLEMS = {
  // ---------------------------------------------------------------- Gmail / Google Workspace
  gmail_bad_credentials: 'limited',
  gmail_app_password_required: 'never',
  gmail_web_login_required: 'never',

  // ---------------------------------------------------------------- Encryption policy of the server
  starttls_required_by_server: 'never',

  // ---------------------------------------------------------------- Microsoft 365 / Outlook.com sign-in
  ms_smtp_auth_disabled_tenant: 'never',
  ms_smtp_auth_disabled_mailbox: 'never',
  ms_security_defaults: 'never',
  ms_conditional_access: 'never',
  ms_bad_credentials: 'limited',
  ms_account_locked: 'never',
  ms_basic_auth_disabled: 'never',
  ms_basic_auth_not_supported: 'never',
  ms_oauth_token_rejected: 'limited',

  // ---------------------------------------------------------------- Sign-in in general
  auth_mechanism_not_offered: 'never',
  not_authenticated: 'never',
  send_as_denied: 'never',

  // ---------------------------------------------------------------- Limits
  ms_concurrent_connections: 'later',
  rate_limited: 'later',
  daily_quota_exceeded: 'later',

  // ---------------------------------------------------------------- Message and domain
  tls_version_too_old: 'never',
  dmarc_unauthenticated_sender: 'never',
  message_too_large: 'never',

  // ---------------------------------------------------------------- Encryption (TLS) and certificates
  tls_wrong_version_number: 'never',
  // A server that is down (refused, silent, its name gone for a while) comes back: the whole
  // schedule, not the sign-in attempt limit (issue 15).
  greeting_timeout: 'later',
  starttls_not_offered: 'never',
  // A STARTTLS reply followed by more data before the handshake: CVE-2011-0411 command injection,
  // or a middlebox that rewrites mail traffic. Found by the diagnosis client (smtp-session.ts).
  starttls_injection: 'never',
  cert_expired: 'never',
  cert_self_signed: 'never',
  cert_self_signed_in_chain: 'never',
  cert_unknown_issuer: 'never',
  cert_name_mismatch: 'never',

  // ---------------------------------------------------------------- Network
  // A server that is down (refused, silent, its name gone for a while) comes back: the whole
  // schedule, not the sign-in attempt limit (issue 15).
  connection_refused: 'later',
  connection_timeout: 'later',
  host_not_found: 'later',
  dns_temporary: 'later',
  connection_dropped: 'later',
  not_smtp_service: 'never',

  // ---------------------------------------------------------------- Generic server answers
  auth_failed: 'limited',
  recipient_rejected: 'never',
  /**
   * Sent, but some recipients refused (the others have it): not sent again, or they would get it twice.
   * A status on a sent message, never a reason to retry (relay/delivery/refused-recipients.ts).
   */
  recipients_partly_refused: 'never',
  sender_rejected: 'never',
  server_temporary: 'later',
  server_permanent: 'never',
  unknown: 'limited',

  // ---------------------------------------------------------------- OAuth2 token endpoint (Microsoft Entra ID, Google)
  oauth_invalid_client_secret: 'never',
  oauth_resource_not_found: 'never',
  oauth_consent_missing: 'never',
  oauth_invalid_client_id: 'never',
  oauth_invalid_grant: 'never',
  oauth_sign_in_required: 'never',
  oauth_token_failed: 'limited',

  // ---------------------------------------------------------------- The relay's own refusals (issue 14)
  destination_not_allowed: 'never',
  /** A message whose sender profile was deleted while it waited in the outbox: nothing to send it with. */
  sender_deleted: 'never',

  // ---------------------------------------------------------------- The Sent-folder copy over IMAP (issue 21)
  sent_folder_missing: 'never',
} as const satisfies Record<string, RetryPolicy>;

export type ProblemCode = keyof typeof PROBLEMS;

/** Every problem code, in a stable order (for tests and documentation). */
export const PROBLEM_CODES: readonly ProblemCode[] = Object.freeze(Object.keys(PROBLEMS) as ProblemCode[]);

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && Object.hasOwn(PROBLEMS, value);
}

/** How a delivery worker should treat a message that failed with `code` (see {@link RetryPolicy}). */
export function problemRetryPolicy(code: ProblemCode): RetryPolicy {
  return isProblemCode(code) ? PROBLEMS[code] : PROBLEMS.unknown;
}
