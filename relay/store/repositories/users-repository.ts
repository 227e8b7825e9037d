import { TOKEN_LAST_USED_PRECISION_MS, type UserRow } from '../types';
import { changedOne, countAll, lockUsersTable, sameEmail, USER_COLUMNS, type StoreDb } from './store-db';

/** Users, their bearer tokens (as SHA-256) and pairing codes. */
export function usersRepository({ db, dialect }: StoreDb) {
  const countUsers = async (on = db) => Number((await on.selectFrom('users').select(countAll).executeTakeFirstOrThrow()).n);
  const users = () => db.selectFrom('users').select(USER_COLUMNS);
  return {
    countUsers: () => countUsers(),
    /** Creates a user; the first user of a relay becomes admin whatever `role` says. */
    async createUser(user: UserRow): Promise<UserRow> {
      return db.transaction().execute(async (trx) => {
        // Concurrent first users (several instances, a CLI beside the server): only one becomes admin.
        await lockUsersTable(trx, dialect);
        const row: UserRow = { ...user, role: (await countUsers(trx)) === 0 ? 'admin' : user.role };
        await trx.insertInto('users').values(row).execute();
        return row;
      });
    },
    getUserByEmail: (email: string): Promise<UserRow | undefined> => users().where(sameEmail(email)).executeTakeFirst(),
    getUserById: (id: string): Promise<UserRow | undefined> => users().where('id', '=', id).executeTakeFirst(),
    listUsers: (): Promise<UserRow[]> => users().orderBy('users.createdAt').orderBy('users.email').execute(),
    createToken: async (token: { hash: string; userId: string; device: string; createdAt: number }) => void (await db.insertInto('tokens').values(token).execute()),
    async getUserByTokenHash(hash: string, now: number): Promise<UserRow | undefined> {
      const row = await db
        .selectFrom('tokens')
        .innerJoin('users', 'users.id', 'tokens.userId')
        .select([...USER_COLUMNS, 'tokens.lastUsedAt as tokenLastUsedAt'])
        .where('tokens.hash', '=', hash)
        .executeTakeFirst();
      if (!row) return undefined;
      const { tokenLastUsedAt, ...user } = row;
      // Kept to the minute: writing it on every request cost a write transaction per API call.
      if (tokenLastUsedAt == null || now - tokenLastUsedAt >= TOKEN_LAST_USED_PRECISION_MS || now < tokenLastUsedAt) {
        await db.updateTable('tokens').set({ lastUsedAt: now }).where('hash', '=', hash).execute();
      }
      return user;
    },
    createPairingCode: async (code: { hash: string; userId: string; expiresAt: number }) => void (await db.insertInto('pairing_codes').values(code).execute()),
    /** Marks the code used and returns its user, atomically; undefined when unknown, used or expired. */
    async consumePairingCode(hash: string, now: number): Promise<UserRow | undefined> {
      return db.transaction().execute(async (trx) => {
        if (!(await changedOne(trx.updateTable('pairing_codes').set({ usedAt: now }).where('hash', '=', hash).where('usedAt', 'is', null).where('expiresAt', '>', now)))) return undefined;
        return trx.selectFrom('pairing_codes').innerJoin('users', 'users.id', 'pairing_codes.userId').select(USER_COLUMNS).where('pairing_codes.hash', '=', hash).executeTakeFirst();
      });
    },
  };
}
