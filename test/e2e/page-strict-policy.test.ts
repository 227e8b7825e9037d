/**
 * The page script is part of the script every page of an enabled site loads (issue 18,
 * extension/entrypoints/invoice.content/page-contract.ts): on a page whose own policy forbids every
 * script it still shows the button, in the extension's isolated world, and leaves the page nothing
 * to see: no global, no load in the page's resource timing.
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

describe('the page script on a strict page', () => {
  it('runs under a page policy that forbids scripts, and the page sees neither it nor a load (exposed page script)', async () => {
    const ours: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('[ownpost]')) ours.push(message.text());
    });
    await openSignedIn(page, site.origin, '/invoices/950');
    await page.getByTestId('ownpost-send').waitFor({ timeout: 10_000 });
    expect(await pageScanned(page)).toBe('document');
    // Nothing failed: a copy the background could not read, or a detector that did not load, says so.
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
