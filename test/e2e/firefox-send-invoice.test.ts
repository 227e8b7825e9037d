/**
 * The end-to-end scenarios in Firefox ESR (issue 20), with the Firefox e2e build (MV3, fixed gecko id):
 * pair with a relay on another host (a real permissions.request, answered by a real click), switch a
 * site on from the popup (another real request), the send button on the invoice page, the panel,
 * a send that reaches a real SMTP server with the page's PDF byte for byte, and the options pages.
 *
 * Firefox MV2 builds declared no optional host permissions, so both requests failed everywhere but on
 * localhost: the two requests here are what would break again.
 *
 * Both are served over TLS under their names, as a company relay and a real invoicing app are (Firefox's
 * default MV3 policy would also upgrade them to https; the build sets its own without that, wxt.config.ts,
 * and test/e2e/firefox-parity.test.ts covers an app on plain HTTP).
 * The relay's TLS is terminated in front of it, as README "Several relays" advises.
 *
 * The panel's steps go through `panelFrame` (test/helpers/firefox.ts), the only place that knows how
 * the panel is mounted; everything else does not depend on it.
 */
import { serve, type ServerType } from '@hono/node-server';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import { certs } from '../helpers/certs';
import { byTestId, launchFirefoxWithExtension, panelFrame, type FirefoxWithExtension } from '../helpers/firefox';
import { startInvoiceSite, type InvoiceSite } from '../helpers/invoice-site';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

/** The relay as if on another machine: a name Firefox resolves to 127.0.0.1, outside the manifest's host permissions. */
const RELAY_HOST = 'relay.test';
/**
 * The invoicing app. The e2e manifest lists it in `host_permissions` (so the popup may read the tab's
 * address, as the toolbar button's activeTab grant would let it) but injects nothing there.
 */
const SITE_HOST = 'runtime-site.test';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n'), randomBytes(60_000), Buffer.from('\n%%EOF\n')]);
const INVOICE_HTML = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Faktura 2026-0042 · Fakturera</title></head>
<body style="font:15px system-ui;margin:40px">
  <h1>Faktura 2026-0042</h1>
  <p>Kund: <strong>Kund AB</strong><br>E-post: <a href="mailto:ekonomi@kund.se">ekonomi@kund.se</a></p>
  <p>Att betala: 12 500,00 SEK · Förfallodatum 2026-12-23</p>
  <p><a href="/invoices/42/pdf">Ladda ner PDF</a></p>
</body></html>`;

/** An invoice without a PDF link: its button fetches the PDF with a bearer token and opens it as a blob URL (round 2 of the capture's routes). */
const CAPTURE_PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(30_000), Buffer.from('\n%%EOF\n')]);
const CAPTURE_HTML = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Faktura 2026-0043 · Fakturera</title></head>
<body style="font:15px system-ui;margin:40px">
  <h1>Faktura 2026-0043</h1>
  <p>Kund: <strong>Kund AB</strong><br>E-post: <a href="mailto:ekonomi@kund.se">ekonomi@kund.se</a></p>
  <p>Att betala: 4 200,00 SEK · Förfallodatum 2026-12-30</p>
  <button id="press" type="button">Öppna</button>
  <script>
    document.getElementById('press').addEventListener('click', async () => {
      const response = await fetch('/api/invoices/43/file', { headers: { Authorization: 'Bearer tok-43' } });
      window.open(URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: 'application/pdf' })), '_blank');
    });
  </script>
</body></html>`;

let smtp: TestSmtpServer;
let relay: TestRelay;
let site: InvoiceSite;
/** The same invoice over plain HTTP on 127.0.0.1, where the e2e build always injects (see `twinGotItsButton`). */
let twin: InvoiceSite;
let firefox: FirefoxWithExtension;
let relayUrl: string;
let siteOrigin: string;
let profileId: string;
let relayTls: ServerType;
const FIREFOX_UUID = randomUUID();

beforeAll(async () => {
  smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  // The relay is told this Firefox installation, as an admin lists a fleet's pinned UUID (README, Security).
  relay = await startTestRelay({ hostnames: [RELAY_HOST] }, { OWNPOST_EXTENSION_IDS: FIREFOX_UUID });
  await relay.relay.listen(); // its delivery worker
  relayTls = await new Promise<ServerType>((resolve) => {
    const server = serve({ fetch: relay.relay.app.fetch, createServer: createTlsServer, serverOptions: { key: certs.server.key, cert: certs.server.cert }, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(server),
    );
  });
  relayUrl = `https://${RELAY_HOST}:${(relayTls.address() as AddressInfo).port}`;
  site = await startInvoiceSite(
    [
      { path: '/invoices/42', html: INVOICE_HTML, pdf: { path: '/invoices/42/pdf', bytes: PDF, disposition: 'attachment; filename="Faktura-2026-0042.pdf"' } },
      { path: '/dashboard', html: '<!doctype html><h1>Översikt</h1><p>Välkommen tillbaka.</p>' },
      { path: '/invoices/43', html: CAPTURE_HTML, pdf: { path: '/api/invoices/43/file', bytes: CAPTURE_PDF, authorization: 'Bearer tok-43' } },
    ],
    { https: true },
  );
  siteOrigin = `https://${SITE_HOST}:${new URL(site.origin).port}`;
  twin = await startInvoiceSite([{ path: '/invoices/42', html: INVOICE_HTML }]);
  firefox = await launchFirefoxWithExtension({ localDomains: [RELAY_HOST, SITE_HOST], uuid: FIREFOX_UUID });
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
  await twin?.close();
  (relayTls as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.();
  await new Promise((resolve) => (relayTls ? relayTls.close(resolve) : resolve(undefined)));
  await relay?.close();
  await smtp?.close();
});

/** Calls the extension API from an extension page (Firefox gives tests no handle on the background). */
function extensionApi<T>(page: Page, fn: (api: any, arg: any) => Promise<T>, arg?: unknown): Promise<T> {
  return page.evaluate(`(${fn.toString()})(globalThis.browser, ${JSON.stringify(arg ?? null)})`) as Promise<T>;
}

const textOf = (page: Page, testId: string) => page.$eval(byTestId(testId), (element) => element.textContent ?? '');
const attributeOf = (page: Page, testId: string, name: string) => page.$eval(byTestId(testId), (element, attribute) => element.getAttribute(attribute), name);
const countOf = (page: Page, testId: string) => page.$$(byTestId(testId)).then((found) => found.length);

/**
 * Opens the invoice where the e2e build always injects (plain HTTP on 127.0.0.1, wxt.config.ts) and
 * waits for its button: a page opened before it that the content script ran on would have its button
 * by then. How a test shows that a page did not get the content script without waiting a fixed time.
 */
async function twinGotItsButton(): Promise<void> {
  const page = await firefox.browser.newPage();
  await page.goto(`${twin.origin}/invoices/42`);
  await expect.poll(() => countOf(page, 'ownpost-send'), { timeout: 15_000 }).toBe(1);
  await page.close();
}

/** Waits until the content script has read the page (the e2e build's mark, extension/entrypoints/invoice.content/e2e-marks.ts). */
async function pageScanned(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-ownpost-e2e-scan')).catch(() => null), { timeout: 15_000 }).not.toBeNull();
}

describe('Ownpost in Firefox ESR', () => {
  it('pairs in the popup with a relay on another host, asking for its permission on the click', async () => {
    const { user, token } = await relay.addUser('anna@firma.se', 'admin');
    const created = await relay.request('POST', '/v1/profiles', { token, body: testProfile(smtp.port) });
    expect(created.status).toBe(201);
    profileId = created.body.id;
    const code = newPairingCode();
    await relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId: user.id, expiresAt: Date.now() + 600_000 });

    const popup = await firefox.openExtensionPage('popup.html');
    expect(await extensionApi(popup, (api, origin) => api.permissions.contains({ origins: [origin] }), `${relayUrl}/*`)).toBe(false);
    await popup.locator(byTestId('relay-url')).fill(relayUrl);
    await popup.locator(byTestId('pairing-code')).fill(code);
    await popup.click(byTestId('connect'));
    await expect.poll(() => textOf(popup, 'connected-as').catch(() => ''), { timeout: 15_000 }).toBe('anna@firma.se');
    expect(await extensionApi(popup, (api, origin) => api.permissions.contains({ origins: [origin] }), `${relayUrl}/*`)).toBe(true);
    await popup.close();
  });

  it('switches the invoicing app on from the popup (a real permission request) and the invoice page gets the button', async () => {
    const dashboard = await firefox.browser.newPage();
    await dashboard.goto(`${siteOrigin}/login?next=/dashboard`);
    const invoice = await firefox.browser.newPage();
    await invoice.goto(`${siteOrigin}/invoices/42`);
    await twinGotItsButton();
    expect(await countOf(invoice, 'ownpost-send')).toBe(0);

    const helper = await firefox.openExtensionPage('popup.html');
    const tabId = await extensionApi<number>(helper, async (api, url) => (await api.tabs.query({})).find((tab: { url?: string }) => tab.url === url).id, `${siteOrigin}/invoices/42`);
    const popup = await firefox.openExtensionPage(`popup.html?tab=${tabId}`);
    await expect.poll(() => attributeOf(popup, 'popup-site', 'data-state').catch(() => null), { timeout: 15_000 }).toBe('off');
    // Firefox grants an MV3 manifest's host permissions at install, but lets them be taken back (as a
    // user can in about:addons): without it the click below would ask for what the add-on already has.
    const pattern = `https://${SITE_HOST}/*`;
    await extensionApi(helper, (api, origin) => api.permissions.remove({ origins: [origin] }), pattern);
    expect(await extensionApi(helper, (api, origin) => api.permissions.contains({ origins: [origin] }), pattern)).toBe(false);

    await popup.click(byTestId('popup-enable-site'));
    await expect.poll(() => attributeOf(popup, 'popup-site', 'data-state'), { timeout: 15_000 }).toBe('on');
    expect(await extensionApi(helper, (api, origin) => api.permissions.contains({ origins: [origin] }), pattern)).toBe(true);
    const registered = await extensionApi<{ id: string; matches: string[] }[]>(helper, (api) => api.scripting.getRegisteredContentScripts());
    expect(registered.filter((script) => script.id.startsWith('ownpost-site:')).map((script) => script.matches)).toEqual([[pattern]]);

    // The open page gets the button at once; a page that shows no document gets none.
    await expect.poll(() => countOf(invoice, 'ownpost-send'), { timeout: 15_000 }).toBe(1);
    await dashboard.reload();
    await pageScanned(dashboard);
    expect(await countOf(dashboard, 'ownpost-send')).toBe(0);
    await Promise.all([popup.close(), helper.close(), dashboard.close(), invoice.close()]);
  });

  it('opens the panel prefilled from the page and sends the page’s PDF to a real SMTP server', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${siteOrigin}/login?next=/invoices/42`);
    await page.waitForSelector(byTestId('ownpost-send'), { timeout: 15_000 });
    await page.click(byTestId('ownpost-send'));

    const panel = await panelFrame(page);
    const valueOf = (testId: string) => panel.$eval(byTestId(testId), (element) => (element as HTMLInputElement).value);
    await expect.poll(() => valueOf('ownpost-to'), { timeout: 15_000 }).toBe('ekonomi@kund.se');
    await expect.poll(() => valueOf('ownpost-subject')).toContain('2026-0042');
    await expect.poll(() => valueOf('ownpost-from')).toBe(profileId);
    await expect.poll(() => panel.$eval(byTestId('ownpost-attachment'), (element) => element.textContent ?? '').catch(() => ''), { timeout: 15_000 }).toContain('Faktura-2026-0042.pdf');

    await panel.click(byTestId('ownpost-submit'));
    await expect.poll(() => panel.$eval(byTestId('ownpost-status'), (element) => element.getAttribute('data-state')).catch(() => null), { timeout: 30_000 }).toBe('sent');

    const [mail] = await smtp.waitForMessages(1, 20_000);
    expect(mail!.envelope.to).toEqual(['ekonomi@kund.se']);
    expect(mail!.parsed.subject).toContain('2026-0042');
    const attachment = mail!.parsed.attachments[0]!;
    expect(attachment.filename).toBe('Faktura-2026-0042.pdf');
    expect(Buffer.compare(attachment.content, PDF)).toBe(0);
    // Fetched by the background with the app's session cookie, as in Chromium.
    expect(site.refusedPdfRequests).toBe(0);
    await page.close();
  });

  it('takes the PDF from the page: a bearer-token fetch opened as a blob URL with window.open', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${siteOrigin}/login?next=/invoices/43`);
    await page.waitForSelector(byTestId('ownpost-send'), { timeout: 15_000 });
    await page.click(byTestId('ownpost-send'));
    const panel = await panelFrame(page);
    const stateOf = () => panel.$eval(byTestId('ownpost-capture-status'), (element) => element.getAttribute('data-state')).catch(() => null);
    await panel.waitForSelector(byTestId('ownpost-capture-start'), { timeout: 15_000 });
    await panel.click(byTestId('ownpost-capture-start'));
    await expect.poll(stateOf, { timeout: 15_000 }).toBe('armed');
    const tabs = (await firefox.browser.pages()).length;
    await page.click('#press');
    await expect.poll(stateOf, { timeout: 15_000 }).toBe('taken');
    expect(await panel.$eval(byTestId('ownpost-capture-status'), (element) => element.getAttribute('data-route'))).toBe('blob');
    expect((await firefox.browser.pages()).length).toBe(tabs);

    await panel.click(byTestId('ownpost-submit'));
    await expect.poll(() => panel.$eval(byTestId('ownpost-status'), (element) => element.getAttribute('data-state')).catch(() => null), { timeout: 30_000 }).toBe('sent');
    const mail = (await smtp.waitForMessages(2, 20_000))[1]!;
    expect(mail.parsed.subject).toContain('2026-0043');
    const attachments = mail.parsed.attachments.filter((a) => a.contentType === 'application/pdf');
    expect(attachments).toHaveLength(1);
    expect(Buffer.compare(attachments[0]!.content, CAPTURE_PDF)).toBe(0);
    await page.close();
  });

  it('shows the sender, the site and the sent message in the options pages, and turns the site off there', async () => {
    const senders = await firefox.openExtensionPage('options.html#/senders');
    await expect.poll(() => senders.$eval('body', (body) => body.textContent ?? ''), { timeout: 15_000 }).toContain('anna@firma.se');

    const history = await firefox.openExtensionPage('options.html#/history');
    await expect.poll(() => history.$eval('body', (body) => body.textContent ?? ''), { timeout: 15_000 }).toContain('2026-0042');

    const sites = await firefox.openExtensionPage('options.html#/sites');
    await expect.poll(() => countOf(sites, 'site-row'), { timeout: 15_000 }).toBe(1);
    expect(await attributeOf(sites, 'site-row', 'data-origin')).toBe(siteOrigin);
    await sites.click(byTestId('site-disable'));
    await expect.poll(() => countOf(sites, 'site-row')).toBe(0);
    const registered = await extensionApi<{ id: string }[]>(sites, (api) => api.scripting.getRegisteredContentScripts());
    expect(registered.filter((script) => script.id.startsWith('ownpost-site:'))).toEqual([]);

    const invoice = await firefox.browser.newPage();
    await invoice.goto(`${siteOrigin}/invoices/42`);
    await twinGotItsButton();
    expect(await countOf(invoice, 'ownpost-send')).toBe(0);
  });
});
