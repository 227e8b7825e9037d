import type { AppPasswordRow } from '../types';
import { changedRows, type StoreDb } from './store-db';

/** App passwords (issue 19): apps' logins to the SMTP front door (relay/auth/app-passwords.ts); only their hashes are stored. */
export function appPasswordsRepository({ db }: StoreDb) {
  return {
    createAppPassword: async (row: AppPasswordRow) => void (await db.insertInto('app_passwords').values(row).execute()),
    /** A user's app passwords, oldest first. */
    listAppPasswords: (userId: string): Promise<AppPasswordRow[]> => db.selectFrom('app_passwords').selectAll().where('userId', '=', userId).orderBy('createdAt').orderBy('id').execute(),
    /** Revokes one of the user's app passwords; false when the user has none with this id. */
    deleteAppPassword: async (userId: string, id: string) => changedRows(await db.deleteFrom('app_passwords').where('id', '=', id).where('userId', '=', userId).executeTakeFirst()) === 1,
    /** Records a sign-in with it (shown in the list). */
    touchAppPassword: async (id: string, now: number) => void (await db.updateTable('app_passwords').set({ lastUsedAt: now }).where('id', '=', id).execute()),
  };
}
