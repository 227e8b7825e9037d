/**
 * Issue 14: the data folder is 0700, the database (with its WAL and shared memory) and the key file
 * 0600: created so whatever the umask, and tightened at start-up with a warning when they are looser
 * (a folder restored from a backup or copied under a 022 umask let every local user read the
 * sealed passwords, the key that opens them, and every invoice sent).
 */
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../relay/config';
import { createRelay } from '../../relay/relay';
import { privateDataFiles } from '../../relay/secrets/data-dir-permissions';
import { certs } from '../helpers/certs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function startAndStop(dataDir: string) {
  const logs: string[] = [];
  const relay = await createRelay(loadConfig({ OWNPOST_DATA_DIR: dataDir }, { port: 0, extraCa: [certs.ca] }), (line) => logs.push(line));
  // A write, so that the WAL and shared-memory files exist.
  await relay.store.createUser({ id: 'u1', email: 'anna@firma.se', name: null, role: 'admin', createdAt: Date.now() }).catch(() => undefined);
  await relay.close();
  return logs;
}

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('data folder permissions', () => {
  it('creates the folder 0700 and the database and key files 0600 even under a permissive umask', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'ownpost-perm-'));
    dirs.push(parent);
    const dataDir = path.join(parent, 'data');
    const umask = process.umask(0o000);
    try {
      await startAndStop(dataDir);
    } finally {
      process.umask(umask);
    }
    expect(modeOf(dataDir)).toBe(0o700);
    const present = privateDataFiles(dataDir).filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    });
    expect(present.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['master.key', 'ownpost.db']));
    for (const file of present) expect(modeOf(file), path.basename(file)).toBe(0o600);
  });

  it('tightens a world-readable folder, database and key file at start-up, with a warning for each (local users reading secrets)', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-perm-'));
    dirs.push(dataDir);
    await startAndStop(dataDir);
    chmodSync(dataDir, 0o755);
    for (const file of ['master.key', 'ownpost.db']) chmodSync(path.join(dataDir, file), 0o644);
    const logs = await startAndStop(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    for (const file of ['master.key', 'ownpost.db']) expect(modeOf(path.join(dataDir, file)), file).toBe(0o600);
    for (const name of [dataDir, path.join(dataDir, 'master.key'), path.join(dataDir, 'ownpost.db')]) {
      expect(
        logs.some((line) => line.startsWith('warning:') && line.includes(name)),
        `no warning for ${name}: ${logs.join('\n')}`,
      ).toBe(true);
    }
  });
});
