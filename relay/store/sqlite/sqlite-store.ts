import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  AttemptRecord,
  AttemptResult,
  ClaimedMessage,
  EnqueueResult,
  MessageRow,
  NewMessage,
  ProfileRow,
  Store,
  UserRow,
} from '../types';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

type Row = Record<string, unknown>;

function toUser(row: Row | undefined): UserRow | undefined {
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
  };
}

function toMessage(row: Row): MessageRow {
  return {
    id: row.id as string,
    userId: row.user_id as string,
    profileId: row.profile_id as string,
    messageId: row.message_id as string,
    envelope: row.envelope as string,
    summary: row.summary as string,
    documentRef: (row.document_ref as string | null) ?? null,
    idempotencyKey: (row.idempotency_key as string | null) ?? null,
    requestHash: (row.request_hash as string | null) ?? null,
    status: row.status as MessageRow['status'],
    attempts: row.attempts as number,
    nextAttemptAt: (row.next_attempt_at as number | null) ?? null,
    leaseOwner: (row.lease_owner as string | null) ?? null,
    leaseUntil: (row.lease_until as number | null) ?? null,
    lastReply: (row.last_reply as string | null) ?? null,
    problemCode: (row.problem_code as string | null) ?? null,
    sentAt: (row.sent_at as number | null) ?? null,
    createdAt: row.created_at as number,
    updatedAt: row.updated_at as number,
  };
}

const MESSAGE_COLUMNS = `id, user_id, profile_id, message_id, envelope, summary, document_ref, idempotency_key,
  request_hash, status, attempts, next_attempt_at, lease_owner, lease_until, last_reply, problem_code, sent_at,
  created_at, updated_at`;

/**
 * The embedded store. WAL with synchronous=FULL: a commit survives power loss, so "202" really means
 * "on disk" (security-and-delivery-facts.md: NORMAL can lose recent commits).
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    this.migrate();
  }

  /** Applies numbered migrations (`NNN_name.sql`) not yet recorded, each in its own transaction. */
  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    const applied = new Set(
      (this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
    );
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{3}_.+\.sql$/.test(f))
      .sort();
    for (const file of files) {
      const version = Number(file.slice(0, 3));
      if (applied.has(version)) continue;
      const sql = readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, file, Date.now());
      }).immediate();
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async countUsers(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
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
    const row = this.db
      .prepare('SELECT users.* FROM tokens JOIN users ON users.id = tokens.user_id WHERE tokens.hash = ?')
      .get(hash) as Row | undefined;
    if (row) this.db.prepare('UPDATE tokens SET last_used_at = ? WHERE hash = ?').run(now, hash);
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
    return toProfile(this.db.prepare('SELECT * FROM profiles WHERE id = ?').get(id) as Row | undefined);
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

  async enqueueMessage(message: NewMessage): Promise<EnqueueResult> {
    return this.db.transaction((): EnqueueResult => {
      if (message.idempotencyKey) {
        const existing = this.db
          .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE user_id = ? AND idempotency_key = ?`)
          .get(message.userId, message.idempotencyKey) as Row | undefined;
        if (existing) {
          const row = toMessage(existing);
          return { kind: 'existing', message: row, sameRequest: row.requestHash === message.requestHash };
        }
      }
      this.db
        .prepare(
          `INSERT INTO messages (id, user_id, profile_id, message_id, envelope, raw, summary, document_ref,
             idempotency_key, request_hash, status, attempts, next_attempt_at, created_at, updated_at)
           VALUES (@id, @userId, @profileId, @messageId, @envelope, @raw, @summary, @documentRef,
             @idempotencyKey, @requestHash, 'queued', 0, @createdAt, @createdAt, @createdAt)`,
        )
        .run(message);
      const row = this.db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`).get(message.id) as Row;
      return { kind: 'created', message: toMessage(row) };
    }).immediate();
  }

  async getMessage(id: string): Promise<MessageRow | undefined> {
    const row = this.db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`).get(id) as Row | undefined;
    return row ? toMessage(row) : undefined;
  }

  async listMessages(filter: { userId?: string; documentRef?: string; limit: number }): Promise<MessageRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.userId) {
      where.push('user_id = ?');
      params.push(filter.userId);
    }
    if (filter.documentRef) {
      where.push('document_ref = ?');
      params.push(filter.documentRef);
    }
    const sql = `SELECT ${MESSAGE_COLUMNS} FROM messages ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY created_at DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params, filter.limit) as Row[]).map(toMessage);
  }

  async claimDueMessages(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]> {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT ${MESSAGE_COLUMNS}, raw FROM messages
           WHERE (status IN ('queued', 'deferred') AND next_attempt_at <= @now)
              OR (status = 'sending' AND lease_until <= @now)
           ORDER BY next_attempt_at LIMIT @limit`,
        )
        .all({ now, limit }) as Row[];
      const claim = this.db.prepare(
        "UPDATE messages SET status = 'sending', lease_owner = ?, lease_until = ?, updated_at = ? WHERE id = ?",
      );
      return rows.map((row) => {
        claim.run(owner, now + leaseMs, now, row.id);
        return { ...toMessage(row), status: 'sending' as const, leaseOwner: owner, leaseUntil: now + leaseMs, raw: row.raw as Buffer };
      });
    }).immediate();
  }

  async finishAttempt(
    id: string,
    owner: string,
    attempt: Omit<AttemptRecord, 'messageId' | 'outcome'>,
    result: AttemptResult,
  ): Promise<boolean> {
    return this.db.transaction(() => {
      const held = this.db
        .prepare("SELECT 1 FROM messages WHERE id = ? AND lease_owner = ? AND status = 'sending'")
        .get(id, owner);
      if (!held) return false;
      this.db
        .prepare(
          `INSERT INTO attempts (message_id, started_at, finished_at, outcome, reply, response_code, error_code)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, attempt.startedAt, attempt.finishedAt, result.outcome, attempt.reply, attempt.responseCode, attempt.errorCode);
      const now = attempt.finishedAt;
      if (result.outcome === 'sent') {
        this.db
          .prepare(
            `UPDATE messages SET status = 'sent', attempts = attempts + 1, last_reply = ?, problem_code = NULL,
               sent_at = ?, next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ?`,
          )
          .run(result.reply, now, now, id);
      } else {
        this.db
          .prepare(
            `UPDATE messages SET status = ?, attempts = attempts + 1, last_reply = ?, problem_code = ?,
               next_attempt_at = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ?`,
          )
          .run(result.outcome, result.reply, result.problemCode, result.outcome === 'deferred' ? result.nextAttemptAt : null, now, id);
      }
      return true;
    }).immediate();
  }

  async releaseLease(id: string, owner: string, now: number): Promise<void> {
    this.db
      .prepare(
        `UPDATE messages SET status = CASE WHEN attempts = 0 THEN 'queued' ELSE 'deferred' END, next_attempt_at = ?,
           lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'sending'`,
      )
      .run(now, now, id, owner);
  }

  async listAttempts(messageId: string): Promise<AttemptRecord[]> {
    const rows = this.db.prepare('SELECT * FROM attempts WHERE message_id = ? ORDER BY id').all(messageId) as Row[];
    return rows.map((r) => ({
      messageId: r.message_id as string,
      startedAt: r.started_at as number,
      finishedAt: r.finished_at as number,
      outcome: r.outcome as AttemptRecord['outcome'],
      reply: (r.reply as string | null) ?? null,
      responseCode: (r.response_code as number | null) ?? null,
      errorCode: (r.error_code as string | null) ?? null,
    }));
  }
}
