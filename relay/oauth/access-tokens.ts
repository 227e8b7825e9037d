/**
 * Access tokens for XOAUTH2: from the database cache while they are fresh, else from the provider
 * (client credentials for app-only profiles, the refresh token for delegated ones).
 *
 * The cache is a table, not process memory, so every relay instance on one database shares each
 * token (Microsoft and Google throttle token requests), and a token refused by the mail server is
 * forgotten by all of them at once. Tokens are sealed like passwords.
 */
import { createHash } from 'node:crypto';
import { parseProfileData, parseSealedSecrets, profileSecretAad, type OpenedProfile, type StoredAuth, type StoredOAuth2Auth } from '../profiles/profile-record';
import type { SecretCipher } from '../secrets/cipher';
import type { OAuthAccessTokenRow, ProfileRow, Store } from '../store/types';
import { grantState } from '../profiles/grant-state';
import type { OAuthConfig } from './oauth-config';
import { OAuthError } from './oauth-error';
import { clientRegistrationOf, SCOPES, tokenUrlOf } from './providers';
import { requestToken, type TokenResponse } from './token-client';

export interface OAuthContext {
  store: Store;
  cipher: SecretCipher;
  config: OAuthConfig;
  /** @default Date.now */
  now?: () => number;
  /** For tests only; the global fetch otherwise. */
  fetch?: typeof fetch;
}

export interface AccessToken {
  accessToken: string;
  obtainedAt: number;
  expiresAt: number;
  /** Came from the cache (another send, possibly on another instance, fetched it). */
  fromCache: boolean;
}

/**
 * What SMTP transports need from the OAuth2 side: a token for a profile's mailbox, and a way to drop
 * one the mail server refused. Created once per relay (`createSmtpAuthResolver`) and handed to the
 * transports (relay/delivery/smtp-transport.ts) and the sender test.
 */
export interface SmtpAuthResolver {
  /** A token that is valid for a while yet; `renew` skips the cache. Throws `OAuthError`. */
  accessToken(profile: OpenedProfile, options?: { renew?: boolean }): Promise<AccessToken>;
  /** Forgets `token` if it is still the cached one (the server refused it). */
  forgetAccessToken(profileId: string, token: AccessToken): Promise<void>;
  /**
   * App-only: a token for exactly these settings and client secret, neither read from nor written
   * to the cache. For a sender test of settings not saved yet (a new sender, a new secret), which
   * must not be answered with a token the saved settings got. Throws `OAuthError`.
   */
  appOnlyTokenFor(profile: OpenedProfile): Promise<AccessToken>;
}

/** Refresh this long before expiry: 5 minutes, or a fifth of a short lifetime (tests use seconds). */
const MAX_EXPIRY_MARGIN_MS = 5 * 60_000;

/** Until when a token is handed out: shortly before it expires, so that it does not expire mid-session. */
export function usableUntil(token: { obtainedAt: number; expiresAt: number }): number {
  const lifetime = token.expiresAt - token.obtainedAt;
  return token.expiresAt - Math.min(MAX_EXPIRY_MARGIN_MS, Math.floor(lifetime / 5));
}

/**
 * Names the credentials a cached token was issued for. Another app registration, tenant, mailbox, a
 * new client secret (its sealed form changes whenever it is set) or a new sign-in (`oauthState.at`)
 * gives another key, and the cached token is not used. Holds no secret in clear.
 */
function credentialKey(auth: StoredOAuth2Auth, row: ProfileRow, clientId: string): string {
  const secrets = parseSealedSecrets(row);
  const signedInAt = auth.flow === 'client_credentials' ? 0 : (row.oauthState?.at ?? 0);
  const parts = [auth.provider, auth.flow, 'tenantId' in auth ? auth.tenantId : '', clientId, auth.username, secrets.clientSecret ?? '', signedInAt];
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

function oauthSettingsOf(auth: StoredAuth): StoredOAuth2Auth {
  if (auth.type !== 'oauth2') throw new OAuthError('This sender signs in with a password, not OAuth2', { code: 'oauth_token_failed' });
  return auth;
}

const ACCESS_TOKEN_FIELD = 'accessToken';

export function createSmtpAuthResolver(ctx: OAuthContext): SmtpAuthResolver {
  const { store, cipher, config } = ctx;
  const now = ctx.now ?? Date.now;
  const clientOptions = { timeoutMs: config.requestTimeoutMs, allowPrivateHosts: config.allowPrivateHosts === true, ...(ctx.fetch ? { fetch: ctx.fetch } : {}) };

  function openCached(row: OAuthAccessTokenRow): string | undefined {
    try {
      const sealed = row.secrets[ACCESS_TOKEN_FIELD];
      return sealed ? cipher.open(sealed, profileSecretAad(row.profileId, ACCESS_TOKEN_FIELD)) : undefined;
    } catch {
      // Sealed with a key this relay no longer has: a cache miss, not an error.
      return undefined;
    }
  }

  /** App-only: the app's own credentials (client credentials grant). */
  async function fetchAppOnlyToken(auth: StoredOAuth2Auth, clientSecret: string | undefined): Promise<TokenResponse> {
    if (!clientSecret) {
      throw new OAuthError('No client secret is saved for this sender', { code: 'oauth_invalid_client_secret' });
    }
    return requestToken(
      tokenUrlOf(auth, config),
      { grant_type: 'client_credentials', client_id: clientRegistrationOf(auth, clientSecret, config).clientId, client_secret: clientSecret, scope: SCOPES.microsoftAppOnly },
      clientOptions,
    );
  }

  /**
   * Delegated: the saved refresh token. When the provider says it no longer works (invalid_grant:
   * expired, revoked, password changed), the profile goes to "sign in again" and the token is removed,
   * but only if it is still the one that failed: the user may have signed in again meanwhile.
   */
  async function fetchDelegatedToken(auth: StoredOAuth2Auth, row: ProfileRow): Promise<TokenResponse> {
    const secrets = parseSealedSecrets(row);
    const sealedRefreshToken = secrets.refreshToken;
    if (!sealedRefreshToken) {
      const again = row.oauthState?.status === 'sign_in_again';
      throw new OAuthError(again ? 'The saved sign-in of this sender stopped working: sign in again' : 'Nobody has signed in for this sender yet', {
        code: 'oauth_invalid_grant',
        error: 'invalid_grant',
      });
    }
    const refreshToken = cipher.open(sealedRefreshToken, profileSecretAad(row.id, 'refreshToken'));
    const clientSecret = secrets.clientSecret ? cipher.open(secrets.clientSecret, profileSecretAad(row.id, 'clientSecret')) : undefined;
    const client = clientRegistrationOf(auth, clientSecret, config);
    let token: TokenResponse;
    try {
      token = await requestToken(
        tokenUrlOf(auth, config),
        {
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: client.clientId,
          ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
          // Microsoft wants the scope again on a refresh; Google keeps the granted one.
          ...(auth.provider === 'microsoft' ? { scope: SCOPES.microsoftDelegated } : {}),
        },
        clientOptions,
      );
    } catch (error) {
      if (error instanceof OAuthError && error.code === 'oauth_invalid_grant') {
        const previous = row.oauthState;
        const state = grantState({
          status: 'sign_in_again',
          at: now(),
          problemCode: 'oauth_invalid_grant',
          ...(previous?.account ? { account: previous.account } : {}),
          ...(error.error_description ? { detail: error.error_description.slice(0, 500) } : {}),
        });
        const marked = await store.setProfileOAuthGrant(row.id, { refreshToken: null, state }, { ifRefreshTokenIs: sealedRefreshToken });
        if (marked) await store.deleteOAuthAccessToken(row.id);
      }
      throw error;
    }
    if (token.refreshToken && token.refreshToken !== refreshToken) {
      // Microsoft rotates refresh tokens. If another instance rotated first, its token is as good as
      // ours; the compare-and-set keeps whichever was written first.
      const sealed = cipher.seal(token.refreshToken, profileSecretAad(row.id, 'refreshToken'));
      await store.setProfileOAuthGrant(row.id, { refreshToken: sealed }, { ifRefreshTokenIs: sealedRefreshToken });
    }
    return token;
  }

  /** An app-only token straight from the token endpoint, not cached (the profile is not saved, or the caller wants it so). */
  async function uncachedAppOnlyToken(auth: Parameters<typeof fetchAppOnlyToken>[0], clientSecret: string | undefined): Promise<AccessToken> {
    const token = await fetchAppOnlyToken(auth, clientSecret);
    const obtainedAt = now();
    return { accessToken: token.accessToken, obtainedAt, expiresAt: obtainedAt + token.expiresInMs, fromCache: false };
  }

  return {
    async accessToken(profile, options = {}) {
      const auth = oauthSettingsOf(profile.data.auth);
      // Read the row now, not when the message was claimed: a sign-in or a rotated refresh token
      // may have landed since. A profile that is not saved (a test of unsaved settings) has none
      // and gets an uncached app-only token.
      const row = await store.getProfile(profile.id);
      if (!row) {
        if (auth.flow !== 'client_credentials') {
          throw new OAuthError('Save this sender and sign in before testing it', { code: 'oauth_invalid_grant', error: 'invalid_grant' });
        }
        return uncachedAppOnlyToken(auth, profile.clientSecret);
      }
      const stored = oauthSettingsOf(parseProfileData(row).auth);
      const secrets = parseSealedSecrets(row);
      const clientSecret = secrets.clientSecret ? cipher.open(secrets.clientSecret, profileSecretAad(row.id, 'clientSecret')) : undefined;
      const clientId = clientRegistrationOf(stored, clientSecret, config).clientId;
      const key = credentialKey(stored, row, clientId);

      if (!options.renew) {
        const cached = await store.getOAuthAccessToken(row.id);
        if (cached && cached.credentialKey === key && now() < usableUntil(cached)) {
          const accessToken = openCached(cached);
          if (accessToken) return { accessToken, obtainedAt: cached.obtainedAt, expiresAt: cached.expiresAt, fromCache: true };
        }
      }

      const token = stored.flow === 'client_credentials' ? await fetchAppOnlyToken(stored, clientSecret) : await fetchDelegatedToken(stored, row);
      const obtainedAt = now();
      const fresh: AccessToken = { accessToken: token.accessToken, obtainedAt, expiresAt: obtainedAt + token.expiresInMs, fromCache: false };
      await store.putOAuthAccessToken({
        profileId: row.id,
        credentialKey: key,
        secrets: { [ACCESS_TOKEN_FIELD]: cipher.seal(token.accessToken, profileSecretAad(row.id, ACCESS_TOKEN_FIELD)) },
        obtainedAt,
        expiresAt: fresh.expiresAt,
      });
      return fresh;
    },

    async forgetAccessToken(profileId, token) {
      await store.deleteOAuthAccessToken(profileId, token.obtainedAt);
    },

    async appOnlyTokenFor(profile) {
      const auth = oauthSettingsOf(profile.data.auth);
      if (auth.flow !== 'client_credentials') {
        throw new OAuthError('Only an app-only sender gets a token without a sign-in', { code: 'oauth_sign_in_required' });
      }
      return uncachedAppOnlyToken(auth, profile.clientSecret);
    },
  };
}

/**
 * Caches a token that a sign-in just brought (the authorization code or device code exchange), so
 * the first send does not refresh at once.
 */
export async function cacheSignInAccessToken(ctx: OAuthContext, row: ProfileRow, token: TokenResponse, obtainedAt: number): Promise<void> {
  const auth = oauthSettingsOf(parseProfileData(row).auth);
  const secrets = parseSealedSecrets(row);
  const clientSecret = secrets.clientSecret ? ctx.cipher.open(secrets.clientSecret, profileSecretAad(row.id, 'clientSecret')) : undefined;
  const clientId = clientRegistrationOf(auth, clientSecret, ctx.config).clientId;
  await ctx.store.putOAuthAccessToken({
    profileId: row.id,
    credentialKey: credentialKey(auth, row, clientId),
    secrets: { [ACCESS_TOKEN_FIELD]: ctx.cipher.seal(token.accessToken, profileSecretAad(row.id, ACCESS_TOKEN_FIELD)) },
    obtainedAt,
    expiresAt: obtainedAt + token.expiresInMs,
  });
}
