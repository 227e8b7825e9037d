/**
 * The outcome of a delegated sign-in as kept on the profile (`profiles.oauth_state`, written by
 * relay/oauth), and the OAuth2 part of the profile view derived from it and from which sealed
 * secrets exist. It lives with the profile it is stored on, so that the profile's view needs
 * nothing from relay/oauth.
 */
import type { OAuth2AuthView } from '../../shared/schemas';
import type { OAuthGrantState, SealedSecrets, StoredOAuth2Auth } from './profile-data';

export type { OAuthGrantState };

/** A new grant state, in the current version. */
export function grantState(state: Omit<OAuthGrantState, 'v'>): OAuthGrantState {
  return { v: 1, ...state };
}

/** The `auth` of an OAuth2 profile's view: which secrets exist (never their values) and whether it can send. */
export function oauth2AuthView(auth: StoredOAuth2Auth, secrets: SealedSecrets, state: OAuthGrantState | null | undefined): OAuth2AuthView {
  const hasClientSecret = Boolean(secrets.clientSecret);
  const hasRefreshToken = Boolean(secrets.refreshToken);
  let status: OAuth2AuthView['status'];
  if (auth.flow === 'client_credentials') status = hasClientSecret ? 'ready' : 'client_secret_missing';
  else if (hasRefreshToken) status = 'ready';
  else status = state?.status === 'sign_in_again' ? 'sign_in_again' : 'sign_in_required';
  const signedIn = status === 'ready' && auth.flow !== 'client_credentials' && state?.status === 'signed_in';
  return {
    type: 'oauth2',
    provider: auth.provider,
    flow: auth.flow,
    ...('tenantId' in auth ? { tenantId: auth.tenantId } : {}),
    ...(auth.clientId !== undefined ? { clientId: auth.clientId } : {}),
    username: auth.username,
    hasClientSecret,
    hasRefreshToken,
    status,
    ...(status === 'sign_in_again' ? { problemCode: 'oauth_invalid_grant' as const } : {}),
    ...(signedIn && state.account ? { account: state.account } : {}),
    ...(signedIn ? { signedInAt: new Date(state.at).toISOString() } : {}),
    ...('clientSecretExpiresAt' in auth && auth.clientSecretExpiresAt ? { clientSecretExpiresAt: auth.clientSecretExpiresAt } : {}),
  };
}
