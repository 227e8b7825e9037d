/**
 * How a Store is put together: the repositories, written once over the query builder
 * (relay/store/repositories/), and the outbox's hot path, written for each database
 * (sqlite/sqlite-outbox.ts, postgres/postgres-outbox.ts). The rest (opening, closing, health) is
 * each store's own.
 */
import type { Store } from './types';

export const OUTBOX_METHODS = [
  'enqueueSend',
  'claimDueMessages',
  'renewLeases',
  'finishAttempts',
  'finishAttempt',
  'releaseLease',
  'postponeMessage',
  'claimDueSentCopies',
  'instanceHeartbeat',
  'endInstance',
] as const satisfies readonly (keyof Store)[];

export type OutboxMethod = (typeof OUTBOX_METHODS)[number];
export type Outbox = Pick<Store, OutboxMethod>;

/** A store's own methods: opening and closing its database, and telling whether it is healthy. */
export type StoreLifecycle = 'kind' | 'close' | 'ping' | 'checkWritable';

/** Everything the repositories serve. */
export type StoreRepositories = Omit<Store, OutboxMethod | StoreLifecycle>;

/** The outbox's methods, bound to it, to be spread into a store. */
export function outboxMethods(outbox: Outbox): Outbox {
  return Object.fromEntries(OUTBOX_METHODS.map((name) => [name, (outbox[name] as (...args: unknown[]) => unknown).bind(outbox)])) as unknown as Outbox;
}
