/**
 * Delivery throughput of whole relay processes: one on SQLite, one and two on PostgreSQL, the
 * same messages to the same local SMTP server; and one and two on PostgreSQL again with a server
 * that takes SLOW_SINK_MS per message, as a real mail server does. There the relays wait on the
 * server rather than on the CPUs, so a second instance should nearly double the throughput
 * (pgTwoOverOne); the fast server measures what the store costs (pgOverSqlite). Wired into
 * `npm run bench` by test/bench/run.ts.
 *
 * Each setup accepts `messages` over HTTP (round-robin over its instances, 16 requests at a time, see postMessages)
 * while its workers deliver them; the figure is messages per second from the first request until
 * the SMTP server holds every message. The setups take turns for `rounds` rounds and the best round
 * of each counts, so that a burst of other work on the machine does not decide the ratios. Every
 * process (PostgreSQL, the relays, the SMTP server and this load generator) shares the machine's
 * CPUs: a second instance can only add throughput where there are cores to spare.
 */
import { Agent } from 'node:http';
import os from 'node:os';
import { post, postWithRetry } from './accept-client';
import type { BenchFigures } from './bench-summary';
import { deliveryCounts, startRelayCluster, waitForDistinctMessages, type ClusterOptions, type RelayCluster } from '../helpers/relay-cluster';
import { startSmtpServer } from '../helpers/smtp-server';

export interface InstancesThroughput {
  label: string;
  messages: number;
  /** From the first request until every message was delivered. */
  seconds: number;
  perSecond: number;
  /** Until the last message was accepted (202). */
  acceptSeconds: number;
  duplicates: number;
}

/** How long the slow server takes to answer each message. */
const SLOW_SINK_MS = 50;

interface Setup {
  label: string;
  options: ClusterOptions;
  /** The server's time per message, on top of its own work. */
  sinkMs?: number;
}

const SETUPS: Setup[] = [
  { label: 'SQLite, 1 instance', options: { store: 'sqlite', instances: 1 } },
  { label: 'PostgreSQL, 1 instance', options: { store: 'postgres', instances: 1 } },
  { label: 'PostgreSQL, 2 instances', options: { store: 'postgres', instances: 2 } },
  { label: `PostgreSQL, 1 instance, ${SLOW_SINK_MS} ms sink`, options: { store: 'postgres', instances: 1 }, sinkMs: SLOW_SINK_MS },
  { label: `PostgreSQL, 2 instances, ${SLOW_SINK_MS} ms sink`, options: { store: 'postgres', instances: 2 }, sinkMs: SLOW_SINK_MS },
];

async function measure({ label, options, sinkMs }: Setup, messages: number): Promise<InstancesThroughput> {
  const smtp = await startSmtpServer({
    users: { 'anna@firma.se': 'correct horse battery staple' },
    ...(sinkMs ? { onMessage: () => new Promise<void>((resolve) => setTimeout(resolve, sinkMs)) } : {}),
  });
  const cluster = await startRelayCluster(smtp, options);
  try {
    const started = performance.now();
    await postMessages(cluster, messages);
    const acceptSeconds = (performance.now() - started) / 1000;
    await waitForDistinctMessages(smtp, messages, 300_000);
    const seconds = (performance.now() - started) / 1000;
    return { label, messages, seconds, perSecond: messages / seconds, acceptSeconds, duplicates: deliveryCounts(smtp).duplicates };
  } finally {
    await cluster.stop();
    await smtp.close();
  }
}

/** Requests in flight at once while a setup accepts its messages. */
const PARALLEL = 16;

/**
 * The setup's load: `messages` short sends, PARALLEL at a time, round-robin over the instances,
 * with Node's own HTTP client over keep-alive connections, as the accept phase's client does
 * (accept-client.ts): fetch cost this process about 2.5 ms of CPU per request, twice what a relay
 * spends accepting one, on the two CPUs every process here shares.
 */
async function postMessages(cluster: RelayCluster, messages: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: PARALLEL * cluster.instances.length });
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < messages) {
          const n = next++;
          const body = Buffer.from(JSON.stringify({ profileId: cluster.profileId, to: ['kund@exempel.se'], subject: `Faktura ${n}`, text: `Invoice ${n}` }));
          const headers = { Authorization: `Bearer ${cluster.token}`, 'Content-Type': 'application/json', 'Content-Length': String(body.length), 'Idempotency-Key': `instances-${n}` };
          const target = new URL(`${cluster.instances[n % cluster.instances.length]!.url}/v1/messages`);
          // Sent again only when a kept-alive connection broke before the answer; the key makes that safe.
          const status = await postWithRetry(
            () => post(target, agent, headers, [body]),
            () => {},
          );
          if (status !== 202) throw new Error(`POST ${n}: ${status}`);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
}

/**
 * `BENCH_SETUPS=0,1` measures only those setups (indices into SETUPS), for quick comparisons while
 * tuning; the ratios then need the setups they divide.
 */
function chosenSetups(): Setup[] {
  const only = process.env.BENCH_SETUPS;
  if (!only) return SETUPS;
  const indices = new Set(only.split(',').map(Number));
  return SETUPS.filter((_, i) => indices.has(i));
}

export async function measureInstancesThroughput(messages = 500, rounds = 2): Promise<InstancesThroughput[]> {
  const best = new Map<string, InstancesThroughput>();
  const setups = chosenSetups();
  for (let round = 0; round < rounds; round++) {
    for (const setup of setups) {
      const { label } = setup;
      const result = await measure(setup, messages);
      const previous = best.get(label);
      // Duplicates are a correctness matter, not luck: any round's count is reported.
      const duplicates = Math.max(result.duplicates, previous?.duplicates ?? 0);
      best.set(label, { ...(previous && previous.perSecond >= result.perSecond ? previous : result), duplicates });
    }
  }
  return setups.map(({ label }) => best.get(label)!);
}

/** A setup's result by its place in SETUPS; undefined when BENCH_SETUPS left it out. */
const resultOf = (results: InstancesThroughput[], index: number) => results.find((r) => r.label === SETUPS[index]!.label);

/** `a / b` per second, or null when either setup did not run. */
const ratio = (a: InstancesThroughput | undefined, b: InstancesThroughput | undefined) => (a && b ? a.perSecond / b.perSecond : null);

const shown = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));

/** The summary's figures (test/bench/bench-summary.ts): null for a ratio whose setups BENCH_SETUPS left out. */
export function instancesFigures(results: InstancesThroughput[]): Pick<BenchFigures, 'pgOverSqlite' | 'pgTwoOverOne'> {
  const [sqlite, pgOne, , slowOne, slowTwo] = SETUPS.map((_, i) => resultOf(results, i));
  return { pgOverSqlite: ratio(pgOne, sqlite), pgTwoOverOne: ratio(slowTwo, slowOne) };
}

export function formatInstancesThroughput(results: InstancesThroughput[]): string {
  const [sqlite, pgOne, pgTwo, slowOne, slowTwo] = SETUPS.map((_, i) => resultOf(results, i));
  const lines = results.map(
    (r) =>
      `  ${r.label.padEnd(24)} ${r.perSecond.toFixed(1).padStart(7)} msg/s  (${shown(ratio(r, sqlite))}× SQLite; ` +
      `${r.messages} accepted in ${r.acceptSeconds.toFixed(1)} s, delivered in ${r.seconds.toFixed(1)} s, ${r.duplicates} duplicates)`,
  );
  lines.push(
    `  ratios: PostgreSQL 1 instance / SQLite ${shown(ratio(pgOne, sqlite))}, ` +
      `PostgreSQL 2 instances / 1 instance ${shown(ratio(pgTwo, pgOne))}, ` +
      `PostgreSQL 2 instances / SQLite ${shown(ratio(pgTwo, sqlite))} (${os.cpus().length} CPUs shared by every process)`,
    `  with a ${SLOW_SINK_MS} ms sink: PostgreSQL 2 instances / 1 instance ${shown(ratio(slowTwo, slowOne))} (aim >= 1.8); ` +
      `PostgreSQL 1 instance / SQLite without it ${shown(ratio(pgOne, sqlite))} (aim >= 0.9)`,
  );
  return lines.join('\n');
}

// `node --import tsx test/bench/instances-throughput.ts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measureInstancesThroughput(Number(process.env.BENCH_MESSAGES ?? 500), Number(process.env.BENCH_ROUNDS ?? 2));
  console.log('Delivery throughput by store and instances\n' + formatInstancesThroughput(results));
}
