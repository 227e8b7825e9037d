import { TOKEN_LAST_USED_PRECISION_MS, type Store, type UserRow } from '../types';
import { changedRows, lockUsersTable, sameEmail, USER_COLUMNS, type StoreDb } from './store-db';

export type UsersRepository = Pick<
  Store,
  | 'countUsers'
  | 'createUser'
  | 'getUserByEmail'
  | 'getUserById'
  | 'listUsers'
  | 'createToken'
  | 'getUserByTokenHash'
  | 'createPairingCode'
  | 'consumePairingCode'
>;

/** Users, their bearer tokens (as SHA-256) and pairing codes. */
export function usersRepository({ db, dialect }: StoreDb): UsersRepository {
  return {
    async countUsers() {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async createUser(user) {
      return db.transaction().execute(async (trx) => {
        // Concurrent first users (several instances, a CLI beside the server): only one becomes admin.
        await lockUsersTable(trx, dialect);
        const { n } = await trx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        const row: UserRow = { ...user, role: Number(n) === 0 ? 'admin' : user.role };
        await trx
          .insertInto('users')
          .values({ id: row.id, email: row.email, name: row.name, role: row.role, created_at: row.createdAt })
          .execute();
        return row;
      });
    },

    async getUserByEmail(email) {
      return db.selectFrom('users').select(USER_COLUMNS).where(sameEmail(email)).executeTakeFirst();
    },

    async getUserById(id) {
      return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    async listUsers() {
      return db.selectFrom('users').select(USER_COLUMNS).orderBy('users.created_at').orderBy('users.email').execute();
    },

    async createToken(token) {
      await db.insertInto('tokens').values({ hash: token.hash, user_id: token.userId, device: token.device, created_at: token.createdAt }).execute();
    },

    async getUserByTokenHash(hash, now) {
      const row = await db
        .selectFrom('tokens')
        .innerJoin('users', 'users.id', 'tokens.user_id')
        .select([...USER_COLUMNS, 'tokens.last_used_at as tokenLastUsedAt'])
        .where('tokens.hash', '=', hash)
        .executeTakeFirst();
      if (!row) return undefined;
      const { tokenLastUsedAt, ...user } = row;
      // `last_used_at` is kept to the minute: writing it on every request cost a write transaction
      // (with an fsync on SQLite, a row lock on PostgreSQL) per API call.
      if (tokenLastUsedAt == null || now - tokenLastUsedAt >= TOKEN_LAST_USED_PRECISION_MS || now < tokenLastUsedAt) {
        await db.updateTable('tokens').set({ last_used_at: now }).where('hash', '=', hash).execute();
      }
      return user;
    },

    async createPairingCode(code) {
      await db.insertInto('pairing_codes').values({ hash: code.hash, user_id: code.userId, expires_at: code.expiresAt }).execute();
    },

    async consumePairingCode(hash, now) {
      return db.transaction().execute(async (trx) => {
        const used = await trx
          .updateTable('pairing_codes')
          .set({ used_at: now })
          .where('hash', '=', hash)
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .executeTakeFirst();
        if (changedRows(used) !== 1) return undefined;
        return trx
          .selectFrom('pairing_codes')
          .innerJoin('users', 'users.id', 'pairing_codes.user_id')
          .select(USER_COLUMNS)
          .where('pairing_codes.hash', '=', hash)
          .executeTakeFirst();
      });
    },
  };
}
