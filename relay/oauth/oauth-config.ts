/**
 * Where the relay asks for OAuth2 tokens, and the app registrations it uses for delegated sign-in
 * when a profile names none (issue 8). Read once at start-up from the environment.
 *
 * The endpoints are configurable so that tests (and relays behind a sovereign cloud such as
 * login.microsoftonline.us) can point them elsewhere; they are never taken from a request, so a
 * user cannot make the relay post client secrets to a server of their choosing.
 */
import { isIP } from 'node:net';
import { ConfigError, parseDurationSetting, parseSwitch } from '../config-values';

export interface OAuthConfig {
  /**
   * Microsoft identity platform authority, without the tenant. Token endpoint:
   * `<authority>/<tenant>/oauth2/v2.0/token`, device code: `<authority>/<tenant>/oauth2/v2.0/devicecode`.
   * From OWNPOST_MS_AUTHORITY.
   * @default 'https://login.microsoftonline.com'
   */
  microsoftAuthority: string;
  /** Google's authorization endpoint. From OWNPOST_GOOGLE_AUTH_URL. @default 'https://accounts.google.com/o/oauth2/v2/auth' */
  googleAuthorizationUrl: string;
  /** Google's token endpoint. From OWNPOST_GOOGLE_TOKEN_URL. @default 'https://oauth2.googleapis.com/token' */
  googleTokenUrl: string;
  /** App (client) ID for Microsoft delegated sign-in when a profile names none. From OWNPOST_MS_CLIENT_ID. */
  microsoftClientId?: string;
  /** OAuth client for Google sign-in when a profile names none. From OWNPOST_GOOGLE_CLIENT_ID and OWNPOST_GOOGLE_CLIENT_SECRET. */
  googleClientId?: string;
  googleClientSecret?: string;
  /** The longest wait for one token request. From OWNPOST_OAUTH_TIMEOUT. @default 15_000 */
  requestTimeoutMs: number;
  /**
   * OWNPOST_ALLOW_PRIVATE_HOSTS=1: an endpoint whose name resolves to a private address may be used
   * (an internal identity provider). The loopback test server an admin names as such is always allowed.
   */
  allowPrivateHosts?: boolean;
}

export const DEFAULT_OAUTH_ENDPOINTS = {
  microsoftAuthority: 'https://login.microsoftonline.com',
  googleAuthorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  googleTokenUrl: 'https://oauth2.googleapis.com/token',
} as const;

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/**
 * An endpoint URL from the environment: https, or plain http on loopback only (a local test
 * server). Client secrets and refresh tokens travel in these requests; plain http elsewhere
 * would hand them to anyone on the path, so it is refused at start-up.
 */
function endpointUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError(`${name} must be a URL, not "${value}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new ConfigError(`${name} must be an https:// URL (plain http only for 127.0.0.1 or localhost)`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`${name} must not carry a query, fragment or credentials`);
  }
  return url.href.replace(/\/+$/, '');
}

function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function parseOAuthConfig(env: NodeJS.ProcessEnv): OAuthConfig {
  const googleClientId = optional(env.OWNPOST_GOOGLE_CLIENT_ID);
  const googleClientSecret = optional(env.OWNPOST_GOOGLE_CLIENT_SECRET);
  if (googleClientSecret && !googleClientId) {
    throw new ConfigError('OWNPOST_GOOGLE_CLIENT_SECRET is set without OWNPOST_GOOGLE_CLIENT_ID');
  }
  const microsoftClientId = optional(env.OWNPOST_MS_CLIENT_ID);
  return {
    microsoftAuthority: endpointUrl('OWNPOST_MS_AUTHORITY', env.OWNPOST_MS_AUTHORITY || DEFAULT_OAUTH_ENDPOINTS.microsoftAuthority),
    googleAuthorizationUrl: endpointUrl('OWNPOST_GOOGLE_AUTH_URL', env.OWNPOST_GOOGLE_AUTH_URL || DEFAULT_OAUTH_ENDPOINTS.googleAuthorizationUrl),
    googleTokenUrl: endpointUrl('OWNPOST_GOOGLE_TOKEN_URL', env.OWNPOST_GOOGLE_TOKEN_URL || DEFAULT_OAUTH_ENDPOINTS.googleTokenUrl),
    ...(microsoftClientId ? { microsoftClientId } : {}),
    ...(googleClientId ? { googleClientId } : {}),
    ...(googleClientSecret ? { googleClientSecret } : {}),
    requestTimeoutMs: parseDurationSetting('OWNPOST_OAUTH_TIMEOUT', env.OWNPOST_OAUTH_TIMEOUT, '15s', { min: '1s', max: '5m' }),
    // The same switch as the relay's (config.ts): `true` there and `1` here once meant two different answers.
    ...(parseSwitch('OWNPOST_ALLOW_PRIVATE_HOSTS', env.OWNPOST_ALLOW_PRIVATE_HOSTS, false) ? { allowPrivateHosts: true } : {}),
  };
}
