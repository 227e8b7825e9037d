import type { Store } from '../types';
import { changedRows, type StoreDb } from './store-db';

export type AppPasswordsRepository = Pick<Store, 'createAppPassword' | 'listAppPasswords' | 'deleteAppPassword' | 'touchAppPassword'>;

/** App passwords (issue 19): apps' logins to the SMTP front door; only their hashes are stored. */
export function appPasswordsRepository({ db }: StoreDb): AppPasswordsRepository {
  return {
    createAppPassword: async (row) => void (await db.insertInto('app_passwords').values(row).execute()),
    listAppPasswords: (userId) => db.selectFrom('app_passwords').selectAll().where('userId', '=', userId).orderBy('createdAt').orderBy('id').execute(),
    deleteAppPassword: async (userId, id) => changedRows(await db.deleteFrom('app_passwords').where('id', '=', id).where('userId', '=', userId).executeTakeFirst()) === 1,
    touchAppPassword: async (id, now) => void (await db.updateTable('app_passwords').set({ lastUsedAt: now }).where('id', '=', id).execute()),
  };
}
