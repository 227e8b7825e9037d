/**
 * The SMTP door's certificate and key (PEM files), read at start and again whenever either file
 * changes: a certificate renewed by certbot or an ACME client is taken without a restart. A change
 * that cannot be read (a half-written file, a key that does not fit) keeps the previous pair.
 */
import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import { createSecureContext } from 'node:tls';

export interface TlsPair {
  cert: Buffer;
  key: Buffer;
}

/** Reads and checks a pair; throws with the file named when it cannot be used. */
export function readTlsPair(certFile: string, keyFile: string): TlsPair {
  const cert = readFileSync(certFile);
  const key = readFileSync(keyFile);
  // Fails here, with the reason, rather than at the first client's handshake.
  createSecureContext({ cert, key });
  return { cert, key };
}

/** Calls `onChange` with the new pair whenever the files change and still make a valid pair. */
export function watchTlsPair(files: { certFile: string; keyFile: string }, intervalMs: number, onChange: (pair: TlsPair) => void, log: (line: string) => void): () => void {
  // watchFile polls with stat: it follows a symlink swapped to a new target and a file replaced by
  // rename, which inotify-based fs.watch loses track of.
  const listener = (current: Stats, previous: Stats) => {
    if (current.mtimeMs === previous.mtimeMs && current.size === previous.size && current.ino === previous.ino) return;
    try {
      onChange(readTlsPair(files.certFile, files.keyFile));
      log(`SMTP: TLS certificate reloaded from ${files.certFile}`);
    } catch (error) {
      log(`SMTP: TLS certificate not reloaded (keeping the previous one): ${(error as Error).message}`);
    }
  };
  for (const file of [files.certFile, files.keyFile]) watchFile(file, { interval: intervalMs, persistent: false }, listener);
  return () => {
    for (const file of [files.certFile, files.keyFile]) unwatchFile(file, listener);
  };
}
