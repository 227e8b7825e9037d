import type pg from 'pg';
import { inTransaction } from '../store/postgres/postgres-store';
import { TOKEN_LAST_USED_PRECISION_MS, type Role, type UserRow } from '../store/types';
import type { DeviceRow, NewPerson, PeopleStore } from './people-store';

const USER_COLUMNS = `users.id, users.email, users.name, users.role, users.created_at AS "createdAt"`;
const DEVICE_COLUMNS = `id, user_id AS "userId", device, created_at AS "createdAt", last_used_at AS "lastUsedAt"`;

/** People on the shared PostgreSQL database: every instance sees a revocation with its next query. */
export class PostgresPeopleStore implements PeopleStore {
  constructor(private readonly pool: pg.Pool) {}

  private transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, fn);
  }

  async authenticate(tokenHash: string, now: number, idleTtlMs: number | undefined) {
    // One statement: the touch (to the minute) happens only for a token that is still valid, so an
    // expired token is never brought back to life by being tried.
    const { rows } = await this.pool.query<UserRow & { deviceId: string }>(
      `WITH found AS (
         SELECT tokens.hash, tokens.id, tokens.last_used_at FROM tokens JOIN users ON users.id = tokens.user_id
         WHERE tokens.hash = $1 AND users.removed_at IS NULL
           AND ($3::bigint IS NULL OR coalesce(tokens.last_used_at, tokens.created_at) > $2::bigint - $3::bigint)
       ), touched AS (
         UPDATE tokens SET last_used_at = $2 FROM found WHERE tokens.hash = found.hash
           AND (found.last_used_at IS NULL OR found.last_used_at <= $2::bigint - ${TOKEN_LAST_USED_PRECISION_MS} OR found.last_used_at > $2::bigint)
       )
       SELECT ${USER_COLUMNS}, found.id AS "deviceId" FROM found JOIN tokens ON tokens.hash = found.hash JOIN users ON users.id = tokens.user_id`,
      [tokenHash, now, idleTtlMs === undefined ? null : Math.floor(idleTtlMs)],
    );
    const row = rows[0];
    if (!row) return undefined;
    const { deviceId, ...user } = row;
    return { user, deviceId };
  }

  async listActiveUsers() {
    return (await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE removed_at IS NULL ORDER BY created_at, email`)).rows;
  }

  async getActiveUser(id: string) {
    return (await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 AND removed_at IS NULL`, [id])).rows[0];
  }

  async getActiveUserByEmail(email: string) {
    return (await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1) AND removed_at IS NULL`, [email])).rows[0];
  }

  async getRemovedUserByEmail(email: string) {
    return (await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1) AND removed_at IS NOT NULL`, [email])).rows[0];
  }

  async countActiveAdmins() {
    return Number((await this.pool.query("SELECT count(*) AS n FROM users WHERE role = 'admin' AND removed_at IS NULL")).rows[0].n);
  }

  async restoreUser(id: string, person: { name: string | null; role: Role }) {
    const { rows } = await this.pool.query<UserRow>(`UPDATE users SET removed_at = NULL, name = $2, role = $3 WHERE id = $1 AND removed_at IS NOT NULL RETURNING ${USER_COLUMNS}`, [
      id,
      person.name,
      person.role,
    ]);
    return rows[0];
  }

  async removeUser(id: string, now: number) {
    return this.transaction(async (client) => {
      const marked = await client.query('UPDATE users SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL', [id, now]);
      if (marked.rowCount !== 1) return false;
      await client.query('DELETE FROM tokens WHERE user_id = $1', [id]);
      await client.query('DELETE FROM pairing_codes WHERE user_id = $1', [id]);
      await client.query('DELETE FROM sender_allowances WHERE user_id = $1', [id]);
      await client.query('DELETE FROM oauth_sign_ins WHERE user_id = $1', [id]);
      // Their mailbox passwords go with their personal senders (delivery settings and OAuth tokens cascade).
      await client.query("DELETE FROM profiles WHERE owner_id = $1 AND scope = 'personal'", [id]);
      return true;
    });
  }

  async listDevices(userId: string) {
    return (await this.pool.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM tokens WHERE user_id = $1 ORDER BY created_at, id`, [userId])).rows;
  }

  async getDevice(id: string) {
    return (await this.pool.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM tokens WHERE id = $1`, [id])).rows[0];
  }

  async deleteDevice(id: string) {
    return (await this.pool.query('DELETE FROM tokens WHERE id = $1', [id])).rowCount === 1;
  }

  async deleteDevicesOf(userId: string) {
    return (await this.pool.query('DELETE FROM tokens WHERE user_id = $1', [userId])).rowCount ?? 0;
  }

  async createSetupCode(code: { hash: string; createdAt: number; expiresAt: number }) {
    await this.pool.query('INSERT INTO setup_codes (hash, created_at, expires_at) VALUES ($1, $2, $3)', [code.hash, code.createdAt, code.expiresAt]);
  }

  async isSetupCodeUsable(hash: string, now: number) {
    const { rows } = await this.pool.query('SELECT 1 FROM setup_codes WHERE hash = $1 AND used_at IS NULL AND expires_at > $2 AND NOT EXISTS (SELECT 1 FROM users)', [hash, now]);
    return rows.length > 0;
  }

  async redeemSetupCode(hash: string, now: number, admin: Omit<NewPerson, 'role'>, token: { hash: string; device: string }) {
    return this.transaction(async (client) => {
      // The same lock as PostgresStore.createUser: two instances' setup codes (or a CLI `user add`)
      // racing for the first user take turns, and only one of them finds the table empty.
      await client.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
      const used = await client.query('UPDATE setup_codes SET used_at = $2 WHERE hash = $1 AND used_at IS NULL AND expires_at > $2 AND NOT EXISTS (SELECT 1 FROM users)', [hash, now]);
      if (used.rowCount !== 1) return undefined;
      const user: UserRow = { ...admin, role: 'admin' };
      await client.query('INSERT INTO users (id, email, name, role, created_at) VALUES ($1, $2, $3, $4, $5)', [user.id, user.email, user.name, user.role, user.createdAt]);
      await client.query('INSERT INTO tokens (hash, user_id, device, created_at) VALUES ($1, $2, $3, $4)', [token.hash, user.id, token.device, now]);
      await client.query('DELETE FROM setup_codes WHERE used_at IS NULL');
      return user;
    });
  }
}
