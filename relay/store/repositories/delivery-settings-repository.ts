import type { Store } from '../types';
import type { StoreDb } from './store-db';

export type DeliverySettingsRepository = Pick<Store, 'getDeliverySettings' | 'putDeliverySettings' | 'recordServerMaxBytes'>;

/** A profile's delivery settings (relay/delivery/delivery-settings.ts), beside the profile. */
export function deliverySettingsRepository({ db }: StoreDb): DeliverySettingsRepository {
  return {
    async getDeliverySettings(profileId) {
      return db
        .selectFrom('profile_delivery_settings')
        .select(['profile_id as profileId', 'data', 'secrets', 'server_max_bytes as serverMaxBytes', 'updated_at as updatedAt'])
        .where('profile_id', '=', profileId)
        .executeTakeFirst();
    },

    async putDeliverySettings(row) {
      await db
        .insertInto('profile_delivery_settings')
        .values({ profile_id: row.profileId, data: row.data, secrets: row.secrets, updated_at: row.updatedAt })
        .onConflict((oc) =>
          oc.column('profile_id').doUpdateSet((eb) => ({
            data: eb.ref('excluded.data'),
            secrets: eb.ref('excluded.secrets'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },

    async recordServerMaxBytes(profileId, bytes, now) {
      // The row may not exist yet (no settings saved): create it with empty settings, unless the
      // profile is gone. A learned limit does not change `updated_at`, which would otherwise look
      // like a settings change and reopen the profile's connections.
      await db
        .insertInto('profile_delivery_settings')
        .columns(['profile_id', 'data', 'secrets', 'server_max_bytes', 'updated_at'])
        .expression(
          db
            .selectNoFrom((eb) => [
              eb.val(profileId).as('profile_id'),
              eb.val('{"v":1}').as('data'),
              eb.val(null).as('secrets'),
              eb.val(bytes).as('server_max_bytes'),
              eb.val(now).as('updated_at'),
            ])
            .where((eb) => eb.exists(eb.selectFrom('profiles').select('id').where('id', '=', profileId))),
        )
        .onConflict((oc) => oc.column('profile_id').doUpdateSet((eb) => ({ server_max_bytes: eb.ref('excluded.server_max_bytes') })))
        .execute();
    },
  };
}
