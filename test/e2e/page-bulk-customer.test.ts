/**
 * Issue 21 item 7: several invoices in one e-mail from a list page. With "one e-mail per customer" the
 * selected documents of a customer go out together, one message with each document's PDF; another
 * customer's get their own message. Checked on the wire: what the SMTP server received.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openPanel, openSignedIn, relayDone, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';

const PDFS = { '2026-0201': testPdf('alfa 0201'), '2026-0202': testPdf('beta 0202'), '2026-0203': testPdf('alfa 0203') };

const LIST = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Fakturor</title></head><body>
  <h1>Fakturor</h1>
  <table class="invoices"><thead><tr><th>Nr</th><th>Kund</th><th>E-post</th><th>Belopp</th><th></th></tr></thead><tbody>
    <tr><td>2026-0201</td><td>Alfa AB</td><td>ekonomi@alfa.se</td><td>1 000,00 kr</td><td><a href="/kunder/0201.pdf">PDF</a></td></tr>
    <tr><td>2026-0202</td><td>Beta AB</td><td>faktura@beta.se</td><td>2 000,00 kr</td><td><a href="/kunder/0202.pdf">PDF</a></td></tr>
    <tr><td>2026-0203</td><td>Alfa AB</td><td>ekonomi@alfa.se</td><td>3 000,00 kr</td><td><a href="/kunder/0203.pdf">PDF</a></td></tr>
  </tbody></table></body></html>`;

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;
let panel: Frame;

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([{ path: '/kunder', html: LIST, pdfs: Object.entries(PDFS).map(([ref, bytes]) => ({ path: `/kunder/${ref.slice(5)}.pdf`, bytes })) }]);
  page = await setup.browser.context.newPage();
});

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

describe('one e-mail per customer from a list page', () => {
  it('sends a customer’s selected documents together, each PDF attached, and another customer’s apart', async () => {
    await openSignedIn(page, site.origin, '/kunder');
    await expect.poll(() => page.getByTestId('ownpost-send').textContent(), { timeout: 10_000 }).toContain('(3)');
    panel = await openPanel(page);
    const items = panel.getByTestId('ownpost-bulk-item');
    await expect.poll(() => items.count()).toBe(3);
    await expect.poll(() => panel.getByTestId('ownpost-from').inputValue()).toBe(setup.profileId);
    await panel.getByTestId('ownpost-bulk-group').check();
    await panel.getByTestId('ownpost-submit').click();

    await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('sent');
    expect(await Promise.all([0, 1, 2].map((i) => items.nth(i).getByTestId('ownpost-bulk-result').getAttribute('data-state')))).toEqual(['sent', 'sent', 'sent']);

    const mails = await setup.smtp.waitForMessages(2);
    // One message per customer: the relay got two and has delivered them, nothing more is coming.
    expect(await relayDone(setup)).toHaveLength(2);
    expect(setup.smtp.received).toHaveLength(2);
    const byRecipient = new Map(mails.map((m) => [m.envelope.to.join(','), m]));
    const alfa = byRecipient.get('ekonomi@alfa.se')!;
    const beta = byRecipient.get('faktura@beta.se')!;
    expect(alfa.parsed.subject).toContain('2026-0201, 2026-0203');
    expect(alfa.parsed.attachments).toHaveLength(2);
    expect(Buffer.compare(alfa.parsed.attachments[0]!.content, PDFS['2026-0201'])).toBe(0);
    expect(Buffer.compare(alfa.parsed.attachments[1]!.content, PDFS['2026-0203'])).toBe(0);
    expect(beta.parsed.subject).toBe('Faktura 2026-0202');
    expect(beta.parsed.attachments).toHaveLength(1);
    expect(Buffer.compare(beta.parsed.attachments[0]!.content, PDFS['2026-0202'])).toBe(0);
  });

  it('shows each of the customer’s documents as sent when the list is opened again', async () => {
    await page.reload();
    panel = await openPanel(page);
    const items = panel.getByTestId('ownpost-bulk-item');
    await expect.poll(() => items.nth(0).getByTestId('ownpost-bulk-history').textContent(), { timeout: 10_000 }).toContain('ekonomi@alfa.se');
    await expect.poll(() => items.nth(2).getByTestId('ownpost-bulk-history').textContent()).toContain('ekonomi@alfa.se');
    await expect.poll(() => items.nth(1).getByTestId('ownpost-bulk-history').textContent()).toContain('faktura@beta.se');
  });
});
