import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectionProvider } from '../../extension/entrypoints/options/connection';
import { HistoryPage } from '../../extension/entrypoints/options/HistoryPage';
import { Options } from '../../extension/entrypoints/options/Options';
import { SendersPage } from '../../extension/entrypoints/options/SendersPage';
import { SitesPage } from '../../extension/entrypoints/options/SitesPage';
import { TemplatesPage } from '../../extension/entrypoints/options/TemplatesPage';
import { enabledSitesItem, preferencesItem } from '../../extension/lib/settings-items';
import { templatesItem } from '../../extension/lib/templates';
import { fakeBackground, type BackgroundHandlers } from './fake-background';
import { installFakeExtensionApis, type FakeExtensionApis } from './fake-extension-apis';
import { check, choose, click, eventually, renderPage, type } from './render';
import { ANNA, BO, message, profile } from './sample-data';

let apis: FakeExtensionApis;

beforeEach(() => {
  fakeBrowser.reset();
  apis = installFakeExtensionApis();
  document.body.innerHTML = '';
  location.hash = '';
});

function connected(extra: BackgroundHandlers = {}, user = ANNA) {
  return fakeBackground({
    'connection.get': () => ({ connected: true, relayUrl: 'http://127.0.0.1:8787', user }),
    'me.get': () => user,
    'profiles.list': () => ({ profiles: [] }),
    'messages.list': () => ({ messages: [] }),
    'recipes.list': () => ({ personal: [], company: [] }),
    ...extra,
  });
}

const within = (node: preact.ComponentChildren) => <ConnectionProvider>{node}</ConnectionProvider>;

describe('options page', () => {
  it('shows the connect form on pages that need the relay until the browser is paired', async () => {
    fakeBackground({ 'connection.get': () => ({ connected: false }) });
    const page = await renderPage(<Options />);
    await eventually(() => page.get('connect'));
    expect(page.text()).toContain('Connect to your relay');
  });

  it('moves between sections by link, marks the current one, and switches language everywhere at once', async () => {
    connected();
    location.hash = '#/templates';
    const page = await renderPage(<Options />);
    await eventually(() => page.get('template-subject'));
    expect(page.get('nav-templates').getAttribute('aria-current')).toBe('page');

    await choose(page.get('language-select'), 'pl');
    await eventually(() => expect(page.get('nav-templates').textContent).toBe('Szablony'));
    expect(document.documentElement.lang).toBe('pl');
    expect((await preferencesItem.getValue()).language).toBe('pl');
    expect(page.get('nav-senders').textContent).toBe('Nadawcy');
    // The template language follows the page's language when the page opens.
    expect((page.get('template-subject') as HTMLInputElement).value).toBe('Invoice {documentNumber}');

    await choose(page.get('language-select'), 'auto');
    await eventually(() => expect(page.get('nav-templates').textContent).toBe('Templates'));
  });
});

describe('senders list', () => {
  it('groups personal and company senders with their badges, and tests one in place', async () => {
    const bg = connected({
      'profiles.list': () => ({
        profiles: [
          profile({ id: 'p1', isDefault: true, sites: ['*.wfirma.pl'] }),
          profile({ id: 'c1', name: 'Invoices', scope: 'company', ownerEmail: null, fromAddress: 'faktura@firma.se', fromName: undefined }),
        ],
      }),
      'profiles.test': () => ({ ok: true, stages: [{ stage: 'auth', ok: true, ms: 40, detail: 'ok' }], testedAt: '2026-11-23T10:00:00Z' }),
    });
    const page = await renderPage(within(<SendersPage />));
    await eventually(() => expect(page.all('sender-item')).toHaveLength(2));
    expect(page.get('sender-list').textContent).toContain('Personal');
    expect(page.get('sender-list').textContent).toContain('Default');
    expect(page.get('sender-list').textContent).toContain('Used on: *.wfirma.pl');
    expect(page.get('sender-list-company').textContent).toContain('Company');
    expect(page.get('sender-list-company').textContent).toContain('faktura@firma.se');

    await click(page.all('sender-test')[0]!);
    await eventually(() => expect(page.get('test-result').dataset.state).toBe('ok'));
    expect(bg.sent('profiles.test')[0]!.id).toBe('p1');
  });

  it('lets a member test but not edit or delete a company sender', async () => {
    connected({ 'profiles.list': () => ({ profiles: [profile({ id: 'c1', scope: 'company', ownerEmail: null })] }) }, BO);
    const page = await renderPage(within(<SendersPage />));
    await eventually(() => page.get('sender-item'));
    expect(page.query('sender-edit')).toBeNull();
    expect(page.query('sender-delete')).toBeNull();
    expect(page.query('sender-test')).not.toBeNull();
  });

  it('deletes only after the user confirms', async () => {
    let profiles = [profile({ id: 'p1' })];
    const bg = connected({ 'profiles.list': () => ({ profiles }), 'profiles.delete': () => ((profiles = []), { deleted: true as const }) });
    const page = await renderPage(within(<SendersPage />));
    await click(await eventually(() => page.get('sender-delete')));
    expect(bg.sent('profiles.delete')).toEqual([]);
    await click(page.get('sender-delete-confirm'));
    await eventually(() => page.get('senders-empty'));
    expect(bg.sent('profiles.delete')).toEqual([{ type: 'profiles.delete', id: 'p1' }]);
  });
});

describe('templates', () => {
  it('previews live, inserts a placeholder at the cursor, warns about unknown ones, and saves per language', async () => {
    connected();
    const page = await renderPage(within(<TemplatesPage />));
    const subject = await eventually(() => page.get('template-subject') as HTMLInputElement);
    expect(page.get('template-preview-subject').textContent).toBe('Invoice 2026-0042');

    await choose(page.get('template-language'), 'sv');
    await eventually(() => expect(subject.value).toBe('Faktura {documentNumber}'));
    await type(subject, 'Faktura  från oss');
    subject.focus();
    subject.setSelectionRange(8, 8);
    await click(page.get('placeholder-documentNumber'));
    expect(subject.value).toBe('Faktura {documentNumber} från oss');
    expect(page.get('template-preview-subject').textContent).toBe('Faktura 2026-0042 från oss');

    await type(page.get('template-message'), 'Hej {kund}');
    expect(page.get('template-unknown').textContent).toContain('{kund}');

    await click(page.get('template-save'));
    await eventually(async () => expect((await templatesItem.getValue()).sv).toEqual({ subject: 'Faktura {documentNumber} från oss', message: 'Hej {kund}' }));
    expect(Object.keys(await templatesItem.getValue())).toEqual(['sv']);
  });

  it('previews how a page without some values reads', async () => {
    connected();
    const page = await renderPage(within(<TemplatesPage />));
    await eventually(() => page.get('template-preview-message'));
    expect(page.get('template-preview-message').textContent).toContain('Due date:');
    await check(page.get('template-preview-gaps'));
    expect(page.get('template-preview-message').textContent).not.toContain('Due date');
    expect(page.get('template-preview-message').textContent).toMatch(/^Hello,\n/);
  });

  it('resets a language to the original', async () => {
    await templatesItem.setValue({ de: { subject: 'Alt', message: 'Alt' } });
    connected();
    await preferencesItem.setValue({ language: 'de' });
    const page = await renderPage(within(<TemplatesPage />));
    await eventually(() => expect((page.get('template-subject') as HTMLInputElement).value).toBe('Alt'));
    await click(page.get('template-reset'));
    await eventually(() => expect((page.get('template-subject') as HTMLInputElement).value).toBe('Rechnung {documentNumber}'));
    expect(await templatesItem.getValue()).toEqual({});
  });
});

describe('history', () => {
  const MESSAGES = [
    message({ id: 'a', subject: 'Faktura 2026-0042', documentRef: '2026-0042', to: ['ekonomi@kund.se'], status: 'sent' }),
    message({
      id: 'b',
      subject: 'Faktura 2026-0043',
      documentRef: '2026-0043',
      to: ['info@annan.se'],
      status: 'failed',
      sentAt: undefined,
      lastReply: '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
      problem: { code: 'send_as_denied', title: 'The mailbox may not send as this address', explanation: 'Exchange refused.', fix: 'Give Send As rights.' },
    }),
    message({ id: 'c', subject: 'Rechnung 77', documentRef: '77', to: ['buchhaltung@kunde.de'], status: 'deferred', nextAttemptAt: '2026-11-23T12:00:00Z' }),
  ];

  it('lists recent sends with status and the problem and fix of those that failed, filterable by status and text', async () => {
    const bg = connected({ 'messages.list': () => ({ messages: MESSAGES }) });
    const page = await renderPage(within(<HistoryPage />));
    await eventually(() => expect(page.all('history-row')).toHaveLength(3));
    expect(bg.sent('messages.list')[0]).toMatchObject({ limit: 200, language: 'en' });
    expect(page.get('history-problem').textContent).toContain('Give Send As rights.');
    expect(page.get('history-problem').textContent).toContain('550 5.7.60');

    await choose(page.get('history-filter-status'), 'failed');
    expect(page.all('history-row').map((r) => r.dataset.status)).toEqual(['failed']);
    await choose(page.get('history-filter-status'), 'pending');
    expect(page.all('history-row').map((r) => r.dataset.status)).toEqual(['deferred']);

    await choose(page.get('history-filter-status'), 'all');
    await type(page.get('history-search'), 'kund.se 0042');
    expect(page.all('history-row')).toHaveLength(1);
    expect(page.get('history-count').textContent).toBe('Showing 1 of 3.');
    await type(page.get('history-search'), 'nothing like this');
    expect(page.get('history-empty').textContent).toBe('No send matches the filter.');
  });
});

describe('sites', () => {
  it('lists the enabled sites with their adapter and permission state, and turns one off', async () => {
    connected();
    await enabledSitesItem.setValue([
      { origin: 'https://app.wfirma.pl', matchPattern: 'https://app.wfirma.pl/*', enabledAt: '2026-11-01T00:00:00Z' },
      { origin: 'https://secure.e-conomic.com', matchPattern: 'https://secure.e-conomic.com/*', enabledAt: '2026-11-02T00:00:00Z' },
    ]);
    apis.granted.add('https://app.wfirma.pl/*');
    const page = await renderPage(within(<SitesPage />));
    await eventually(() => expect(page.all('site-row')).toHaveLength(2));
    const [wfirma, economic] = page.all('site-row');
    expect(wfirma!.textContent).toContain('Any invoice page');
    expect(wfirma!.textContent).toContain('On');
    expect(economic!.textContent).toContain('Permission removed');
    // One switch covers every port of a host (issue 16 item 7): the page says so.
    expect(page.all('sites-ports-note')[0]?.textContent).toContain('every port');

    await click(wfirma!.querySelector<HTMLElement>('[data-testid="site-disable"]')!);
    await eventually(() => expect(page.all('site-row')).toHaveLength(1));
    expect(apis.granted.has('https://app.wfirma.pl/*')).toBe(false);
  });

  it('adds a site by its address, asking the browser for that site', async () => {
    connected();
    const page = await renderPage(within(<SitesPage />));
    await type(await eventually(() => page.get('site-add-url')), 'app.fakturownia.pl');
    await click(page.get('site-add'));
    await eventually(() => expect(page.all('site-row')).toHaveLength(1));
    expect(apis.requests).toEqual([['https://app.fakturownia.pl/*']]);
  });

  it('lists recipes: the user’s own (an admin may share them) and the company’s', async () => {
    const recipe = {
      id: 'r1',
      formatVersion: 1 as const,
      name: 'Fakturownia invoice',
      urlPattern: 'https://*.fakturownia.pl/invoices/*',
      fields: { number: 'h1 .number', recipient: '.client-email', pdf: 'a.pdf' },
      scope: 'personal' as const,
      createdAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-01T00:00:00Z',
    };
    const bg = connected({
      'recipes.list': () => ({ personal: [recipe], company: [{ ...recipe, id: 'r2', name: 'Company list page', scope: 'company' as const, publishedBy: 'anna@firma.se', rowSelector: 'tr' }] }),
      'recipes.publish': () => ({ ...recipe, scope: 'company' as const, publishedBy: 'anna@firma.se' }),
    });
    const page = await renderPage(within(<SitesPage />));
    await eventually(() => expect(page.all('recipe-item')).toHaveLength(2));
    expect(page.text()).toContain('fields: 3');
    expect(page.text()).toContain('shared by anna@firma.se');
    await click(page.get('recipe-share'));
    await eventually(() => expect(bg.sent('recipes.publish')).toEqual([{ type: 'recipes.publish', id: 'r1' }]));
  });
});
