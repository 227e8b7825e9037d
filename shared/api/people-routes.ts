/** The contract of pairing, users, devices and app passwords. */
import { zAppPasswordInput, zAppPasswordView, zDeviceView, zMeView, zNewAppPasswordView, zPairingCodeView, zPairResponse, zPersonInput, zUserPatch, zUserWithAllowancesView } from '../api-schemas';
import { zPairRequest } from '../schemas';
import { listOf, route } from './route-contract';

export const PEOPLE_ROUTES = {
  pair: route({ method: 'post', path: '/v1/pair', auth: false, body: { schema: zPairRequest }, success: { status: 200, schema: zPairResponse } }),

  me: route({ method: 'get', path: '/v1/me', success: { status: 200, schema: zMeView } }),
  myDevices: route({ method: 'get', path: '/v1/me/devices', success: { status: 200, schema: listOf('devices', zDeviceView) } }),
  revokeDevice: route({ method: 'delete', path: '/v1/devices/{id}', success: { status: 204 } }),

  listUsers: route({ method: 'get', path: '/v1/users', success: { status: 200, schema: listOf('users', zUserWithAllowancesView) } }),
  getUser: route({ method: 'get', path: '/v1/users/{id}', success: { status: 200, schema: zUserWithAllowancesView } }),
  patchUser: route({ method: 'patch', path: '/v1/users/{id}', body: { schema: zUserPatch }, success: { status: 200, schema: zUserWithAllowancesView } }),
  addUser: route({ method: 'post', path: '/v1/users', body: { schema: zPersonInput }, success: { status: 201, schema: zUserWithAllowancesView } }),
  removeUser: route({ method: 'delete', path: '/v1/users/{id}', success: { status: 204 } }),
  newPairingCode: route({ method: 'post', path: '/v1/users/{id}/pairing-code', success: { status: 201, schema: zPairingCodeView } }),
  userDevices: route({ method: 'get', path: '/v1/users/{id}/devices', success: { status: 200, schema: listOf('devices', zDeviceView) } }),

  listAppPasswords: route({ method: 'get', path: '/v1/app-passwords', success: { status: 200, schema: listOf('appPasswords', zAppPasswordView) } }),
  createAppPassword: route({ method: 'post', path: '/v1/app-passwords', body: { schema: zAppPasswordInput }, success: { status: 201, schema: zNewAppPasswordView } }),
  revokeAppPassword: route({ method: 'delete', path: '/v1/app-passwords/{id}', success: { status: 204 } }),
};
