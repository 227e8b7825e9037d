import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import type { AuthEnv } from '../http/authenticate';
import { ApiError } from '../http/api-error';
import { listLiveDevices } from '../people/people-service';
import type { PeopleStore } from '../people/people-store';
import { clientSecretReminders } from '../oauth/secret-expiry';
import type { Store } from '../store/types';
import { toUserView } from './user-view';

const currentUser = operation(RELAY_CONTRACT.me, {
  tag: 'users',
  summary: 'The current user',
  answers: { 200: "The token's user; an admin's also lists the reminders that need them (expiring client secrets)" },
  errors: [],
});

const myDevices = operation(RELAY_CONTRACT.myDevices, {
  tag: 'devices',
  summary: "The current user's devices that still work",
  answers: { 200: 'Devices; `current` marks the one asking' },
  errors: [],
});

const revokeDevice = operation(RELAY_CONTRACT.revokeDevice, {
  tag: 'devices',
  summary: "Revoke a device (one's own; admins anybody's)",
  description: 'Its token gets 401 from its next request on, on every relay instance.',
  answers: { 204: 'Revoked' },
  errors: ['not_found'],
});

/**
 * The current user, their devices (issue 14), and revoking a device: one's own, or, for admins,
 * anybody's. A revoked device's token gets 401 on its next request. Admins also get the reminders
 * that need them (issue 21: expiring client secrets), so that the popup and the options page show them.
 */
export function meRoutes({ people, store, tokenIdleTtlMs }: { people: PeopleStore; store: Store; tokenIdleTtlMs: number | undefined }) {
  const app = new OpenAPIHono<AuthEnv>();
  serve(app, currentUser, async (c, answer) => {
    const me = c.get('user');
    if (me.role !== 'admin') return answer(200, toUserView(me));
    return answer(200, { ...toUserView(me), reminders: clientSecretReminders(await store.listAllProfiles(), Date.now()) });
  });
  serve(app, myDevices, async (c, answer) => {
    const me = c.get('user');
    return answer(200, { devices: await listLiveDevices(people, me.id, Date.now(), tokenIdleTtlMs, c.get('deviceId')) });
  });
  serve(app, revokeDevice, async (c, answer) => {
    const me = c.get('user');
    const device = await people.getDevice(c.req.param('id'));
    // Someone else's device is "not found" to a member, as if it did not exist.
    if (!device || (device.userId !== me.id && me.role !== 'admin')) throw new ApiError('not_found', 'There is no device with this id.');
    await people.deleteDevice(device.id);
    return answer(204);
  });
  return app;
}
