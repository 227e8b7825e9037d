import { requireConnection } from './page-requests';
import { relay } from './relay-client';
import type { RequestHandlers } from './request-handlers';

type PeopleRequestType = 'people.list' | 'people.add' | 'people.remove' | 'people.pairingCode' | 'people.devices' | 'devices.mine' | 'devices.revoke';

/** The relay as the paired user. */
const asUser = async () => relay(await requireConnection());

/** People and devices (issues 14, 20): the options page's People section. The relay checks who may do what. */
export const PEOPLE_HANDLERS: RequestHandlers<PeopleRequestType> = {
  'people.list': async () => (await asUser()).call('listUsers'),
  'people.add': async (request) =>
    (await asUser()).call('addUser', {
      body: { email: request.email, ...(request.name ? { name: request.name } : {}), ...(request.role ? { role: request.role } : {}) },
    }),
  'people.remove': async (request) => {
    await (await asUser()).call('removeUser', { params: { id: request.userId } });
    return { removed: true };
  },
  'people.pairingCode': async (request) => (await asUser()).call('newPairingCode', { params: { id: request.userId } }),
  'people.devices': async (request) => (await asUser()).call('userDevices', { params: { id: request.userId } }),
  'devices.mine': async () => (await asUser()).call('myDevices'),
  'devices.revoke': async (request) => {
    await (await asUser()).call('revokeDevice', { params: { id: request.deviceId } });
    return { revoked: true };
  },
};
