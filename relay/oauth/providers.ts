/**
 * What each kind of OAuth2 profile asks for and where (per the providers' OAuth2 documentation): scopes, endpoints, and
 * which app registration a delegated sign-in uses.
 */
import type { StoredOAuth2Auth } from '../profiles/profile-record';
import type { OAuthConfig } from './oauth-config';
import { OAuthError } from './oauth-error';

export const SCOPES = {
  /** App-only: every application permission granted to the app on Exchange Online (SMTP.SendAsApp). */
  microsoftAppOnly: 'https://outlook.office365.com/.default',
  /** Delegated: send as the signed-in user; offline_access for a refresh token; openid profile to learn who signed in. */
  microsoftDelegated: 'https://outlook.office.com/SMTP.Send offline_access openid profile',
  /** Gmail over SMTP needs the full mail scope; openid email to learn who signed in. */
  google: 'https://mail.google.com/ openid email',
} as const;

export function microsoftTokenUrl(config: OAuthConfig, tenantId: string): string {
  return `${config.microsoftAuthority}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
}

export function microsoftDeviceCodeUrl(config: OAuthConfig, tenantId: string): string {
  return `${config.microsoftAuthority}/${encodeURIComponent(tenantId)}/oauth2/v2.0/devicecode`;
}

/** Where a profile's access tokens come from. */
export function tokenUrlOf(auth: StoredOAuth2Auth, config: OAuthConfig): string {
  return auth.provider === 'google' ? config.googleTokenUrl : microsoftTokenUrl(config, auth.tenantId);
}

export interface ClientRegistration {
  clientId: string;
  /** Microsoft's device-code sign-in is a public client (no secret); Google's clients have one. */
  clientSecret?: string;
}

/**
 * The app registration a profile signs in with: its own, else the relay's default for the provider
 * (OWNPOST_MS_CLIENT_ID, OWNPOST_GOOGLE_CLIENT_ID/SECRET). Throws `oauth_invalid_client_id` when
 * there is none, with the setting that is missing.
 */
export function clientRegistrationOf(auth: StoredOAuth2Auth, clientSecret: string | undefined, config: OAuthConfig): ClientRegistration {
  if (auth.flow === 'client_credentials') return { clientId: auth.clientId, ...(clientSecret ? { clientSecret } : {}) };
  if (auth.provider === 'microsoft') {
    const clientId = auth.clientId ?? config.microsoftClientId;
    if (!clientId) {
      throw new OAuthError('No Microsoft app (client ID) is set for this sender, and the relay has no OWNPOST_MS_CLIENT_ID', {
        code: 'oauth_invalid_client_id',
      });
    }
    return { clientId };
  }
  // A profile's own Google client needs its own secret; the relay's secret belongs to the relay's client.
  const own = auth.clientId !== undefined;
  const clientId = own ? auth.clientId! : config.googleClientId;
  const secret = own ? clientSecret : config.googleClientSecret;
  if (!clientId) {
    throw new OAuthError('No Google OAuth client is set for this sender, and the relay has no OWNPOST_GOOGLE_CLIENT_ID', {
      code: 'oauth_invalid_client_id',
    });
  }
  return { clientId, ...(secret ? { clientSecret: secret } : {}) };
}
