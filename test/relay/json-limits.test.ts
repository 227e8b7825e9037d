/**
 * Issue 14: nested or huge JSON is refused before it is parsed into objects. 4 MB of `[[[[…` made
 * JSON.parse build two million nested arrays in one synchronous call (8 s on this machine), and the
 * relay answered nothing else meanwhile, `/healthz` included. Bodies are also limited per route.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonNestingGuard, MAX_JSON_DEPTH } from '../../relay/http/json-nesting';
import { OWNPOST_BIN, startRelayProcess, type RelayProcess } from '../helpers/relay-process';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

const run = promisify(execFile);

describe('the nesting guard', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('lets the nesting of real requests through and refuses one level more than the limit', () => {
    expect(() => new JsonNestingGuard().feed(Buffer.from(nested(MAX_JSON_DEPTH)))).not.toThrow();
    expect(() => new JsonNestingGuard().feed(Buffer.from(nested(MAX_JSON_DEPTH + 1)))).toThrow(expect.objectContaining({ code: 'json_too_deep' }));
  });

  it('does not count brackets inside strings, also with escaped quotes split across chunks', () => {
    const text = JSON.stringify({ subject: `${'['.repeat(500)} \\" "quoted" ${'{'.repeat(500)}`, to: ['a@b.se'] });
    for (let cut = 1; cut < text.length; cut += 7) {
      const guard = new JsonNestingGuard();
      expect(() => {
        guard.feed(Buffer.from(text.slice(0, cut)));
        guard.feed(Buffer.from(text.slice(cut)));
      }, `cut at ${cut}`).not.toThrow();
    }
  });
});

describe('deep JSON through the API', () => {
  let t: TestRelay;
  let token: string;
  beforeAll(async () => {
    t = await startTestRelay();
    ({ token } = await t.addUser('anna@firma.se', 'admin'));
  });
  afterAll(() => t.close());

  it.each(['/v1/messages', '/v1/profiles', '/v1/diagnose'])('refuses JSON nested 10 000 deep on %s with 400 json_too_deep (stack and time exhaustion)', async (route) => {
    const res = await t.request('POST', route, { token, rawBody: `{"to":${'['.repeat(10_000)}${']'.repeat(10_000)}}` });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('json_too_deep');
  });

  it('still takes a send whose subject is full of brackets', async () => {
    const created = await t.request('POST', '/v1/profiles', { token, body: testProfile(2525) });
    expect(created.status).toBe(201);
    const res = await t.request('POST', '/v1/messages', {
      token,
      body: { profileId: created.body.id, to: ['kund@exempel.se'], subject: `${'['.repeat(200)}Faktura${'{'.repeat(200)}`, text: '"[[[[' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
  });

  it.each([
    ['POST', '/v1/pair', 5 * 1024],
    ['POST', '/v1/profiles', 70 * 1024],
    ['PATCH', '/v1/profiles/any', 70 * 1024],
    ['POST', '/v1/diagnose', 70 * 1024],
  ])('refuses %s %s with a body of %i bytes (413, per-route limit)', async (method, route, bytes) => {
    const res = await t.request(method, route, { token, rawBody: JSON.stringify({ name: 'x'.repeat(bytes) }) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});

describe('the relay keeps answering while deep JSON arrives', () => {
  let relay: RelayProcess;
  let dataDir: string;
  let token: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-json-'));
    const env = { ...process.env, OWNPOST_DATA_DIR: dataDir };
    await run(process.execPath, [OWNPOST_BIN, 'user', 'add', 'anna@firma.se', '--admin'], { env });
    token = (await run(process.execPath, [OWNPOST_BIN, 'token', 'anna@firma.se'], { env })).stdout.trim().split('\n').pop()!;
    relay = await startRelayProcess({ OWNPOST_DATA_DIR: dataDir });
  }, 60_000);
  afterAll(async () => {
    await relay?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function healthzMs(): Promise<number> {
    const started = performance.now();
    const res = await fetch(`${relay.url}/healthz`);
    await res.text();
    expect(res.status).toBe(200);
    return performance.now() - started;
  }

  it('answers /healthz within 100 ms while 4 MB of "[[[[" is posted to /v1/messages, and refuses the body with 400', async () => {
    const url = new URL(`${relay.url}/v1/messages`);
    const total = 4 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, '[');
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': total } },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      // The relay may answer and stop reading before everything is written.
      req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
      let sent = 0;
      const writeMore = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', writeMore);
        }
        req.end();
      };
      writeMore();
    });
    const times: number[] = [];
    let done = false;
    void answer.finally(() => (done = true));
    // Polls during the upload and for a while after it, when the old code was parsing.
    const until = Date.now() + 3_000;
    while (!done || Date.now() < until) {
      times.push(await healthzMs());
      await new Promise((r) => setTimeout(r, 20)); // the samples' spacing: the loop waits for the answer and 3 s more
    }
    const { status, body } = await answer;
    expect(status).toBe(400);
    expect(JSON.parse(body).error.code).toBe('json_too_deep');
    times.sort((a, b) => a - b);
    // The median within the 100 ms the issue asks; the slowest within 1 s on a loaded 2-CPU machine
    // (the old code stopped answering for about 8 s).
    expect(times[Math.floor(times.length / 2)]!).toBeLessThan(100);
    expect(times[times.length - 1]!).toBeLessThan(1_000);
  }, 60_000);
});
