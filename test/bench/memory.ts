/**
 * Memory while sending one message with a 20 MB attachment, for `npm run bench`: a relay process
 * (on SQLite, or on PostgreSQL) accepts it over HTTP and delivers it to the bench's sink; the
 * figure is its peak RSS above its resting RSS, compared with the attachment's size. Each run is
 * a fresh relay process; the worst of `rounds` runs counts.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { databaseUrlWithSchema, dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/postgres';
import { OWNPOST_BIN, startRelayProcess } from '../helpers/relay-process';

export const ATTACHMENT_BYTES = 20 * 1024 * 1024;
const run = promisify(execFile);

export interface MemoryRun {
  resting: number;
  peak: number;
  /** Peak RSS above resting RSS. */
  extra: number;
}

export interface MemoryResult {
  store: 'sqlite' | 'postgres';
  attachmentBytes: number;
  runs: MemoryRun[];
  worst: MemoryRun;
  /** worst.extra / attachmentBytes */
  ratio: number;
}

/** The sink's side, as the bench's runner has it: its port, and a wait for the next message. */
export interface MemorySink {
  port: number;
  reset(): Promise<void>;
  waitFor(count: number): Promise<void>;
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`))!;
  return Number(/(\d+)/.exec(line)![1]) * 1024;
}

async function api(url: string, token: string, method: string, pathName: string, body?: unknown) {
  const res = await fetch(url + pathName, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function waitUntilSent(url: string, token: string, id: string): Promise<void> {
  while ((await api(url, token, 'GET', `/v1/messages/${id}`)).body.status !== 'sent') await new Promise((r) => setTimeout(r, 20));
}

/** A fresh PostgreSQL schema for one relay process; `drop` removes it. */
async function postgresSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = freshSchemaName('ownpost_bench_mem');
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  await admin.end();
  return { url: databaseUrlWithSchema(schema), drop: () => dropSchema(schema) };
}

async function measureOnce(sink: MemorySink, store: MemoryResult['store']): Promise<MemoryRun> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-bench-mem-'));
  const database = store === 'postgres' ? await postgresSchema() : undefined;
  const env = {
    OWNPOST_DATA_DIR: dataDir,
    OWNPOST_ALLOWED_PORTS: '1024-65535',
    OWNPOST_TEST_BEFORE_SAVE: '0',
    OWNPOST_POLL: '50ms',
    // Instances sharing a database must share the key (the relay refuses to start without one).
    ...(database ? { OWNPOST_DATABASE_URL: database.url, OWNPOST_MASTER_KEY: randomBytes(32).toString('base64') } : {}),
  };
  const relay = await startRelayProcess(env);
  try {
    const options = { env: { ...process.env, ...env } };
    await run(process.execPath, [OWNPOST_BIN, 'user', 'add', 'anna@firma.se'], options);
    const token = (await run(process.execPath, [OWNPOST_BIN, 'token', 'anna@firma.se'], options)).stdout.trim().split('\n').at(-1)!;
    const profile = await api(relay.url, token, 'POST', '/v1/profiles', {
      name: 'Bench',
      fromName: 'Anna Berg',
      fromAddress: 'anna@firma.se',
      smtp: { host: '127.0.0.1', port: sink.port, security: 'none' },
      auth: { type: 'password', username: 'anna@firma.se' },
      isDefault: true,
    });
    if (profile.status !== 201) throw new Error(`profile: ${JSON.stringify(profile.body)}`);
    await api(relay.url, token, 'PUT', `/v1/profiles/${profile.body.id}/delivery`, { maxMessageBytes: 40_000_000 });
    // Warm up (the first request compiles routes and opens the transport), then rest.
    const warm = await api(relay.url, token, 'POST', '/v1/messages', { to: ['kund@exempel.se'], subject: 'warm-up' });
    await waitUntilSent(relay.url, token, warm.body.id);
    await new Promise((r) => setTimeout(r, 500));

    const pid = relay.child.pid!;
    const body = JSON.stringify({
      to: ['kund@exempel.se'],
      subject: 'Big',
      attachments: [{ filename: 'big.pdf', contentType: 'application/pdf', contentBase64: randomBytes(ATTACHMENT_BYTES).toString('base64') }],
    });
    const resting = procStatus(pid, 'VmRSS');
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM (peak RSS) to the current RSS
    await sink.reset();
    const res = await fetch(`${relay.url}/v1/messages`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body });
    const accepted = (await res.json()) as { id: string; status: string };
    if (res.status !== 202) throw new Error(`big message: ${res.status} ${JSON.stringify(accepted)}`);
    await sink.waitFor(1);
    await waitUntilSent(relay.url, token, accepted.id);
    const peak = procStatus(pid, 'VmHWM');
    return { resting, peak, extra: peak - resting };
  } finally {
    await relay.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  }
}

export async function measureMemory(sink: MemorySink, store: MemoryResult['store'], rounds = 2): Promise<MemoryResult> {
  const runs: MemoryRun[] = [];
  for (let i = 0; i < rounds; i++) runs.push(await measureOnce(sink, store));
  const worst = runs.reduce((a, b) => (b.extra > a.extra ? b : a));
  return { store, attachmentBytes: ATTACHMENT_BYTES, runs, worst, ratio: worst.extra / ATTACHMENT_BYTES };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function formatMemory(result: MemoryResult): string {
  const { worst, runs } = result;
  const store = result.store === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  return (
    `memory on ${store} while sending a ${mb(result.attachmentBytes)} attachment (worst of ${runs.length} runs): peak ${mb(worst.peak)}, ` +
    `resting ${mb(worst.resting)}, peak above resting ${mb(worst.extra)} (runs: ${runs.map((r) => mb(r.extra)).join(', ')}); ` +
    `ratio ${result.ratio.toFixed(2)}x (aim <= 2x)`
  );
}
