/**
 * Delivery throughput of whole relay processes: one on SQLite, one and two on PostgreSQL, the
 * same messages to the same local SMTP server. Wired into `npm run bench` by test/bench/run.ts.
 */
import { deliveryCounts, enqueueMessages, startRelayCluster, waitForDistinctMessages, type ClusterOptions } from '../helpers/relay-cluster';
import { startSmtpServer } from '../helpers/smtp-server';

export interface InstancesThroughput {
  label: string;
  messages: number;
  seconds: number;
  perSecond: number;
  duplicates: number;
}

async function measure(label: string, options: ClusterOptions, messages: number): Promise<InstancesThroughput> {
  const smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  const cluster = await startRelayCluster(smtp, options);
  try {
    const started = performance.now();
    await enqueueMessages(cluster, messages);
    await waitForDistinctMessages(smtp, messages, 300_000);
    const seconds = (performance.now() - started) / 1000;
    return { label, messages, seconds, perSecond: messages / seconds, duplicates: deliveryCounts(smtp).duplicates };
  } finally {
    await cluster.stop();
    await smtp.close();
  }
}

export async function measureInstancesThroughput(messages = 500): Promise<InstancesThroughput[]> {
  return [
    await measure('SQLite, 1 instance', { store: 'sqlite', instances: 1 }, messages),
    await measure('PostgreSQL, 1 instance', { store: 'postgres', instances: 1 }, messages),
    await measure('PostgreSQL, 2 instances', { store: 'postgres', instances: 2 }, messages),
  ];
}

export function formatInstancesThroughput(results: InstancesThroughput[]): string {
  const base = results[0]!.perSecond;
  return results
    .map((r) => `  ${r.label.padEnd(26)} ${r.perSecond.toFixed(1).padStart(7)} msg/s  (${(r.perSecond / base).toFixed(2)}× SQLite; ${r.messages} in ${r.seconds.toFixed(1)} s, ${r.duplicates} duplicates)`)
    .join('\n');
}

// `node --import tsx test/bench/instances-throughput.ts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measureInstancesThroughput(Number(process.env.BENCH_MESSAGES ?? 500));
  console.log('Delivery throughput by store and instances\n' + formatInstancesThroughput(results));
}
