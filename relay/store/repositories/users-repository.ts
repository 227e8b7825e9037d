import { TOKEN_LAST_USED_PRECISION_MS, type Store, type UserRow } from '../types';
import { changedRows, lockUsersTable, sameEmail, USER_COLUMNS, type StoreDb } from './store-db';

export type UsersRepository = Pick<
  Store,
  'countUsers' | 'createUser' | 'getUserByEmail' | 'getUserById' | 'listUsers' | 'createToken' | 'getUserByTokenHash' | 'createPairingCode' | 'consumePairingCode'
>;

/** Users, their bearer tokens (as SHA-256) and pairing codes. */
export function usersRepository({ db, dialect }: StoreDb): UsersRepository {
  const countUsers = async (on = db) =>
    Number(
      (
        await on
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const users = () => db.selectFrom('users').select(USER_COLUMNS);

  return {
    countUsers: () => countUsers(),

    async createUser(user) {
      return db.transaction().execute(async (trx) => {
        // Concurrent first users (several instances, a CLI beside the server): only one becomes admin.
        await lockUsersTable(trx, dialect);
        const row: UserRow = { ...user, role: (await countUsers(trx)) === 0 ? 'admin' : user.role };
        await trx.insertInto('users').values(row).execute();
        return row;
      });
    },

    getUserByEmail: (email) => users().where(sameEmail(email)).executeTakeFirst(),
    getUserById: (id) => users().where('id', '=', id).executeTakeFirst(),
    listUsers: () => users().orderBy('users.createdAt').orderBy('users.email').execute(),

    async createToken(token) {
      await db.insertInto('tokens').values(token).execute();
    },

    async getUserByTokenHash(hash, now) {
      const row = await db
        .selectFrom('tokens')
        .innerJoin('users', 'users.id', 'tokens.userId')
        .select([...USER_COLUMNS, 'tokens.lastUsedAt as tokenLastUsedAt'])
        .where('tokens.hash', '=', hash)
        .executeTakeFirst();
      if (!row) return undefined;
      const { tokenLastUsedAt, ...user } = row;
      // `last_used_at` is kept to the minute: writing it on every request cost a write transaction
      // (with an fsync on SQLite, a row lock on PostgreSQL) per API call.
      if (tokenLastUsedAt == null || now - tokenLastUsedAt >= TOKEN_LAST_USED_PRECISION_MS || now < tokenLastUsedAt) {
        await db.updateTable('tokens').set({ lastUsedAt: now }).where('hash', '=', hash).execute();
      }
      return user;
    },

    async createPairingCode(code) {
      await db.insertInto('pairing_codes').values(code).execute();
    },

    async consumePairingCode(hash, now) {
      return db.transaction().execute(async (trx) => {
        const used = await trx.updateTable('pairing_codes').set({ usedAt: now }).where('hash', '=', hash).where('usedAt', 'is', null).where('expiresAt', '>', now).executeTakeFirst();
        if (changedRows(used) !== 1) return undefined;
        return trx.selectFrom('pairing_codes').innerJoin('users', 'users.id', 'pairing_codes.userId').select(USER_COLUMNS).where('pairing_codes.hash', '=', hash).executeTakeFirst();
      });
    },
  };
}
