/**
 * The one e-mail address parser of Ownpost. Every address that reaches nodemailer, the store or the UI
 * goes through here first, so the code behind it only ever sees a clean {@link Mailbox}.
 *
 * Deliberately stricter than RFC 5322: we accept the addresses real people use in business mail and refuse
 * everything a second parser could read differently (quoted local parts, comments, groups, source routes,
 * IP literals, invisible characters). Almost every nodemailer address advisory (GitHub security
 * advisories of nodemailer/nodemailer) came from such a disagreement; the
 * regression tests in test/unit/address.test.ts are named after them.
 *
 * Runs in Node and in the browser extension: no `node:` imports, no Buffer, no DOM.
 * Linear time: every check is a single left-to-right scan or a regex that is one character class,
 * and inputs are capped before any work that grows with their length.
 */

/** A parsed mailbox. `address` is ASCII: local part kept as typed, domain lower-cased and in punycode. */
export type Mailbox = {
  /** Display name, NFC-normalised, whitespace collapsed, at most 200 characters; absent when none was given. */
  name?: string;
  /** `local@domain`, ASCII only, e.g. `Anna.Berg@xn--bcher-kva.de`. */
  address: string;
};

/** Stable error codes; branch on these, never on `message`. */
export type AddressErrorCode =
  | 'address_empty'
  | 'address_invalid'
  | 'address_too_long'
  | 'address_forbidden_character'
  | 'address_unicode_local_part'
  | 'address_comment_or_group'
  | 'address_quoted_local_part'
  | 'address_ip_literal'
  | 'name_invalid';

/**
 * Result of {@link parseMailbox} and {@link parseAddress}. On failure, `message` is a plain English sentence
 * that can be shown to the user as is, and `input` is the text that was refused.
 */
export type AddressResult = { ok: true; value: Mailbox } | { ok: false; code: AddressErrorCode; message: string; input: string };

// RFC 5321 §4.5.3.1.1 (local part) and the 254-octet path limit from RFC 5321 errata 1690 / RFC 3696.
const MAX_LOCAL_PART = 64;
const MAX_ADDRESS = 254;
const MAX_LABEL = 63;
const MAX_NAME = 200;
/** Anything longer cannot be a valid mailbox (name 200 + address 254 + quoting); refused before any real work. */
const MAX_MAILBOX_INPUT = 1000;
const DEFAULT_LIST_MAX = 50;
/** A list may hold at most this many entries per allowed recipient before duplicates are removed. */
const LIST_ENTRIES_PER_RECIPIENT = 4;

type Failure = { code: AddressErrorCode; message: string };
type Checked<T> = { ok: true; value: T } | { ok: false; failure: Failure };

// Each regex below is a single character class: it cannot backtrack.
/** Control characters, line/paragraph separators, lone surrogates and private-use code points. */
const CONTROL_CHARACTER = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\p{Co}]/u;
/**
 * Invisible characters: format characters (soft hyphen, zero-width space/joiners, bidi controls) and everything
 * else Unicode marks default-ignorable (variation selectors, Hangul fillers, U+034F). IDNA silently deletes
 * many of them, which is how GHSA-wmmp-3585-3rmp delivered mail to a look-alike domain.
 */
const INVISIBLE_CHARACTER = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const SPACE_CHARACTER = /\p{Zs}/u;
const DOMAIN_UNICODE_CHARACTER = /[\p{L}\p{M}\p{Nd}]/u;
const LATIN = /\p{Script=Latin}/u;
const GREEK = /\p{Script=Greek}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
/** Characters that may appear in a display name without quoting: RFC 5322 atext (RFC 6532 adds letters), space. */
const UNQUOTED_NAME_CHARACTER = /[\p{L}\p{M}\p{N} !#$%&'*+\-/=?^_`{|}~]/u;

/**
 * Parses a bare e-mail address such as `anna@firma.se` (no display name, no angle brackets).
 *
 * Surrounding spaces are ignored. The domain is lower-cased; an international domain is NFC-normalised and
 * converted to punycode, and refused unless the conversion round-trips exactly. The local part must be ASCII
 * (letters, digits and `. _ - + '`), must not start with `-`, and is kept as typed.
 *
 * @example
 * parseAddress('faktura@Bücher.de'); // { ok: true, value: { address: 'faktura@xn--bcher-kva.de' } }
 * parseAddress('kund@@exempel.se');  // { ok: false, code: 'address_invalid', ... }
 */
export function parseAddress(input: string): AddressResult {
  if (typeof input !== 'string') return failWith(notText(), String(input));
  const checked = checkAddress(trimSpaces(input));
  return checked.ok ? { ok: true, value: { address: checked.value } } : failWith(checked.failure, input);
}

/**
 * Parses one mailbox: a bare address, `Name <addr@x.y>`, `"Name, Inc." <addr@x.y>` or `<addr@x.y>`.
 *
 * The name may be quoted (with `\"` and `\\` escapes); it must be quoted when it contains `, @ [ ] \`.
 * Names are NFC-normalised, whitespace is collapsed, and names with control or invisible characters,
 * `<` or `>`, or more than 200 characters are refused with `name_invalid`.
 * Comments `(…)`, groups (`:`/`;`) and anything after the closing `>` are refused.
 *
 * @example
 * parseMailbox('"Berg, Anna" <anna@firma.se>'); // { ok: true, value: { name: 'Berg, Anna', address: 'anna@firma.se' } }
 */
export function parseMailbox(input: string): AddressResult {
  if (typeof input !== 'string') return failWith(notText(), String(input));
  const checked = checkMailbox(input);
  return checked.ok ? { ok: true, value: checked.value } : failWith(checked.failure, input);
}

/**
 * Parses several mailboxes. A string is split on `,` or `;` outside quotes and angle brackets (empty entries,
 * such as a trailing `;`, are skipped); an array holds exactly one mailbox per item. Duplicate addresses
 * (compared case-insensitively) are removed, keeping the first. An empty list is refused with `address_empty`;
 * more than `max` distinct mailboxes, or more than `4 * max` entries before duplicates are removed, with
 * `address_list_too_long`.
 * On failure, `index` is the 0-based position of the refused entry (among the non-blank entries of a string)
 * and `input` is that entry.
 *
 * @param opts.max Most distinct mailboxes accepted. @default 50
 * @throws RangeError when `opts.max` is not a positive integer.
 * @example
 * parseMailboxList('Anna <anna@firma.se>; "Berg, Bo" <bo@firma.se>;'); // ok, two mailboxes
 * parseMailboxList(['anna@firma.se', 'ANNA@firma.se']);                // ok, one mailbox
 */
export function parseMailboxList(
  input: string | string[],
  opts?: { max?: number },
): { ok: true; value: Mailbox[] } | { ok: false; code: AddressErrorCode | 'address_list_too_long'; message: string; input: string; index: number } {
  const max = opts?.max ?? DEFAULT_LIST_MAX;
  if (!Number.isInteger(max) || max < 1) {
    throw new RangeError(`parseMailboxList: max must be a positive integer, got ${String(max)}`);
  }
  let entries: string[];
  if (Array.isArray(input)) entries = input;
  else if (typeof input === 'string') entries = splitMailboxList(input);
  else return { ok: false, ...notText(), input: String(input), index: 0 };

  const tooMany = (index: number) => ({
    ok: false as const,
    code: 'address_list_too_long' as const,
    message: `Too many recipients: at most ${max} different e-mail addresses are allowed.`,
    input: String(entries[index]),
    index,
  });
  // Bounds the work on a huge paste of repeated addresses; no real list repeats each recipient four times.
  const maxEntries = max * LIST_ENTRIES_PER_RECIPIENT;
  if (entries.length > maxEntries) return tooMany(maxEntries);

  const value: Mailbox[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    if (typeof entry !== 'string') return { ok: false, ...notText(), input: String(entry), index };
    const checked = checkMailbox(entry);
    if (!checked.ok) return { ok: false, ...checked.failure, input: entry, index };
    const key = checked.value.address.toLowerCase();
    if (seen.has(key)) continue;
    if (value.length === max) return tooMany(index);
    seen.add(key);
    value.push(checked.value);
  }
  if (value.length === 0) {
    const given = typeof input === 'string' ? input : entries.join(', ');
    return { ok: false, code: 'address_empty', message: 'No e-mail address was given.', input: given, index: 0 };
  }
  return { ok: true, value };
}

/**
 * The domain of an address, lower-cased and in punycode.
 *
 * @throws TypeError when `address` is not a valid bare address (pass `Mailbox.address`, not user input).
 * @example
 * addressDomain('faktura@Bücher.de'); // 'xn--bcher-kva.de'
 */
export function addressDomain(address: string): string {
  const parsed = parseAddress(address);
  if (!parsed.ok) throw new TypeError(`addressDomain: ${parsed.message}`);
  const normalised = parsed.value.address;
  return normalised.slice(normalised.lastIndexOf('@') + 1);
}

/**
 * Whether two addresses reach the same mailbox, ignoring case in both parts (as the big mail providers do)
 * and comparing international domains in their punycode form. False when either is not a valid address.
 *
 * @example
 * sameAddress('Anna@Firma.se', 'anna@firma.se');                 // true
 * sameAddress('faktura@bücher.de', 'FAKTURA@xn--bcher-kva.de'); // true
 */
export function sameAddress(a: string, b: string): boolean {
  const left = parseAddress(a);
  const right = parseAddress(b);
  return left.ok && right.ok && left.value.address.toLowerCase() === right.value.address.toLowerCase();
}

/**
 * Formats a mailbox for display (not for headers: hand nodemailer the `{ name, address }` object instead).
 * Quotes the name when it contains anything beyond letters, digits, spaces and RFC 5322 atext; control and
 * invisible characters in a hand-built name are replaced by spaces.
 *
 * @example
 * formatMailbox({ name: 'Anna Berg', address: 'anna@firma.se' });   // 'Anna Berg <anna@firma.se>'
 * formatMailbox({ name: 'Firma, Inc.', address: 'info@firma.se' }); // '"Firma, Inc." <info@firma.se>'
 */
export function formatMailbox(m: Mailbox): string {
  const name = m.name === undefined ? '' : collapseSpaces(replaceHiddenCharacters(m.name, ' '));
  if (name === '') return m.address;
  for (const char of name) {
    if (!UNQUOTED_NAME_CHARACTER.test(char)) {
      return `"${name.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}" <${m.address}>`;
    }
  }
  return `${name} <${m.address}>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Mailbox structure

function checkMailbox(raw: string): Checked<Mailbox> {
  const text = trimSpaces(raw);
  if (text === '') return failed('address_empty', 'No e-mail address was given.');
  if (text.length > MAX_MAILBOX_INPUT) {
    return failed('address_too_long', `“${show(text)}” is too long to be an e-mail address.`);
  }

  // One scan for the characters that give the text structure, ignoring those inside "quoted strings".
  let inQuote = false;
  let openAngle = -1;
  let angleCount = 0;
  let closeAngle = -1;
  let closeCount = 0;
  let paren = false;
  let colon = false;
  let semicolon = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuote) {
      if (c === '\\') i++;
      else if (c === '"') inQuote = false;
      continue;
    }
    if (c === '"') inQuote = true;
    else if (c === '<') {
      angleCount++;
      if (openAngle < 0) openAngle = i;
    } else if (c === '>') {
      closeCount++;
      closeAngle = i;
    } else if (c === '(' || c === ')') paren = true;
    else if (c === ':') colon = true;
    else if (c === ';') semicolon = true;
  }

  if (paren) return failed('address_comment_or_group', `${notValid(text)} ${COMMENT_REASON}`);
  if (colon) return failed('address_comment_or_group', `${notValid(text)} ${GROUP_REASON}`);
  if (semicolon) return failed('address_comment_or_group', `${notValid(text)} ${SEVERAL_REASON}`);
  if (inQuote) return failed('address_invalid', `${notValid(text)} A quotation mark is not closed.`);
  if (angleCount === 0 && closeCount === 0) {
    const address = checkAddress(text, true);
    return address.ok ? { ok: true, value: { address: address.value } } : address;
  }
  if (angleCount !== 1 || closeCount !== 1 || closeAngle !== text.length - 1 || openAngle > closeAngle) {
    return failed('address_invalid', `${notValid(text)} Write one address in angle brackets after the name, like Anna Berg <anna@firma.se>.`);
  }

  const name = checkName(text.slice(0, openAngle));
  if (!name.ok) return name;
  const address = checkAddress(trimSpaces(text.slice(openAngle + 1, closeAngle)));
  if (!address.ok) return address;
  return { ok: true, value: name.value === undefined ? { address: address.value } : { name: name.value, address: address.value } };
}

function checkName(raw: string): Checked<string | undefined> {
  const text = trimSpaces(raw);
  if (text === '') return { ok: true, value: undefined };
  const nameFailure = (reason: string) => failed('name_invalid', `The name “${show(text)}” cannot be used: ${reason}`);

  const hidden = findHiddenCharacter(text);
  if (hidden === 'control') return nameFailure('it contains a line break or another control character.');
  if (hidden === 'invisible') return nameFailure('it contains an invisible formatting character.');

  let name: string;
  if (text.startsWith('"')) {
    // The whole name must be one quoted string; `"Anna" Berg` is refused rather than guessed at.
    let unquoted = '';
    let closedAt = -1;
    for (let i = 1; i < text.length; i++) {
      const c = text[i] as string;
      if (c === '\\') {
        i++;
        unquoted += text[i] ?? '';
      } else if (c === '"') {
        closedAt = i;
        break;
      } else unquoted += c;
    }
    if (closedAt !== text.length - 1) return nameFailure(QUOTE_WHOLE_NAME);
    name = unquoted;
  } else {
    for (const char of text) {
      if (char === '"' || char === ',' || char === '@' || char === '[' || char === ']' || char === '\\') {
        return nameFailure(QUOTE_WHOLE_NAME);
      }
    }
    name = text;
  }

  if (name.includes('<') || name.includes('>')) return nameFailure('it contains “<” or “>”.');
  name = collapseSpaces(name.normalize('NFC'));
  if (name === '') return { ok: true, value: undefined };
  if (countCodePoints(name) > MAX_NAME) return nameFailure(`it is longer than ${MAX_NAME} characters.`);
  return { ok: true, value: name };
}

const QUOTE_WHOLE_NAME = 'put the whole name in double quotes when it contains a comma, “@”, brackets or quotation marks, like "Firma, Inc." <faktura@firma.se>.';
const COMMENT_REASON = 'Comments in round brackets “(…)” are not accepted in e-mail addresses.';
const GROUP_REASON = 'Group names and routing with “:” are not accepted; list the addresses separated by commas.';
const SEVERAL_REASON = 'It contains “;”. Enter one address here, or separate several addresses with commas in a list.';

/** Splits on `,`/`;` outside quotes and angle brackets; blank entries are dropped. */
function splitMailboxList(text: string): string[] {
  const entries: string[] = [];
  let inQuote = false;
  let inAngle = false;
  let start = 0;
  const push = (end: number) => {
    const entry = text.slice(start, end);
    if (trimSpaces(entry) !== '') entries.push(entry);
    start = end + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuote) {
      if (c === '\\') i++;
      else if (c === '"') inQuote = false;
    } else if (c === '"') inQuote = true;
    else if (c === '<') inAngle = true;
    else if (c === '>') inAngle = false;
    else if ((c === ',' || c === ';') && !inAngle) push(i);
  }
  push(text.length);
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// Bare address

/**
 * Validates a trimmed bare address and returns it normalised. `inMailbox` only improves one message: a bare
 * `Anna anna@firma.se` given as a mailbox most likely lacks angle brackets.
 */
function checkAddress(text: string, inMailbox = false): Checked<string> {
  if (text === '') return failed('address_empty', 'No e-mail address was given.');
  if (text.length > MAX_MAILBOX_INPUT) {
    return failed('address_too_long', `“${show(text)}” is too long to be an e-mail address.`);
  }
  const bad = (code: AddressErrorCode, reason: string) => failed(code, `${notValid(text)} ${reason}`);

  const hidden = findHiddenCharacter(text);
  if (hidden === 'control') {
    return bad('address_forbidden_character', 'It contains a line break, tab or another control character.');
  }
  if (hidden === 'invisible') {
    return bad('address_forbidden_character', 'It contains an invisible character (such as a soft hyphen or zero-width space), which can disguise where mail goes.');
  }
  // Structure first, so a quoted local part or a comment is named as such even when it also contains a space.
  if (text.startsWith('"')) return bad('address_quoted_local_part', QUOTED_REASON);
  if (text.includes('(') || text.includes(')')) return bad('address_comment_or_group', COMMENT_REASON);
  const lastAt = text.lastIndexOf('@');
  if (lastAt >= 0 && (text[lastAt + 1] === '[' || text.endsWith(']'))) {
    return bad('address_ip_literal', 'Addresses with an IP address instead of a domain name, such as [192.0.2.1], are not accepted.');
  }
  if (text.includes(':')) return bad('address_comment_or_group', GROUP_REASON);
  if (text.includes(';')) return bad('address_comment_or_group', SEVERAL_REASON);
  const firstAt = text.indexOf('@');
  if (firstAt >= 0 && text.slice(0, firstAt).includes('"')) return bad('address_quoted_local_part', QUOTED_REASON);
  for (const char of text) {
    if (isSpace(char)) {
      return bad('address_invalid', inMailbox ? 'It must not contain spaces. To add a name, write it like Anna Berg <anna@firma.se>.' : 'It must not contain spaces.');
    }
  }
  if (text.startsWith('-')) {
    // CVE-2020-7769: a recipient starting with "-" becomes a sendmail command-line flag.
    return bad('address_forbidden_character', 'It must not start with “-”.');
  }
  if (firstAt < 0 || firstAt !== lastAt) return bad('address_invalid', 'It must contain exactly one “@”.');

  const local = text.slice(0, firstAt);
  const domainText = text.slice(firstAt + 1);

  const localFailure = checkLocalPart(local);
  if (localFailure) return bad(localFailure.code, localFailure.reason);

  const domain = checkDomain(domainText);
  if (!domain.ok) return bad(domain.failure.code, domain.failure.message);

  const address = `${local}@${domain.value}`;
  if (address.length > MAX_ADDRESS) {
    return bad('address_too_long', `It is longer than ${MAX_ADDRESS} characters.`);
  }
  return { ok: true, value: address };
}

const QUOTED_REASON = 'Addresses with quotation marks before the “@” are not accepted.';

function checkLocalPart(local: string): { code: AddressErrorCode; reason: string } | undefined {
  if (local === '') return { code: 'address_invalid', reason: 'Something is missing before the “@”.' };
  for (const char of local) {
    if (char.charCodeAt(0) > 0x7f) {
      return {
        code: 'address_unicode_local_part',
        reason: `Only plain letters without accents (a–z), digits and . _ - + ' are supported before the “@”, so “${char}” cannot be used there.`,
      };
    }
  }
  for (const char of local) {
    if (!isLocalPartCharacter(char)) {
      return { code: 'address_forbidden_character', reason: `The character “${char}” is not allowed before the “@”.` };
    }
  }
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return {
      code: 'address_invalid',
      reason: 'The part before the “@” must not start or end with a dot or contain two dots in a row.',
    };
  }
  if (!isAsciiAlphanumeric(local.charCodeAt(0)) && local[0] !== '_') {
    return {
      code: 'address_forbidden_character',
      reason: 'The part before the “@” must start with a letter or a digit.',
    };
  }
  if (local.length > MAX_LOCAL_PART) {
    return { code: 'address_too_long', reason: `The part before the “@” is longer than ${MAX_LOCAL_PART} characters.` };
  }
  return undefined;
}

/**
 * Conservative subset of RFC 5322 atext. `%` and `!` (old routing syntaxes), `/`, `=`, `?`, `#`, `&`, `*`,
 * `^`, `` ` ``, `{`, `|`, `}`, `~` and `$` are legal but rare in business mail and are refused.
 */
function isLocalPartCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  return isAsciiAlphanumeric(code) || char === '.' || char === '_' || char === '-' || char === '+' || char === "'";
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

// ---------------------------------------------------------------------------------------------------------------
// Domain

type DomainFailure = Checked<string> & { ok: false };

function domainFailed(code: AddressErrorCode, message: string): DomainFailure {
  return { ok: false, failure: { code, message } };
}

const DOTS_REASON = 'The domain name after the “@” must not start or end with a dot or contain two dots in a row.';

/** Returns the ASCII (punycode), lower-case domain; `failure.message` is a reason sentence only. */
function checkDomain(raw: string): Checked<string> {
  if (raw === '') return domainFailed('address_invalid', 'Something is missing after the “@”.');
  for (const char of raw) {
    const code = char.charCodeAt(0);
    const allowed = code < 0x80 ? isAsciiAlphanumeric(code) || char === '-' || char === '.' : DOMAIN_UNICODE_CHARACTER.test(char);
    if (!allowed) {
      return domainFailed('address_forbidden_character', `The character “${char}” is not allowed in a domain name; use only letters, digits, “-” and dots.`);
    }
  }

  // Unicode form of every label: typed Unicode is NFC-normalised and lower-cased, typed "xn--" labels decoded.
  const unicodeDomain = raw.normalize('NFC').toLowerCase().normalize('NFC');
  const typedLabels = unicodeDomain.split('.');
  if (typedLabels.some((label) => label === '')) return domainFailed('address_invalid', DOTS_REASON);
  if (typedLabels.length < 2) {
    return domainFailed('address_invalid', 'The part after the “@” must be a full domain name, such as firma.se.');
  }

  const unicodeLabels: string[] = [];
  let needsConversion = false;
  for (const label of typedLabels) {
    if (isAscii(label) && label.startsWith('xn--')) {
      const decoded = decodePunycode(label.slice(4));
      if (decoded === undefined || isAscii(decoded) || decoded !== decoded.normalize('NFC')) {
        return domainFailed('address_invalid', `The international domain name part “${label}” is not valid.`);
      }
      if (findHiddenCharacter(decoded) !== undefined) {
        return domainFailed('address_forbidden_character', 'The domain name hides an invisible character (such as a soft hyphen), which can disguise where mail goes.');
      }
      for (const char of decoded) {
        if (!DOMAIN_UNICODE_CHARACTER.test(char) && char !== '-') {
          return domainFailed('address_forbidden_character', `The international domain name part “${label}” is not valid.`);
        }
      }
      needsConversion = true;
      unicodeLabels.push(decoded);
    } else {
      if (!isAscii(label)) needsConversion = true;
      unicodeLabels.push(label);
    }
  }

  for (const label of unicodeLabels) {
    if (mixesLookAlikeScripts(label)) {
      return domainFailed('address_forbidden_character', 'The domain name mixes letters from different alphabets (for example Latin and Cyrillic), a common way to imitate another company’s domain.');
    }
  }

  let asciiLabels = unicodeLabels;
  if (needsConversion) {
    const converted = toAsciiDomain(unicodeLabels);
    if (converted === undefined) {
      return domainFailed('address_invalid', 'The international domain name could not be converted safely.');
    }
    asciiLabels = converted;
  }
  // A typed "xn--" label must already be the canonical encoding of what it decodes to.
  for (let i = 0; i < typedLabels.length; i++) {
    const typed = typedLabels[i] as string;
    if (typed.startsWith('xn--') && asciiLabels[i] !== typed) {
      return domainFailed('address_invalid', `The international domain name part “${typed}” is not valid.`);
    }
  }

  for (const label of asciiLabels) {
    if (label.length > MAX_LABEL) {
      return domainFailed('address_too_long', `A part of the domain name is longer than ${MAX_LABEL} characters.`);
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      return domainFailed('address_invalid', 'A part of the domain name must not start or end with “-”.');
    }
    // RFC 5891 §4.2.3.1: "??--" is reserved for encodings; only "xn--" is one.
    if (label.slice(2, 4) === '--' && !label.startsWith('xn--')) {
      return domainFailed('address_invalid', `The domain name part “${label}” is not valid.`);
    }
  }

  const tld = asciiLabels[asciiLabels.length - 1] as string;
  if (isDigits(tld)) {
    if (asciiLabels.every(isDigits)) {
      return domainFailed('address_ip_literal', 'Addresses with an IP address instead of a domain name, such as 192.0.2.1, are not accepted.');
    }
    return domainFailed('address_invalid', 'The domain name must end with a name such as .se or .com, not a number.');
  }
  // Also refuses hex-looking endings such as ".0x7f" that URL parsers read as IPv4 numbers.
  if (tld.length < 2 || !isAsciiLetter(tld.charCodeAt(0))) {
    return domainFailed('address_invalid', 'The domain name must end with a name such as .se or .com.');
  }
  return { ok: true, value: asciiLabels.join('.') };
}

/**
 * IDN → punycode through the WHATWG URL parser (available in Node and browsers), then checked to round-trip:
 * every label must decode back to exactly what was typed. UTS #46 mapping silently drops or rewrites
 * characters (soft hyphen, full-width letters, "。"); any such rewrite makes this return undefined.
 */
function toAsciiDomain(unicodeLabels: string[]): string[] | undefined {
  let hostname: string;
  try {
    hostname = new URL(`http://${unicodeLabels.join('.')}`).hostname;
  } catch {
    return undefined;
  }
  const asciiLabels = hostname.split('.');
  if (asciiLabels.length !== unicodeLabels.length) return undefined;
  for (let i = 0; i < asciiLabels.length; i++) {
    const ascii = asciiLabels[i] as string;
    const unicode = unicodeLabels[i] as string;
    for (let j = 0; j < ascii.length; j++) {
      const code = ascii.charCodeAt(j);
      const lowerLetterDigitOrHyphen = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
      if (!lowerLetterDigitOrHyphen) return undefined;
    }
    if (isAscii(unicode)) {
      if (ascii !== unicode) return undefined;
    } else if (!ascii.startsWith('xn--') || decodePunycode(ascii.slice(4)) !== unicode) {
      return undefined;
    }
  }
  return asciiLabels;
}

/** Latin, Greek and Cyrillic share look-alike letters (а/a, о/o, ο/o); one label using two of them is refused. */
function mixesLookAlikeScripts(label: string): boolean {
  if (isAscii(label)) return false;
  let scripts = 0;
  for (const char of label) {
    if (LATIN.test(char)) scripts |= 1;
    else if (GREEK.test(char)) scripts |= 2;
    else if (CYRILLIC.test(char)) scripts |= 4;
  }
  return scripts !== 0 && (scripts & (scripts - 1)) !== 0;
}

// RFC 3492 punycode decoder, used only to verify round-trips. Inputs are one label of at most
// MAX_PUNYCODE_INPUT characters, so the quadratic splice is bounded. Over-long labels that do decode are
// refused afterwards by the 63-character label check.
const PUNY_BASE = 36;
const PUNY_TMIN = 1;
const PUNY_TMAX = 26;
const PUNY_SKEW = 38;
const PUNY_DAMP = 700;
const PUNY_MAXINT = 0x7fffffff;
const MAX_PUNYCODE_INPUT = 255;

function decodePunycode(input: string): string | undefined {
  if (input === '' || input.length > MAX_PUNYCODE_INPUT) return undefined;
  const output: number[] = [];
  const delimiter = input.lastIndexOf('-');
  for (let j = 0; j < Math.max(delimiter, 0); j++) output.push(input.charCodeAt(j));
  let n = 0x80;
  let bias = 72;
  let i = 0;
  for (let index = delimiter > 0 ? delimiter + 1 : 0; index < input.length;) {
    const oldI = i;
    let w = 1;
    for (let k = PUNY_BASE; ; k += PUNY_BASE) {
      if (index >= input.length) return undefined;
      const digit = punycodeDigit(input.charCodeAt(index++));
      if (digit >= PUNY_BASE || digit > Math.floor((PUNY_MAXINT - i) / w)) return undefined;
      i += digit * w;
      const t = k <= bias ? PUNY_TMIN : k >= bias + PUNY_TMAX ? PUNY_TMAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(PUNY_MAXINT / (PUNY_BASE - t))) return undefined;
      w *= PUNY_BASE - t;
    }
    const length = output.length + 1;
    bias = adaptPunycodeBias(i - oldI, length, oldI === 0);
    if (Math.floor(i / length) > PUNY_MAXINT - n) return undefined;
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

function punycodeDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 22; // '0'..'9' → 26..35
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  return PUNY_BASE;
}

function adaptPunycodeBias(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / PUNY_DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((PUNY_BASE - PUNY_TMIN) * PUNY_TMAX) >> 1) {
    d = Math.floor(d / (PUNY_BASE - PUNY_TMIN));
    k += PUNY_BASE;
  }
  return k + Math.floor(((PUNY_BASE - PUNY_TMIN + 1) * d) / (d + PUNY_SKEW));
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

// The ASCII fast paths below keep a 100 KB list of plain addresses well inside the time budget.

function findHiddenCharacter(text: string): 'control' | 'invisible' | undefined {
  let found: 'invisible' | undefined;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return 'control';
    if (code < 0x80) continue;
    if (CONTROL_CHARACTER.test(char)) return 'control';
    if (INVISIBLE_CHARACTER.test(char)) found = 'invisible';
  }
  return found;
}

function isHiddenCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code < 0x20 || code === 0x7f;
  return CONTROL_CHARACTER.test(char) || INVISIBLE_CHARACTER.test(char);
}

function isSpace(char: string): boolean {
  const code = char.charCodeAt(0);
  return code === 0x20 || (code >= 0x80 && SPACE_CHARACTER.test(char));
}

function replaceHiddenCharacters(text: string, replacement: string): string {
  let out = '';
  for (const char of text) out += isHiddenCharacter(char) ? replacement : char;
  return out;
}

/** Trims space separators (Zs) from both ends without a regex (`/\s+$/` is quadratic on long space runs). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  // Every Zs character is in the BMP, so testing single UTF-16 units is exact.
  while (start < end && isSpace(text[start] as string)) start++;
  while (end > start && isSpace(text[end - 1] as string)) end--;
  return text.slice(start, end);
}

/** Collapses runs of space separators into one ASCII space and trims. */
function collapseSpaces(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (const char of text) {
    if (isSpace(char)) {
      pendingSpace = out !== '';
    } else {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += char;
    }
  }
  return out;
}

function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isDigits(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** The input as it may appear in a message: hidden characters made visible as U+FFFD, at most 60 characters. */
function show(text: string): string {
  const visible = replaceHiddenCharacters(text, '\uFFFD');
  const chars = Array.from(visible.length > 240 ? visible.slice(0, 240) : visible);
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : chars.join('');
}

function notValid(text: string): string {
  return `“${show(text)}” is not a valid e-mail address.`;
}

function notText(): Failure {
  return { code: 'address_invalid', message: 'The e-mail address must be given as text.' };
}

function failed(code: AddressErrorCode, message: string): { ok: false; failure: Failure } {
  return { ok: false, failure: { code, message } };
}

function failWith(failure: Failure, input: string): AddressResult {
  return { ok: false, code: failure.code, message: failure.message, input };
}
