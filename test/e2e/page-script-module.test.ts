/**
 * In Chromium the first script imports the page script as a module (issue 18,
 * extension/entrypoints/invoice.content/page-contract.ts), so the file is web accessible. It must
 * still load on a page whose own policy forbids every script, run in the extension's isolated world,
 * and leave the page nothing to see: no global, no entry for its load in the page's resource timing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openSignedIn, pageScanned, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';

const STRICT_POLICY = "default-src 'none'; script-src 'none'; connect-src 'none'; style-src 'unsafe-inline'";
const invoice = `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${STRICT_POLICY}"><title>Invoice INV-950</title></head><body>
  <h1>Invoice INV-950</h1><p>Customer: Sigma Ltd</p><p><a href="/invoices/950.pdf">Download PDF</a></p></body></html>`;

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([{ path: '/invoices/950', html: invoice, pdf: { path: '/invoices/950.pdf', bytes: testPdf('module 950') } }]);
  page = await setup.browser.context.newPage();
});

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

describe('the page script as a module', () => {
  it('loads under a page policy that forbids scripts, and the page sees neither it nor its load (exposed page script)', async () => {
    const ours: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('[ownpost]')) ours.push(message.text());
    });
    await openSignedIn(page, site.origin, '/invoices/950');
    await page.getByTestId('ownpost-send').waitFor({ timeout: 10_000 });
    expect(await pageScanned(page)).toBe('document');
    // The import worked: a failed one says so and falls back to the background's injection.
    expect(ours).toEqual([]);
    const seen = await page.evaluate(() => ({
      loads: performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => !name.startsWith(location.origin)),
      globals: Object.keys(window).filter((key) => /ownpost|invoice/i.test(key)),
    }));
    expect(seen).toEqual({ loads: [], globals: [] });
  });
});
