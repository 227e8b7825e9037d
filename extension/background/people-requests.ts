import type { DeviceView, PairingCodeView, UserWithAllowancesView } from '../../shared/api-schemas';
import { requireConnection } from './page-requests';
import { callRelay } from './relay-client';
import type { RequestHandlers } from './request-handlers';

type PeopleRequestType = 'people.list' | 'people.add' | 'people.remove' | 'people.pairingCode' | 'people.devices' | 'devices.mine' | 'devices.revoke';

async function callAsUser<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const connection = await requireConnection();
  return callRelay<T>(connection.relayUrl, path, { ...init, token: connection.token });
}

const userPath = (id: string, rest = '') => `/v1/users/${encodeURIComponent(id)}${rest}`;

/** People and devices (issues 14, 20): the options page's People section. The relay checks who may do what. */
export const PEOPLE_HANDLERS: RequestHandlers<PeopleRequestType> = {
  'people.list': () => callAsUser<{ users: UserWithAllowancesView[] }>('/v1/users'),
  'people.add': (request) =>
    callAsUser<UserWithAllowancesView>('/v1/users', {
      method: 'POST',
      body: { email: request.email, ...(request.name ? { name: request.name } : {}), ...(request.role ? { role: request.role } : {}) },
    }),
  'people.remove': async (request) => {
    await callAsUser<void>(userPath(request.userId), { method: 'DELETE' });
    return { removed: true };
  },
  'people.pairingCode': (request) => callAsUser<PairingCodeView>(userPath(request.userId, '/pairing-code'), { method: 'POST' }),
  'people.devices': (request) => callAsUser<{ devices: DeviceView[] }>(userPath(request.userId, '/devices')),
  'devices.mine': () => callAsUser<{ devices: DeviceView[] }>('/v1/me/devices'),
  'devices.revoke': async (request) => {
    await callAsUser<void>(`/v1/devices/${encodeURIComponent(request.deviceId)}`, { method: 'DELETE' });
    return { revoked: true };
  },
};
