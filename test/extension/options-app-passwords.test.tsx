/**
 * The options page's "Apps" section (issue 19): what to type into an app's own-SMTP settings, an
 * app password created and shown once, and one revoked after a confirmation.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AppPasswordView } from '../../shared/api-schemas';
import { Options } from '../../extension/entrypoints/options/Options';
import { fakeBackground } from './fake-background';
import { installFakeExtensionApis } from './fake-extension-apis';
import { choose, click, eventually, renderPage, type } from './render';
import { BO } from './sample-data';

beforeEach(() => {
  fakeBrowser.reset();
  installFakeExtensionApis();
  document.body.innerHTML = '';
  location.hash = '#/apps';
});

function relayWithAppPasswords(initial: AppPasswordView[]) {
  let items = [...initial];
  return fakeBackground({
    'connection.get': () => ({ connected: true, relayUrl: 'http://relay.firma.se:8787', user: BO }),
    'me.get': () => BO,
    'appPasswords.list': () => ({ appPasswords: items }),
    'appPasswords.create': (request) => {
      const item = { id: `a${items.length + 1}`, name: request.name, createdAt: '2026-12-06T08:00:00.000Z' };
      items = [...items, item];
      return { ...item, password: 'k7q4-m2xd-p9ra-3hfe-w6tn', username: BO.email };
    },
    'appPasswords.revoke': (request) => {
      items = items.filter((i) => i.id !== request.id);
      return { revoked: true };
    },
  });
}

describe('apps section of the options page', () => {
  it('tells what to type into the app, creates an app password and shows it once', async () => {
    const bg = relayWithAppPasswords([]);
    const page = await renderPage(<Options />);
    await eventually(() => page.get('app-passwords-empty'));
    expect(page.get('nav-apps').getAttribute('aria-current')).toBe('page');
    const settings = page.get('app-smtp-settings').textContent!;
    expect(settings).toContain('relay.firma.se');
    expect(settings).toContain('587');
    expect(settings).toContain('Username: bo@firma.se');

    await type(page.get('app-password-name'), 'Monitor G5');
    await click(page.get('app-password-create'));
    await eventually(() => page.get('app-password-created'));
    expect(bg.sent('appPasswords.create')).toEqual([{ type: 'appPasswords.create', name: 'Monitor G5' }]);
    expect(page.get('app-password-value').textContent).toBe('k7q4-m2xd-p9ra-3hfe-w6tn');
    await eventually(() => expect(page.all('app-password-item')).toHaveLength(1));
    expect(page.get('app-password-item').textContent).toContain('Monitor G5');
    expect(page.get('app-password-item').textContent).toContain('Not used yet');

    // Done: the password is gone from the page for good.
    await click(page.get('app-password-done'));
    expect(page.query('app-password-value')).toBeNull();
    expect(page.text()).not.toContain('k7q4-m2xd-p9ra-3hfe-w6tn');
  });

  it('revokes one only after the confirmation', async () => {
    const bg = relayWithAppPasswords([
      { id: 'a1', name: 'wFirma', createdAt: '2026-12-01T08:00:00.000Z', lastUsedAt: '2026-12-05T08:00:00.000Z' },
      { id: 'a2', name: 'Uniconta', createdAt: '2026-12-02T08:00:00.000Z' },
    ]);
    const page = await renderPage(<Options />);
    await eventually(() => expect(page.all('app-password-item')).toHaveLength(2));
    expect(page.all('app-password-item')[0]!.textContent).toContain('Last used');
    await click(page.all('app-password-revoke')[0]!);
    expect(bg.sent('appPasswords.revoke')).toEqual([]);
    expect(page.text()).toContain('Revoke the app password “wFirma”?');
    await click(page.get('app-password-revoke-confirm'));
    await eventually(() => expect(page.all('app-password-item')).toHaveLength(1));
    expect(bg.sent('appPasswords.revoke')).toEqual([{ type: 'appPasswords.revoke', id: 'a1' }]);
    expect(page.get('app-password-item').textContent).toContain('Uniconta');
  });

  it('speaks the language chosen for the page', async () => {
    relayWithAppPasswords([]);
    const page = await renderPage(<Options />);
    await eventually(() => page.get('app-passwords-empty'));
    await choose(page.get('language-select'), 'sv');
    await eventually(() => expect(page.get('nav-apps').textContent).toBe('Appar'));
    expect(page.get('app-password-create').textContent).toBe('Skapa applösenord');
  });
});
