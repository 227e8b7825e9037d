import type { Store } from '../types';
import { changedRows, type StoreDb } from './store-db';

export type AppPasswordsRepository = Pick<Store, 'createAppPassword' | 'listAppPasswords' | 'deleteAppPassword' | 'touchAppPassword'>;

/** App passwords (issue 19): apps' logins to the SMTP front door; only their hashes are stored. */
export function appPasswordsRepository({ db }: StoreDb): AppPasswordsRepository {
  return {
    async createAppPassword(row) {
      await db
        .insertInto('app_passwords')
        .values({ id: row.id, user_id: row.userId, name: row.name, hash: row.hash, created_at: row.createdAt, last_used_at: row.lastUsedAt })
        .execute();
    },

    async listAppPasswords(userId) {
      return db
        .selectFrom('app_passwords')
        .select(['id', 'user_id as userId', 'name', 'hash', 'created_at as createdAt', 'last_used_at as lastUsedAt'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    async deleteAppPassword(userId, id) {
      return changedRows(await db.deleteFrom('app_passwords').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()) === 1;
    },

    async touchAppPassword(id, now) {
      await db.updateTable('app_passwords').set({ last_used_at: now }).where('id', '=', id).execute();
    },
  };
}
