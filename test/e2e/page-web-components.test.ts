/**
 * An invoicing app built of web components (Lit, Stencil, SAP UI5 Web Components): its shell and
 * views are custom elements with open shadow roots, and an invoice view fetches its invoice and
 * renders it inside its own shadow tree, changing nothing in the page's own tree. The button must
 * come when the invoice renders late after the load, and follow the app to another invoice opened
 * from a list inside the components.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openPanel, openSignedIn, pageScanned, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';

const PDF_31 = testPdf('web components invoice 31');
const PDF_32 = testPdf('web components invoice 32');

const APP = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Faktura-App</title></head><body>
<fk-app></fk-app>
<script>
  customElements.define('fk-invoice', class extends HTMLElement {
    constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p>Lädt…</p>'; }
    async show(id) {
      this.shadowRoot.innerHTML = '<p>Lädt…</p>';
      const data = await (await fetch('/api/invoices/' + id)).json();
      this.shadowRoot.innerHTML = '<h2>Rechnung ' + data.number + '</h2>' +
        '<dl><dt>Kunde</dt><dd>' + data.customer + '</dd><dt>E-Mail</dt><dd>' + data.email + '</dd>' +
        '<dt>Gesamtbetrag</dt><dd>' + data.amount + '</dd></dl><a href="' + data.pdf + '">PDF herunterladen</a>';
    }
  });
  customElements.define('fk-app', class extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<nav><button id="open-32" type="button">Nächste Rechnung</button></nav><fk-invoice></fk-invoice>';
      root.getElementById('open-32').addEventListener('click', () => root.querySelector('fk-invoice').show(32));
    }
    connectedCallback() { this.shadowRoot.querySelector('fk-invoice').show(31); }
  });
</script></body></html>`;

const invoiceJson = (id: number, email: string) => JSON.stringify({ number: `RE-2026-${id}`, customer: `Kunde ${id} GmbH`, email, amount: `${id}.400,00 €`, pdf: `/files/RE-2026-${id}.pdf` });

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([
    { path: '/app', html: APP },
    // Answers well after the load: only the components' shadow trees change then.
    { path: '/api/invoices/31', html: invoiceJson(31, 'buchhaltung@kunde31.de'), contentType: 'application/json', delayMs: 2500, pdf: { path: '/files/RE-2026-31.pdf', bytes: PDF_31 } },
    { path: '/api/invoices/32', html: invoiceJson(32, 'rechnung@kunde32.de'), contentType: 'application/json', delayMs: 1500, pdf: { path: '/files/RE-2026-32.pdf', bytes: PDF_32 } },
  ]);
  page = await setup.browser.context.newPage();
});

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

describe('an app built of web components', () => {
  it('shows the button once a component renders its invoice inside its shadow tree, seconds after the load', async () => {
    await openSignedIn(page, site.origin, '/app');
    // Read while the component still waits for its API: nothing to send yet.
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);
    await expect.poll(() => page.getByTestId('ownpost-send').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.locator('fk-invoice h2').textContent()).toBe('Rechnung RE-2026-31');
  });

  it('follows the app to the next invoice it renders in the same component after a click, and the panel reads that one', async () => {
    await page.locator('#open-32').click();
    await expect.poll(() => page.locator('fk-invoice h2').textContent(), { timeout: 10_000 }).toBe('Rechnung RE-2026-32');
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue(), { timeout: 10_000 }).toBe('rechnung@kunde32.de');
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toBe('Rechnung RE-2026-32');
    await expect.poll(() => panel.getByTestId('ownpost-attachment').textContent(), { timeout: 10_000 }).toContain('RE-2026-32.pdf');
  });
});
