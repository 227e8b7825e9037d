/**
 * Server replies are the server's text, and a careless or hostile server echoes what it was sent:
 * `535 5.7.8 Authentication failed for AGFubmEAc2VjcmV0` is the AUTH PLAIN token, the password in
 * base64. Such a reply would reach the sender test's answer, the message's attempts (in the database,
 * shown to every member who sends with a company sender) and the log. Each form a secret takes on
 * the wire is cut out of server text before the relay keeps or shows it.
 */

const REMOVED = '[secret removed]';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** What a sign-in puts on the wire: the secret as it is (IMAP LOGIN), in base64 (AUTH LOGIN), and AUTH PLAIN's and XOAUTH2's tokens. */
export function secretForms(credentials: { username: string; password?: string | undefined; accessToken?: string | undefined }): string[] {
  const { username, password, accessToken } = credentials;
  const forms: string[] = [];
  if (password) forms.push(password, b64(password), b64(`\u0000${username}\u0000${password}`), b64(`${username}\u0000${username}\u0000${password}`));
  if (accessToken) forms.push(accessToken, b64(`user=${username}\u0001auth=Bearer ${accessToken}\u0001\u0001`));
  // Longest first, so a token is removed whole before a shorter form inside it; a one- or two-letter
  // "secret" would cut ordinary words out of every reply and protects nothing.
  return [...new Set(forms)].filter((form) => form.length >= 3).sort((a, b) => b.length - a.length);
}

/** A base64 run long enough to hold a SASL response. */
const BASE64_RUN = /[A-Za-z0-9+/]{16,}={0,2}/g;
/** What AUTH PLAIN (`authzid NUL authcid NUL password`, RFC 4616) and XOAUTH2 (`user=…^Aauth=Bearer …`) send, decoded. */
// eslint-disable-next-line no-control-regex -- NUL and ^A are the SASL separators being looked for
const SASL_CREDENTIALS = /^[^\u0000]*\u0000[^\u0000]+\u0000.|\u0001auth=Bearer /;
/** A bearer token in clear (an OAuth2 error that quotes the header it got). */
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/-]{8,}=*/g;

/**
 * `text` without any of `forms`, and without credentials the relay cannot list (an OAuth2 access
 * token fetched inside the SMTP client): base64 that decodes to an AUTH PLAIN or XOAUTH2 response,
 * and bearer tokens.
 */
export function redactSecrets(text: string, forms: readonly string[]): string {
  let clean = text;
  for (const form of forms) if (clean.includes(form)) clean = clean.split(form).join(REMOVED);
  clean = clean.replace(BASE64_RUN, (run) => (SASL_CREDENTIALS.test(Buffer.from(run, 'base64').toString('latin1')) ? REMOVED : run));
  return clean.replace(BEARER, `$1${REMOVED}`);
}

/** Every string in a JSON-like value (a sender test's result) without any of `forms`. */
export function redactSecretsDeep<T>(value: T, forms: readonly string[]): T {
  if (typeof value === 'string') return redactSecrets(value, forms) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactSecretsDeep(item, forms)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, redactSecretsDeep(member, forms)])) as T;
  }
  return value;
}
