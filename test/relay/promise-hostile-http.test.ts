/**
 * README, Security and Bad input: every refusal is JSON with a stable code and a 4xx, never a 500,
 * and what a client sends never forges the relay's log. Against a real relay process and raw
 * sockets, since both faults live below `app.request()`: Node's HTTP server and the process's log.
 */
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelayProcess, type RelayProcess } from '../helpers/relay-process';
import { waitFor } from '../helpers/wait-for';

let relay: RelayProcess;
let dataDir: string;
let port: number;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-hostile-'));
  relay = await startRelayProcess({ OWNPOST_DATA_DIR: dataDir });
  port = Number(new URL(relay.url).port);
}, 60_000);
afterAll(async () => {
  await relay?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Writes raw bytes, then either waits for the relay to close or hangs up itself after `hangUpMs`. */
function rawRequest(bytes: string, hangUpMs?: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve(answer) : reject(error)));
    socket.write(bytes);
    if (hangUpMs !== undefined) setTimeout(() => socket.destroy(), hangUpMs);
  });
}

/** The request record of one request, found by the id the test gave it. */
async function recordOf(requestId: string): Promise<string> {
  const log = await waitFor(
    `the log record of ${requestId}`,
    () => relay.log(),
    (text) => text.includes(`requestId=${requestId} `),
  );
  return log.split('\n').find((line) => line.includes(`requestId=${requestId} `))!;
}

describe('a request path forges no log line (log injection, CWE-117)', () => {
  it('keeps %0a, %0d, %1b and %20 in a path inside its own request record', async () => {
    const requestId = 'log-injection-1';
    const answer = await rawRequest(
      `GET /v1/users/%0d%0a%5Bownpost%5D%202026-01-01T00:00:00.000Z%20FORGED%20status=200%1b%5B2J HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    const record = await recordOf(requestId);
    expect(record).toContain('path=/v1/users/\\x0d\\x0a[ownpost]\\x202026-01-01T00:00:00.000Z\\x20FORGED\\x20status=200\\x1b[2J status=401');
    expect(relay.log()).not.toMatch(/^\[ownpost\] 2026-01-01T00:00:00\.000Z FORGED/m);
    expect(relay.log()).not.toContain('\x1b');
  });
});

describe('a client that hangs up before its body ended', () => {
  it('is answered 400 malformed_request in the log and metrics, not an internal error with a stack trace', async () => {
    const requestId = 'hang-up-mid-body';
    await rawRequest(`POST /v1/pair HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: ${requestId}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"code":"7KQ4`, 200);
    expect(await recordOf(requestId)).toMatch(/method=POST path=\/v1\/pair status=400 /);
    expect(relay.log()).not.toMatch(/internal error|status=500/);
  });

  it('answers a broken chunk with JSON 400 malformed_request and logs no 500 for it', async () => {
    const requestId = 'broken-chunk';
    const answer = await rawRequest(
      `POST /v1/pair HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: ${requestId}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('"code":"malformed_request"');
    expect(await recordOf(requestId)).toMatch(/status=400 /);
    expect(relay.log()).not.toMatch(/internal error|status=500/);
  });

  it('keeps serving', async () => {
    const res = await fetch(`${relay.url}/healthz`);
    expect(res.status).toBe(200);
  });
});
