import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { zProfileInput, zProfilePatch } from '../../shared/schemas';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { readJsonBody } from '../http/read-body';
import { isObviouslyPrivateHost } from '../net/host-policy';
import { newProfileRow, patchProfileRow, toProfileView } from '../profiles/profile-record';
import { canManageProfile, canUseProfile } from '../profiles/resolve-profile';
import type { SecretCipher } from '../secrets/cipher';
import type { ProfileRow, Store, UserRow } from '../store/types';

export interface ProfileRouteDeps {
  store: Store;
  cipher: SecretCipher;
  allowPrivateHosts: boolean;
}

function assertHostAllowed(host: string, allowPrivateHosts: boolean) {
  if (!allowPrivateHosts && isObviouslyPrivateHost(host)) {
    throw new ApiError('private_host_not_allowed', `The server "${host}" is on a private network, which this relay does not connect to.`, {
      hint: 'An admin can allow internal mail servers by starting the relay with OWNPOST_ALLOW_PRIVATE_HOSTS=1.',
    });
  }
}

export function profileRoutes({ store, cipher, allowPrivateHosts }: ProfileRouteDeps) {
  async function view(row: ProfileRow) {
    const owner = row.ownerId ? await store.getUserById(row.ownerId) : undefined;
    return toProfileView(row, owner?.email ?? null);
  }
  async function findManageable(user: UserRow, id: string) {
    const row = await store.getProfile(id);
    if (!row || !canUseProfile(user, row)) throw new ApiError('not_found', 'There is no sender profile with this id.');
    if (!canManageProfile(user, row)) {
      throw new ApiError('forbidden', 'Only an admin can change a company sender.');
    }
    return row;
  }

  return new Hono<AuthEnv>()
    .get('/v1/profiles', async (c) => {
      const rows = await store.listProfilesVisibleTo(c.get('user').id);
      return c.json({ profiles: await Promise.all(rows.map(view)) });
    })
    .post('/v1/profiles', async (c) => {
      const user = c.get('user');
      const { value } = await readJsonBody(c, zProfileInput);
      if (value.scope === 'company' && user.role !== 'admin') {
        throw new ApiError('forbidden', 'Only an admin can add a company sender.', { hint: 'Add it as a personal sender instead.' });
      }
      assertHostAllowed(value.smtp.host, allowPrivateHosts);
      const row = newProfileRow(value, { id: randomUUID(), ownerId: user.id, now: Date.now() }, cipher);
      await store.insertProfile(row);
      return c.json(await view(row), 201);
    })
    .get('/v1/profiles/:id', async (c) => {
      const row = await store.getProfile(c.req.param('id'));
      if (!row || !canUseProfile(c.get('user'), row)) throw new ApiError('not_found', 'There is no sender profile with this id.');
      return c.json(await view(row));
    })
    .patch('/v1/profiles/:id', async (c) => {
      const user = c.get('user');
      const row = await findManageable(user, c.req.param('id'));
      const { value } = await readJsonBody(c, zProfilePatch);
      if (value.scope === 'company' && user.role !== 'admin') throw new ApiError('forbidden', 'Only an admin can make a sender a company sender.');
      if (value.smtp) assertHostAllowed(value.smtp.host, allowPrivateHosts);
      const next = patchProfileRow(row, value, cipher, Date.now());
      if (value.scope === 'company') next.ownerId = null;
      if (value.scope === 'personal' && row.scope === 'company') next.ownerId = user.id;
      await store.updateProfile(next);
      return c.json(await view(next));
    })
    .delete('/v1/profiles/:id', async (c) => {
      const row = await findManageable(c.get('user'), c.req.param('id'));
      await store.deleteProfile(row.id);
      return c.body(null, 204);
    });
}
