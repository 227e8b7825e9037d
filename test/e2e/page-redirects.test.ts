/**
 * Document links are never followed blindly (issue 14): the background follows redirects by hand and
 * checks every hop before it goes out, and asks the site about a link only when the user presses the
 * button. Before, a same-site link that redirected to localhost made a credentialed request there
 * as soon as the page loaded.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openPanel, openSignedIn, pageScanned, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';

const PDF = testPdf('redirected 901');
const invoice = (n: number) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice INV-${n}</title></head><body>
  <h1>Invoice INV-${n}</h1><p>Customer: Sigma Ltd</p><p>E-mail: <a href="mailto:ap@sigma.example">ap@sigma.example</a></p>
  <p><a href="/docs/${n}/download">Download document</a></p></body></html>`;

let setup: PairedBrowser;
let site: InvoiceSite;
/** A service on this machine, reached as `localhost`: a redirect must never make the extension call it. */
let internal: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser();
  internal = await startInvoiceSite([{ path: '/internal', html: '', pdfs: [{ path: '/internal/export', bytes: testPdf('internal'), public: true }] }]);
  const internalUrl = `http://localhost:${new URL(internal.origin).port}/internal/export`;
  site = await startInvoiceSite([
    { path: '/invoices/900', html: invoice(900) },
    { path: '/docs/900/download', html: '', redirectTo: internalUrl },
    { path: '/invoices/901', html: invoice(901) },
    { path: '/docs/901/download', html: '', redirectTo: '/files/901.pdf', pdf: { path: '/files/901.pdf', bytes: PDF, disposition: 'attachment; filename="INV-901.pdf"' } },
  ]);
  page = await setup.browser.context.newPage();
});

afterAll(async () => {
  await setup?.close();
  await site?.close();
  await internal?.close();
});

const asked = (path: string) => site.requests.filter((r) => r.path === path);

describe('document links that redirect', () => {
  it('redirect to localhost: a same-site link that redirects there makes no request there, neither on load nor after the click', async () => {
    await openSignedIn(page, site.origin, '/invoices/900');
    await page.getByTestId('ownpost-send').waitFor({ timeout: 10_000 });
    // The page script has read the page and shown its button: a question about the link made on load
    // would have been made by then.
    await pageScanned(page);
    // Nothing asked the site about the link while the user did nothing.
    expect(asked('/docs/900/download')).toEqual([]);

    const panel = await openPanel(page);
    await expect.poll(() => asked('/docs/900/download').length, { timeout: 10_000 }).toBeGreaterThan(0);
    // The link was asked about (with the session) once the user pressed the button; its redirect was not followed.
    expect(asked('/docs/900/download').every((r) => r.withSession)).toBe(true);
    // The panel opens all the same, without a document, and the user can add the file by hand.
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('ap@sigma.example');
    // The panel opened once the background had answered about the link: a redirect it followed would
    // have reached the internal service before that.
    expect(internal.requests).toEqual([]);
    expect(await panel.getByTestId('ownpost-attachment').count()).toBe(0);
    expect(await panel.getByTestId('ownpost-add-file').count()).toBe(1);
  });

  it('follows a redirect on the same site, hop by hop, to the PDF, and sends it', async () => {
    await openSignedIn(page, site.origin, '/invoices/901');
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-attachment').textContent(), { timeout: 10_000 }).toContain('INV-901.pdf');
    await panel.getByTestId('ownpost-submit').click();
    await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    const [mail] = await setup.smtp.waitForMessages(1);
    expect(Buffer.compare(mail!.parsed.attachments[0]!.content, PDF)).toBe(0);
    expect(internal.requests).toEqual([]);
  });
});
