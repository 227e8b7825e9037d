import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ConnectionState } from '../../shared/extension-messages';
import { Popup } from '../../extension/entrypoints/popup/Popup';
import { enabledSitesItem, preferencesItem } from '../../extension/lib/settings-items';
import { fakeBackground } from './fake-background';
import { installFakeExtensionApis, type FakeExtensionApis } from './fake-extension-apis';
import { click, eventually, renderPage, type } from './render';
import { ANNA, message, profile } from './sample-data';

const CONNECTED: ConnectionState = { connected: true, relayUrl: 'http://127.0.0.1:8787', user: ANNA };

let apis: FakeExtensionApis;

beforeEach(() => {
  fakeBrowser.reset();
  apis = installFakeExtensionApis();
  history.replaceState(null, '', '/popup.html');
  document.body.innerHTML = '';
});

/** The popup opened over a tab showing `url` (as `?tab=`, the way a page of its own names its tab). */
async function openOver(url: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  history.replaceState(null, '', `/popup.html?tab=${tab.id}`);
  return tab;
}

describe('popup, not connected', () => {
  it('pairs with the relay address and code the user types, then shows who is connected', async () => {
    const background = fakeBackground({
      'connection.get': () => ({ connected: false }),
      'connection.pair': () => CONNECTED,
      'profiles.list': () => ({ profiles: [] }),
      'messages.list': () => ({ messages: [] }),
    });
    const popup = await renderPage(<Popup />);
    await eventually(() => popup.get('connect'));
    expect((popup.get('relay-url') as HTMLInputElement).value).toBe('http://127.0.0.1:8787');

    await type(popup.get('pairing-code'), '  K7QP-4XMA ');
    await click(popup.get('connect'));

    await eventually(() => expect(popup.get('connected-as').textContent).toBe('anna@firma.se'));
    expect(background.sent('connection.pair')).toEqual([{ type: 'connection.pair', relayUrl: 'http://127.0.0.1:8787/', code: 'K7QP-4XMA' }]);
    // A relay on this computer needs no extra permission.
    expect(apis.requests).toEqual([]);
  });

  it('asks for a remote relay’s permission at connect time, and does not pair without it', async () => {
    const background = fakeBackground({ 'connection.get': () => ({ connected: false }), 'connection.pair': () => CONNECTED });
    apis.answerPrompts = false;
    const popup = await renderPage(<Popup />);
    await eventually(() => popup.get('connect'));
    await type(popup.get('relay-url'), 'https://relay.firma.se');
    await type(popup.get('pairing-code'), 'K7QP-4XMA');
    await click(popup.get('connect'));

    await eventually(() => expect(popup.get('connect-error').textContent).toContain('relay.firma.se'));
    expect(apis.requests).toEqual([['https://relay.firma.se/*']]);
    expect(background.sent('connection.pair')).toEqual([]);
  });

  it('explains a wrong pairing code in the user’s language, with the command that makes a new one', async () => {
    await preferencesItem.setValue({ language: 'sv' });
    fakeBackground({
      'connection.get': () => ({ connected: false }),
      'connection.pair': () => ({ error: { code: 'pairing_code_invalid', message: 'The pairing code is not valid.' } }),
    });
    const popup = await renderPage(<Popup />);
    await eventually(() => popup.get('connect'));
    await type(popup.get('pairing-code'), 'WRONG-123');
    await click(popup.get('connect'));
    const error = await eventually(() => popup.get('connect-error'));
    expect(error.textContent).toContain('Parkopplingskoden är fel');
    expect(error.textContent).toContain('npx ownpost pair');
    expect(document.documentElement.lang).toBe('sv');
  });
});

describe('popup, connected', () => {
  function connectedBackground() {
    return fakeBackground({
      'connection.get': () => CONNECTED,
      'profiles.list': () => ({
        profiles: [
          profile({ id: 'c1', scope: 'company', isDefault: true, fromName: 'Firma AB', fromAddress: 'faktura@firma.se', ownerEmail: null }),
          profile({ id: 'p1', isDefault: true }),
        ],
      }),
      'messages.list': () => ({
        messages: [
          message({ id: 'm2', subject: 'Faktura 2026-0043', status: 'failed', sentAt: undefined, problem: { code: 'ms_bad_credentials', title: 'Microsoft did not accept the password', explanation: '…', fix: '…' } }),
          message(),
        ],
      }),
    });
  }

  it('shows who you are, the personal default sender (it wins over the company’s), and the last sends with their status', async () => {
    const background = connectedBackground();
    const popup = await renderPage(<Popup />);
    await eventually(() => expect(popup.all('popup-recent-item')).toHaveLength(2));

    expect(popup.get('connected-as').textContent).toBe('anna@firma.se');
    expect(popup.text()).toContain('Anna Berg');
    expect(popup.get('popup-sender').textContent).toContain('Anna Berg <anna@firma.se>');
    expect(popup.get('popup-sender').textContent).toContain('Personal');
    const statuses = popup.all('message-status').map((s) => s.dataset.status);
    expect(statuses).toEqual(['failed', 'sent']);
    expect(popup.text()).toContain('Microsoft did not accept the password');
    expect(background.sent('messages.list')[0]).toMatchObject({ limit: 5, language: 'en' });
  });

  it('reminds an admin of client secrets about to expire, and opens that sender in the options page', async () => {
    const reminders = [
  { kind: 'client_secret_expiry', profileId: 'c9', profileName: 'Faktura (app)', expiresAt: '2026-12-10', daysLeft: 4, stage: 'days_7' },
  { kind: 'client_secret_expiry', profileId: 'c8', profileName: 'Sales (app)', expiresAt: '2026-12-30', daysLeft: 24, stage: 'days_30' },
] as const;
    fakeBackground({
      'connection.get': () => CONNECTED,
      'me.get': () => ({ ...ANNA, reminders: [...reminders] }),
      'profiles.list': () => ({ profiles: [] }),
      'messages.list': () => ({ messages: [] }),
    });
    const popup = await renderPage(<Popup />);
    await eventually(() => expect(popup.all('secret-reminder')).toHaveLength(2));
    expect(popup.all('secret-reminder').map((r) => r.dataset.stage)).toEqual(['days_7', 'days_30']);
    expect(popup.all('secret-reminder')[0]!.textContent).toContain('“Faktura (app)” expires on 10 Dec 2026: only 4 days left');
    await click(popup.all('secret-reminder-open')[0]!);
    await eventually(async () => expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContainEqual(expect.stringMatching(/options\.html#\/senders\/c9$/)));
  });

  it('does not ask the relay for reminders for a member', async () => {
    const background = fakeBackground({
      'connection.get': () => ({ ...CONNECTED, user: { ...ANNA, role: 'member' } }),
      'profiles.list': () => ({ profiles: [] }),
      'messages.list': () => ({ messages: [] }),
    });
    const popup = await renderPage(<Popup />);
    await eventually(() => popup.get('popup-add-sender'));
    expect(background.sent('me.get')).toEqual([]);
    expect(popup.query('secret-reminders')).toBeNull();
  });

  it('offers to add a mailbox when there is no sender yet', async () => {
    fakeBackground({ 'connection.get': () => CONNECTED, 'profiles.list': () => ({ profiles: [] }), 'messages.list': () => ({ messages: [] }) });
    const popup = await renderPage(<Popup />);
    await eventually(() => popup.get('popup-add-sender'));
    expect(popup.text()).toContain('Nothing sent yet.');
  });

  it('switches Ownpost on for the current site: asks for that site’s permission, registers the content script, says so', async () => {
    connectedBackground();
    const tab = await openOver('https://app.wfirma.pl/invoices/view/7');
    const popup = await renderPage(<Popup />);
    const site = await eventually(() => popup.get('popup-site'));
    expect(site.dataset.state).toBe('off');
    expect(site.textContent).toContain('app.wfirma.pl');

    await click(popup.get('popup-enable-site'));

    await eventually(() => expect(popup.get('popup-site').dataset.state).toBe('on'));
    expect(popup.get('popup-site-on').textContent).toBe('Ownpost is on for this site');
    expect(apis.requests).toEqual([['https://app.wfirma.pl/*']]);
    expect([...apis.registered.values()][0]).toMatchObject({ matches: ['https://app.wfirma.pl/*'], js: ['content-scripts/invoice.js'] });
    expect(apis.injected).toEqual([{ tabId: tab.id, files: ['content-scripts/invoice.js'] }]);
    expect(await enabledSitesItem.getValue()).toHaveLength(1);
  });

  it('stays off and says why when the user declines the browser’s prompt', async () => {
    connectedBackground();
    apis.answerPrompts = false;
    await openOver('https://secure.e-conomic.com/invoices/1');
    const popup = await renderPage(<Popup />);
    await click(await eventually(() => popup.get('popup-enable-site')));
    await eventually(() => expect(popup.text()).toContain('permission was not given'));
    expect(popup.get('popup-site').dataset.state).toBe('off');
    expect(apis.registered.size).toBe(0);
  });

  it('offers nothing to switch on over the browser’s own pages', async () => {
    connectedBackground();
    await openOver('chrome://settings/');
    const popup = await renderPage(<Popup />);
    await eventually(() => expect(popup.get('popup-site').dataset.state).toBe('unsupported'));
    expect(popup.query('popup-enable-site')).toBeNull();
  });

  it('starts the element picker in the tab of a site that is on', async () => {
    const background = connectedBackground();
    background.handlers['picker.start'] = () => ({ started: true });
    const closed = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    apis.granted.add('https://app.example.com/*');
    await enabledSitesItem.setValue([{ origin: 'https://app.example.com', matchPattern: 'https://app.example.com/*', enabledAt: '2026-11-01T00:00:00Z' }]);
    const tab = await openOver('https://app.example.com/invoice/9');
    const popup = await renderPage(<Popup />);
    await click(await eventually(() => popup.get('popup-teach')));
    await eventually(() => expect(closed).toHaveBeenCalled());
    expect(background.sent('picker.start')).toEqual([{ type: 'picker.start', tabId: tab.id }]);
  });
});
