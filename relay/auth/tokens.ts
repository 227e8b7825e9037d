import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Bearer tokens are random and stored only as their SHA-256: a copied database grants nothing. */
export function newBearerToken(): string {
  return `opt_${randomBytes(32).toString('base64url')}`;
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Crockford base32 without I, L, O, U: easy to read aloud and to type. */
const PAIRING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time pairing code such as `7KQ4-M2XD` (40 bits; single use, 10 minutes, attempts limited). */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Accepts what people type: lower case, spaces, dashes, O for 0 and I/L for 1. */
export function normalisePairingCode(input: string): string {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return cleaned.length === 8 ? `${cleaned.slice(0, 4)}-${cleaned.slice(4)}` : cleaned;
}

export const PAIRING_CODE_TTL_MS = 10 * 60_000;
