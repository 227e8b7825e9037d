import { hostname } from 'node:os';
import { markStoreError, RecentStorageFailure } from '../store-errors';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { migrateToLatest } from '../migrations/migrate-to-latest';
import pg from 'pg';
import { BODY_CHUNK_BYTES, bodyChunks, TOKEN_LAST_USED_PRECISION_MS, wholeBody } from '../types';
import type { MessageStatus } from '../../../shared/schemas';
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
  SentCopyStatus,
  OAuthAccessTokenRow,
  OAuthSignInRow,
  ProfileRow,
  RecipeRow,
  TemplateRow,
  CustomerRow,
  Store,
  UserRow,
} from '../types';

/** Any fixed number: every relay instance takes this advisory lock while it migrates. */
const MIGRATION_LOCK = 774_177_001;

const INT8_OID = 20;

/** The database's clock in epoch milliseconds (heartbeats, issue 15). */
const DB_NOW_MS = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/** The longest a query may take before the relay gives up on it (OWNPOST_DB_TIMEOUT). @default 10 s */
export const DEFAULT_DB_TIMEOUT_MS = 10_000;

/**
 * Timeouts and keepalive for the pool (issue 15): without them a stalled connection (a firewall
 * that drops packets, a database host that froze) hung every request for the whole stall. The
 * server cancels a statement a little before the client gives up on it (a cancelled statement
 * says so, and the connection stays usable); the client's own limit covers a network that carries
 * nothing at all. A client that timed out is thrown away, not given back to the pool.
 */
function poolTimeouts(timeoutMs: number) {
  return {
    connectionTimeoutMillis: Math.min(timeoutMs, 5_000),
    query_timeout: timeoutMs,
    statement_timeout: Math.max(100, Math.floor(timeoutMs * 0.8)),
    idle_in_transaction_session_timeout: Math.max(1_000, timeoutMs * 3),
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}


// Columns aliased to the row types' field names, so rows need no mapping code.
const USER_COLUMNS = `users.id, users.email, users.name, users.role, users.created_at AS "createdAt"`;
const PROFILE_COLUMNS = `id, owner_id AS "ownerId", scope, data, secrets, created_at AS "createdAt", updated_at AS "updatedAt",
  oauth_state AS "oauthState"`;
const OAUTH_ACCESS_TOKEN_COLUMNS = `profile_id AS "profileId", credential_key AS "credentialKey", secrets, obtained_at AS "obtainedAt",
  expires_at AS "expiresAt"`;
const OAUTH_SIGN_IN_COLUMNS = `id, profile_id AS "profileId", user_id AS "userId", provider, flow, status, state_hash AS "stateHash", sealed,
  details, poll_interval_ms AS "pollIntervalMs", next_poll_at AS "nextPollAt", problem_code AS "problemCode", result,
  created_at AS "createdAt", expires_at AS "expiresAt", updated_at AS "updatedAt"`;
const MESSAGE_COLUMNS = `id, send_id AS "sendId", user_id AS "userId", profile_id AS "profileId", message_id AS "messageId",
  envelope, summary, document_ref AS "documentRef", documents, part_number AS "partNumber", part_count AS "partCount", fallback,
  status, attempt_count AS attempts, next_attempt_at AS "nextAttemptAt", lease_owner AS "leaseOwner", lease_until AS "leaseUntil",
  last_reply AS "lastReply", problem_code AS "problemCode", sent_at AS "sentAt", size_bytes AS "sizeBytes",
  sent_copy_status AS "sentCopyStatus", sent_copy_attempts AS "sentCopyAttempts", sent_copy_next_at AS "sentCopyNextAt",
  sent_copy_folder AS "sentCopyFolder", sent_copy_error AS "sentCopyError", created_at AS "createdAt", updated_at AS "updatedAt"`;
const ATTEMPT_COLUMNS = `message_id AS "messageId", started_at AS "startedAt", finished_at AS "finishedAt", outcome, reply,
  response_code AS "responseCode", error_code AS "errorCode", problem_code AS "problemCode"`;
const DELIVERY_SETTINGS_COLUMNS = `profile_id AS "profileId", data, secrets, server_max_bytes AS "serverMaxBytes", updated_at AS "updatedAt"`;
const CUSTOMER_COLUMNS = `id, name, name_key AS "nameKey", number, number_key AS "numberKey", recipients, updated_by AS "updatedBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;
const RECIPE_COLUMNS = `id, format_version AS "formatVersion", data, published_by AS "publishedBy", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** `documents` is stored as JSON text; every other column maps by its alias. */
function toMessage<T extends MessageRow>(row: Omit<T, 'documents'> & { documents: string | null }): T {
  return { ...row, documents: row.documents ? JSON.parse(row.documents) : [] } as T;
}

/**
 * Runs `fn` in a transaction on one client of `pool`, for every PostgreSQL repository (the store, the
 * people store). A connection whose query timed out or broke is not given back to the pool, and the
 * error is marked as the store's own (issue 15: relay/store/store-errors.ts).
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
    throw markStoreError(error);
  } finally {
    client.release(broken);
  }
}

/**
 * The store for several relay instances sharing one PostgreSQL database. Every piece of state lives
 * in the database (no per-process caches), the outbox is claimed with FOR UPDATE SKIP LOCKED under
 * leases, and migrations run under an advisory lock so instances may start together.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;

  private constructor(connectionString: string, options: { schema?: string; max?: number; timeoutMs?: number }) {
    this.pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      ...poolTimeouts(options.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS),
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
      // BIGINT (epoch ms) as numbers: every value we store fits in 2^53.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client's error (database restarted) must not crash the relay; the next query reconnects.
    this.pool.on('error', () => {});
    // Errors of the connection to the database are marked as the store's, so that the HTTP layer
    // answers them 503 store_unavailable (store-errors.ts), and a mail server's ECONNREFUSED stays its own.
    const query = this.pool.query.bind(this.pool) as (...args: unknown[]) => unknown;
    const connect = this.pool.connect.bind(this.pool) as (...args: unknown[]) => unknown;
    const marked = (result: unknown) =>
      result instanceof Promise ? result.catch((error: unknown) => Promise.reject(markStoreError(error))) : result;
    (this.pool as { query: unknown }).query = (...args: unknown[]) => marked(query(...args));
    (this.pool as { connect: unknown }).connect = (...args: unknown[]) => marked(connect(...args));
  }

  /** Connects and applies pending migrations. `schema` isolates tests sharing one database. */
  static async open(connectionString: string, options: { schema?: string; max?: number; timeoutMs?: number } = {}): Promise<PostgresStore> {
    await PostgresStore.migrate(connectionString, options.schema);
    return new PostgresStore(connectionString, options);
  }

  /**
   * Applies pending migrations on a connection of its own, without the pool's timeouts (an index on
   * a large outbox may take minutes), under an advisory lock: relays that start together take turns,
   * and the later ones find nothing left to do.
   */
  private static async migrate(connectionString: string, schema?: string): Promise<void> {
    const pool = new pg.Pool({ connectionString, max: 1, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
    pool.on('error', () => {});
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    try {
      await db.connection().execute(async (connection) => {
        await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
        try {
          if (schema) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(connection);
          const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(connection);
          await migrateToLatest(connection, { schema: rows[0]!.schema });
        } finally {
          await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection).catch(() => {});
        }
      });
    } catch (error) {
      throw markStoreError(error);
    } finally {
      await db.destroy();
    }
  }

  /** Runs `fn` in a transaction on one client. */
  private transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, fn);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /** Writes that failed for room on the database server (53100 disk_full), until one succeeds. */
  private readonly storageFailure = new RecentStorageFailure();

  async checkWritable(): Promise<void> {
    this.storageFailure.check();
    // A standby (after a failover, or a misconfigured URL) answers queries but takes no write.
    const { rows } = await this.pool.query<{ readOnly: boolean }>(
      `SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on' AS "readOnly"`,
    );
    if (rows[0]?.readOnly) throw Object.assign(new Error('the database is read-only'), { code: '25006' });
  }

  /** `write`, noting whether it failed for room (checkWritable). */
  private async noted<T>(write: Promise<T>): Promise<T> {
    try {
      const result = await write;
      this.storageFailure.clear();
      return result;
    } catch (error) {
      this.storageFailure.note(error);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async countUsers(): Promise<number> {
    return Number((await this.pool.query('SELECT count(*) AS n FROM users')).rows[0].n);
  }

  async countMessagesByStatus(): Promise<Partial<Record<MessageStatus, number>>> {
    const { rows } = await this.pool.query<{ status: MessageStatus; n: string }>('SELECT status, count(*) AS n FROM messages GROUP BY status');
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  }

  async createUser(user: UserRow): Promise<UserRow> {
    return this.transaction(async (client) => {
      // Serialises concurrent first users across instances: only one of them becomes admin.
      await client.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
      const first = Number((await client.query('SELECT count(*) AS n FROM users')).rows[0].n) === 0;
      const row = { ...user, role: first ? ('admin' as const) : user.role };
      await client.query('INSERT INTO users (id, email, name, role, created_at) VALUES ($1, $2, $3, $4, $5)', [
        row.id, row.email, row.name, row.role, row.createdAt,
      ]);
      return row;
    });
  }

  async getUserByEmail(email: string): Promise<UserRow | undefined> {
    return (await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1)`, [email])).rows[0];
  }

  async getUserById(id: string): Promise<UserRow | undefined> {
    return (await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id])).rows[0];
  }

  async createToken(token: { hash: string; userId: string; device: string; createdAt: number }): Promise<void> {
    await this.pool.query('INSERT INTO tokens (hash, user_id, device, created_at) VALUES ($1, $2, $3, $4)', [
      token.hash, token.userId, token.device, token.createdAt,
    ]);
  }

  async getUserByTokenHash(hash: string, now: number): Promise<UserRow | undefined> {
    // `last_used_at` is kept to the minute, as in SqliteStore: updating it on every request made all
    // requests with one token (a script, a busy extension) queue for that row's lock and a WAL flush.
    const { rows } = await this.pool.query<UserRow>(
      `WITH touched AS (
         UPDATE tokens SET last_used_at = $2 WHERE hash = $1
           AND (last_used_at IS NULL OR last_used_at <= $2::bigint - ${TOKEN_LAST_USED_PRECISION_MS} OR last_used_at > $2::bigint))
       SELECT ${USER_COLUMNS} FROM tokens JOIN users ON users.id = tokens.user_id WHERE tokens.hash = $1`,
      [hash, now],
    );
    return rows[0];
  }

  async createPairingCode(code: { hash: string; userId: string; expiresAt: number }): Promise<void> {
    await this.pool.query('INSERT INTO pairing_codes (hash, user_id, expires_at) VALUES ($1, $2, $3)', [code.hash, code.userId, code.expiresAt]);
  }

  async consumePairingCode(hash: string, now: number): Promise<UserRow | undefined> {
    const { rows } = await this.pool.query<UserRow>(
      `UPDATE pairing_codes SET used_at = $2 FROM users
       WHERE pairing_codes.hash = $1 AND pairing_codes.used_at IS NULL AND pairing_codes.expires_at > $2 AND users.id = pairing_codes.user_id
       RETURNING ${USER_COLUMNS}`,
      [hash, now],
    );
    return rows[0];
  }

  async insertProfile(row: ProfileRow): Promise<void> {
    await this.pool.query(
      'INSERT INTO profiles (id, owner_id, scope, data, secrets, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [row.id, row.ownerId, row.scope, row.data, row.secrets, row.createdAt, row.updatedAt],
    );
  }

  async updateProfile(row: ProfileRow): Promise<void> {
    await this.pool.query('UPDATE profiles SET owner_id = $2, scope = $3, data = $4, secrets = $5, updated_at = $6 WHERE id = $1', [
      row.id, row.ownerId, row.scope, row.data, row.secrets, row.updatedAt,
    ]);
  }

  async deleteProfile(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM profiles WHERE id = $1', [id])).rowCount ?? 0) === 1;
  }

  async getProfile(id: string): Promise<ProfileRow | undefined> {
    return (await this.pool.query<ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles WHERE id = $1`, [id])).rows[0];
  }

  async listProfilesVisibleTo(userId: string): Promise<ProfileRow[]> {
    return (
      await this.pool.query<ProfileRow>(
        `SELECT ${PROFILE_COLUMNS} FROM profiles WHERE scope = 'company' OR owner_id = $1 ORDER BY scope DESC, created_at`,
        [userId],
      )
    ).rows;
  }

  async listAllProfiles(): Promise<ProfileRow[]> {
    return (await this.pool.query<ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles ORDER BY created_at`)).rows;
  }

  // Sender rules (issue 3).

  async saveProfiles(changes: { insert?: ProfileRow; update: ProfileRow[] }): Promise<void> {
    await this.transaction(async (client) => {
      const row = changes.insert;
      if (row) {
        await client.query(
          'INSERT INTO profiles (id, owner_id, scope, data, secrets, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [row.id, row.ownerId, row.scope, row.data, row.secrets, row.createdAt, row.updatedAt],
        );
      }
      for (const u of changes.update) {
        await client.query('UPDATE profiles SET owner_id = $2, scope = $3, data = $4, secrets = $5, updated_at = $6 WHERE id = $1', [
          u.id, u.ownerId, u.scope, u.data, u.secrets, u.updatedAt,
        ]);
      }
    });
  }

  async lastFinishedDelivery(profileId: string): Promise<{ status: 'sent' | 'failed'; problemCode: string | null; at: number } | undefined> {
    const { rows } = await this.pool.query<{ status: 'sent' | 'failed'; problemCode: string | null; at: number }>(
      `SELECT status, problem_code AS "problemCode", updated_at AS at FROM messages
       WHERE profile_id = $1 AND status IN ('sent', 'failed') ORDER BY updated_at DESC LIMIT 1`,
      [profileId],
    );
    return rows[0];
  }

  async listUsers(): Promise<UserRow[]> {
    return (await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY users.created_at, users.email`)).rows;
  }

  async getSenderAllowances(userId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ pattern: string }>(
      'SELECT pattern FROM sender_allowances WHERE user_id = $1 ORDER BY created_at, pattern',
      [userId],
    );
    return rows.map((r) => r.pattern);
  }

  async setSenderAllowances(userId: string, patterns: string[], now: number): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM sender_allowances WHERE user_id = $1', [userId]);
      for (const [i, pattern] of patterns.entries()) {
        await client.query('INSERT INTO sender_allowances (user_id, pattern, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          userId, pattern, now + i,
        ]);
      }
    });
  }

  /** Tables whose `secrets` column holds a profile's sealed secrets, with the column naming the profile. */
  private async profileSecretTables(client: pg.PoolClient | pg.Pool): Promise<{ table: string; idColumn: string }[]> {
    const known = [
      { table: 'profiles', idColumn: 'id' },
      { table: 'profile_delivery_settings', idColumn: 'profile_id' },
      { table: 'oauth_access_tokens', idColumn: 'profile_id' },
    ];
    const { rows } = await client.query<{ name: string | null }>(
      'SELECT to_regclass(t.name)::text AS name FROM unnest($1::text[]) WITH ORDINALITY AS t(name, i) ORDER BY t.i',
      [known.map((t) => t.table)],
    );
    return known.filter((_, i) => rows[i]?.name);
  }

  async listProfileSecrets(): Promise<{ table: string; profileId: string; secrets: string }[]> {
    const result: { table: string; profileId: string; secrets: string }[] = [];
    for (const { table, idColumn } of await this.profileSecretTables(this.pool)) {
      const { rows } = await this.pool.query<{ id: string; secrets: string }>(
        `SELECT ${idColumn} AS id, secrets FROM ${table} WHERE secrets IS NOT NULL`,
      );
      result.push(...rows.map((r) => ({ table, profileId: r.id, secrets: r.secrets })));
    }
    return result;
  }

  async rewriteProfileSecrets(rewrite: (owner: { table: string; profileId: string; secrets: string }) => string | null): Promise<number> {
    // Old row versions stay in PostgreSQL's heap until VACUUM reclaims them; the README tells admins
    // to run VACUUM after a rotation made for a leaked key.
    return this.transaction(async (client) => {
      let count = 0;
      for (const { table, idColumn } of await this.profileSecretTables(client)) {
        const { rows } = await client.query<{ id: string; secrets: string }>(
          `SELECT ${idColumn} AS id, secrets FROM ${table} WHERE secrets IS NOT NULL FOR UPDATE`,
        );
        for (const row of rows) {
          const next = rewrite({ table, profileId: row.id, secrets: row.secrets });
          if (next !== null && next !== row.secrets) {
            await client.query(`UPDATE ${table} SET secrets = $1 WHERE ${idColumn} = $2`, [next, row.id]);
            count++;
          }
        }
      }
      return count;
    });
  }

  private async messagesOfSend(client: pg.PoolClient | pg.Pool, sendId: string): Promise<MessageRow[]> {
    const { rows } = await client.query(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE send_id = $1 ORDER BY part_number`, [sendId]);
    return rows.map(toMessage);
  }

  enqueueSend(send: NewSend): Promise<EnqueueResult> {
    return this.noted(this.writeSend(send));
  }

  private async writeSend(send: NewSend): Promise<EnqueueResult> {
    // One statement, so one round trip and one commit: the send, its messages and their documents
    // are written together or not at all. ON CONFLICT: of two instances racing on one
    // Idempotency-Key, one creates the send; the other's statement inserts nothing (every insert
    // below reads `created`) and then reads the winner's send.
    const params: unknown[] = [send.id, send.userId, send.idempotencyKey, send.requestHash, send.createdAt];
    const p = (value: unknown) => `$${params.push(value)}`;
    // Each message's bytes are a parameter of their own, sent as binary: no copy as hex text.
    const values = send.messages.map(
      (m) =>
        `(${p(m.id)}, ${p(m.profileId)}, ${p(m.messageId)}, ${p(m.envelope)}, ${p(m.raw.length <= BODY_CHUNK_BYTES ? wholeBody(m.raw) : null)}::bytea, ${p(m.raw.length)}::bigint, ` +
        `${p(m.summary)}, ${p(m.documentRef)}, ${p(m.documents.length ? JSON.stringify(m.documents) : null)}, ${p(m.partNumber)}::int, ` +
        `${p(m.partCount)}::int, ${p(m.fallback)}, ${p(m.wantsSentCopy ? 'pending' : null)})`,
    );
    const documents = send.messages.flatMap((m) => m.documents.map((d) => ({ messageId: m.id, ref: d.ref })));
    // A large body goes in chunks (messages.raw stays NULL), each chunk a binary parameter of its own,
    // in the same statement: the message and its chunks are committed together or not at all.
    const chunks: string[] = [];
    for (const m of send.messages) {
      if (m.raw.length <= BODY_CHUNK_BYTES) continue;
      // Every chunk is a parameter of the one statement, so a chunk that is not a view of a Buffer
      // (a composed message's scratch chunk, see bodyChunks) is copied to be kept.
      let seq = 0;
      for (const chunk of bodyChunks(m.raw)) {
        chunks.push(`(${p(m.id)}, ${p(seq++)}::int, ${p(Buffer.isBuffer(m.raw) ? chunk : Buffer.from(chunk))}::bytea)`);
      }
    }
    // Only the messages this statement inserted get chunks (none when another send holds the key).
    const chunked = chunks.length
      ? `,
       chunked AS (
         INSERT INTO message_body_chunks (message_id, seq, bytes)
         SELECT c.message_id, c.seq, c.bytes FROM created CROSS JOIN (VALUES ${chunks.join(', ')}) AS c(message_id, seq, bytes))`
      : '';
    const { rows } = await this.pool.query(
      `WITH created AS (
         INSERT INTO sends (id, user_id, idempotency_key, request_hash, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING id),
       inserted AS (
         INSERT INTO messages (id, send_id, user_id, profile_id, message_id, envelope, raw, size_bytes, summary, document_ref,
           documents, part_number, part_count, fallback, status, attempts, attempt_count, next_attempt_at, sent_copy_status,
           created_at, updated_at)
         SELECT v.id, created.id, $2, v.profile_id, v.message_id, v.envelope, v.raw, v.size_bytes, v.summary, v.document_ref,
           v.documents, v.part_number, v.part_count, v.fallback, 'queued', 0, 0, $5, v.sent_copy_status, $5, $5
         FROM created CROSS JOIN (VALUES ${values.join(', ')})
           AS v(id, profile_id, message_id, envelope, raw, size_bytes, summary, document_ref, documents, part_number, part_count,
             fallback, sent_copy_status)
         RETURNING ${MESSAGE_COLUMNS}),
       documented AS (
         INSERT INTO message_documents (message_id, ref)
         SELECT d.message_id, d.ref FROM created CROSS JOIN unnest(${p(documents.map((d) => d.messageId))}::text[], ${p(documents.map((d) => d.ref))}::text[])
           AS d(message_id, ref)
         ON CONFLICT DO NOTHING)${chunked}
       SELECT * FROM inserted ORDER BY "partNumber"`,
      params,
    );
    if (rows.length > 0 || send.idempotencyKey === null) return { kind: 'created', messages: rows.map(toMessage) };
    const existing = (
      await this.pool.query<{ id: string; request_hash: string }>('SELECT id, request_hash FROM sends WHERE user_id = $1 AND idempotency_key = $2', [
        send.userId,
        send.idempotencyKey,
      ])
    ).rows[0]!;
    return { kind: 'existing', messages: await this.messagesOfSend(this.pool, existing.id), sameRequest: existing.request_hash === send.requestHash };
  }

  async findSendByIdempotencyKey(userId: string, key: string): Promise<{ requestHash: string; messages: MessageRow[] } | undefined> {
    const row = (
      await this.pool.query<{ id: string; request_hash: string }>('SELECT id, request_hash FROM sends WHERE user_id = $1 AND idempotency_key = $2', [userId, key])
    ).rows[0];
    return row ? { requestHash: row.request_hash, messages: await this.messagesOfSend(this.pool, row.id) } : undefined;
  }

  async getMessage(id: string): Promise<MessageRow | undefined> {
    const row = (await this.pool.query(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = $1`, [id])).rows[0];
    return row ? toMessage(row) : undefined;
  }

  async listMessages(filter: { userId?: string; documentRef?: string; limit: number }): Promise<MessageRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.userId) where.push(`user_id = $${params.push(filter.userId)}`);
    if (filter.documentRef) {
      const p = params.push(filter.documentRef);
      where.push(`(document_ref = $${p} OR id IN (SELECT message_id FROM message_documents WHERE ref = $${p}))`);
    }
    const sql = `SELECT ${MESSAGE_COLUMNS} FROM messages ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY created_at DESC, part_number LIMIT $${params.push(filter.limit)}`;
    return (await this.pool.query(sql, params)).rows.map(toMessage);
  }

  async claimDueMessages(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]> {
    // SKIP LOCKED: instances claiming at the same moment take different rows instead of waiting. A
    // row whose lease expired lost its attempt to a dead instance: that attempt is recorded as interrupted.
    const { rows } = await this.pool.query(
      `WITH due AS (
         SELECT id, status AS previous_status, updated_at AS previous_updated_at FROM messages
         WHERE (status IN ('queued', 'deferred') AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1)
         ORDER BY next_attempt_at LIMIT $2
         FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE messages SET status = 'sending', lease_owner = $3, lease_until = $4, updated_at = $1
         FROM due WHERE messages.id = due.id
         RETURNING messages.*, due.previous_status, due.previous_updated_at),
       interrupted AS (
         INSERT INTO attempts (message_id, started_at, finished_at, outcome)
         SELECT id, previous_updated_at, $1, 'interrupted' FROM claimed WHERE previous_status = 'sending')
       SELECT ${MESSAGE_COLUMNS}, raw FROM claimed`,
      [now, limit, owner, now + leaseMs],
    );
    return rows.map((r) => toMessage<ClaimedMessage>(r)).sort((a, b) => (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0));
  }

  async renewLeases(ids: string[], owner: string, until: number): Promise<void> {
    await this.pool.query("UPDATE messages SET lease_until = $3 WHERE id = ANY($1::text[]) AND lease_owner = $2 AND status = 'sending'", [
      ids,
      owner,
      until,
    ]);
  }

  finishAttempts(owner: string, finished: FinishedAttempt[]): Promise<boolean[]> {
    return this.noted(this.writeAttempts(owner, finished));
  }

  private async writeAttempts(owner: string, finished: FinishedAttempt[]): Promise<boolean[]> {
    if (finished.length === 0) return [];
    // One statement, one round trip: the results commit together, and quickly, because the time
    // between a server's 250 and this commit is when a crash makes a duplicate.
    const column = <T>(pick: (f: FinishedAttempt) => T) => finished.map(pick);
    const { rows } = await this.pool.query<{ id: string }>(
      `WITH input AS (
         SELECT * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[],
           $10::text[], $11::bigint[])
           AS i(id, started_at, finished_at, outcome, attempt_reply, reply, response_code, error_code, problem_code, next_attempt_at)),
       held AS (
         SELECT m.id FROM messages m JOIN input i ON i.id = m.id
         WHERE m.lease_owner = $1 AND m.status = 'sending' FOR UPDATE OF m),
       recorded AS (
         INSERT INTO attempts (message_id, started_at, finished_at, outcome, reply, response_code, error_code, problem_code)
         SELECT i.id, i.started_at, i.finished_at, i.outcome, i.attempt_reply, i.response_code, i.error_code, i.problem_code
         FROM input i JOIN held h ON h.id = i.id)
       UPDATE messages m SET
         status = i.outcome, attempts = m.attempts + 1, attempt_count = m.attempt_count + 1, last_reply = i.reply,
         problem_code = i.problem_code,
         sent_at = CASE WHEN i.outcome = 'sent' THEN i.finished_at ELSE m.sent_at END,
         next_attempt_at = CASE WHEN i.outcome = 'deferred' THEN i.next_attempt_at END,
         lease_owner = NULL, lease_until = NULL,
         sent_copy_next_at = CASE WHEN i.outcome = 'sent' AND m.sent_copy_status = 'pending' THEN i.finished_at ELSE m.sent_copy_next_at END,
         sent_copy_status = CASE WHEN i.outcome = 'failed' THEN NULL ELSE m.sent_copy_status END,
         updated_at = i.finished_at
       FROM input i JOIN held h ON h.id = i.id
       WHERE m.id = i.id
       RETURNING m.id`,
      [
        owner,
        column((f) => f.id),
        column((f) => f.attempt.startedAt),
        column((f) => f.attempt.finishedAt),
        column((f) => f.result.outcome),
        column((f) => f.attempt.reply),
        column((f) => f.result.reply),
        column((f) => f.attempt.responseCode),
        column((f) => f.attempt.errorCode),
        column((f) => (f.result.outcome === 'sent' ? null : f.result.problemCode)),
        column((f) => (f.result.outcome === 'deferred' ? f.result.nextAttemptAt : null)),
      ],
    );
    const applied = new Set(rows.map((r) => r.id));
    return finished.map((f) => applied.has(f.id));
  }

  async finishAttempt(id: string, owner: string, attempt: FinishedAttempt['attempt'], result: AttemptResult): Promise<boolean> {
    const [applied] = await this.finishAttempts(owner, [{ id, attempt, result }]);
    return applied ?? false;
  }

  async releaseLease(id: string, owner: string, now: number): Promise<void> {
    await this.transaction(async (client) => {
      const released = await client.query(
        `UPDATE messages SET status = CASE WHEN attempt_count = 0 THEN 'queued' ELSE 'deferred' END, next_attempt_at = $3,
           lease_owner = NULL, lease_until = NULL, updated_at = $3 WHERE id = $1 AND lease_owner = $2 AND status = 'sending'`,
        [id, owner, now],
      );
      if (released.rowCount === 1) {
        await client.query("INSERT INTO attempts (message_id, started_at, finished_at, outcome) VALUES ($1, $2, $2, 'released')", [id, now]);
      }
    });
  }

  async postponeMessage(id: string, owner: string, until: number): Promise<void> {
    await this.pool.query(
      `UPDATE messages SET status = CASE WHEN attempt_count = 0 THEN 'queued' ELSE 'deferred' END, next_attempt_at = $3,
         lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2 AND status = 'sending'`,
      [id, owner, until],
    );
  }

  async listAttempts(messageId: string): Promise<AttemptRecord[]> {
    return this.listAttemptsOfMessages([messageId]);
  }

  async listAttemptsOfMessages(messageIds: string[]): Promise<AttemptRecord[]> {
    if (messageIds.length === 0) return [];
    return (await this.pool.query<AttemptRecord>(`SELECT ${ATTEMPT_COLUMNS} FROM attempts WHERE message_id = ANY($1::text[]) ORDER BY id`, [messageIds]))
      .rows;
  }

  async readMessageBodyChunk(messageId: string, seq: number): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ bytes: Buffer }>('SELECT bytes FROM message_body_chunks WHERE message_id = $1 AND seq = $2', [
      messageId,
      seq,
    ]);
    return rows[0]?.bytes;
  }

  async claimDueSentCopies(now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]> {
    const { rows } = await this.pool.query(
      `WITH due AS (
         SELECT id FROM messages WHERE sent_copy_status = 'pending' AND status = 'sent' AND sent_copy_next_at <= $1
         ORDER BY sent_copy_next_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE messages SET sent_copy_next_at = $3, sent_copy_attempts = sent_copy_attempts + 1
         FROM due WHERE messages.id = due.id RETURNING messages.*)
       SELECT ${MESSAGE_COLUMNS}, raw FROM claimed`,
      [now, limit, now + leaseMs],
    );
    return rows.map((r) => toMessage<ClaimedMessage>(r));
  }

  async finishSentCopy(id: string, result: { status: SentCopyStatus; folder: string | null; error: string | null; nextAt: number | null }): Promise<void> {
    await this.pool.query(
      `UPDATE messages SET sent_copy_status = $2, sent_copy_folder = coalesce($3, sent_copy_folder), sent_copy_error = $4,
         sent_copy_next_at = $5 WHERE id = $1`,
      [id, result.status, result.folder, result.error, result.nextAt],
    );
  }

  async getDeliverySettings(profileId: string): Promise<DeliverySettingsRow | undefined> {
    return (await this.pool.query<DeliverySettingsRow>(`SELECT ${DELIVERY_SETTINGS_COLUMNS} FROM profile_delivery_settings WHERE profile_id = $1`, [profileId]))
      .rows[0];
  }

  async putDeliverySettings(row: Omit<DeliverySettingsRow, 'serverMaxBytes'>): Promise<void> {
    await this.pool.query(
      `INSERT INTO profile_delivery_settings (profile_id, data, secrets, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (profile_id) DO UPDATE SET data = excluded.data, secrets = excluded.secrets, updated_at = excluded.updated_at`,
      [row.profileId, row.data, row.secrets, row.updatedAt],
    );
  }

  async recordServerMaxBytes(profileId: string, bytes: number, now: number): Promise<void> {
    // See SqliteStore.recordServerMaxBytes: a learned limit is not a settings change.
    await this.pool.query(
      `INSERT INTO profile_delivery_settings (profile_id, data, secrets, server_max_bytes, updated_at)
       SELECT $1, '{"v":1}', NULL, $2, $3 WHERE EXISTS (SELECT 1 FROM profiles WHERE id = $1)
       ON CONFLICT (profile_id) DO UPDATE SET server_max_bytes = excluded.server_max_bytes`,
      [profileId, bytes, now],
    );
  }

  async listRecipes(): Promise<RecipeRow[]> {
    return (await this.pool.query<RecipeRow>(`SELECT ${RECIPE_COLUMNS} FROM recipes ORDER BY created_at, id`)).rows;
  }

  async getRecipe(id: string): Promise<RecipeRow | undefined> {
    return (await this.pool.query<RecipeRow>(`SELECT ${RECIPE_COLUMNS} FROM recipes WHERE id = $1`, [id])).rows[0];
  }

  async insertRecipe(row: RecipeRow): Promise<void> {
    await this.pool.query(
      'INSERT INTO recipes (id, format_version, data, published_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [row.id, row.formatVersion, row.data, row.publishedBy, row.createdAt, row.updatedAt],
    );
  }

  async deleteRecipe(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM recipes WHERE id = $1', [id])).rowCount ?? 0) === 1;
  }

  async listTemplates(userId: string): Promise<TemplateRow[]> {
    const rows = await this.pool.query<TemplateRow>(
      `SELECT NULLIF(owner_id, '') AS "ownerId", kind, language, subject, message, updated_by AS "updatedBy", updated_at AS "updatedAt"
       FROM message_templates WHERE owner_id IN ('', $1) ORDER BY kind, language, owner_id`,
      [userId],
    );
    return rows.rows;
  }

  async putTemplate(row: TemplateRow): Promise<void> {
    await this.pool.query(
      `INSERT INTO message_templates (owner_id, kind, language, subject, message, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (owner_id, kind, language) DO UPDATE SET subject = excluded.subject, message = excluded.message,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [row.ownerId ?? '', row.kind, row.language, row.subject, row.message, row.updatedBy, row.updatedAt],
    );
  }

  async deleteTemplate(ownerId: string | null, kind: string, language: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM message_templates WHERE owner_id = $1 AND kind = $2 AND language = $3', [ownerId ?? '', kind, language]);
    return (result.rowCount ?? 0) === 1;
  }

  async createAppPassword(row: AppPasswordRow): Promise<void> {
    await this.pool.query('INSERT INTO app_passwords (id, user_id, name, hash, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      row.id, row.userId, row.name, row.hash, row.createdAt, row.lastUsedAt,
    ]);
  }

  async listAppPasswords(userId: string): Promise<AppPasswordRow[]> {
    return (
      await this.pool.query<AppPasswordRow>(
        `SELECT id, user_id AS "userId", name, hash, created_at AS "createdAt", last_used_at AS "lastUsedAt"
         FROM app_passwords WHERE user_id = $1 ORDER BY created_at, id`,
        [userId],
      )
    ).rows;
  }

  async deleteAppPassword(userId: string, id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM app_passwords WHERE id = $1 AND user_id = $2', [id, userId])).rowCount ?? 0) === 1;
  }

  async touchAppPassword(id: string, now: number): Promise<void> {
    await this.pool.query('UPDATE app_passwords SET last_used_at = $2 WHERE id = $1', [id, now]);
  }

  async findCustomers(keys: { numberKey?: string; nameKey?: string }, limit: number): Promise<CustomerRow[]> {
    const result = await this.pool.query<CustomerRow>(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE ($1::text IS NOT NULL AND number_key = $1) OR ($2::text IS NOT NULL AND name_key = $2)
       ORDER BY updated_at DESC, id LIMIT $3`,
      [keys.numberKey ?? null, keys.nameKey ?? null, limit],
    );
    return result.rows;
  }

  async getCustomer(id: string): Promise<CustomerRow | undefined> {
    return (await this.pool.query<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1`, [id])).rows[0];
  }

  async insertCustomer(row: CustomerRow): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO customers (id, name, name_key, number, number_key, recipients, updated_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [row.id, row.name, row.nameKey, row.number, row.numberKey, row.recipients, row.updatedBy, row.createdAt, row.updatedAt],
    );
    return result.rowCount === 1;
  }

  async updateCustomer(row: CustomerRow): Promise<boolean> {
    try {
      const result = await this.pool.query(
        `UPDATE customers SET name = $2, name_key = $3, number = $4, number_key = $5, recipients = $6, updated_by = $7, updated_at = $8 WHERE id = $1`,
        [row.id, row.name, row.nameKey, row.number, row.numberKey, row.recipients, row.updatedBy, row.updatedAt],
      );
      return result.rowCount === 1;
    } catch (error) {
      // unique_violation: the new customer number is another entry's; the caller answers 409.
      if ((error as { code?: string }).code === '23505') return false;
      throw error;
    }
  }

  async deleteCustomer(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM customers WHERE id = $1', [id])).rowCount ?? 0) === 1;
  }

  async getOAuthAccessToken(profileId: string): Promise<OAuthAccessTokenRow | undefined> {
    return (await this.pool.query<OAuthAccessTokenRow>(`SELECT ${OAUTH_ACCESS_TOKEN_COLUMNS} FROM oauth_access_tokens WHERE profile_id = $1`, [profileId]))
      .rows[0];
  }

  async putOAuthAccessToken(row: OAuthAccessTokenRow): Promise<void> {
    // INSERT … SELECT: a profile deleted meanwhile gets no orphan token (and no foreign key error).
    await this.pool.query(
      `INSERT INTO oauth_access_tokens (profile_id, credential_key, secrets, obtained_at, expires_at)
       SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM profiles WHERE id = $1)
       ON CONFLICT (profile_id) DO UPDATE SET credential_key = excluded.credential_key, secrets = excluded.secrets,
         obtained_at = excluded.obtained_at, expires_at = excluded.expires_at`,
      [row.profileId, row.credentialKey, row.secrets, row.obtainedAt, row.expiresAt],
    );
  }

  async deleteOAuthAccessToken(profileId: string, obtainedAt?: number): Promise<void> {
    if (obtainedAt === undefined) await this.pool.query('DELETE FROM oauth_access_tokens WHERE profile_id = $1', [profileId]);
    else await this.pool.query('DELETE FROM oauth_access_tokens WHERE profile_id = $1 AND obtained_at = $2', [profileId, obtainedAt]);
  }

  async setProfileOAuthGrant(
    profileId: string,
    grant: { refreshToken: string | null; state?: string | null },
    options: { ifRefreshTokenIs?: string | null; touchedAt?: number } = {},
  ): Promise<boolean> {
    // jsonb || and - change one field of the secrets JSON and keep the others (the password, the
    // client secret); one UPDATE, so the compare-and-set below holds across instances.
    const params: unknown[] = [profileId];
    const secrets =
      grant.refreshToken === null
        ? `(coalesce(secrets, '{}')::jsonb - 'refreshToken')::text`
        : `(coalesce(secrets, '{}')::jsonb || jsonb_build_object('refreshToken', $${params.push(grant.refreshToken)}::text))::text`;
    const state =
      (grant.state === undefined ? '' : `, oauth_state = $${params.push(grant.state)}`) +
      (options.touchedAt === undefined ? '' : `, updated_at = $${params.push(options.touchedAt)}`);
    const guard =
      'ifRefreshTokenIs' in options
        ? ` AND (coalesce(secrets, '{}')::jsonb ->> 'refreshToken') IS NOT DISTINCT FROM $${params.push(options.ifRefreshTokenIs ?? null)}::text`
        : '';
    const result = await this.pool.query(`UPDATE profiles SET secrets = ${secrets}${state} WHERE id = $1${guard}`, params);
    return result.rowCount === 1;
  }

  async createOAuthSignIn(row: OAuthSignInRow): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM oauth_sign_ins WHERE profile_id = $1', [row.profileId]);
      await client.query(
        `INSERT INTO oauth_sign_ins (id, profile_id, user_id, provider, flow, status, state_hash, sealed, details,
           poll_interval_ms, next_poll_at, problem_code, result, created_at, expires_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          row.id, row.profileId, row.userId, row.provider, row.flow, row.status, row.stateHash, row.sealed, row.details,
          row.pollIntervalMs, row.nextPollAt, row.problemCode, row.result, row.createdAt, row.expiresAt, row.updatedAt,
        ],
      );
    });
  }

  async getOAuthSignIn(id: string): Promise<OAuthSignInRow | undefined> {
    return (await this.pool.query<OAuthSignInRow>(`SELECT ${OAUTH_SIGN_IN_COLUMNS} FROM oauth_sign_ins WHERE id = $1`, [id])).rows[0];
  }

  async claimOAuthSignInPoll(id: string, now: number, nextPollAt: number): Promise<boolean> {
    const result = await this.pool.query(
      "UPDATE oauth_sign_ins SET next_poll_at = $2, updated_at = $3 WHERE id = $1 AND status = 'pending' AND next_poll_at <= $3",
      [id, nextPollAt, now],
    );
    return result.rowCount === 1;
  }

  async setOAuthSignInPollInterval(id: string, pollIntervalMs: number, nextPollAt: number): Promise<void> {
    await this.pool.query("UPDATE oauth_sign_ins SET poll_interval_ms = $2, next_poll_at = $3 WHERE id = $1 AND status = 'pending'", [
      id, pollIntervalMs, nextPollAt,
    ]);
  }

  async finishOAuthSignIn(
    id: string,
    outcome: { status: 'signed_in' | 'failed' | 'expired'; problemCode: string | null; result: string | null; now: number },
  ): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE oauth_sign_ins SET status = $2, problem_code = $3, result = $4, next_poll_at = NULL, updated_at = $5
       WHERE id = $1 AND status = 'pending'`,
      [id, outcome.status, outcome.problemCode, outcome.result, outcome.now],
    );
    return result.rowCount === 1;
  }

  async instanceHeartbeat(owner: string, options: { now: number; deadAfterMs: number; takeOver: boolean }): Promise<InstanceState> {
    // The database's clock for heartbeats: the instances' clocks may differ by more than a heartbeat.
    await this.pool.query(
      `INSERT INTO relay_instances (id, host, pid, started_at, heartbeat_at)
       VALUES ($1, $2, $3, ${DB_NOW_MS}, ${DB_NOW_MS})
       ON CONFLICT (id) DO UPDATE SET heartbeat_at = ${DB_NOW_MS}`,
      [owner, hostname(), process.pid],
    );
    if (!options.takeOver) return { mayClaim: true, takenBack: 0 };
    const taken = await this.pool.query(
      `UPDATE messages SET lease_until = $1
       WHERE status = 'sending' AND lease_until > $1
         AND lease_owner IN (SELECT id FROM relay_instances WHERE id <> $2 AND heartbeat_at < ${DB_NOW_MS} - $3)`,
      [options.now, owner, options.deadAfterMs],
    );
    // Long dead: the row only remembered it for the takeover.
    await this.pool.query(`DELETE FROM relay_instances WHERE heartbeat_at < ${DB_NOW_MS} - 86400000`);
    return { mayClaim: true, takenBack: taken.rowCount ?? 0 };
  }

  async endInstance(owner: string): Promise<void> {
    await this.pool.query('DELETE FROM relay_instances WHERE id = $1', [owner]);
  }
}
