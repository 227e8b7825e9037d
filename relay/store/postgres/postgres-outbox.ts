import { CompiledQuery } from 'kysely';
import { hostname } from 'node:os';
import type pg from 'pg';
import { bodyChunks, wholeBody } from '../../mime/message-bytes';
import { GroupCommit, type PendingSend } from '../group-commit';
import { attemptValues, MESSAGE_SQL_COLUMNS, newMessageValues, sortedByDue, toClaimedMessage, toMessageRow } from '../schema/message-row';
import { messageHistoryRepository } from '../repositories/message-history-repository';
import type { StoreDb } from '../repositories/store-db';
import { RecentStorageFailure } from '../store-errors';
import { BODY_CHUNK_BYTES, type ClaimedMessage, type EnqueueResult, type FinishedAndClaimed, type FinishedAttempt, type InstanceState, type NewSend, type Outbox } from '../types';

/** The database's clock in epoch milliseconds (heartbeats, issue 15). */
const DB_NOW_MS = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;

const MESSAGE_COLUMNS = MESSAGE_SQL_COLUMNS.join(', ');

/** Sends per group commit at most: a statement takes at most 65,535 parameters. */
const MAX_GROUP_SENDS = 200;

/**
 * Groups of up to this many messages run as named (prepared) statements: one shape per size, each parsed and planned once per connection.
 * A burst of accepts commits groups of a few sends; unprepared, each group's statement was parsed and planned again, about half of the
 * database's CPU for the group (issue 18). Larger groups are rare and would each take a name and a plan on every connection.
 */
const MAX_PREPARED_GROUP = 16;

/**
 * One statement for a group of sends. Of two sends with one Idempotency-Key, one creates its send; the other inserts nothing (every
 * insert joins `created`) and reads the winner's. Bodies are sent as binary parameters (no copy as hex); a large one is left out, for chunks.
 */
function enqueueStatement(sends: NewSend[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const sendValues = sends.map((send) => `(${p(send.id)}, ${p(send.userId)}, ${p(send.idempotencyKey)}, ${p(send.requestHash)}, ${p(send.createdAt)})`);
  const messageValues = sends.flatMap((send) =>
    send.messages.map((m) => {
      const v = newMessageValues(send, m);
      return (
        `(${p(v.id)}, ${p(send.id)}, ${p(v.profileId)}, ${p(v.messageId)}, ${p(v.envelope)}, ${p(m.raw.length <= BODY_CHUNK_BYTES ? wholeBody(m.raw) : null)}::bytea, ` +
        `${p(v.sizeBytes)}::bigint, ${p(v.summary)}, ${p(v.documentRef)}, ${p(v.documents)}, ${p(v.partNumber)}::int, ${p(v.partCount)}::int, ${p(v.fallback)}, ${p(v.sentCopyStatus)})`
      );
    }),
  );
  const documents = sends.flatMap((send) => send.messages.flatMap((m) => m.documents.map((d) => ({ messageId: m.id, ref: d.ref }))));
  const sql = `WITH created AS (
       INSERT INTO sends (id, user_id, idempotency_key, request_hash, created_at) VALUES ${sendValues.join(', ')}
       ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING id, user_id, created_at),
     inserted AS (
       INSERT INTO messages (id, send_id, user_id, profile_id, message_id, envelope, raw, size_bytes, summary, document_ref, documents, part_number, part_count, fallback,
         status, attempts, attempt_count, next_attempt_at, sent_copy_status, created_at, updated_at)
       SELECT v.id, created.id, created.user_id, v.profile_id, v.message_id, v.envelope, v.raw, v.size_bytes, v.summary, v.document_ref, v.documents, v.part_number,
         v.part_count, v.fallback, 'queued', 0, 0, created.created_at, v.sent_copy_status, created.created_at, created.created_at
       FROM (VALUES ${messageValues.join(', ')})
         AS v(id, send_id, profile_id, message_id, envelope, raw, size_bytes, summary, document_ref, documents, part_number, part_count, fallback, sent_copy_status)
       JOIN created ON created.id = v.send_id RETURNING ${MESSAGE_COLUMNS}),
     documented AS (
       INSERT INTO message_documents (message_id, ref)
       SELECT d.message_id, d.ref FROM unnest(${p(documents.map((d) => d.messageId))}::text[], ${p(documents.map((d) => d.ref))}::text[]) AS d(message_id, ref)
       JOIN inserted ON inserted.id = d.message_id ON CONFLICT DO NOTHING)
     SELECT * FROM inserted ORDER BY part_number`;
  return { sql, params };
}

// The claim's parts, in SQL of their own so that a claim can also run in a finish (FINISH_AND_CLAIM_SQL): `now`, `limit`, `owner`, the lease's end,
// and the ids it must leave alone (those the same statement finishes: one statement must not update a row twice). Due messages are read in
// two index-ordered scans (a lease that expired, a message that waits) that stop at `limit`: one scan over both read and sorted every due row.
const claimParts = (now: string, limit: string, owner: string, leaseUntil: string, skip: string) => `expired AS (
     SELECT id, status AS previous_status, updated_at AS previous_updated_at FROM messages
     WHERE status = 'sending' AND lease_until <= ${now} AND id <> ALL(${skip}) ORDER BY lease_until LIMIT ${limit} FOR UPDATE SKIP LOCKED),
   waiting AS (
     SELECT id, status AS previous_status, updated_at AS previous_updated_at FROM messages
     WHERE status IN ('queued', 'deferred') AND next_attempt_at <= ${now} AND id <> ALL(${skip}) ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED),
   due AS (SELECT * FROM expired UNION ALL SELECT * FROM waiting LIMIT ${limit}),
   claimed AS (
     UPDATE messages SET status = 'sending', lease_owner = ${owner}, lease_until = ${leaseUntil}, updated_at = ${now} FROM due WHERE messages.id = due.id
     RETURNING messages.*, due.previous_status, due.previous_updated_at),
   interrupted AS (
     INSERT INTO attempts (message_id, started_at, finished_at, outcome) SELECT id, previous_updated_at, ${now}, 'interrupted' FROM claimed WHERE previous_status = 'sending')`;
// A row whose lease expired lost its attempt to a dead instance: recorded as interrupted. Each message comes with a digest of its profile's
// and delivery settings' rows (ClaimedMessage.profileVersion): a worker that read them at that version reads them again only when it changes.
const CLAIMED_COLUMNS = `${MESSAGE_COLUMNS}, raw, (SELECT md5(p::text || coalesce(s::text, '')) FROM profiles p LEFT JOIN profile_delivery_settings s ON s.profile_id = p.id
     WHERE p.id = claimed.profile_id) AS profile_version`;
// A claim alone commits without waiting for the WAL to reach the disk: a database crash that loses it leaves the message as it was, due
// again, as a lost lease would (an attempt then in flight is sent again: at least once). Any later commit that depends on it (the attempt's
// result) waits for the WAL and so makes it durable first; results themselves (FINISH_SQL) are always synced.
const CLAIM_SQL = `WITH ${claimParts('$1', '$2', '$3', '$4', "'{}'::text[]")}
   SELECT ${CLAIMED_COLUMNS}, (SELECT set_config('synchronous_commit', 'off', true)) AS lazy_commit FROM claimed`;
// One round trip: the time between a server's 250 and this commit is when a crash makes a duplicate.
const FINISH_PARTS = `input AS (
     SELECT * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::bigint[])
       AS i(id, started_at, finished_at, outcome, attempt_reply, reply, response_code, error_code, problem_code, next_attempt_at)),
   held AS (SELECT m.id FROM messages m JOIN input i ON i.id = m.id WHERE m.lease_owner = $1 AND m.status = 'sending' FOR UPDATE OF m),
   recorded AS (
     INSERT INTO attempts (message_id, started_at, finished_at, outcome, reply, response_code, error_code, problem_code)
     SELECT i.id, i.started_at, i.finished_at, i.outcome, i.attempt_reply, i.response_code, i.error_code, i.problem_code FROM input i JOIN held h ON h.id = i.id),
   finished AS (
     UPDATE messages m SET
       status = i.outcome, attempts = m.attempts + 1, attempt_count = m.attempt_count + 1, last_reply = i.reply, problem_code = i.problem_code,
       sent_at = CASE WHEN i.outcome = 'sent' THEN i.finished_at ELSE m.sent_at END, next_attempt_at = CASE WHEN i.outcome = 'deferred' THEN i.next_attempt_at END,
       lease_owner = NULL, lease_until = NULL,
       sent_copy_next_at = CASE WHEN i.outcome = 'sent' AND m.sent_copy_status = 'pending' THEN i.finished_at ELSE m.sent_copy_next_at END,
       sent_copy_status = CASE WHEN i.outcome = 'failed' THEN NULL ELSE m.sent_copy_status END, updated_at = i.finished_at
     FROM input i JOIN held h ON h.id = i.id WHERE m.id = i.id RETURNING m.id)`;
const FINISH_SQL = `WITH ${FINISH_PARTS} SELECT id FROM finished`;
// The results and the next claim in one statement, one transaction and one sync (issue 18): a row of the finished ids, joined by the claimed
// messages if any. $12 now, $13 limit, $14 the lease's end.
const FINISH_AND_CLAIM_SQL = `WITH ${FINISH_PARTS}, ${claimParts('$12', '$13', '$1', '$14', '$2::text[]')}
   SELECT f.finished_ids, c.* FROM (SELECT coalesce(array_agg(id), '{}') AS finished_ids FROM finished) f
     LEFT JOIN (SELECT ${CLAIMED_COLUMNS} FROM claimed) c ON true`;
/** FINISH_SQL's arrays, $2 on. */
const FINISH_COLUMNS = ['id', 'startedAt', 'finishedAt', 'outcome', 'attemptReply', 'reply', 'responseCode', 'errorCode', 'problemCode', 'nextAttemptAt'] as const;
const UNLEASE = "status = CASE WHEN attempt_count = 0 THEN 'queued' ELSE 'deferred' END, next_attempt_at = $3, lease_owner = NULL, lease_until = NULL";
const HELD = "WHERE id = $1 AND lease_owner = $2 AND status = 'sending'";
const RELEASE_SQL = `WITH released AS (UPDATE messages SET ${UNLEASE}, updated_at = $3 ${HELD} RETURNING id)
   INSERT INTO attempts (message_id, started_at, finished_at, outcome) SELECT id, $3, $3, 'released' FROM released`;
const CLAIM_SENT_COPIES_SQL = `WITH due AS (
     SELECT id FROM messages WHERE sent_copy_status = 'pending' AND status = 'sent' AND sent_copy_next_at <= $1 ORDER BY sent_copy_next_at LIMIT $2 FOR UPDATE SKIP LOCKED),
   claimed AS (UPDATE messages SET sent_copy_next_at = $3, sent_copy_attempts = sent_copy_attempts + 1 FROM due WHERE messages.id = due.id RETURNING messages.*)
   SELECT ${MESSAGE_COLUMNS}, raw FROM claimed`;
// The database's clock: the instances' clocks may differ by more than a heartbeat.
const HEARTBEAT_SQL = `INSERT INTO relay_instances (id, host, pid, started_at, heartbeat_at) VALUES ($1, $2, $3, ${DB_NOW_MS}, ${DB_NOW_MS})
   ON CONFLICT (id) DO UPDATE SET heartbeat_at = ${DB_NOW_MS}`;
const TAKE_OVER_SQL = `UPDATE messages SET lease_until = $1 WHERE status = 'sending' AND lease_until > $1
   AND lease_owner IN (SELECT id FROM relay_instances WHERE id <> $2 AND heartbeat_at < ${DB_NOW_MS} - $3)`;

/** FINISH_SQL's parameters: the owner ($1), then one array per column of FINISH_COLUMNS. */
function finishParams(owner: string, finished: FinishedAttempt[]): unknown[] {
  const values = finished.map(attemptValues);
  return [owner, ...FINISH_COLUMNS.map((name) => values.map((v) => v[name]))];
}

/** Rows of a claim, with their profile's version. */
const claimedMessages = (rows: Record<string, unknown>[]): ClaimedMessage[] =>
  sortedByDue(rows.map(({ profile_version: profileVersion, ...row }) => Object.assign(toClaimedMessage(row), profileVersion === null ? {} : { profileVersion: profileVersion as string })));

/**
 * The PostgreSQL outbox's hot path: a group of sends in one statement, claims with FOR UPDATE SKIP LOCKED under leases (instances
 * claim at once without waiting for each other), a batch of results in one statement, heartbeats on the database's clock.
 */
export class PostgresOutbox implements Outbox {
  /** A burst of accepts costs a round trip and a WAL flush per group. */
  private readonly sends = new GroupCommit((group) => this.commitGroup(group), MAX_GROUP_SENDS);
  /** Writes that failed for room on the database server (53100 disk_full), until one succeeds (checkWritable). */
  readonly storageFailure = new RecentStorageFailure();

  private readonly findSendByIdempotencyKey;

  constructor(
    private readonly pool: pg.Pool,
    private readonly storeDb: StoreDb,
  ) {
    this.findSendByIdempotencyKey = messageHistoryRepository(storeDb).findSendByIdempotencyKey;
  }

  /** A send with a large body is written on its own. */
  enqueueSend(send: NewSend): Promise<EnqueueResult> {
    if (send.messages.some((m) => m.raw.length > BODY_CHUNK_BYTES)) return this.storageFailure.watch(this.writeChunkedSend(send));
    return this.sends.add(send);
  }

  private async commitGroup(group: PendingSend[]): Promise<void> {
    try {
      const results = await this.storageFailure.watch(this.writeGroup(group.map((p) => p.send)));
      group.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      if (group.length === 1) throw error;
      // One send the database refuses must not fail the others: each is tried alone, in order, so that of two with one key the first wins.
      for (const p of group) await this.storageFailure.watch(this.writeGroup([p.send])).then(([result]) => p.resolve(result!), p.reject);
    }
  }

  private async writeGroup(sends: NewSend[]): Promise<EnqueueResult[]> {
    const { sql, params } = enqueueStatement(sends);
    const prepared = sends.reduce((n, send) => n + send.messages.length, 0) <= MAX_PREPARED_GROUP;
    const { rows } = await (prepared ? this.pool.query(sql, params) : this.pool.query({ text: sql, values: params }));
    const rowsOf = (send: NewSend) => rows.filter((row) => row.send_id === send.id);
    return Promise.all(sends.map((send) => this.enqueueResult(send, rowsOf(send))));
  }

  /** Its statement, then its body in chunks, in one transaction. */
  private async writeChunkedSend(send: NewSend): Promise<EnqueueResult> {
    const { sql, params } = enqueueStatement([send]);
    const rows = await this.storeDb.db.transaction().execute(async (trx) => {
      const inserted = (await trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(sql, params))).rows;
      // Chunks only when inserted (not when another send holds the key). A statement per chunk: as one statement, a 20 MB attachment was held three times.
      for (const m of inserted.length > 0 ? send.messages.filter((m) => m.raw.length > BODY_CHUNK_BYTES) : []) {
        let seq = 0;
        for (const chunk of bodyChunks(m.raw, BODY_CHUNK_BYTES))
          await trx.executeQuery(CompiledQuery.raw('INSERT INTO message_body_chunks (message_id, seq, bytes) VALUES ($1, $2, $3)', [m.id, seq++, chunk]));
      }
      return inserted;
    });
    return this.enqueueResult(send, rows);
  }

  /** `rows`: the messages inserted for `send`; none when another send holds its key. */
  private async enqueueResult(send: NewSend, rows: Record<string, unknown>[]): Promise<EnqueueResult> {
    if (rows.length > 0 || send.idempotencyKey === null) return { kind: 'created', messages: rows.map((row) => toMessageRow(row)) };
    const existing = (await this.findSendByIdempotencyKey(send.userId, send.idempotencyKey))!;
    return { kind: 'existing', messages: existing.messages, sameRequest: existing.requestHash === send.requestHash };
  }

  async claimDueMessages(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]> {
    const { rows } = await this.pool.query(CLAIM_SQL, [now, limit, owner, now + leaseMs]);
    return claimedMessages(rows.map(({ lazy_commit: _set, ...row }) => row));
  }

  async renewLeases(ids: string[], owner: string, until: number): Promise<void> {
    await this.pool.query("UPDATE messages SET lease_until = $3 WHERE id = ANY($1::text[]) AND lease_owner = $2 AND status = 'sending'", [ids, owner, until]);
  }

  async finishAttempts(owner: string, finished: FinishedAttempt[]): Promise<boolean[]> {
    if (finished.length === 0) return [];
    const { rows } = await this.storageFailure.watch(this.pool.query<{ id: string }>(FINISH_SQL, finishParams(owner, finished)));
    const applied = new Set(rows.map((r) => r.id));
    return finished.map((f) => applied.has(f.id));
  }

  async finishAttemptsAndClaim(owner: string, finished: FinishedAttempt[], claim: { now: number; leaseMs: number; limit: number }): Promise<FinishedAndClaimed> {
    const { now, leaseMs, limit } = claim;
    const { rows } = await this.storageFailure.watch(this.pool.query(FINISH_AND_CLAIM_SQL, [...finishParams(owner, finished), now, limit, now + leaseMs]));
    const applied = new Set((rows[0]?.finished_ids ?? []) as string[]);
    return { applied: finished.map((f) => applied.has(f.id)), claimed: claimedMessages(rows.filter((row) => row.id !== null).map(({ finished_ids: _ids, ...row }) => row)) };
  }

  async releaseLease(id: string, owner: string, now: number): Promise<void> {
    await this.pool.query(RELEASE_SQL, [id, owner, now]);
  }

  async postponeMessage(id: string, owner: string, until: number): Promise<void> {
    await this.pool.query(`UPDATE messages SET ${UNLEASE} ${HELD}`, [id, owner, until]);
  }

  async claimDueSentCopies(now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]> {
    const { rows } = await this.pool.query(CLAIM_SENT_COPIES_SQL, [now, limit, now + leaseMs]);
    return rows.map((row) => toClaimedMessage(row));
  }

  async instanceHeartbeat(owner: string, options: { now: number; deadAfterMs: number; takeOver: boolean }): Promise<InstanceState> {
    await this.pool.query(HEARTBEAT_SQL, [owner, hostname(), process.pid]);
    if (!options.takeOver) return { mayClaim: true, takenBack: 0 };
    const taken = await this.pool.query(TAKE_OVER_SQL, [options.now, owner, options.deadAfterMs]);
    // Long dead: the row only remembered it for the takeover.
    await this.pool.query(`DELETE FROM relay_instances WHERE heartbeat_at < ${DB_NOW_MS} - 86400000`);
    return { mayClaim: true, takenBack: taken.rowCount ?? 0 };
  }

  async endInstance(owner: string): Promise<void> {
    await this.pool.query('DELETE FROM relay_instances WHERE id = $1', [owner]);
  }
}
