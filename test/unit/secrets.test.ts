import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretCipher, keyIdOf } from '../../relay/secrets/cipher';
import { decodeMasterKey, loadMasterKey } from '../../relay/secrets/master-key';

describe('SecretCipher (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const cipher = new SecretCipher([key]);

  it('round-trips and carries its format version and key id', () => {
    const sealed = cipher.seal('hunter2 åäö', 'profile:1:password');
    expect(sealed.startsWith(`op1.${keyIdOf(key)}.`)).toBe(true);
    expect(sealed).not.toContain('hunter2');
    expect(cipher.open(sealed, 'profile:1:password')).toBe('hunter2 åäö');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.seal('same', 'a')).not.toBe(cipher.seal('same', 'a'));
  });

  it('refuses a ciphertext moved to another row (additional authenticated data)', () => {
    const sealed = cipher.seal('secret', 'profile:1:password');
    expect(() => cipher.open(sealed, 'profile:2:password')).toThrow(/authentication/);
  });

  it('refuses a tampered ciphertext', () => {
    const parts = cipher.seal('secret', 'x').split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0]! ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.open(parts.join('.'), 'x')).toThrow();
  });

  it('decrypts with an older key while the newest encrypts (rotation)', () => {
    const oldKey = randomBytes(32);
    const sealedWithOld = new SecretCipher([oldKey]).seal('old secret', 'x');
    const rotated = new SecretCipher([randomBytes(32), oldKey]);
    expect(rotated.open(sealedWithOld, 'x')).toBe('old secret');
    expect(SecretCipher.keyIdOfSealed(rotated.seal('new', 'x'))).toBe(rotated.currentKeyId);
  });
});

describe('master key', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-key-'));
    dirs.push(dir);
    return dir;
  };

  it('takes OWNPOST_MASTER_KEY when it is base64 of 32 bytes and refuses anything else', () => {
    const key = randomBytes(32);
    expect(decodeMasterKey(key.toString('base64')).equals(key)).toBe(true);
    expect(() => decodeMasterKey(randomBytes(16).toString('base64'))).toThrow(/32 random bytes/);
    expect(() => decodeMasterKey('not base64!')).toThrow();
  });

  it('creates a 0600 key file on first start and reuses it', () => {
    const dir = tempDir();
    const first = loadMasterKey({ dataDir: dir });
    const file = path.join(dir, 'master.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ dataDir: dir }).equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('base64'));
  });

  it('refuses a key file that group or others can read', () => {
    const dir = tempDir();
    loadMasterKey({ dataDir: dir });
    chmodSync(path.join(dir, 'master.key'), 0o640);
    expect(() => loadMasterKey({ dataDir: dir })).toThrow(/chmod 600/);
  });
});
