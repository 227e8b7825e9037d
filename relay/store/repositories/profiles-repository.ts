import type { Kysely } from 'kysely';
import type { Tables } from '../schema/tables';
import type { ProfileRow, Store } from '../types';
import { changedRows, type StoreDb } from './store-db';

export type ProfilesRepository = Pick<Store, 'insertProfile' | 'updateProfile' | 'saveProfiles' | 'deleteProfile' | 'getProfile' | 'listProfilesVisibleTo' | 'listAllProfiles'>;

/** Sender profiles: settings and sealed secrets. `oauthState` is written only by the OAuth repository. */
export function profilesRepository({ db }: StoreDb): ProfilesRepository {
  const profiles = () => db.selectFrom('profiles').selectAll();
  return {
    insertProfile: (row) => insertProfile(db, row),
    updateProfile: (row) => updateProfile(db, row),

    async saveProfiles(changes) {
      // One transaction: default flags (sender rules, issue 3) move from one profile to another together.
      await db.transaction().execute(async (trx) => {
        if (changes.insert) await insertProfile(trx, changes.insert);
        for (const row of changes.update) await updateProfile(trx, row);
      });
    },

    deleteProfile: async (id) => changedRows(await db.deleteFrom('profiles').where('id', '=', id).executeTakeFirst()) === 1,
    getProfile: (id) => profiles().where('id', '=', id).executeTakeFirst(),
    listProfilesVisibleTo: (userId) =>
      profiles()
        .where((eb) => eb.or([eb('scope', '=', 'company'), eb('ownerId', '=', userId)]))
        .orderBy('scope', 'desc')
        .orderBy('createdAt')
        .execute(),
    listAllProfiles: () => profiles().orderBy('createdAt').execute(),
  };
}

async function insertProfile(db: Kysely<Tables>, { oauthState: _written, ...row }: ProfileRow): Promise<void> {
  await db.insertInto('profiles').values(row).execute();
}

async function updateProfile(db: Kysely<Tables>, { id, createdAt: _kept, oauthState: _written, ...row }: ProfileRow): Promise<void> {
  await db.updateTable('profiles').set(row).where('id', '=', id).execute();
}
