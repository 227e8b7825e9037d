/**
 * Delivery throughput of whole relay processes: one on SQLite, one and two on PostgreSQL, the
 * same messages to the same local SMTP server. Wired into `npm run bench` by test/bench/run.ts.
 *
 * Each setup accepts `messages` over HTTP (round-robin over its instances, 16 requests at a time)
 * while its workers deliver them; the figure is messages per second from the first request until
 * the SMTP server holds every message. The setups take turns for `rounds` rounds and the best round
 * of each counts, so that a burst of other work on the machine does not decide the ratios. Every
 * process (PostgreSQL, the relays, the SMTP server and this load generator) shares the machine's
 * CPUs: a second instance can only add throughput where there are cores to spare.
 */
import os from 'node:os';
import { deliveryCounts, enqueueMessages, startRelayCluster, waitForDistinctMessages, type ClusterOptions } from '../helpers/relay-cluster';
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

const SETUPS: { label: string; options: ClusterOptions }[] = [
  { label: 'SQLite, 1 instance', options: { store: 'sqlite', instances: 1 } },
  { label: 'PostgreSQL, 1 instance', options: { store: 'postgres', instances: 1 } },
  { label: 'PostgreSQL, 2 instances', options: { store: 'postgres', instances: 2 } },
];

async function measure(label: string, options: ClusterOptions, messages: number): Promise<InstancesThroughput> {
  const smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  const cluster = await startRelayCluster(smtp, options);
  try {
    const started = performance.now();
    await enqueueMessages(cluster, messages);
    const acceptSeconds = (performance.now() - started) / 1000;
    await waitForDistinctMessages(smtp, messages, 300_000);
    const seconds = (performance.now() - started) / 1000;
    return { label, messages, seconds, perSecond: messages / seconds, acceptSeconds, duplicates: deliveryCounts(smtp).duplicates };
  } finally {
    await cluster.stop();
    await smtp.close();
  }
}

export async function measureInstancesThroughput(messages = 500, rounds = 2): Promise<InstancesThroughput[]> {
  const best = new Map<string, InstancesThroughput>();
  for (let round = 0; round < rounds; round++) {
    for (const { label, options } of SETUPS) {
      const result = await measure(label, options, messages);
      const previous = best.get(label);
      // Duplicates are a correctness matter, not luck: any round's count is reported.
      const duplicates = Math.max(result.duplicates, previous?.duplicates ?? 0);
      best.set(label, { ...(previous && previous.perSecond >= result.perSecond ? previous : result), duplicates });
    }
  }
  return SETUPS.map(({ label }) => best.get(label)!);
}

export function formatInstancesThroughput(results: InstancesThroughput[]): string {
  const [sqlite, pgOne, pgTwo] = results as [InstancesThroughput, InstancesThroughput, InstancesThroughput];
  const lines = results.map(
    (r) =>
      `  ${r.label.padEnd(24)} ${r.perSecond.toFixed(1).padStart(7)} msg/s  (${(r.perSecond / sqlite.perSecond).toFixed(2)}× SQLite; ` +
      `${r.messages} accepted in ${r.acceptSeconds.toFixed(1)} s, delivered in ${r.seconds.toFixed(1)} s, ${r.duplicates} duplicates)`,
  );
  lines.push(
    `  ratios: PostgreSQL 1 instance / SQLite ${(pgOne.perSecond / sqlite.perSecond).toFixed(2)}, ` +
      `PostgreSQL 2 instances / 1 instance ${(pgTwo.perSecond / pgOne.perSecond).toFixed(2)}, ` +
      `PostgreSQL 2 instances / SQLite ${(pgTwo.perSecond / sqlite.perSecond).toFixed(2)} (${os.cpus().length} CPUs shared by every process)`,
  );
  return lines.join('\n');
}

// `node --import tsx test/bench/instances-throughput.ts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measureInstancesThroughput(Number(process.env.BENCH_MESSAGES ?? 500));
  console.log('Delivery throughput by store and instances\n' + formatInstancesThroughput(results));
}
