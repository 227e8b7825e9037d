/**
 * A single-page invoicing app: routes change with history.pushState, invoices render after an API
 * call answers, and the button follows: it appears when an invoice renders late, goes when the app
 * navigates away, and comes back with the browser's Back button. A sync indicator redrawn every
 * 40 ms means the page never settles: it must be read all the same.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { hasPanelFrame, openPanel, openSignedIn, pageScanned, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';

const PDF_7 = testPdf('spa invoice 2026-7');
const PDF_8 = testPdf('spa invoice 2026-8');

const SHELL = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Fakturaappen</title></head><body>
<nav><a href="/app/invoices/7" data-route id="go-7">Faktura 7</a> · <a href="/app/settings" data-route id="go-settings">Innstillinger</a></nav>
<main id="view"><p>Laster…</p></main>
<footer id="pulse" aria-hidden="true"></footer>
<script>
  const view = document.getElementById('view');
  // A live element redrawn every 40 ms (a sync indicator): the page never settles, and must be read anyway.
  const pulse = document.getElementById('pulse');
  let beat = 0;
  setInterval(() => (pulse.textContent = '·'.repeat(1 + (beat++ % 3))), 40);
  async function render() {
    const path = location.pathname;
    view.innerHTML = '<p>Laster…</p>';
    if (path.startsWith('/app/invoices/')) {
      const data = await (await fetch('/api/invoices/' + path.split('/').pop())).json();
      if (location.pathname !== path) return;
      view.innerHTML = '<h1>Faktura ' + data.number + '</h1><p>Kunde: ' + data.customer + '</p>' +
        '<p>E-post: <a href="mailto:' + data.email + '">' + data.email + '</a></p><p>Å betale: ' + data.amount + '</p>' +
        '<a href="' + data.pdf + '">Last ned PDF</a>';
    } else if (path === '/app/settings') {
      view.innerHTML = '<h1>Innstillinger</h1><p>Ingenting å sende her.</p>';
    } else {
      view.innerHTML = '<h1>Fakturaer</h1><p>Velg en faktura.</p>';
    }
  }
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-route]');
    if (!link) return;
    event.preventDefault();
    history.pushState({}, '', link.href);
    render();
  });
  addEventListener('popstate', render);
  render();
</script></body></html>`;

const invoiceJson = (id: number, email: string) => JSON.stringify({ number: `2026-${id}`, customer: `Kunde ${id} AS`, email, amount: `kr ${id} 000,00`, pdf: `/files/invoice-${id}.pdf` });

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([
    { path: '/app', html: SHELL, prefix: true },
    { path: '/api/invoices/7', html: invoiceJson(7, 'regnskap@kunde7.no'), contentType: 'application/json', delayMs: 600, pdf: { path: '/files/invoice-7.pdf', bytes: PDF_7 } },
    // Renders well after the load: the button must still come.
    { path: '/api/invoices/8', html: invoiceJson(8, 'post@kunde8.no'), contentType: 'application/json', delayMs: 2500, pdf: { path: '/files/invoice-8.pdf', bytes: PDF_8 } },
  ]);
  page = await setup.browser.context.newPage();
});

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

describe('a single-page app', () => {
  it('shows no button on the app’s start page', async () => {
    await openSignedIn(page, site.origin, '/app');
    await expect.poll(() => page.locator('#view h1').textContent()).toBe('Fakturaer');
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);
  });

  it('follows a client-side navigation to an invoice that renders after its API answers, and sends it', async () => {
    await page.click('#go-7');
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('regnskap@kunde7.no');
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toBe('Faktura 2026-7');
    await expect.poll(() => panel.getByTestId('ownpost-attachment').textContent(), { timeout: 10_000 }).toContain('invoice-7.pdf');
    await panel.getByTestId('ownpost-submit').click();
    await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');

    const [mail] = await setup.smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual(['regnskap@kunde7.no']);
    expect(mail!.parsed.subject).toBe('Faktura 2026-7');
    expect(mail!.parsed.text).toContain('Kunde 7 AS');
    expect(Buffer.compare(mail!.parsed.attachments[0]!.content, PDF_7)).toBe(0);
  });

  it('takes the button and the panel away when the app navigates to a page without a document', async () => {
    await page.click('#go-settings');
    await expect.poll(() => page.locator('#view h1').textContent()).toBe('Innstillinger');
    await expect.poll(() => page.getByTestId('ownpost-send').count(), { timeout: 5_000 }).toBe(0);
    await expect.poll(() => hasPanelFrame(page)).toBe(false);
  });

  it('brings the button back with the browser’s Back button', async () => {
    await page.goBack();
    await expect.poll(() => page.getByTestId('ownpost-send').count(), { timeout: 10_000 }).toBe(1);
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('regnskap@kunde7.no');
  });

  it('waits for an invoice that renders seconds after the page loaded', async () => {
    await openSignedIn(page, site.origin, '/app/invoices/8');
    // Read while the app still waits for its API (2.5 s): nothing to send yet.
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('post@kunde8.no');
  });
});
