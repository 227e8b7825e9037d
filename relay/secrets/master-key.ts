import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config-values';
import { SecretCipher } from './cipher';

export const KEY_FILE_NAME = 'master.key';

/** Where the master keys come from, normalised once. */
export interface KeyOptions {
  /** OWNPOST_MASTER_KEY: base64 of 32 bytes; when set, the key file is not used. */
  masterKey?: string;
  /** OWNPOST_PREVIOUS_MASTER_KEYS: comma-separated older keys, kept for decryption only. */
  previousMasterKeys?: string;
  dataDir: string;
}

/**
 * The master keys: the first encrypts, every one decrypts (GitLab's approach to rotation). From the
 * environment, or from the key file, which holds one base64 key per line, newest first.
 */
export interface Keyring {
  /** `own` then `previous`. */
  keys: Buffer[];
  /** From the source itself: OWNPOST_MASTER_KEY, or every line of the key file. */
  own: Buffer[];
  /** From OWNPOST_PREVIOUS_MASTER_KEYS. */
  previous: Buffer[];
  source: 'environment' | 'file';
  /** The key file, when `source` is `file`. */
  file?: string;
}

/** Decodes OWNPOST_MASTER_KEY: base64 of exactly 32 bytes. */
export function decodeMasterKey(base64: string, what = 'OWNPOST_MASTER_KEY'): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== base64.trim()) {
    throw new ConfigError(`${what} must be base64 of 32 random bytes (make one with: openssl rand -base64 32)`);
  }
  return key;
}

function previousKeys(options: KeyOptions): Buffer[] {
  return (options.previousMasterKeys ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => decodeMasterKey(k, 'every key in OWNPOST_PREVIOUS_MASTER_KEYS'));
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE_NAME);
}

/**
 * A key file that group or others can read is refused, not silently fixed: it may already have leaked,
 * and the admin should know (n8n does the same).
 */
function assertPrivate(file: string): void {
  if (process.platform === 'win32') return;
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new ConfigError(`the key file ${file} can be read by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
  }
}

function readKeyFile(file: string): Buffer[] {
  assertPrivate(file);
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length === 0) throw new ConfigError(`the key file ${file} holds no key`);
  return lines.map((line, i) => decodeMasterKey(line, `line ${i + 1} of ${file}`));
}

/**
 * Writes the key file atomically (a 0600 temporary file, fsync, rename), so that a crash leaves either
 * the old file or the new one, never half of one.
 */
export function writeKeyFile(file: string, keys: Buffer[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    // One key per line, nothing else: the first line alone is a valid OWNPOST_MASTER_KEY.
    writeSync(fd, keys.map((k) => k.toString('base64')).join('\n') + '\n');
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, file);
}

/**
 * Loads the keyring: OWNPOST_MASTER_KEY (plus OWNPOST_PREVIOUS_MASTER_KEYS), else `<dataDir>/master.key`,
 * created on first start with one fresh key and mode 0600. Previous keys from the environment are added
 * in either case (moving from a key file to an environment key keeps old secrets readable).
 */
export function loadKeyring(options: KeyOptions): Keyring {
  const previous = previousKeys(options);
  if (options.masterKey) {
    const own = [decodeMasterKey(options.masterKey)];
    return { keys: [...own, ...previous], own, previous, source: 'environment' };
  }
  const file = keyFilePath(options.dataDir);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const own = readKeyFile(file);
  return { keys: [...own, ...previous], own, previous, source: 'file', file };
}

/** The key that encrypts. */
export function loadMasterKey(options: KeyOptions): Buffer {
  return loadKeyring(options).keys[0]!;
}

/**
 * The relay's cipher. With a key file it notices when the file changes (`ownpost key rotate` run while
 * the relay is up) and takes the new keys, so no secret is ever sealed with a key the file dropped.
 */
export function createSecretCipher(options: KeyOptions): SecretCipher {
  const keyring = loadKeyring(options);
  if (keyring.source !== 'file') return new SecretCipher(keyring.keys);
  const file = keyring.file!;
  const signature = () => {
    const stat = statSync(file);
    return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  };
  let seen = signature();
  return new SecretCipher(keyring.keys, () => {
    const now = signature();
    if (now === seen) return undefined;
    seen = now;
    return loadKeyring(options).keys;
  });
}
