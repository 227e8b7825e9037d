/**
 * The page is read from a copy, off its main thread (issue 18, extension/sites/page-copy.ts): the
 * detector runs in the extension's offscreen document and is never loaded into the page, yet it sees
 * what the page shows, the live values of its form controls included. A page too large to copy is
 * read in the page itself, as before, with the same result for the user.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openPanel, openSignedIn, pageScanned, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';

/** An invoice whose customer address is in a form field the page's own script filled in after parsing (no value attribute). */
const invoice = (id: number, filler = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice INV-${id}</title></head><body>
  <h1>Invoice INV-${id}</h1><p>Customer: Copy Ltd</p>
  <p><label for="email">Customer e-mail</label> <input id="email" value="old@stale.example"></p>
  <p><a href="/invoices/${id}.pdf">Download PDF</a></p>${filler}
  <script>document.getElementById('email').value = 'ap${id}@live.example';</script></body></html>`;

/** More elements than a copy may have (page-copy.ts, MAX_COPY_ELEMENTS). */
const FILLER = `<div hidden>${'<span>·</span>'.repeat(25_000)}</div>`;

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;
let cdp: CDPSession;
/** Every script the page's renderer compiled, in any world (the page's, our isolated one). */
const parsed: string[] = [];

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([
    { path: '/invoices/961', html: invoice(961), pdf: { path: '/invoices/961.pdf', bytes: testPdf('copy 961') } },
    { path: '/invoices/962', html: invoice(962, FILLER), pdf: { path: '/invoices/962.pdf', bytes: testPdf('copy 962') } },
  ]);
  page = await setup.browser.context.newPage();
  cdp = await setup.browser.context.newCDPSession(page);
  cdp.on('Debugger.scriptParsed', (event: { url: string }) => parsed.push(event.url));
  await cdp.send('Debugger.enable');
});

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

const detectorInPage = () => parsed.some((url) => url.endsWith('/content-scripts/page-detector.js'));

describe('reading the page from a copy', () => {
  it('finds the invoice without loading the detector into the page, and reads the live value of its form field', async () => {
    await openSignedIn(page, site.origin, '/invoices/961');
    await page.getByTestId('ownpost-send').waitFor({ timeout: 15_000 });
    expect(await pageScanned(page)).toBe('document');
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('ap961@live.example');
    expect(parsed.some((url) => url.endsWith('/content-scripts/invoice.js'))).toBe(true);
    expect(detectorInPage()).toBe(false);
    // Where the reading happened instead: the extension's offscreen document.
    const offscreen = await setup.extensionPage.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { getContexts(filter: object): Promise<unknown[]> } } }).chrome.runtime
        .getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })
        .then((contexts) => contexts.length),
    );
    expect(offscreen).toBe(1);
  });

  it('reads a page too large to copy in the page itself, with the same result', async () => {
    parsed.length = 0;
    await openSignedIn(page, site.origin, '/invoices/962');
    await page.getByTestId('ownpost-send').waitFor({ timeout: 15_000 });
    expect(await pageScanned(page)).toBe('document');
    expect(detectorInPage()).toBe(true);
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('ap962@live.example');
  });
});
