/**
 * Firefox does what Chrome does on the flows users meet first (issue 16, checked in Firefox ESR with
 * the Firefox e2e build, a real relay and a real SMTP server): an app on a LAN name over plain HTTP,
 * "Take the PDF from the page" on five capture routes, the popup's page report with "Send anyway"
 * (also with a PDF the page shows only from memory, a `blob:` preview),
 * the button where a person can click it, and the customer directory. The Chromium tests of the same
 * flows: page-plain-http, page-pdf-capture, popup-page-report, page-button-placement and
 * page-customer-directory, page-pdf-other-host. One Firefox, one tab per scenario.
 *
 * The relay runs on 127.0.0.1 over plain HTTP: Firefox leaves an extension's requests to loopback as
 * they are (test/helpers/firefox.ts), and the build's host permissions cover it. The invoicing app is
 * served on 127.0.0.1 (where the e2e build injects without being switched on) and, for the LAN case,
 * under `erp.local`.
 *
 * Firefox has no `--host-resolver-rules`: `erp.local` is mapped to 127.0.0.1 with the pref
 * `network.dns.localDomains` (test/helpers/firefox.ts, `localDomains`), which Firefox applies before any
 * lookup, mDNS or not.
 */
import { randomUUID } from 'node:crypto';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import { byTestId, launchFirefoxWithExtension, panelFrame, type FirefoxWithExtension } from '../helpers/firefox';
import { buttonPlacement } from '../helpers/button-placement';
import { captureRoutes } from '../helpers/capture-routes';
import { blobPreviewPage, startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

const LAN_HOST = 'erp.local';
/** A payment host the build may not read (not in its manifest): a hosted invoice page's PDF link leads there. */
const PAY_HOST = 'pay.other.test';
const PAY_PDF = testPdf('firefox pay host 2026/412', 21_000);
/** The app's files host, also not in the build's manifest: "Take the PDF from the page" catches a file there. */
const FILES_HOST = 'files.other.test';
const FILES_PDF = testPdf('firefox files host 2026/413', 23_000);
const FIREFOX_UUID = randomUUID();

const LAN_PDF = testPdf('firefox lan invoice 2026/311');
const LAN_INVOICE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice 2026/311 – Acme on-prem ERP</title></head>
<body style="font:15px system-ui;margin:40px"><h1>Invoice 2026/311</h1>
<p>Customer: Delta Ltd · <a href="mailto:payables@delta.example">payables@delta.example</a></p>
<p>Amount due: 1 140.00 EUR</p><p><a href="/lan/311.pdf">Download PDF</a></p></body></html>`;

const screen = (number: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ERP</title></head>
<body><nav><a href="/">Home</a> <a href="/customers">Customers</a></nav><main><h1>Invoice ${number}</h1>
<p>Customer: Beta Ltd</p>${body}</main></body></html>`;

/**
 * Five of the capture routes Chromium runs (test/e2e/page-pdf-capture.test.ts), the ones apps use most;
 * the Navigation API that catches `location.href = …` is in Firefox ESR 153 (an older Firefox without it
 * does not catch that route).
 */
const ALL_CAPTURES = captureRoutes('firefox-capture', { user: 'anna', password: 'faktura-2026' });
const CAPTURES = [ALL_CAPTURES.blob, ALL_CAPTURES.form, ALL_CAPTURES.open, ALL_CAPTURES.frame, ALL_CAPTURES.navigate];

const PLACEMENT_PDF = testPdf('firefox placement');
const filler = (px: number) => `<div style="height:${px}px;background:linear-gradient(#eee,#ccc)">Lines of the invoice…</div>`;
const details = (n: number) => `<p>Customer: Omega Ltd</p><p>E-mail: <a href="mailto:ap${n}@omega.example">ap${n}@omega.example</a></p><p><a href="/layout/${n}.pdf">Download PDF</a></p>`;
const layoutPage = (n: number, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice INV-${n} · Acme</title>${head}</head><body style="margin:0;font:15px system-ui">${body}</body></html>`;
const LAYOUTS = [
  { name: 'no heading at all (a floating button)', n: 1, html: layoutPage(1, `<div style="padding:24px"><p>Invoice number: INV-1</p>${details(1)}</div>`) },
  { name: 'the heading at the very bottom of a long page', n: 2, html: layoutPage(2, `${filler(2400)}<div style="padding:24px"><h1>Invoice INV-2</h1>${details(2)}</div>`) },
  {
    name: 'a very long page that scrolls inside its body (an app shell)',
    n: 4,
    html: layoutPage(4, `<div style="padding:24px"><p>Invoice number: INV-4</p>${details(4)}</div>${filler(12000)}`, '<style>html,body{height:100%;overflow:hidden} body{overflow-y:auto}</style>'),
  },
];

/** The PDF of a preview the app's script makes in memory (blobPreviewPage). */
const PREVIEW_PDF = testPdf('firefox preview 2026-118', 26_000);

const directoryInvoice = (number: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice ${number}</title></head>
<body><main><h1>Invoice ${number}</h1><p>Customer: Kappa Oy</p><p>Amount due: 1 140.00 EUR</p>
<p><a href="/files/${number}.pdf">Download PDF</a></p></main></body></html>`;

let smtp: TestSmtpServer;
let relay: TestRelay;
let site: InvoiceSite;
let payHost: InvoiceSite;
let firefox: FirefoxWithExtension;
/** An extension page kept open: the tests talk to the background from it, as the popup does. */
let extensionPage: Page;
let memberToken: string;

beforeAll(async () => {
  smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  relay = await startTestRelay({}, { OWNPOST_EXTENSION_IDS: FIREFOX_UUID });
  const relayUrl = await relay.relay.listen();
  const { user, token } = await relay.addUser('anna@firma.se', 'admin');
  const created = await relay.request('POST', '/v1/profiles', { token, body: testProfile(smtp.port) });
  if (created.status !== 201) throw new Error(`could not create the test profile: ${JSON.stringify(created.body)}`);
  memberToken = (await relay.addUser('bo@firma.se', 'member')).token;
  const code = newPairingCode();
  await relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId: user.id, expiresAt: Date.now() + 600_000 });

  payHost = await startInvoiceSite([
    {
      path: '/none',
      html: '',
      pdfs: [
        { path: '/i/412/pdf', bytes: PAY_PDF, public: true },
        { path: '/f/413', bytes: FILES_PDF, public: true, contentType: 'application/octet-stream' },
      ],
    },
  ]);
  site = await startInvoiceSite([
    {
      path: '/invoices/412',
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice 2026/412</title></head>
<body><main><h1>Invoice 2026/412</h1><p>Customer: Sigma AB</p><p>Amount due: 980.00 EUR</p>
<p><a href="http://${PAY_HOST}:${new URL(payHost.origin).port}/i/412/pdf">Download PDF</a></p></main></body></html>`,
    },
    {
      path: '/invoices/413',
      html: screen('2026/413', `<button id="press" type="button" onclick="window.open('http://${FILES_HOST}:${new URL(payHost.origin).port}/f/413')">PDF</button>`),
    },
    { path: '/lan/311', html: LAN_INVOICE, pdf: { path: '/lan/311.pdf', bytes: LAN_PDF } },
    ...CAPTURES.map((c) => ({ ...c.page, html: screen(c.number, c.body) })),
    {
      path: '/orders/55',
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop admin</title></head><body><main>
        <h1>Invoice SO-55</h1><p>Customer: Delta Oy</p><button type="button">Print</button></main></body></html>`,
    },
    ...LAYOUTS.map((l) => ({ path: `/layout/${l.n}`, html: l.html, pdf: { path: `/layout/${l.n}.pdf`, bytes: PLACEMENT_PDF } })),
    { path: '/angebote/118', html: blobPreviewPage('/api/render/118'), pdf: { path: '/api/render/118', bytes: PREVIEW_PDF } },
    { path: '/invoices/301', html: directoryInvoice('INV-301'), pdf: { path: '/files/INV-301.pdf', bytes: testPdf('firefox 301') } },
    { path: '/invoices/302', html: directoryInvoice('INV-302'), pdf: { path: '/files/INV-302.pdf', bytes: testPdf('firefox 302') } },
  ]);

  firefox = await launchFirefoxWithExtension({ localDomains: [LAN_HOST, PAY_HOST, FILES_HOST], uuid: FIREFOX_UUID });
  extensionPage = await firefox.openExtensionPage('popup.html');
  const paired = await request<{ ok: boolean; error?: unknown }>({ type: 'connection.pair', relayUrl, code });
  if (!paired.ok) throw new Error(`pairing failed: ${JSON.stringify(paired.error)}`);
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await site?.close();
  await payHost?.close();
  await relay?.close();
  await smtp?.close();
});

/** A request to the background from an extension page, validated and answered as the popup's would be. */
function request<T>(message: unknown): Promise<T> {
  return extensionPage.evaluate(`globalThis.browser.runtime.sendMessage(${JSON.stringify(message)})`) as Promise<T>;
}

async function tabIdOf(url: string): Promise<number> {
  const id = await extensionPage.evaluate(`globalThis.browser.tabs.query({}).then((tabs) => tabs.find((tab) => tab.url === ${JSON.stringify(url)})?.id)`);
  if (typeof id !== 'number') throw new Error(`no tab shows ${url}`);
  return id;
}

const countOf = (context: Page | Frame, testId: string) => context.$$(byTestId(testId)).then((found) => found.length);
const attributeOf = (context: Page | Frame, testId: string, name: string) => context.$eval(byTestId(testId), (element, attribute) => element.getAttribute(attribute), name).catch(() => null);
const textOf = (context: Page | Frame, testId: string) => context.$eval(byTestId(testId), (element) => element.textContent ?? '').catch(() => '');
const valueOf = (context: Page | Frame, testId: string) => context.$eval(byTestId(testId), (element) => (element as HTMLInputElement).value).catch(() => null);
const isVisible = (context: Page | Frame, testId: string) =>
  context
    .$eval(byTestId(testId), (element) => {
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    })
    .catch(() => false);

/** A new tab at least as large as Chromium's default window, signed in to the app and showing `path`. */
async function openSignedIn(origin: string, path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${origin}/login?next=${encodeURIComponent(path)}`);
  return page;
}

/** Waits until the content script has read the page (the e2e build's mark). */
async function pageScanned(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-ownpost-e2e-scan')).catch(() => null), { timeout: 15_000 }).not.toBeNull();
}

/** Opens the panel on a page without a button, as the popup's "Send anyway" does, and returns its frame. */
async function sendAnyway(page: Page): Promise<Frame> {
  await page.waitForSelector('h1');
  const opened = await request<{ ok: boolean }>({ type: 'page.sendAnyway', tabId: await tabIdOf(page.url()) });
  expect(opened.ok, JSON.stringify(opened)).toBe(true);
  return panelFrame(page);
}

/** Does Ownpost hold the host permission `origin`? */
const holdsHost = (origin: string) => extensionPage.evaluate(`globalThis.browser.permissions.contains({ origins: [${JSON.stringify(origin)}] })`);

/** Presses the page's send button and returns the panel frame, once it takes clicks. */
async function openPanel(page: Page): Promise<Frame> {
  await page.waitForSelector(byTestId('ownpost-send'), { timeout: 15_000 });
  await page.click(byTestId('ownpost-send'));
  return panelFrame(page);
}

/**
 * Types into a panel field as a person does (the field's text selected, then keys). Not `fill`: after
 * the app's `location.href = …` was stopped, puppeteer's `fill` in Firefox changed the field without an
 * input event the panel counts (it counts only trusted ones), though a click and keys do.
 */
async function typeInto(panel: Frame, testId: string, text: string): Promise<void> {
  await panel.click(byTestId(testId));
  await panel.$eval(byTestId(testId), (element) => (element as HTMLInputElement).select());
  await panel.page().keyboard.type(text);
  await expect.poll(() => valueOf(panel, testId)).toBe(text);
}

async function submitAndWaitForSent(panel: Frame): Promise<void> {
  await panel.click(byTestId('ownpost-submit'));
  await expect.poll(() => attributeOf(panel, 'ownpost-status', 'data-state'), { timeout: 30_000 }).toBe('sent');
}

/**
 * Ownpost's small window that asks for a host (entrypoints/allow-host), once it shows its button. Found
 * by its document's address: Firefox's BiDi reports no load events (nor new addresses) for extension pages.
 */
async function allowWindow(): Promise<Page> {
  let found: Page | undefined;
  await expect
    .poll(
      async () => {
        for (const candidate of await firefox.browser.pages()) {
          const shown = await candidate.evaluate(() => location.pathname === '/allow-host.html' && document.readyState === 'complete' && Boolean(document.querySelector('#allow'))).catch(() => false);
          if (shown) found = candidate;
        }
        return Boolean(found);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/**
 * Clicks the panel's Allow button as a person does: scrolled to the middle of the panel first, where the
 * panel's Send bar (sticky at its bottom) does not cover it. puppeteer clicks at the button's point without
 * checking what is on top there, and a panel with the capture's lines is taller than the frame.
 */
async function clickAllow(panel: Frame): Promise<void> {
  await panel.$eval(byTestId('ownpost-allow-host-button'), (element) => element.scrollIntoView({ block: 'center' }));
  await panel.click(byTestId('ownpost-allow-host-button'));
}

let mailsSoFar = 0;
/** The next mail the SMTP server got. */
async function nextMail() {
  mailsSoFar++;
  return (await smtp.waitForMessages(mailsSoFar, 20_000))[mailsSoFar - 1]!;
}

describe('Ownpost in Firefox ESR, as in Chromium', () => {
  it('an invoicing app on a LAN name over plain HTTP: switched on from the popup, the button, the panel, the mail', async () => {
    const port = new URL(site.origin).port;
    const pageUrl = `http://${LAN_HOST}:${port}/lan/311`;
    const page = await openSignedIn(`http://${LAN_HOST}:${port}`, '/lan/311');
    expect(page.url()).toBe(pageUrl);
    expect(await page.evaluate(() => isSecureContext)).toBe(false);

    const popup = await firefox.openExtensionPage(`popup.html?tab=${await tabIdOf(pageUrl)}`);
    await expect.poll(() => attributeOf(popup, 'popup-site', 'data-state'), { timeout: 15_000 }).toBe('off');
    await popup.click(byTestId('popup-enable-site'));
    await expect.poll(() => attributeOf(popup, 'popup-site', 'data-state'), { timeout: 15_000 }).toBe('on');
    await expect.poll(() => countOf(page, 'ownpost-send'), { timeout: 15_000 }).toBe(1);
    await popup.close();

    const panel = await openPanel(page);
    await expect.poll(() => valueOf(panel, 'ownpost-to'), { timeout: 15_000 }).toBe('payables@delta.example');
    await expect.poll(() => valueOf(panel, 'ownpost-subject')).toContain('2026/311');
    await expect.poll(() => textOf(panel, 'ownpost-attachment'), { timeout: 15_000 }).toContain('311.pdf');
    await submitAndWaitForSent(panel);

    const mail = await nextMail();
    expect(mail.envelope.to).toEqual(['payables@delta.example']);
    expect(mail.parsed.subject).toContain('2026/311');
    expect(Buffer.compare(mail.parsed.attachments[0]!.content, LAN_PDF)).toBe(0);
    // Fetched over plain HTTP with the app's session cookie, on the app's own origin.
    expect(site.requests.filter((r) => r.path === '/lan/311.pdf' && r.method === 'GET').every((r) => r.withSession)).toBe(true);
    expect(site.refusedPdfRequests).toBe(0);
    await page.close();
  });

  for (const capture of CAPTURES) {
    it(`takes the PDF from the page: ${capture.name}, and sends it byte for byte`, async () => {
      const page = await openSignedIn(site.origin, capture.page.path);
      try {
        const panel = await sendAnyway(page);
        await expect.poll(() => isVisible(panel, 'ownpost-no-pdf'), { timeout: 15_000 }).toBe(true);

        await panel.click(byTestId('ownpost-capture-start'));
        await expect.poll(() => attributeOf(panel, 'ownpost-capture-status', 'data-state'), { timeout: 15_000 }).toMatch(/armed|taken/);
        const tabsBefore = (await firefox.browser.pages()).length;
        await page.click('#press');
        await expect.poll(() => attributeOf(panel, 'ownpost-capture-status', 'data-state'), { timeout: 15_000 }).toBe('taken');
        expect(await attributeOf(panel, 'ownpost-capture-status', 'data-route')).toBe(capture.route);
        // The app's download, new tab or navigation did not happen: the page is still the invoice, no tab
        // was added. Not for a hidden download frame: the capture reads the frame's address and lets the
        // frame be (pages add frames for other reasons too), so the app's own download goes on, as in
        // Chromium; Firefox opens a PDF it downloaded in a tab of its own.
        expect(page.url()).toContain(capture.page.path);
        if (capture.route !== 'frame') expect((await firefox.browser.pages()).length).toBe(tabsBefore);

        await typeInto(panel, 'ownpost-to', 'ap@beta.example');
        await expect.poll(() => valueOf(panel, 'ownpost-subject')).toContain(capture.number);
        await submitAndWaitForSent(panel);

        const mail = await nextMail();
        expect(mail.parsed.subject).toContain(capture.number);
        const attachment = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
        expect(attachment.filename).toMatch(/\.pdf$/);
        expect(Buffer.compare(attachment.content, capture.expected)).toBe(0);
      } finally {
        await page.close();
      }
    });
  }

  it('the popup on a page without a button: number ✓, recipient ✗, PDF ✗, and Send anyway opens the panel with the number', async () => {
    const page = await openSignedIn(site.origin, '/orders/55');
    await pageScanned(page);
    expect(await countOf(page, 'ownpost-send')).toBe(0);

    const popup = await firefox.openExtensionPage(`popup.html?tab=${await tabIdOf(page.url())}`);
    await popup.waitForSelector(byTestId('popup-page-report'), { timeout: 15_000 });
    expect(await attributeOf(popup, 'popup-page-report', 'data-detected')).toBe('false');
    expect(await attributeOf(popup, 'popup-report-number', 'data-found')).toBe('true');
    expect(await textOf(popup, 'popup-report-number')).toContain('SO-55');
    expect(await attributeOf(popup, 'popup-report-recipient', 'data-found')).toBe('false');
    expect(await attributeOf(popup, 'popup-report-pdf', 'data-found')).toBe('false');
    expect(await textOf(popup, 'popup-ports-note')).toContain('every port');

    await popup.click(byTestId('popup-send-anyway'));
    const panel = await panelFrame(page);
    await expect.poll(() => isVisible(panel, 'ownpost-panel'), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => valueOf(panel, 'ownpost-subject')).toContain('SO-55');
    expect(await isVisible(panel, 'ownpost-no-pdf')).toBe(true);
    await Promise.all([popup.close().catch(() => undefined), page.close()]);
  });

  it('a PDF the page shows only from memory (a blob: preview): the popup says PDF ✓, Send anyway attaches it, and it is sent byte for byte', async () => {
    const page = await openSignedIn(site.origin, '/angebote/118');
    await page.waitForSelector('iframe[src^="blob:"]', { timeout: 15_000 });
    await pageScanned(page);

    const popup = await firefox.openExtensionPage(`popup.html?tab=${await tabIdOf(page.url())}`);
    await popup.waitForSelector(byTestId('popup-page-report'), { timeout: 15_000 });
    expect(await attributeOf(popup, 'popup-report-pdf', 'data-found')).toBe('true');
    await popup.close();

    const panel = await sendAnyway(page);
    await expect.poll(() => countOf(panel, 'ownpost-attachment'), { timeout: 15_000 }).toBe(1);
    expect(await countOf(panel, 'ownpost-no-pdf')).toBe(0);
    await typeInto(panel, 'ownpost-to', 'einkauf@kunde.example');
    await typeInto(panel, 'ownpost-subject', 'Angebot 2026-118');
    await submitAndWaitForSent(panel);

    const mail = await nextMail();
    expect(mail.envelope.to).toEqual(['einkauf@kunde.example']);
    const attachment = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(attachment && Buffer.compare(attachment.content, PREVIEW_PDF)).toBe(0);
    await page.close();
  });

  for (const layout of LAYOUTS) {
    it(`puts the button inside the viewport where a click reaches it: ${layout.name}`, async () => {
      const page = await openSignedIn(site.origin, `/layout/${layout.n}`);
      await page.waitForSelector(byTestId('ownpost-send'), { timeout: 15_000 });
      const where = await page.evaluate(buttonPlacement);
      expect(where, JSON.stringify(where.rect)).toMatchObject({ inViewport: true, hit: true });
      // A person's click at that point opens the panel.
      await page.mouse.click(where.x, where.y);
      await panelFrame(page);
      await page.close();
    });
  }

  it("remembers the recipient of a send and suggests it on the customer's next invoice", async () => {
    const page = await openSignedIn(site.origin, '/invoices/301');
    const first = await openPanel(page);
    await expect.poll(() => textOf(first, 'ownpost-attachment'), { timeout: 15_000 }).toContain('INV-301');
    expect(await valueOf(first, 'ownpost-to')).toBe('');
    await first.locator(byTestId('ownpost-to')).fill('ap@kappa.example');
    await submitAndWaitForSent(first);
    expect((await nextMail()).envelope.to).toEqual(['ap@kappa.example']);
    // The relay knows it now, for every member of the company.
    await expect
      .poll(async () => (await relay.request('GET', '/v1/customers?name=Kappa%20Oy', { token: memberToken })).body.customers?.[0]?.recipients, { timeout: 15_000 })
      .toEqual(['ap@kappa.example']);

    await page.goto(`${site.origin}/invoices/302`);
    const panel = await openPanel(page);
    await expect.poll(() => valueOf(panel, 'ownpost-to'), { timeout: 15_000 }).toBe('ap@kappa.example');
    expect(await attributeOf(panel, 'ownpost-customer-suggestion', 'data-source')).toBe('directory');
    expect(await textOf(panel, 'ownpost-customer-suggestion')).toContain('Kappa Oy');
    await submitAndWaitForSent(panel);
    const mail = await nextMail();
    expect(mail.envelope.to).toEqual(['ap@kappa.example']);
    expect(mail.parsed.subject).toContain('INV-302');
    await page.close();
  });

  it('a PDF link on a host Ownpost may not read: "Allow Ownpost to read <host>" asks in Ownpost’s window on the click; refused it says so, allowed the PDF is attached at once', async () => {
    const origin = `http://${PAY_HOST}/*`;
    const hostActive = () => holdsHost(origin);
    expect(await hostActive()).toBe(false);
    const page = await openSignedIn(site.origin, '/invoices/412');
    try {
      const panel = await sendAnyway(page);
      await expect.poll(() => attributeOf(panel, 'ownpost-allow-host', 'data-host'), { timeout: 15_000 }).toBe(PAY_HOST);
      expect(await textOf(panel, 'ownpost-allow-host-button')).toBe(`Allow Ownpost to read ${PAY_HOST}`);
      expect(await countOf(panel, 'ownpost-attachment')).toBe(0);
      // Nothing asked before the click.
      expect(await hostActive()).toBe(false);

      // Firefox gives the panel's frame no permissions API: the click opens Ownpost's small window for that
      // one origin, whose own button asks the browser (the prompt is answered by the pref
      // extensions.webextOptionalPermissionPrompts, test/helpers/firefox.ts), on a real click there.
      // Refused first (the window's Cancel): the panel says so, asks nothing more, and Add a file stays.
      await panel.click(byTestId('ownpost-allow-host-button'));
      const first = await allowWindow();
      await first.click(byTestId('allow-host-cancel'));
      await expect.poll(() => attributeOf(panel, 'ownpost-allow-host', 'data-state'), { timeout: 15_000 }).toBe('refused');
      expect(await textOf(panel, 'ownpost-allow-host')).toContain(`Ownpost was not allowed to read ${PAY_HOST}`);
      expect(await hostActive()).toBe(false);
      expect(await countOf(panel, 'ownpost-attachment')).toBe(0);
      expect(await countOf(panel, 'ownpost-add-file')).toBe(1);

      await panel.$eval(byTestId('ownpost-allow-host-button'), (element) => element.scrollIntoView({ block: 'center' }));
      await panel.click(byTestId('ownpost-allow-host-button'));
      const window = await allowWindow();
      expect(new URL(await window.evaluate(() => location.href)).searchParams.get('origin')).toBe(origin);
      expect(await textOf(window, 'allow-host-confirm')).toBe(`Allow Ownpost to read ${PAY_HOST}`);
      expect(await hostActive()).toBe(false);
      await window.click(byTestId('allow-host-confirm'));
      await expect.poll(() => countOf(panel, 'ownpost-attachment'), { timeout: 15_000 }).toBe(1);
      expect(await hostActive()).toBe(true);
      expect(await holdsHost('http://*.other.test/*')).toBe(false);

      await typeInto(panel, 'ownpost-to', 'ap@sigma.example');
      await submitAndWaitForSent(panel);
      const mail = await nextMail();
      expect(mail.parsed.subject).toContain('2026/412');
      const attachment = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
      expect(Buffer.compare(attachment.content, PAY_PDF)).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('"Take the PDF from the page" catches a file on the app’s files host: "Allow Ownpost to read <host>" in Ownpost’s window, and the file is taken at once', async () => {
    const origin = `http://${FILES_HOST}/*`;
    const hostActive = () => holdsHost(origin);
    expect(await hostActive()).toBe(false);
    const page = await openSignedIn(site.origin, '/invoices/413');
    try {
      const panel = await sendAnyway(page);
      await expect.poll(() => isVisible(panel, 'ownpost-no-pdf'), { timeout: 15_000 }).toBe(true);
      await typeInto(panel, 'ownpost-to', 'ap@beta.example');

      await panel.click(byTestId('ownpost-capture-start'));
      await expect.poll(() => attributeOf(panel, 'ownpost-capture-status', 'data-state'), { timeout: 15_000 }).toBe('armed');
      const tabsBefore = (await firefox.browser.pages()).length;
      await page.click('#press');
      // The app's new tab did not open; the file it would have shown is on a host Ownpost may not read.
      await expect.poll(() => attributeOf(panel, 'ownpost-capture-status', 'data-reason'), { timeout: 15_000 }).toBe('other_site');
      expect(await textOf(panel, 'ownpost-capture-status')).toContain(FILES_HOST);
      expect((await firefox.browser.pages()).length).toBe(tabsBefore);
      expect(await attributeOf(panel, 'ownpost-allow-host', 'data-host')).toBe(FILES_HOST);
      expect(await textOf(panel, 'ownpost-allow-host-button')).toBe(`Allow Ownpost to read ${FILES_HOST}`);
      expect(await hostActive()).toBe(false);
      expect(payHost.requests.filter((r) => r.path === '/f/413')).toEqual([]);

      // Refused first (the window's Cancel): said so, nothing fetched, the draft and Add a file stay.
      await clickAllow(panel);
      await (await allowWindow()).click(byTestId('allow-host-cancel'));
      await expect.poll(() => attributeOf(panel, 'ownpost-allow-host', 'data-state'), { timeout: 15_000 }).toBe('refused');
      expect(await textOf(panel, 'ownpost-allow-host')).toContain(`Ownpost was not allowed to read ${FILES_HOST}`);
      expect(await countOf(panel, 'ownpost-add-file')).toBe(1);
      expect(await valueOf(panel, 'ownpost-to')).toBe('ap@beta.example');
      expect(await hostActive()).toBe(false);
      expect(payHost.requests.filter((r) => r.path === '/f/413')).toEqual([]);

      await clickAllow(panel);
      const window = await allowWindow();
      expect(new URL(await window.evaluate(() => location.href)).searchParams.get('origin')).toBe(origin);
      await window.click(byTestId('allow-host-confirm'));
      await expect.poll(() => attributeOf(panel, 'ownpost-capture-status', 'data-state'), { timeout: 15_000 }).toBe('taken');
      expect(await countOf(panel, 'ownpost-attachment')).toBe(1);
      // Exactly that host, nothing wider; fetched without the app's cookies.
      expect(await hostActive()).toBe(true);
      expect(await holdsHost('http://*.other.test/*')).toBe(false);
      expect(payHost.requests.filter((r) => r.path === '/f/413').every((r) => !r.withSession)).toBe(true);
      expect(await valueOf(panel, 'ownpost-to')).toBe('ap@beta.example');

      await submitAndWaitForSent(panel);
      const mail = await nextMail();
      expect(mail.envelope.to).toEqual(['ap@beta.example']);
      expect(mail.parsed.subject).toContain('2026/413');
      const pdfs = mail.parsed.attachments.filter((a) => a.contentType === 'application/pdf');
      expect(pdfs).toHaveLength(1);
      expect(Buffer.compare(pdfs[0]!.content, FILES_PDF)).toBe(0);
    } finally {
      await page.close();
    }
  });
});
