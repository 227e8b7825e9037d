import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DiscoveryResult } from '../../shared/api-schemas';
import type { DiagnosisResult } from '../../shared/extension-messages';
import { findProviderById } from '../../shared/providers';
import { ConnectionProvider } from '../../extension/entrypoints/options/connection';
import { SenderWizard } from '../../extension/entrypoints/options/SenderWizard';
import { preferencesItem } from '../../extension/lib/settings-items';
import { fakeBackground, type BackgroundHandlers } from './fake-background';
import { check, choose, click, eventually, renderPage, type, type Rendered } from './render';
import { ANNA, BO, profile } from './sample-data';

const GMAIL: DiscoveryResult = {
  email: 'anna.berg@gmail.com',
  domain: 'gmail.com',
  source: 'builtin',
  provider: { id: 'gmail', name: 'Gmail' },
  smtp: [
    { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
    { host: 'smtp.gmail.com', port: 465, security: 'tls' },
  ],
  username: 'anna.berg@gmail.com',
  auth: ['app_password', 'oauth2'],
  notes: ['Gmail needs an app password (with 2-Step Verification) or Google sign-in (OAuth).'],
};

const STAGES_UP_TO_AUTH = [
  { stage: 'dns', ok: true, ms: 3, detail: 'smtp.gmail.com is 142.250.74.109' },
  { stage: 'connect', ok: true, ms: 21, detail: 'connected' },
  { stage: 'tls', ok: true, ms: 40, detail: 'TLSv1.3' },
  { stage: 'ehlo', ok: true, ms: 12, detail: 'SIZE 35882577' },
] as const;

const BAD_PASSWORD: DiagnosisResult = {
  ok: false,
  stages: [...STAGES_UP_TO_AUTH, { stage: 'auth', ok: false, ms: 230, detail: 'AUTH PLAIN refused', reply: '535-5.7.8 Username and Password not accepted' }],
  problem: {
    code: 'gmail_bad_credentials',
    title: 'Google did not accept the username or password',
    explanation: 'Gmail refused the sign-in.',
    fix: 'Use an app password.',
  },
  testedAt: '2026-11-23T10:00:00.000Z',
};

const WRONG_PORT: DiagnosisResult = {
  ok: false,
  stages: [
    { stage: 'dns', ok: true, ms: 3, detail: 'ok' },
    { stage: 'connect', ok: false, ms: 10_000, detail: 'Greeting never received' },
  ],
  problem: { code: 'greeting_timeout', title: 'The server never said hello', explanation: 'Port 465 waits for TLS.', fix: 'Use TLS on 465.' },
  suggestion: { smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' } },
  testedAt: '2026-11-23T10:00:00.000Z',
};

const PASSED: DiagnosisResult = {
  ok: true,
  stages: [...STAGES_UP_TO_AUTH, { stage: 'auth', ok: true, ms: 80, detail: 'AUTH PLAIN' }, { stage: 'sender', ok: true, ms: 9, detail: 'MAIL FROM accepted' }],
  testedAt: '2026-11-23T10:00:00.000Z',
};

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
  location.hash = '#/senders/new';
});

function background(extra: BackgroundHandlers = {}, user = ANNA) {
  return fakeBackground({
    'connection.get': () => ({ connected: true, relayUrl: 'http://127.0.0.1:8787', user }),
    'me.get': () => user,
    'profiles.list': () => ({ profiles: [] }),
    discover: () => GMAIL,
    ...extra,
  });
}

async function openWizard(): Promise<Rendered> {
  const page = await renderPage(
    <ConnectionProvider>
      <SenderWizard />
    </ConnectionProvider>,
  );
  await eventually(() => page.get('wizard-email'));
  return page;
}

async function throughToPassword(page: Rendered, email = 'anna.berg@gmail.com') {
  await type(page.get('wizard-email'), email);
  await click(page.get('wizard-continue'));
  await eventually(() => expect(page.get('sender-wizard').dataset.step).toBe('server'));
  await click(page.get('wizard-continue'));
  await eventually(() => page.get('wizard-password'));
}

describe('adding a sender', () => {
  it('fills the server settings from discovery and shows the provider’s notes and what kind of password it wants', async () => {
    const bg = background();
    const page = await openWizard();
    await type(page.get('wizard-email'), ' Anna.Berg@Gmail.com ');
    await click(page.get('wizard-continue'));

    await eventually(() => expect(page.get('sender-wizard').dataset.step).toBe('server'));
    // The domain is normalised; the local part is the mailbox owner's to spell.
    expect(bg.sent('discover')[0]).toMatchObject({ email: 'Anna.Berg@gmail.com', language: 'en' });
    expect(page.get('wizard-provider').dataset.source).toBe('provider');
    expect(page.get('wizard-provider').textContent).toContain('This is a Gmail address');
    expect(page.get('wizard-notes').textContent).toContain('app password (with 2-Step Verification)');
    expect((page.get('wizard-host') as HTMLInputElement).value).toBe('smtp.gmail.com');
    expect((page.get('wizard-port') as HTMLInputElement).value).toBe('587');
    expect((page.get('wizard-security-starttls') as HTMLInputElement).checked).toBe(true);
    expect((page.get('wizard-username') as HTMLInputElement).value).toBe('anna.berg@gmail.com');

    await click(page.get('wizard-continue'));
    await eventually(() => expect(page.get('wizard-auth-advice').textContent).toContain('Gmail needs an app password here'));
    expect(page.text()).toContain('App password');
  });

  it('shows a failing test’s explanation and fix, and keeps Save closed until a test passes', async () => {
    const bg = background({ 'profiles.diagnose': () => BAD_PASSWORD });
    const page = await openWizard();
    await throughToPassword(page);
    await type(page.get('wizard-password'), 'my normal password');
    await click(page.get('wizard-test'));

    const result = await eventually(() => page.get('test-result'));
    expect(result.dataset.state).toBe('failed');
    expect(page.get('test-problem').dataset.code).toBe('gmail_bad_credentials');
    expect(result.textContent).toContain('Google did not accept the username or password');
    expect(page.get('test-explanation').textContent).toBe('Gmail refused the sign-in.');
    expect(page.get('test-fix').textContent).toBe('Use an app password.');
    expect(page.get('test-reply').textContent).toContain('535-5.7.8');
    const stages = page.all('test-stage').map((s) => `${s.dataset.stage}:${s.dataset.ok}`);
    expect(stages).toEqual(['dns:true', 'connect:true', 'tls:true', 'ehlo:true', 'auth:false']);
    expect((page.get('wizard-save') as HTMLButtonElement).disabled).toBe(true);

    // The test sent exactly what the user typed, to the relay's unsaved-profile test.
    expect(bg.sent('profiles.diagnose')[0]).toMatchObject({
      language: 'en',
      profile: {
        fromAddress: 'anna.berg@gmail.com',
        smtp: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
        auth: { type: 'password', username: 'anna.berg@gmail.com', password: 'my normal password' },
      },
    });
  });

  it('applies the relay’s suggested fix with one click, tests again, and saves once that passes', async () => {
    const answers = [WRONG_PORT, PASSED];
    const bg = background({
      'profiles.diagnose': () => answers.shift()!,
      'profiles.create': (request) => profile({ id: 'new', fromAddress: String(request.profile.fromAddress) }),
    });
    const page = await openWizard();
    await throughToPassword(page);
    await type(page.get('wizard-password'), 'abcd efgh ijkl mnop');
    await click(page.get('wizard-test'));
    await click(await eventually(() => page.get('test-suggestion')));

    await eventually(() => expect(page.get('test-result').dataset.state).toBe('ok'));
    expect(bg.sent('profiles.diagnose')[1]!.profile).toMatchObject({ smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' } });
    const save = page.get('wizard-save') as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    // The first sender becomes the default.
    expect((page.get('wizard-default') as HTMLInputElement).checked).toBe(true);

    await click(save);
    await eventually(() => expect(location.hash).toBe('#/senders'));
    const [created] = bg.sent('profiles.create');
    expect(created).toEqual({
      type: 'profiles.create',
      profile: {
        name: 'Gmail',
        scope: 'personal',
        fromName: 'Anna Berg',
        fromAddress: 'anna.berg@gmail.com',
        smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
        auth: { type: 'password', username: 'anna.berg@gmail.com', password: 'abcd efgh ijkl mnop' },
        isDefault: true,
      },
    });
  });

  it('judges Save by the latest test of the settings on screen, not an earlier pass', async () => {
    const answers = [PASSED, BAD_PASSWORD];
    const bg = background({ 'profiles.diagnose': () => answers.shift()! });
    const page = await openWizard();
    await throughToPassword(page);
    await type(page.get('wizard-password'), 'secret-1');
    await click(page.get('wizard-test'));
    await eventually(() => expect((page.get('wizard-save') as HTMLButtonElement).disabled).toBe(false));

    await click(page.get('wizard-edit-settings'));
    await type(await eventually(() => page.get('wizard-port')), '2525');
    await click(page.get('wizard-continue'));
    await click(await eventually(() => page.get('wizard-test')));

    await eventually(() => expect(page.get('test-result').dataset.state).toBe('failed'));
    expect((page.get('wizard-save') as HTMLButtonElement).disabled).toBe(true);
    expect(bg.sent('profiles.diagnose')[1]!.profile).toMatchObject({ smtp: { port: 2525 } });
  });

  it('lets an admin save anyway after a failing test, and says the relay records it', async () => {
    const bg = background({ 'profiles.diagnose': () => WRONG_PORT, 'profiles.create': () => profile({ id: 'forced' }) });
    const page = await openWizard();
    await throughToPassword(page);
    await type(page.get('wizard-password'), 'whatever');
    await click(page.get('wizard-test'));
    await click(await eventually(() => page.get('wizard-force-save')));
    await eventually(() => expect(bg.sent('profiles.create')).toHaveLength(1));
    expect(bg.sent('profiles.create')[0]!.force).toBe(true);
  });

  it('offers no "Save anyway" after a definite wrong password, and "Change the password" only for sign-in failures', async () => {
    let answer = BAD_PASSWORD;
    const bg = background({ 'profiles.diagnose': () => answer });
    const page = await openWizard();
    await throughToPassword(page);
    await type(page.get('wizard-password'), 'wrong');
    await click(page.get('wizard-test'));
    await eventually(() => expect(page.get('test-result').dataset.state).toBe('failed'));
    expect(page.query('wizard-force-save')).toBeNull();
    expect(page.get('wizard-retest').textContent).toBe('Change the password and test again');
    expect(page.query('wizard-test-again')).toBeNull();

    answer = WRONG_PORT;
    await click(page.get('wizard-retest'));
    await click(await eventually(() => page.get('wizard-test')));
    await eventually(() => expect(page.get('test-result').textContent).toContain('The server never said hello'));
    expect(page.query('wizard-retest')).toBeNull();
    await click(page.get('wizard-test-again'));
    await eventually(() => expect(bg.sent('profiles.diagnose')).toHaveLength(3));
    await eventually(() => page.get('wizard-force-save'));
  });

  it('does not offer a member to save untested', async () => {
    background({ 'profiles.diagnose': () => BAD_PASSWORD }, BO);
    const page = await openWizard();
    await eventually(() => expect(page.text()).toBeTruthy());
    await throughToPassword(page, 'bo@gmail.com');
    await type(page.get('wizard-password'), 'x');
    await click(page.get('wizard-test'));
    await eventually(() => page.get('test-result'));
    expect(page.query('wizard-force-save')).toBeNull();
    expect(page.query('wizard-company')).toBeNull();
  });

  it('shows the relay’s test when it refuses the save (test before save)', async () => {
    background({
      'profiles.diagnose': () => PASSED,
      'profiles.create': () => ({
        error: { code: 'profile_test_failed', message: 'The sender test failed.', details: { diagnosis: BAD_PASSWORD } } as never,
      }),
    });
    const page = await openWizard();
    await throughToPassword(page);
    await type(page.get('wizard-password'), 'changed meanwhile');
    await click(page.get('wizard-test'));
    await check(await eventually(() => page.get('wizard-default')), false);
    await click(page.get('wizard-save'));
    await eventually(() => expect(page.get('test-result').dataset.state).toBe('failed'));
    expect(page.get('save-error').textContent).toContain('The sender test failed.');
    expect((page.get('wizard-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('still fills in a known provider when the relay has no discovery yet (404)', async () => {
    background({ discover: () => ({ error: { code: 'not_found', message: 'There is nothing at GET /v1/discover.' } }) });
    const page = await openWizard();
    await type(page.get('wizard-email'), 'anna@outlook.com');
    await click(page.get('wizard-continue'));
    await eventually(() => expect((page.get('wizard-host') as HTMLInputElement).value).toBe('smtp-mail.outlook.com'));
    expect(page.get('wizard-provider').dataset.provider).toBe('outlook');
  });

  it('lets the user pick a sending service from the list, which no address could find, and go back to what was found', async () => {
    const NOTHING: DiscoveryResult = { email: 'faktura@firma.se', domain: 'firma.se', source: 'none', smtp: [], notes: [] };
    background({ discover: () => NOTHING });
    const page = await openWizard();
    await type(page.get('wizard-email'), 'faktura@firma.se');
    await click(page.get('wizard-continue'));
    await eventually(() => expect(page.get('wizard-provider').dataset.source).toBe('none'));

    const list = page.get('wizard-provider-choice') as HTMLSelectElement;
    const groups = [...list.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toEqual(['Mailbox providers', 'Web hosting for your own domain', 'Sending services']);
    expect([...list.querySelectorAll('optgroup')[2]!.querySelectorAll('option')].map((o) => o.value)).toContain('sendgrid');

    await choose(list, 'sendgrid');
    await eventually(() => expect((page.get('wizard-host') as HTMLInputElement).value).toBe('smtp.sendgrid.net'));
    expect(page.get('wizard-provider').dataset.source).toBe('chosen');
    expect(page.get('wizard-provider').textContent).toContain('You chose SendGrid');

    await choose(list, 'loopia');
    await eventually(() => expect((page.get('wizard-host') as HTMLInputElement).value).toBe('mailcluster.loopia.se'));

    await choose(list, '');
    await eventually(() => expect(page.get('wizard-provider').dataset.source).toBe('none'));
    expect((page.get('wizard-host') as HTMLInputElement).value).toBe('smtp.firma.se');
  });

  it('shows the provider’s notes in the page’s language, and marks only a note nobody translated as English', async () => {
    const notes = [...findProviderById('gmail')!.notes, 'A note the relay knows and the extension does not.'];
    await preferencesItem.setValue({ language: 'pl' });
    background({ discover: () => ({ ...GMAIL, notes }) });
    const page = await openWizard();
    await type(page.get('wizard-email'), 'anna.berg@gmail.com');
    await click(page.get('wizard-continue'));
    await eventually(() => page.get('wizard-notes'));
    const items = [...page.get('wizard-notes').querySelectorAll('li')];
    expect(items[0]!.textContent).toBe('Gmail wymaga hasła do aplikacji (z weryfikacją dwuetapową) albo logowania Google (OAuth). Zwykłe hasło przestało działać 30 maja 2022.');
    expect(items[0]!.lang).toBe('pl');
    expect(items.at(-1)!.textContent).toBe('A note the relay knows and the extension does not. (po angielsku)');
    expect(page.get('wizard-notes').querySelector('summary')!.textContent).toBe('Wskazówki dla Gmail');
  });

  it('says “in English” nowhere in the English page', async () => {
    background({ discover: () => ({ ...GMAIL, notes: ['A note the relay knows and the extension does not.'] }) });
    const page = await openWizard();
    await type(page.get('wizard-email'), 'anna.berg@gmail.com');
    await click(page.get('wizard-continue'));
    await eventually(() => page.get('wizard-notes'));
    expect(page.text()).toContain('A note the relay knows and the extension does not.');
    expect(page.text()).not.toMatch(/in English/i);
  });

  it('refuses an address that is not one, before asking the relay', async () => {
    const bg = background();
    const page = await openWizard();
    await type(page.get('wizard-email'), 'anna at firma');
    await click(page.get('wizard-continue'));
    await eventually(() => expect(page.text()).toContain('This is not an e-mail address'));
    expect(bg.sent('discover')).toEqual([]);
  });

  it('asks the relay to explain problems in the language the user chose', async () => {
    await preferencesItem.setValue({ language: 'de' });
    const bg = background({ 'profiles.diagnose': () => BAD_PASSWORD });
    const page = await openWizard();
    await throughToPassword(page);
    expect(page.text()).toContain('App-Passwort');
    await type(page.get('wizard-password'), 'x');
    await click(page.get('wizard-test'));
    await eventually(() => page.get('test-result'));
    expect(bg.sent('profiles.diagnose')[0]!.language).toBe('de');
    expect(bg.sent('discover')[0]!.language).toBe('de');
  });
});
