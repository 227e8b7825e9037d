/**
 * One fault run's client side and its books (issue 15): messages are posted as the extension does
 * (the same Idempotency-Key until a 202), and at the end every accepted message is either
 * delivered (answered 250 by the server, counted by Message-ID) or failed for a reason the relay
 * reports; anything else is lost. Duplicates are Message-IDs the server acknowledged more than once.
 */
import type { FaultySmtpServer } from './faulty-smtp-server';
import { relayApi, type RelayCluster } from './relay-cluster';

export interface AcceptedMessage {
  id: string;
  messageId: string;
}

export interface FaultCounts {
  accepted: number;
  deliveredUnique: number;
  duplicates: number;
  failed: number;
  lost: number;
  /** Message-IDs acknowledged more than once. */
  duplicated: string[];
}

/**
 * A pause of a set length, for what is itself a length of time: how long a fault lasts (a stall, a
 * full disk longer than the lease), the pause between a client's retries, the spacing of injected
 * resets. Never to wait for something to happen: that is `waitUntil` (or `waitFor`, wait-for.ts).
 */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `done` every 100 ms until it holds or `timeoutMs` passed; returns whether it held. */
export async function waitUntil(done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await sleep(100); // the poll's interval: the wait is for `done`
  }
}

/**
 * Posts `count` messages, `parallel` at a time, each until the relay answers 202 (network errors,
 * 503s and a relay that is restarting are tried again after a moment, with the same key).
 * `instance` picks where each try goes (the cluster's instances may be replaced meanwhile).
 */
export async function postUntilAccepted(
  cluster: RelayCluster,
  count: number,
  options: { prefix: string; parallel?: number; instance?: (n: number) => number; profileId?: string; refusals?: number[] },
): Promise<Map<number, AcceptedMessage>> {
  const accepted = new Map<number, AcceptedMessage>();
  const queue = Array.from({ length: count }, (_, i) => i);
  await Promise.all(
    Array.from({ length: options.parallel ?? 8 }, async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
        for (;;) {
          try {
            const instance = cluster.instances[options.instance?.(n) ?? 0]!;
            const response = await fetch(`${instance.url}/v1/messages`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${cluster.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `${options.prefix}-${n}` },
              body: JSON.stringify({ profileId: options.profileId ?? cluster.profileId, to: ['kund@exempel.se'], subject: `${options.prefix} ${n}`, text: `Invoice ${n}` }),
            });
            const body = (await response.json()) as { id: string; messageId: string };
            if (response.status === 202) {
              accepted.set(n, { id: body.id, messageId: body.messageId });
              break;
            }
            options.refusals?.push(response.status);
          } catch {
            // The relay is down or restarting: the same request again in a moment.
          }
          await sleep(100); // the client's pause before it tries again, as a real client's
        }
      }
    }),
  );
  return accepted;
}

/** The relay's status of each accepted message (asked of `instance`). */
export async function statusesOf(cluster: RelayCluster, accepted: Iterable<AcceptedMessage>, instance = 0): Promise<Map<string, string>> {
  const statuses = new Map<string, string>();
  for (const { id } of accepted) {
    const res = await relayApi(cluster.instances[instance]!, cluster.token, 'GET', `/v1/messages/${id}`);
    statuses.set(id, res.body.status as string);
  }
  return statuses;
}

export function faultCounts(accepted: Iterable<AcceptedMessage>, servers: FaultySmtpServer[], statuses: Map<string, string> = new Map()): FaultCounts {
  const acks = (messageId: string) => servers.reduce((sum, s) => sum + (s.acknowledged.get(messageId) ?? 0), 0);
  const counts: FaultCounts = { accepted: 0, deliveredUnique: 0, duplicates: 0, failed: 0, lost: 0, duplicated: [] };
  for (const message of accepted) {
    counts.accepted++;
    const n = acks(message.messageId);
    if (n > 0) counts.deliveredUnique++;
    if (n > 1) {
      counts.duplicates += n - 1;
      counts.duplicated.push(message.messageId);
    }
    if (n === 0) {
      if (statuses.get(message.id) === 'failed') counts.failed++;
      else counts.lost++;
    }
  }
  return counts;
}

/** All accepted messages delivered or failed (the relay's word for the failed ones). */
export async function waitForOutcome(cluster: RelayCluster, accepted: Map<number, AcceptedMessage>, servers: FaultySmtpServer[], timeoutMs: number): Promise<FaultCounts> {
  let counts = faultCounts(accepted.values(), servers);
  await waitUntil(async () => {
    counts = faultCounts(accepted.values(), servers);
    if (counts.lost === 0) return true;
    // Only the ones not delivered need asking.
    const open = [...accepted.values()].filter((m) => servers.every((s) => !s.acknowledged.has(m.messageId)));
    try {
      counts = faultCounts(accepted.values(), servers, await statusesOf(cluster, open));
    } catch {
      return false;
    }
    return counts.lost === 0;
  }, timeoutMs);
  return counts;
}
