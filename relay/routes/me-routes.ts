import { Hono } from 'hono';
import type { AuthEnv } from '../http/authenticate';
import { ApiError } from '../http/api-error';
import { listLiveDevices } from '../people/people-service';
import type { PeopleStore } from '../people/people-store';
import { clientSecretReminders } from '../oauth/secret-expiry';
import type { Store } from '../store/types';
import { toUserView } from './user-view';

/**
 * The current user, their devices (issue 14), and revoking a device: one's own, or, for admins,
 * anybody's. A revoked device's token gets 401 on its next request. Admins also get the reminders
 * that need them (issue 21: expiring client secrets), so that the popup and the options page show them.
 */
export function meRoutes({ people, store, tokenIdleTtlMs }: { people: PeopleStore; store: Store; tokenIdleTtlMs: number | undefined }) {
  return new Hono<AuthEnv>()
    .get('/v1/me', async (c) => {
      const me = c.get('user');
      if (me.role !== 'admin') return c.json(toUserView(me));
      return c.json({ ...toUserView(me), reminders: clientSecretReminders(await store.listAllProfiles(), Date.now()) });
    })
    .get('/v1/me/devices', async (c) => {
      const me = c.get('user');
      return c.json({ devices: await listLiveDevices(people, me.id, Date.now(), tokenIdleTtlMs, c.get('deviceId')) });
    })
    .delete('/v1/devices/:id', async (c) => {
      const me = c.get('user');
      const device = await people.getDevice(c.req.param('id'));
      // Someone else's device is "not found" to a member, as if it did not exist.
      if (!device || (device.userId !== me.id && me.role !== 'admin')) throw new ApiError('not_found', 'There is no device with this id.');
      await people.deleteDevice(device.id);
      return c.body(null, 204);
    });
}
