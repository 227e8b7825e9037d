import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';

export const KEY_FILE_NAME = 'master.key';

/** Decodes OWNPOST_MASTER_KEY: base64 of exactly 32 bytes. */
export function decodeMasterKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== base64.trim()) {
    throw new ConfigError('OWNPOST_MASTER_KEY must be base64 of 32 random bytes (make one with: openssl rand -base64 32)');
  }
  return key;
}

/**
 * The master key: from OWNPOST_MASTER_KEY, else from `<dataDir>/master.key`, created on first start
 * with mode 0600. A key file that group or others can read is refused, not silently fixed: it may
 * already have leaked, and the admin should know (n8n does the same).
 */
export function loadMasterKey(options: { masterKey?: string; dataDir: string }): Buffer {
  if (options.masterKey) return decodeMasterKey(options.masterKey);
  const file = path.join(options.dataDir, KEY_FILE_NAME);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077) {
      throw new ConfigError(
        `the key file ${file} can be read by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`,
      );
    }
  }
  return decodeMasterKey(readFileSync(file, 'utf8'));
}
