/**
 * "Why is there no button?" (issue 16 item 11) in Chromium: on an enabled site the popup shows what
 * the open page offered (number ✓, recipient ✗, PDF ✗), says the site is on for every port of its
 * host (item 7), and "Send anyway" opens the panel on the page with what was found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, type InvoiceSite } from '../helpers/invoice-site';
import { openSignedIn, pageScanned, panelFrame, startPairedBrowser, tabIdOf, type PairedBrowser } from '../helpers/paired-browser';

let setup: PairedBrowser;
let site: InvoiceSite;

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([
    {
      path: '/orders/55',
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop admin</title></head><body><main>
        <h1>Invoice SO-55</h1><p>Customer: Delta Oy</p><button type="button">Print</button></main></body></html>`,
    },
  ]);
}, 60_000);

afterAll(async () => {
  await site?.close();
  await setup?.close();
});

describe('the popup on a page without a button', () => {
  it('shows number ✓, recipient ✗, PDF ✗, the every-port note, and Send anyway opens the panel with the number', async () => {
    const page = await setup.browser.context.newPage();
    await openSignedIn(page, site.origin, '/orders/55');
    await page.getByRole('heading', { name: 'Invoice SO-55' }).waitFor();
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);

    const popup = await setup.browser.context.newPage();
    await popup.goto(`chrome-extension://${setup.browser.extensionId}/popup.html?tab=${await tabIdOf(setup, page.url())}`);
    const report = popup.getByTestId('popup-page-report');
    await report.waitFor();
    expect(await report.getAttribute('data-detected')).toBe('false');
    expect(await popup.getByTestId('popup-report-number').getAttribute('data-found')).toBe('true');
    expect(await popup.getByTestId('popup-report-number').textContent()).toContain('SO-55');
    expect(await popup.getByTestId('popup-report-recipient').getAttribute('data-found')).toBe('false');
    expect(await popup.getByTestId('popup-report-pdf').getAttribute('data-found')).toBe('false');
    expect(await popup.getByTestId('popup-ports-note').textContent()).toContain('every port');

    await popup.getByTestId('popup-send-anyway').click();
    // The panel frame on the page (issue 14), with what the page showed.
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ownpost-panel').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain('SO-55');
    expect(await panel.getByTestId('ownpost-no-pdf').isVisible()).toBe(true);
  });
});
