/**
 * A page the generic adapter cannot read (no labels, an icon for the PDF link), taught with the
 * element picker: the user clicks the number, the e-mail address, the customer's name and the PDF
 * link; the recipe is saved, shared with the company, and the page (and its siblings) get the button.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openPanel, openSignedIn, pageScanned, startPairedBrowser, tabIdOf, type PairedBrowser } from '../helpers/paired-browser';

const PDF_77 = testPdf('erp document 2026/77');
const PDF_78 = testPdf('erp document 2026/78');

/** An ERP screen without a single label Ownpost knows. */
const erpPage = (id: number, customer: string, email: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Acme ERP</title></head><body>
  <div class="topbar">Acme ERP · <span class="user">anna</span></div>
  <div class="doc">
    <div class="doc-head"><div class="doc-id">2026/${id}</div><div class="doc-state">✔</div></div>
    <div class="party"><span class="nm">${customer}</span><br><span class="contact">${email}</span></div>
    <div class="lines"><div>3 × Service</div></div>
    <a class="dl" href="/files/${id}" title="⬇">⬇</a>
  </div></body></html>`;

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser({ role: 'admin' });
  site = await startInvoiceSite([
    { path: '/erp/doc/77', html: erpPage(77, 'Beta AB', 'inkop@beta.se'), pdf: { path: '/files/77', bytes: PDF_77, disposition: 'attachment; filename="2026-77.pdf"' } },
    { path: '/erp/doc/78', html: erpPage(78, 'Gamma AB', 'ekonomi@gamma.se'), pdf: { path: '/files/78', bytes: PDF_78 } },
  ]);
  page = await setup.browser.context.newPage();
});

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

describe('a recipe made with the element picker', () => {
  it('starts with no button: the generic adapter finds no document on this page', async () => {
    await openSignedIn(page, site.origin, '/erp/doc/77');
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);
  });

  it('is taught by clicking the page, ignores clicks a page script makes, and does not follow the PDF link while picking', async () => {
    const pageUrl = `${site.origin}/erp/doc/77`;
    const started = await setup.request({ type: 'picker.start', tabId: await tabIdOf(setup, pageUrl) });
    expect(started).toEqual({ ok: true, data: { started: true } });
    const step = page.getByTestId('ownpost-picker-step');
    await expect.poll(() => step.getAttribute('data-field')).toBe('number');

    // A page script clicking the page is not the user picking.
    // The picker takes a click in the click's own handler (Picker.tsx), so by the time `click()`
    // returned, a click it counted would have moved it on.
    await page.evaluate(() => (document.querySelector('.doc-id') as HTMLElement).click());
    expect(await step.getAttribute('data-field')).toBe('number');

    await page.click('.doc-id');
    await expect.poll(() => step.getAttribute('data-field')).toBe('recipient');
    await page.click('.contact');
    await expect.poll(() => step.getAttribute('data-field')).toBe('customerName');
    await page.click('.nm');
    await expect.poll(() => step.getAttribute('data-field')).toBe('amount');
    await page.getByTestId('ownpost-picker-skip').click();
    await expect.poll(() => step.getAttribute('data-field')).toBe('dueDate');
    await page.getByTestId('ownpost-picker-skip').click();
    await expect.poll(() => step.getAttribute('data-field')).toBe('pdf');
    await page.click('.dl');
    expect(page.url()).toBe(pageUrl);

    const picks = page.getByTestId('ownpost-picker-pick');
    await expect
      .poll(() => picks.allTextContents())
      .toEqual([expect.stringContaining('2026/77'), expect.stringContaining('inkop@beta.se'), expect.stringContaining('Beta AB'), expect.stringContaining('/files/77')]);
    expect(await page.getByTestId('ownpost-recipe-pattern').inputValue()).toBe(`${site.origin}/erp/doc/*`);
    await page.getByTestId('ownpost-recipe-share').check();
    await page.getByTestId('ownpost-recipe-save').click();
    await expect.poll(() => page.getByTestId('ownpost-picker-status').getAttribute('data-state')).toBe('saved');
    expect(await page.getByTestId('ownpost-picker-status').textContent()).toContain('Shared with your company');
  });

  it('shares the recipe with the company through the relay', async () => {
    const listed = await setup.relay.request('GET', '/v1/recipes', { token: setup.user.token });
    expect(listed.body.recipes).toEqual([
      expect.objectContaining({ urlPattern: `${site.origin}/erp/doc/*`, publishedBy: 'anna@firma.se', fields: expect.objectContaining({ number: expect.any(String), pdf: expect.any(String) }) }),
    ]);
  });

  it('puts the button on the page it was made on, and sends the picked PDF to the picked address', async () => {
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('inkop@beta.se');
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain('2026/77');
    await expect.poll(() => panel.getByTestId('ownpost-attachment').textContent(), { timeout: 10_000 }).toContain('2026-77.pdf');
    await panel.getByTestId('ownpost-submit').click();
    await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');

    const [mail] = await setup.smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual(['inkop@beta.se']);
    expect(mail!.parsed.text).toContain('Beta AB');
    expect(mail!.parsed.attachments[0]!.filename).toBe('2026-77.pdf');
    expect(Buffer.compare(mail!.parsed.attachments[0]!.content, PDF_77)).toBe(0);
  });

  it('reads the other documents of the same app with the same recipe', async () => {
    await openSignedIn(page, site.origin, '/erp/doc/78');
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('ekonomi@gamma.se');
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain('2026/78');
  });
});
