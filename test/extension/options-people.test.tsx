/**
 * The People page (issue 20) and the setup-code step of the connect form, driven as a user would,
 * with WXT's fake browser standing in for the background (fake-background.ts). The background's own
 * handling of these requests is tested against a real relay in background-requests.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DeviceView, UserWithAllowancesView } from '../../shared/api-schemas';
import type { ConnectionState } from '../../shared/extension-messages';
import { ConnectionProvider } from '../../extension/entrypoints/options/connection';
import { Options } from '../../extension/entrypoints/options/Options';
import { PeoplePage } from '../../extension/entrypoints/options/PeoplePage';
import { Popup } from '../../extension/entrypoints/popup/Popup';
import { preferencesItem } from '../../extension/lib/settings-items';
import { fakeBackground, type BackgroundHandlers } from './fake-background';
import { installFakeExtensionApis } from './fake-extension-apis';
import { choose, click, eventually, renderPage, type } from './render';
import { ANNA, BO } from './sample-data';

beforeEach(() => {
  fakeBrowser.reset();
  installFakeExtensionApis();
  document.body.innerHTML = '';
  location.hash = '';
});

const person = (overrides: Partial<UserWithAllowancesView>): UserWithAllowancesView => ({ id: 'x', email: 'x@firma.se', role: 'member', allowedSenders: [], ...overrides });
const device = (overrides: Partial<DeviceView>): DeviceView => ({
  id: 'd1',
  name: 'Chromium extension',
  createdAt: '2026-11-01T09:00:00.000Z',
  lastUsedAt: '2026-12-01T10:00:00.000Z',
  expiresAt: '2027-03-01T10:00:00.000Z',
  current: false,
  ...overrides,
});

function connectedAs(user = ANNA, extra: BackgroundHandlers = {}) {
  return fakeBackground({
    'connection.get': () => ({ connected: true, relayUrl: 'http://127.0.0.1:8787', user }),
    'me.get': () => user,
    'devices.mine': () => ({ devices: [device({ id: 'mine', current: true })] }),
    ...extra,
  });
}

const within = (node: preact.ComponentChildren) => <ConnectionProvider>{node}</ConnectionProvider>;

describe('People page, for an admin', () => {
  it('adds a person with name and role, then lists them', async () => {
    const people = [person({ id: ANNA.id, email: ANNA.email, name: ANNA.name, role: 'admin' })];
    const bg = connectedAs(ANNA, {
      'people.list': () => ({ users: [...people] }),
      'people.add': (request) => {
        const added = person({ id: 'u9', email: request.email, name: request.name, role: request.role ?? 'member' });
        people.push(added);
        return added;
      },
    });
    const page = await renderPage(within(<PeoplePage />));
    await eventually(() => expect(page.all('person-item')).toHaveLength(1));
    // The admin cannot remove themselves from here.
    expect(page.query('person-remove')).toBeNull();

    await type(page.get('people-add-email'), ' dag@firma.se ');
    await type(page.get('people-add-name'), 'Dag Ek');
    await choose(page.get('people-add-role'), 'admin');
    await click(page.get('people-add-submit'));
    await eventually(() => expect(page.all('person-item')).toHaveLength(2));
    expect(bg.sent('people.add')).toEqual([{ type: 'people.add', email: 'dag@firma.se', name: 'Dag Ek', role: 'admin' }]);
    expect(page.get('people-flash').textContent).toContain('dag@firma.se was added');
    expect((page.get('people-add-email') as HTMLInputElement).value).toBe('');
    const dag = page.all('person-item').find((li) => li.dataset.email === 'dag@firma.se')!;
    expect(dag.textContent).toContain('Dag Ek');
    expect(dag.textContent).toContain('Admin');
  });

  it('shows the relay’s refusal of a person (already a user) next to the form', async () => {
    connectedAs(ANNA, {
      'people.list': () => ({ users: [] }),
      'people.add': () => ({ error: { code: 'conflict', message: 'bo@firma.se is already a user of this relay.' } }),
    });
    const page = await renderPage(within(<PeoplePage />));
    await eventually(() => page.get('people-add-email'));
    await type(page.get('people-add-email'), 'bo@firma.se');
    await click(page.get('people-add-submit'));
    await eventually(() => expect(page.text()).toContain('already a user'));
  });

  it('makes a pairing code and shows it large, with when it stops working and how to use it', async () => {
    const bg = connectedAs(ANNA, {
      'people.list': () => ({ users: [person({ id: 'u2', email: BO.email })] }),
      'people.pairingCode': () => ({ code: '7KQ4-M2XD-9PTR', expiresAt: '2026-12-06T14:32:00.000Z' }),
    });
    const page = await renderPage(within(<PeoplePage />));
    await eventually(() => page.get('person-code'));
    await click(page.get('person-code'));
    await eventually(() => expect(page.get('pairing-code-value').textContent).toBe('7KQ4-M2XD-9PTR'));
    expect(bg.sent('people.pairingCode')).toEqual([{ type: 'people.pairingCode', userId: 'u2' }]);
    expect(page.get('pairing-code-panel').textContent).toContain('http://127.0.0.1:8787');
    expect(page.get('pairing-code-expires').textContent).toMatch(/works once, until \d/);
  });

  it('shows a person’s devices and revokes one', async () => {
    let devices = [device({ id: 'd1', name: 'Firefox extension' }), device({ id: 'd2', name: 'cli', lastUsedAt: undefined })];
    const bg = connectedAs(ANNA, {
      'people.list': () => ({ users: [person({ id: 'u2', email: BO.email })] }),
      'people.devices': () => ({ devices }),
      'devices.revoke': (request) => {
        devices = devices.filter((d) => d.id !== request.deviceId);
        return { revoked: true };
      },
    });
    const page = await renderPage(within(<PeoplePage />));
    await eventually(() => page.get('person-devices'));
    await click(page.get('person-devices'));
    const list = await eventually(() => page.get('person-device-list'));
    expect(list.textContent).toContain('Firefox extension');
    expect(list.textContent).toContain('not used yet');
    expect(list.textContent).toContain('stops working on');
    await click(list.querySelector<HTMLElement>('[data-id="d1"] [data-testid="device-revoke"]')!);
    await eventually(() => expect(page.get('person-device-list').textContent).not.toContain('Firefox extension'));
    expect(bg.sent('devices.revoke')).toEqual([{ type: 'devices.revoke', deviceId: 'd1' }]);
    expect(page.text()).toContain('“Firefox extension” was revoked');
  });

  it('removes a person only after confirming', async () => {
    let users = [person({ id: ANNA.id, email: ANNA.email, role: 'admin' }), person({ id: 'u2', email: BO.email })];
    const bg = connectedAs(ANNA, {
      'people.list': () => ({ users }),
      'people.remove': (request) => {
        users = users.filter((u) => u.id !== request.userId);
        return { removed: true };
      },
    });
    const page = await renderPage(within(<PeoplePage />));
    await eventually(() => page.get('person-remove'));
    await click(page.get('person-remove'));
    expect(bg.sent('people.remove')).toEqual([]);
    expect(page.text()).toContain('Remove bo@firma.se?');
    await click(page.get('person-remove-confirm'));
    await eventually(() => expect(page.all('person-item')).toHaveLength(1));
    expect(bg.sent('people.remove')).toEqual([{ type: 'people.remove', userId: 'u2' }]);
    expect(page.get('people-flash').textContent).toContain('bo@firma.se was removed');
  });
});

describe('People page, for a member', () => {
  it('shows only their own devices, marks this browser, and never asks for the people list', async () => {
    const bg = connectedAs(BO, {
      'devices.mine': () => ({ devices: [device({ id: 'mine', current: true }), device({ id: 'old', name: 'old laptop' })] }),
      'devices.revoke': () => ({ revoked: true }),
    });
    const page = await renderPage(within(<PeoplePage />));
    const list = await eventually(() => page.get('my-device-list'));
    expect(page.query('people-add')).toBeNull();
    expect(page.query('people-list')).toBeNull();
    expect(bg.sent('people.list')).toEqual([]);
    expect(list.querySelector('[data-id="mine"]')!.textContent).toContain('this browser');
    await click(list.querySelector<HTMLElement>('[data-id="old"] [data-testid="device-revoke"]')!);
    await eventually(() => expect(bg.sent('devices.revoke')).toEqual([{ type: 'devices.revoke', deviceId: 'old' }]));
  });
});

describe('People in the options navigation', () => {
  it('is a section of its own, reached by #/people, in the chosen language', async () => {
    connectedAs(ANNA, { 'people.list': () => ({ users: [] }) });
    await preferencesItem.setValue({ ...(await preferencesItem.getValue()), language: 'pl' });
    location.hash = '#/people';
    const page = await renderPage(<Options />);
    await eventually(() => expect(page.get('nav-people').getAttribute('aria-current')).toBe('page'));
    await eventually(() => expect(page.get('nav-people').textContent).toBe('Osoby'));
    await eventually(() => expect(page.container.querySelector('#people-title')!.textContent).toBe('Osoby'));
  });
});

describe('connecting with a new relay’s setup code', () => {
  it('asks for the admin’s e-mail when the relay says the code is a setup code, and sends the same code again with it', async () => {
    const connected: ConnectionState = { connected: true, relayUrl: 'http://127.0.0.1:8787', user: { ...ANNA, email: 'eva@firma.se' } };
    const bg = fakeBackground({
      'connection.get': () => ({ connected: false }),
      'connection.pair': (request) => (request.email ? connected : { error: { code: 'setup_email_required', message: 'This is the setup code of a new relay.' } }),
      'profiles.list': () => ({ profiles: [] }),
      'messages.list': () => ({ messages: [] }),
    });
    history.replaceState(null, '', '/popup.html');
    const popup = await renderPage(<Popup />);
    await eventually(() => popup.get('connect'));
    expect(popup.query('setup-email')).toBeNull();
    await type(popup.get('pairing-code'), 'ABCD-EFGH-JKMN');
    await click(popup.get('connect'));
    await eventually(() => popup.get('setup-email'));
    expect(popup.text()).toContain('whoever connects with it becomes its admin');
    expect(popup.get('connect').textContent).toBe('Become admin and connect');
    expect(popup.query('connect-error')).toBeNull();

    await type(popup.get('setup-email'), 'eva@firma.se');
    await type(popup.get('setup-name'), 'Eva Lund');
    await click(popup.get('connect'));
    await eventually(() => popup.get('connected-as'));
    expect(bg.sent('connection.pair').at(-1)).toMatchObject({ code: 'ABCD-EFGH-JKMN', email: 'eva@firma.se', name: 'Eva Lund' });
    expect(bg.sent('connection.pair')[0]).not.toHaveProperty('email');
  });
});
