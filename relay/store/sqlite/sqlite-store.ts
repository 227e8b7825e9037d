import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { Kysely } from 'kysely';
import { migrateToLatest } from '../migrations/migrate-to-latest';
import type { Tables } from '../schema/tables';
import { ConnectionLock } from './connection-lock';
import { StoreSqliteDialect } from './sqlite-dialect';
import { statfs } from 'node:fs/promises';
import { RecentStorageFailure } from '../store-errors';
import path from 'node:path';
import { BODY_CHUNK_BYTES, bodyChunks, TOKEN_LAST_USED_PRECISION_MS, wholeBody } from '../types';
import { FreshBodies } from './fresh-bodies';
import type { MessageStatus } from '../../../shared/schemas';
import { OutboxLock } from './outbox-lock';
import { runOps, SqlThread, type SqlOp, type SqlOpResult } from './sql-thread.mjs';
import type {
  AppPasswordRow,
  AttemptRecord,
  AttemptResult,
  ClaimedMessage,
  DeliverySettingsRow,
  EnqueueResult,
  FinishedAttempt,
  InstanceState,
  MessageRow,
  NewSend,
  OAuthAccessTokenRow,
  OAuthSignInRow,
  ProfileRow,
  RecipeRow,
  TemplateRow,
  CustomerRow,
  SentCopyStatus,
  Store,
  UserRow,
} from '../types';

/** SQLite's page cache, in KiB. */
const PAGE_CACHE_KIB = 4096;

/** Below this much free space in the data folder the relay says it is not ready (issue 15): a message needs room. */
const MIN_FREE_BYTES = 8 * 1024 * 1024;

/** Memory for the bodies of messages accepted lately (see FreshBodies): 1,500 invoices of 40 kB. */
const FRESH_BODIES_BYTES = 64 * 1024 * 1024;


type Row = Record<string, unknown>;


/** A `users` row as the store and the people store (relay/people/sqlite-people-store.ts) return it. */
export function toUser(row: Row | undefined): UserRow | undefined {
  if (!row) return undefined;
  return {
    id: row.id as string,
    email: row.email as string,
    name: (row.name as string | null) ?? null,
    role: row.role as UserRow['role'],
    createdAt: row.created_at as number,
  };
}

function toProfile(row: Row | undefined): ProfileRow | undefined {
  if (!row) return undefined;
  return {
    id: row.id as string,
    ownerId: (row.owner_id as string | null) ?? null,
    scope: row.scope as ProfileRow['scope'],
    data: row.data as string,
    secrets: (row.secrets as string | null) ?? null,
    createdAt: row.created_at as number,
    updatedAt: row.updated_at as number,
    oauthState: (row.oauth_state as string | null | undefined) ?? null,
  };
}

function toMessage(row: Row): MessageRow {
  return {
    id: row.id as string,
    sendId: row.send_id as string,
    userId: row.user_id as string,
    profileId: row.profile_id as string,
    messageId: row.message_id as string,
    envelope: row.envelope as string,
    summary: row.summary as string,
    documentRef: (row.document_ref as string | null) ?? null,
    documents: row.documents ? (JSON.parse(row.documents as string) as MessageRow['documents']) : [],
    partNumber: row.part_number as number,
    partCount: row.part_count as number,
    fallback: (row.fallback as string | null) ?? null,
    status: row.status as MessageRow['status'],
    attempts: row.attempt_count as number,
    nextAttemptAt: (row.next_attempt_at as number | null) ?? null,
    leaseOwner: (row.lease_owner as string | null) ?? null,
    leaseUntil: (row.lease_until as number | null) ?? null,
    lastReply: (row.last_reply as string | null) ?? null,
    problemCode: (row.problem_code as string | null) ?? null,
    sentAt: (row.sent_at as number | null) ?? null,
    sizeBytes: row.size_bytes as number,
    sentCopyStatus: (row.sent_copy_status as SentCopyStatus | null) ?? null,
    sentCopyAttempts: row.sent_copy_attempts as number,
    sentCopyNextAt: (row.sent_copy_next_at as number | null) ?? null,
    sentCopyFolder: (row.sent_copy_folder as string | null) ?? null,
    sentCopyError: (row.sent_copy_error as string | null) ?? null,
    createdAt: row.created_at as number,
    updatedAt: row.updated_at as number,
  };
}

function toAttempt(r: Row): AttemptRecord {
  return {
    messageId: r.message_id as string,
    startedAt: r.started_at as number,
    finishedAt: r.finished_at as number,
    outcome: r.outcome as AttemptRecord['outcome'],
    reply: (r.reply as string | null) ?? null,
    responseCode: (r.response_code as number | null) ?? null,
    errorCode: (r.error_code as string | null) ?? null,
    problemCode: (r.problem_code as string | null) ?? null,
  };
}

/** Every message column but `raw`, which only the worker reads (it can be tens of megabytes). */
const MESSAGE_COLUMNS = [
  'id', 'send_id', 'user_id', 'profile_id', 'message_id', 'envelope', 'summary', 'document_ref', 'documents', 'part_number',
  'part_count', 'fallback', 'status', 'attempt_count', 'next_attempt_at', 'lease_owner', 'lease_until', 'last_reply',
  'problem_code', 'sent_at', 'size_bytes', 'sent_copy_status', 'sent_copy_attempts', 'sent_copy_next_at', 'sent_copy_folder',
  'sent_copy_error', 'created_at', 'updated_at',
]
  .map((column) => `messages.${column}`)
  .join(', ');

// The outbox's claim (claimDueMessages). Each kind of due message through its own partial index
// (migration 008_outbox_indexes), at most `limit` of each, then the earliest `limit` of both: no scan of
// the whole outbox.
const DUE_SQL = `SELECT id FROM (
     SELECT * FROM (SELECT id, next_attempt_at AS due_at FROM messages
       WHERE status IN ('queued', 'deferred') AND next_attempt_at <= @now ORDER BY next_attempt_at LIMIT @limit)
     UNION ALL
     SELECT * FROM (SELECT id, lease_until FROM messages
       WHERE status = 'sending' AND lease_until <= @now ORDER BY lease_until LIMIT @limit)
   ) ORDER BY due_at LIMIT @limit`;
const ANY_DUE_SQL = `SELECT EXISTS (SELECT 1 FROM messages WHERE status IN ('queued', 'deferred') AND next_attempt_at <= @now) AS waiting,
     EXISTS (SELECT 1 FROM messages WHERE status = 'sending' AND lease_until <= @now) AS expired`;
// The previous owner's attempt never finished: the relay stopped (or hung) mid-send. The server may
// or may not have the message; at least once means we send it again.
const RECORD_INTERRUPTED_SQL = `INSERT INTO attempts (message_id, started_at, finished_at, outcome, reply, response_code, error_code, problem_code)
   SELECT id, updated_at, @now, 'interrupted', NULL, NULL, NULL, NULL FROM messages
   WHERE status = 'sending' AND lease_until <= @now AND id IN (${DUE_SQL})`;
// One statement claims the batch; bodies come from memory when accepted lately, else from the table.
const CLAIM_SQL = `UPDATE messages SET status = 'sending', lease_owner = @owner, lease_until = @until, updated_at = @now
   WHERE id IN (${DUE_SQL})
   RETURNING ${MESSAGE_COLUMNS}`;

// The outbox's result of an attempt (finishAttempts): the message's new state, while this worker
// holds its lease, and the attempt, only when that update applied.
const MARK_SENT_SQL = `UPDATE messages SET status = 'sent', attempts = attempts + 1, attempt_count = attempt_count + 1, last_reply = ?,
     problem_code = NULL, sent_at = ?, next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL,
     sent_copy_next_at = CASE WHEN sent_copy_status = 'pending' THEN ? END, updated_at = ?
   WHERE id = ? AND lease_owner = ? AND status = 'sending'`;
const MARK_OTHER_SQL = `UPDATE messages SET status = ?, attempts = attempts + 1, attempt_count = attempt_count + 1, last_reply = ?,
     problem_code = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL,
     sent_copy_status = CASE WHEN ? = 'failed' THEN NULL ELSE sent_copy_status END, updated_at = ?
   WHERE id = ? AND lease_owner = ? AND status = 'sending'`;
const INSERT_ATTEMPT_IF_CHANGED_SQL = `INSERT INTO attempts (message_id, started_at, finished_at, outcome, reply, response_code, error_code, problem_code)
   SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1`;

// Leases: renewed while a send runs; given back (released, recorded) when the worker stops
// mid-send; or handed back without an attempt (postponed) for a sender over its rate.
const RENEW_LEASE_SQL = "UPDATE messages SET lease_until = ? WHERE id = ? AND lease_owner = ? AND status = 'sending'";
const RELEASE_LEASE_SQL = `UPDATE messages SET status = CASE WHEN attempt_count = 0 THEN 'queued' ELSE 'deferred' END, next_attempt_at = ?,
     lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'sending'`;
const INSERT_RELEASED_IF_CHANGED_SQL = `INSERT INTO attempts (message_id, started_at, finished_at, outcome, reply, response_code, error_code, problem_code)
   SELECT ?, ?, ?, 'released', NULL, NULL, NULL, NULL WHERE changes() = 1`;
const POSTPONE_SQL = `UPDATE messages SET status = CASE WHEN attempt_count = 0 THEN 'queued' ELSE 'deferred' END, next_attempt_at = ?,
     lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'sending'`;

function toDeliverySettings(row: Row | undefined): DeliverySettingsRow | undefined {
  if (!row) return undefined;
  return {
    profileId: row.profile_id as string,
    data: row.data as string,
    secrets: (row.secrets as string | null) ?? null,
    serverMaxBytes: (row.server_max_bytes as number | null) ?? null,
    updatedAt: row.updated_at as number,
  };
}

/**
 * The embedded store. WAL with synchronous=FULL: a commit survives power loss, so "202" really means
 * "on disk" (security-and-delivery-facts.md: NORMAL can lose recent commits).
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  /** Sends waiting for the next group commit (see enqueueSend). */
  private readonly pendingSends: { send: NewSend; resolve: (result: EnqueueResult) => void; reject: (error: unknown) => void }[] = [];
  /** Prepared once: the outbox runs the same statements for every message. */
  private readonly statements = new Map<string, Database.Statement>();
  /** Runs its argument in a transaction; made once, not per call (see relaxed). */
  private readonly inTransaction: Database.Transaction<(fn: () => unknown) => unknown>;
  /**
   * The connection of the outbox's hot writes, on a worker thread: started by the first message
   * queued or claimed (not on the clock of the first delivery), so that a CLI command never starts
   * it. Never for a database in memory.
   */
  private thread: SqlThread | undefined;
  private closed = false;
  /** Bodies committed lately, so that claiming them reads no body from the database. */
  private readonly freshBodies = new FreshBodies(FRESH_BODIES_BYTES, BODY_CHUNK_BYTES);

  /**
   * Runs an outbox bookkeeping transaction with synchronous=NORMAL: in WAL mode such a commit survives
   * a crash of the relay, and only a power cut can lose it, which at worst sends a message again
   * (delivery is at least once anyway). Accepting a message commits with FULL: a 202 must survive a
   * power cut too. Claims, leases and results run on the SQLite thread's connection (outboxWrite);
   * here are the Sent copies' claims, and all of them for a database in memory.
   */
  private relaxed<T>(fn: () => T): T {
    this.statement('PRAGMA synchronous = NORMAL').run();
    try {
      return this.inTransaction.immediate(fn) as T;
    } finally {
      this.statement('PRAGMA synchronous = FULL').run();
    }
  }

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) this.statements.set(sql, (prepared = this.db.prepare(sql)));
    return prepared;
  }

  /** Turns on `db` for the query builder and the outbox's in-process writes (see ConnectionLock). */
  readonly connectionLock = new ConnectionLock();
  readonly kysely: Kysely<Tables>;

  private constructor(readonly file: string) {
    if (file !== ':memory:') {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // Created 0600 before SQLite opens it: SQLite gives its WAL and shared-memory files the
      // database's mode, so none of the three is ever readable by others (issue 14).
      closeSync(openSync(file, 'a', 0o600));
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    // Always, not only during a key rotation (issue 14): a secret replaced by a PATCH or a new
    // sign-in leaves its old ciphertext in a free page otherwise, readable with an old key.
    this.db.pragma('secure_delete = ON');
    // Every page a transaction writes passes through the page cache: with better-sqlite3's 16 MB a
    // 20 MB attachment's chunks grew it by 16 MB at the peak of its accept. The outbox's hot rows
    // and indexes fit in 4 MB; bodies of fresh messages are kept apart (FreshBodies).
    this.db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    this.inTransaction = this.db.transaction((fn: () => unknown) => fn());
    this.kysely = new Kysely<Tables>({ dialect: new StoreSqliteDialect(this.db, this.connectionLock) });
  }

  /** Opens (creating it if need be) the database in `file` and brings its schema up to date. */
  static async open(file: string): Promise<SqliteStore> {
    const store = new SqliteStore(file);
    try {
      await migrateToLatest(store.kysely);
    } catch (error) {
      store.db.close();
      throw error;
    }
    return store;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  /** Writes that failed for room, until one succeeds (checkWritable). */
  private readonly storageFailure = new RecentStorageFailure();

  async checkWritable(): Promise<void> {
    this.storageFailure.check();
    if (this.file === ':memory:') return;
    const space = await statfs(path.dirname(this.file));
    const free = space.bavail * space.bsize;
    if (free < MIN_FREE_BYTES) {
      throw Object.assign(new Error(`only ${Math.floor(free / 1024)} KiB free in ${path.dirname(this.file)}`), { code: 'ENOSPC' });
    }
  }

  async close(): Promise<void> {
    this.outboxLock?.release();
    this.closed = true;
    await this.thread?.close();
    this.db.close();
  }

  async countUsers(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  async countMessagesByStatus(): Promise<Partial<Record<MessageStatus, number>>> {
    const rows = this.db.prepare('SELECT status, count(*) AS n FROM messages GROUP BY status').all() as { status: MessageStatus; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  async createUser(user: UserRow): Promise<UserRow> {
    return this.db.transaction(() => {
      const first = (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n === 0;
      const row = { ...user, role: first ? 'admin' : user.role };
      this.db
        .prepare('INSERT INTO users (id, email, name, role, created_at) VALUES (@id, @email, @name, @role, @createdAt)')
        .run(row);
      return row;
    }).immediate();
  }

  async getUserByEmail(email: string): Promise<UserRow | undefined> {
    return toUser(this.db.prepare('SELECT * FROM users WHERE email = ?').get(email) as Row | undefined);
  }

  async getUserById(id: string): Promise<UserRow | undefined> {
    return toUser(this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined);
  }

  async createToken(token: { hash: string; userId: string; device: string; createdAt: number }): Promise<void> {
    this.db
      .prepare('INSERT INTO tokens (hash, user_id, device, created_at) VALUES (@hash, @userId, @device, @createdAt)')
      .run(token);
  }

  async getUserByTokenHash(hash: string, now: number): Promise<UserRow | undefined> {
    const row = this.statement(
      'SELECT users.*, tokens.last_used_at AS token_last_used_at FROM tokens JOIN users ON users.id = tokens.user_id WHERE tokens.hash = ?',
    ).get(hash) as Row | undefined;
    // `last_used_at` is kept to the minute: writing it on every request cost a write transaction
    // with an fsync (synchronous=FULL) per API call, the largest part of a send's accept latency.
    const lastUsedAt = row?.token_last_used_at as number | null | undefined;
    if (row && (lastUsedAt == null || now - lastUsedAt >= TOKEN_LAST_USED_PRECISION_MS || now < lastUsedAt)) {
      this.statement('UPDATE tokens SET last_used_at = ? WHERE hash = ?').run(now, hash);
    }
    return toUser(row);
  }

  async createPairingCode(code: { hash: string; userId: string; expiresAt: number }): Promise<void> {
    this.db.prepare('INSERT INTO pairing_codes (hash, user_id, expires_at) VALUES (@hash, @userId, @expiresAt)').run(code);
  }

  async consumePairingCode(hash: string, now: number): Promise<UserRow | undefined> {
    return this.db.transaction(() => {
      const result = this.db
        .prepare('UPDATE pairing_codes SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ?')
        .run(now, hash, now);
      if (result.changes !== 1) return undefined;
      const row = this.db
        .prepare('SELECT users.* FROM pairing_codes JOIN users ON users.id = pairing_codes.user_id WHERE pairing_codes.hash = ?')
        .get(hash) as Row | undefined;
      return toUser(row);
    }).immediate();
  }

  async insertProfile(row: ProfileRow): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO profiles (id, owner_id, scope, data, secrets, created_at, updated_at)
         VALUES (@id, @ownerId, @scope, @data, @secrets, @createdAt, @updatedAt)`,
      )
      .run(row);
  }

  async updateProfile(row: ProfileRow): Promise<void> {
    this.db
      .prepare('UPDATE profiles SET owner_id = @ownerId, scope = @scope, data = @data, secrets = @secrets, updated_at = @updatedAt WHERE id = @id')
      .run(row);
  }

  async deleteProfile(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM profiles WHERE id = ?').run(id).changes === 1;
  }

  async getProfile(id: string): Promise<ProfileRow | undefined> {
    return toProfile(this.statement('SELECT * FROM profiles WHERE id = ?').get(id) as Row | undefined);
  }

  async listProfilesVisibleTo(userId: string): Promise<ProfileRow[]> {
    const rows = this.db
      .prepare("SELECT * FROM profiles WHERE scope = 'company' OR owner_id = ? ORDER BY scope DESC, created_at")
      .all(userId) as Row[];
    return rows.map((r) => toProfile(r)!);
  }

  async listAllProfiles(): Promise<ProfileRow[]> {
    return (this.db.prepare('SELECT * FROM profiles ORDER BY created_at').all() as Row[]).map((r) => toProfile(r)!);
  }

  async saveProfiles(changes: { insert?: ProfileRow; update: ProfileRow[] }): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO profiles (id, owner_id, scope, data, secrets, created_at, updated_at)
       VALUES (@id, @ownerId, @scope, @data, @secrets, @createdAt, @updatedAt)`,
    );
    const update = this.db.prepare(
      'UPDATE profiles SET owner_id = @ownerId, scope = @scope, data = @data, secrets = @secrets, updated_at = @updatedAt WHERE id = @id',
    );
    this.db.transaction(() => {
      if (changes.insert) insert.run(changes.insert);
      for (const row of changes.update) update.run(row);
    }).immediate();
  }

  async lastFinishedDelivery(profileId: string): Promise<{ status: 'sent' | 'failed'; problemCode: string | null; at: number } | undefined> {
    const row = this.db
      .prepare(
        `SELECT status, problem_code, updated_at FROM messages WHERE profile_id = ? AND status IN ('sent', 'failed')
         ORDER BY updated_at DESC LIMIT 1`,
      )
      .get(profileId) as Row | undefined;
    if (!row) return undefined;
    return { status: row.status as 'sent' | 'failed', problemCode: (row.problem_code as string | null) ?? null, at: row.updated_at as number };
  }

  async listUsers(): Promise<UserRow[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY created_at, email').all() as Row[]).map((r) => toUser(r)!);
  }

  async getSenderAllowances(userId: string): Promise<string[]> {
    const rows = this.db.prepare('SELECT pattern FROM sender_allowances WHERE user_id = ? ORDER BY created_at, pattern').all(userId) as Row[];
    return rows.map((r) => r.pattern as string);
  }

  async setSenderAllowances(userId: string, patterns: string[], now: number): Promise<void> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO sender_allowances (user_id, pattern, created_at) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sender_allowances WHERE user_id = ?').run(userId);
      patterns.forEach((pattern, i) => insert.run(userId, pattern, now + i));
    }).immediate();
  }

  /** Tables whose `secrets` column holds a profile's sealed secrets, with the column naming the profile. */
  private profileSecretTables(): { table: string; idColumn: string }[] {
    const known = [
      { table: 'profiles', idColumn: 'id' },
      { table: 'profile_delivery_settings', idColumn: 'profile_id' },
      { table: 'oauth_access_tokens', idColumn: 'profile_id' },
    ];
    const present = new Set(
      (this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Row[]).map((r) => r.name as string),
    );
    return known.filter((t) => present.has(t.table));
  }

  async listProfileSecrets(): Promise<{ table: string; profileId: string; secrets: string }[]> {
    return this.profileSecretTables().flatMap(({ table, idColumn }) =>
      (this.db.prepare(`SELECT ${idColumn} AS id, secrets FROM ${table} WHERE secrets IS NOT NULL`).all() as Row[]).map((r) => ({
        table,
        profileId: r.id as string,
        secrets: r.secrets as string,
      })),
    );
  }

  async rewriteProfileSecrets(rewrite: (owner: { table: string; profileId: string; secrets: string }) => string | null): Promise<number> {
    // secure_delete (always on, see the constructor) zeroes the space the old ciphertexts occupied, so
    // the old key cannot open a copy of them left in free pages; VACUUM rewrites the file without the
    // free pages of a database written before secure_delete was on; the checkpoint then moves
    // everything out of the WAL file and truncates it.
    {
      const changed = this.db.transaction(() => {
        let count = 0;
        for (const { table, idColumn } of this.profileSecretTables()) {
          const rows = this.db.prepare(`SELECT ${idColumn} AS id, secrets FROM ${table} WHERE secrets IS NOT NULL`).all() as Row[];
          const update = this.db.prepare(`UPDATE ${table} SET secrets = ? WHERE ${idColumn} = ?`);
          for (const row of rows) {
            const next = rewrite({ table, profileId: row.id as string, secrets: row.secrets as string });
            if (next !== null && next !== row.secrets) {
              update.run(next, row.id);
              count++;
            }
          }
        }
        return count;
      }).immediate();
      try {
        this.db.exec('VACUUM');
      } catch {
        // Busy (another connection is reading): the freed pages were zeroed all the same.
      }
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      return changed;
    }
  }

  private messagesOfSend(sendId: string): MessageRow[] {
    const rows = this.statement(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE send_id = ? ORDER BY part_number`).all(sendId) as Row[];
    return rows.map(toMessage);
  }

  /**
   * Group commit: sends that reach the store in the same turn of the event loop are written in one
   * transaction with one fsync (synchronous=FULL), each in a savepoint of its own so that one
   * failing send does not undo the others. Every caller is answered only after the commit.
   */
  enqueueSend(send: NewSend): Promise<EnqueueResult> {
    // The worker will claim it soon: its thread starts now, while this send is committed.
    this.outboxThread();
    return new Promise((resolve, reject) => {
      this.pendingSends.push({ send, resolve, reject });
      if (this.pendingSends.length === 1) setImmediate(() => this.flushSends());
    });
  }

  private flushSends(): void {
    const batch = this.pendingSends.splice(0);
    const outcomes: ({ ok: true; value: EnqueueResult } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const { send } of batch) {
          try {
            outcomes.push({ ok: true, value: this.writeSend(send) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      this.storageFailure.note(error);
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    this.storageFailure.clear();
    // Committed: the worker will claim these in a moment, and finds their bodies here.
    batch.forEach(({ send }, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok || outcome.value.kind !== 'created') return;
      for (const message of send.messages) this.freshBodies.remember(message.id, message.raw);
    });
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }

  /** One send's rows; inside the batch's transaction, as a savepoint of its own. */
  private writeSend(send: NewSend): EnqueueResult {
    const insertSend = this.statement(
      'INSERT INTO sends (id, user_id, idempotency_key, request_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const insertMessage = this.statement(
      `INSERT INTO messages (id, send_id, user_id, profile_id, message_id, envelope, raw, size_bytes, summary, document_ref,
         documents, part_number, part_count, fallback, status, attempts, attempt_count, next_attempt_at,
         sent_copy_status, sent_copy_next_at, created_at, updated_at)
       VALUES (@id, @sendId, @userId, @profileId, @messageId, @envelope, x'', @sizeBytes, @summary, @documentRef,
         @documents, @partNumber, @partCount, @fallback, 'queued', 0, 0, @createdAt,
         @sentCopyStatus, NULL, @createdAt, @createdAt)`,
    );
    const insertBody = this.statement('INSERT INTO message_bodies (message_id, raw) VALUES (?, ?)');
    const insertChunk = this.statement('INSERT INTO message_body_chunks (message_id, seq, bytes) VALUES (?, ?, ?)');
    const insertDocument = this.statement('INSERT OR IGNORE INTO message_documents (message_id, ref) VALUES (?, ?)');
    // Under the batch's IMMEDIATE transaction: the key check and the insert hold the write lock
    // together, so two concurrent requests with one key cannot both insert.
    return this.db.transaction((): EnqueueResult => {
      if (send.idempotencyKey !== null) {
        const existing = this.statement('SELECT id, request_hash FROM sends WHERE user_id = ? AND idempotency_key = ?').get(
          send.userId,
          send.idempotencyKey,
        ) as Row | undefined;
        if (existing) {
          return {
            kind: 'existing',
            messages: this.messagesOfSend(existing.id as string),
            sameRequest: existing.request_hash === send.requestHash,
          };
        }
      }
      insertSend.run(send.id, send.userId, send.idempotencyKey, send.requestHash, send.createdAt);
      for (const message of send.messages) {
        insertMessage.run({
          id: message.id,
          sendId: send.id,
          userId: send.userId,
          profileId: message.profileId,
          messageId: message.messageId,
          envelope: message.envelope,
          sizeBytes: message.raw.length,
          summary: message.summary,
          documentRef: message.documentRef,
          documents: message.documents.length ? JSON.stringify(message.documents) : null,
          partNumber: message.partNumber,
          partCount: message.partCount,
          fallback: message.fallback,
          sentCopyStatus: message.wantsSentCopy ? 'pending' : null,
          createdAt: send.createdAt,
        });
        if (message.raw.length <= BODY_CHUNK_BYTES) insertBody.run(message.id, wholeBody(message.raw));
        else {
          // In chunks, each bound (and copied by SQLite) on its own: never a second copy of the whole body.
          let seq = 0;
          for (const chunk of bodyChunks(message.raw)) insertChunk.run(message.id, seq++, chunk);
        }
        for (const document of message.documents) insertDocument.run(message.id, document.ref);
      }
      return { kind: 'created', messages: this.messagesOfSend(send.id) };
    })();
  }

  async findSendByIdempotencyKey(userId: string, key: string): Promise<{ requestHash: string; messages: MessageRow[] } | undefined> {
    const row = this.statement('SELECT id, request_hash FROM sends WHERE user_id = ? AND idempotency_key = ?').get(userId, key) as
      | Row
      | undefined;
    return row ? { requestHash: row.request_hash as string, messages: this.messagesOfSend(row.id as string) } : undefined;
  }

  async getMessage(id: string): Promise<MessageRow | undefined> {
    const row = this.statement(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`).get(id) as Row | undefined;
    return row ? toMessage(row) : undefined;
  }

  async listMessages(filter: { userId?: string; documentRef?: string; limit: number }): Promise<MessageRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.userId) {
      where.push('messages.user_id = ?');
      params.push(filter.userId);
    }
    if (filter.documentRef) {
      where.push('(document_ref = ? OR id IN (SELECT message_id FROM message_documents WHERE ref = ?))');
      params.push(filter.documentRef, filter.documentRef);
    }
    const sql = `SELECT ${MESSAGE_COLUMNS} FROM messages ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY messages.created_at DESC, part_number LIMIT ?`;
    return (this.statement(sql).all(...params, filter.limit) as Row[]).map(toMessage);
  }

  async claimDueMessages(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]> {
    // Nothing due (the common case between sends): no write transaction at all.
    const found = this.statement(ANY_DUE_SQL).get({ now }) as { waiting: number; expired: number };
    if (!found.waiting && !found.expired) return [];
    const params = [{ now, limit, owner, until: now + leaseMs }];
    // One transaction, the same rows: the claim takes exactly the ones recorded as interrupted.
    const results = await this.outboxWrite([
      ...(found.expired ? [{ sql: RECORD_INTERRUPTED_SQL, params: [{ now, limit }] }] : []),
      { sql: CLAIM_SQL, params, all: true },
    ]);
    const rows = results.at(-1) as Row[];
    const readBody = this.statement('SELECT raw FROM message_bodies WHERE message_id = ?').pluck();
    // No body row: stored in chunks (readMessageBodyChunk).
    return rows
      .map((row) => {
        const id = row.id as string;
        return { ...toMessage(row), raw: this.freshBodies.get(id) ?? (readBody.get(id) as Buffer | undefined) ?? null };
      })
      .sort((x, y) => (x.nextAttemptAt ?? 0) - (y.nextAttemptAt ?? 0));
  }

  async renewLeases(ids: string[], owner: string, until: number): Promise<void> {
    if (ids.length === 0) return;
    await this.outboxWrite(ids.map((id) => ({ sql: RENEW_LEASE_SQL, params: [until, id, owner] })));
  }

  async finishAttempts(owner: string, finished: FinishedAttempt[]): Promise<boolean[]> {
    if (finished.length === 0) return [];
    // Per attempt: the message's update, which applies only while this worker still holds the
    // lease, then its attempt, recorded only when the update changed the message (changes()).
    const ops = finished.flatMap(({ id, attempt, result }): SqlOp[] => {
      const now = attempt.finishedAt;
      const problemCode = result.outcome === 'sent' ? null : result.problemCode;
      return [
        result.outcome === 'sent'
          ? { sql: MARK_SENT_SQL, params: [result.reply, now, now, now, id, owner] }
          : {
              sql: MARK_OTHER_SQL,
              params: [result.outcome, result.reply, problemCode, result.outcome === 'deferred' ? result.nextAttemptAt : null, result.outcome, now, id, owner],
            },
        {
          sql: INSERT_ATTEMPT_IF_CHANGED_SQL,
          params: [id, attempt.startedAt, attempt.finishedAt, result.outcome, attempt.reply, attempt.responseCode, attempt.errorCode, problemCode],
        },
      ];
    });
    // Durable before this resolves (a "sent" that a power cut could take back would send the mail
    // again). The worker groups the attempts that finish together into one call: one transaction
    // and one fsync for them all.
    const results = await this.outboxWrite(ops, { sync: true });
    return finished.map(({ id, result }, i) => {
      const applied = results[2 * i] === 1;
      // Final: its body is not sent again (a Sent copy reads it from the table).
      if (applied && result.outcome !== 'deferred') this.freshBodies.forget(id);
      return applied;
    });
  }

  private outboxThread(): SqlThread | undefined {
    if (this.file === ':memory:' || this.closed) return undefined;
    // A thread that died (it should not) is replaced: the writes that were waiting on it failed, and
    // the worker retries them like any failed claim or result.
    if (!this.thread || this.thread.stopped) this.thread = new SqlThread(this.file);
    return this.thread;
  }

  /**
   * A write of the outbox's hot path: on the SQLite thread's connection (sql-thread.mjs), so that
   * its work stays off the event loop; in process for a database in memory, which a second
   * connection cannot open (and which no disk could make durable). `sync`: durable (on disk)
   * before it resolves.
   */
  private async outboxWrite(ops: SqlOp[], { sync = false } = {}): Promise<SqlOpResult[]> {
    try {
      const thread = this.outboxThread();
      const results = thread ? await thread.run(ops, { sync }) : this.relaxed(() => runOps(this.db, ops));
      this.storageFailure.clear();
      return results;
    } catch (error) {
      this.storageFailure.note(error);
      throw error;
    }
  }

  async releaseLease(id: string, owner: string, now: number): Promise<void> {
    await this.outboxWrite(
      [
        { sql: RELEASE_LEASE_SQL, params: [now, now, id, owner] },
        { sql: INSERT_RELEASED_IF_CHANGED_SQL, params: [id, now, now] },
      ],
      { sync: true },
    );
  }

  async finishAttempt(id: string, owner: string, attempt: FinishedAttempt['attempt'], result: AttemptResult): Promise<boolean> {
    const [applied] = await this.finishAttempts(owner, [{ id, attempt, result }]);
    return applied ?? false;
  }

  async postponeMessage(id: string, owner: string, until: number): Promise<void> {
    await this.outboxWrite([{ sql: POSTPONE_SQL, params: [until, id, owner] }]);
  }

  async listAttempts(messageId: string): Promise<AttemptRecord[]> {
    return this.listAttemptsOfMessages([messageId]);
  }

  async listAttemptsOfMessages(messageIds: string[]): Promise<AttemptRecord[]> {
    if (messageIds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM attempts WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify(messageIds)) as Row[];
    return rows.map(toAttempt);
  }

  async readMessageBodyChunk(messageId: string, seq: number): Promise<Buffer | undefined> {
    const row = this.statement('SELECT bytes FROM message_body_chunks WHERE message_id = ? AND seq = ?').get(messageId, seq) as
      | { bytes: Buffer }
      | undefined;
    return row?.bytes;
  }

  async claimDueSentCopies(now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]> {
    const due = this.statement(
      `SELECT id FROM messages WHERE sent_copy_status = 'pending' AND status = 'sent' AND sent_copy_next_at <= ?
       ORDER BY sent_copy_next_at LIMIT ?`,
    );
    // Checked first without a write transaction: the worker looks once per poll.
    if (due.all(now, 1).length === 0) return [];
    const select = this.statement(
      `SELECT ${MESSAGE_COLUMNS}, message_bodies.raw FROM messages LEFT JOIN message_bodies ON message_bodies.message_id = messages.id
       WHERE messages.id = ?`,
    );
    const push = this.statement('UPDATE messages SET sent_copy_next_at = ?, sent_copy_attempts = sent_copy_attempts + 1 WHERE id = ?');
    return this.relaxed(() =>
      (due.all(now, limit) as { id: string }[]).map(({ id }) => {
        const row = select.get(id) as Row;
        push.run(now + leaseMs, id);
        return { ...toMessage(row), sentCopyAttempts: (row.sent_copy_attempts as number) + 1, raw: (row.raw as Buffer | null) ?? null };
      }),
    );
  }

  async finishSentCopy(
    id: string,
    result: { status: SentCopyStatus; folder: string | null; error: string | null; nextAt: number | null },
  ): Promise<void> {
    this.db
      .prepare(
        `UPDATE messages SET sent_copy_status = ?, sent_copy_folder = coalesce(?, sent_copy_folder), sent_copy_error = ?,
           sent_copy_next_at = ? WHERE id = ?`,
      )
      .run(result.status, result.folder, result.error, result.nextAt, id);
  }

  async getDeliverySettings(profileId: string): Promise<DeliverySettingsRow | undefined> {
    return toDeliverySettings(this.statement('SELECT * FROM profile_delivery_settings WHERE profile_id = ?').get(profileId) as Row | undefined);
  }

  async putDeliverySettings(row: Omit<DeliverySettingsRow, 'serverMaxBytes'>): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO profile_delivery_settings (profile_id, data, secrets, updated_at) VALUES (@profileId, @data, @secrets, @updatedAt)
         ON CONFLICT (profile_id) DO UPDATE SET data = excluded.data, secrets = excluded.secrets, updated_at = excluded.updated_at`,
      )
      .run(row);
  }

  async recordServerMaxBytes(profileId: string, bytes: number, now: number): Promise<void> {
    // The row may not exist yet (no settings saved): create it with empty settings. A learned limit
    // does not change `updated_at`, which would otherwise look like a settings change and reopen
    // the profile's connections.
    this.db
      .prepare(
        `INSERT INTO profile_delivery_settings (profile_id, data, secrets, server_max_bytes, updated_at)
         SELECT ?, '{"v":1}', NULL, ?, ? WHERE EXISTS (SELECT 1 FROM profiles WHERE id = ?)
         ON CONFLICT (profile_id) DO UPDATE SET server_max_bytes = excluded.server_max_bytes`,
      )
      .run(profileId, bytes, now, profileId);
  }

  async listRecipes(): Promise<RecipeRow[]> {
    return (this.statement('SELECT * FROM recipes ORDER BY created_at, id').all() as Row[]).map(toRecipe);
  }

  async getRecipe(id: string): Promise<RecipeRow | undefined> {
    const row = this.statement('SELECT * FROM recipes WHERE id = ?').get(id) as Row | undefined;
    return row ? toRecipe(row) : undefined;
  }

  async insertRecipe(row: RecipeRow): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO recipes (id, format_version, data, published_by, created_at, updated_at)
         VALUES (@id, @formatVersion, @data, @publishedBy, @createdAt, @updatedAt)`,
      )
      .run(row);
  }

  async deleteRecipe(id: string): Promise<boolean> {
    return this.statement('DELETE FROM recipes WHERE id = ?').run(id).changes === 1;
  }

  async listTemplates(userId: string): Promise<TemplateRow[]> {
    return (this.statement("SELECT * FROM message_templates WHERE owner_id IN ('', ?) ORDER BY kind, language, owner_id").all(userId) as Row[]).map(toTemplate);
  }

  async putTemplate(row: TemplateRow): Promise<void> {
    this.statement(
      `INSERT INTO message_templates (owner_id, kind, language, subject, message, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (owner_id, kind, language) DO UPDATE SET subject = excluded.subject, message = excluded.message,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ).run(row.ownerId ?? '', row.kind, row.language, row.subject, row.message, row.updatedBy, row.updatedAt);
  }

  async deleteTemplate(ownerId: string | null, kind: string, language: string): Promise<boolean> {
    return this.statement('DELETE FROM message_templates WHERE owner_id = ? AND kind = ? AND language = ?').run(ownerId ?? '', kind, language).changes === 1;
  }

  async createAppPassword(row: AppPasswordRow): Promise<void> {
    this.statement('INSERT INTO app_passwords (id, user_id, name, hash, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      row.id, row.userId, row.name, row.hash, row.createdAt, row.lastUsedAt,
    );
  }

  async listAppPasswords(userId: string): Promise<AppPasswordRow[]> {
    const rows = this.statement('SELECT * FROM app_passwords WHERE user_id = ? ORDER BY created_at, id').all(userId) as Row[];
    return rows.map((r) => ({
      id: r.id as string,
      userId: r.user_id as string,
      name: r.name as string,
      hash: r.hash as string,
      createdAt: r.created_at as number,
      lastUsedAt: (r.last_used_at as number | null) ?? null,
    }));
  }

  async deleteAppPassword(userId: string, id: string): Promise<boolean> {
    return this.statement('DELETE FROM app_passwords WHERE id = ? AND user_id = ?').run(id, userId).changes === 1;
  }

  async touchAppPassword(id: string, now: number): Promise<void> {
    this.statement('UPDATE app_passwords SET last_used_at = ? WHERE id = ?').run(now, id);
  }

  async findCustomers(keys: { numberKey?: string; nameKey?: string }, limit: number): Promise<CustomerRow[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM customers WHERE (@numberKey IS NOT NULL AND number_key = @numberKey) OR (@nameKey IS NOT NULL AND name_key = @nameKey)
         ORDER BY updated_at DESC, id LIMIT @limit`,
      )
      .all({ numberKey: keys.numberKey ?? null, nameKey: keys.nameKey ?? null, limit }) as Row[];
    return rows.map(toCustomer);
  }

  async getCustomer(id: string): Promise<CustomerRow | undefined> {
    const row = this.statement('SELECT * FROM customers WHERE id = ?').get(id) as Row | undefined;
    return row ? toCustomer(row) : undefined;
  }

  async insertCustomer(row: CustomerRow): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT INTO customers (id, name, name_key, number, number_key, recipients, updated_by, created_at, updated_at)
         VALUES (@id, @name, @nameKey, @number, @numberKey, @recipients, @updatedBy, @createdAt, @updatedAt) ON CONFLICT DO NOTHING`,
      )
      .run(row);
    return result.changes === 1;
  }

  async updateCustomer(row: CustomerRow): Promise<boolean> {
    try {
      const result = this.db
        .prepare(
          `UPDATE customers SET name = @name, name_key = @nameKey, number = @number, number_key = @numberKey, recipients = @recipients,
           updated_by = @updatedBy, updated_at = @updatedAt WHERE id = @id`,
        )
        .run(row);
      return result.changes === 1;
    } catch (error) {
      // The new customer number is another entry's: the caller answers 409.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
      throw error;
    }
  }

  async deleteCustomer(id: string): Promise<boolean> {
    return this.statement('DELETE FROM customers WHERE id = ?').run(id).changes === 1;
  }

  async getOAuthAccessToken(profileId: string): Promise<OAuthAccessTokenRow | undefined> {
    const row = this.statement('SELECT * FROM oauth_access_tokens WHERE profile_id = ?').get(profileId) as Row | undefined;
    return row ? toOAuthAccessToken(row) : undefined;
  }

  async putOAuthAccessToken(row: OAuthAccessTokenRow): Promise<void> {
    // INSERT … SELECT: a profile deleted meanwhile gets no orphan token (and no foreign key error).
    this.db
      .prepare(
        `INSERT INTO oauth_access_tokens (profile_id, credential_key, secrets, obtained_at, expires_at)
         SELECT @profileId, @credentialKey, @secrets, @obtainedAt, @expiresAt WHERE EXISTS (SELECT 1 FROM profiles WHERE id = @profileId)
         ON CONFLICT (profile_id) DO UPDATE SET credential_key = excluded.credential_key, secrets = excluded.secrets,
           obtained_at = excluded.obtained_at, expires_at = excluded.expires_at`,
      )
      .run(row);
  }

  async deleteOAuthAccessToken(profileId: string, obtainedAt?: number): Promise<void> {
    if (obtainedAt === undefined) this.statement('DELETE FROM oauth_access_tokens WHERE profile_id = ?').run(profileId);
    else this.statement('DELETE FROM oauth_access_tokens WHERE profile_id = ? AND obtained_at = ?').run(profileId, obtainedAt);
  }

  async setProfileOAuthGrant(
    profileId: string,
    grant: { refreshToken: string | null; state?: string | null },
    options: { ifRefreshTokenIs?: string | null; touchedAt?: number } = {},
  ): Promise<boolean> {
    // json_set / json_remove change one field of the secrets JSON and keep the others (the password,
    // the client secret) exactly as they are.
    const secrets =
      grant.refreshToken === null
        ? "json_remove(coalesce(secrets, '{}'), '$.refreshToken')"
        : "json_set(coalesce(secrets, '{}'), '$.refreshToken', @refreshToken)";
    const state = (grant.state === undefined ? '' : ', oauth_state = @state') + (options.touchedAt === undefined ? '' : ', updated_at = @touchedAt');
    const guard = 'ifRefreshTokenIs' in options ? " AND json_extract(coalesce(secrets, '{}'), '$.refreshToken') IS @expected" : '';
    const result = this.db
      .prepare(`UPDATE profiles SET secrets = ${secrets}${state} WHERE id = @profileId${guard}`)
      .run({ profileId, refreshToken: grant.refreshToken, state: grant.state ?? null, expected: options.ifRefreshTokenIs ?? null, touchedAt: options.touchedAt ?? null });
    return result.changes === 1;
  }

  async createOAuthSignIn(row: OAuthSignInRow): Promise<void> {
    this.db.transaction(() => {
      this.statement('DELETE FROM oauth_sign_ins WHERE profile_id = ?').run(row.profileId);
      this.db
        .prepare(
          `INSERT INTO oauth_sign_ins (id, profile_id, user_id, provider, flow, status, state_hash, sealed, details,
             poll_interval_ms, next_poll_at, problem_code, result, created_at, expires_at, updated_at)
           VALUES (@id, @profileId, @userId, @provider, @flow, @status, @stateHash, @sealed, @details,
             @pollIntervalMs, @nextPollAt, @problemCode, @result, @createdAt, @expiresAt, @updatedAt)`,
        )
        .run(row);
    }).immediate();
  }

  async getOAuthSignIn(id: string): Promise<OAuthSignInRow | undefined> {
    const row = this.statement('SELECT * FROM oauth_sign_ins WHERE id = ?').get(id) as Row | undefined;
    return row ? toOAuthSignIn(row) : undefined;
  }

  async claimOAuthSignInPoll(id: string, now: number, nextPollAt: number): Promise<boolean> {
    return (
      this.db
        .prepare("UPDATE oauth_sign_ins SET next_poll_at = ?, updated_at = ? WHERE id = ? AND status = 'pending' AND next_poll_at <= ?")
        .run(nextPollAt, now, id, now).changes === 1
    );
  }

  async setOAuthSignInPollInterval(id: string, pollIntervalMs: number, nextPollAt: number): Promise<void> {
    this.db
      .prepare("UPDATE oauth_sign_ins SET poll_interval_ms = ?, next_poll_at = ? WHERE id = ? AND status = 'pending'")
      .run(pollIntervalMs, nextPollAt, id);
  }

  async finishOAuthSignIn(
    id: string,
    outcome: { status: 'signed_in' | 'failed' | 'expired'; problemCode: string | null; result: string | null; now: number },
  ): Promise<boolean> {
    return (
      this.db
        .prepare(
          `UPDATE oauth_sign_ins SET status = ?, problem_code = ?, result = ?, next_poll_at = NULL, updated_at = ?
           WHERE id = ? AND status = 'pending'`,
        )
        .run(outcome.status, outcome.problemCode, outcome.result, outcome.now, id).changes === 1
    );
  }

  private outboxLock: OutboxLock | undefined;
  private lockOwner: string | undefined;

  async instanceHeartbeat(owner: string, options: { now: number; deadAfterMs: number; takeOver: boolean }): Promise<InstanceState> {
    // In memory nobody else can open the database: this worker is the only one.
    if (this.file === ':memory:') return { mayClaim: true, takenBack: 0 };
    if (this.lockOwner !== undefined && this.lockOwner !== owner) return { mayClaim: false, takenBack: 0 };
    this.outboxLock ??= new OutboxLock(outboxLockFile(this.file));
    const hadIt = this.outboxLock.held;
    if (!this.outboxLock.tryAcquire()) return { mayClaim: false, takenBack: 0 };
    this.lockOwner = owner;
    if (hadIt) return { mayClaim: true, takenBack: 0 };
    // Just taken: whoever claimed the messages still marked sending is dead (its lock went with it).
    const [takenBack] = await this.outboxWrite([{ sql: TAKE_BACK_SQL, params: [options.now, owner, options.now] }], { sync: false });
    return { mayClaim: true, takenBack: takenBack as number };
  }

  async endInstance(owner: string): Promise<void> {
    if (this.lockOwner !== owner) return;
    this.outboxLock?.release();
    this.lockOwner = undefined;
  }
}

/** The outbox lock's file beside the database (see OutboxLock). */
export function outboxLockFile(databaseFile: string): string {
  return `${databaseFile}-outbox.lock`;
}

/** Every message another owner holds: due again now (the lock says that owner is gone). */
const TAKE_BACK_SQL = `UPDATE messages SET lease_until = ? WHERE status = 'sending' AND lease_owner IS NOT ? AND lease_until > ?`;

function toOAuthAccessToken(row: Row): OAuthAccessTokenRow {
  return {
    profileId: row.profile_id as string,
    credentialKey: row.credential_key as string,
    secrets: row.secrets as string,
    obtainedAt: row.obtained_at as number,
    expiresAt: row.expires_at as number,
  };
}

function toOAuthSignIn(row: Row): OAuthSignInRow {
  return {
    id: row.id as string,
    profileId: row.profile_id as string,
    userId: row.user_id as string,
    provider: row.provider as OAuthSignInRow['provider'],
    flow: row.flow as OAuthSignInRow['flow'],
    status: row.status as OAuthSignInRow['status'],
    stateHash: (row.state_hash as string | null) ?? null,
    sealed: row.sealed as string,
    details: row.details as string,
    pollIntervalMs: (row.poll_interval_ms as number | null) ?? null,
    nextPollAt: (row.next_poll_at as number | null) ?? null,
    problemCode: (row.problem_code as string | null) ?? null,
    result: (row.result as string | null) ?? null,
    createdAt: row.created_at as number,
    expiresAt: row.expires_at as number,
    updatedAt: row.updated_at as number,
  };
}

function toTemplate(row: Row): TemplateRow {
  return {
    ownerId: (row.owner_id as string) || null,
    kind: row.kind as string,
    language: row.language as string,
    subject: row.subject as string,
    message: row.message as string,
    updatedBy: (row.updated_by as string | null) ?? null,
    updatedAt: row.updated_at as number,
  };
}

function toRecipe(row: Row): RecipeRow {
  return {
    id: row.id as string,
    formatVersion: row.format_version as number,
    data: row.data as string,
    publishedBy: (row.published_by as string | null) ?? null,
    createdAt: row.created_at as number,
    updatedAt: row.updated_at as number,
  };
}

function toCustomer(row: Row): CustomerRow {
  return {
    id: row.id as string,
    name: (row.name as string | null) ?? null,
    nameKey: (row.name_key as string | null) ?? null,
    number: (row.number as string | null) ?? null,
    numberKey: (row.number_key as string | null) ?? null,
    recipients: row.recipients as string,
    updatedBy: (row.updated_by as string | null) ?? null,
    createdAt: row.created_at as number,
    updatedAt: row.updated_at as number,
  };
}
