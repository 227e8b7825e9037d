import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyIdOf, SecretCipher } from '../../relay/secrets/cipher';
import { createSecretCipher, loadKeyring, writeKeyFile } from '../../relay/secrets/master-key';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-keyring-'));
  dirs.push(dir);
  return dir;
}

describe('keyring', () => {
  it('reads a key file of several keys, newest first, skipping blank lines and # comments', () => {
    const dir = tempDir();
    const [a, b] = [randomBytes(32), randomBytes(32)];
    writeFileSync(path.join(dir, 'master.key'), `# rotated\n${a.toString('base64')}\n\n${b.toString('base64')}\n`, { mode: 0o600 });
    const keyring = loadKeyring({ dataDir: dir });
    expect(keyring.keys.map(keyIdOf)).toEqual([keyIdOf(a), keyIdOf(b)]);
    expect(keyring.source).toBe('file');
  });

  it('adds OWNPOST_PREVIOUS_MASTER_KEYS after the environment key, for decryption only', () => {
    const [current, old] = [randomBytes(32), randomBytes(32)];
    const keyring = loadKeyring({ dataDir: tempDir(), masterKey: current.toString('base64'), previousMasterKeys: ` ${old.toString('base64')} ,` });
    expect(keyring.keys.map(keyIdOf)).toEqual([keyIdOf(current), keyIdOf(old)]);
    expect(new SecretCipher(keyring.keys).currentKeyId).toBe(keyIdOf(current));
  });

  it('refuses a malformed previous key, naming the variable', () => {
    expect(() => loadKeyring({ dataDir: tempDir(), masterKey: randomBytes(32).toString('base64'), previousMasterKeys: 'short' })).toThrow(/OWNPOST_PREVIOUS_MASTER_KEYS/);
  });

  it('writes the key file atomically with mode 0600, one key per line', () => {
    const dir = tempDir();
    const file = path.join(dir, 'master.key');
    const keys = [randomBytes(32), randomBytes(32)];
    writeKeyFile(file, keys);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(keys.map((k) => k.toString('base64')).join('\n') + '\n');
  });

  it('a cipher on a key file picks up a rotated file: new secrets use the new key, old ones still open', () => {
    const dir = tempDir();
    const cipher = createSecretCipher({ dataDir: dir });
    const oldSealed = cipher.seal('secret', 'profile:1:password');
    const file = path.join(dir, 'master.key');
    const old = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    const fresh = randomBytes(32);
    writeKeyFile(file, [fresh, old]);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(SecretCipher.keyIdOfSealed(cipher.seal('secret', 'x'))).toBe(keyIdOf(fresh));
    expect(cipher.open(oldSealed, 'profile:1:password')).toBe('secret');
  });
});
