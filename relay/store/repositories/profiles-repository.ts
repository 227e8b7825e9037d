import type { Kysely } from 'kysely';
import type { Tables } from '../schema/tables';
import type { ProfileRow, Store } from '../types';
import { changedRows, type StoreDb } from './store-db';

export type ProfilesRepository = Pick<
  Store,
  'insertProfile' | 'updateProfile' | 'saveProfiles' | 'deleteProfile' | 'getProfile' | 'listProfilesVisibleTo' | 'listAllProfiles'
>;

const PROFILE_COLUMNS = [
  'id',
  'owner_id as ownerId',
  'scope',
  'data',
  'secrets',
  'created_at as createdAt',
  'updated_at as updatedAt',
  'oauth_state as oauthState',
] as const;

/** Sender profiles: settings and sealed secrets. `oauth_state` is written only by the OAuth repository. */
export function profilesRepository({ db }: StoreDb): ProfilesRepository {
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

    async deleteProfile(id) {
      return changedRows(await db.deleteFrom('profiles').where('id', '=', id).executeTakeFirst()) === 1;
    },

    async getProfile(id) {
      return db.selectFrom('profiles').select(PROFILE_COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    async listProfilesVisibleTo(userId) {
      return db
        .selectFrom('profiles')
        .select(PROFILE_COLUMNS)
        .where((eb) => eb.or([eb('scope', '=', 'company'), eb('owner_id', '=', userId)]))
        .orderBy('scope', 'desc')
        .orderBy('created_at')
        .execute();
    },

    async listAllProfiles() {
      return db.selectFrom('profiles').select(PROFILE_COLUMNS).orderBy('created_at').execute();
    },
  };
}

async function insertProfile(db: Kysely<Tables>, row: ProfileRow): Promise<void> {
  await db
    .insertInto('profiles')
    .values({
      id: row.id,
      owner_id: row.ownerId,
      scope: row.scope,
      data: row.data,
      secrets: row.secrets,
      created_at: row.createdAt,
      updated_at: row.updatedAt,
    })
    .execute();
}

async function updateProfile(db: Kysely<Tables>, row: ProfileRow): Promise<void> {
  await db
    .updateTable('profiles')
    .set({ owner_id: row.ownerId, scope: row.scope, data: row.data, secrets: row.secrets, updated_at: row.updatedAt })
    .where('id', '=', row.id)
    .execute();
}
