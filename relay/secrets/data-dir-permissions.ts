/**
 * The data folder holds the database (every mailbox password, sealed, and every invoice sent) and
 * the master key: only the relay's own user may read it (issue 14). The folder is 0700 and its
 * files 0600 when created (`mkdir`/`open` with those modes), and at start-up anything looser (a
 * folder restored from a backup, copied with `cp -r`, created by an older version under a 022 umask)
 * is tightened, with a warning naming what changed.
 */
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SQLITE_FILE_NAME } from '../store/open-store';

/** Mode of the data folder: owner only. */
export const DATA_DIR_MODE = 0o700;
/** Mode of the database, its WAL and shared memory, and the key file: owner read and write only. */
export const DATA_FILE_MODE = 0o600;

/** The files in the data folder that hold secrets or mail. */
export function privateDataFiles(dataDir: string): string[] {
  return ['master.key', SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`, `${SQLITE_FILE_NAME}-shm`].map((name) => path.join(dataDir, name));
}

function tighten(target: string, mode: number, log: (line: string) => void): void {
  const current = statSync(target).mode & 0o777;
  if ((current & ~mode) === 0) return;
  chmodSync(target, current & mode);
  log(`warning: ${target} could be read by other users (mode ${current.toString(8)}); changed it to ${(current & mode).toString(8)}`);
}

/**
 * Creates the data folder (0700) when missing and tightens the folder and its private files. POSIX
 * modes only: on Windows the folder under %APPDATA% is already the user's own.
 */
export function secureDataDir(dataDir: string, log: (line: string) => void): void {
  mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  if (process.platform === 'win32') return;
  tighten(dataDir, DATA_DIR_MODE, log);
  for (const file of privateDataFiles(dataDir)) if (existsSync(file)) tighten(file, DATA_FILE_MODE, log);
}
