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

/** `text` without any of `forms`. */
export function redactSecrets(text: string, forms: readonly string[]): string {
  let clean = text;
  for (const form of forms) if (clean.includes(form)) clean = clean.split(form).join(REMOVED);
  return clean;
}

/** Every string in a JSON-like value (a sender test's result) without any of `forms`. */
export function redactSecretsDeep<T>(value: T, forms: readonly string[]): T {
  if (forms.length === 0) return value;
  if (typeof value === 'string') return redactSecrets(value, forms) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactSecretsDeep(item, forms)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, redactSecretsDeep(member, forms)])) as T;
  }
  return value;
}
