/**
 * Microsoft 365 delegated sign-in with the device code flow (issue 8): the relay asks a local token
 * server for a user code, polls while the "user" enters it, keeps the refresh token sealed, refreshes
 * (Microsoft rotates refresh tokens), and shows "sign in again" when the refresh token stops working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OAuthTokenServer } from '../helpers/oauth-token-server';
import {
  APP_CLIENT_ID,
  appOnlyProfile,
  closePooledConnections,
  createProfile,
  expectNotInDataDir,
  PUBLIC_CLIENT_ID,
  sendAndWait,
  smtpSettings,
  startOAuthScene,
  TENANT_ID,
  type OAuthScene,
} from '../helpers/oauth-test-kit';
import { testProfile, type TestRelay } from '../helpers/test-relay';
import type { XOAuth2SmtpServer } from '../helpers/xoauth2-smtp-server';
import { waitFor } from '../helpers/wait-for';

const ACCOUNT = 'anna@firma.se';

let tokens: OAuthTokenServer;
let smtp: XOAuth2SmtpServer;
let t: TestRelay;
let anna: string;
let bo: string;

let scene: OAuthScene;

beforeAll(async () => {
  scene = await startOAuthScene({
    style: 'microsoft',
    account: ACCOUNT,
    // A public client ("Allow public client flows"), the relay's default app for delegated sign-in.
    register: (server) => server.addMicrosoftApp({ tenant: TENANT_ID, clientId: PUBLIC_CLIENT_ID }),
    env: { OWNPOST_MS_CLIENT_ID: PUBLIC_CLIENT_ID },
  });
  ({ tokens, smtp, t, anna, bo } = scene);
});
afterAll(() => scene.close());

function delegatedProfile(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Anna (Microsoft 365)',
    fromName: 'Anna Berg',
    fromAddress: ACCOUNT,
    smtp: smtpSettings(smtp.port),
    auth: { type: 'oauth2', provider: 'microsoft', flow: 'device_code', tenantId: TENANT_ID },
    ...overrides,
  };
}

async function profileAuth(id: string) {
  return (await t.request('GET', `/v1/profiles/${id}`, { token: anna })).body.auth;
}

async function startSignIn(profileId: string, token = anna) {
  return t.request('POST', `/v1/profiles/${profileId}/oauth/sign-in`, { token });
}

/** Asks for the sign-in's status (each request may poll Microsoft) until it is no longer pending. */
async function waitForSignIn(signInId: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.request('GET', `/v1/oauth/sign-ins/${signInId}`, { token: anna });
    expect(res.status).toBe(200);
    if (res.body.status !== 'pending') return res.body;
    if (Date.now() > deadline) throw new Error(`sign-in ${signInId} stayed pending`);
    await new Promise((r) => setTimeout(r, 200)); // a poll's interval: the wait is for the sign-in to end
  }
}

/** The whole device code sign-in, with the "user" entering the code as `account`. */
async function signIn(profileId: string, account = ACCOUNT) {
  const started = await startSignIn(profileId);
  expect(started.status).toBe(201);
  tokens.approveDeviceCode(started.body.userCode, account);
  return waitForSignIn(started.body.id);
}

describe('Microsoft 365 delegated sign-in (device code)', () => {
  it('signs in with a user code, keeps the refresh token sealed, and sends as the signed-in user', async () => {
    const profile = await createProfile(t, anna, delegatedProfile());
    expect(profile.auth).toMatchObject({ type: 'oauth2', flow: 'device_code', username: ACCOUNT, hasRefreshToken: false, status: 'sign_in_required' });

    const started = await startSignIn(profile.id);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      profileId: profile.id,
      provider: 'microsoft',
      flow: 'device_code',
      status: 'pending',
      userCode: expect.stringMatching(/^[0-9A-F]{8}$/),
      verificationUri: `${tokens.url}/ms/devicelogin`,
      pollIntervalSeconds: 1,
      message: expect.stringContaining(started.body.userCode),
    });
    // Asking at once does not poll Microsoft: the first poll waits one interval.
    expect((await t.request('GET', `/v1/oauth/sign-ins/${started.body.id}`, { token: anna })).body.status).toBe('pending');
    expect(tokens.tokenRequests('urn:ietf:params:oauth:grant-type:device_code')).toHaveLength(0);
    // Someone else cannot follow it.
    expect((await t.request('GET', `/v1/oauth/sign-ins/${started.body.id}`, { token: bo })).status).toBe(404);

    tokens.approveDeviceCode(started.body.userCode, ACCOUNT);
    const done = await waitForSignIn(started.body.id);
    expect(done).toMatchObject({ status: 'signed_in', account: ACCOUNT });
    expect(done.userCode).toBeUndefined();
    expect(await profileAuth(profile.id)).toMatchObject({ status: 'ready', hasRefreshToken: true, account: ACCOUNT, signedInAt: expect.any(String) });

    const attempts = smtp.attempts.length;
    expect((await sendAndWait(t, anna, profile.id)).status).toBe('sent');
    // The sign-in's own access token was cached: no refresh yet.
    expect(tokens.tokenRequests('refresh_token')).toHaveLength(0);
    expect(smtp.attempts.slice(attempts)).toEqual([expect.objectContaining({ user: ACCOUNT, ok: true })]);
    expect(tokens.validateAccessToken(smtp.attempts.at(-1)!.accessToken, ACCOUNT)).toMatchObject({
      ok: true,
      token: { grantType: 'delegated', scopes: expect.arrayContaining(['https://outlook.office.com/SMTP.Send', 'offline_access']) },
    });
    for (const refreshToken of tokens.refreshTokensOf(ACCOUNT)) expectNotInDataDir(t, refreshToken, 'a refresh token');
    const listed = await t.request('GET', '/v1/profiles', { token: anna });
    for (const refreshToken of tokens.refreshTokensOf(ACCOUNT)) expect(JSON.stringify(listed.body)).not.toContain(refreshToken);
  });

  it('refreshes expired access tokens with the refresh token, keeping each rotated refresh token', async () => {
    const profile = await createProfile(t, anna, delegatedProfile({ name: 'Refresh' }));
    tokens.tokenLifetimeSeconds = 2;
    try {
      expect((await signIn(profile.id)).status).toBe('signed_in');
      const refreshes = tokens.tokenRequests('refresh_token').length;
      for (let round = 1; round <= 2; round++) {
        // Let the access token expire; the token server retires each refresh token once used, so the
        // second round works only if the relay saved the refresh token the first one rotated to.
        // A fixed wait on purpose: the relay must honour the token's lifetime.
        await new Promise((r) => setTimeout(r, 2_100));
        closePooledConnections(t, profile.id);
        expect((await sendAndWait(t, anna, profile.id)).status).toBe('sent');
        expect(tokens.tokenRequests('refresh_token').length - refreshes).toBe(round);
        expect(smtp.attempts.at(-1)).toMatchObject({ user: ACCOUNT, ok: true });
      }
      expect(tokens.tokenRequests('refresh_token').every((r) => r.status === 200)).toBe(true);
    } finally {
      tokens.tokenLifetimeSeconds = 3600;
    }
  });

  it('shows "sign in again" (oauth_invalid_grant) when the refresh token stops working, and works again after a new sign-in', async () => {
    const account = 'cay@firma.se';
    const profile = await createProfile(t, anna, delegatedProfile({ name: 'Revoked', fromAddress: account }));
    tokens.tokenLifetimeSeconds = 1;
    try {
      expect((await signIn(profile.id, account)).status).toBe('signed_in');
    } finally {
      tokens.tokenLifetimeSeconds = 3600;
    }
    // A fixed wait on purpose: it waits out the access token's 1 s lifetime, which the relay must honour.
    await new Promise((r) => setTimeout(r, 1_100));
    // The user changed their password: Microsoft revokes the refresh tokens (AADSTS70008 and kin).
    tokens.revokeRefreshTokens(account);
    const failed = await sendAndWait(t, anna, profile.id);
    expect(failed).toMatchObject({ status: 'failed', attemptCount: 1, problem: { code: 'oauth_invalid_grant' } });
    expect(failed.problem.fix).toMatch(/connect the account again/i);
    expect(await profileAuth(profile.id)).toMatchObject({ status: 'sign_in_again', problemCode: 'oauth_invalid_grant', hasRefreshToken: false });
    expect((await profileAuth(profile.id)).account).toBeUndefined();
    // New messages are refused with the reason until someone signs in again.
    const refused = await t.request('POST', '/v1/messages', { token: anna, body: { profileId: profile.id, to: ['kund@exempel.se'], subject: 'x', text: 'y' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'profile_unusable', details: { problemCode: 'oauth_invalid_grant' } });

    expect((await signIn(profile.id, account)).status).toBe('signed_in');
    expect(await profileAuth(profile.id)).toMatchObject({ status: 'ready', account });
    expect((await sendAndWait(t, anna, profile.id)).status).toBe('sent');
  });

  it('fails a message sent before anyone signed in with oauth_invalid_grant', async () => {
    const profile = await createProfile(t, anna, delegatedProfile({ name: 'Never signed in' }));
    const done = await sendAndWait(t, anna, profile.id);
    expect(done).toMatchObject({ status: 'failed', problem: { code: 'oauth_invalid_grant' } });
    expect(done.lastReply).toContain('Nobody has signed in');
  });

  it('ends the sign-in as failed when the user declines, and slows down when Microsoft asks', async () => {
    const profile = await createProfile(t, anna, delegatedProfile({ name: 'Declined' }));
    const declined = await startSignIn(profile.id);
    tokens.declineDeviceCode(declined.body.userCode);
    const done = await waitForSignIn(declined.body.id);
    expect(done).toMatchObject({ status: 'failed', problem: { code: 'oauth_token_failed' }, detail: expect.stringContaining('authorization_declined') });
    expect(await profileAuth(profile.id)).toMatchObject({ status: 'sign_in_required' });

    tokens.deviceCodeSlowDownBelowSeconds = 3;
    try {
      const slow = await startSignIn(profile.id);
      // The old sign-in of this profile was replaced.
      expect((await t.request('GET', `/v1/oauth/sign-ins/${declined.body.id}`, { token: anna })).status).toBe(404);
      const after = await waitFor(
        'the relay to slow its polling down',
        async () => (await t.request('GET', `/v1/oauth/sign-ins/${slow.body.id}`, { token: anna })).body,
        (view) => view.pollIntervalSeconds === 6,
      );
      expect(after).toMatchObject({ status: 'pending', pollIntervalSeconds: 6 });
      expect(tokens.tokenRequests('urn:ietf:params:oauth:grant-type:device_code').at(-1)).toMatchObject({ error: 'slow_down' });
    } finally {
      tokens.deviceCodeSlowDownBelowSeconds = 0;
    }
  });

  it('reports a device code request Microsoft refuses (unknown app) in the sign-in, not as a server error', async () => {
    const profile = await createProfile(
      t,
      anna,
      delegatedProfile({ name: 'Unknown app', auth: { type: 'oauth2', provider: 'microsoft', flow: 'device_code', tenantId: TENANT_ID, clientId: APP_CLIENT_ID } }),
    );
    const res = await startSignIn(profile.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'failed', problem: { code: 'oauth_invalid_client_id' }, detail: expect.stringContaining('AADSTS700016') });
  });

  it('signs out: the refresh token goes and the sender needs a sign-in again', async () => {
    const profile = await createProfile(t, anna, delegatedProfile({ name: 'Sign out' }));
    expect((await signIn(profile.id)).status).toBe('signed_in');
    expect((await t.request('DELETE', `/v1/profiles/${profile.id}/oauth/sign-in`, { token: anna })).status).toBe(204);
    expect(await profileAuth(profile.id)).toMatchObject({ status: 'sign_in_required', hasRefreshToken: false });
    expect((await sendAndWait(t, anna, profile.id)).problem.code).toBe('oauth_invalid_grant');
  });

  it('refuses a sign-in for password and app-only senders, and for senders the user may not change', async () => {
    const password = await createProfile(t, anna, testProfile(smtp.port, { name: 'Password' }));
    expect((await startSignIn(password.id)).body.error.code).toBe('conflict');
    const appOnly = await createProfile(t, anna, appOnlyProfile(smtp.port, 'secret', { name: 'App', fromAddress: ACCOUNT }));
    expect((await startSignIn(appOnly.id)).status).toBe(409);
    const company = await createProfile(t, anna, delegatedProfile({ name: 'Company', scope: 'company' }));
    const byMember = await startSignIn(company.id, bo);
    expect(byMember.status).toBe(403);
    expect((await startSignIn('no-such-profile')).status).toBe(404);
    const badBody = await t.request('POST', `/v1/profiles/${company.id}/oauth/sign-in`, { token: anna, rawBody: '{"redirectUri":' });
    expect(badBody.body.error.code).toBe('invalid_json');
  });

  it('changing the app registration drops the old sign-in', async () => {
    const profile = await createProfile(t, anna, delegatedProfile({ name: 'Switch app' }));
    expect((await signIn(profile.id)).status).toBe('signed_in');
    const renamed = await t.request('PATCH', `/v1/profiles/${profile.id}`, { token: anna, body: { name: 'Renamed' } });
    expect(renamed.body.auth).toMatchObject({ status: 'ready', hasRefreshToken: true });
    const switched = await t.request('PATCH', `/v1/profiles/${profile.id}`, {
      token: anna,
      body: { auth: { type: 'oauth2', provider: 'microsoft', flow: 'device_code', tenantId: TENANT_ID, clientId: APP_CLIENT_ID } },
    });
    expect(switched.status).toBe(200);
    expect(switched.body.auth).toMatchObject({ clientId: APP_CLIENT_ID, status: 'sign_in_required', hasRefreshToken: false });
  });
});
