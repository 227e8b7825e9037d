/**
 * "Why is there no button?" (issue 16 item 11) in Chromium: on an enabled site the popup shows what
 * the open page offered (number ✓, recipient ✗, PDF ✗), says the site is on for every port of its
 * host (item 7), and "Send anyway" opens the panel on the page with what was found. A PDF the page
 * shows only from memory (a `blob:` preview its script made) counts as found, and is attached.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPreviewPage, startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { sendAndWait } from '../helpers/app-steps';
import { openSignedIn, pageScanned, panelFrame, startPairedBrowser, tabIdOf, type PairedBrowser } from '../helpers/paired-browser';

let setup: PairedBrowser;
let site: InvoiceSite;
const PREVIEW = testPdf('preview of quote 2026-118');

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([
    {
      path: '/orders/55',
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop admin</title></head><body><main>
        <h1>Invoice SO-55</h1><p>Customer: Delta Oy</p><button type="button">Print</button></main></body></html>`,
    },
    {
      // The app's preview: its script fetches the PDF from its API and shows it from a blob: address, the only trace of it on the page.
      path: '/angebote/118',
      html: blobPreviewPage('/api/render/118'),
      pdf: { path: '/api/render/118', bytes: PREVIEW },
    },
    {
      // A preview over the 25 MB a document may have: not taken (nor copied into the extension's script).
      path: '/angebote/119',
      html: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Vorschau</title></head><body><main>
        <h2>Vorschau</h2><div id="viewer"></div>
        <script>const bytes = new Uint8Array(26 * 1024 * 1024);
          bytes.set(new TextEncoder().encode('%PDF-1.7\\n'));
          const frame = document.createElement('iframe');
          frame.src = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
          document.getElementById('viewer').append(frame);</script></main></body></html>`,
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

/** The page at `path` once its in-memory preview shows and Ownpost has read it, and the popup's report on it. */
async function reportOnPreview(path: string): Promise<{ page: Page; popup: Page }> {
  const page = await setup.browser.context.newPage();
  await openSignedIn(page, site.origin, path);
  await page.locator('iframe[src^="blob:"]').waitFor();
  await pageScanned(page);
  const popup = await setup.browser.context.newPage();
  await popup.goto(`chrome-extension://${setup.browser.extensionId}/popup.html?tab=${await tabIdOf(setup, page.url())}`);
  await popup.getByTestId('popup-page-report').waitFor();
  return { page, popup };
}

describe('the popup on a page whose PDF is only a preview made in memory', () => {
  it('shows PDF ✓, and Send anyway opens the panel with the preview attached, byte for byte', async () => {
    const { page, popup } = await reportOnPreview('/angebote/118');
    expect(await popup.getByTestId('popup-report-pdf').getAttribute('data-found')).toBe('true');

    await popup.getByTestId('popup-send-anyway').click();
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ownpost-attachment').count(), { timeout: 15_000 }).toBe(1);
    expect(await panel.getByTestId('ownpost-no-pdf').count()).toBe(0);
    expect(await panel.getByTestId('ownpost-attachment').textContent()).toMatch(/\.pdf/i);
    // The page names no document: the user writes the subject.
    await panel.getByTestId('ownpost-to').fill('einkauf@kunde.example');
    await panel.getByTestId('ownpost-subject').fill('Angebot 2026-118');
    // The popup was a tab of its own here; a user's popup closes, leaving the page in front.
    await popup.close();
    await page.bringToFront();
    await sendAndWait(panel);
    const [mail] = await setup.smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual(['einkauf@kunde.example']);
    const pdf = mail!.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf && Buffer.compare(pdf.content, PREVIEW)).toBe(0);
  });
});

describe('the popup on a page whose in-memory preview is too large to send', () => {
  it('shows PDF ✗, and Send anyway opens the panel without it', async () => {
    const { page, popup } = await reportOnPreview('/angebote/119');
    expect(await popup.getByTestId('popup-report-pdf').getAttribute('data-found')).toBe('false');
    await popup.getByTestId('popup-send-anyway').click();
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('ownpost-no-pdf').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await panel.getByTestId('ownpost-attachment').count()).toBe(0);
    await Promise.all([popup.close(), page.close()]);
  });
});
