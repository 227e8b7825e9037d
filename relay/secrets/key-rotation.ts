/**
 * Master key rotation (`ownpost key rotate`, `key status`, `key forget-old`).
 *
 * Every secret the relay stores belongs to a profile and is sealed with the additional authenticated
 * data `profile:<id>:<field>` (relay/profiles/profile-record.ts), wherever its row lives. So a rotation
 * can open and re-seal all of them without knowing what they are.
 *
 * With a key file: a fresh key goes first into the file, the old ones stay below it (to read backups and
 * secrets written meanwhile), then every secret is re-sealed with the new key in one transaction. A crash
 * between the two steps leaves old secrets readable (their key is still in the file); running the command
 * again finishes the job. With OWNPOST_MASTER_KEY the admin sets the new key and lists the old one in
 * OWNPOST_PREVIOUS_MASTER_KEYS; `rotate` then re-seals everything with the new key.
 */
import { randomBytes } from 'node:crypto';
import { profileSecretAad, type SealedSecrets } from '../profiles/profile-record';
import type { Store } from '../store/types';
import { keyIdOf, SecretCipher } from './cipher';
import { loadKeyring, writeKeyFile, type KeyOptions, type Keyring } from './master-key';

export interface UnreadableSecret {
  table: string;
  profileId: string;
  field: string;
  /** The key it was sealed with, which the keyring does not hold (or under which it does not verify). */
  keyId: string | undefined;
}

export interface ResealReport {
  /** Secrets now sealed with the current key. */
  resealed: number;
  /** Rows written. */
  rows: number;
  unreadable: UnreadableSecret[];
}

/** Re-seals every stored secret with the cipher's current key; secrets it cannot open are left as they are. */
export async function resealAllSecrets(store: Store, cipher: SecretCipher): Promise<ResealReport> {
  let resealed = 0;
  const unreadable: UnreadableSecret[] = [];
  const rows = await store.rewriteProfileSecrets(({ table, profileId, secrets }) => {
    const next: SealedSecrets = {};
    let changed = false;
    for (const [field, value] of Object.entries(secrets)) {
      const aad = profileSecretAad(profileId, field);
      try {
        next[field] = cipher.seal(cipher.open(value, aad), aad);
        changed = true;
        resealed++;
      } catch {
        next[field] = value;
        unreadable.push({ table, profileId, field, keyId: SecretCipher.keyIdOfSealed(value) });
      }
    }
    return changed ? next : null;
  });
  return { resealed, rows, unreadable };
}

export interface KeyUsage {
  keyId: string;
  /** `current` encrypts; `previous` only decrypts; `missing` is named by secrets but not in the keyring. */
  role: 'current' | 'previous' | 'missing';
  secrets: number;
}

/** Which keys the keyring holds and how many stored secrets each one seals. */
export async function describeKeyUsage(store: Store, keyring: Keyring): Promise<KeyUsage[]> {
  const counts = new Map<string, number>();
  for (const { secrets } of await store.listProfileSecrets()) {
    for (const value of Object.values(secrets)) {
      const id = SecretCipher.keyIdOfSealed(value) ?? 'unknown';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const ids = keyring.keys.map(keyIdOf);
  const usage: KeyUsage[] = ids.map((keyId, i) => ({ keyId, role: i === 0 ? 'current' : 'previous', secrets: counts.get(keyId) ?? 0 }));
  for (const [keyId, secrets] of counts) if (!ids.includes(keyId)) usage.push({ keyId, role: 'missing', secrets });
  return usage;
}

export interface RotationReport extends ResealReport {
  source: Keyring['source'];
  newKeyId: string;
  /** Ids of the keys kept for decryption. */
  previousKeyIds: string[];
}

/** `ownpost key rotate`: see the module comment. */
export async function rotateMasterKey(store: Store, options: KeyOptions): Promise<RotationReport> {
  let keyring = loadKeyring(options);
  if (keyring.source === 'file') {
    const fresh = randomBytes(32);
    // Only the file's own keys are written back: keys from OWNPOST_PREVIOUS_MASTER_KEYS stay in the
    // environment, where the admin put them.
    writeKeyFile(keyring.file!, [fresh, ...keyring.own]);
    keyring = loadKeyring(options);
  }
  const cipher = new SecretCipher(keyring.keys);
  const report = await resealAllSecrets(store, cipher);
  return {
    ...report,
    source: keyring.source,
    newKeyId: cipher.currentKeyId,
    previousKeyIds: keyring.keys.slice(1).map(keyIdOf),
  };
}

export class KeyRotationError extends Error {
  override name = 'KeyRotationError';
}

/**
 * `ownpost key forget-old`: drops every key but the current one from the key file, after checking that
 * no stored secret still needs one of them.
 */
export async function forgetOldKeys(store: Store, options: KeyOptions): Promise<{ forgotten: string[] }> {
  const keyring = loadKeyring(options);
  if (keyring.source !== 'file') {
    throw new KeyRotationError('the master key comes from OWNPOST_MASTER_KEY: remove OWNPOST_PREVIOUS_MASTER_KEYS from the environment instead');
  }
  const usage = await describeKeyUsage(store, keyring);
  const stillUsed = usage.filter((u) => u.role !== 'current' && u.secrets > 0);
  if (stillUsed.length) {
    throw new KeyRotationError(`secrets still use ${stillUsed.map((u) => `${u.keyId} (${u.secrets})`).join(', ')}; run "ownpost key rotate" first`);
  }
  writeKeyFile(keyring.file!, [keyring.own[0]!]);
  return { forgotten: keyring.own.slice(1).map(keyIdOf) };
}
