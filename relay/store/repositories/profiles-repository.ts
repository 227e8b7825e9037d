import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { readRow, writeRow } from '../schema/json-columns';
import type { Tables } from '../schema/tables';
import type { DeliverySettingsRow, ProfileRow } from '../types';
import { newestFinished, type senderRulesRepository } from './sender-rules-repository';
import { changedOne, readFirst, type StoreDb } from './store-db';

/** A profile as an accepted send reads it: with its delivery settings and its last finished message. */
export interface ProfileSendRead {
  profile: ProfileRow;
  settings?: DeliverySettingsRow;
  lastFinished?: Awaited<ReturnType<ReturnType<typeof senderRulesRepository>['lastFinishedDelivery']>>;
}

/** Sender profiles: settings and sealed secrets. `oauthState` is written only by the OAuth repository. */
export function profilesRepository({ db }: StoreDb) {
  const profiles = () => db.selectFrom('profiles').selectAll();
  const read = (row: Tables['profiles']): ProfileRow => readRow<ProfileRow>('profiles', row);
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
  type SendReadRow = NonNullable<Awaited<ReturnType<ReturnType<typeof withSendReads>['executeTakeFirst']>>>;
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
    getProfileForSend: (id: string): Promise<ProfileSendRead | undefined> => readFirst(withSendReads().where('profiles.id', '=', id), readForSend),
    /** The same for each profile of listProfilesVisibleTo, in one statement: a send that names no profile chooses from these. */
    listProfilesForSend: async (userId: string): Promise<ProfileSendRead[]> => (await visibleTo(withSendReads(), userId).execute()).map(readForSend),
    /** Company profiles and the user's personal ones. */
    listProfilesVisibleTo: async (userId: string) => (await visibleTo(profiles(), userId).execute()).map(read),
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

/** Company profiles and `userId`'s personal ones, company first, then oldest first. */
function visibleTo<DB extends Tables, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB | 'profiles', O>, userId: string) {
  return query
    .where(sql<boolean>`(profiles.scope = 'company' OR profiles.owner_id = ${userId})`)
    .orderBy(sql`profiles.scope`, 'desc')
    .orderBy(sql`profiles.created_at`);
}
