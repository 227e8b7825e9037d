/**
 * The relay's Prometheus metrics (issue 20), served at `GET /metrics` (relay/routes/metrics-routes.ts).
 *
 * One registry per process, as Prometheus scrapes a process: the hooks below are plain functions, so
 * the code they observe calls them in one line without carrying a metrics object around. Several
 * relays in one process (tests) add to the same counters. Labels hold only bounded values (outcomes,
 * problem codes from the catalogue, route patterns), never addresses, ids or hosts.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { MESSAGE_STATUSES } from '../../shared/schemas';
import type { Store } from '../store/types';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'ownpost_' });

const queueDepth = new Gauge({
  name: 'ownpost_outbox_messages',
  help: 'Messages in the outbox by status (read from the database at each scrape; shared by every instance on PostgreSQL).',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
});

const attempts = new Counter({
  name: 'ownpost_delivery_attempts_total',
  help: 'Delivery attempts by outcome (sent, deferred, failed) and problem code (none when sent).',
  labelNames: ['outcome', 'problem_code'] as const,
  registers: [metricsRegistry],
});

const sends = new Counter({
  name: 'ownpost_messages_finished_total',
  help: 'Messages that reached a final status (sent or failed), by problem code (none when sent).',
  labelNames: ['outcome', 'problem_code'] as const,
  registers: [metricsRegistry],
});

const deliverySeconds = new Histogram({
  name: 'ownpost_delivery_seconds',
  help: 'From a message being accepted to its final status (sent or failed), retries included.',
  labelNames: ['outcome'] as const,
  buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 4 * 3600, 24 * 3600, 48 * 3600],
  registers: [metricsRegistry],
});

const acceptSeconds = new Histogram({
  name: 'ownpost_message_accept_seconds',
  help: 'POST /v1/messages answered 202: from the request to the answer, the message committed to the outbox.',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

const httpRequests = new Counter({
  name: 'ownpost_http_requests_total',
  help: 'HTTP requests by method, route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

const smtpTransports = new Gauge({
  name: 'ownpost_smtp_delivery_pools_open',
  help: "Senders with an open pool of delivery SMTP connections (each up to the sender's maxConnections).",
  registers: [metricsRegistry],
});

const smtpConnections = new Counter({
  name: 'ownpost_smtp_connections_total',
  help: 'SMTP connections by side: delivery pools opened to mailboxes (one per sender and change), sessions on the SMTP front door.',
  labelNames: ['side'] as const,
  registers: [metricsRegistry],
});

const senderTests = new Counter({
  name: 'ownpost_sender_tests_total',
  help: 'Sender tests (POST /v1/diagnose, /v1/profiles/:id/test, test before save) by outcome and problem code.',
  labelNames: ['outcome', 'problem_code'] as const,
  registers: [metricsRegistry],
});

const rateLimited = new Counter({
  name: 'ownpost_rate_limited_total',
  help: 'Requests refused with 429 rate_limited, by reason (tests, auth_failures, busy, …).',
  labelNames: ['reason'] as const,
  registers: [metricsRegistry],
});

/** A delivery attempt was recorded. `acceptedAt`: when the message was accepted (its createdAt). */
export function observeDeliveryAttempt(result: { outcome: 'sent' | 'deferred' | 'failed'; problemCode?: string | null }, acceptedAt: number): void {
  const problemCode = result.outcome === 'sent' ? 'none' : (result.problemCode ?? 'unknown');
  attempts.inc({ outcome: result.outcome, problem_code: problemCode });
  if (result.outcome === 'deferred') return;
  sends.inc({ outcome: result.outcome, problem_code: problemCode });
  deliverySeconds.observe({ outcome: result.outcome }, Math.max(0, Date.now() - acceptedAt) / 1000);
}

/** An HTTP request was answered. `route`: Hono's route pattern (`/v1/messages/:id`), never the path with ids. */
export function observeHttpRequest(request: { method: string; route: string; status: number; ms: number }): void {
  httpRequests.inc({ method: request.method, route: request.route, status: String(request.status) });
  if (request.method === 'POST' && request.route === '/v1/messages' && request.status === 202) acceptSeconds.observe(request.ms / 1000);
}

const openPools = new Set<object>();

/** A sender's pool of delivery SMTP connections opened or closed (closing one twice counts once). */
export function observeSmtpDeliveryPool(pool: object, event: 'opened' | 'closed'): void {
  if (event === 'opened' && !openPools.has(pool)) {
    openPools.add(pool);
    smtpConnections.inc({ side: 'delivery' });
  }
  if (event === 'closed') openPools.delete(pool);
  smtpTransports.set(openPools.size);
}

/** A client connected to the relay's SMTP front door. */
export function observeSmtpFrontDoorConnection(): void {
  smtpConnections.inc({ side: 'front_door' });
}

export function observeSenderTest(result: { ok: boolean; problem?: { code: string } }): void {
  senderTests.inc({ outcome: result.ok ? 'passed' : 'failed', problem_code: result.ok ? 'none' : (result.problem?.code ?? 'unknown') });
}

export function observeRateLimited(reason: string | undefined): void {
  rateLimited.inc({ reason: reason ?? 'unknown' });
}

/** The text of a scrape: the outbox counted now, then every metric. */
export async function renderMetrics(store: Store): Promise<{ contentType: string; body: string }> {
  const counts = await store.countMessagesByStatus();
  for (const status of MESSAGE_STATUSES) queueDepth.set({ status }, counts[status] ?? 0);
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
