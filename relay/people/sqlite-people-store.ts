import type Database from 'better-sqlite3';
import { toUser } from '../store/sqlite/sqlite-store';
import { TOKEN_LAST_USED_PRECISION_MS, type Role, type UserRow } from '../store/types';
import type { DeviceRow, NewPerson, PeopleStore } from './people-store';

type Row = Record<string, unknown>;

function toDevice(row: Row): DeviceRow {
  return {
    id: row.id as string,
    userId: row.user_id as string,
    device: row.device as string,
    createdAt: row.created_at as number,
    lastUsedAt: (row.last_used_at as number | null) ?? null,
  };
}

const DEVICE_COLUMNS = 'id, user_id, device, created_at, last_used_at';

/** People on the embedded SQLite store's own connection (synchronous statements, so each is atomic). */
export class SqlitePeopleStore implements PeopleStore {
  constructor(private readonly db: Database.Database) {}

  async authenticate(tokenHash: string, now: number, idleTtlMs: number | undefined) {
    const row = this.db
      .prepare(
        `SELECT users.*, tokens.id AS token_id, tokens.created_at AS token_created_at, tokens.last_used_at AS token_last_used_at
         FROM tokens JOIN users ON users.id = tokens.user_id WHERE tokens.hash = ? AND users.removed_at IS NULL`,
      )
      .get(tokenHash) as Row | undefined;
    if (!row) return undefined;
    const lastUsedAt = row.token_last_used_at as number | null;
    const since = lastUsedAt ?? (row.token_created_at as number);
    if (idleTtlMs !== undefined && now - since >= idleTtlMs) return undefined;
    // To the minute, as SqliteStore.getUserByTokenHash: a write (and an fsync) per request is too dear.
    if (lastUsedAt == null || now - lastUsedAt >= TOKEN_LAST_USED_PRECISION_MS || now < lastUsedAt) {
      this.db.prepare('UPDATE tokens SET last_used_at = ? WHERE hash = ?').run(now, tokenHash);
    }
    return { user: toUser(row)!, deviceId: row.token_id as string };
  }

  async listActiveUsers() {
    return (this.db.prepare('SELECT * FROM users WHERE removed_at IS NULL ORDER BY created_at, email').all() as Row[]).map((row) => toUser(row)!);
  }

  async getActiveUser(id: string) {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ? AND removed_at IS NULL').get(id) as Row | undefined;
    return toUser(row);
  }

  async getActiveUserByEmail(email: string) {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ? AND removed_at IS NULL').get(email) as Row | undefined;
    return toUser(row);
  }

  async getRemovedUserByEmail(email: string) {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ? AND removed_at IS NOT NULL').get(email) as Row | undefined;
    return toUser(row);
  }

  async countActiveAdmins() {
    return (this.db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND removed_at IS NULL").get() as { n: number }).n;
  }

  async restoreUser(id: string, person: { name: string | null; role: Role }) {
    const row = this.db.prepare('UPDATE users SET removed_at = NULL, name = ?, role = ? WHERE id = ? AND removed_at IS NOT NULL RETURNING *').get(person.name, person.role, id) as Row | undefined;
    return toUser(row);
  }

  async removeUser(id: string, now: number) {
    return this.db
      .transaction(() => {
        const marked = this.db.prepare('UPDATE users SET removed_at = ? WHERE id = ? AND removed_at IS NULL').run(now, id);
        if (marked.changes !== 1) return false;
        this.db.prepare('DELETE FROM tokens WHERE user_id = ?').run(id);
        this.db.prepare('DELETE FROM pairing_codes WHERE user_id = ?').run(id);
        this.db.prepare('DELETE FROM sender_allowances WHERE user_id = ?').run(id);
        this.db.prepare('DELETE FROM oauth_sign_ins WHERE user_id = ?').run(id);
        // Their mailbox passwords go with their personal senders (delivery settings and OAuth tokens cascade).
        this.db.prepare("DELETE FROM profiles WHERE owner_id = ? AND scope = 'personal'").run(id);
        return true;
      })
      .immediate();
  }

  async listDevices(userId: string) {
    return (this.db.prepare(`SELECT ${DEVICE_COLUMNS} FROM tokens WHERE user_id = ? ORDER BY created_at, id`).all(userId) as Row[]).map(toDevice);
  }

  async getDevice(id: string) {
    const row = this.db.prepare(`SELECT ${DEVICE_COLUMNS} FROM tokens WHERE id = ?`).get(id) as Row | undefined;
    return row && toDevice(row);
  }

  async deleteDevice(id: string) {
    return this.db.prepare('DELETE FROM tokens WHERE id = ?').run(id).changes === 1;
  }

  async deleteDevicesOf(userId: string) {
    return this.db.prepare('DELETE FROM tokens WHERE user_id = ?').run(userId).changes;
  }

  async createSetupCode(code: { hash: string; createdAt: number; expiresAt: number }) {
    this.db.prepare('INSERT INTO setup_codes (hash, created_at, expires_at) VALUES (@hash, @createdAt, @expiresAt)').run(code);
  }

  async isSetupCodeUsable(hash: string, now: number) {
    const row = this.db.prepare('SELECT 1 FROM setup_codes WHERE hash = ? AND used_at IS NULL AND expires_at > ? AND NOT EXISTS (SELECT 1 FROM users)').get(hash, now);
    return row !== undefined;
  }

  async redeemSetupCode(hash: string, now: number, admin: Omit<NewPerson, 'role'>, token: { hash: string; device: string }) {
    return this.db
      .transaction(() => {
        const used = this.db.prepare('UPDATE setup_codes SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ? AND NOT EXISTS (SELECT 1 FROM users)').run(now, hash, now);
        if (used.changes !== 1) return undefined;
        const user: UserRow = { ...admin, role: 'admin' };
        this.db.prepare('INSERT INTO users (id, email, name, role, created_at) VALUES (@id, @email, @name, @role, @createdAt)').run(user);
        this.db.prepare('INSERT INTO tokens (hash, user_id, device, created_at) VALUES (?, ?, ?, ?)').run(token.hash, user.id, token.device, now);
        // The relay has its admin: the other setup codes (other instances', earlier starts') are void.
        this.db.prepare('DELETE FROM setup_codes WHERE used_at IS NULL').run();
        return user;
      })
      .immediate();
  }
}
