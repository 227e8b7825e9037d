/**
 * Delegated sign-in: the mailbox owner signs in once, the relay keeps the refresh token (sealed like
 * a password) and gets access tokens from it from then on (relay/oauth/access-tokens.ts).
 *
 * Microsoft: device code flow (RFC 8628). The relay asks for a user code, the user types it at
 * microsoft.com/devicelogin, and the extension asks the relay for the status; each status request
 * polls Microsoft at most once per interval, whichever instance answers it.
 *
 * Google: authorization code flow with PKCE (RFC 7636), the browser part done by the extension with
 * `browser.identity.launchWebAuthFlow`, the code exchanged here. Why not a callback route on the relay:
 * - the redirect reaches only the extension that opened the window; a callback URL on the relay
 *   would take a code from any browser, so a colleague could start a sign-in for their own sender,
 *   send the link to someone, and have that person's mailbox connected to it (login CSRF). Here the
 *   code comes back through the authenticated API, from the user who started the sign-in;
 * - the browser never has to reach the relay by a URL Google accepts as a redirect (Google wants
 *   https for anything but localhost, which a company relay behind a DNS name often cannot offer);
 * - the client secret and the PKCE verifier stay in the relay; the extension sees only the code.
 * The price: the Google OAuth client (type "Web application") lists the extension's redirect URLs.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors/domain-error';
import { parseProfileData, parseSealedSecrets, profileSecretAad, type StoredOAuth2Auth } from '../profiles/profile-record';
import type { OAuthSignInRow, ProfileRow } from '../store/types';
import type { SignInResult } from './sign-in-data';
import { cacheSignInAccessToken, type OAuthContext } from './access-tokens';
import { grantState } from '../profiles/grant-state';
import { OAuthError } from './oauth-error';
import { clientRegistrationOf, microsoftDeviceCodeUrl, microsoftTokenUrl, SCOPES, type ClientRegistration } from './providers';
import { idTokenClaims, requestDeviceCode, requestToken, type TokenResponse } from './token-client';

/** How long the user has to finish a Google sign-in. */
const AUTHORIZATION_CODE_TTL_MS = 10 * 60_000;
/** One code exchange at a time per sign-in; another caller waits this long before it may try. */
const EXCHANGE_CLAIM_MS = 60_000;
/** RFC 8628 §3.5: after `slow_down` the interval grows by 5 seconds. */
const SLOW_DOWN_STEP_MS = 5_000;

/**
 * Redirect URLs of `browser.identity.launchWebAuthFlow`: Chrome and Edge `https://<extension id>.chromiumapp.org/…`,
 * Firefox `https://<sha1 of the add-on id>.extensions.allizom.org/…`. Nothing else: the code must
 * come back to an extension, never to a web page.
 */
const EXTENSION_REDIRECT_URI = /^https:\/\/(?:[a-p]{32}\.chromiumapp\.org|[0-9a-f]{40}\.extensions\.allizom\.org)\/[A-Za-z0-9._~/-]*$/;

interface DeviceCodeDetails {
  userCode: string;
  verificationUri: string;
  message?: string;
}

interface AuthorizationCodeDetails {
  redirectUri: string;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const sealedAad = (signInId: string, field: string) => `oauth-sign-in:${signInId}:${field}`;

function delegatedSettings(row: ProfileRow): StoredOAuth2Auth {
  const { auth } = parseProfileData(row);
  if (auth.type !== 'oauth2') {
    throw new DomainError('conflict', 'This sender signs in with a password; there is no OAuth2 sign-in.', {
      hint: 'Change its sign-in to OAuth2 (Microsoft 365 or Google) first.',
    });
  }
  if (auth.flow === 'client_credentials') {
    throw new DomainError('conflict', 'This sender signs in as an app (client credentials); nobody signs in for it.', {
      hint: 'The relay uses the app registration and its client secret. To sign in as a person, choose the device code flow.',
    });
  }
  return auth;
}

/** The app registration for a delegated sign-in, or 422 oauth_not_configured with the setting to add. */
function clientFor(ctx: OAuthContext, row: ProfileRow, auth: StoredOAuth2Auth): ClientRegistration {
  const secrets = parseSealedSecrets(row);
  const clientSecret = secrets.clientSecret ? ctx.cipher.open(secrets.clientSecret, profileSecretAad(row.id, 'clientSecret')) : undefined;
  try {
    return clientRegistrationOf(auth, clientSecret, ctx.config);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    throw new DomainError('oauth_not_configured', `${error.message}.`, {
      hint:
        auth.provider === 'microsoft'
          ? 'Enter the Application (client) ID of your Entra app registration in the sender, or ask the relay admin to set OWNPOST_MS_CLIENT_ID.'
          : 'Enter the client ID and secret of your Google OAuth client in the sender, or ask the relay admin to set OWNPOST_GOOGLE_CLIENT_ID and OWNPOST_GOOGLE_CLIENT_SECRET.',
    });
  }
}

function baseRow(profile: ProfileRow, userId: string, auth: StoredOAuth2Auth, now: number) {
  return {
    id: randomUUID(),
    profileId: profile.id,
    userId,
    provider: auth.provider,
    problemCode: null,
    result: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Starts a delegated sign-in for a profile, replacing any other sign-in of that profile. Microsoft:
 * asks for a device code at once (a refusal ends the sign-in as `failed`, with the problem).
 * Google: returns the authorization URL for `launchWebAuthFlow`.
 */
export async function startSignIn(ctx: OAuthContext, input: { profile: ProfileRow; userId: string; redirectUri?: string }): Promise<{ signIn: OAuthSignInRow; authorizationUrl?: string }> {
  const now = (ctx.now ?? Date.now)();
  const auth = delegatedSettings(input.profile);
  const client = clientFor(ctx, input.profile, auth);
  const base = baseRow(input.profile, input.userId, auth, now);

  if (auth.provider === 'microsoft') {
    let signIn: OAuthSignInRow;
    try {
      const device = await requestDeviceCode(
        microsoftDeviceCodeUrl(ctx.config, auth.tenantId),
        { client_id: client.clientId, scope: SCOPES.microsoftDelegated },
        { timeoutMs: ctx.config.requestTimeoutMs, allowPrivateHosts: ctx.config.allowPrivateHosts === true, ...(ctx.fetch ? { fetch: ctx.fetch } : {}) },
      );
      const details: DeviceCodeDetails = {
        userCode: device.userCode,
        verificationUri: device.verificationUri,
        ...(device.message ? { message: device.message.slice(0, 500) } : {}),
      };
      signIn = {
        ...base,
        flow: 'device_code',
        status: 'pending',
        stateHash: null,
        sealed: { deviceCode: ctx.cipher.seal(device.deviceCode, sealedAad(base.id, 'deviceCode')) },
        details,
        pollIntervalMs: device.intervalMs,
        // The user needs a moment to type the code; the first poll waits one interval.
        nextPollAt: now + device.intervalMs,
        expiresAt: now + device.expiresInMs,
      };
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      const result: SignInResult = { detail: error.message.slice(0, 1000) };
      signIn = {
        ...base,
        flow: 'device_code',
        status: 'failed',
        stateHash: null,
        sealed: {},
        details: {},
        pollIntervalMs: null,
        nextPollAt: null,
        problemCode: error.code,
        result,
        expiresAt: now,
      };
    }
    await ctx.store.createOAuthSignIn(signIn);
    return { signIn };
  }

  const redirectUri = input.redirectUri?.trim();
  if (!redirectUri || !EXTENSION_REDIRECT_URI.test(redirectUri)) {
    throw new DomainError('validation_failed', 'redirectUri: a Google sign-in needs the extension’s redirect URL (browser.identity.getRedirectURL()).', {
      hint: 'Only https://<extension id>.chromiumapp.org/ and https://<id>.extensions.allizom.org/ URLs are accepted.',
    });
  }
  const state = randomBytes(32).toString('base64url');
  const codeVerifier = randomBytes(32).toString('base64url');
  const signIn: OAuthSignInRow = {
    ...base,
    flow: 'authorization_code',
    status: 'pending',
    stateHash: sha256Hex(state),
    sealed: { codeVerifier: ctx.cipher.seal(codeVerifier, sealedAad(base.id, 'codeVerifier')) },
    details: { redirectUri } satisfies AuthorizationCodeDetails,
    pollIntervalMs: null,
    // Used as the exchange claim (`claimOAuthSignInPoll`): free from the start.
    nextPollAt: now,
    expiresAt: now + AUTHORIZATION_CODE_TTL_MS,
  };
  await ctx.store.createOAuthSignIn(signIn);
  const url = new URL(ctx.config.googleAuthorizationUrl);
  url.search = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: SCOPES.google,
    state,
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
    // A refresh token, and a new one on every sign-in (Google sends one only with consent).
    access_type: 'offline',
    prompt: 'consent',
    login_hint: auth.username,
  }).toString();
  return { signIn, authorizationUrl: url.href };
}

async function finish(ctx: OAuthContext, signIn: OAuthSignInRow, outcome: { status: 'signed_in' | 'failed' | 'expired'; problemCode?: string; result?: SignInResult }): Promise<void> {
  await ctx.store.finishOAuthSignIn(signIn.id, {
    status: outcome.status,
    problemCode: outcome.problemCode ?? null,
    result: outcome.result ?? null,
    now: (ctx.now ?? Date.now)(),
  });
}

/**
 * Saves what a finished sign-in brought: the refresh token (sealed, in the profile's secrets, where key
 * rotation finds it), who signed in, and the first access token.
 */
async function saveGrant(ctx: OAuthContext, signIn: OAuthSignInRow, token: TokenResponse): Promise<void> {
  const profile = await ctx.store.getProfile(signIn.profileId);
  if (!profile) return finish(ctx, signIn, { status: 'failed', problemCode: 'oauth_token_failed', result: { detail: 'The sender was deleted.' } });
  const auth = delegatedSettings(profile);
  const claims = idTokenClaims(token.idToken);
  const account = claims.email ?? claims.preferredUsername;
  // Gmail signs XOAUTH2 in as the account that consented and refuses any other `user=`; catch a
  // sign-in with the wrong Google account here rather than at the first send. (Exchange may allow
  // another mailbox, e.g. a shared one the user has rights on, so Microsoft is not checked.)
  if (auth.provider === 'google' && account && account.toLowerCase() !== auth.username.toLowerCase()) {
    return finish(ctx, signIn, {
      status: 'failed',
      problemCode: 'oauth_token_failed',
      result: { account, detail: `Signed in as ${account}, but this sender signs in as ${auth.username}. Sign in with ${auth.username}, or change the sender's username.` },
    });
  }
  if (!token.refreshToken) {
    return finish(ctx, signIn, {
      status: 'failed',
      problemCode: 'oauth_token_failed',
      result: { detail: 'The provider gave no refresh token (offline access was not granted), so the relay could not send later. Sign in again and allow offline access.' },
    });
  }
  const at = (ctx.now ?? Date.now)();
  const sealed = ctx.cipher.seal(token.refreshToken, profileSecretAad(profile.id, 'refreshToken'));
  const state = grantState({ status: 'signed_in', at, ...(account ? { account } : {}) });
  // `touchedAt`: new credentials, so a profile whose last message failed (e.g. "sign in again") is usable again.
  if (!(await ctx.store.setProfileOAuthGrant(profile.id, { refreshToken: sealed, state }, { touchedAt: at }))) {
    return finish(ctx, signIn, { status: 'failed', problemCode: 'oauth_token_failed', result: { detail: 'The sender was deleted.' } });
  }
  const saved = await ctx.store.getProfile(profile.id);
  if (saved) await cacheSignInAccessToken(ctx, saved, token, at);
  await finish(ctx, signIn, { status: 'signed_in', result: account ? { account } : {} });
}

/** One poll of Microsoft's token endpoint for a device-code sign-in (RFC 8628 §3.4–3.5). */
async function pollDeviceCode(ctx: OAuthContext, signIn: OAuthSignInRow): Promise<void> {
  const profile = await ctx.store.getProfile(signIn.profileId);
  if (!profile) return finish(ctx, signIn, { status: 'failed', problemCode: 'oauth_token_failed', result: { detail: 'The sender was deleted.' } });
  const auth = delegatedSettings(profile);
  if (auth.provider !== 'microsoft') return finish(ctx, signIn, { status: 'failed', problemCode: 'oauth_token_failed', result: { detail: 'The sender’s sign-in settings changed.' } });
  const { deviceCode = '' } = signIn.sealed;
  let token: TokenResponse;
  try {
    token = await requestToken(
      microsoftTokenUrl(ctx.config, auth.tenantId),
      {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        client_id: clientFor(ctx, profile, auth).clientId,
        device_code: ctx.cipher.open(deviceCode, sealedAad(signIn.id, 'deviceCode')),
      },
      { timeoutMs: ctx.config.requestTimeoutMs, allowPrivateHosts: ctx.config.allowPrivateHosts === true, ...(ctx.fetch ? { fetch: ctx.fetch } : {}) },
    );
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    const now = (ctx.now ?? Date.now)();
    switch (error.error) {
      case 'authorization_pending':
        return;
      case 'slow_down': {
        const interval = (signIn.pollIntervalMs ?? 5_000) + SLOW_DOWN_STEP_MS;
        return ctx.store.setOAuthSignInPollInterval(signIn.id, interval, now + interval);
      }
      case 'expired_token':
        return finish(ctx, signIn, { status: 'expired', result: { detail: error.message.slice(0, 1000) } });
      case undefined:
        // Unreachable or an answer that is no OAuth2 error: try again at the next poll.
        return;
      default:
        // authorization_declined, bad_verification_code, invalid_client (public client flows off), …
        return finish(ctx, signIn, { status: 'failed', problemCode: error.code, result: { detail: error.message.slice(0, 1000) } });
    }
  }
  await saveGrant(ctx, signIn, token);
}

/**
 * The current state of a sign-in. A pending device-code sign-in whose poll is due polls Microsoft
 * once first; one past its expiry ends as `expired`.
 */
export async function checkSignIn(ctx: OAuthContext, signIn: OAuthSignInRow): Promise<OAuthSignInRow> {
  if (signIn.status !== 'pending') return signIn;
  const now = (ctx.now ?? Date.now)();
  if (now >= signIn.expiresAt) {
    await finish(ctx, signIn, { status: 'expired' });
  } else if (signIn.flow === 'device_code' && (await ctx.store.claimOAuthSignInPoll(signIn.id, now, now + (signIn.pollIntervalMs ?? 5_000)))) {
    await pollDeviceCode(ctx, signIn);
  }
  return (await ctx.store.getOAuthSignIn(signIn.id)) ?? signIn;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Finishes a Google sign-in with the URL `launchWebAuthFlow` resolved with: checks that it belongs to
 * this sign-in (redirect URL and state), then exchanges the code with the PKCE verifier. A provider
 * error (access_denied, invalid_grant) ends the sign-in as `failed`; a URL that is not this sign-in's
 * is refused (400) and leaves it pending.
 */
export async function completeSignIn(ctx: OAuthContext, signIn: OAuthSignInRow, redirectUrl: string): Promise<OAuthSignInRow> {
  if (signIn.flow !== 'authorization_code') {
    throw new DomainError('conflict', 'A device-code sign-in finishes by itself once the code is entered; there is nothing to complete.');
  }
  const current = await checkSignIn(ctx, signIn);
  if (current.status !== 'pending') {
    throw new DomainError('conflict', `This sign-in has already ended (${current.status}).`, { hint: 'Start a new sign-in.' });
  }
  const { redirectUri } = signIn.details;
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    throw new DomainError('validation_failed', 'redirectUrl: not a URL.');
  }
  const state = url.searchParams.get('state') ?? '';
  if (`${url.origin}${url.pathname}` !== redirectUri || !signIn.stateHash || !sameText(sha256Hex(state), signIn.stateHash)) {
    throw new DomainError('validation_failed', 'redirectUrl: this is not the answer to this sign-in (another redirect URL or state).', {
      hint: 'Pass the URL that browser.identity.launchWebAuthFlow resolved with, for the sign-in it was started for.',
    });
  }
  const now = (ctx.now ?? Date.now)();
  // One exchange at a time: a code is good once, and a second exchange would end the sign-in as failed.
  if (!(await ctx.store.claimOAuthSignInPoll(signIn.id, now, now + EXCHANGE_CLAIM_MS))) {
    throw new DomainError('conflict', 'This sign-in is being completed by another request.', { hint: 'Ask for its status instead.' });
  }
  const providerError = url.searchParams.get('error');
  const code = url.searchParams.get('code');
  if (providerError || !code) {
    const description = url.searchParams.get('error_description') ?? undefined;
    const error = new OAuthError(description ? `${providerError}: ${description}` : (providerError ?? 'no authorization code'), {
      ...(providerError ? { error: providerError } : { code: 'oauth_token_failed' }),
      ...(description ? { error_description: description } : {}),
    });
    await finish(ctx, signIn, { status: 'failed', problemCode: error.code, result: { detail: error.message.slice(0, 1000) } });
    return (await ctx.store.getOAuthSignIn(signIn.id)) ?? signIn;
  }
  const profile = await ctx.store.getProfile(signIn.profileId);
  if (!profile) throw new DomainError('not_found', 'The sender of this sign-in was deleted.');
  const auth = delegatedSettings(profile);
  const client = clientFor(ctx, profile, auth);
  const { codeVerifier = '' } = signIn.sealed;
  try {
    const token = await requestToken(
      ctx.config.googleTokenUrl,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: client.clientId,
        ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
        code_verifier: ctx.cipher.open(codeVerifier, sealedAad(signIn.id, 'codeVerifier')),
      },
      { timeoutMs: ctx.config.requestTimeoutMs, allowPrivateHosts: ctx.config.allowPrivateHosts === true, ...(ctx.fetch ? { fetch: ctx.fetch } : {}) },
    );
    await saveGrant(ctx, signIn, token);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    await finish(ctx, signIn, { status: 'failed', problemCode: error.code, result: { detail: error.message.slice(0, 1000) } });
  }
  return (await ctx.store.getOAuthSignIn(signIn.id)) ?? signIn;
}

/** Signs a profile out: the refresh token, the sign-in state and the cached access token go. */
export async function signOut(ctx: OAuthContext, profile: ProfileRow): Promise<void> {
  delegatedSettings(profile);
  await ctx.store.setProfileOAuthGrant(profile.id, { refreshToken: null, state: null }, { touchedAt: (ctx.now ?? Date.now)() });
  await ctx.store.deleteOAuthAccessToken(profile.id);
}

/** What a sign-in's row says for the API; `details` holds only what the user may see. */
export function signInDetails(signIn: OAuthSignInRow): { device?: DeviceCodeDetails; result?: SignInResult } {
  const { details } = signIn;
  return {
    ...(signIn.flow === 'device_code' && details.userCode && details.verificationUri
      ? { device: { userCode: details.userCode, verificationUri: details.verificationUri, ...(details.message ? { message: details.message } : {}) } }
      : {}),
    ...(signIn.result ? { result: signIn.result } : {}),
  };
}
