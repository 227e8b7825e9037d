/**
 * App passwords (issue 19): what an app's "own SMTP server" page holds instead of the mailbox
 * password. One per app, revocable on its own, shown once when created and stored only as a salted
 * scrypt hash: a copied database signs nobody in.
 */
import { createHash, randomBytes, randomInt, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { parseAddress } from '../../shared/address';
import type { AppPasswordRow, Store, UserRow } from '../store/types';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/** Crockford base32 in lower case: no i, l, o, u to misread when typed into an app's settings. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const GROUPS = 5;
const GROUP_LENGTH = 4;

/**
 * scrypt's cost (RFC 7914). The password is 100 random bits, so the hash need not slow down a
 * dictionary: it makes a stolen table useless on its own. N=2^14 costs about 16 MB and tens of
 * milliseconds, paid once per SMTP connection (see AppPasswordVerifier's cache).
 */
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

/** At most this many app passwords per user: every sign-in may have to try each of them. */
export const MAX_APP_PASSWORDS_PER_USER = 25;

/** A new app password such as `7kq4-m2xd-p9ra-3hfe-w6tn` (20 characters of base32: 100 bits). */
export function newAppPassword(): string {
  let text = '';
  for (let i = 0; i < GROUPS * GROUP_LENGTH; i++) text += ALPHABET[randomInt(ALPHABET.length)];
  return text.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
}

/** What people type or paste: spaces and dashes, any case. */
export function normaliseAppPassword(input: string): string {
  return input.replace(/[\s-]/g, '').toLowerCase();
}

/** `scrypt$1$N$r$p$salt$hash` (base64url): the format version and parameters travel with the hash. */
export async function hashAppPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(normaliseAppPassword(password), salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', 1, SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyAppPassword(password: string, stored: string): Promise<boolean> {
  const [kind, version, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || version !== '1' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(normaliseAppPassword(password), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

export class TooManyAppPasswordsError extends Error {
  override name = 'TooManyAppPasswordsError';
}

/** Creates an app password for `user`; the password itself is returned here and never again. */
export async function createAppPassword(store: Store, user: UserRow, name: string, now = Date.now()): Promise<{ row: AppPasswordRow; password: string }> {
  if ((await store.listAppPasswords(user.id)).length >= MAX_APP_PASSWORDS_PER_USER) {
    throw new TooManyAppPasswordsError(`${user.email} already has ${MAX_APP_PASSWORDS_PER_USER} app passwords; revoke one first`);
  }
  const password = newAppPassword();
  const row: AppPasswordRow = { id: randomUUID(), userId: user.id, name, hash: await hashAppPassword(password), createdAt: now, lastUsedAt: null };
  await store.createAppPassword(row);
  return { row, password };
}

/** Whose app password this is, checked against the user's stored hashes. */
export class AppPasswordVerifier {
  /**
   * Sign-ins verified lately: SHA-256 of user and password → the app password's id. An app that
   * opens a connection per invoice would otherwise pay a scrypt hash for each; the id is still
   * looked up every time, so a revoked password stops working at once.
   */
  private readonly recent = new Map<string, string>();

  constructor(private readonly store: Store) {}

  async verify(email: string, password: string): Promise<{ user: UserRow; appPassword: AppPasswordRow } | undefined> {
    const parsed = parseAddress(email);
    if (!parsed.ok) return undefined;
    // Addresses are stored as added (domain in lower case); people type the local part in any case.
    const address = parsed.value.address;
    const user = (await this.store.getUserByEmail(address)) ?? (await this.store.getUserByEmail(address.toLowerCase()));
    if (!user) return undefined;
    const rows = await this.store.listAppPasswords(user.id);
    const key = createHash('sha256')
      .update(`${user.id}\n${normaliseAppPassword(password)}`)
      .digest('hex');
    const known = this.recent.get(key);
    const cached = known && rows.find((row) => row.id === known);
    if (cached) return this.used(user, cached);
    for (const row of rows) {
      if (await verifyAppPassword(password, row.hash)) {
        if (this.recent.size > 1000) this.recent.clear();
        this.recent.set(key, row.id);
        return this.used(user, row);
      }
    }
    return undefined;
  }

  private async used(user: UserRow, row: AppPasswordRow) {
    // To the minute, like bearer tokens: not a write per connection.
    if (row.lastUsedAt === null || Date.now() - row.lastUsedAt > 60_000) await this.store.touchAppPassword(row.id, Date.now()).catch(() => {});
    return { user, appPassword: row };
  }
}
