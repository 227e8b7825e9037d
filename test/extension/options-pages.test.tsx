import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectionProvider } from '../../extension/entrypoints/options/connection';
import { HistoryPage } from '../../extension/entrypoints/options/HistoryPage';
import { Options } from '../../extension/entrypoints/options/Options';
import { SendersPage } from '../../extension/entrypoints/options/SendersPage';
import { SitesPage } from '../../extension/entrypoints/options/SitesPage';
import { TemplatesPage } from '../../extension/entrypoints/options/TemplatesPage';
import { enabledSitesItem, preferencesItem } from '../../extension/lib/settings-items';
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/document-kinds';
import { TEMPLATE_LANGUAGES, type TemplateLanguage } from '../../shared/languages';
import { builtinTemplate, type MessageTemplate } from '../../shared/message-templates';
import type { TemplateView } from '../../shared/template-schemas';
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
    ...templateRelay().handlers,
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

  it('shows an admin the relay’s reminders on every page, and opens the sender a reminder is about', async () => {
    connected({
      'me.get': () => ({
        ...ANNA,
        reminders: [{ kind: 'client_secret_expiry', profileId: 'c9', profileName: 'Faktura (app)', expiresAt: '2026-11-30', daysLeft: -6, stage: 'expired' }],
      }),
    });
    location.hash = '#/templates';
    const page = await renderPage(<Options />);
    await eventually(() => expect(page.all('secret-reminder')).toHaveLength(1));
    expect(page.get('secret-reminder').dataset.stage).toBe('expired');
    expect(page.get('secret-reminder').textContent).toContain('expired on 30 Nov 2026: this sender cannot send');
    await click(page.get('secret-reminder-open'));
    await eventually(() => expect(location.hash).toBe('#/senders/c9'));
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

  it('shows the time of a test just run instead of an older saved one', async () => {
    connected({
      'profiles.list': () => ({
        profiles: [profile({ id: 'p1', verification: { status: 'passed', at: '2026-10-01T09:00:00Z', by: 'anna@firma.se' } } as never)],
      }),
      'profiles.test': () => ({
        ok: false,
        stages: [{ stage: 'auth', ok: false, ms: 40, detail: 'refused' }],
        problem: { code: 'auth_failed', title: 'Refused', explanation: 'x', fix: 'y' },
        testedAt: '2026-11-23T10:00:00Z',
      }),
    });
    const page = await renderPage(within(<SendersPage />));
    const before = await eventually(() => page.get('sender-verification'));
    expect(before.dataset.status).toBe('passed');
    expect(before.textContent).toContain('2026');
    const old = before.textContent;
    await click(page.get('sender-test'));
    await eventually(() => expect(page.get('sender-verification').dataset.status).toBe('failed'));
    expect(page.all('sender-verification')).toHaveLength(1);
    expect(page.get('sender-verification').textContent).toMatch(/^Test failed /);
    expect(page.get('sender-verification').textContent).not.toBe(old);
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

/** The relay's templates as the background would answer for them: built in until a scope stores one. */
function templateRelay(initial: Record<string, { company?: MessageTemplate; personal?: MessageTemplate }> = {}) {
  const stored = new Map(Object.entries(initial));
  const at = '2026-11-23T10:00:00.000Z';
  const view = (kind: DocumentKind, language: TemplateLanguage): TemplateView => {
    const s = stored.get(`${kind}/${language}`) ?? {};
    const applies = s.personal ?? s.company ?? builtinTemplate(kind, language);
    return {
      kind,
      language,
      subject: applies.subject,
      message: applies.message,
      source: s.personal ? 'personal' : s.company ? 'company' : 'builtin',
      ...(s.company && { company: { ...s.company, updatedAt: at } }),
      ...(s.personal && { personal: { ...s.personal, updatedAt: at } }),
    };
  };
  const handlers: BackgroundHandlers = {
    'templates.list': () => ({ templates: DOCUMENT_KINDS.flatMap((kind) => TEMPLATE_LANGUAGES.map((language) => view(kind, language))) }),
    'templates.put': (r) => {
      const key = `${r.kind}/${r.language}`;
      stored.set(key, { ...stored.get(key), [r.scope ?? 'personal']: r.template });
      return view(r.kind, r.language);
    },
    'templates.reset': (r) => {
      const key = `${r.kind}/${r.language}`;
      const next = { ...stored.get(key) };
      delete next[r.scope ?? 'personal'];
      stored.set(key, next);
      return view(r.kind, r.language);
    },
  };
  return { handlers, stored };
}

describe('templates', () => {
  it('previews live, inserts a placeholder at the cursor, warns about unknown ones, and saves the company’s per language', async () => {
    const relay = templateRelay();
    const bg = connected(relay.handlers);
    const page = await renderPage(within(<TemplatesPage />));
    const subject = await eventually(() => page.get('template-subject') as HTMLInputElement);
    expect(page.get('template-preview-subject').textContent).toBe('Invoice 2026-0042');
    expect((page.get('template-scope') as HTMLSelectElement).value).toBe('company');

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
    await eventually(() => expect(bg.sent('templates.put')).toHaveLength(1));
    expect(bg.sent('templates.put')[0]).toMatchObject({ kind: 'invoice', language: 'sv', scope: 'company', template: { subject: 'Faktura {documentNumber} från oss', message: 'Hej {kund}' } });
    await eventually(() => expect(page.get('template-source').dataset.source).toBe('company'));
  });

  it('edits each kind of document on its own: a quote is not worded as an invoice', async () => {
    const relay = templateRelay();
    const bg = connected(relay.handlers);
    const page = await renderPage(within(<TemplatesPage />));
    const subject = await eventually(() => page.get('template-subject') as HTMLInputElement);
    await choose(page.get('template-kind'), 'quote');
    await eventually(() => expect(subject.value).toBe('Quote {documentNumber}'));
    expect(page.get('template-preview-message').textContent).toContain('our quote 2026-0042');
    await type(subject, 'Our offer {documentNumber}');
    await click(page.get('template-save'));
    await eventually(() => expect(bg.sent('templates.put')[0]).toMatchObject({ kind: 'quote', language: 'en' }));
  });

  it('lets a member keep their own version, over the company’s', async () => {
    const relay = templateRelay({ 'invoice/en': { company: { subject: 'Firma invoice {documentNumber}', message: 'From the firm' } } });
    const bg = connected(relay.handlers, BO);
    const page = await renderPage(within(<TemplatesPage />));
    const subject = await eventually(() => page.get('template-subject') as HTMLInputElement);
    expect(page.query('template-scope')).toBeNull();
    expect(subject.value).toBe('Firma invoice {documentNumber}');
    expect(page.get('template-source').dataset.source).toBe('company');
    await type(subject, 'Bo’s invoice {documentNumber}');
    await click(page.get('template-save'));
    await eventually(() => expect(page.get('template-source').dataset.source).toBe('personal'));
    expect(bg.sent('templates.put')[0]!.scope).toBe('personal');
    await click(page.get('template-reset'));
    await eventually(() => expect(subject.value).toBe('Firma invoice {documentNumber}'));
    expect(page.get('template-source').dataset.source).toBe('company');
  });

  it('previews how a page without some values reads, optional phrases included', async () => {
    connected(templateRelay().handlers);
    const page = await renderPage(within(<TemplatesPage />));
    await eventually(() => page.get('template-preview-message'));
    expect(page.get('template-preview-message').textContent).toContain('Due date:');
    await check(page.get('template-preview-gaps'));
    expect(page.get('template-preview-message').textContent).not.toContain('Due date');
    expect(page.get('template-preview-message').textContent).toMatch(/^Hello,\n/);
    await choose(page.get('template-kind'), 'reminder');
    await eventually(() => expect(page.get('template-preview-message').textContent).toContain('is still unpaid. If you'));
  });

  it('resets a language to the original', async () => {
    const relay = templateRelay({ 'invoice/de': { company: { subject: 'Alt', message: 'Alt' } } });
    const bg = connected(relay.handlers);
    await preferencesItem.setValue({ language: 'de' });
    const page = await renderPage(within(<TemplatesPage />));
    await eventually(() => expect((page.get('template-subject') as HTMLInputElement).value).toBe('Alt'));
    await click(page.get('template-reset'));
    await eventually(() => expect((page.get('template-subject') as HTMLInputElement).value).toBe('Rechnung {documentNumber}'));
    expect(bg.sent('templates.reset')[0]).toMatchObject({ kind: 'invoice', language: 'de', scope: 'company' });
  });

  it('offers the customers’ languages beyond the UI’s, named in the UI’s language, and saves the Italian template', async () => {
    const relay = templateRelay();
    const bg = connected(relay.handlers);
    await preferencesItem.setValue({ language: 'sv' });
    const page = await renderPage(within(<TemplatesPage />));
    const subject = await eventually(() => page.get('template-subject') as HTMLInputElement);
    const menu = page.get('template-language') as HTMLSelectElement;
    const labels = Object.fromEntries([...menu.options].map((o) => [o.value, o.textContent]));
    expect(Object.keys(labels)).toEqual([...TEMPLATE_LANGUAGES]);
    expect(labels).toMatchObject({ sv: 'Svenska', it: 'Italienska', fr: 'Franska', pt: 'Portugisiska', fi: 'Finska' });

    await choose(menu, 'it');
    await eventually(() => expect(subject.value).toBe('Fattura {documentNumber}'));
    // The sample is an Italian document: its amount in euros, as Italians write it.
    expect(page.get('template-preview-message').textContent).toMatch(/^Buongiorno Nordic Trading AB,\n\nin allegato Le trasmettiamo la fattura 2026-0042\.\nImporto da pagare: 12\.500,00\s€/);
    await type(subject, 'Fattura n. {documentNumber}');
    await click(page.get('template-save'));
    await eventually(() => expect(bg.sent('templates.put')).toHaveLength(1));
    expect(bg.sent('templates.put')[0]).toMatchObject({ kind: 'invoice', language: 'it', scope: 'company', template: { subject: 'Fattura n. {documentNumber}' } });
    await eventually(() => expect(page.text()).toContain('Italienska'));
  });

  it('says so when the relay cannot be asked', async () => {
    connected({ 'templates.list': () => ({ error: { code: 'relay_unreachable', message: 'The Ownpost relay does not answer.' } }) });
    const page = await renderPage(within(<TemplatesPage />));
    await eventually(() => expect(page.text()).toContain('The Ownpost relay does not answer.'));
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

  it('shows where a mail went: a fallback sender and the parts of a split send, and keeps an invoice number on one line', async () => {
    connected({
      'messages.list': () => ({
        messages: [
          message({
            id: 'f',
            subject: 'Faktura FV 12/2026',
            documentRef: 'FV 12/2026',
            fallback: { fromProfileId: 'p-anna', fromProfileName: 'Anna (Gmail)', code: 'profile_failing', reason: 'It keeps failing.' },
          }),
          message({ id: 's1', subject: 'Fakturor', documentRef: undefined, documents: [{ ref: '0042' }], part: { number: 1, of: 2 } }),
          message({ id: 's2', subject: 'Fakturor', documentRef: undefined, documents: [{ ref: '0043' }], part: { number: 2, of: 2 } }),
        ],
      }),
    });
    const page = await renderPage(within(<HistoryPage />));
    await eventually(() => expect(page.all('history-row')).toHaveLength(3));
    expect(page.all('history-fallback').map((e) => e.textContent)).toEqual(['Sent with the company’s fallback sender, because “Anna (Gmail)” could not be used.']);
    expect(page.all('history-part').map((e) => e.textContent)).toEqual(['Part 1 of 2', 'Part 2 of 2']);
    const numberCell = page.all('history-row')[0]!.querySelectorAll('td')[1]!;
    expect(numberCell.classList.contains('nowrap')).toBe(true);
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

  it('keeps the project or brand the user names for a site, for the sends from it', async () => {
    connected();
    await enabledSitesItem.setValue([{ origin: 'https://app.wfirma.pl', matchPattern: 'https://app.wfirma.pl/*', enabledAt: '2026-11-01T00:00:00Z' }]);
    const page = await renderPage(within(<SitesPage />));
    const field = (await eventually(() => page.get('site-project'))) as HTMLInputElement;
    await type(field, 'Brand B');
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await eventually(async () => expect((await enabledSitesItem.getValue())[0]).toMatchObject({ origin: 'https://app.wfirma.pl', project: 'Brand B' }));
  });

  it('names the generic adapter in the user’s language', async () => {
    connected();
    await preferencesItem.setValue({ language: 'de' });
    await enabledSitesItem.setValue([{ origin: 'https://app.wfirma.pl', matchPattern: 'https://app.wfirma.pl/*', enabledAt: '2026-11-01T00:00:00Z' }]);
    const page = await renderPage(within(<SitesPage />));
    await eventually(() => expect(page.get('site-row').textContent).toContain('Jede Rechnungsseite'));
    expect(page.get('site-row').textContent).not.toContain('Any invoice page');
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
