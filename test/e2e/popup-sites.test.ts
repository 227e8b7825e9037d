/**
 * Switching Ownpost on for a site, in Chromium, the production way: the popup asks for the site's
 * permission and registers the content script at run time (chrome.scripting), the open page gets its
 * send button at once, later loads get it from the registration, and turning the site off in the
 * options page takes it away again.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium';
import { takePicture } from '../helpers/readme-pictures';
import { startInvoiceSite, type InvoiceSite } from '../helpers/invoice-site';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

/** Not in the e2e manifest's content scripts, but in its host permissions (wxt.config.ts): no prompt, no injection until registered. */
const SITE_HOST = 'runtime-site.test';
const INVOICE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice INV-1001</title></head>
<body style="font:15px system-ui;margin:40px"><h1>Invoice INV-1001</h1>
<p>Customer: <a href="mailto:billing@customer.example">billing@customer.example</a></p>
<p><a href="/invoices/1001/pdf">Download PDF</a></p></body></html>`;

let relay: TestRelay;
let site: InvoiceSite;
let browser: ExtensionBrowser;
let pageUrl: string;

beforeAll(async () => {
  relay = await startTestRelay();
  site = await startInvoiceSite([{ path: '/invoices/1001', html: INVOICE_HTML }]);
  pageUrl = `http://${SITE_HOST}:${new URL(site.origin).port}/invoices/1001`;
  browser = await launchWithExtension({ hosts: { [SITE_HOST]: '127.0.0.1' } });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await relay?.close();
});

async function ourRegistrations(): Promise<{ id: string; matches?: string[]; js?: string[] }[]> {
  const all = await browser.serviceWorker.evaluate(() => (globalThis as any).chrome.scripting.getRegisteredContentScripts());
  return (all as { id: string }[]).filter((script) => script.id.startsWith('ownpost-site:'));
}

async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(async (wanted) => {
    const [tab] = await (globalThis as any).chrome.tabs.query({ url: wanted });
    return tab.id as number;
  }, url);
}

/** How long a page may take to show the button once the content script runs. */
const SEND_BUTTON_WAIT = { timeout: 10_000 };

/**
 * Opens the same invoice where the e2e build always injects (127.0.0.1, wxt.config.ts) and waits for
 * its button: a page opened before it that the content script ran on would have its button by then.
 * How a test shows that a page did not get the content script without waiting a fixed time.
 */
async function twinGotItsButton(): Promise<void> {
  const twin = await browser.context.newPage();
  await twin.goto(`${site.origin}/invoices/1001`);
  await expect.poll(() => twin.getByTestId('ownpost-send').count(), SEND_BUTTON_WAIT).toBe(1);
  await twin.close();
}

describe('using Ownpost on a site', () => {
  it('switches a site on from the popup, registers the content script at run time, and the button appears', async () => {
    const { user } = await relay.addUser('anna@firma.se', 'admin');
    const code = newPairingCode();
    await relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId: user.id, expiresAt: Date.now() + 600_000 });

    // The invoicing app is open; Ownpost does nothing there yet.
    const invoice = await browser.context.newPage();
    await invoice.goto(pageUrl);
    await twinGotItsButton();
    expect(await invoice.getByTestId('ownpost-send').count()).toBe(0);
    expect(await ourRegistrations()).toEqual([]);

    // The popup, over that tab.
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 560 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('relay-url').fill(await relay.relay.listen());
    await popup.getByTestId('pairing-code').fill(code);
    await popup.getByTestId('connect').click();
    await expect.poll(() => popup.getByTestId('connected-as').textContent(), { timeout: 10_000 }).toBe('anna@firma.se');
    // Paired; now the popup as it opens over the invoice's tab.
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(popup, pageUrl)}`);
    const state = popup.getByTestId('popup-site');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('off');
    expect(await state.textContent()).toContain(`${SITE_HOST}:`);
    // As tall as the popup's content, as Chromium sizes a real popup (no scroll bars in the picture).
    await takePicture(popup, 'popup-site-off', { wholePage: true });

    await popup.getByTestId('popup-enable-site').click();
    await expect.poll(() => state.getAttribute('data-state')).toBe('on');
    expect(await popup.getByTestId('popup-site-on').textContent()).toBe('Ownpost is on for this site');

    // Registered in Chromium for the site, with the in-page entrypoint.
    expect(await ourRegistrations()).toEqual([expect.objectContaining({ id: `ownpost-site:http://${SITE_HOST}/*`, matches: [`http://${SITE_HOST}/*`], js: ['content-scripts/invoice.js'] })]);
    // The open page got the button at once, without a reload…
    await expect.poll(() => invoice.getByTestId('ownpost-send').count(), SEND_BUTTON_WAIT).toBe(1);
    // …and every later load gets it from the registration.
    await invoice.reload();
    await expect.poll(() => invoice.getByTestId('ownpost-send').count(), SEND_BUTTON_WAIT).toBe(1);
    await popup.close();
    await invoice.close();
  });

  it('lists the site in the options page, and turning it off there removes the registration', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#/sites`);
    const row = options.getByTestId('site-row');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.getAttribute('data-origin')).toBe(new URL(pageUrl).origin);
    expect(await row.textContent()).toContain('On');
    await takePicture(options, 'options-sites', { wholePage: true });

    await options.getByTestId('site-disable').click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await ourRegistrations()).toEqual([]);

    const invoice = await browser.context.newPage();
    await invoice.goto(pageUrl);
    await twinGotItsButton();
    expect(await invoice.getByTestId('ownpost-send').count()).toBe(0);
  });
});
