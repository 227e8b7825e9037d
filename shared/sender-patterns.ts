/**
 * Sender patterns: the entries of a profile's `allowedSenders` and of the addresses an admin allows a member
 * (`anna@firma.se` for one address, `@firma.se` for every address of one domain). Parsed with the one strict
 * address parser (shared/address.ts), so a pattern can never mean something else to a second parser.
 *
 * Runs in Node and in the browser (the options page validates with it): no `node:` imports.
 */
import { parseAddress, sameAddress } from './address';

export type SenderPattern =
  /** One mailbox, compared case-insensitively. */
  | { kind: 'address'; address: string }
  /** Every mailbox of exactly this domain (not its sub-domains), lower-case punycode. */
  | { kind: 'domain'; domain: string };

export type SenderPatternResult = { ok: true; value: SenderPattern; text: string } | { ok: false; message: string };

/**
 * Parses `anna@firma.se`, `@firma.se` or `*@firma.se` (the same as `@firma.se`). `text` is the normalised
 * form that is stored and shown: `anna@firma.se`, `@firma.se` (domains in lower-case punycode).
 *
 * @example
 * parseSenderPattern('@Bücher.de') // { ok: true, value: { kind: 'domain', domain: 'xn--bcher-kva.de' }, text: '@xn--bcher-kva.de' }
 */
export function parseSenderPattern(input: string): SenderPatternResult {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return { ok: false, message: 'An allowed sender is empty.' };
  const domainOnly = /^\*?@/.test(text);
  // A domain is checked by parsing a stand-in address on it: one parser decides what a domain is.
  const parsed = parseAddress(domainOnly ? `postmaster${text.slice(text.indexOf('@'))}` : text);
  if (!parsed.ok) {
    return { ok: false, message: `"${text}" is neither an e-mail address nor @domain: ${parsed.message}` };
  }
  const address = parsed.value.address;
  if (domainOnly) {
    const domain = address.slice(address.lastIndexOf('@') + 1);
    return { ok: true, value: { kind: 'domain', domain }, text: `@${domain}` };
  }
  return { ok: true, value: { kind: 'address', address }, text: address };
}

/** Whether a (parsed, valid) address is covered by one pattern. */
export function senderPatternMatches(pattern: SenderPattern, address: string): boolean {
  if (pattern.kind === 'address') return sameAddress(pattern.address, address);
  const parsed = parseAddress(address);
  if (!parsed.ok) return false;
  const normalised = parsed.value.address;
  return normalised.slice(normalised.lastIndexOf('@') + 1) === pattern.domain;
}

/**
 * Whether an address is covered by any of the stored pattern texts. Entries that no longer parse (they were
 * validated when saved, so this means a stored row was edited by hand) match nothing: failing closed.
 */
export function matchesAnySenderPattern(patterns: readonly string[], address: string): boolean {
  return patterns.some((text) => {
    const parsed = parseSenderPattern(text);
    return parsed.ok && senderPatternMatches(parsed.value, address);
  });
}

/**
 * Whether every address `inner` covers is also covered by `outer`: `anna@firma.se` ⊆ `@firma.se`,
 * `@firma.se` ⊆ `@firma.se`, but `@firma.se` ⊄ `anna@firma.se`. Used to check that a member's profile
 * allows no more than an admin allowed the member.
 */
export function senderPatternWithin(inner: SenderPattern, outer: readonly SenderPattern[]): boolean {
  return outer.some((o) => {
    if (inner.kind === 'address') return senderPatternMatches(o, inner.address);
    return o.kind === 'domain' && o.domain === inner.domain;
  });
}
