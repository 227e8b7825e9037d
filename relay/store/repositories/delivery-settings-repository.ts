import { readRow, writeRow } from '../schema/json-columns';
import type { DeliverySettingsRow } from '../types';
import { compiledOnce, whileProfileExists, type StoreDb } from './store-db';

/** A profile's delivery settings (relay/delivery/delivery-settings.ts), beside the profile. */
export function deliverySettingsRepository({ db }: StoreDb) {
  // Read at every accepted send: compiled once (compiledOnce).
  const settingsOf = compiledOnce(db, (profileId) => db.selectFrom('profile_delivery_settings').selectAll().where('profileId', '=', profileId));
  return {
    async getDeliverySettings(profileId: string): Promise<DeliverySettingsRow | undefined> {
      const [row] = await settingsOf(profileId);
      return row && readRow<DeliverySettingsRow>('profile_delivery_settings', row, profileId);
    },

    async putDeliverySettings(row: Omit<DeliverySettingsRow, 'serverMaxBytes'>) {
      await db
        .insertInto('profile_delivery_settings')
        .values(writeRow('profile_delivery_settings', row))
        .onConflict((oc) => oc.column('profileId').doUpdateSet((eb) => ({ data: eb.ref('excluded.data'), secrets: eb.ref('excluded.secrets'), updatedAt: eb.ref('excluded.updatedAt') })))
        .execute();
    },

    /** Remembers the SIZE a profile's SMTP server announced. */
    async recordServerMaxBytes(profileId: string, bytes: number, now: number) {
      // Created with empty settings if need be, unless the profile is gone. `updated_at` stays: it
      // would look like a settings change and reopen the profile's connections.
      await db
        .insertInto('profile_delivery_settings')
        .columns(['profileId', 'data', 'secrets', 'serverMaxBytes', 'updatedAt'])
        .expression(whileProfileExists(db, profileId, [profileId, '{"v":1}', null, bytes, now]))
        .onConflict((oc) => oc.column('profileId').doUpdateSet((eb) => ({ serverMaxBytes: eb.ref('excluded.serverMaxBytes') })))
        .execute();
    },
  };
}
