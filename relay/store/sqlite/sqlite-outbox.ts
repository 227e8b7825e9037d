import type Database from 'better-sqlite3';
import os from 'node:os';
import { attemptValues, MESSAGE_SQL_COLUMNS, sortedByDue, toClaimedMessage } from '../schema/message-row';
import { GroupCommit, type PendingSend } from '../group-commit';
import { RecentStorageFailure } from '../store-errors';
import { BODY_CHUNK_BYTES, type ClaimedMessage, type EnqueueResult, type FinishedAndClaimed, type FinishedAttempt, type InstanceState, type NewSend, type Outbox } from '../types';
import { enqueueOps, enqueueResult } from './enqueue-ops';
import { FreshBodies, freshBodiesBudget } from './fresh-bodies';
import { OutboxLock } from './outbox-lock';
import type { InTurn } from './sqlite-dialect';
import { prepared, runGroups, runOps, SqlThread, type SqlGroupOutcome, type SqlOp, type SqlOpResult } from './sql-thread.mjs';

const FRESH_BODIES_BYTES = freshBodiesBudget(os.totalmem(), process.constrainedMemory?.() ?? 0);

type Row = Record<string, unknown>;

const MESSAGE_COLUMNS = MESSAGE_SQL_COLUMNS.map((column) => `messages.${column}`).join(', ');

// Each kind of due message through its own partial index (migration 008), then the earliest of both: no scan of the outbox. The limit is
// an expression, not the bare parameter: SQLite plans an ORDER BY over this union for the value bound to a bare LIMIT parameter, so every
// claim compiled the statement again (about 40 µs for this part alone, 5 µs with the expression; the plan is the same).
const LIMIT = 'LIMIT CAST(@limit AS INTEGER)';
// `skip`: but the messages whose results are committed in the same transaction (a JSON array of their ids in @skip).
const dueSql = (skip: boolean) => {
  const notSkipped = skip ? ' AND id NOT IN (SELECT value FROM json_each(@skip))' : '';
  return `SELECT id FROM (
     SELECT * FROM (SELECT id, next_attempt_at AS due_at FROM messages WHERE status IN ('queued', 'deferred') AND next_attempt_at <= @now${notSkipped} ORDER BY next_attempt_at ${LIMIT})
     UNION ALL SELECT * FROM (SELECT id, lease_until FROM messages WHERE status = 'sending' AND lease_until <= @now${notSkipped} ORDER BY lease_until ${LIMIT})
   ) ORDER BY due_at ${LIMIT}`;
};
const ANY_DUE_SQL = `SELECT EXISTS (SELECT 1 FROM messages WHERE status IN ('queued', 'deferred') AND next_attempt_at <= @now) AS waiting,
     EXISTS (SELECT 1 FROM messages WHERE status = 'sending' AND lease_until <= @now) AS expired`;
const INSERT_ATTEMPT = 'INSERT INTO attempts (message_id, started_at, finished_at, outcome, reply, response_code, error_code, problem_code)';
// The previous owner died mid-send: the server may have the message; at least once means sending it again.
const recordInterruptedSql = (skip: boolean) => `${INSERT_ATTEMPT} SELECT id, updated_at, @now, 'interrupted', NULL, NULL, NULL, NULL FROM messages
   WHERE status = 'sending' AND lease_until <= @now AND id IN (${dueSql(skip)})`;
const claimSql = (skip: boolean) => `UPDATE messages SET status = 'sending', lease_owner = @owner, lease_until = @until, updated_at = @now WHERE id IN (${dueSql(skip)}) RETURNING ${MESSAGE_COLUMNS}`;
/** Per kind of claim (alone, or after results that it must not claim): recording the interrupted attempts, and the claim itself. */
const CLAIM = { alone: { interrupted: recordInterruptedSql(false), claim: claimSql(false) }, afterResults: { interrupted: recordInterruptedSql(true), claim: claimSql(true) } };
// The claimed bodies created up to @before: those that may not be in memory.
const CLAIMED_BODIES_SQL = `SELECT message_id, raw FROM message_bodies
   WHERE message_id IN (SELECT id FROM messages WHERE status = 'sending' AND lease_until = @until AND lease_owner = @owner AND created_at <= @before)`;

// A result changes the message only while this worker holds its lease, and its attempt is recorded only then.
const HELD = "WHERE id = @id AND lease_owner = @owner AND status = 'sending'";
const COUNTED = 'attempts = attempts + 1, attempt_count = attempt_count + 1, lease_owner = NULL, lease_until = NULL';
const MARK_SENT_SQL = `UPDATE messages SET status = 'sent', ${COUNTED}, last_reply = @reply, problem_code = @problemCode, sent_at = @finishedAt, next_attempt_at = NULL,
     sent_copy_next_at = CASE WHEN sent_copy_status = 'pending' THEN @finishedAt END, updated_at = @finishedAt ${HELD}`;
const MARK_OTHER_SQL = `UPDATE messages SET status = @outcome, ${COUNTED}, last_reply = @reply, problem_code = @problemCode, next_attempt_at = @nextAttemptAt,
     sent_copy_status = CASE WHEN @outcome = 'failed' THEN NULL ELSE sent_copy_status END, updated_at = @finishedAt ${HELD}`;
const INSERT_ATTEMPT_IF_CHANGED_SQL = `${INSERT_ATTEMPT} SELECT @id, @startedAt, @finishedAt, @outcome, @attemptReply, @responseCode, @errorCode, @problemCode WHERE changes() = 1`;
const RENEW_LEASE_SQL = `UPDATE messages SET lease_until = @until ${HELD}`;
const UNLEASE = "status = CASE WHEN attempt_count = 0 THEN 'queued' ELSE 'deferred' END, next_attempt_at = @until, lease_owner = NULL, lease_until = NULL";
const RELEASE_LEASE_SQL = `UPDATE messages SET ${UNLEASE}, updated_at = @until ${HELD}`;
const INSERT_RELEASED_IF_CHANGED_SQL = `${INSERT_ATTEMPT} SELECT @id, @until, @until, 'released', NULL, NULL, NULL, NULL WHERE changes() = 1`;
const POSTPONE_SQL = `UPDATE messages SET ${UNLEASE} ${HELD}`;
const TAKE_BACK_SQL = `UPDATE messages SET lease_until = ? WHERE status = 'sending' AND lease_owner IS NOT ? AND lease_until > ?`;

/** Per result, its message's update and its attempt's insert, with the same values: the attempt is recorded only if the message changed. */
function finishOps(owner: string, finished: FinishedAttempt[]): SqlOp[] {
  return finished.flatMap((attempt): SqlOp[] => {
    const params = [{ ...attemptValues(attempt), owner }];
    return [params[0]!.outcome === 'sent' ? MARK_SENT_SQL : MARK_OTHER_SQL, INSERT_ATTEMPT_IF_CHANGED_SQL].map((sql) => ({ sql, params }));
  });
}

/**
 * The SQLite outbox's hot path: sends accepted together are committed together (synchronous=FULL); claims, leases and results run
 * on a connection of their own on a worker thread (sql-thread.mjs); fresh bodies stay in memory; the process holding the outbox lock delivers.
 */
export class SqliteOutbox implements Outbox {
  /** Committed on the SQLite thread: while one group commits, the event loop reads and composes the next requests. */
  private readonly threadSends = new GroupCommit((group) => this.commitOnThread(group));
  /** Sends with a body in chunks, written from the request's own bytes: copied to the thread, the body would be held twice more. */
  private readonly mainSends = new GroupCommit((group) => this.commitOnMain(group));
  private readonly inTransaction: Database.Transaction<(fn: () => unknown) => unknown>;
  /** Started by the first message queued or claimed: a CLI command never starts it. */
  private thread: SqlThread | undefined;
  private closed = false;
  private readonly freshBodies = new FreshBodies(FRESH_BODIES_BYTES, BODY_CHUNK_BYTES);
  /** Messages created before this are not among the fresh bodies. */
  private readonly openedAt = Date.now();
  private outboxLock: OutboxLock | undefined;
  private lockOwner: string | undefined;
  /** Writes that failed for room, until one succeeds (checkWritable). */
  readonly storageFailure = new RecentStorageFailure();

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly inTurn: InTurn,
  ) {
    this.inTransaction = this.db.transaction((fn: () => unknown) => fn());
  }

  /**
   * A transaction on the main connection with synchronous=NORMAL: in WAL mode only a power cut can lose it, which at worst sends a
   * message again (delivery is at least once). Accepting commits with FULL: a 202 must survive a power cut too.
   */
  private relaxed<T>(fn: () => T): Promise<T> {
    return this.inTurn(() => {
      prepared(this.db, 'PRAGMA synchronous = NORMAL').run();
      try {
        return this.inTransaction.immediate(fn) as T;
      } finally {
        prepared(this.db, 'PRAGMA synchronous = FULL').run();
      }
    });
  }

  async close(): Promise<void> {
    this.outboxLock?.release();
    this.closed = true;
    await this.thread?.close();
  }

  /** Each send of a group in a savepoint of its own, so that one failing send does not undo the others. */
  enqueueSend(send: NewSend): Promise<EnqueueResult> {
    // The worker will claim it soon: the thread starts now.
    const onThread = this.outboxThread() && send.messages.every((m) => m.raw.length <= BODY_CHUNK_BYTES);
    return (onThread ? this.threadSends : this.mainSends).add(send);
  }

  private async commitOnThread(group: PendingSend[]): Promise<void> {
    const thread = this.outboxThread();
    if (!thread) throw new Error('the store is closed');
    const ops = group.map(({ send }) => [...enqueueOps(send, MESSAGE_COLUMNS)]);
    this.answer(group, await this.storageFailure.watch(thread.runGroups(ops, { sync: true })));
  }

  private async commitOnMain(group: PendingSend[]): Promise<void> {
    const ops = group.map(({ send }) => enqueueOps(send, MESSAGE_COLUMNS));
    const commit = () => this.inTransaction.immediate(() => runGroups(this.db, ops)) as SqlGroupOutcome[];
    this.answer(group, await this.storageFailure.watch(this.inTurn(commit)));
  }

  private answer(group: PendingSend[], outcomes: SqlGroupOutcome[]): void {
    group.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if (outcome.error) return waiting.reject(outcome.error);
      try {
        const result = enqueueResult(waiting.send, outcome.results);
        // Committed: the worker will claim these in a moment, and finds their bodies here.
        if (result.kind === 'created') for (const message of waiting.send.messages) this.freshBodies.remember(message.id, message.raw, waiting.send.createdAt);
        waiting.resolve(result);
      } catch (error) {
        waiting.reject(error);
      }
    });
  }

  async claimDueMessages(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]> {
    const ops = this.claimOps(owner, { now, leaseMs, limit });
    // Nothing due (the common case between sends): no write transaction at all.
    return ops ? this.claimed(await this.outboxWrite(ops)) : [];
  }

  /**
   * The ops of a claim (undefined: nothing is due), run in one transaction: the claim takes exactly the rows recorded as interrupted.
   * `skip`: the ids of messages whose results the same transaction commits first, never claimed by it.
   */
  private claimOps(owner: string, { now, leaseMs, limit }: { now: number; leaseMs: number; limit: number }, skip?: string[]): SqlOp[] | undefined {
    const found = prepared(this.db, ANY_DUE_SQL).get({ now }) as { waiting: number; expired: number };
    if (!found.waiting && !found.expired) return undefined;
    const until = now + leaseMs;
    // Bodies that may not be in memory are read with the claim, on the thread, and handed over without a copy: the event
    // loop, which drives the SMTP connections, neither reads their pages nor copies their bytes.
    const before = Math.max(this.openedAt, this.freshBodies.droppedUpTo);
    const sql = skip ? CLAIM.afterResults : CLAIM.alone;
    const due = skip ? { now, limit, skip: JSON.stringify(skip) } : { now, limit };
    return [
      ...(found.expired ? [{ sql: sql.interrupted, params: [due] }] : []),
      { sql: sql.claim, params: [{ ...due, owner, until }], all: true },
      { sql: CLAIMED_BODIES_SQL, params: [{ owner, until, before }], all: true },
    ];
  }

  /** The claimed messages from the results of claimOps' ops (the last two). */
  private async claimed(results: SqlOpResult[]): Promise<ClaimedMessage[]> {
    const rows = results.at(-2) as Row[];
    const stored = new Map((results.at(-1) as { message_id: string; raw: Buffer }[]).map((body) => [body.message_id, body.raw]));
    const bodies = rows.map((row) => stored.get(row.id as string) ?? this.freshBodies.get(row.id as string));
    // Neither (accepted by another relay process on this database): read now, on the thread too.
    const missing = rows.filter((_, i) => !bodies[i]).map((row) => row.id as string);
    const late = missing.length ? await this.readBodies(missing) : undefined;
    // No body row: stored in chunks.
    return sortedByDue(rows.map((row, i) => toClaimedMessage(row, bodies[i] ?? late?.get(row.id as string) ?? null)));
  }

  /** A read says nothing about room on the disk: not watched by storageFailure. */
  private async readBodies(ids: string[]): Promise<Map<string, Buffer>> {
    const sql = 'SELECT message_id, raw FROM message_bodies WHERE message_id IN (SELECT value FROM json_each(?))';
    const params = [JSON.stringify(ids)];
    const thread = this.outboxThread();
    const rows = (thread ? await thread.read(sql, params) : prepared(this.db, sql).all(...params)) as { message_id: string; raw: Buffer }[];
    return new Map(rows.map((row) => [row.message_id, row.raw]));
  }

  async renewLeases(ids: string[], owner: string, until: number): Promise<void> {
    if (ids.length > 0) await this.outboxWrite(ids.map((id) => ({ sql: RENEW_LEASE_SQL, params: [{ until, id, owner }] })));
  }

  async finishAttempts(owner: string, finished: FinishedAttempt[]): Promise<boolean[]> {
    if (finished.length === 0) return [];
    // Durable before this resolves: a "sent" that a power cut took back would send the mail again.
    return this.applied(finished, await this.outboxWrite(finishOps(owner, finished), { sync: true }));
  }

  /**
   * finishAttempts and, in the same transaction on the SQLite thread, a claim: one transaction, one sync and one message to the thread
   * and back instead of two each (the claim is as durable as the results). The claim runs after the results, and takes none of them.
   */
  async finishAttemptsAndClaim(owner: string, finished: FinishedAttempt[], claim: { now: number; leaseMs: number; limit: number }): Promise<FinishedAndClaimed> {
    const skip = finished.map((f) => f.id);
    const claimOps = this.claimOps(owner, claim, skip) ?? [];
    const results = await this.outboxWrite([...finishOps(owner, finished), ...claimOps], { sync: true });
    return { applied: this.applied(finished, results), claimed: claimOps.length ? await this.claimed(results) : [] };
  }

  /** Whether each result applied (its message's update changed a row: the first of its two ops); a final one's body is forgotten. */
  private applied(finished: FinishedAttempt[], results: SqlOpResult[]): boolean[] {
    return finished.map(({ id, result }, i) => {
      const applied = results[2 * i] === 1;
      // Final: its body is not sent again (a Sent copy reads it from the table).
      if (applied && result.outcome !== 'deferred') this.freshBodies.forget(id);
      return applied;
    });
  }

  private outboxThread(): SqlThread | undefined {
    if (this.closed) return undefined;
    // A thread that died is replaced: the writes waiting on it failed, and the worker retries them.
    if (!this.thread || this.thread.stopped) this.thread = new SqlThread(this.file);
    return this.thread;
  }

  /** On the thread (once closed, on the main connection, which says so). `sync`: on disk before it resolves. */
  private async outboxWrite(ops: SqlOp[], { sync = false } = {}): Promise<SqlOpResult[]> {
    const thread = this.outboxThread();
    return this.storageFailure.watch(thread ? thread.run(ops, { sync }) : this.relaxed(() => runOps(this.db, ops)));
  }

  async releaseLease(id: string, owner: string, now: number): Promise<void> {
    const params = [{ until: now, id, owner }];
    const ops = [RELEASE_LEASE_SQL, INSERT_RELEASED_IF_CHANGED_SQL].map((sql) => ({ sql, params }));
    await this.outboxWrite(ops, { sync: true });
  }

  async postponeMessage(id: string, owner: string, until: number): Promise<void> {
    await this.outboxWrite([{ sql: POSTPONE_SQL, params: [{ until, id, owner }] }]);
  }

  async claimDueSentCopies(now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]> {
    const due = prepared(this.db, "SELECT id FROM messages WHERE sent_copy_status = 'pending' AND status = 'sent' AND sent_copy_next_at <= ? ORDER BY sent_copy_next_at LIMIT ?");
    if (due.all(now, 1).length === 0) return [];
    const select = prepared(this.db, `SELECT ${MESSAGE_COLUMNS}, message_bodies.raw FROM messages LEFT JOIN message_bodies ON message_bodies.message_id = messages.id WHERE messages.id = ?`);
    const push = prepared(this.db, 'UPDATE messages SET sent_copy_next_at = ?, sent_copy_attempts = sent_copy_attempts + 1 WHERE id = ?');
    return this.relaxed(() =>
      (due.all(now, limit) as { id: string }[]).map(({ id }) => {
        const row = select.get(id) as Row;
        push.run(now + leaseMs, id);
        return { ...toClaimedMessage(row), sentCopyAttempts: (row.sent_copy_attempts as number) + 1, raw: (row.raw as Buffer | null) ?? null };
      }),
    );
  }

  async instanceHeartbeat(owner: string, options: { now: number; deadAfterMs: number; takeOver: boolean }): Promise<InstanceState> {
    if (this.lockOwner !== undefined && this.lockOwner !== owner) return { mayClaim: false, takenBack: 0 };
    this.outboxLock ??= new OutboxLock(`${this.file}-outbox.lock`);
    const hadIt = this.outboxLock.held;
    if (!this.outboxLock.tryAcquire()) return { mayClaim: false, takenBack: 0 };
    this.lockOwner = owner;
    if (hadIt) return { mayClaim: true, takenBack: 0 };
    // Just taken: whoever claimed the messages still sending is dead (its lock went with it).
    const [takenBack] = await this.outboxWrite([{ sql: TAKE_BACK_SQL, params: [options.now, owner, options.now] }]);
    return { mayClaim: true, takenBack: takenBack as number };
  }

  async endInstance(owner: string): Promise<void> {
    if (this.lockOwner !== owner) return;
    this.outboxLock?.release();
    this.lockOwner = undefined;
  }
}
