import { Hono } from 'hono';
import type { AuthEnv } from '../http/authenticate';
import { ApiError } from '../http/api-error';
import { listLiveDevices } from '../people/people-service';
import type { PeopleStore } from '../people/people-store';
import { toUserView } from './user-view';

/**
 * The current user, their devices (issue 14), and revoking a device: one's own, or, for admins,
 * anybody's. A revoked device's token gets 401 on its next request.
 */
export function meRoutes({ people, tokenIdleTtlMs }: { people: PeopleStore; tokenIdleTtlMs: number | undefined }) {
  return new Hono<AuthEnv>()
    .get('/v1/me', (c) => c.json(toUserView(c.get('user'))))
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
