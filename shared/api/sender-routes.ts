/** The contract of the sender routes: profiles, their delivery settings and tests, discovery, OAuth2 sign-in. */
import { zDiscoverQuery, zDiscoveryResult, zProfileView } from '../api-schemas';
import { zDiagnoseRequest, zDiagnosisResult, zProfileTestRequest } from '../diagnosis-schemas';
import { zOAuthProvidersView, zOAuthSignInComplete, zOAuthSignInStart, zOAuthSignInView } from '../oauth-schemas';
import { zDeliverySettings, zDeliverySettingsView, zProfileInput, zProfilePatch } from '../schemas';
import { listOf, route } from './route-contract';

export const SENDER_ROUTES = {
  listProfiles: route({ method: 'get', path: '/v1/profiles', success: { status: 200, schema: listOf('profiles', zProfileView) } }),
  addProfile: route({ method: 'post', path: '/v1/profiles', body: { schema: zProfileInput }, success: { status: 201, schema: zProfileView } }),
  getProfile: route({ method: 'get', path: '/v1/profiles/{id}', success: { status: 200, schema: zProfileView } }),
  changeProfile: route({ method: 'patch', path: '/v1/profiles/{id}', body: { schema: zProfilePatch }, success: { status: 200, schema: zProfileView } }),
  deleteProfile: route({ method: 'delete', path: '/v1/profiles/{id}', success: { status: 204 } }),

  getDeliverySettings: route({ method: 'get', path: '/v1/profiles/{id}/delivery', success: { status: 200, schema: zDeliverySettingsView } }),
  putDeliverySettings: route({
    method: 'put',
    path: '/v1/profiles/{id}/delivery',
    body: { schema: zDeliverySettings },
    success: { status: 200, schema: zDeliverySettingsView },
  }),

  diagnose: route({ method: 'post', path: '/v1/diagnose', body: { schema: zDiagnoseRequest }, success: { status: 200, schema: zDiagnosisResult } }),
  testProfile: route({
    method: 'post',
    path: '/v1/profiles/{id}/test',
    body: { schema: zProfileTestRequest, required: false },
    success: { status: 200, schema: zDiagnosisResult },
  }),
  discover: route({ method: 'get', path: '/v1/discover', query: zDiscoverQuery, success: { status: 200, schema: zDiscoveryResult } }),

  oauthProviders: route({ method: 'get', path: '/v1/oauth/providers', success: { status: 200, schema: zOAuthProvidersView } }),
  startSignIn: route({
    method: 'post',
    path: '/v1/profiles/{id}/oauth/sign-in',
    body: { schema: zOAuthSignInStart, required: false },
    success: { status: 201, schema: zOAuthSignInView },
  }),
  signOut: route({ method: 'delete', path: '/v1/profiles/{id}/oauth/sign-in', success: { status: 204 } }),
  followSignIn: route({ method: 'get', path: '/v1/oauth/sign-ins/{signInId}', success: { status: 200, schema: zOAuthSignInView } }),
  completeSignIn: route({
    method: 'post',
    path: '/v1/oauth/sign-ins/{signInId}/complete',
    body: { schema: zOAuthSignInComplete },
    success: { status: 200, schema: zOAuthSignInView },
  }),
};
