import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DiagnosisResult } from '../../shared/extension-messages';
import type { DeliverySettingsView, ProfileView } from '../../shared/schemas';
import { ConnectionProvider } from '../../extension/entrypoints/options/connection';
import { SenderEditor } from '../../extension/entrypoints/options/SenderEditor';
import { fakeBackground, type BackgroundHandlers } from './fake-background';
import { check, choose, click, eventually, renderPage, type, type Rendered } from './render';
import { ANNA, BO, profile } from './sample-data';

const SAVED = profile({ id: 'p1', replyTo: 'faktura@firma.se', fromAddress: 'anna@firma.se' });
const DELIVERY: DeliverySettingsView = { profileId: 'p1', maxConnections: 3, effective: { maxMessageBytes: 35_000_000, maxConnections: 3 } };
const PASSED: DiagnosisResult = { ok: true, stages: [{ stage: 'auth', ok: true, ms: 50, detail: 'ok' }], testedAt: '2026-11-23T10:00:00.000Z' };

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
  location.hash = '#/senders/p1';
});

function background(extra: BackgroundHandlers = {}, options: { user?: typeof ANNA; profiles?: ProfileView[] } = {}) {
  const user = options.user ?? ANNA;
  return fakeBackground({
    'connection.get': () => ({ connected: true, relayUrl: 'http://127.0.0.1:8787', user }),
    'me.get': () => user,
    'profiles.list': () => ({ profiles: options.profiles ?? [SAVED] }),
    'profiles.delivery.get': () => DELIVERY,
    'profiles.update': (request) => ({ ...SAVED, ...(request.patch as Partial<ProfileView>) }),
    'profiles.delivery.put': () => DELIVERY,
    ...extra,
  });
}

async function openEditor(id = 'p1'): Promise<Rendered> {
  const page = await renderPage(
    <ConnectionProvider>
      <SenderEditor id={id} />
    </ConnectionProvider>,
  );
  await eventually(() => page.get('editor-name'));
  return page;
}

const input = (page: Rendered, id: string) => page.get(id) as HTMLInputElement;

describe('editing a sender', () => {
  it('saves the rules, reply-to, sites and projects as a patch of just the changed fields, without a test', async () => {
    const bg = background();
    const page = await openEditor();
    expect(input(page, 'editor-reply-to').value).toBe('faktura@firma.se');

    await type(page.get('editor-reply-to'), 'billing@firma.se');
    await check(page.get('editor-allow-other'));
    await type(await eventually(() => page.get('editor-allowed-senders')), 'sales@firma.se\n@brand.example\n');
    await choose(page.get('editor-sender-style'), 'send_as');
    await check(page.get('editor-bcc-self'));
    await type(page.get('editor-sites'), '*.wfirma.pl\nhttps://app.example.com/brand-b/');
    await type(page.get('editor-projects'), 'Brand B');
    expect(page.query('editor-force-save')).toBeNull();
    await click(page.get('editor-save'));

    await eventually(() => expect(location.hash).toBe('#/senders'));
    expect(bg.sent('profiles.update')).toEqual([
      {
        type: 'profiles.update',
        id: 'p1',
        patch: {
          replyTo: 'billing@firma.se',
          allowOtherSender: true,
          allowedSenders: ['sales@firma.se', '@brand.example'],
          senderStyle: 'send_as',
          bccSelf: true,
          sites: ['*.wfirma.pl', 'https://app.example.com/brand-b/'],
          projects: ['Brand B'],
        },
      },
    ]);
    expect(bg.sent('profiles.diagnose')).toEqual([]);
    expect(bg.sent('profiles.delivery.put')).toEqual([]);
  });

  it('saves an archive address as a patch of just that field', async () => {
    const bg = background();
    const page = await openEditor();
    await type(page.get('editor-archive-address'), 'arkiv@firma.se');
    await click(page.get('editor-save'));
    await eventually(() => expect(bg.sent('profiles.update')).toHaveLength(1));
    expect(bg.sent('profiles.update')[0]!.patch).toEqual({ archiveAddress: 'arkiv@firma.se' });
  });

  it('removes an optional field the user emptied', async () => {
    const bg = background();
    const page = await openEditor();
    await type(page.get('editor-reply-to'), '');
    await click(page.get('editor-save'));
    await eventually(() => expect(bg.sent('profiles.update')).toHaveLength(1));
    expect(bg.sent('profiles.update')[0]!.patch).toEqual({ replyTo: null });
  });

  it('needs a passing test for a server change, tested with the saved password, before Save opens', async () => {
    const bg = background({ 'profiles.diagnose': () => PASSED });
    const page = await openEditor();
    // The same server and port, another security mode: the saved password may be used.
    await click(page.get('editor-security-tls'));
    await type(page.get('editor-port'), '587');

    const save = page.get('editor-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(page.text()).toContain('You changed the server or the sign-in: test it before saving.');

    await click(page.get('editor-test'));
    await eventually(() => expect(page.get('test-result').dataset.state).toBe('ok'));
    expect(bg.sent('profiles.diagnose')[0]!.profile).toMatchObject({
      profileId: 'p1',
      smtp: { host: 'smtp.office365.com', port: 587, security: 'tls' },
      auth: { type: 'password', username: 'anna@firma.se' },
    });
    expect(bg.sent('profiles.diagnose')[0]!.profile.auth).not.toHaveProperty('password');

    expect(save.disabled).toBe(false);
    await click(save);
    await eventually(() => expect(bg.sent('profiles.update')).toHaveLength(1));
    expect(bg.sent('profiles.update')[0]!.patch).toEqual({ smtp: { security: 'tls' } });
  });

  it('asks for the password again when the sender moves to another port (a saved password never goes to a new server)', async () => {
    background();
    const page = await openEditor();
    await type(page.get('editor-port'), '25');
    expect((page.get('editor-test') as HTMLButtonElement).disabled).toBe(true);
    expect(page.text()).toContain('type its password again');
    await type(page.get('editor-password'), 'the password');
    expect((page.get('editor-test') as HTMLButtonElement).disabled).toBe(false);
  });

  it('offers sending the password unencrypted only with "No encryption", with a warning, and saves the choice', async () => {
    const bg = background({ 'profiles.diagnose': () => PASSED });
    const page = await openEditor();
    expect(page.query('editor-plaintext-auth')).toBeNull();
    await click(page.get('editor-security-none'));
    await type(page.get('editor-port'), '587');
    const box = await eventually(() => page.get('editor-plaintext-auth'));
    expect(box.textContent).toContain('Anyone on the network between the relay and the mail server can read the password');
    await check(box.querySelector('input')!);
    await click(page.get('editor-test'));
    await eventually(() => expect(page.get('test-result').dataset.state).toBe('ok'));
    expect(bg.sent('profiles.diagnose')[0]!.profile.smtp).toMatchObject({ security: 'none', allowPlaintextAuth: true });
    await click(page.get('editor-save'));
    await eventually(() => expect(bg.sent('profiles.update')).toHaveLength(1));
    expect(bg.sent('profiles.update')[0]!.patch).toEqual({ smtp: { security: 'none', allowPlaintextAuth: true } });
  });

  it('offers the test right in the save bar that asks for it', async () => {
    const bg = background({ 'profiles.diagnose': () => PASSED });
    const page = await openEditor();
    expect(page.query('editor-savebar-test')).toBeNull();
    // Another security mode on the same server and port: testable with the saved password.
    await click(page.get('editor-security-tls'));
    await type(page.get('editor-port'), '587');
    await click(page.get('editor-savebar-test'));
    await eventually(() => expect(page.get('test-result').dataset.state).toBe('ok'));
    expect(bg.sent('profiles.diagnose')).toHaveLength(1);
    expect(page.query('editor-savebar-test')).toBeNull();
    expect((page.get('editor-save') as HTMLButtonElement).disabled).toBe(false);
  });

  it('asks for the password when the username changes, since the saved one belongs to the old name', async () => {
    background();
    const page = await openEditor();
    await type(page.get('editor-username'), 'faktura@firma.se');
    expect((page.get('editor-test') as HTMLButtonElement).disabled).toBe(true);
    expect(page.text()).toContain('type its password');
    await type(page.get('editor-password'), 'new secret');
    expect((page.get('editor-test') as HTMLButtonElement).disabled).toBe(false);
  });

  it('tests the saved settings as they are when nothing changed', async () => {
    const bg = background({ 'profiles.test': () => PASSED });
    const page = await openEditor();
    await click(page.get('editor-test'));
    await eventually(() => page.get('test-result'));
    expect(bg.sent('profiles.test')).toEqual([{ type: 'profiles.test', id: 'p1', language: 'en' }]);
  });

  it('lets an admin save a server change untested, with force', async () => {
    const bg = background();
    const page = await openEditor();
    await type(page.get('editor-host'), 'mail.firma.se');
    await click(page.get('editor-force-save'));
    await eventually(() => expect(bg.sent('profiles.update')).toHaveLength(1));
    expect(bg.sent('profiles.update')[0]).toMatchObject({ force: true, patch: { smtp: { host: 'mail.firma.se' } } });
  });

  it('puts the size limit and the Sent copy into the delivery settings, keeping what this page does not edit', async () => {
    const bg = background();
    const page = await openEditor();
    expect(page.text()).toContain('now 35 MB');
    await type(page.get('editor-max-size'), '20');
    await check(page.get('editor-sent-copy'));
    expect(input(page, 'editor-imap-host').value).toBe('imap.firma.se');
    await type(page.get('editor-imap-host'), 'outlook.office365.com');
    await type(page.get('editor-imap-folder'), 'Sent Items');
    await click(page.get('editor-save'));

    await eventually(() => expect(bg.sent('profiles.delivery.put')).toHaveLength(1));
    expect(bg.sent('profiles.update')).toEqual([]);
    expect(bg.sent('profiles.delivery.put')[0]!.settings).toEqual({
      maxConnections: 3,
      maxMessageBytes: 20_000_000,
      saveToSent: { host: 'outlook.office365.com', port: 993, security: 'tls', folder: 'Sent Items' },
    });
  });

  it('shows the relay’s test of Sent-folder settings that failed, and lets an admin save them anyway', async () => {
    const diagnosis = {
      ok: false,
      stages: [
        { stage: 'dns', ok: true, ms: 3, detail: 'imap.firma.se is 192.0.2.7.' },
        { stage: 'connect', ok: true, ms: 20, detail: 'Connected to imap.firma.se:993.' },
        { stage: 'tls', ok: true, ms: 0, detail: 'Encrypted from the start (implicit TLS): TLSv1.3' },
        { stage: 'auth', ok: true, ms: 0, detail: 'Signed in as anna@firma.se with IMAP LOGIN.' },
        { stage: 'folder', ok: false, ms: 4, detail: 'There is no folder Skickat: Mailbox does not exist' },
      ],
      problem: { code: 'sent_folder_missing', title: 'The Sent folder was not found', explanation: '…', fix: 'Leave the folder empty…' },
      testedAt: '2026-12-06T08:00:00.000Z',
    };
    let puts = 0;
    const bg = background({
      'profiles.delivery.put': () =>
        ++puts === 1 ? ({ error: { code: 'sent_folder_test_failed', message: 'The Sent-folder settings were not saved because their test failed.', details: { diagnosis } } } as never) : DELIVERY,
    });
    const page = await openEditor();
    await check(page.get('editor-sent-copy'));
    await type(page.get('editor-imap-folder'), 'Skickat');
    await click(page.get('editor-save'));

    await eventually(() => page.get('editor-sent-test'));
    expect(page.get('editor-sent-test').textContent).toContain('Find the Sent folder');
    expect(page.get('editor-sent-test').textContent).toContain('The Sent folder was not found');
    expect(location.hash).toBe('#/senders/p1');
    await click(page.get('editor-sent-force-save'));
    await eventually(() => expect(location.hash).toBe('#/senders'));
    const [first, second] = bg.sent('profiles.delivery.put');
    expect(first).toMatchObject({ language: 'en', settings: { saveToSent: { folder: 'Skickat' } } });
    expect(first!.settings).not.toHaveProperty('force');
    expect(second!.settings).toMatchObject({ force: true, saveToSent: { folder: 'Skickat' } });
  });

  it('warns that a provider which files its own Sent copy would get two', async () => {
    background({}, { profiles: [profile({ id: 'p1', fromAddress: 'anna@gmail.com' })] });
    const page = await openEditor();
    await check(page.get('editor-sent-copy'));
    expect(page.get('editor-sent-copy-twice').textContent).toContain('Gmail');
    expect(input(page, 'editor-imap-host').value).toBe('imap.gmail.com');
  });

  it('shows the relay’s objection next to the field it concerns', async () => {
    background({
      'profiles.update': () => ({
        error: { code: 'validation_failed', message: 'replyTo: not an address', details: [{ path: 'replyTo', message: 'the address has no @' }] } as never,
      }),
    });
    const page = await openEditor();
    await type(page.get('editor-reply-to'), 'faktura.firma.se');
    await click(page.get('editor-save'));
    await eventually(() => expect(page.text()).toContain('the address has no @'));
    expect(page.get('editor-reply-to').getAttribute('aria-invalid')).toBe('true');
    expect(location.hash).toBe('#/senders/p1');
  });

  it('shows a company sender read-only to a member', async () => {
    background({}, { user: BO, profiles: [profile({ id: 'c1', scope: 'company', ownerEmail: null })] });
    const page = await openEditor('c1');
    expect(page.text()).toContain('Your company’s admin manages this sender.');
    expect(input(page, 'editor-reply-to').closest('fieldset')!.disabled).toBe(true);
    expect(page.query('editor-save')).toBeNull();
  });
});
