/**
 * A small tmpfs for a relay's data folder, to fill its disk for real (issue 15). Mounting needs
 * root (CI runs as root); `mountTmpfs` answers why it cannot where it cannot, so the one test that
 * needs it is skipped with that reason instead of failing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, unlinkSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Tmpfs {
  dir: string;
  /** Fills the file system up to the last byte with a filler file. */
  fill(): void;
  /** Removes the filler: the room is back. */
  free(): void;
  unmount(): void;
}

/** A tmpfs of `sizeMb` MB, or the reason it cannot be mounted here. */
export function mountTmpfs(sizeMb: number): Tmpfs | { skip: string } {
  if (process.platform !== 'linux') return { skip: 'tmpfs is Linux only' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `mounting a tmpfs is not allowed here (needs root): ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}` };
  }
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill() {
      // Large writes first, then smaller ones, until not one more byte fits.
      for (let chunk = 1 << 20; chunk >= 1; chunk >>= 2) {
        const block = Buffer.alloc(chunk);
        for (;;) {
          try {
            writeFileSync(filler, block, { flag: 'a' });
          } catch {
            break;
          }
        }
      }
      const { bavail } = statfsSync(dir);
      if (bavail > 0) throw new Error(`tmpfs still has ${bavail} free blocks`);
    },
    free() {
      try {
        unlinkSync(filler);
      } catch {
        /* not filled */
      }
    },
    unmount() {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
