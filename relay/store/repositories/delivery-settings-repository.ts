import { readRow, writeRow } from '../schema/json-columns';
import type { DeliverySettingsRow } from '../types';
import { compiledOnce, fromExcluded, whileProfileExists, type StoreDb } from './store-db';

/** A profile's delivery settings, beside the profile. */
export function deliverySettingsRepository(storeDb: StoreDb) {
  const { db } = storeDb;
  // Read at every accepted send.
  const settingsOf = compiledOnce(storeDb, (profileId) => db.selectFrom('profile_delivery_settings').selectAll().where('profileId', '=', profileId));
  return {
    async getDeliverySettings(profileId: string): Promise<DeliverySettingsRow | undefined> {
      const [row] = await settingsOf(profileId);
      return row && readRow<DeliverySettingsRow>('profile_delivery_settings', row, profileId);
    },
    async putDeliverySettings(row: Omit<DeliverySettingsRow, 'serverMaxBytes'>) {
      const values = writeRow('profile_delivery_settings', row);
      await db
        .insertInto('profile_delivery_settings')
        .values(values)
        .onConflict((oc) => oc.column('profileId').doUpdateSet(fromExcluded('profile_delivery_settings', 'data', 'secrets', 'updatedAt')))
        .execute();
    },
    /** Remembers the SIZE a profile's SMTP server announced. `updated_at` stays: it would look like a settings change and reopen the profile's connections. */
    async recordServerMaxBytes(profileId: string, bytes: number, now: number) {
      await db
        .insertInto('profile_delivery_settings')
        .columns(['profileId', 'data', 'secrets', 'serverMaxBytes', 'updatedAt'])
        .expression(whileProfileExists(db, profileId, [profileId, '{"v":1}', null, bytes, now]))
        .onConflict((oc) => oc.column('profileId').doUpdateSet(fromExcluded('profile_delivery_settings', 'serverMaxBytes')))
        .execute();
    },
  };
}
