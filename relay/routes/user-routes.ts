import { Hono } from 'hono';
import { zUserPatch, type UserWithAllowancesView } from '../../shared/api-schemas';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { readJsonBody } from '../http/read-body';
import type { Store, UserRow } from '../store/types';
import { toUserView } from './user-view';

/**
 * Users as an admin manages them for the sender rules: which addresses a member may send from on
 * their own personal profiles beyond their own (`allowedSenders`). Members may read their own entry.
 */
export function userRoutes({ store }: { store: Store }) {
  async function view(user: UserRow): Promise<UserWithAllowancesView> {
    return { ...toUserView(user), allowedSenders: await store.getSenderAllowances(user.id) };
  }

  function requireAdmin(user: UserRow) {
    if (user.role !== 'admin') throw new ApiError('forbidden', 'Only an admin can see and change users.');
  }

  async function findUser(id: string): Promise<UserRow> {
    const user = await store.getUserById(id);
    if (!user) throw new ApiError('not_found', 'There is no user with this id.');
    return user;
  }

  return new Hono<AuthEnv>()
    .get('/v1/users', async (c) => {
      requireAdmin(c.get('user'));
      const users = await store.listUsers();
      return c.json({ users: await Promise.all(users.map(view)) });
    })
    .get('/v1/users/:id', async (c) => {
      const me = c.get('user');
      const id = c.req.param('id');
      // A member sees only their own entry; anyone else's is "not found" rather than "forbidden".
      if (me.role !== 'admin' && id !== me.id) throw new ApiError('not_found', 'There is no user with this id.');
      return c.json(await view(await findUser(id)));
    })
    .patch('/v1/users/:id', async (c) => {
      requireAdmin(c.get('user'));
      const target = await findUser(c.req.param('id'));
      const { value } = await readJsonBody(c, zUserPatch);
      if (value.allowedSenders !== undefined) await store.setSenderAllowances(target.id, value.allowedSenders, Date.now());
      return c.json(await view(target));
    });
}
