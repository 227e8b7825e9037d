import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type {
  AttemptRecord,
  AttemptResult,
  ClaimedMessage,
  EnqueueResult,
  MessageRow,
  NewMessage,
  ProfileRow,
  UserRow,
} from '../types';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any fixed number: every relay instance takes this advisory lock while it migrates. */
const MIGRATION_LOCK = 774_177_001;

const INT8_OID = 20;

// Columns aliased to the row types' field names, so rows need no mapping code.
const USER_COLUMNS = `users.id, users.email, users.name, users.role, users.created_at AS "createdAt"`;
const PROFILE_COLUMNS = `id, owner_id AS "ownerId", scope, data, secrets, created_at AS "createdAt", updated_at AS "updatedAt"`;
const MESSAGE_COLUMNS = `id, user_id AS "userId", profile_id AS "profileId", message_id AS "messageId", envelope, summary,
  document_ref AS "documentRef", idempotency_key AS "idempotencyKey", request_hash AS "requestHash", status, attempts,
  next_attempt_at AS "nextAttemptAt", lease_owner AS "leaseOwner", lease_until AS "leaseUntil", last_reply AS "lastReply",
  problem_code AS "problemCode", sent_at AS "sentAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * The store for several relay instances sharing one PostgreSQL database. Every piece of state lives
 * in the database (no per-process caches), the outbox is claimed with FOR UPDATE SKIP LOCKED under
 * leases, and migrations run under an advisory lock so instances may start together.
 */
export class PostgresStore {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;

  private constructor(connectionString: string, options: { schema?: string; max?: number }) {
    this.pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
      // BIGINT (epoch ms) as numbers: every value we store fits in 2^53.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client's error (database restarted) must not crash the relay; the next query reconnects.
    this.pool.on('error', () => {});
  }

  /** Connects and applies pending migrations. `schema` isolates tests sharing one database. */
  static async open(connectionString: string, options: { schema?: string; max?: number } = {}): Promise<PostgresStore> {
    const store = new PostgresStore(connectionString, options);
    await store.migrate(options.schema);
    return store;
  }

  private async migrate(schema?: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
      );
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const files = readdirSync(MIGRATIONS_DIR)
        .filter((f) => /^\d{3}_.+\.sql$/.test(f))
        .sort();
      for (const file of files) {
        const version = Number(file.slice(0, 3));
        if (applied.has(version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8'));
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [version, file, Date.now()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
  }

  /** Runs `fn` in a transaction on one client. */
  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async countUsers(): Promise<number> {
    return Number((await this.pool.query('SELECT count(*) AS n FROM users')).rows[0].n);
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
    const { rows } = await this.pool.query<UserRow>(
      `UPDATE tokens SET last_used_at = $2 FROM users WHERE tokens.hash = $1 AND users.id = tokens.user_id RETURNING ${USER_COLUMNS}`,
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

  async enqueueMessage(message: NewMessage): Promise<EnqueueResult> {
    // One statement: with ON CONFLICT, two instances racing on one Idempotency-Key create one row.
    const inserted = await this.pool.query<MessageRow>(
      `INSERT INTO messages (id, user_id, profile_id, message_id, envelope, raw, summary, document_ref, idempotency_key,
         request_hash, status, attempts, next_attempt_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'queued', 0, $11, $11, $11)
       ON CONFLICT (user_id, idempotency_key) DO NOTHING
       RETURNING ${MESSAGE_COLUMNS}`,
      [
        message.id, message.userId, message.profileId, message.messageId, message.envelope, message.raw, message.summary,
        message.documentRef, message.idempotencyKey, message.requestHash, message.createdAt,
      ],
    );
    if (inserted.rows[0]) return { kind: 'created', message: inserted.rows[0] };
    const existing = (
      await this.pool.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE user_id = $1 AND idempotency_key = $2`, [
        message.userId, message.idempotencyKey,
      ])
    ).rows[0]!;
    return { kind: 'existing', message: existing, sameRequest: existing.requestHash === message.requestHash };
  }

  async getMessage(id: string): Promise<MessageRow | undefined> {
    return (await this.pool.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = $1`, [id])).rows[0];
  }

  async listMessages(filter: { userId?: string; documentRef?: string; limit: number }): Promise<MessageRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.userId) where.push(`user_id = $${params.push(filter.userId)}`);
    if (filter.documentRef) where.push(`document_ref = $${params.push(filter.documentRef)}`);
    const sql = `SELECT ${MESSAGE_COLUMNS} FROM messages ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY created_at DESC LIMIT $${params.push(filter.limit)}`;
    return (await this.pool.query<MessageRow>(sql, params)).rows;
  }

  async claimDueMessages(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]> {
    // SKIP LOCKED: instances claiming at the same moment take different rows instead of waiting.
    const { rows } = await this.pool.query<ClaimedMessage>(
      `WITH due AS (
         SELECT id FROM messages
         WHERE (status IN ('queued', 'deferred') AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1)
         ORDER BY next_attempt_at LIMIT $2
         FOR UPDATE SKIP LOCKED)
       UPDATE messages SET status = 'sending', lease_owner = $3, lease_until = $4, updated_at = $1
       FROM due WHERE messages.id = due.id
       RETURNING ${MESSAGE_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1messages.$2')}, messages.raw`,
      [now, limit, owner, now + leaseMs],
    );
    return rows.sort((a, b) => (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0));
  }

  async finishAttempt(
    id: string,
    owner: string,
    attempt: Omit<AttemptRecord, 'messageId' | 'outcome'>,
    result: AttemptResult,
  ): Promise<boolean> {
    return this.transaction(async (client) => {
      const held = await client.query("SELECT 1 FROM messages WHERE id = $1 AND lease_owner = $2 AND status = 'sending' FOR UPDATE", [id, owner]);
      if (held.rowCount !== 1) return false;
      await client.query(
        `INSERT INTO attempts (message_id, started_at, finished_at, outcome, reply, response_code, error_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, attempt.startedAt, attempt.finishedAt, result.outcome, attempt.reply, attempt.responseCode, attempt.errorCode],
      );
      const now = attempt.finishedAt;
      if (result.outcome === 'sent') {
        await client.query(
          `UPDATE messages SET status = 'sent', attempts = attempts + 1, last_reply = $2, problem_code = NULL, sent_at = $3,
             next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL, updated_at = $3 WHERE id = $1`,
          [id, result.reply, now],
        );
      } else {
        await client.query(
          `UPDATE messages SET status = $2, attempts = attempts + 1, last_reply = $3, problem_code = $4, next_attempt_at = $5,
             lease_owner = NULL, lease_until = NULL, updated_at = $6 WHERE id = $1`,
          [id, result.outcome, result.reply, result.problemCode, result.outcome === 'deferred' ? result.nextAttemptAt : null, now],
        );
      }
      return true;
    });
  }

  async releaseLease(id: string, owner: string, now: number): Promise<void> {
    await this.pool.query(
      `UPDATE messages SET status = CASE WHEN attempts = 0 THEN 'queued' ELSE 'deferred' END, next_attempt_at = $3,
         lease_owner = NULL, lease_until = NULL, updated_at = $3 WHERE id = $1 AND lease_owner = $2 AND status = 'sending'`,
      [id, owner, now],
    );
  }

  async listAttempts(messageId: string): Promise<AttemptRecord[]> {
    return (
      await this.pool.query<AttemptRecord>(
        `SELECT message_id AS "messageId", started_at AS "startedAt", finished_at AS "finishedAt", outcome, reply,
           response_code AS "responseCode", error_code AS "errorCode" FROM attempts WHERE message_id = $1 ORDER BY id`,
        [messageId],
      )
    ).rows;
  }
}
