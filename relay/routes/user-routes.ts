import { Hono } from 'hono';
import { zPersonInput, zUserPatch, type UserWithAllowancesView } from '../../shared/api-schemas';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { readJsonBody } from '../http/read-body';
import { addPerson, listLiveDevices, makePairingCode, removePerson, toPairingCodeView } from '../people/people-service';
import type { PeopleStore } from '../people/people-store';
import type { Store, UserRow } from '../store/types';
import { toUserView } from './user-view';

/**
 * Users as an admin manages them: people (add, remove; issue 20), their devices and pairing codes
 * (issue 14), and for the sender rules which addresses a member may send from on their own personal
 * profiles beyond their own (`allowedSenders`). Members may read their own entry and devices, and
 * make a pairing code for themselves (to pair another browser). A removed user is "not found".
 */
export function userRoutes({ store, people, tokenIdleTtlMs }: { store: Store; people: PeopleStore; tokenIdleTtlMs: number | undefined }) {
  async function view(user: UserRow): Promise<UserWithAllowancesView> {
    return { ...toUserView(user), allowedSenders: await store.getSenderAllowances(user.id) };
  }

  function requireAdmin(user: UserRow) {
    if (user.role !== 'admin') throw new ApiError('forbidden', 'Only an admin can see and change users.');
  }

  async function findUser(id: string): Promise<UserRow> {
    const user = await people.getActiveUser(id);
    if (!user) throw new ApiError('not_found', 'There is no user with this id.');
    return user;
  }

  /** Admins: anyone; members: themselves only (anyone else is "not found" rather than "forbidden"). */
  async function findVisibleUser(me: UserRow, id: string): Promise<UserRow> {
    if (me.role !== 'admin' && id !== me.id) throw new ApiError('not_found', 'There is no user with this id.');
    return findUser(id);
  }

  return new Hono<AuthEnv>()
    .get('/v1/users', async (c) => {
      requireAdmin(c.get('user'));
      const users = await people.listActiveUsers();
      return c.json({ users: await Promise.all(users.map(view)) });
    })
    .get('/v1/users/:id', async (c) => {
      return c.json(await view(await findVisibleUser(c.get('user'), c.req.param('id'))));
    })
    .patch('/v1/users/:id', async (c) => {
      requireAdmin(c.get('user'));
      const target = await findUser(c.req.param('id'));
      const { value } = await readJsonBody(c, zUserPatch);
      if (value.allowedSenders !== undefined) await store.setSenderAllowances(target.id, value.allowedSenders, Date.now());
      return c.json(await view(target));
    })
    .post('/v1/users', async (c) => {
      requireAdmin(c.get('user'));
      const { value } = await readJsonBody(c, zPersonInput);
      const { user } = await addPerson(store, people, value, Date.now());
      return c.json(await view(user), 201);
    })
    .delete('/v1/users/:id', async (c) => {
      requireAdmin(c.get('user'));
      await removePerson(people, await findUser(c.req.param('id')), Date.now());
      return c.body(null, 204);
    })
    .post('/v1/users/:id/pairing-code', async (c) => {
      const target = await findVisibleUser(c.get('user'), c.req.param('id'));
      return c.json(toPairingCodeView(await makePairingCode(store, target, Date.now())), 201);
    })
    .get('/v1/users/:id/devices', async (c) => {
      const target = await findVisibleUser(c.get('user'), c.req.param('id'));
      return c.json({ devices: await listLiveDevices(people, target.id, Date.now(), tokenIdleTtlMs, c.get('deviceId')) });
    });
}
