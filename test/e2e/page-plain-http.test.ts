/**
 * An on-premises invoicing app on a LAN name over plain HTTP, on a port of its own (issue 16 item 1:
 * on `http://erp.local:8080` the panel never opened, because content scripts called
 * `crypto.randomUUID()`, which does not exist outside secure contexts). Chromium resolves `erp.local`
 * to 127.0.0.1 (`--host-resolver-rules`); the site is switched on the production way, from the popup;
 * the invoice goes all the way to a real SMTP server.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openPanel, startPairedBrowser, tabIdOf, type PairedBrowser } from '../helpers/paired-browser';

const LAN_HOST = 'erp.local';
const PDF = testPdf('lan invoice 2026/311');
const INVOICE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice 2026/311 – Acme on-prem ERP</title></head>
<body style="font:15px system-ui;margin:40px"><h1>Invoice 2026/311</h1>
<p>Customer: Delta Ltd · <a href="mailto:payables@delta.example">payables@delta.example</a></p>
<p>Amount due: 1 140.00 EUR</p><p><a href="/invoices/311.pdf">Download PDF</a></p></body></html>`;

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;
let pageUrl: string;

beforeAll(async () => {
  setup = await startPairedBrowser({ hosts: { [LAN_HOST]: '127.0.0.1' } });
  site = await startInvoiceSite([{ path: '/invoices/311', html: INVOICE, pdf: { path: '/invoices/311.pdf', bytes: PDF } }]);
  // The site's own port, never 80: an app on `erp.local:<port>`, as on-premises apps are.
  pageUrl = `http://${LAN_HOST}:${new URL(site.origin).port}/invoices/311`;
  page = await setup.browser.context.newPage();
});

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

describe('an invoicing app on a LAN name over plain HTTP', () => {
  it('is switched on from the popup and shows the button', async () => {
    await page.goto(`http://${LAN_HOST}:${new URL(site.origin).port}/login?next=/invoices/311`);
    expect(page.url()).toBe(pageUrl);
    expect(await page.evaluate(() => isSecureContext)).toBe(false);
    const popup = setup.extensionPage;
    await popup.goto(`chrome-extension://${setup.browser.extensionId}/popup.html?tab=${await tabIdOf(setup, pageUrl)}`);
    await expect.poll(() => popup.getByTestId('popup-site').getAttribute('data-state'), { timeout: 10_000 }).toBe('off');
    await popup.getByTestId('popup-enable-site').click();
    await expect.poll(() => popup.getByTestId('popup-site').getAttribute('data-state')).toBe('on');
    await expect.poll(() => page.getByTestId('ownpost-send').count(), { timeout: 10_000 }).toBe(1);
  });

  it('opens the panel from the insecure page and sends the invoice all the way to the mailbox', async () => {
    // The content script runs in the page's insecure context (no crypto.randomUUID there); the panel
    // frame is an extension page, which Chromium counts as secure even inside an insecure page.
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('payables@delta.example');
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain('2026/311');
    await expect.poll(() => panel.getByTestId('ownpost-attachment').textContent(), { timeout: 10_000 }).toContain('311.pdf');
    await panel.getByTestId('ownpost-submit').click();
    await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');

    const [mail] = await setup.smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual(['payables@delta.example']);
    expect(mail!.parsed.subject).toContain('2026/311');
    expect(Buffer.compare(mail!.parsed.attachments[0]!.content, PDF)).toBe(0);
    // Fetched with the app's session cookie, on the app's own origin.
    expect(site.refusedPdfRequests).toBe(0);
  });
});
