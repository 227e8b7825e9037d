/**
 * `npm run bench`: a benchmark of the relay's delivery core, not a timed test.
 *
 * 1. Accept latency: p50 and p99 of POST /v1/messages over real HTTP, CONCURRENCY requests at a time
 *    (the worker is not running yet, so this measures authentication, validation, composing and the
 *    durable commit).
 * 2. Delivery throughput: the relay's worker sends those messages to a local SMTP sink, and plain
 *    pooled nodemailer sends the very same messages (the bytes the relay stored, the same envelopes,
 *    the same number of connections and messages per connection) to the same sink. Which side goes
 *    first alternates from round to round. The ratio is relay / nodemailer, per round.
 * 3. Memory: a relay process sends one message with a 20 MB attachment; its peak RSS above its
 *    resting RSS, compared with the attachment's size (worst of MEMORY_ROUNDS runs).
 *
 * Each round of 1 and 2 runs on a fresh relay. A first round warms up (JIT, connections) and is not
 * counted; the figures are the medians of BENCH_ROUNDS counted rounds.
 *
 * BENCH_ONLY=speed, memory, smtp or page runs one part (smtp: SMTP intake vs the HTTP API; page: the in-page script's cost, at the end); BENCH_MESSAGES, BENCH_CONCURRENCY and
 * BENCH_ROUNDS change the load. The sink runs in its own process; the relay (1, 2) and nodemailer
 * run in this one.
 */
import type { Database } from 'better-sqlite3';
import { serve } from '@hono/node-server';
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { hashSecretToken, newBearerToken } from '../../relay/auth/tokens';
import { loadConfig } from '../../relay/config';
import { createRelay } from '../../relay/relay';
import { startRelayProcess } from '../helpers/relay-process';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CONNECTIONS = 5;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MEMORY_ROUNDS = 2;
const ATTACHMENT_BYTES = 20 * 1024 * 1024;
const run = promisify(execFile);

interface Sink {
  port: number;
  count(): Promise<{ count: number; bytes: number }>;
  reset(): Promise<void>;
  close(): void;
}

async function startSink(): Promise<Sink> {
  const child: ChildProcess = fork(path.resolve('test/bench/smtp-sink.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (message: string) =>
    new Promise<{ count: number; bytes: number }>((resolve) => {
      child.once('message', (reply) => resolve(reply as { count: number; bytes: number }));
      child.send(message);
    });
  const { port } = await new Promise<{ port: number }>((resolve) => child.once('message', (m) => resolve(m as { port: number })));
  return { port, count: () => ask('count'), reset: async () => void (await ask('reset')), close: () => child.kill() };
}

async function waitForSink(sink: Sink, count: number, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await sink.count()).count < count) {
    if (Date.now() > deadline) throw new Error(`the sink received ${(await sink.count()).count} of ${count}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const profileFor = (port: number) => ({
  name: 'Bench',
  fromName: 'Anna Berg',
  fromAddress: 'anna@firma.se',
  smtp: { host: '127.0.0.1', port, security: 'none' },
  auth: { type: 'password', username: 'anna@firma.se' },
  isDefault: true,
});

async function api(url: string, token: string, method: string, pathName: string, body?: unknown) {
  const res = await fetch(url + pathName, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function benchAcceptAndThroughput(sink: Sink, options: { plainFirst: boolean; profile: boolean }) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-bench-'));
  const config = loadConfig(
    {
      OWNPOST_DATA_DIR: dataDir,
      OWNPOST_ALLOW_PRIVATE_HOSTS: '1',
      OWNPOST_ALLOWED_PORTS: '1024-65535',
      OWNPOST_TEST_BEFORE_SAVE: '0',
      OWNPOST_POLL: '50ms',
      ...(process.env.OWNPOST_DELIVERY_CONCURRENCY ? { OWNPOST_DELIVERY_CONCURRENCY: process.env.OWNPOST_DELIVERY_CONCURRENCY } : {}),
    },
    { port: 0 },
  );
  const relay = await createRelay(config);
  // HTTP without the worker: accept latency alone first; the worker starts for phase 2.
  const server = serve({ fetch: relay.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const user = await relay.store.createUser({ id: randomUUID(), email: 'anna@firma.se', name: null, role: 'admin', createdAt: Date.now() });
  const token = newBearerToken();
  await relay.store.createToken({ hash: hashSecretToken(token), userId: user.id, device: 'bench', createdAt: Date.now() });
  const profile = await api(url, token, 'POST', '/v1/profiles', profileFor(sink.port));
  if (profile.status !== 201) throw new Error(`profile: ${JSON.stringify(profile.body)}`);
  await api(url, token, 'PUT', `/v1/profiles/${profile.body.id}/delivery`, { maxConnections: CONNECTIONS });

  // An invoice-sized message: text and a 30 kB PDF.
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(30_000)]).toString('base64');
  const latencies: number[] = [];
  let next = 0;
  const acceptStarted = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < MESSAGES) {
        const n = next++;
        const started = performance.now();
        const res = await fetch(`${url}/v1/messages`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${n}` },
          body: JSON.stringify({
            to: ['kund@exempel.se'],
            subject: `Faktura ${n}`,
            text: `Hej! Faktura ${n} bifogas.`,
            attachments: [{ filename: `Faktura-${n}.pdf`, contentType: 'application/pdf', contentBase64: pdf }],
            context: { documentRef: String(n) },
          }),
        });
        await res.arrayBuffer();
        if (res.status !== 202) throw new Error(`POST ${n}: ${res.status}`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  const acceptSeconds = (performance.now() - acceptStarted) / 1000;
  latencies.sort((a, b) => a - b);

  // Phase 2: the relay's worker and plain nodemailer deliver the same messages, in turn.
  const db = (relay.store as unknown as { db: Database }).db;
  const stored = db.prepare('SELECT envelope, message_bodies.raw FROM messages JOIN message_bodies ON message_bodies.message_id = messages.id').all() as { envelope: string; raw: Buffer }[];
  if (stored.length !== MESSAGES) throw new Error(`stored ${stored.length} of ${MESSAGES} messages`);

  const relayDelivers = async () => {
    await sink.reset();
    collectGarbage();
    const profiler = process.env.BENCH_PROFILE && options.profile ? await startProfiler() : undefined;
    const started = performance.now();
    const cpu = process.cpuUsage();
    relay.worker.start();
    await waitForSink(sink, MESSAGES);
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = cpuMsSince(cpu);
    await profiler?.(process.env.BENCH_PROFILE!);
    // Every message also recorded as sent (the durable commit is part of delivery).
    for (;;) {
      const listed = await relay.store.listMessages({ limit: MESSAGES });
      if (listed.every((m) => m.status === 'sent')) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    const recordedSeconds = (performance.now() - started) / 1000;
    // Its polls and lease heartbeats must not run on nodemailer's time when the relay goes first.
    await relay.worker.stop();
    return { seconds, cpuMs, recordedSeconds };
  };
  // Plain pooled nodemailer: the same bytes, envelopes, connections and messages per connection.
  const plainDelivers = async () => {
    await sink.reset();
    collectGarbage();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, pool: true, maxConnections: CONNECTIONS, maxMessages: 100 });
    const started = performance.now();
    const cpu = process.cpuUsage();
    await Promise.all(stored.map((m) => transport.sendMail({ envelope: JSON.parse(m.envelope), raw: m.raw })));
    await waitForSink(sink, MESSAGES);
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = cpuMsSince(cpu);
    transport.close();
    return { seconds, cpuMs };
  };
  let relayResult: { seconds: number; cpuMs: number; recordedSeconds: number };
  let plainResult: { seconds: number; cpuMs: number };
  if (options.plainFirst) {
    plainResult = await plainDelivers();
    relayResult = await relayDelivers();
  } else {
    relayResult = await relayDelivers();
    plainResult = await plainDelivers();
  }

  server.close();
  await relay.close();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    latencies,
    acceptSeconds,
    relaySeconds: relayResult.seconds,
    relayRecordedSeconds: relayResult.recordedSeconds,
    relayCpuMs: relayResult.cpuMs,
    plainSeconds: plainResult.seconds,
    plainCpuMs: plainResult.cpuMs,
  };
}

/**
 * Each side starts on a clean heap: the accept phase's garbage (1,000 requests) is not collected
 * on the time of whichever side delivers first. `npm run bench` runs node with --expose-gc.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** BENCH_PROFILE=file.cpuprofile: a CPU profile of the relay's delivery phase alone (Chrome DevTools format). */
async function startProfiler(): Promise<(file: string) => Promise<void>> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`))!;
  return Number(/(\d+)/.exec(line)![1]) * 1024;
}

async function benchMemory(sink: Sink) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-bench-mem-'));
  const env = { OWNPOST_DATA_DIR: dataDir, OWNPOST_ALLOWED_PORTS: '1024-65535', OWNPOST_TEST_BEFORE_SAVE: '0', OWNPOST_POLL: '50ms' };
  const relay = await startRelayProcess(env);
  try {
    const bin = path.resolve('relay/bin/ownpost.js');
    const options = { env: { ...process.env, ...env } };
    await run(process.execPath, [bin, 'user', 'add', 'anna@firma.se'], options);
    const token = (await run(process.execPath, [bin, 'token', 'anna@firma.se'], options)).stdout.trim().split('\n').at(-1)!;
    const profile = await api(relay.url, token, 'POST', '/v1/profiles', profileFor(sink.port));
    await api(relay.url, token, 'PUT', `/v1/profiles/${profile.body.id}/delivery`, { maxMessageBytes: 40_000_000 });
    // Warm up (first request compiles routes and opens the transport), then rest.
    const warm = await api(relay.url, token, 'POST', '/v1/messages', { to: ['kund@exempel.se'], subject: 'warm-up' });
    while ((await api(relay.url, token, 'GET', `/v1/messages/${warm.body.id}`)).body.status !== 'sent') await new Promise((r) => setTimeout(r, 20));
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
    await waitForSink(sink, 1);
    while ((await api(relay.url, token, 'GET', `/v1/messages/${accepted.id}`)).body.status !== 'sent') await new Promise((r) => setTimeout(r, 20));
    const peak = procStatus(pid, 'VmHWM');
    return { resting, peak, extra: peak - resting };
  } finally {
    await relay.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const sink = await startSink();
  try {
    console.log(`ownpost bench: ${MESSAGES} messages, ${CONCURRENCY} concurrent requests, ${CONNECTIONS} SMTP connections, Node ${process.version}, ${os.cpus().length} CPUs`);
    if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'speed') await benchSpeed(sink);
    if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'memory') await benchMemoryReport(sink);
  } finally {
    sink.close();
  }
}

/** CPU time (user + system) of this process since `start`, in ms: the SMTP sink runs in another process. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function benchSpeed(sink: Sink) {
  // A warm-up round (JIT, first connections), not counted; then ROUNDS rounds, each on a fresh relay,
  // the side that delivers first alternating. Medians, so that a burst of other work on the machine
  // does not decide a figure; the ratio is taken per round (both sides under the same conditions).
  await benchAcceptAndThroughput(sink, { plainFirst: false, profile: false });
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await benchAcceptAndThroughput(sink, { plainFirst: i % 2 === 1, profile: i === 0 }));
  const relayRates = rounds.map((r) => MESSAGES / r.relaySeconds);
  const recordedRates = rounds.map((r) => MESSAGES / r.relayRecordedSeconds);
  const plainRates = rounds.map((r) => MESSAGES / r.plainSeconds);
  const ratios = rounds.map((r) => r.plainSeconds / r.relaySeconds);
  const recordedRatios = rounds.map((r) => r.plainSeconds / r.relayRecordedSeconds);
  const list = (values: number[], digits = 0) => values.map((v) => v.toFixed(digits)).join(', ');
  console.log(`rounds (after one warm-up round): relay ${list(relayRates)} msg/s; nodemailer ${list(plainRates)} msg/s; ratio ${list(ratios, 2)}`);
  const p50 = median(rounds.map((r) => percentile(r.latencies, 50)));
  const p99 = median(rounds.map((r) => percentile(r.latencies, 99)));
  const accepted = median(rounds.map((r) => MESSAGES / r.acceptSeconds));
  console.log(`accept latency (POST /v1/messages, ${CONCURRENCY} concurrent, median of ${ROUNDS} rounds): p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${accepted.toFixed(0)} accepted/s)`);
  console.log(
    `delivery throughput (median): relay ${median(relayRates).toFixed(0)} msg/s at the sink, ${median(recordedRates).toFixed(0)} msg/s recorded as sent; plain pooled nodemailer ${median(plainRates).toFixed(0)} msg/s`,
  );
  console.log(`throughput ratio relay/nodemailer (median): ${median(ratios).toFixed(2)} (aim >= 0.80); counting until recorded as sent: ${median(recordedRatios).toFixed(2)}`);
  // CPU per message of this process (the sink is elsewhere): steadier than wall time on a busy machine.
  const relayCpu = median(rounds.map((r) => r.relayCpuMs / MESSAGES));
  const plainCpu = median(rounds.map((r) => r.plainCpuMs / MESSAGES));
  console.log(`CPU per delivered message (median): relay ${relayCpu.toFixed(3)} ms, nodemailer ${plainCpu.toFixed(3)} ms (ratio nodemailer/relay ${(plainCpu / relayCpu).toFixed(2)})`);
}

async function benchMemoryReport(sink: Sink) {
  // Each run on a fresh relay process; the worst run counts.
  const runs = [];
  for (let i = 0; i < MEMORY_ROUNDS; i++) runs.push(await benchMemory(sink));
  const worst = runs.reduce((a, b) => (b.extra > a.extra ? b : a));
  console.log(
    `memory while sending a ${mb(ATTACHMENT_BYTES)} attachment (worst of ${MEMORY_ROUNDS} runs): peak ${mb(worst.peak)}, resting ${mb(worst.resting)}, peak above resting ${mb(worst.extra)} (runs: ${runs.map((r) => mb(r.extra)).join(', ')})`,
  );
  console.log(`memory ratio (peak above resting / attachment): ${(worst.extra / ATTACHMENT_BYTES).toFixed(2)}x (aim < 4x)`);
}

await main();

// Several relay instances (issue 9): delivery throughput of whole relay processes on SQLite, on
// PostgreSQL, and two of them on one PostgreSQL database (test/bench/instances-throughput.ts, which
// also runs alone). Skipped when BENCH_ONLY picks another part; BENCH_INSTANCES_MESSAGES sets the load.
if (!process.env.BENCH_ONLY) {
  const { formatInstancesThroughput, measureInstancesThroughput } = await import('./instances-throughput');
  const results = await measureInstancesThroughput(Number(process.env.BENCH_INSTANCES_MESSAGES ?? 500));
  console.log(`delivery throughput by store and instances (best of 2 rounds):\n${formatInstancesThroughput(results)}`);
}

// SMTP intake against the HTTP API (issue 19): how fast the SMTP front door takes invoices into the
// outbox compared with POST /v1/messages (test/bench/smtp-intake.ts, which also runs alone).
if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'smtp') {
  const { formatSmtpIntake, measureSmtpIntake } = await import('./smtp-intake');
  await measureSmtpIntake(Math.min(100, MESSAGES), CONCURRENCY); // warm-up, not counted
  console.log(formatSmtpIntake(await measureSmtpIntake(MESSAGES, CONCURRENCY), CONCURRENCY));
}

// What the in-page script costs the invoicing app's pages (issue 7): its gzipped size, and the main
// thread's time for loading an invoice page in Chromium with the production extension against the
// same page without it (test/bench/content-script-cost.ts, which also runs alone).
if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'page') {
  const { formatContentScriptCost, measureContentScriptCost } = await import('./content-script-cost');
  console.log(formatContentScriptCost(await measureContentScriptCost()));
}
