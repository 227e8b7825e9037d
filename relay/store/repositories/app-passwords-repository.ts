import type { AppPasswordRow } from '../types';
import { changedOne, type StoreDb } from './store-db';

/** App passwords (issue 19): apps' logins to the SMTP front door; only their hashes are stored. */
export function appPasswordsRepository({ db }: StoreDb) {
  return {
    createAppPassword: async (row: AppPasswordRow) => void (await db.insertInto('app_passwords').values(row).execute()),
    listAppPasswords: (userId: string): Promise<AppPasswordRow[]> => db.selectFrom('app_passwords').selectAll().where('userId', '=', userId).orderBy('createdAt').orderBy('id').execute(),
    /** False when the user has none with this id. */
    deleteAppPassword: (userId: string, id: string) => changedOne(db.deleteFrom('app_passwords').where('id', '=', id).where('userId', '=', userId)),
    touchAppPassword: async (id: string, now: number) => void (await db.updateTable('app_passwords').set({ lastUsedAt: now }).where('id', '=', id).execute()),
  };
}
