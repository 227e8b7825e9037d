/**
 * A list page with several invoices: the user picks some, fixes a missing address, and sends them all
 * at once, one message per document, with a progress bar and a result per document.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openPanel, openSignedIn, relayDone, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';

const PDFS = { '2026-0101': testPdf('bulk 0101'), '2026-0102': testPdf('bulk 0102'), '2026-0103': testPdf('bulk 0103') };

const LIST = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Fakturor</title></head><body>
  <h1>Fakturor</h1>
  <table class="invoices"><thead><tr><th>Nr</th><th>Kund</th><th>E-post</th><th>Belopp</th><th></th></tr></thead><tbody>
    <tr><td>2026-0101</td><td>Alfa AB</td><td>ekonomi@alfa.se</td><td>1 000,00 kr</td><td><a href="/fakturor/0101.pdf">PDF</a></td></tr>
    <tr><td>2026-0102</td><td>Beta AB</td><td>faktura@beta.se</td><td>2 000,00 kr</td><td><a href="/fakturor/0102.pdf">PDF</a></td></tr>
    <tr><td>2026-0103</td><td>Gamma AB</td><td></td><td>3 000,00 kr</td><td><a href="/fakturor/0103.pdf">PDF</a></td></tr>
  </tbody></table></body></html>`;

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;
/** The bulk panel's frame (issue 14), opened by the first test and used by the next. */
let panel: Frame;

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([
    {
      path: '/fakturor',
      html: LIST,
      pdfs: Object.entries(PDFS).map(([ref, bytes]) => ({ path: `/fakturor/${ref.slice(5)}.pdf`, bytes })),
    },
  ]);
  page = await setup.browser.context.newPage();
});

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

describe('sending several documents from a list page', () => {
  it('lists the page’s documents, with the ones that have an address selected', async () => {
    await openSignedIn(page, site.origin, '/fakturor');
    const button = page.getByTestId('ownpost-send');
    await expect.poll(() => button.textContent(), { timeout: 10_000 }).toContain('(3)');
    panel = await openPanel(page);
    const items = panel.getByTestId('ownpost-bulk-item');
    await expect.poll(() => items.count()).toBe(3);
    expect(await Promise.all([0, 1, 2].map((i) => items.nth(i).getAttribute('data-ref')))).toEqual(['2026-0101', '2026-0102', '2026-0103']);
    expect(await Promise.all([0, 1, 2].map((i) => items.nth(i).getByTestId('ownpost-bulk-to').inputValue()))).toEqual(['ekonomi@alfa.se', 'faktura@beta.se', '']);
    expect(await Promise.all([0, 1, 2].map((i) => items.nth(i).getByTestId('ownpost-bulk-select').isChecked()))).toEqual([true, true, false]);
  });

  it('sends the chosen ones, each with its own PDF to its own customer, and shows progress and a result per document', async () => {
    const items = panel.getByTestId('ownpost-bulk-item');
    await items.nth(1).getByTestId('ownpost-bulk-select').uncheck();
    await items.nth(2).getByTestId('ownpost-bulk-to').fill('kassa@gamma.se');
    await items.nth(2).getByTestId('ownpost-bulk-select').check();
    await expect.poll(() => panel.getByTestId('ownpost-from').inputValue()).toBe(setup.profileId);
    await panel.getByTestId('ownpost-submit').click();

    await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('sent');
    const progress = panel.getByTestId('ownpost-bulk-progress');
    expect([await progress.getAttribute('value'), await progress.getAttribute('max')]).toEqual(['2', '2']);
    expect(await items.nth(0).getByTestId('ownpost-bulk-result').getAttribute('data-state')).toBe('sent');
    expect(await items.nth(1).getByTestId('ownpost-bulk-result').count()).toBe(0);
    expect(await items.nth(2).getByTestId('ownpost-bulk-result').getAttribute('data-state')).toBe('sent');

    const mails = await setup.smtp.waitForMessages(2);
    const byRecipient = new Map(mails.map((m) => [m.envelope.to.join(','), m]));
    expect([...byRecipient.keys()].sort()).toEqual(['ekonomi@alfa.se', 'kassa@gamma.se']);
    const alfa = byRecipient.get('ekonomi@alfa.se')!;
    const gamma = byRecipient.get('kassa@gamma.se')!;
    expect(alfa.parsed.subject).toBe('Faktura 2026-0101');
    expect(alfa.parsed.text).toContain('Alfa AB');
    expect(Buffer.compare(alfa.parsed.attachments[0]!.content, PDFS['2026-0101'])).toBe(0);
    expect(gamma.parsed.subject).toBe('Faktura 2026-0103');
    expect(Buffer.compare(gamma.parsed.attachments[0]!.content, PDFS['2026-0103'])).toBe(0);
    // Nothing was sent for the document left out: the relay got two messages and has delivered them.
    expect(await relayDone(setup)).toHaveLength(2);
    expect(setup.smtp.received).toHaveLength(2);
  });

  it('shows, when the list is opened again, which documents went out and to whom', async () => {
    await page.reload();
    panel = await openPanel(page);
    const items = panel.getByTestId('ownpost-bulk-item');
    await expect.poll(() => items.nth(0).getByTestId('ownpost-bulk-history').textContent(), { timeout: 10_000 }).toContain('ekonomi@alfa.se');
    await expect.poll(() => items.nth(2).getByTestId('ownpost-bulk-history').textContent()).toContain('kassa@gamma.se');
    expect(await items.nth(1).getByTestId('ownpost-bulk-history').count()).toBe(0);
  });
});
