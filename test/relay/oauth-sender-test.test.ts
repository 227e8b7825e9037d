/**
 * Sender tests of OAuth2 senders (issues 4 and 8) through the API: `POST /v1/diagnose` and
 * `POST /v1/profiles/:id/test` sign in with XOAUTH2 and a real access token from the local token
 * server, after an `oauth` stage that says where the token came from; and test-before-save with
 * OAuth2: an app-only sender is tested before it is saved, a delegated one nobody has signed in to
 * is saved untested (it cannot be tested before its sign-in) and tested after it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zDiagnosisResult } from '../../shared/diagnosis-schemas';
import { expectFailure, startDiagnosisRelay } from '../helpers/diagnosis-relay';
import { closedPort } from '../helpers/fake-smtp-peers';
import type { OAuthTokenServer } from '../helpers/oauth-token-server';
import { APP_CLIENT_ID, appOnlyProfile, PUBLIC_CLIENT_ID, smtpSettings, startOAuthScene, TENANT_ID, type OAuthScene } from '../helpers/oauth-test-kit';
import type { TestRelay } from '../helpers/test-relay';
import type { XOAuth2SmtpServer } from '../helpers/xoauth2-smtp-server';

const CLIENT_SECRET = `Xy8Q~${randomBytes(24).toString('base64url')}`;
const APP_MAILBOX = 'faktura@firma.se';
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
    register(server) {
      server.addMicrosoftApp({ tenant: TENANT_ID, clientId: APP_CLIENT_ID, clientSecret: CLIENT_SECRET, mailboxes: [APP_MAILBOX] });
      server.addMicrosoftApp({ tenant: TENANT_ID, clientId: PUBLIC_CLIENT_ID });
    },
    env: { OWNPOST_MS_CLIENT_ID: PUBLIC_CLIENT_ID },
    startRelay: startDiagnosisRelay,
  });
  ({ tokens, smtp, t, anna, bo } = scene);
});
afterAll(() => scene.close());

function delegatedProfile(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Anna (Microsoft 365)',
    fromAddress: ACCOUNT,
    smtp: smtpSettings(smtp.port),
    auth: { type: 'oauth2', provider: 'microsoft', flow: 'device_code', tenantId: TENANT_ID },
    ...overrides,
  };
}

async function testProfile(id: string, token = anna) {
  const res = await t.request('POST', `/v1/profiles/${id}/test`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return zDiagnosisResult.parse(res.body);
}

async function signIn(profileId: string) {
  const started = await t.request('POST', `/v1/profiles/${profileId}/oauth/sign-in`, { token: anna });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  tokens.approveDeviceCode(started.body.userCode, ACCOUNT);
  // The 200 ms between two looks is a poll's interval: the wait is for the sign-in to end.
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const res = await t.request('GET', `/v1/oauth/sign-ins/${started.body.id}`, { token: anna });
    if (res.body.status !== 'pending') return res.body;
  }
  throw new Error('the sign-in stayed pending');
}

const stageNames = (result: { stages: { stage: string }[] }) => result.stages.map((s) => s.stage);

describe('what the options page needs to know', () => {
  it('says for which providers the relay has its own app registration', async () => {
    const res = await t.request('GET', '/v1/oauth/providers', { token: bo });
    expect(res.body).toEqual({ microsoft: { relayApp: true }, google: { relayApp: false } });
  });
});

describe('testing an app-only sender (client credentials)', () => {
  it('tests unsaved settings with a token fetched for exactly them, and names a wrong client secret', async () => {
    const good = await t.request('POST', '/v1/diagnose', { token: anna, body: appOnlyProfile(smtp.port, CLIENT_SECRET) });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    const result = zDiagnosisResult.parse(good.body);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(stageNames(result)).toEqual(['oauth', 'dns', 'connect', 'tls', 'ehlo', 'auth', 'sender', 'recipient', 'data']);
    expect(result.stages[0]!.detail).toContain('app-only');
    expect(result.stages.find((s) => s.stage === 'auth')).toMatchObject({ ok: true, mechanism: 'XOAUTH2' });
    expect(smtp.attempts.at(-1)).toMatchObject({ user: APP_MAILBOX, ok: true });
    expect(JSON.stringify(result)).not.toContain(smtp.attempts.at(-1)!.accessToken);

    const wrong = await t.request('POST', '/v1/diagnose', { token: anna, body: appOnlyProfile(smtp.port, 'the-secret-id-not-its-value') });
    const refused = zDiagnosisResult.parse(wrong.body);
    expectFailure(refused, { stage: 'oauth', code: 'oauth_invalid_client_secret' });
    expect(stageNames(refused)).toEqual(['oauth']);
  });

  it('saves a new app-only sender only after its test passed, and refuses one whose secret is wrong', async () => {
    const refused = await t.request('POST', '/v1/profiles', { token: anna, body: appOnlyProfile(smtp.port, 'wrong-secret', { name: 'Wrong' }) });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'profile_test_failed', details: { diagnosis: { problem: { code: 'oauth_invalid_client_secret' } } } });

    const created = await t.request('POST', '/v1/profiles', { token: anna, body: appOnlyProfile(smtp.port, CLIENT_SECRET) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.verification).toMatchObject({ status: 'passed' });

    // A new secret is a new test; a wrong one is not saved.
    const patched = await t.request('PATCH', `/v1/profiles/${created.body.id}`, {
      token: anna,
      body: { auth: { type: 'oauth2', provider: 'microsoft', flow: 'client_credentials', tenantId: TENANT_ID, clientId: APP_CLIENT_ID, clientSecret: 'another-wrong-one' } },
    });
    expect(patched.status).toBe(422);
    expect((await testProfile(created.body.id)).ok).toBe(true);
  });
});

describe('testing a delegated sender (device code)', () => {
  it('saves it untested before the sign-in, says why it cannot be tested yet, and tests it with the signed-in token after', async () => {
    const created = await t.request('POST', '/v1/profiles', { token: anna, body: delegatedProfile() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.verification).toBeUndefined();
    expect(created.body.auth).toMatchObject({ status: 'sign_in_required' });

    const before = await testProfile(created.body.id);
    expectFailure(before, { stage: 'oauth', code: 'oauth_sign_in_required' });
    expect(before.problem!.title).toBe('Nobody has signed in for this sender yet');
    expect((await t.request('GET', `/v1/profiles/${created.body.id}`, { token: anna })).body.verification).toBeUndefined();

    expect(await signIn(created.body.id)).toMatchObject({ status: 'signed_in', account: ACCOUNT });
    const attempts = smtp.attempts.length;
    const after = await testProfile(created.body.id);
    expect(after.ok, JSON.stringify(after)).toBe(true);
    expect(after.stages[0]).toMatchObject({ stage: 'oauth', ok: true });
    expect(after.stages[0]!.detail).toContain(`saved sign-in of ${ACCOUNT}`);
    expect(smtp.attempts.slice(attempts)).toEqual([expect.objectContaining({ user: ACCOUNT, ok: true })]);
    expect(tokens.validateAccessToken(smtp.attempts.at(-1)!.accessToken, ACCOUNT)).toMatchObject({ ok: true, token: { grantType: 'delegated' } });
    // Its first passing test verifies it, as a test before saving would have (the failing one did not).
    const verified = await t.request('GET', `/v1/profiles/${created.body.id}`, { token: anna });
    expect(verified.body.verification).toMatchObject({ status: 'passed', by: ACCOUNT, at: after.testedAt });

    // Changed server settings of the signed-in sender are tested before saving, with its sign-in.
    const diagnosed = await t.request('POST', '/v1/diagnose', {
      token: anna,
      body: { profileId: created.body.id, fromAddress: ACCOUNT, smtp: smtpSettings(smtp.port) },
    });
    expect(zDiagnosisResult.parse(diagnosed.body).ok).toBe(true);
    const badPort = await t.request('PATCH', `/v1/profiles/${created.body.id}`, { token: anna, body: { smtp: { port: await closedPort() } } });
    expect(badPort.status).toBe(422);
    expect(badPort.body.error.details.diagnosis.stages.map((s: { stage: string }) => s.stage)).toEqual(['oauth', 'dns', 'connect']);
    const otherServer = await t.request('PATCH', `/v1/profiles/${created.body.id}`, { token: anna, body: { smtp: { host: 'localhost' } } });
    expect(otherServer.status, JSON.stringify(otherServer.body)).toBe(200);
    expect(otherServer.body.verification).toMatchObject({ status: 'passed' });
  });

  it('does not lend the saved sign-in to someone who may not change the sender', async () => {
    const created = await t.request('POST', '/v1/profiles', { token: anna, body: delegatedProfile({ name: 'Company', scope: 'company' }) });
    expect(created.status).toBe(201);
    await signIn(created.body.id);
    const res = await t.request('POST', '/v1/diagnose', { token: bo, body: { profileId: created.body.id, fromAddress: ACCOUNT, smtp: smtpSettings(smtp.port) } });
    expect(res.status).toBe(404);
    // With delegated settings typed in, the test has no sign-in of its own to use.
    const typed = await t.request('POST', '/v1/diagnose', { token: bo, body: { ...delegatedProfile(), profileId: created.body.id } });
    expectFailure(zDiagnosisResult.parse(typed.body), { stage: 'oauth', code: 'oauth_sign_in_required' });
  });
});

describe('the oauth stage in the language asked for', () => {
  it('says where the token came from, and why none came, in the test’s language', async () => {
    const app = zDiagnosisResult.parse((await t.request('POST', '/v1/diagnose?lang=de', { token: anna, body: appOnlyProfile(smtp.port, CLIENT_SECRET) })).body);
    expect(app.ok, JSON.stringify(app)).toBe(true);
    expect(app.stages[0]!.detail).toMatch(new RegExp(`^Zugriffstoken von Microsoft für die App ${APP_CLIENT_ID} erhalten \\(nur App, Client Credentials\\), gültig bis \\d{4}-`));

    const created = await t.request('POST', '/v1/profiles', { token: anna, body: delegatedProfile({ name: 'Polish test' }) });
    const before = zDiagnosisResult.parse((await t.request('POST', `/v1/profiles/${created.body.id}/test?lang=pl`, { token: anna })).body);
    expect(before.stages).toEqual([
      expect.objectContaining({
        stage: 'oauth',
        ok: false,
        detail: 'Nikt jeszcze nie zalogował się przez Microsoft dla tego nadawcy, więc nie ma tokenu do testu. Najpierw zapisz nadawcę i się zaloguj.',
      }),
    ]);

    const english = zDiagnosisResult.parse((await t.request('POST', `/v1/profiles/${created.body.id}/test`, { token: anna })).body);
    expect(english.stages[0]!.detail).toBe('Nobody has signed in with Microsoft for this sender yet, so there is no token to test with. Save it and sign in first.');
  });
});
