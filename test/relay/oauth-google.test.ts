/**
 * Google delegated sign-in (issue 8): authorization code with PKCE, the browser part played here as
 * the extension would with `browser.identity.launchWebAuthFlow` (the local token server's consent
 * screen redirects to the extension's chromiumapp.org URL), the code handed to the relay, which
 * exchanges it, refreshes, and sends with XOAUTH2 to a Gmail-like SMTP server.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OAuthTokenServer } from '../helpers/oauth-token-server';
import {
  CHROME_REDIRECT_URI,
  closePooledConnections,
  createProfile,
  expectNotInDataDir,
  GOOGLE_CLIENT_ID,
  sendAndWait,
  smtpSettings,
  startOAuthScene,
  type OAuthScene,
} from '../helpers/oauth-test-kit';
import type { TestRelay } from '../helpers/test-relay';
import type { XOAuth2SmtpServer } from '../helpers/xoauth2-smtp-server';

const ACCOUNT = 'anna.berg@gmail.com';
const GOOGLE_CLIENT_SECRET = `GOCSPX-${randomBytes(18).toString('base64url')}`;

let tokens: OAuthTokenServer;
let smtp: XOAuth2SmtpServer;
let t: TestRelay;
let anna: string;
let bo: string;

let scene: OAuthScene;

beforeAll(async () => {
  // No relay-wide Google client: the profiles bring their own (ID and sealed secret).
  scene = await startOAuthScene({
    style: 'google',
    account: ACCOUNT,
    register: (server) => server.addGoogleClient({ clientId: GOOGLE_CLIENT_ID, clientSecret: GOOGLE_CLIENT_SECRET, redirectUris: [CHROME_REDIRECT_URI] }),
    boRole: 'admin',
  });
  ({ tokens, smtp, t, anna, bo } = scene);
});
afterAll(() => scene.close());

function googleProfile(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Anna (Gmail)',
    fromName: 'Anna Berg',
    fromAddress: ACCOUNT,
    smtp: smtpSettings(smtp.port),
    auth: { type: 'oauth2', provider: 'google', flow: 'authorization_code', clientId: GOOGLE_CLIENT_ID, clientSecret: GOOGLE_CLIENT_SECRET },
    ...overrides,
  };
}

async function start(profileId: string, body: unknown = { redirectUri: CHROME_REDIRECT_URI }, token = anna) {
  return t.request('POST', `/v1/profiles/${profileId}/oauth/sign-in`, { token, body });
}

async function complete(signInId: string, redirectUrl: string, token = anna) {
  return t.request('POST', `/v1/oauth/sign-ins/${signInId}/complete`, { token, body: { redirectUrl } });
}

/** What the options page does: start, launchWebAuthFlow (the consent screen), complete. */
async function signIn(profileId: string, account = ACCOUNT) {
  const started = await start(profileId);
  expect(started.status).toBe(201);
  const redirectUrl = await tokens.consent(started.body.authorizationUrl, { account });
  const done = await complete(started.body.id, redirectUrl);
  expect(done.status).toBe(200);
  return done.body;
}

async function profileAuth(id: string) {
  return (await t.request('GET', `/v1/profiles/${id}`, { token: anna })).body.auth;
}

describe('Google delegated sign-in (authorization code with PKCE)', () => {
  it('starts with an authorization URL for launchWebAuthFlow: PKCE S256, state, offline access, the mail scope', async () => {
    const profile = await createProfile(t, anna, googleProfile());
    expect(profile.auth).toMatchObject({ provider: 'google', clientId: GOOGLE_CLIENT_ID, hasClientSecret: true, status: 'sign_in_required' });
    const started = await start(profile.id);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ provider: 'google', flow: 'authorization_code', status: 'pending' });
    const url = new URL(started.body.authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe(tokens.googleAuthorizationUrl);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      client_id: GOOGLE_CLIENT_ID,
      redirect_uri: CHROME_REDIRECT_URI,
      response_type: 'code',
      code_challenge_method: 'S256',
      access_type: 'offline',
      prompt: 'consent',
      login_hint: ACCOUNT,
    });
    expect(params.scope!.split(' ')).toContain('https://mail.google.com/');
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Neither the client secret nor the PKCE verifier leave the relay.
    expect(started.body.authorizationUrl).not.toContain(GOOGLE_CLIENT_SECRET);
  });

  it('accepts only an extension redirect URL', async () => {
    const profile = await createProfile(t, anna, googleProfile({ name: 'Redirects' }));
    for (const body of [{}, { redirectUri: 'https://evil.example/callback' }, { redirectUri: 'http://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/' }]) {
      const res = await start(profile.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const firefox = await start(profile.id, { redirectUri: `https://${'a1'.repeat(20)}.extensions.allizom.org/` });
    expect(firefox.status).toBe(201);
  });

  it('signs in, keeps every secret out of answers and the database, and sends with XOAUTH2', async () => {
    const profile = await createProfile(t, anna, googleProfile({ name: 'Send' }));
    const done = await signIn(profile.id);
    expect(done).toMatchObject({ status: 'signed_in', account: ACCOUNT });
    expect(await profileAuth(profile.id)).toMatchObject({ status: 'ready', hasRefreshToken: true, hasClientSecret: true, account: ACCOUNT });
    // The exchange used the client secret and the PKCE verifier (the token server checks both).
    expect(tokens.tokenRequests('authorization_code').at(-1)).toMatchObject({ status: 200, clientId: GOOGLE_CLIENT_ID });

    const attempts = smtp.attempts.length;
    expect((await sendAndWait(t, anna, profile.id)).status).toBe('sent');
    expect(smtp.attempts.slice(attempts)).toEqual([expect.objectContaining({ user: ACCOUNT, ok: true })]);
    // Gmail advertises AUTH LOGIN PLAIN XOAUTH2: no password login was tried.
    expect(smtp.passwordAttempts).toEqual([]);
    expect(smtp.received.at(-1)!.user).toBe(ACCOUNT);

    const profiles = JSON.stringify((await t.request('GET', '/v1/profiles', { token: anna })).body);
    expect(profiles).not.toContain(GOOGLE_CLIENT_SECRET);
    expectNotInDataDir(t, GOOGLE_CLIENT_SECRET, 'the client secret');
    for (const refreshToken of tokens.refreshTokensOf(ACCOUNT)) {
      expect(profiles).not.toContain(refreshToken);
      expectNotInDataDir(t, refreshToken, 'a refresh token');
    }
  });

  it('refreshes an expired access token, and renews a refused one after the 334 challenge', async () => {
    const profile = await createProfile(t, anna, googleProfile({ name: 'Refresh' }));
    tokens.tokenLifetimeSeconds = 1;
    try {
      expect((await signIn(profile.id)).status).toBe('signed_in');
    } finally {
      tokens.tokenLifetimeSeconds = 3600;
    }
    // A fixed wait on purpose: it waits out the access token's 1 s lifetime, which the relay must honour.
    await new Promise((r) => setTimeout(r, 1_100));
    const refreshes = tokens.tokenRequests('refresh_token').length;
    expect((await sendAndWait(t, anna, profile.id)).status).toBe('sent');
    expect(tokens.tokenRequests('refresh_token').length - refreshes).toBe(1);

    // Gmail refuses a revoked access token with a 334 challenge: the relay answers it, drops the
    // token, refreshes and signs in within the same attempt.
    const cached = smtp.attempts.at(-1)!.accessToken;
    tokens.revokeAccessToken(cached);
    closePooledConnections(t, profile.id);
    const attempts = smtp.attempts.length;
    expect(await sendAndWait(t, anna, profile.id)).toMatchObject({ status: 'sent', attemptCount: 1 });
    expect(smtp.attempts.slice(attempts).map((a) => [a.accessToken === cached, a.ok])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('shows "sign in again" when Google revoked the refresh token', async () => {
    const account = 'cay.ek@gmail.com';
    const profile = await createProfile(t, anna, googleProfile({ name: 'Revoked', fromAddress: account }));
    tokens.tokenLifetimeSeconds = 1;
    try {
      expect((await signIn(profile.id, account)).status).toBe('signed_in');
    } finally {
      tokens.tokenLifetimeSeconds = 3600;
    }
    // A fixed wait on purpose: it waits out the access token's 1 s lifetime, which the relay must honour.
    await new Promise((r) => setTimeout(r, 1_100));
    tokens.revokeRefreshTokens(account);
    const failed = await sendAndWait(t, anna, profile.id);
    expect(failed).toMatchObject({ status: 'failed', problem: { code: 'oauth_invalid_grant' } });
    expect(failed.lastReply).toContain('Token has been expired or revoked');
    expect(await profileAuth(profile.id)).toMatchObject({ status: 'sign_in_again', problemCode: 'oauth_invalid_grant', hasRefreshToken: false });
    expect((await signIn(profile.id, account)).status).toBe('signed_in');
    expect((await sendAndWait(t, anna, profile.id)).status).toBe('sent');
  });

  it('refuses a redirect URL that is not this sign-in’s, and completes each sign-in once, for its own user', async () => {
    const profile = await createProfile(t, anna, googleProfile({ name: 'State' }));
    const started = await start(profile.id);
    const redirectUrl = new URL(await tokens.consent(started.body.authorizationUrl, { account: ACCOUNT }));
    const forged = new URL(redirectUrl);
    forged.searchParams.set('state', 'x'.repeat(43));
    const wrongState = await complete(started.body.id, forged.href);
    expect(wrongState.status).toBe(400);
    const elsewhere = await complete(started.body.id, redirectUrl.href.replace(CHROME_REDIRECT_URI, 'https://evil.example/'));
    expect(elsewhere.status).toBe(400);
    expect((await complete(started.body.id, 'not a url')).status).toBe(400);
    // Another user cannot complete it, even with the right URL.
    expect((await complete(started.body.id, redirectUrl.href, bo)).status).toBe(404);
    // Still pending after all that, and the right URL completes it once.
    expect((await complete(started.body.id, redirectUrl.href)).body.status).toBe('signed_in');
    const again = await complete(started.body.id, redirectUrl.href);
    expect(again.status).toBe(409);
  });

  it('fails the sign-in when the user refuses consent or signs in with another Google account', async () => {
    const profile = await createProfile(t, anna, googleProfile({ name: 'Wrong account' }));
    const denied = await start(profile.id);
    const deniedDone = await complete(denied.body.id, await tokens.consent(denied.body.authorizationUrl, { deny: true }));
    expect(deniedDone.body).toMatchObject({ status: 'failed', problem: { code: 'oauth_token_failed' }, detail: expect.stringContaining('access_denied') });

    const other = await signIn(profile.id, 'someone.else@gmail.com');
    expect(other).toMatchObject({ status: 'failed', account: 'someone.else@gmail.com' });
    expect(other.detail).toContain(`sender signs in as ${ACCOUNT}`);
    expect(await profileAuth(profile.id)).toMatchObject({ status: 'sign_in_required', hasRefreshToken: false });
  });

  it('needs a Google client: the profile’s own or the relay’s (422 oauth_not_configured otherwise)', async () => {
    const profile = await createProfile(t, anna, googleProfile({ name: 'No client', auth: { type: 'oauth2', provider: 'google', flow: 'authorization_code' } }));
    const res = await start(profile.id);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'oauth_not_configured', hint: expect.stringContaining('OWNPOST_GOOGLE_CLIENT_ID') });
  });
});
