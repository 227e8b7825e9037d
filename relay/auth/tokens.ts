import * as crypto from 'node:crypto';
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Bearer tokens are random and stored only as their SHA-256: a copied database grants nothing. */
export function newBearerToken(): string {
  return `opt_${randomBytes(32).toString('base64url')}`;
}

/**
 * Node's one-shot `crypto.hash` (20.12 on): every request hashes its token, and a Hash object per
 * call cost several times the digest itself (about 2 us against 0.4 for a token, measured on Node 20).
 * `engines` still admits 20.11, which has only createHash.
 */
const oneShotHash = (crypto as { hash?: typeof crypto.hash }).hash;

export function hashSecretToken(token: string): string {
  return oneShotHash ? oneShotHash('sha256', token, 'hex') : createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Crockford base32 without I, L, O, U: easy to read aloud and to type. */
const PAIRING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters in a pairing or setup code (without the dashes). */
export const PAIRING_CODE_LENGTH = 12;

/**
 * A one-time pairing code such as `7KQ4-M2XD-9PTR`: 12 characters of a 32-letter alphabet, 60 bits.
 * Why that is enough: a code works once and for 10 minutes (a setup code for an hour), and wrong
 * codes are limited to 10 per client and 50 in all per 15 minutes (relay/limits/pairing-limits.ts),
 * so an attacker gets at most ~4,800 guesses a day against 2^60 ≈ 1.15e18 codes: with a thousand
 * codes alive at all times, one hit is expected after some 600 billion years.
 */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return groupsOfFour(code);
}

const groupsOfFour = (code: string) => code.match(/.{1,4}/g)!.join('-');

/**
 * Accepts what people type: lower case, spaces, dashes, O for 0 and I/L for 1. Codes of 8 characters
 * (made before codes grew to 12) are grouped the same way, so one still alive after an upgrade works.
 */
export function normalisePairingCode(input: string): string {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return cleaned.length === 8 || cleaned.length === PAIRING_CODE_LENGTH ? groupsOfFour(cleaned) : cleaned;
}

export const PAIRING_CODE_TTL_MS = 10 * 60_000;

/**
 * How long the setup code of a relay without users works: long enough to install the extension
 * and find the popup, short enough that a code left in a terminal's scrollback soon means nothing.
 * Restarting a relay that still has no users prints a new one.
 */
export const SETUP_CODE_TTL_MS = 60 * 60_000;
