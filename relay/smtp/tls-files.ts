/**
 * The SMTP door's certificate and key (PEM files), read at start and again whenever either file
 * changes: a certificate renewed by certbot or an ACME client is taken without a restart. A change
 * that cannot be read (a half-written file, a key that does not fit) keeps the previous pair.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';

export interface TlsPair {
  cert: Buffer;
  key: Buffer;
}

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

/** Checks a pair; throws with the reason when it cannot be used. */
function checked(pair: TlsPair): TlsPair {
  // Fails here, with the reason, rather than at the first client's handshake.
  createSecureContext(pair);
  return pair;
}

/** Reads and checks a pair; throws with the file named when it cannot be used. */
export function readTlsPair(certFile: string, keyFile: string): TlsPair {
  return checked({ cert: readFileSync(certFile), key: readFileSync(keyFile) });
}

const samePair = (a: TlsPair | undefined, b: TlsPair) => a !== undefined && a.cert.equals(b.cert) && a.key.equals(b.key);

/**
 * Reads the files every `intervalMs` (a few KB) and calls `onChange` with the new pair whenever they
 * differ from the pair in use and make a valid pair. Compared by content with what is in use: a
 * renewal is seen whenever it lands, even between the first read and the first check, and even when
 * it keeps the size and falls in the same tick of the file system's clock (which a poll of `stat`
 * would miss); a symlink swapped to a new target and a file replaced by rename are read as they are.
 */
export function watchTlsPair(files: TlsFiles, current: TlsPair, intervalMs: number, onChange: (pair: TlsPair) => void, log: (line: string) => void): () => void {
  let inUse = current;
  /** Files that could not be used: said once, tried again when they change again. */
  let refused: TlsPair | undefined;
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      // Missing for a moment (replaced by rename): the next check reads the new file.
      const [cert, key] = await Promise.all([readFile(files.certFile), readFile(files.keyFile)]).catch(() => []);
      if (!cert || !key) return;
      const read = { cert, key };
      if (samePair(inUse, read) || samePair(refused, read)) return;
      try {
        inUse = checked(read);
        refused = undefined;
        onChange(inUse);
        log(`SMTP: TLS certificate reloaded from ${files.certFile}`);
      } catch (error) {
        refused = read;
        log(`SMTP: TLS certificate not reloaded (keeping the previous one): ${(error as Error).message}`);
      }
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
