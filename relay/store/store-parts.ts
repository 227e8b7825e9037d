/**
 * How a Store is put together: the repositories, written once over the query builder
 * (relay/store/repositories/), and the outbox's hot path, written for each database
 * (sqlite/sqlite-outbox.ts, postgres/postgres-outbox.ts). The rest (opening, closing, health) is
 * each store's own.
 */
import type { ClaimedMessage, EnqueueResult, FinishedAttempt, InstanceState, NewSend } from './types';

/** The outbox's hot path: each database's own statements. */
export interface Outbox {
  /**
   * Commits a send and all its messages to the outbox durably, in one transaction (the caller
   * answers 202 only after this resolves). When the user already used the idempotency key, nothing
   * is written and the existing send's messages come back instead, with whether the request matched.
   */
  enqueueSend(send: NewSend): Promise<EnqueueResult>;
  /**
   * Claims up to `limit` due messages for `owner` until `now + leaseMs`. A message whose lease
   * expired (its worker died mid-attempt) is due again; its lost attempt is recorded as
   * `interrupted`, which does not count towards giving up.
   */
  claimDueMessages(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]>;
  /** Extends the leases `owner` still holds (a long send must not be claimed twice). */
  renewLeases(ids: string[], owner: string, until: number): Promise<void>;
  /**
   * Records attempts and applies their results in one transaction, each only if `owner` still holds
   * its lease. Returns, per attempt, whether it was applied.
   */
  finishAttempts(owner: string, finished: FinishedAttempt[]): Promise<boolean[]>;
  /** Gives a claimed message back without counting an attempt (shutdown). */
  releaseLease(id: string, owner: string, now: number): Promise<void>;
  /** Puts a claimed message back, due at `until`, without an attempt: it waits for its profile's rate limit. */
  postponeMessage(id: string, owner: string, until: number): Promise<void>;
  /** Sent messages whose Sent-folder copy is due; claiming pushes `sent_copy_next_at` to `now + leaseMs`. */
  claimDueSentCopies(now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]>;
  /**
   * Tells the store a delivery worker `owner` runs here, and beats its heartbeat: call it at start
   * and every `heartbeatMs`. On SQLite the first caller takes the outbox lock (relay/store/sqlite/
   * outbox-lock.ts) and, on taking it, every message claimed by any other owner is due again at
   * once (no other process can be sending it); a caller without the lock must not claim. On
   * PostgreSQL every instance may claim, and with `takeOver`, the messages of instances whose last
   * heartbeat is older than `deadAfterMs` are due again at once. Returns how many were taken back.
   */
  instanceHeartbeat(owner: string, options: { now: number; deadAfterMs: number; takeOver: boolean }): Promise<InstanceState>;
  /** The worker `owner` stopped (after giving back its messages): its lock or heartbeat goes. */
  endInstance(owner: string): Promise<void>;
}

/** A store's own methods: opening and closing its database, and telling whether it is healthy. */
export interface StoreLifecycle {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects otherwise (for `/readyz`). */
  ping(): Promise<void>;
  /**
   * Resolves when the store can take a write now; rejects with an error that `storeFailureOf`
   * reads as `storage_full` (disk nearly full, or the last write failed for room) or
   * `store_unavailable` (a read-only database) otherwise (for `/readyz`, issue 15).
   */
  checkWritable(): Promise<void>;
}

const OUTBOX_METHODS = [
  'enqueueSend',
  'claimDueMessages',
  'renewLeases',
  'finishAttempts',
  'releaseLease',
  'postponeMessage',
  'claimDueSentCopies',
  'instanceHeartbeat',
  'endInstance',
] as const satisfies readonly (keyof Outbox)[];

/** The outbox's methods, bound to it, to be spread into a store. */
export function outboxMethods(outbox: Outbox): Outbox {
  return Object.fromEntries(OUTBOX_METHODS.map((name) => [name, (outbox[name] as (...args: unknown[]) => unknown).bind(outbox)])) as unknown as Outbox;
}
