/**
 * The SMTP door's certificate files, watched (relay/smtp/tls-files.ts): a renewal is taken whenever
 * it lands, even before the first check, and a pair that cannot be used keeps the one in use.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTlsPair, watchTlsPair, type TlsPair } from '../../relay/smtp/tls-files';
import { certs } from '../helpers/certs';
import { SERVER_CERT_FILE, SERVER_KEY_FILE } from '../helpers/smtp-door';
import { waitFor } from '../helpers/wait-for';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function pairFiles(cert: Buffer, key: Buffer) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-tls-files-'));
  stops.push(() => rmSync(dir, { recursive: true, force: true }));
  const files = { certFile: path.join(dir, 'cert.pem'), keyFile: path.join(dir, 'key.pem') };
  writeFileSync(files.certFile, cert);
  writeFileSync(files.keyFile, key);
  return files;
}

function watch(files: { certFile: string; keyFile: string }, first: TlsPair) {
  const loaded: TlsPair[] = [];
  const logs: string[] = [];
  stops.push(
    watchTlsPair(
      files,
      first,
      20,
      (pair) => loaded.push(pair),
      (line) => logs.push(line),
    ),
  );
  return { loaded, logs };
}

/** Waits until `count` is above zero (a pair loaded, a line logged). */
const waitForFirst = (what: string, count: () => number) => waitFor(what, count, (n) => n > 0, { timeoutMs: 5_000, intervalMs: 10 });

/** The pair loaded is the renewed one, the test server's. */
function expectRenewed(loaded: TlsPair[]) {
  expect(loaded[0]!.cert.equals(certs.server.cert)).toBe(true);
  expect(loaded[0]!.key.equals(certs.server.key)).toBe(true);
}

describe('the watched certificate files', () => {
  it('take a renewal made right after they were read, before any check', async () => {
    const files = pairFiles(certs.wrongName.cert, certs.wrongName.key);
    const first = readTlsPair(files.certFile, files.keyFile);
    // Renewed at once, the way ACME clients do it: key, then certificate, replaced in place.
    copyFileSync(SERVER_KEY_FILE, files.keyFile);
    copyFileSync(SERVER_CERT_FILE, files.certFile);
    const { loaded, logs } = watch(files, first);
    await waitForFirst('the renewed pair', () => loaded.length);
    expectRenewed(loaded);
    expect(logs).toEqual([`SMTP: TLS certificate reloaded from ${files.certFile}`]);
  });

  it('keep the pair in use when the new files do not fit, say so once, and take the next change that fits', async () => {
    const files = pairFiles(certs.wrongName.cert, certs.wrongName.key);
    const { loaded, logs } = watch(files, readTlsPair(files.certFile, files.keyFile));
    // Half renewed: the new key with the old certificate.
    copyFileSync(SERVER_KEY_FILE, files.keyFile);
    await waitForFirst('the refusal', () => logs.length);
    expect(logs[0]).toMatch(/^SMTP: TLS certificate not reloaded \(keeping the previous one\): /);
    // Several checks on the same files: said once.
    await new Promise((resolve) => setTimeout(resolve, 200)); // a negative: about ten checks (every 20 ms), which nothing outside the watcher shows
    expect(logs).toHaveLength(1);
    expect(loaded).toHaveLength(0);

    copyFileSync(SERVER_CERT_FILE, files.certFile);
    await waitForFirst('the renewed pair', () => loaded.length);
    expectRenewed(loaded);
    expect(logs.at(-1)).toBe(`SMTP: TLS certificate reloaded from ${files.certFile}`);
  });
});
