import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import { zPersonInput, zUserPatch, type UserWithAllowancesView } from '../../shared/api-schemas';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { readJsonBody } from '../http/read-body';
import { addPerson, listLiveDevices, makePairingCode, removePerson, toPairingCodeView } from '../people/people-service';
import type { PeopleStore } from '../people/people-store';
import type { Store, UserRow } from '../store/types';
import { toUserView } from './user-view';

const listUsers = operation(RELAY_CONTRACT.listUsers, {
  tag: 'users',
  summary: 'Every user and what they may send from (admins)',
  answers: { 200: 'Users' },
  errors: ['forbidden'],
});

const getUser = operation(RELAY_CONTRACT.getUser, {
  tag: 'users',
  summary: 'One user (admins; members only themselves)',
  answers: { 200: 'The user' },
  errors: ['not_found'],
});

const patchUser = operation(RELAY_CONTRACT.patchUser, {
  tag: 'users',
  summary: 'Allow a member more sender addresses (admins)',
  description: "A member's personal profiles may send only from the member's own address and those listed here.",
  answers: { 200: 'The user' },
  errors: ['forbidden', 'not_found'],
});

const addUser = operation(RELAY_CONTRACT.addUser, {
  tag: 'users',
  summary: 'Add a person (admins)',
  description: 'The address of a removed person brings them back, with their history. Then make them a pairing code.',
  answers: { 201: 'Added' },
  errors: ['forbidden', 'conflict'],
});

const removeUser = operation(RELAY_CONTRACT.removeUser, {
  tag: 'users',
  summary: 'Remove a person (admins)',
  description:
    'Their devices stop working at once; their pairing codes, personal senders (with their passwords) and allowances are deleted; their sent messages stay in the history. The last admin cannot be removed (409).',
  answers: { 204: 'Removed' },
  errors: ['forbidden', 'not_found', 'conflict'],
});

const newPairingCode = operation(RELAY_CONTRACT.newPairingCode, {
  tag: 'devices',
  summary: 'Make a pairing code for a person (admins; members for themselves)',
  answers: { 201: 'The code, shown once' },
  errors: ['not_found'],
});

const userDevices = operation(RELAY_CONTRACT.userDevices, {
  tag: 'devices',
  summary: "A person's devices that still work (admins; members only their own)",
  answers: { 200: 'Devices' },
  errors: ['not_found'],
});

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

  const app = new OpenAPIHono<AuthEnv>();
  serve(app, listUsers, async (c, answer) => {
    requireAdmin(c.get('user'));
    const users = await people.listActiveUsers();
    return answer(200, { users: await Promise.all(users.map(view)) });
  });
  serve(app, getUser, async (c, answer) => {
    return answer(200, await view(await findVisibleUser(c.get('user'), c.req.param('id'))));
  });
  serve(app, patchUser, async (c, answer) => {
    requireAdmin(c.get('user'));
    const target = await findUser(c.req.param('id'));
    const { value } = await readJsonBody(c, zUserPatch);
    if (value.allowedSenders !== undefined) await store.setSenderAllowances(target.id, value.allowedSenders, Date.now());
    return answer(200, await view(target));
  });
  serve(app, addUser, async (c, answer) => {
    requireAdmin(c.get('user'));
    const { value } = await readJsonBody(c, zPersonInput);
    const { user } = await addPerson(store, people, value, Date.now());
    return answer(201, await view(user));
  });
  serve(app, removeUser, async (c, answer) => {
    requireAdmin(c.get('user'));
    await removePerson(people, await findUser(c.req.param('id')), Date.now());
    return answer(204);
  });
  serve(app, newPairingCode, async (c, answer) => {
    const target = await findVisibleUser(c.get('user'), c.req.param('id'));
    return answer(201, toPairingCodeView(await makePairingCode(store, target, Date.now())));
  });
  serve(app, userDevices, async (c, answer) => {
    const target = await findVisibleUser(c.get('user'), c.req.param('id'));
    return answer(200, { devices: await listLiveDevices(people, target.id, Date.now(), tokenIdleTtlMs, c.get('deviceId')) });
  });
  return app;
}
