/**
 * Signing senders in with Microsoft and Google on the options page (issues 6 and 8), with WXT's fake
 * browser and a stand-in background: the method choice, the device code (shown, copyable, followed
 * until signed in, expired or failed), Google's window (`identity.launchWebAuthFlow`), the app-only
 * form and its test before saving, "sign in again" in the senders list, and signing out.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DiscoveryResult } from '../../shared/api-schemas';
import type { DiagnosisResult } from '../../shared/extension-messages';
import type { OAuthSignInView } from '../../shared/oauth-schemas';
import type { OAuth2AuthView, ProfileView } from '../../shared/schemas';
import { ConnectionProvider } from '../../extension/entrypoints/options/connection';
import { SenderEditor } from '../../extension/entrypoints/options/SenderEditor';
import { SendersPage } from '../../extension/entrypoints/options/SendersPage';
import { SenderWizard } from '../../extension/entrypoints/options/SenderWizard';
import { takeFlash } from '../../extension/entrypoints/options/flash';
import { fakeBackground, type BackgroundHandlers } from './fake-background';
import { click, eventually, renderPage, type, type Rendered } from './render';
import { ANNA, profile } from './sample-data';

const M365: DiscoveryResult = {
  email: 'anna@firma.se',
  domain: 'firma.se',
  source: 'mx',
  provider: { id: 'microsoft365', name: 'Microsoft 365' },
  smtp: [{ host: 'smtp.office365.com', port: 587, security: 'starttls' }],
  username: 'anna@firma.se',
  auth: ['oauth2', 'password'],
  notes: [],
};

const GMAIL: DiscoveryResult = {
  ...M365,
  email: 'anna.berg@gmail.com',
  domain: 'gmail.com',
  source: 'builtin',
  provider: { id: 'gmail', name: 'Gmail' },
  smtp: [{ host: 'smtp.gmail.com', port: 587, security: 'starttls' }],
  username: 'anna.berg@gmail.com',
  auth: ['app_password', 'oauth2'],
};

const PASSED: DiagnosisResult = {
  ok: true,
  stages: [
    { stage: 'oauth', ok: true, ms: 40, detail: 'Got an access token from Microsoft' },
    { stage: 'auth', ok: true, ms: 80, detail: 'Signed in as anna@firma.se with XOAUTH2.', mechanism: 'XOAUTH2' },
  ],
  testedAt: '2026-11-23T10:00:00.000Z',
};

const PENDING: OAuthSignInView = {
  id: 'si1',
  profileId: 'p1',
  provider: 'microsoft',
  flow: 'device_code',
  status: 'pending',
  expiresAt: '2026-11-23T10:15:00.000Z',
  userCode: 'A1B2C3D4',
  verificationUri: 'https://microsoft.com/devicelogin',
  pollIntervalSeconds: 1,
};

function oauthProfile(auth: Partial<OAuth2AuthView>, overrides: Partial<ProfileView> = {}): ProfileView {
  return profile({
    name: 'Microsoft 365',
    auth: { type: 'oauth2', provider: 'microsoft', flow: 'device_code', tenantId: 'common', username: 'anna@firma.se', hasClientSecret: false, hasRefreshToken: false, status: 'sign_in_required', ...auth },
    ...overrides,
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
  location.hash = '#/senders/new';
  takeFlash();
});

function background(extra: BackgroundHandlers = {}) {
  return fakeBackground({
    'connection.get': () => ({ connected: true, relayUrl: 'http://127.0.0.1:8787', user: ANNA }),
    'me.get': () => ANNA,
    'profiles.list': () => ({ profiles: [] }),
    'oauth.providers': () => ({ microsoft: { relayApp: true }, google: { relayApp: true } }),
    discover: () => M365,
    ...extra,
  });
}

async function wizardAtSignIn(): Promise<Rendered> {
  const page = await renderPage(
    <ConnectionProvider>
      <SenderWizard />
    </ConnectionProvider>,
  );
  await type(await eventually(() => page.get('wizard-email')), 'anna@firma.se');
  await click(page.get('wizard-continue'));
  await eventually(() => expect(page.get('sender-wizard').dataset.step).toBe('server'));
  await click(page.get('wizard-continue'));
  await eventually(() => page.get('wizard-method'));
  return page;
}

/** Google's window, as `browser.identity` gives it: resolves with the URL Google redirected to. */
function installIdentity(answer: (url: string) => Promise<string>) {
  const calls: string[] = [];
  (fakeBrowser as unknown as { identity: unknown }).identity = {
    getRedirectURL: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    launchWebAuthFlow: async ({ url }: { url: string }) => (calls.push(url), answer(url)),
  };
  return calls;
}

describe('adding a sender that signs in with Microsoft (device code)', () => {
  it('offers Microsoft sign-in first, saves, shows the code large and copyable, follows the sign-in, then tests with it', async () => {
    let polls = 0;
    const bg = background({
      'profiles.create': (request) => oauthProfile({}, { id: 'p1', fromAddress: String(request.profile.fromAddress) }),
      'oauth.start': () => PENDING,
      'oauth.status': () => (++polls < 2 ? PENDING : { ...PENDING, status: 'signed_in', userCode: undefined, account: 'anna@firma.se' }),
      'profiles.test': () => PASSED,
    });
    const page = await wizardAtSignIn();
    await eventually(() => expect((page.get('wizard-method-microsoft') as HTMLInputElement).checked).toBe(true));
    expect(page.get('wizard-method').textContent).toContain('recommended');
    // No password field for a sign-in that needs none; the step says it saves first.
    expect(page.query('wizard-password')).toBeNull();
    expect(page.text()).toContain('Ownpost saves the sender first, then you sign in.');

    await click(page.get('wizard-save-and-sign-in'));
    const code = await eventually(() => page.get('oauth-user-code'));
    expect(bg.sent('profiles.create')[0]!.profile).toMatchObject({
      fromAddress: 'anna@firma.se',
      smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
      auth: { type: 'oauth2', provider: 'microsoft', flow: 'device_code', username: 'anna@firma.se' },
      isDefault: true,
    });
    expect(bg.sent('oauth.start')[0]).toMatchObject({ profileId: 'p1', language: 'en' });
    expect(bg.sent('oauth.start')[0]!.redirectUri).toBeUndefined();
    expect(code.textContent).toBe('A1B2C3D4');
    const link = page.get('oauth-verification-link') as HTMLAnchorElement;
    expect(link.href).toBe('https://microsoft.com/devicelogin');
    expect(link.target).toBe('_blank');
    expect(link.rel).toContain('noopener');
    expect(link.textContent).toContain('(opens in a new tab)');
    expect(page.get('oauth-sign-in').dataset.state).toBe('device');
    // Focus moves to the code, so a keyboard user starts there.
    await eventually(() => expect(document.activeElement?.classList.contains('user-code-box')).toBe(true));

    await eventually(() => expect(page.get('oauth-signed-in').textContent).toContain('Signed in as anna@firma.se'), 6000);
    expect(bg.sent('oauth.status').every((r) => r.signInId === 'si1')).toBe(true);
    await eventually(() => expect(page.get('test-result').dataset.state).toBe('ok'));
    expect(bg.sent('profiles.test')[0]).toMatchObject({ id: 'p1' });
    expect(page.all('test-stage').map((s) => s.dataset.stage)).toEqual(['oauth', 'auth']);

    await click(page.get('wizard-done'));
    expect(location.hash).toBe('#/senders');
    expect(takeFlash()).toBe('The sender anna@firma.se is saved and signed in.');
  }, 15_000);

  it('says when the code expired and starts a new sign-in on request', async () => {
    const answers: OAuthSignInView[] = [PENDING, { ...PENDING, id: 'si2', userCode: 'NEWCODE1' }];
    const bg = background({
      'profiles.create': () => oauthProfile({}, { id: 'p1' }),
      'oauth.start': () => answers.shift()!,
      'oauth.status': (request) => (request.signInId === 'si1' ? { ...PENDING, status: 'expired', userCode: undefined } : PENDING),
    });
    const page = await wizardAtSignIn();
    await click(page.get('wizard-save-and-sign-in'));
    const problem = await eventually(() => page.get('oauth-problem'), 6000);
    expect(problem.textContent).toContain('The code expired');
    expect(problem.dataset.code).toBe('expired');

    await click(page.get('oauth-start'));
    await eventually(() => expect(page.get('oauth-user-code').textContent).toBe('NEWCODE1'));
    expect(bg.sent('oauth.start')).toHaveLength(2);
  }, 15_000);

  it('keeps asking through a lost answer, and stops at one that ends the sign-in (a newer sign-in replaced it)', async () => {
    let polls = 0;
    const bg = background({
      'profiles.create': () => oauthProfile({}, { id: 'p1' }),
      'oauth.start': () => ({ ...PENDING, expiresAt: new Date(Date.now() + 600_000).toISOString() }),
      'oauth.status': () =>
        ++polls === 1
          ? { error: { code: 'relay_unreachable', message: 'The relay did not answer.' } }
          : { error: { code: 'not_found', message: 'There is no such sign-in; it may have been replaced by a newer one.' } },
    });
    const page = await wizardAtSignIn();
    await click(page.get('wizard-save-and-sign-in'));
    const error = await eventually(() => page.get('oauth-error'), 12_000);
    expect(error.textContent).toContain('replaced by a newer one');
    expect(bg.sent('oauth.status')).toHaveLength(2);
  }, 20_000);

  it('explains a failed sign-in with the relay’s problem, and a relay without an app of its own', async () => {
    background({
      'profiles.create': () => oauthProfile({}, { id: 'p1' }),
      'oauth.start': () => ({
        ...PENDING,
        status: 'failed',
        userCode: undefined,
        problem: { code: 'oauth_invalid_client_id', title: 'Microsoft does not know this app', explanation: 'AADSTS700016.', fix: 'Copy the IDs again.' },
        detail: 'AADSTS700016: Application not found',
      }),
    });
    const page = await wizardAtSignIn();
    await click(page.get('wizard-save-and-sign-in'));
    const problem = await eventually(() => page.get('oauth-problem'));
    expect(problem.dataset.code).toBe('oauth_invalid_client_id');
    expect(problem.textContent).toContain('Microsoft does not know this app');
    expect(problem.textContent).toContain('Copy the IDs again.');
    expect(problem.textContent).toContain('AADSTS700016: Application not found');
    expect(page.query('test-result')).toBeNull();
    await click(page.get('wizard-done'));
    expect(takeFlash()).toContain('nobody has signed in yet');
  });
});

describe('adding a sender that signs in with Google', () => {
  it('opens Google’s window with the relay’s URL and finishes with the URL Google sent the browser back to', async () => {
    const calls = installIdentity(async () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/?state=s1&code=c1');
    const bg = background({
      discover: () => GMAIL,
      'profiles.create': () => oauthProfile({ provider: 'google', flow: 'authorization_code', username: 'anna.berg@gmail.com' }, { id: 'p2', fromAddress: 'anna.berg@gmail.com' }),
      'oauth.start': () => ({ ...PENDING, id: 'g1', provider: 'google', flow: 'authorization_code', userCode: undefined, verificationUri: undefined, authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth?state=s1' }),
      'oauth.complete': () => ({ ...PENDING, id: 'g1', provider: 'google', flow: 'authorization_code', status: 'signed_in', userCode: undefined, account: 'anna.berg@gmail.com' }),
      'profiles.test': () => PASSED,
    });
    const page = await wizardAtSignIn();
    // Gmail prefers an app password; Google sign-in is the other choice offered.
    expect((page.get('wizard-method-password') as HTMLInputElement).checked).toBe(true);
    await click(page.get('wizard-method-google'));
    await click(page.get('wizard-save-and-sign-in'));

    await eventually(() => expect(page.get('oauth-signed-in').textContent).toContain('anna.berg@gmail.com'));
    expect(bg.sent('profiles.create')[0]!.profile).toMatchObject({ auth: { type: 'oauth2', provider: 'google', flow: 'authorization_code' } });
    expect(bg.sent('oauth.start')[0]).toMatchObject({ profileId: 'p2', redirectUri: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/' });
    expect(calls).toEqual(['https://accounts.google.com/o/oauth2/v2/auth?state=s1']);
    expect(bg.sent('oauth.complete')[0]).toMatchObject({ signInId: 'g1', redirectUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/?state=s1&code=c1' });
    await eventually(() => expect(page.get('test-result').dataset.state).toBe('ok'));
  });

  it('says so when the Google window was closed, and asks for a client ID when the relay has no Google app', async () => {
    installIdentity(async () => {
      throw new Error('The user did not approve access.');
    });
    background({
      discover: () => GMAIL,
      'oauth.providers': () => ({ microsoft: { relayApp: true }, google: { relayApp: false } }),
      'profiles.create': () => oauthProfile({ provider: 'google', flow: 'authorization_code' }, { id: 'p2' }),
      'oauth.start': () => ({ ...PENDING, provider: 'google', flow: 'authorization_code', authorizationUrl: 'https://accounts.google.com/auth' }),
    });
    const page = await wizardAtSignIn();
    await click(page.get('wizard-method-google'));
    expect(page.get('wizard-no-relay-app').textContent).toContain('no Google app registration');
    expect((page.get('wizard-save-and-sign-in') as HTMLButtonElement).disabled).toBe(true);
    await type(page.get('wizard-client-id'), '123-abc.apps.googleusercontent.com');
    await click(page.get('wizard-save-and-sign-in'));
    const problem = await eventually(() => page.get('oauth-problem'));
    expect(problem.dataset.code).toBe('windowClosed');
    expect(page.get('oauth-start').textContent).toBe('Start again');
  });
});

describe('adding a Microsoft 365 app-only sender', () => {
  it('tests the tenant, client ID and secret before saving, like a password', async () => {
    const bg = background({
      'profiles.diagnose': () => PASSED,
      'profiles.create': () => oauthProfile({ flow: 'client_credentials', status: 'ready' }, { id: 'p3' }),
    });
    const page = await wizardAtSignIn();
    await click(page.get('wizard-method-microsoft_app'));
    await type(page.get('wizard-tenant'), 'firma.onmicrosoft.com');
    await type(page.get('wizard-client-id'), '4d1f8c3e-2b6a-4e0f-9c7d-1a2b3c4d5e6f');
    const secret = page.get('wizard-client-secret') as HTMLInputElement;
    expect(secret.type).toBe('password');
    await type(secret, 'Xy8Q~secret');
    await type(page.get('wizard-app-mailbox'), 'faktura@firma.se');
    await click(page.get('wizard-test'));
    await eventually(() => expect(page.get('test-result').dataset.state).toBe('ok'));
    const auth = { type: 'oauth2', provider: 'microsoft', flow: 'client_credentials', tenantId: 'firma.onmicrosoft.com', clientId: '4d1f8c3e-2b6a-4e0f-9c7d-1a2b3c4d5e6f', clientSecret: 'Xy8Q~secret', username: 'faktura@firma.se' };
    expect(bg.sent('profiles.diagnose')[0]!.profile).toMatchObject({ auth });
    await click(page.get('wizard-save'));
    await eventually(() => expect(location.hash).toBe('#/senders'));
    expect(bg.sent('profiles.create')[0]!.profile).toMatchObject({ auth });
  });

  it('saves the client secret’s expiry date with it, for the relay’s reminders', async () => {
    const bg = background({
      'profiles.diagnose': () => PASSED,
      'profiles.create': () => oauthProfile({ flow: 'client_credentials', status: 'ready' }, { id: 'p3' }),
    });
    const page = await wizardAtSignIn();
    await click(page.get('wizard-method-microsoft_app'));
    await type(page.get('wizard-tenant'), 'firma.onmicrosoft.com');
    await type(page.get('wizard-client-id'), '4d1f8c3e-2b6a-4e0f-9c7d-1a2b3c4d5e6f');
    await type(page.get('wizard-client-secret'), 'Xy8Q~secret');
    expect((page.get('wizard-client-secret-expires') as HTMLInputElement).type).toBe('date');
    await type(page.get('wizard-client-secret-expires'), '2028-12-06');
    await type(page.get('wizard-app-mailbox'), 'faktura@firma.se');
    await click(page.get('wizard-test'));
    await eventually(() => expect(page.get('test-result').dataset.state).toBe('ok'));
    await click(page.get('wizard-save'));
    await eventually(() => expect(location.hash).toBe('#/senders'));
    expect(bg.sent('profiles.create')[0]!.profile).toMatchObject({ auth: { flow: 'client_credentials', clientSecretExpiresAt: '2028-12-06' } });
  });
});

describe('the senders list and the editor', () => {
  it('shows "needs sign-in again" in the list and signs in again right there', async () => {
    let profiles = [oauthProfile({ status: 'sign_in_again', problemCode: 'oauth_invalid_grant', hasRefreshToken: false })];
    const bg = background({
      'profiles.list': () => ({ profiles }),
      'oauth.start': () => PENDING,
      'oauth.status': () => {
        profiles = [oauthProfile({ status: 'ready', hasRefreshToken: true, account: 'anna@firma.se' })];
        return { ...PENDING, status: 'signed_in', userCode: undefined, account: 'anna@firma.se' };
      },
    });
    location.hash = '#/senders';
    const page = await renderPage(
      <ConnectionProvider>
        <SendersPage />
      </ConnectionProvider>,
    );
    const badge = await eventually(() => page.get('sender-badge-sign-in-again'));
    expect(badge.textContent).toBe('Sign in again');
    expect(page.get('sender-oauth-status').dataset.status).toBe('sign_in_again');
    expect(page.get('sender-oauth-status').textContent).toContain('Needs sign-in again');
    const start = page.get('oauth-start');
    expect(start.textContent).toBe('Sign in again');

    await click(start);
    await eventually(() => page.get('oauth-user-code'));
    await eventually(() => expect(page.get('sender-oauth-status').dataset.status).toBe('ready'), 6000);
    expect(page.get('sender-oauth-status').textContent).toContain('Signed in with Microsoft as anna@firma.se');
    expect(page.query('sender-badge-sign-in-again')).toBeNull();
    expect(bg.sent('profiles.list').length).toBeGreaterThanOrEqual(2);
  }, 15_000);

  it('shows the signed-in account in the editor and signs out after asking', async () => {
    let profiles = [oauthProfile({ status: 'ready', hasRefreshToken: true, account: 'anna@firma.se', signedInAt: '2026-11-20T10:00:00.000Z' })];
    const bg = background({
      'profiles.list': () => ({ profiles }),
      'profiles.delivery.get': () => ({ error: { code: 'not_found', message: 'no' } }),
      'oauth.signOut': () => {
        profiles = [oauthProfile({ status: 'sign_in_required' })];
        return { signedOut: true };
      },
    });
    location.hash = '#/senders/p1';
    const page = await renderPage(
      <ConnectionProvider>
        <SenderEditor id="p1" />
      </ConnectionProvider>,
    );
    await eventually(() => expect(page.get('sender-oauth-status').textContent).toContain('as anna@firma.se'));
    expect((page.get('editor-method-microsoft') as HTMLInputElement).checked).toBe(true);
    expect(page.query('editor-password')).toBeNull();

    await click(page.get('oauth-sign-out'));
    expect(page.text()).toContain('Sign out anna@firma.se?');
    await click(page.get('oauth-sign-out-confirm'));
    await eventually(() => expect(page.get('sender-oauth-status').dataset.status).toBe('sign_in_required'));
    expect(bg.sent('oauth.signOut')).toEqual([{ type: 'oauth.signOut', profileId: 'p1' }]);
    expect(page.get('oauth-start').textContent).toBe('Sign in with Microsoft');
  });

  it('switches a password sender to Microsoft sign-in: saved without a test, as the relay allows', async () => {
    const bg = background({
      'profiles.list': () => ({ profiles: [profile()] }),
      'profiles.delivery.get': () => ({ error: { code: 'not_found', message: 'no' } }),
      'profiles.update': () => oauthProfile({}),
    });
    location.hash = '#/senders/p1';
    const page = await renderPage(
      <ConnectionProvider>
        <SenderEditor id="p1" />
      </ConnectionProvider>,
    );
    await click(await eventually(() => page.get('editor-method-microsoft')));
    expect(page.get('editor-switch-hint').textContent).toContain('Save to switch');
    expect((page.get('editor-test') as HTMLButtonElement).disabled).toBe(true);
    expect(page.text()).toContain('can be tested once it is saved and you have signed in');
    const save = page.get('editor-save') as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    await click(save);
    await eventually(() => expect(bg.sent('profiles.update')).toHaveLength(1));
    expect(bg.sent('profiles.update')[0]!.patch).toEqual({ auth: { type: 'oauth2', provider: 'microsoft', flow: 'device_code', username: 'anna@firma.se' } });
  });
});
