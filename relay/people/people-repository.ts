import { changedRows, compiledOnce, lockUsersTable, sameEmail, USER_COLUMNS, type StoreDb } from '../store/repositories/store-db';
import { TOKEN_LAST_USED_PRECISION_MS, type UserRow } from '../store/types';
import type { PeopleStore } from './people-store';

const DEVICE_COLUMNS = ['id', 'userId', 'device', 'createdAt', 'lastUsedAt'] as const;

/**
 * People and devices (issues 14 and 20), on the store's own database: every instance on a shared
 * PostgreSQL database sees a revocation with its next query.
 */
export function peopleRepository(storeDb: StoreDb): PeopleStore {
  const { db, dialect } = storeDb;
  const activeUsers = () => db.selectFrom('users').select(USER_COLUMNS).where('removedAt', 'is', null);

  // Read at every request (never cached: a revoked token fails at once), compiled once (compiledOnce).
  const session = compiledOnce(storeDb, (tokenHash) =>
    db
      .selectFrom('tokens')
      .innerJoin('users', 'users.id', 'tokens.userId')
      .select([...USER_COLUMNS, 'tokens.id as deviceId', 'tokens.createdAt as tokenCreatedAt', 'tokens.lastUsedAt as tokenLastUsedAt'])
      .where('tokens.hash', '=', tokenHash)
      .where('users.removedAt', 'is', null),
  );
  return {
    async authenticate(tokenHash, now, idleTtlMs) {
      const [row] = await session(tokenHash);
      if (!row) return undefined;
      const { deviceId, tokenCreatedAt, tokenLastUsedAt, ...user } = row;
      // An expired token is refused before it is touched: being tried never brings it back to life.
      if (idleTtlMs !== undefined && now - (tokenLastUsedAt ?? tokenCreatedAt) >= idleTtlMs) return undefined;
      // To the minute, as Store.getUserByTokenHash: a write per request is too dear.
      if (tokenLastUsedAt == null || now - tokenLastUsedAt >= TOKEN_LAST_USED_PRECISION_MS || now < tokenLastUsedAt) {
        await db.updateTable('tokens').set({ lastUsedAt: now }).where('hash', '=', tokenHash).execute();
      }
      return { user, deviceId };
    },

    async listActiveUsers() {
      return activeUsers().orderBy('users.createdAt').orderBy('users.email').execute();
    },

    async getActiveUser(id) {
      return activeUsers().where('id', '=', id).executeTakeFirst();
    },

    async getActiveUserByEmail(email) {
      return activeUsers().where(sameEmail(email)).executeTakeFirst();
    },

    async getRemovedUserByEmail(email) {
      return db.selectFrom('users').select(USER_COLUMNS).where('removedAt', 'is not', null).where(sameEmail(email)).executeTakeFirst();
    },

    async countActiveAdmins() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('removedAt', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async restoreUser(id, person) {
      return db.updateTable('users').set({ removedAt: null, name: person.name, role: person.role }).where('id', '=', id).where('removedAt', 'is not', null).returning(USER_COLUMNS).executeTakeFirst();
    },

    async removeUser(id, now) {
      return db.transaction().execute(async (trx) => {
        const marked = await trx.updateTable('users').set({ removedAt: now }).where('id', '=', id).where('removedAt', 'is', null).executeTakeFirst();
        if (changedRows(marked) !== 1) return false;
        await trx.deleteFrom('tokens').where('userId', '=', id).execute();
        await trx.deleteFrom('pairing_codes').where('userId', '=', id).execute();
        await trx.deleteFrom('sender_allowances').where('userId', '=', id).execute();
        await trx.deleteFrom('oauth_sign_ins').where('userId', '=', id).execute();
        // Their mailbox passwords go with their personal senders (delivery settings and OAuth tokens cascade).
        await trx.deleteFrom('profiles').where('ownerId', '=', id).where('scope', '=', 'personal').execute();
        return true;
      });
    },

    async listDevices(userId) {
      return db.selectFrom('tokens').select(DEVICE_COLUMNS).where('userId', '=', userId).orderBy('createdAt').orderBy('id').execute();
    },

    async getDevice(id) {
      return db.selectFrom('tokens').select(DEVICE_COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    async deleteDevice(id) {
      return changedRows(await db.deleteFrom('tokens').where('id', '=', id).executeTakeFirst()) === 1;
    },

    async deleteDevicesOf(userId) {
      return changedRows(await db.deleteFrom('tokens').where('userId', '=', userId).executeTakeFirst());
    },

    async createSetupCode(code) {
      await db.insertInto('setup_codes').values(code).execute();
    },

    async isSetupCodeUsable(hash, now) {
      const row = await db
        .selectFrom('setup_codes')
        .select('hash')
        .where('hash', '=', hash)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', now)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('users').select('id'))))
        .executeTakeFirst();
      return row !== undefined;
    },

    async redeemSetupCode(hash, now, admin, token) {
      return db.transaction().execute(async (trx) => {
        // The same turn-taking as Store.createUser: two instances' setup codes (or a CLI `user add`)
        // racing for the first user take turns, and only one of them finds the table empty.
        await lockUsersTable(trx, dialect);
        const used = await trx
          .updateTable('setup_codes')
          .set({ usedAt: now })
          .where('hash', '=', hash)
          .where('usedAt', 'is', null)
          .where('expiresAt', '>', now)
          .where((eb) => eb.not(eb.exists(eb.selectFrom('users').select('id'))))
          .executeTakeFirst();
        if (changedRows(used) !== 1) return undefined;
        const user: UserRow = { ...admin, role: 'admin' };
        await trx.insertInto('users').values(user).execute();
        await trx.insertInto('tokens').values({ hash: token.hash, userId: user.id, device: token.device, createdAt: now }).execute();
        // The relay has its admin: the other setup codes (other instances', earlier starts') are void.
        await trx.deleteFrom('setup_codes').where('usedAt', 'is', null).execute();
        return user;
      });
    },
  };
}
