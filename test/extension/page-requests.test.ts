// @vitest-environment node
/**
 * The background's side of the in-page UI, through handleExtensionRequest as a content script's
 * messages reach it: a real relay, a real SMTP server and a real web server for the invoicing app.
 * What a page may ask is limited; documents come only from the page's own origin and only as PDFs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleExtensionRequest } from '../../extension/background/handle-request';
import { PANEL_SCRIPT_FILE } from '../../extension/background/page-requests';
import { PAGE_SCRIPT_FILE } from '../../extension/entrypoints/invoice.content/page-contract';
import { enabledSitesItem } from '../../extension/lib/settings-items';
import { setSiteProject } from '../../extension/lib/site-projects';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import type { ExtensionRequest, ExtensionResult } from '../../shared/extension-messages';
import { waitForOutboxAtRest } from '../helpers/delivery';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';
import { installFakeExtensionApis, type FakeExtensionApis } from './fake-extension-apis';

const PASSWORD = 'correct horse battery staple';
const PDF = testPdf('page requests 42');
const OTHER_PDF = testPdf('another site');

let smtp: TestSmtpServer;
let relay: TestRelay;
let relayUrl: string;
let site: InvoiceSite;
let otherSite: InvoiceSite;
let apis: FakeExtensionApis;
let adminToken: string;

const OPTIONS_PAGE: Runtime.MessageSender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' };
function invoiceTab(path = '/invoices/42'): Runtime.MessageSender {
  const url = `${site.origin}${path}`;
  return { id: 'test-extension-id', url, frameId: 0, tab: { id: 7, url } as never };
}

/**
 * The panel frame (issue 14): our panel page in an iframe of the invoice tab. Sending, history and the
 * document's details are asked from there, never from the page's content script.
 */
function panelFrame(path = '/invoices/42'): Runtime.MessageSender {
  const url = `${site.origin}${path}`;
  return { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/panel.html', frameId: 3, tab: { id: 7, url } as never };
}

function ask<R extends ExtensionRequest>(request: R, sender: Runtime.MessageSender = invoiceTab()): Promise<ExtensionResult<R['type']>> {
  return handleExtensionRequest(request, sender) as Promise<ExtensionResult<R['type']>>;
}

async function must<R extends ExtensionRequest>(request: R, sender?: Runtime.MessageSender) {
  const result = await ask(request, sender);
  if (!result.ok) throw new Error(`${request.type}: ${JSON.stringify(result.error)}`);
  return result.data;
}

async function pairAs(role: 'admin' | 'member') {
  const added = await relay.addUser(`anna+${Math.random().toString(36).slice(2)}@firma.se`, role);
  const code = newPairingCode();
  await relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId: added.user.id, expiresAt: Date.now() + 600_000 });
  await must({ type: 'connection.pair', relayUrl, code }, OPTIONS_PAGE);
  return added;
}

beforeAll(async () => {
  vi.stubGlobal('navigator', { userAgent: 'Chromium (test)', languages: ['sv-SE'] });
  smtp = await startSmtpServer({ users: { 'anna@firma.se': PASSWORD } });
  relay = await startTestRelay();
  relayUrl = await relay.relay.listen();
  otherSite = await startInvoiceSite([{ path: '/x', html: '', pdf: { path: '/other.pdf', bytes: OTHER_PDF, public: true } }]);
  site = await startInvoiceSite([
    {
      path: '/invoices/42',
      html: '<h1>Faktura 42</h1>',
      pdfs: [
        { path: '/invoices/42/pdf', bytes: PDF, public: true, disposition: 'attachment; filename="Faktura-42.pdf"' },
        { path: '/docs/get', bytes: PDF, public: true },
        { path: '/docs/refuses-head', bytes: PDF, public: true, refuseHead: true },
        { path: '/docs/page.html', bytes: Buffer.from('<!doctype html><p>not a pdf</p>'), contentType: 'text/html', public: true },
        { path: '/docs/fake.pdf', bytes: Buffer.from('GIF89a pretending'), contentType: 'application/pdf', public: true },
        { path: '/docs/huge', bytes: Buffer.alloc(26 * 1024 * 1024, 0x25), public: true },
      ],
    },
    { path: '/docs/elsewhere', html: '', redirectTo: `${otherSite.origin}/other.pdf` },
    { path: '/docs/moved', html: '', redirectTo: '/docs/moved-again' },
    { path: '/docs/moved-again', html: '', redirectTo: '/invoices/42/pdf' },
    { path: '/docs/loop', html: '', redirectTo: '/docs/loop' },
  ]);
});

afterAll(async () => {
  await site?.close();
  await otherSite?.close();
  await relay?.close();
  await smtp?.close();
  vi.unstubAllGlobals();
});

beforeEach(async () => {
  fakeBrowser.reset();
  apis = installFakeExtensionApis();
  adminToken = (await pairAs('admin')).token;
});

describe('what a page may ask the background', () => {
  it.each([
    ['recipes.list', { type: 'recipes.list' }],
    ['recipes.delete', { type: 'recipes.delete', id: 'x' }],
    ['recipes.publish', { type: 'recipes.publish', id: 'x' }],
    ['picker.start', { type: 'picker.start', tabId: 7 }],
    ['connection.forget', { type: 'connection.forget' }],
    // Since issue 14 only the panel frame shows relay data and sends: the page's content script may not.
    ['message.send', { type: 'message.send', draft: { to: ['thief@evil.example'], subject: 'x', idempotencyKey: 'k'.repeat(16) } }],
    ['message.status', { type: 'message.status', id: 'x' }],
    ['document.history', { type: 'document.history', documentRef: '42' }],
    ['document.inspect', { type: 'document.inspect', url: 'http://127.0.0.1/x.pdf' }],
    ['profiles.list', { type: 'profiles.list' }],
    // The customer directory is the panel frame's too (it shows who the company's customers are).
    ['customers.find', { type: 'customers.find', name: 'Beta Ltd' }],
    ['customers.remember', { type: 'customers.remember', name: 'Beta Ltd', recipients: ['thief@evil.example'] }],
    ['customers.forget', { type: 'customers.forget', id: 'x' }],
    ['customer.page', { type: 'customer.page', url: 'http://127.0.0.1/customers/9' }],
  ] as const)('refuses %s from a web page', async (_type, request) => {
    expect(await ask(request as ExtensionRequest)).toEqual({ ok: false, error: { code: 'bad_request', message: 'Not allowed from a web page.' } });
  });

  it('refuses a probe of more links than the limit, and messages that are not requests at all', async () => {
    const urls = ['a', 'b', 'c', 'd'].map((p) => `${site.origin}/${p}`);
    expect((await ask({ type: 'document.probe', urls })).ok).toBe(false);
    expect((await handleExtensionRequest({ type: 'message.send', draft: { to: [] } }, invoiceTab())).ok).toBe(false);
  });

  it('loads the panel’s script into the asking tab and frame only when the page asks', async () => {
    expect(await must({ type: 'panel.load' })).toEqual({ loaded: true });
    expect(apis.injected).toEqual([{ tabId: 7, files: [PANEL_SCRIPT_FILE] }]);
  });

  it('injects the page script into the asking frame with the setup only when the page looks like a document (`start`)', async () => {
    const setup = await must({ type: 'page.setup' });
    expect(apis.injected).toEqual([]);
    expect(await must({ type: 'page.setup', start: true })).toEqual(setup);
    expect(apis.injected).toEqual([{ tabId: 7, files: [PAGE_SCRIPT_FILE] }]);
  });
});

describe('finding and fetching the document', () => {
  it('probes same-origin links with HEAD and finds the one that answers with a PDF, even without .pdf in it', async () => {
    const found = await must({ type: 'document.probe', urls: [`${site.origin}/docs/page.html`, `${site.origin}/docs/get`] });
    expect(found).toEqual({ document: { url: `${site.origin}/docs/get`, filename: 'get.pdf', size: PDF.length } });
    const asked = site.requests.filter((r) => r.path.startsWith('/docs/'));
    expect(asked.map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /docs/page.html', 'HEAD /docs/get']);
  });

  it('reads only the first bytes with GET where HEAD is refused', async () => {
    site.requests.length = 0;
    const found = await must({ type: 'document.probe', urls: [`${site.origin}/docs/refuses-head`] });
    expect(found.document?.url).toBe(`${site.origin}/docs/refuses-head`);
    expect(site.requests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('never probes a link on another site', async () => {
    otherSite.requests.length = 0;
    expect(await must({ type: 'document.probe', urls: [`${otherSite.origin}/other.pdf`] })).toEqual({});
    expect(otherSite.requests).toEqual([]);
  });

  it.each([
    ['a document on another site', () => `${otherSite.origin}/other.pdf`, 'document_unavailable', /not on this page’s own site/],
    ['a link that redirects to another site', () => `${site.origin}/docs/elsewhere`, 'document_unavailable', /led to another site/],
    ['an HTML page', () => `${site.origin}/docs/page.html`, 'not_a_pdf', /not give a PDF/],
    ['a file that calls itself a PDF but is not one', () => `${site.origin}/docs/fake.pdf`, 'not_a_pdf', /not give a PDF/],
    ['a document larger than 25 MB', () => `${site.origin}/docs/huge`, 'document_too_large', /larger than 25 MB/],
  ])('refuses %s', async (_name, url, code, message) => {
    const result = await ask({ type: 'document.inspect', url: url() }, panelFrame());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('follows a same-site redirect hop by hop, each hop checked, to the PDF', async () => {
    site.requests.length = 0;
    expect(await must({ type: 'document.inspect', url: `${site.origin}/docs/moved` }, panelFrame())).toMatchObject({ filename: 'Faktura-42.pdf', size: PDF.length });
    expect(site.requests.map((r) => r.path)).toEqual(['/docs/moved', '/docs/moved-again', '/invoices/42/pdf']);
  });

  it('stops following a redirect loop after a few hops', async () => {
    const result = await ask({ type: 'document.inspect', url: `${site.origin}/docs/loop` }, panelFrame());
    expect(!result.ok && result.error).toMatchObject({ code: 'document_unavailable', message: expect.stringMatching(/too many times/) });
  });

  it('redirect to another origin: a same-site link that redirects elsewhere makes no request there, to fetch or to probe', async () => {
    otherSite.requests.length = 0;
    expect((await ask({ type: 'document.inspect', url: `${site.origin}/docs/elsewhere` }, panelFrame())).ok).toBe(false);
    expect(await must({ type: 'document.probe', urls: [`${site.origin}/docs/elsewhere`] })).toEqual({});
    expect(otherSite.requests).toEqual([]);
  });

  it('inspects the page’s PDF: its name and size', async () => {
    expect(await must({ type: 'document.inspect', url: `${site.origin}/invoices/42/pdf` }, panelFrame())).toEqual({
      filename: 'Faktura-42.pdf',
      size: PDF.length,
      contentType: 'application/pdf',
    });
  });
});

describe('sending from the page', () => {
  it('sends the page’s PDF and the user’s added file, with the page as context, and the history then shows it', async () => {
    const { body: profile } = await relay.request('POST', '/v1/profiles', { token: adminToken, body: testProfile(smtp.port) });
    const before = smtp.received.length;
    const added = Buffer.from('Delivery note for 42\n');
    const message = await must(
      {
        type: 'message.send',
        draft: {
          profileId: profile.id,
          to: ['kund@exempel.se'],
          subject: 'Faktura 42',
          text: 'Hej',
          documentUrl: `${site.origin}/invoices/42/pdf`,
          documentRef: 'page-requests-42',
          // The relay takes the kind the page showed in the message's context (issue 16; stored nowhere yet).
          documentKind: 'invoice',
          attachments: [{ filename: 'följesedel.txt', contentType: 'text/plain', contentBase64: added.toString('base64') }],
          idempotencyKey: `test-${Math.random()}`,
        },
      },
      panelFrame(),
    );
    expect(message.status).toBe('queued');
    const mail = (await smtp.waitForMessages(before + 1))[before]!;
    expect(mail.envelope.to).toEqual(['kund@exempel.se']);
    expect(mail.parsed.attachments.map((a) => a.filename)).toEqual(['Faktura-42.pdf', 'följesedel.txt']);
    expect(Buffer.compare(mail.parsed.attachments[0]!.content, PDF)).toBe(0);
    expect(Buffer.compare(mail.parsed.attachments[1]!.content, added)).toBe(0);

    await vi.waitFor(async () => {
      const history = await must({ type: 'document.history', documentRef: 'page-requests-42' }, panelFrame());
      expect(history.messages).toEqual([expect.objectContaining({ id: message.id, status: 'sent', to: ['kund@exempel.se'] })]);
    });
  });

  it('sends the project the user named for this site as the message’s context, so the relay picks that project’s sender', async () => {
    const { body: brand } = await relay.request('POST', '/v1/profiles', {
      token: adminToken,
      body: testProfile(smtp.port, { name: 'Brand B', isDefault: false, projects: ['Brand B'] }),
    });
    await enabledSitesItem.setValue([{ origin: site.origin, matchPattern: `${site.origin}/*`, enabledAt: '2026-12-06T08:00:00.000Z' }]);
    await setSiteProject(site.origin, '  Brand B ');
    expect((await enabledSitesItem.getValue())[0]!.project).toBe('Brand B');
    const message = await must({ type: 'message.send', draft: { to: ['kund@exempel.se'], subject: 'Faktura B-1', idempotencyKey: `test-${Math.random()}` } }, panelFrame());
    expect(message.profileId).toBe(brand.id);
    // Delivered before the test ends, so later tests counting what the server received start from it.
    await vi.waitFor(() => expect(smtp.received.some((m) => m.parsed.subject === 'Faktura B-1')).toBe(true), { timeout: 15_000 });
    await setSiteProject(site.origin, '');
    expect((await enabledSitesItem.getValue())[0]).not.toHaveProperty('project');
  });

  it('refuses a document kind it does not know, in the extension and at the relay', async () => {
    const draft = { to: ['kund@exempel.se'], subject: 'Faktura', documentKind: 'invoice; rm -rf', idempotencyKey: `test-${Math.random()}` };
    const result = await ask({ type: 'message.send', draft } as never);
    expect(!result.ok && result.error.code).toBe('bad_request');
    const { body: profile } = await relay.request('POST', '/v1/profiles', { token: adminToken, body: testProfile(smtp.port) });
    const direct = await relay.request('POST', '/v1/messages', {
      token: adminToken,
      headers: { 'Idempotency-Key': `kind-${Math.random()}` },
      body: { profileId: profile.id, to: ['kund@exempel.se'], subject: 'Faktura', context: { documentKind: 'bogus' } },
    });
    expect(direct.status).toBe(400);
    expect(direct.body.error.code).toBe('validation_failed');
  });

  it('sends nothing when the document is on another site', async () => {
    const before = smtp.received.length;
    const result = await ask(
      {
        type: 'message.send',
        draft: { to: ['kund@exempel.se'], subject: 'Faktura', documentUrl: `${otherSite.origin}/other.pdf`, idempotencyKey: `test-${Math.random()}` },
      },
      panelFrame(),
    );
    expect(!result.ok && result.error.code).toBe('document_unavailable');
    // A message sent anyway would be in the relay's outbox, or at the server by the time the outbox is at rest.
    await waitForOutboxAtRest(relay);
    expect(smtp.received.length).toBe(before);
  });
});

describe('recipes', () => {
  const recipe = (urlPattern: string) => ({ name: 'Acme ERP', urlPattern, fields: { number: '.doc-id', recipient: '.contact', pdf: 'a.dl' } });

  it('saves a picked recipe for the user, shares it when an admin asks, and gives each page only the recipes for its site', async () => {
    const saved = await must({ type: 'recipes.save', recipe: recipe(`${site.origin}/erp/*`), share: true });
    expect(saved.recipe).toMatchObject({ scope: 'personal', urlPattern: `${site.origin}/erp/*`, formatVersion: 2 });
    expect(saved.shared).toMatchObject({ scope: 'company', urlPattern: `${site.origin}/erp/*` });
    await must({ type: 'recipes.save', recipe: recipe('https://elsewhere.example/*') });

    const setup = await must({ type: 'page.setup' }, invoiceTab('/erp/doc/1'));
    expect(setup).toMatchObject({ connected: true, language: 'sv' });
    expect(setup.recipes.map((r) => [r.scope, r.urlPattern])).toEqual([
      ['personal', `${site.origin}/erp/*`],
      ['company', `${site.origin}/erp/*`],
    ]);

    const listed = await must({ type: 'recipes.list' }, OPTIONS_PAGE);
    expect(listed.personal).toHaveLength(2);
    expect(listed.company.map((r) => r.id)).toContain(saved.shared!.id);
    expect(await must({ type: 'recipes.unpublish', id: saved.shared!.id }, OPTIONS_PAGE)).toEqual({ deleted: true });
    expect(await must({ type: 'recipes.delete', id: saved.recipe.id }, OPTIONS_PAGE)).toEqual({ deleted: true });
    expect((await must({ type: 'page.setup' }, invoiceTab('/erp/doc/1'))).recipes).toEqual([]);
  });

  it('keeps a member’s recipe for the member and says why the company did not get it', async () => {
    await pairAs('member');
    const saved = await must({ type: 'recipes.save', recipe: recipe(`${site.origin}/members/*`), share: true });
    expect(saved.recipe.scope).toBe('personal');
    expect(saved.shared).toBeUndefined();
    expect(saved.shareError?.code).toBe('forbidden');
    expect((await relay.request('GET', '/v1/recipes', { token: adminToken })).body.recipes.map((r: { urlPattern: string }) => r.urlPattern)).not.toContain(`${site.origin}/members/*`);
  });

  it('refuses a recipe whose selectors or pattern break the format', async () => {
    const result = await ask({ type: 'recipes.save', recipe: { name: 'x', urlPattern: 'javascript:alert(1)', fields: { number: 'h1' } } });
    expect(result.ok).toBe(false);
  });
});
