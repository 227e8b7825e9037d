import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Format of a sealed secret: `op1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts).
 * `op1` is the format version; keyId names the master key so that rotation can keep old keys
 * for decryption while the newest encrypts (GitLab's approach).
 */
const FORMAT = 'op1';

export class SecretError extends Error {
  override name = 'SecretError';
}

/** A short, stable, non-secret id for a key: the first 8 hex digits of its SHA-256. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export class SecretCipher {
  private current = '';
  private keys = new Map<string, Buffer>();

  /**
   * @param keys every key that may decrypt; the first one encrypts.
   * @param refresh asked before every use; returns a new key list when the key source changed (the key
   *   file after `ownpost key rotate`), so a running relay follows a rotation without a restart.
   */
  constructor(
    keys: Buffer[],
    private readonly refresh?: () => Buffer[] | undefined,
  ) {
    this.useKeys(keys);
  }

  private useKeys(keys: Buffer[]): void {
    if (keys.length === 0) throw new SecretError('no master key');
    const map = new Map<string, Buffer>();
    for (const key of keys) {
      if (key.length !== 32) throw new SecretError('a master key must be 32 bytes');
      const id = keyIdOf(key);
      const known = map.get(id);
      // Two different keys with one id would make a ciphertext ambiguous: refuse rather than guess.
      if (known && !known.equals(key)) throw new SecretError(`two different master keys share the id ${id}`);
      map.set(id, key);
    }
    this.keys = map;
    this.current = keyIdOf(keys[0]!);
  }

  private refreshKeys(): void {
    const fresh = this.refresh?.();
    if (fresh) this.useKeys(fresh);
  }

  /** The id of the key that encrypts. */
  get currentKeyId(): string {
    this.refreshKeys();
    return this.current;
  }

  /**
   * AES-256-GCM with a fresh 96-bit IV. `aad` binds the ciphertext to its place (for example
   * `profile:<id>:password`): a sealed value copied into another row does not decrypt.
   */
  seal(plaintext: string, aad: string): string {
    this.refreshKeys();
    const key = this.keys.get(this.current)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(`${FORMAT}:${aad}`));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, this.current, iv, body, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  open(sealed: string, aad: string): string {
    const [format, keyId, iv, body, tag] = sealed.split('.');
    if (format !== FORMAT || !keyId || iv === undefined || body === undefined || tag === undefined) {
      throw new SecretError('not a sealed secret of a known format');
    }
    // The key file is looked at again only for a key this relay does not know yet (a rotation by
    // another process): opening is on every send's path, sealing is where a new key must be used.
    let key = this.keys.get(keyId);
    if (!key) {
      this.refreshKeys();
      key = this.keys.get(keyId);
    }
    if (!key) throw new SecretError(`sealed with key ${keyId}, which this relay does not have`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${FORMAT}:${aad}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretError('a sealed secret failed authentication (wrong key, or moved to another row)');
    }
  }

  /** The key id a sealed value was made with, or undefined when it is not one of ours. */
  static keyIdOfSealed(sealed: string): string | undefined {
    const [format, keyId] = sealed.split('.');
    return format === FORMAT ? keyId : undefined;
  }
}
