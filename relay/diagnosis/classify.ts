import { isProblemCode, type ProblemCode } from './catalogue';

/**
 * Turns a failed send (or a failed OAuth2 token request) into a problem from the catalogue, the
 * stage it failed at, and whether the failure is temporary.
 *
 * It reads nodemailer errors (`code` such as EAUTH or ESOCKET, `response`, `responseCode`,
 * `command`, and `originalCode` where nodemailer replaced Node's own code), raw Node socket and TLS
 * errors, OAuth2 token-endpoint error bodies, and plain objects with the same fields.
 *
 * Evidence is weighed in this order:
 * 1. the server's reply: its reply code and enhanced status code (RFC 3463). The reply text is read
 *    only where one status code carries several meanings (Microsoft's 5.7.139 variants, 5.7.1, 530);
 * 2. error codes: Node's (ECONNREFUSED, CERT_HAS_EXPIRED, ...), then nodemailer's (EAUTH, ...);
 * 3. message text, because nodemailer wraps a TLS failure during STARTTLS in a new Error
 *    ("Error initiating TLS - certificate has expired") that keeps nothing of the cause but
 *    OpenSSL's words.
 */

export type SmtpStage = 'dns' | 'connect' | 'tls' | 'ehlo' | 'auth' | 'sender' | 'recipient' | 'data' | 'oauth' | 'folder';

/** The fields `classifySmtpFailure` reads. Every one is optional; unknown fields are ignored. */
export interface FailureInput {
  code?: string;
  responseCode?: number;
  /** The server's full reply, possibly several lines. */
  response?: string;
  command?: string;
  message?: string;
  errno?: string | number;
  syscall?: string;
  stage?: SmtpStage;
  /** Node's code, kept by nodemailer when it sets `code` to its own (ESOCKET, EDNS). */
  originalCode?: string;
  /** nodemailer's kind of ETIMEDOUT: CONNECT_TIMEOUT, GREETING_TIMEOUT, UPGRADE_TIMEOUT, SOCKET_TIMEOUT. */
  timeoutType?: string;
  /** OAuth2 token-endpoint error (RFC 6749 §5.2); Microsoft adds the AADSTS numbers in `error_codes`. */
  error?: string;
  error_description?: string;
  error_codes?: number[];
  /** The wrapped error, as `fetch` and `new Error(msg, { cause })` set it. */
  cause?: unknown;
}

export interface Classified {
  code: ProblemCode;
  stage: SmtpStage;
  kind: 'temporary' | 'permanent';
  /** The server's reply (or the token endpoint's error), to show beside the explanation. */
  serverReply?: string;
}

/**
 * The session stage a nodemailer `command` belongs to.
 *
 * @example stageOfCommand('AUTH PLAIN') // 'auth'
 */
export function stageOfCommand(command?: string): SmtpStage | undefined {
  const verb = (command ?? '').trim().toUpperCase();
  if (verb === 'CONN') return 'connect';
  if (/^(EHLO|HELO|LHLO)\b/.test(verb)) return 'ehlo';
  if (verb.startsWith('STARTTLS')) return 'tls';
  if (verb.startsWith('AUTH')) return 'auth';
  if (verb.startsWith('MAIL')) return 'sender';
  if (verb.startsWith('RCPT')) return 'recipient';
  if (verb.startsWith('DATA') || verb.startsWith('BDAT')) return 'data';
  return undefined;
}

/**
 * Classifies a failure. `hint.stage` (the caller knows which step it was running) wins over
 * what the error says.
 *
 * @example
 * classifySmtpFailure(err) // { code: 'gmail_app_password_required', stage: 'auth', kind: 'permanent', serverReply: '534-5.7.9 ...' }
 */
export function classifySmtpFailure(err: unknown, hint?: { stage?: SmtpStage }): Classified {
  const facts = gatherFacts(err);
  const hintedStage = hint?.stage ?? facts.ownStage;
  const code = identifyProblem(facts, hintedStage);
  return {
    code,
    stage: decideStage(code, facts, hintedStage),
    kind: decideKind(code, facts),
    ...(facts.reply !== undefined ? { serverReply: facts.reply } : {}),
  };
}

// ------------------------------------------------------------------------------------------------
// Stage and kind

/** Where each problem happens when neither the caller nor the error says. */
const HOME_STAGE: Record<ProblemCode, SmtpStage> = {
  gmail_bad_credentials: 'auth',
  gmail_app_password_required: 'auth',
  gmail_web_login_required: 'auth',
  starttls_required_by_server: 'tls',
  ms_smtp_auth_disabled_tenant: 'auth',
  ms_smtp_auth_disabled_mailbox: 'auth',
  ms_security_defaults: 'auth',
  ms_conditional_access: 'auth',
  ms_bad_credentials: 'auth',
  ms_account_locked: 'auth',
  ms_basic_auth_disabled: 'auth',
  ms_basic_auth_not_supported: 'auth',
  ms_oauth_token_rejected: 'auth',
  auth_mechanism_not_offered: 'auth',
  not_authenticated: 'sender',
  send_as_denied: 'sender',
  ms_concurrent_connections: 'sender',
  rate_limited: 'connect',
  daily_quota_exceeded: 'sender',
  tls_version_too_old: 'tls',
  dmarc_unauthenticated_sender: 'data',
  message_too_large: 'data',
  tls_wrong_version_number: 'tls',
  greeting_timeout: 'connect',
  starttls_not_offered: 'tls',
  starttls_injection: 'tls',
  cert_expired: 'tls',
  cert_self_signed: 'tls',
  cert_self_signed_in_chain: 'tls',
  cert_unknown_issuer: 'tls',
  cert_name_mismatch: 'tls',
  connection_refused: 'connect',
  connection_timeout: 'connect',
  host_not_found: 'dns',
  dns_temporary: 'dns',
  connection_dropped: 'connect',
  not_smtp_service: 'connect',
  auth_failed: 'auth',
  recipient_rejected: 'recipient',
  recipients_partly_refused: 'recipient',
  sender_rejected: 'sender',
  server_temporary: 'connect',
  server_permanent: 'connect',
  unknown: 'connect',
  oauth_invalid_client_secret: 'oauth',
  oauth_resource_not_found: 'oauth',
  oauth_consent_missing: 'oauth',
  oauth_invalid_client_id: 'oauth',
  oauth_invalid_grant: 'oauth',
  oauth_sign_in_required: 'oauth',
  oauth_token_failed: 'oauth',
  destination_not_allowed: 'connect',
  sender_deleted: 'connect',
  sent_folder_missing: 'folder',
};

/** Problems that pass by themselves when there is no reply code to say so. */
const TEMPORARY_WITHOUT_REPLY: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  // A mail server that is down or not reachable for a while (issue 15).
  'connection_refused',
  'host_not_found',
  'connection_timeout',
  'greeting_timeout',
  'connection_dropped',
  'dns_temporary',
  'rate_limited',
  'server_temporary',
  'ms_concurrent_connections',
]);

function decideStage(code: ProblemCode, facts: Facts, hinted: SmtpStage | undefined): SmtpStage {
  if (hinted) return hinted;
  const home = HOME_STAGE[code];
  const fromCommand = stageOfCommand(facts.command);
  // nodemailer labels everything before the greeting 'CONN' (the DNS lookup, TCP and implicit
  // TLS alike), so there the kind of error says more than the command.
  if (fromCommand === 'connect' && (home === 'dns' || home === 'tls')) return home;
  return fromCommand ?? home;
}

function decideKind(code: ProblemCode, facts: Facts): Classified['kind'] {
  if (facts.replyCode !== undefined) return facts.replyCode < 500 ? 'temporary' : 'permanent';
  return TEMPORARY_WITHOUT_REPLY.has(code) ? 'temporary' : 'permanent';
}

// ------------------------------------------------------------------------------------------------
// What went wrong

function identifyProblem(facts: Facts, hintedStage: SmtpStage | undefined): ProblemCode {
  // The diagnosis runner reports its own findings (e.g. no STARTTLS in the EHLO reply) by code.
  if (facts.ownCode) return facts.ownCode;
  if (facts.replyCode !== undefined) return problemFromReply(facts);
  return problemFromOAuthError(facts) ?? problemFromSystemError(facts) ?? problemFromNodemailerCode(facts) ?? (hintedStage === 'oauth' ? 'oauth_token_failed' : 'unknown');
}

/** Google's replies point at support.google.com with a `p=` topic; other servers use 5.7.8/5.7.9 too. */
const GOOGLE_REPLY = /google\.com|\?p=(badcredentials|invalidsecondfactor)/;

function problemFromReply(facts: Facts): ProblemCode {
  const replyCode = facts.replyCode!;
  const text = (facts.reply ?? '').toLowerCase();
  const stage = stageOfCommand(facts.command);
  const xoauth2 = /XOAUTH2/i.test(facts.command ?? '');

  switch (facts.enhanced) {
    case '5.7.139':
      return microsoftAuthProblem(text);
    case '5.7.8':
      // A token Gmail (or another XOAUTH2 server) no longer accepts: the sign-in must be renewed.
      if (xoauth2) return 'oauth_invalid_grant';
      return GOOGLE_REPLY.test(text) ? 'gmail_bad_credentials' : 'auth_failed';
    case '5.7.9':
      // RFC 4954: "authentication mechanism is too weak"; Gmail uses it for "app password required".
      return GOOGLE_REPLY.test(text) ? 'gmail_app_password_required' : 'auth_mechanism_not_offered';
    case '5.7.14':
      return 'gmail_web_login_required';
    case '5.7.30':
      return 'ms_basic_auth_not_supported';
    case '5.7.3':
      // Exchange Online's generic "Authentication unsuccessful": after a password it means the
      // password (or SMTP AUTH for the mailbox); after XOAUTH2, or unknown, a rejected token.
      if (replyCode === 535) return stage === 'auth' && !xoauth2 ? 'ms_bad_credentials' : 'ms_oauth_token_rejected';
      break;
    case '5.7.4':
      return 'auth_mechanism_not_offered';
    case '5.7.57':
      return 'not_authenticated';
    case '5.7.60':
    case '5.2.252':
      return 'send_as_denied';
    case '4.3.2':
      // Only Exchange Online answers 432, for its limit of 3 connections per mailbox.
      if (replyCode === 432) return 'ms_concurrent_connections';
      break;
    case '4.4.2':
      // Microsoft's submission rate limit shares 4.4.2 ("bad connection") with dropped connections.
      return /\brate\b|exceeded/.test(text) ? 'rate_limited' : 'connection_dropped';
    case '4.7.0':
      // Gmail's and Yahoo's (TSS04) "slow down"; 454 4.7.0 also means "TLS not available".
      if (replyCode === 421 || /too many|try again later|\[tss\d+\]/.test(text)) return 'rate_limited';
      break;
    case '4.7.28':
      return 'rate_limited';
    case '4.7.66':
      return 'tls_version_too_old';
    case '5.4.5':
      return 'daily_quota_exceeded';
    case '5.2.0':
      if (text.includes('quota')) return 'daily_quota_exceeded';
      break;
    case '5.7.26':
    case '5.7.515':
      return 'dmarc_unauthenticated_sender';
    case '5.3.4':
    case '5.2.3':
      return 'message_too_large';
  }

  // 5.7.0 and 5.7.1 ("other security" and "not authorized") and replies without an enhanced code
  // cover many policies; their text tells which.
  if (facts.enhanced === undefined || /^[45]\.7\.[01]$/.test(facts.enhanced)) {
    const policy = policyRefusal(text);
    if (policy) return policy;
  }
  // Any refusal of STARTTLS: the server cannot or will not encrypt.
  if (stage === 'tls') return 'starttls_not_offered';
  // EHLO refused (a server that knows only HELO) where STARTTLS is required: HELO has no extensions, so
  // no STARTTLS, which is what the sender test reports too. nodemailer keeps only its words for it.
  if (stage === 'ehlo' && facts.text.includes('does not support required starttls')) return 'starttls_not_offered';
  // RFC 3207 and RFC 4954 share 530 between "STARTTLS first" and "authentication required".
  if (replyCode === 530) return text.includes('starttls') ? 'starttls_required_by_server' : 'not_authenticated';
  if (replyCode === 538) return 'starttls_required_by_server';
  if (replyCode === 534 || (replyCode === 504 && stage === 'auth')) return 'auth_mechanism_not_offered';
  if (replyCode === 535) return 'auth_failed';
  if (replyCode === 552 && (stage === 'data' || stage === 'sender')) return 'message_too_large';

  const temporary = replyCode < 500;
  if (temporary) return 'server_temporary';
  if (stage === 'auth') return 'auth_failed';
  if (stage === 'recipient') return 'recipient_rejected';
  if (stage === 'sender') return 'sender_rejected';
  return 'server_permanent';
}

/** The variants of Exchange Online's `535 5.7.139 Authentication unsuccessful, <reason>`. */
function microsoftAuthProblem(text: string): ProblemCode {
  // "user is locked by your organization's security defaults policy" says "locked" too: first.
  if (text.includes('security defaults')) return 'ms_security_defaults';
  if (text.includes('smtpclientauthentication is disabled for the tenant')) return 'ms_smtp_auth_disabled_tenant';
  if (text.includes('smtpclientauthentication is disabled')) return 'ms_smtp_auth_disabled_mailbox';
  if (text.includes('did not meet the criteria')) return 'ms_conditional_access';
  if (text.includes('basic authentication is disabled')) return 'ms_basic_auth_disabled';
  if (text.includes('locked')) return 'ms_account_locked';
  return 'ms_bad_credentials';
}

/** Policy refusals that share a generic status code (x.7.0, x.7.1, or none at all). */
function policyRefusal(text: string): ProblemCode | undefined {
  if (text.includes('starttls')) return 'starttls_required_by_server';
  // iCloud: "550 5.7.1 ... You have exceeded your daily sending limit."
  if (/daily (user )?sending (limit|quota)/.test(text)) return 'daily_quota_exceeded';
  // Postfix reject_sender_login_mismatch: "553 5.7.1 <a@b>: Sender address rejected: not owned by user c".
  if (/not owned by|not allowed to send as/.test(text)) return 'send_as_denied';
  // Postfix and Exchange answer an unauthenticated submission with "Relay access denied" and the like.
  if (/relay(ing)? (access )?(denied|not permitted)|authentication required|not authenticated/.test(text)) {
    return 'not_authenticated';
  }
  return undefined;
}

/** Microsoft Entra ID errors by AADSTS number. */
const AADSTS_PROBLEMS: ReadonlyMap<number, ProblemCode> = new Map<number, ProblemCode>([
  [7000215, 'oauth_invalid_client_secret'], // invalid client secret (often the Secret ID instead of its Value)
  [7000222, 'oauth_invalid_client_secret'], // client secret expired
  [500011, 'oauth_resource_not_found'], // resource principal not found in the tenant
  [70011, 'oauth_resource_not_found'], // invalid scope
  [65001, 'oauth_consent_missing'], // consent not granted
  [700016, 'oauth_invalid_client_id'], // application not found in the directory
  [90002, 'oauth_invalid_client_id'], // tenant not found
  [900023, 'oauth_invalid_client_id'], // tenant identifier neither a GUID nor a domain
  [70008, 'oauth_invalid_grant'], // refresh token expired or revoked
  [700082, 'oauth_invalid_grant'], // refresh token expired after inactivity
  [700084, 'oauth_invalid_grant'], // refresh token of a single-page app expired
  [50173, 'oauth_invalid_grant'], // grant expired after a password change
  [50076, 'oauth_invalid_grant'], // multi-factor authentication now required: sign in interactively
  [50079, 'oauth_invalid_grant'], // multi-factor registration required
]);

function problemFromOAuthError(facts: Facts): ProblemCode | undefined {
  for (const number of facts.aadsts) {
    const problem = AADSTS_PROBLEMS.get(number);
    if (problem) return problem;
  }
  if (facts.aadsts.length) return 'oauth_token_failed';
  switch (facts.oauthError) {
    case 'invalid_grant':
      return 'oauth_invalid_grant';
    case 'invalid_client':
      // Google: "The OAuth client was not found." (wrong client ID) or "Unauthorized" (wrong secret).
      return /not found/.test(facts.oauthDescription?.toLowerCase() ?? '') ? 'oauth_invalid_client_id' : 'oauth_invalid_client_secret';
    case 'invalid_scope':
      return 'oauth_resource_not_found';
    case 'unauthorized_client':
    case 'invalid_request':
    case 'unsupported_grant_type':
    case 'access_denied':
      return 'oauth_token_failed';
  }
  return undefined;
}

function problemFromSystemError(facts: Facts): ProblemCode | undefined {
  const has = (...codes: string[]) => codes.some((code) => facts.codes.has(code));
  const text = facts.text;

  // Checked before ETIMEDOUT, which nodemailer uses for every kind of timeout.
  if (facts.timeoutType === 'GREETING_TIMEOUT' || text.includes('greeting never received')) return 'greeting_timeout';

  if (has('ERR_SSL_WRONG_VERSION_NUMBER') || text.includes('wrong version number')) return 'tls_wrong_version_number';
  if (has('CERT_HAS_EXPIRED') || text.includes('certificate has expired')) return 'cert_expired';
  // OpenSSL 3 writes "self-signed", older versions "self signed".
  if (has('SELF_SIGNED_CERT_IN_CHAIN') || /self[- ]signed certificate in certificate chain/.test(text)) {
    return 'cert_self_signed_in_chain';
  }
  if (has('DEPTH_ZERO_SELF_SIGNED_CERT') || /self[- ]signed certificate/.test(text)) return 'cert_self_signed';
  if (has('UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT') || /unable to (get local issuer|verify the first|get issuer) certificate/.test(text)) {
    return 'cert_unknown_issuer';
  }
  if (has('ERR_TLS_CERT_ALTNAME_INVALID') || text.includes("does not match certificate's altnames")) return 'cert_name_mismatch';
  if (
    has('ERR_SSL_UNSUPPORTED_PROTOCOL', 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 'ERR_SSL_NO_PROTOCOLS_AVAILABLE') ||
    /unsupported protocol|alert protocol version|no protocols available/.test(text)
  ) {
    return 'tls_version_too_old';
  }

  if (has('ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_NODATA')) return 'host_not_found';
  // Anything else that failed while looking the name up (EAI_AGAIN, SERVFAIL, c-ares' ETIMEOUT,
  // a refusing resolver) says nothing about the name itself.
  if (facts.dnsLookup || has('EAI_AGAIN', 'EAI_FAIL', 'ESERVFAIL', 'ETIMEOUT')) return 'dns_temporary';

  if (has('ECONNREFUSED')) return 'connection_refused';
  if (has('ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETDOWN')) return 'connection_timeout';
  if (has('ECONNRESET', 'EPIPE', 'ECONNABORTED') || /socket hang up|connection closed unexpectedly/.test(text)) {
    return 'connection_dropped';
  }
  return undefined;
}

function problemFromNodemailerCode(facts: Facts): ProblemCode | undefined {
  const has = (code: string) => facts.codes.has(code);
  // "Invalid greeting", "Unexpected Response": something other than SMTP answered (IMAP, HTTP).
  if (has('EPROTOCOL')) return 'not_smtp_service';
  if (has('ENOAUTH')) return 'not_authenticated';
  if (has('EAUTH')) return 'auth_failed';
  if (has('EOAUTH2')) return 'oauth_token_failed';
  // nodemailer refuses before sending when the message exceeds the size the server announced.
  if (has('EMESSAGE') && facts.text.includes('size')) return 'message_too_large';
  if (has('EENVELOPE')) return facts.text.includes('sender') ? 'sender_rejected' : 'recipient_rejected';
  if (has('ECONNECTION') || has('ESOCKET') || has('EMAXLIMIT')) return 'connection_dropped';
  return undefined;
}

// ------------------------------------------------------------------------------------------------
// Reading the error

interface Facts {
  /** A catalogue code the error already carries. */
  ownCode?: ProblemCode;
  /** Every error code found: nodemailer's, Node's (`originalCode`, string `errno`), and those of wrapped errors. */
  codes: ReadonlySet<string>;
  /** All messages, lower-case. */
  text: string;
  reply?: string;
  replyCode?: number;
  /** The enhanced status code (RFC 3463) of the reply, e.g. `5.7.139`. */
  enhanced?: string;
  command?: string;
  ownStage?: SmtpStage;
  timeoutType?: string;
  dnsLookup: boolean;
  aadsts: number[];
  oauthError?: string;
  oauthDescription?: string;
}

/** Replies are shown to users and stored with every attempt; nodemailer accepts up to 1 MB. */
const MAX_REPLY_CHARS = 2000;
const STAGES: readonly string[] = ['dns', 'connect', 'tls', 'ehlo', 'auth', 'sender', 'recipient', 'data', 'oauth'];
const OAUTH_ERRORS = /\b(invalid_grant|invalid_client|invalid_scope|unauthorized_client|invalid_request|unsupported_grant_type|access_denied)\b/;
/** Node writes the code after the failed call: "connect ECONNREFUSED 127.0.0.1:25", "getaddrinfo ENOTFOUND host". */
const SYSCALL_CODE = /\b(?:connect|getaddrinfo|query[a-z]*|read|write|lookup)\s+(E[A-Z_]{3,})\b/gi;
/** "Invalid login: 535-5.7.8 ..." or a bare reply: nodemailer appends the reply to the message. */
const REPLY_IN_MESSAGE = /(?:^|:\s)([45]\d\d[ -][\s\S]*)$/;
const ENHANCED_CODE = /^[2-5]\d\d[ -]([245]\.\d{1,3}\.\d{1,3})\b/m;

type Layer = Record<string, unknown>;

/** The error and what it wraps (`cause`, AggregateError's `errors`, HTTP client bodies), outermost first. */
function unwrap(err: unknown): Layer[] {
  const layers: Layer[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 3 || layers.length >= 10) return;
    if (typeof value === 'string') {
      layers.push({ message: value });
      return;
    }
    if (typeof value !== 'object' || value === null || layers.includes(value as Layer)) return;
    const layer = value as Layer;
    layers.push(layer);
    visit(layer.cause, depth + 1);
    if (Array.isArray(layer.errors)) layer.errors.slice(0, 3).forEach((inner) => visit(inner, depth + 1));
    for (const key of ['body', 'data', 'response'] as const) {
      if (typeof layer[key] === 'object') visit(layer[key], depth + 1);
    }
  };
  visit(err, 0);
  return layers;
}

function gatherFacts(err: unknown): Facts {
  const codes = new Set<string>();
  const messages: string[] = [];
  const aadsts: number[] = [];
  let ownCode: ProblemCode | undefined;
  let reply: string | undefined;
  let replyCode: number | undefined;
  let command: string | undefined;
  let ownStage: SmtpStage | undefined;
  let timeoutType: string | undefined;
  let dnsLookup = false;
  let oauthError: string | undefined;
  let oauthDescription: string | undefined;

  for (const layer of unwrap(err)) {
    const text = (key: string) => (typeof layer[key] === 'string' && layer[key] ? (layer[key] as string) : undefined);
    const code = text('code');
    if (!ownCode && isProblemCode(code)) ownCode = code;
    // nodemailer replaces the code of an error raised during AUTH with EAUTH and keeps the old one as
    // `originalCode`: that is where the OAuth2 token source's problem code (relay/oauth) ends up.
    const originalCode = text('originalCode');
    if (!ownCode && isProblemCode(originalCode)) ownCode = originalCode;
    for (const value of [code, text('originalCode'), text('errno')]) if (value) codes.add(value.toUpperCase());

    const message = text('message');
    if (message) {
      messages.push(message);
      for (const match of message.matchAll(SYSCALL_CODE)) codes.add(match[1]!.toUpperCase());
    }
    reply ??= text('response')?.trim() || undefined;
    if (replyCode === undefined && typeof layer.responseCode === 'number' && Number.isInteger(layer.responseCode)) {
      replyCode = layer.responseCode;
    }
    command ??= text('command');
    const stage = text('stage');
    if (!ownStage && stage && STAGES.includes(stage)) ownStage = stage as SmtpStage;
    timeoutType ??= text('timeoutType');
    if (/^(getaddrinfo|query)/i.test(text('syscall') ?? '')) dnsLookup = true;

    const error = text('error');
    if (!oauthError && error && OAUTH_ERRORS.test(error)) oauthError = error;
    oauthDescription ??= text('error_description');
    if (Array.isArray(layer.error_codes)) {
      for (const number of layer.error_codes) if (typeof number === 'number') aadsts.push(number);
    }
  }
  if (codes.has('EDNS')) dnsLookup = true;

  const allText = [...messages, oauthDescription ?? '', reply ?? ''].join('\n');
  for (const match of allText.matchAll(/AADSTS(\d{5,7})\b/g)) aadsts.push(Number(match[1]));
  oauthError ??= allText.match(OAUTH_ERRORS)?.[1];

  // A plain object may carry the reply only in its message.
  if (reply === undefined) {
    for (const message of messages) {
      const found = message.trim().match(REPLY_IN_MESSAGE)?.[1];
      if (found) {
        reply = found.trim();
        break;
      }
    }
  }
  if (reply !== undefined && reply.length > MAX_REPLY_CHARS) reply = `${reply.slice(0, MAX_REPLY_CHARS)}…`;
  if (replyCode === undefined && reply) {
    const leading = /^([45]\d\d)(?:[ -]|$)/.exec(reply);
    if (leading) replyCode = Number(leading[1]);
  }
  // Only failure replies classify; a stray 2xx/3xx (a server that broke off after 354) does not.
  if (replyCode !== undefined && (replyCode < 400 || replyCode > 599)) replyCode = undefined;
  const enhanced = reply ? ENHANCED_CODE.exec(reply)?.[1] : undefined;

  // Without an SMTP reply, the token endpoint's answer is the server reply worth showing.
  if (reply === undefined && oauthDescription) reply = oauthError ? `${oauthError}: ${oauthDescription}` : oauthDescription;
  // A TLS handshake that times out carries the command CONN, although it is the TLS stage.
  if (timeoutType === 'UPGRADE_TIMEOUT') command = 'STARTTLS';

  return {
    ...(ownCode ? { ownCode } : {}),
    codes,
    text: messages.join('\n').toLowerCase(),
    ...(reply !== undefined ? { reply } : {}),
    ...(replyCode !== undefined ? { replyCode } : {}),
    ...(enhanced !== undefined ? { enhanced } : {}),
    ...(command !== undefined ? { command } : {}),
    ...(ownStage ? { ownStage } : {}),
    ...(timeoutType !== undefined ? { timeoutType } : {}),
    dnsLookup,
    aadsts,
    ...(oauthError !== undefined ? { oauthError } : {}),
    ...(oauthDescription !== undefined ? { oauthDescription } : {}),
  };
}
