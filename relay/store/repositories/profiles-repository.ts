import type { Kysely } from 'kysely';
import { readRow, writeRow } from '../schema/json-columns';
import type { Tables } from '../schema/tables';
import type { ProfileRow } from '../types';
import { changedRows, compiledOnce, type StoreDb } from './store-db';

/** Sender profiles: settings and sealed secrets. `oauthState` is written only by the OAuth repository. */
export function profilesRepository({ db }: StoreDb) {
  const profiles = () => db.selectFrom('profiles').selectAll();
  const read = (row: Tables['profiles']): ProfileRow => readRow<ProfileRow>('profiles', row);
  // Read at every accepted send (profile resolution): compiled once (compiledOnce).
  const visibleTo = compiledOnce(db, (userId) =>
    profiles()
      .where((eb) => eb.or([eb('scope', '=', 'company'), eb('ownerId', '=', userId)]))
      .orderBy('scope', 'desc')
      .orderBy('createdAt'),
  );
  return {
    insertProfile: (row: ProfileRow) => insertProfile(db, row),
    updateProfile: (row: ProfileRow) => updateProfile(db, row),

    /** Inserts `insert` (if given) and writes every row of `update` in one transaction: default flags (sender rules, issue 3) move together. */
    async saveProfiles(changes: { insert?: ProfileRow; update: ProfileRow[] }) {
      await db.transaction().execute(async (trx) => {
        if (changes.insert) await insertProfile(trx, changes.insert);
        for (const row of changes.update) await updateProfile(trx, row);
      });
    },

    deleteProfile: async (id: string) => changedRows(await db.deleteFrom('profiles').where('id', '=', id).executeTakeFirst()) === 1,
    getProfile: async (id: string) => {
      const row = await profiles().where('id', '=', id).executeTakeFirst();
      return row && read(row);
    },
    /** Company profiles and the user's personal ones. */
    listProfilesVisibleTo: (userId: string) => visibleTo(userId).then((rows) => rows.map(read)),
    listAllProfiles: () =>
      profiles()
        .orderBy('createdAt')
        .execute()
        .then((rows) => rows.map(read)),
  };
}

async function insertProfile(db: Kysely<Tables>, { oauthState: _written, ...row }: ProfileRow): Promise<void> {
  await db.insertInto('profiles').values(writeRow('profiles', row)).execute();
}

async function updateProfile(db: Kysely<Tables>, { id, createdAt: _kept, oauthState: _written, ...row }: ProfileRow): Promise<void> {
  await db.updateTable('profiles').set(writeRow('profiles', row)).where('id', '=', id).execute();
}
