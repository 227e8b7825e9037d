import type { Kysely } from 'kysely';
import { readRow, writeRow } from '../schema/json-columns';
import type { Tables } from '../schema/tables';
import type { DeliverySettingsRow, ProfileRow } from '../types';
import { newestFinished, type senderRulesRepository } from './sender-rules-repository';
import { changedOne, compiledOnce, readFirst, type StoreDb } from './store-db';

/** A profile as an accepted send reads it: with its delivery settings and its last finished message. */
export interface ProfileSendRead {
  profile: ProfileRow;
  settings?: DeliverySettingsRow;
  lastFinished?: Awaited<ReturnType<ReturnType<typeof senderRulesRepository>['lastFinishedDelivery']>>;
}

/** Sender profiles: settings and sealed secrets. `oauthState` is written only by the OAuth repository. */
export function profilesRepository(storeDb: StoreDb) {
  const { db } = storeDb;
  const profiles = () => db.selectFrom('profiles').selectAll();
  const read = (row: Tables['profiles']): ProfileRow => readRow<ProfileRow>('profiles', row);
  // Read at every accepted send (profile resolution).
  const visibleTo = compiledOnce(storeDb, (userId) =>
    profiles()
      .where((eb) => eb.or([eb('scope', '=', 'company'), eb('ownerId', '=', userId)]))
      .orderBy('scope', 'desc')
      .orderBy('createdAt'),
  );
  // A profile with its delivery settings and its last finished message.
  const withSendReads = () =>
    db
      .selectFrom('profiles')
      .leftJoin('profile_delivery_settings as settings', 'settings.profileId', 'profiles.id')
      .leftJoin('messages as last', (join) => join.on('last.id', '=', (eb) => newestFinished(eb.selectFrom('messages').select('id').whereRef('messages.profileId', '=', 'profiles.id'))))
      .selectAll('profiles')
      .select([
        'settings.data as settingsData',
        'settings.secrets as settingsSecrets',
        'settings.serverMaxBytes as settingsServerMaxBytes',
        'settings.updatedAt as settingsUpdatedAt',
        'last.status as lastStatus',
        'last.problemCode as lastProblemCode',
        'last.updatedAt as lastAt',
      ]);
  const forSend = compiledOnce(storeDb, (id) => withSendReads().where('profiles.id', '=', id));
  const visibleForSend = compiledOnce(storeDb, (userId) =>
    withSendReads()
      .where((eb) => eb.or([eb('profiles.scope', '=', 'company'), eb('profiles.ownerId', '=', userId)]))
      .orderBy('profiles.scope', 'desc')
      .orderBy('profiles.createdAt'),
  );
  type SendReadRow = Awaited<ReturnType<typeof forSend>>[number];
  const readForSend = (row: SendReadRow): ProfileSendRead => {
    const { settingsData, settingsSecrets, settingsServerMaxBytes, settingsUpdatedAt, lastStatus, lastProblemCode, lastAt, ...profile } = row;
    const settings = settingsData === null ? undefined : { profileId: profile.id, data: settingsData, secrets: settingsSecrets, serverMaxBytes: settingsServerMaxBytes, updatedAt: settingsUpdatedAt! };
    return {
      profile: read(profile),
      ...(settings ? { settings: readRow<DeliverySettingsRow>('profile_delivery_settings', settings, profile.id) } : {}),
      ...(lastStatus === 'sent' || lastStatus === 'failed' ? { lastFinished: { status: lastStatus, problemCode: lastProblemCode, at: lastAt! } } : {}),
    };
  };
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
    deleteProfile: (id: string) => changedOne(db.deleteFrom('profiles').where('id', '=', id)),
    getProfile: (id: string) => readFirst(profiles().where('id', '=', id), read),
    /** What getProfile, getDeliverySettings and lastFinishedDelivery answer, in one statement: every accepted send that names its profile needs all three. */
    async getProfileForSend(id: string): Promise<ProfileSendRead | undefined> {
      const [row] = await forSend(id);
      return row && readForSend(row);
    },
    /** The same for each profile of listProfilesVisibleTo, in one statement: a send that names no profile chooses from these. */
    listProfilesForSend: async (userId: string): Promise<ProfileSendRead[]> => (await visibleForSend(userId)).map(readForSend),
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
