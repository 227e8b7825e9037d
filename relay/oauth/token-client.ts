/**
 * The HTTP side of OAuth2: form posts to a token endpoint (RFC 6749 §3.2) and to Microsoft's device
 * authorization endpoint (RFC 8628 §3.1), with a time limit, turned into typed answers or an
 * `OAuthError`. Nothing here logs: request bodies hold client secrets and refresh tokens.
 */
import { resolvePinnedHost } from '../net/host-policy';
import { createHostResolver } from '../net/resolve-host';
import { OAuthError } from './oauth-error';

const resolveEndpointHost = createHostResolver({ timeoutMs: 10_000 });

/**
 * The same check as every other outbound connection (relay/net/outbound.ts): the name is resolved and
 * every address must be public unless private hosts are allowed. fetch connects by name again, so a
 * name that changes its answer between the two lookups is not caught here; the endpoints are the
 * admin's (environment variables, https only), never a user's.
 */
async function checkEndpoint(url: URL, allowPrivateHosts: boolean): Promise<void> {
  // A loopback host typed as such is the admin's own test server (plain http is allowed only there).
  if (allowPrivateHosts || /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname)) return;
  await resolvePinnedHost(url.hostname, { resolve: resolveEndpointHost, allowPrivateHosts: false });
}

export interface TokenResponse {
  accessToken: string;
  /** Lifetime from `expires_in`; one hour when the provider does not say (both providers issue 1 h tokens). */
  expiresInMs: number;
  /** A new refresh token (Microsoft rotates them on every refresh; Google sends one only at sign-in). */
  refreshToken?: string;
  idToken?: string;
}

export interface DeviceCodeResponse {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  expiresInMs: number;
  intervalMs: number;
  /** The provider's own instruction for the user ("To sign in, use a web browser to open …"). */
  message?: string;
}

export interface TokenClientOptions {
  timeoutMs: number;
  /**
   * Private addresses allowed (OWNPOST_ALLOW_PRIVATE_HOSTS). Every request first resolves the
   * endpoint's name and refuses it when an address is private (relay/net/host-policy.ts), as the
   * outbound gate does for mail servers (issue 14); a loopback host named as such is an admin's test server.
   */
  allowPrivateHosts?: boolean;
  /** For tests only; the global fetch otherwise. */
  fetch?: typeof fetch;
}

const DEFAULT_LIFETIME_MS = 3_600_000;
/** RFC 8628 §3.5: "If no value is provided, clients MUST use 5 as the default." */
const DEFAULT_DEVICE_INTERVAL_MS = 5_000;

type Json = Record<string, unknown>;

/** The host name of an endpoint, for messages (never the path: Microsoft's carries the tenant, which is fine, but keep it short). */
function hostOf(url: string): string {
  return new URL(url).host;
}

/** Posts a form and returns the JSON answer; an error answer or an unreachable endpoint throws `OAuthError`. */
async function postForm(url: string, form: Record<string, string>, options: TokenClientOptions): Promise<Json> {
  let response: Response;
  try {
    if (!options.fetch) await checkEndpoint(new URL(url), options.allowPrivateHosts === true);
  } catch (error) {
    throw new OAuthError(`The sign-in service at ${hostOf(url)} is not a public address: ${(error as Error).message}`, { code: 'oauth_token_failed', cause: error });
  }
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      // A token endpoint never redirects; following one could carry the secret elsewhere.
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : ((error as Error).cause as Error)?.message ?? (error as Error).message;
    throw new OAuthError(`Could not reach the sign-in service at ${hostOf(url)}: ${reason}`, { code: 'oauth_token_failed', cause: error });
  }
  const text = await response.text();
  let body: Json | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Json;
  } catch {
    /* handled below */
  }
  if (body && typeof body.error === 'string') {
    const description = typeof body.error_description === 'string' ? body.error_description : undefined;
    const codes = Array.isArray(body.error_codes) ? body.error_codes.filter((n): n is number => typeof n === 'number') : undefined;
    throw new OAuthError(description ? `${body.error}: ${description}` : body.error, {
      error: body.error,
      ...(description !== undefined ? { error_description: description } : {}),
      ...(codes?.length ? { error_codes: codes } : {}),
      status: response.status,
    });
  }
  if (!response.ok || !body) {
    throw new OAuthError(`The sign-in service at ${hostOf(url)} answered HTTP ${response.status} without an OAuth2 answer`, {
      code: 'oauth_token_failed',
      status: response.status,
    });
  }
  return body;
}

function positiveSeconds(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** A token request: client credentials, refresh token, authorization code or device code grant. */
export async function requestToken(url: string, form: Record<string, string>, options: TokenClientOptions): Promise<TokenResponse> {
  const body = await postForm(url, form, options);
  if (typeof body.access_token !== 'string' || body.access_token.length === 0) {
    throw new OAuthError(`The sign-in service at ${hostOf(url)} answered without an access token`, { code: 'oauth_token_failed' });
  }
  const expiresIn = positiveSeconds(body.expires_in);
  return {
    accessToken: body.access_token,
    expiresInMs: expiresIn ? expiresIn * 1000 : DEFAULT_LIFETIME_MS,
    ...(typeof body.refresh_token === 'string' && body.refresh_token ? { refreshToken: body.refresh_token } : {}),
    ...(typeof body.id_token === 'string' && body.id_token ? { idToken: body.id_token } : {}),
  };
}

/** Starts a device-code sign-in (RFC 8628 §3.1–3.2). */
export async function requestDeviceCode(url: string, form: Record<string, string>, options: TokenClientOptions): Promise<DeviceCodeResponse> {
  const body = await postForm(url, form, options);
  const { device_code: deviceCode, user_code: userCode, verification_uri: verificationUri } = body;
  if (typeof deviceCode !== 'string' || typeof userCode !== 'string' || typeof verificationUri !== 'string' || !/^https?:\/\//.test(verificationUri)) {
    throw new OAuthError(`The sign-in service at ${hostOf(url)} answered without a usable device code`, { code: 'oauth_token_failed' });
  }
  const expiresIn = positiveSeconds(body.expires_in) ?? 900;
  const interval = positiveSeconds(body.interval);
  return {
    deviceCode,
    userCode,
    verificationUri,
    expiresInMs: expiresIn * 1000,
    intervalMs: interval ? interval * 1000 : DEFAULT_DEVICE_INTERVAL_MS,
    ...(typeof body.message === 'string' ? { message: body.message } : {}),
  };
}

/**
 * The claims of an ID token, without checking its signature. That is allowed here because the token
 * came straight from the token endpoint over TLS (OpenID Connect Core §3.1.3.7, item 6), and it is
 * used only to show and check which account signed in, never to grant anything.
 */
export function idTokenClaims(idToken: string | undefined): { email?: string; preferredUsername?: string } {
  const payload = idToken?.split('.')[1];
  if (!payload) return {};
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    // eslint-disable-next-line no-control-regex -- a claim with control characters is refused
    const text = (value: unknown) => (typeof value === 'string' && value.length <= 320 && !/[\u0000-\u001f]/.test(value) ? value : undefined);
    const email = claims.email_verified === false ? undefined : text(claims.email);
    const preferredUsername = text(claims.preferred_username);
    return { ...(email ? { email } : {}), ...(preferredUsername ? { preferredUsername } : {}) };
  } catch {
    return {};
  }
}
