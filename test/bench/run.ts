/**
 * `npm run bench`: a benchmark of the relay's delivery core, not a timed test.
 *
 * 1. Accept: p50 and p99 latency and sends per second of POST /v1/messages over real HTTP,
 *    CONCURRENCY requests at a time, each an invoice with a PDF of PDF_BYTES (the worker is not
 *    running yet, so this measures authentication, validation, composing and the durable commit).
 *    acceptRatio: accepted sends/s over plain nodemailer's delivery msg/s of the same messages (2).
 *    The requests come from a client in its own process (test/bench/accept-client.ts), as the sink
 *    is in its own; BENCH_ACCEPT_CLIENT=inline makes them in this one (as before issue 18's work).
 * 2. Delivery throughput: the relay's worker sends those messages to a local SMTP sink, and plain
 *    pooled nodemailer sends the very same messages (the bytes the relay stored, the same envelopes,
 *    the same number of connections and messages per connection) to the same sink. Which side goes
 *    first alternates from round to round. The ratio is relay / nodemailer, per round.
 * 3. Memory: a relay process, on SQLite and on PostgreSQL, sends one message with a 20 MB attachment;
 *    its peak RSS above its resting RSS, compared with the attachment's size (test/bench/memory.ts).
 *
 * Each round of 1 and 2 runs on a fresh relay. A first round warms up (JIT, connections) and is not
 * counted; the figures are the medians of BENCH_ROUNDS counted rounds.
 *
 * BENCH_ONLY=speed, memory, instances, smtp or page runs one part (instances: PostgreSQL against
 * SQLite and two instances against one; smtp: SMTP intake vs the HTTP API; page: the in-page
 * script's cost, at the end); BENCH_MESSAGES, BENCH_CONCURRENCY, BENCH_PDF_BYTES and BENCH_ROUNDS
 * change the load; BENCH_PAGE_COMPARE=<folder>[,<folder>…] measures other production builds of the
 * extension in the page part alongside ours, BENCH_PAGE_ROUNDS sets its rounds
 * (test/bench/content-script-cost.ts). The sink and the accept phase's client run in processes of
 * their own; the relay (1, 2) and nodemailer run in this one.
 *
 * The last line is `bench-summary: {json}` with every figure and the raw numbers behind them
 * (test/bench/bench-summary.ts).
 */
import type { Database } from 'better-sqlite3';
import { serve } from '@hono/node-server';
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { hashSecretToken, newBearerToken } from '../../relay/auth/tokens';
import { loadConfig } from '../../relay/config';
import { createRelay } from '../../relay/relay';
import { invoicePdf, postInvoices, type AcceptLoad, type AcceptOutcome } from './accept-client';
import { BenchSummary } from './bench-summary';
import { formatMemory, measureMemory } from './memory';
import { formatThreadCpu, threadCpuSince, threadSnapshot, type ThreadCpu } from './thread-cpu';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
/** The invoice's PDF: 100 KB, the size issue 18 measures accepting with. */
const PDF_BYTES = Number(process.env.BENCH_PDF_BYTES ?? 100 * 1024);
const CONNECTIONS = 5;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MEMORY_ROUNDS = 2;
const ONLY = process.env.BENCH_ONLY;
/** BENCH_ACCEPT_CLIENT=inline: the accept phase's HTTP client runs in this process, as the relay (see accept-client.ts). */
const INLINE_CLIENT = process.env.BENCH_ACCEPT_CLIENT === 'inline';
const summary = new BenchSummary();

interface Sink {
  port: number;
  count(): Promise<{ count: number; bytes: number }>;
  /** Resolves once the sink holds `count` messages (it answers when the last one arrives). */
  reached(count: number): Promise<{ count: number; bytes: number }>;
  reset(): Promise<void>;
  close(): void;
}

async function startSink(): Promise<Sink> {
  const child: ChildProcess = fork(path.resolve('test/bench/smtp-sink.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (message: string | { waitFor: number }) =>
    new Promise<{ count: number; bytes: number }>((resolve) => {
      child.once('message', (reply) => resolve(reply as { count: number; bytes: number }));
      child.send(message);
    });
  const { port } = await new Promise<{ port: number }>((resolve) => child.once('message', (m) => resolve(m as { port: number })));
  return { port, count: () => ask('count'), reached: (count) => ask({ waitFor: count }), reset: async () => void (await ask('reset')), close: () => child.kill() };
}

/**
 * The sink says when it holds `count` messages: asking it every few milliseconds cost CPU in both processes on the relay's time
 * only (plain nodemailer's sends resolve by themselves, so it asked once at the end).
 */
async function waitForSink(sink: Sink, count: number, timeoutMs = 300_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the sink did not receive ${count} messages within ${timeoutMs} ms`)), timeoutMs)));
  try {
    await Promise.race([sink.reached(count), timedOut]);
  } finally {
    clearTimeout(timer);
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

  // An invoice: text and a PDF of PDF_BYTES, posted by the client process (test/bench/accept-client.ts),
  // or by this one with BENCH_ACCEPT_CLIENT=inline (how the figures before issue 18's work were taken).
  const load = { url, token, messages: MESSAGES, concurrency: CONCURRENCY, pdfBytes: PDF_BYTES };
  const client = INLINE_CLIENT ? undefined : await startAcceptClient(load);
  const pdf = client ? '' : invoicePdf(PDF_BYTES);
  const acceptProfiler = process.env.BENCH_PROFILE_ACCEPT && options.profile ? await startProfiler() : undefined;
  const acceptStarted = performance.now();
  const acceptCpu = process.cpuUsage();
  const acceptThreads = threadSnapshot();
  const outcome = client ? await client.go() : await postInvoices(load, pdf);
  await acceptProfiler?.(process.env.BENCH_PROFILE_ACCEPT!);
  acceptRetries += outcome.retries;
  const latencies = outcome.latencies;
  const acceptSeconds = (performance.now() - acceptStarted) / 1000;
  // CPU time of this process: the relay's alone with the client in its own process (the default),
  // the relay's and the client's with BENCH_ACCEPT_CLIENT=inline. Steadier than wall time.
  const acceptCpuMs = cpuMsSince(acceptCpu);
  const acceptThreadCpu = threadCpuSince(acceptThreads);
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
    const threads = threadSnapshot();
    relay.worker.start();
    await waitForSink(sink, MESSAGES);
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = cpuMsSince(cpu);
    const threadCpu = threadCpuSince(threads);
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
    return { seconds, cpuMs, recordedSeconds, threadCpu };
  };
  // Plain pooled nodemailer: the same bytes, envelopes, connections and messages per connection.
  const plainDelivers = async () => {
    await sink.reset();
    collectGarbage();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, pool: true, maxConnections: CONNECTIONS, maxMessages: 100 });
    const profiler = process.env.BENCH_PROFILE_PLAIN && options.profile ? await startProfiler() : undefined;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const threads = threadSnapshot();
    await Promise.all(stored.map((m) => transport.sendMail({ envelope: JSON.parse(m.envelope), raw: m.raw })));
    await waitForSink(sink, MESSAGES);
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = cpuMsSince(cpu);
    const threadCpu = threadCpuSince(threads);
    await profiler?.(process.env.BENCH_PROFILE_PLAIN!);
    transport.close();
    return { seconds, cpuMs, threadCpu };
  };
  let relayResult: { seconds: number; cpuMs: number; recordedSeconds: number; threadCpu: ThreadCpu };
  let plainResult: { seconds: number; cpuMs: number; threadCpu: ThreadCpu };
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
    acceptCpuMs,
    acceptThreadCpu,
    relaySeconds: relayResult.seconds,
    relayRecordedSeconds: relayResult.recordedSeconds,
    relayCpuMs: relayResult.cpuMs,
    relayThreadCpu: relayResult.threadCpu,
    plainSeconds: plainResult.seconds,
    plainCpuMs: plainResult.cpuMs,
    plainThreadCpu: plainResult.threadCpu,
  };
}

/** Requests sent again after the connection broke (accept-client.ts), over the whole run. */
let acceptRetries = 0;

/**
 * The accept phase's client in a process of its own (test/bench/accept-client.ts), its PDF built
 * before `go()` starts the clock; `go()` resolves with its latencies once every send was accepted.
 */
async function startAcceptClient(load: AcceptLoad): Promise<{ go: () => Promise<AcceptOutcome> }> {
  const child = fork(path.resolve('test/bench/accept-client.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`the accept client stopped (exit code ${code})`)));
    });
  const ready = next();
  child.send({ load });
  await ready;
  return {
    go: async () => {
      const done = next();
      child.send({ go: true });
      const answer = (await done) as AcceptOutcome | { error: string };
      child.kill();
      if ('error' in answer) throw new Error(`accept client: ${answer.error}`);
      return answer;
    },
  };
}

/**
 * Each side starts on a clean heap: the accept phase's garbage (1,000 requests) is not collected
 * on the time of whichever side delivers first. `npm run bench` runs node with --expose-gc.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * BENCH_PROFILE=file.cpuprofile: a CPU profile of the relay's delivery phase alone (Chrome DevTools
 * format); BENCH_PROFILE_PLAIN=file.cpuprofile: of plain nodemailer's delivery of the same messages, to
 * compare with; BENCH_PROFILE_ACCEPT=file.cpuprofile: of its accept phase alone (the main thread's; the
 * SQLite thread's work is not in it). All of the first counted round.
 */
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

async function main() {
  const sink = await startSink();
  try {
    console.log(
      `ownpost bench: ${MESSAGES} messages with a ${(PDF_BYTES / 1024).toFixed(0)} KB PDF each, ${CONCURRENCY} concurrent requests, ` +
        `${CONNECTIONS} SMTP connections, Node ${process.version}, ${os.cpus().length} CPUs`,
    );
    if (!ONLY || ONLY === 'speed') await benchSpeed(sink);
    if (!ONLY || ONLY === 'memory') await benchMemoryReport(sink);
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
  // Per round, like the delivery ratio: accepting and nodemailer's delivery under the same conditions.
  const acceptRatios = rounds.map((r) => r.plainSeconds / r.acceptSeconds);
  console.log(`accept ratio accepted sends/s / nodemailer's delivery msg/s (median): ${median(acceptRatios).toFixed(2)} (aim >= 1.0; rounds ${list(acceptRatios, 2)})`);
  console.log(
    `delivery throughput (median): relay ${median(relayRates).toFixed(0)} msg/s at the sink, ${median(recordedRates).toFixed(0)} msg/s recorded as sent; plain pooled nodemailer ${median(plainRates).toFixed(0)} msg/s`,
  );
  console.log(`throughput ratio relay/nodemailer (median): ${median(ratios).toFixed(2)} (aim >= 0.95); counting until recorded as sent: ${median(recordedRatios).toFixed(2)}`);
  // CPU per message of this process (the sink is elsewhere): steadier than wall time on a busy machine.
  const relayCpu = median(rounds.map((r) => r.relayCpuMs / MESSAGES));
  const plainCpu = median(rounds.map((r) => r.plainCpuMs / MESSAGES));
  for (const [i, r] of rounds.entries()) {
    console.log(`round ${i + 1} CPU per thread: accept ${formatThreadCpu(r.acceptThreadCpu, MESSAGES)}`);
    console.log(`round ${i + 1} CPU per thread: relay delivery ${formatThreadCpu(r.relayThreadCpu, MESSAGES)}`);
    console.log(`round ${i + 1} CPU per thread: nodemailer ${formatThreadCpu(r.plainThreadCpu, MESSAGES)}`);
  }
  console.log(`CPU per delivered message (median): relay ${relayCpu.toFixed(3)} ms, nodemailer ${plainCpu.toFixed(3)} ms (ratio nodemailer/relay ${(plainCpu / relayCpu).toFixed(2)})`);
  summary.record(
    'speed',
    { deliveryRatio: median(ratios), acceptRatio: median(acceptRatios) },
    {
      messages: MESSAGES,
      pdfBytes: PDF_BYTES,
      concurrency: CONCURRENCY,
      connections: CONNECTIONS,
      rounds: ROUNDS,
      deliveryRatios: ratios,
      recordedRatios,
      acceptRatios,
      relayPerSecond: relayRates,
      relayRecordedPerSecond: recordedRates,
      nodemailerPerSecond: plainRates,
      acceptedPerSecond: rounds.map((r) => MESSAGES / r.acceptSeconds),
      acceptP50Ms: p50,
      acceptP99Ms: p99,
      acceptRetries,
      acceptClient: INLINE_CLIENT ? 'inline' : 'process',
      acceptCpuMsPerMessage: median(rounds.map((r) => r.acceptCpuMs / MESSAGES)),
      relayCpuMsPerMessage: relayCpu,
      nodemailerCpuMsPerMessage: plainCpu,
      threadCpuMs: rounds.map((r) => ({ accept: r.acceptThreadCpu, relay: r.relayThreadCpu, nodemailer: r.plainThreadCpu })),
    },
  );
}

async function benchMemoryReport(sink: Sink) {
  const memorySink = { port: sink.port, reset: sink.reset, waitFor: (count: number) => waitForSink(sink, count) };
  const sqlite = await measureMemory(memorySink, 'sqlite', MEMORY_ROUNDS);
  console.log(formatMemory(sqlite));
  const postgres = await measureMemory(memorySink, 'postgres', MEMORY_ROUNDS);
  console.log(formatMemory(postgres));
  summary.record('memory', { memoryRatioSqlite: sqlite.ratio, memoryRatioPostgres: postgres.ratio }, { sqlite, postgres });
}

await main();

// Several relay instances (issue 9): delivery throughput of whole relay processes on SQLite, on
// PostgreSQL, and one and two of them on one PostgreSQL database with a slow sink
// (test/bench/instances-throughput.ts, which also runs alone). BENCH_INSTANCES_MESSAGES sets the load.
if (!ONLY || ONLY === 'instances') {
  const { formatInstancesThroughput, instancesFigures, measureInstancesThroughput } = await import('./instances-throughput');
  const results = await measureInstancesThroughput(Number(process.env.BENCH_INSTANCES_MESSAGES ?? 500));
  console.log(`delivery throughput by store and instances (best of 2 rounds):\n${formatInstancesThroughput(results)}`);
  summary.record('instances', instancesFigures(results), results);
}

// SMTP intake against the HTTP API (issue 19): how fast the SMTP front door takes invoices into the
// outbox compared with POST /v1/messages (test/bench/smtp-intake.ts, which also runs alone).
if (!ONLY || ONLY === 'smtp') {
  const { formatSmtpIntake, measureSmtpIntake } = await import('./smtp-intake');
  await measureSmtpIntake(Math.min(100, MESSAGES), CONCURRENCY); // warm-up, not counted
  const intake = await measureSmtpIntake(MESSAGES, CONCURRENCY);
  console.log(formatSmtpIntake(intake, CONCURRENCY));
  summary.record('smtpIntake', {}, { concurrency: CONCURRENCY, ...intake });
}

// What the in-page script costs the invoicing app's pages (issue 7): its gzipped size, and the main
// thread's time for loading an invoice page in Chromium with the production extension against the
// same page without it (test/bench/content-script-cost.ts, which also runs alone).
if (!ONLY || ONLY === 'page') {
  const { formatContentScriptCost, measureContentScriptCost } = await import('./content-script-cost');
  const cost = await measureContentScriptCost();
  console.log(formatContentScriptCost(cost));
  // The page part's own headline figure, where its module computes one (null otherwise).
  const { pageAddedOverFloorMs } = cost as { pageAddedOverFloorMs?: number };
  summary.record('page', { pageAddedOverFloorMs: pageAddedOverFloorMs ?? null }, cost);
}

console.log(summary.line());
