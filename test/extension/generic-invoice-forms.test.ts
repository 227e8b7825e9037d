/**
 * Issue 16's detection classes, each a kind of real page the generic adapter missed: values in form
 * controls with their labels (item 2), the kind of document and ordinary-page holes (item 8), the
 * languages of the apps' users and dates that are not numbers (item 10).
 */
import { describe, expect, it } from 'vitest';
import { extractInvoiceFromPage } from '../../extension/sites';
import { applySelectedOptions } from './happy-dom-select';

function detect(html: string, { url = 'https://app.example/invoices/1', lang = '', title = '' } = {}) {
  document.documentElement.setAttribute('lang', lang);
  document.title = title;
  document.body.innerHTML = html;
  applySelectedOptions();
  return extractInvoiceFromPage(document, new URL(url))?.found;
}

const PDF = '<a href="/invoices/1.pdf">PDF</a>';

describe('values in form controls (item 2)', () => {
  it('reads a readonly input by its <label for>, and a select’s chosen option as the customer', () => {
    const found = detect(`<h1>Edit invoice</h1>
      <label for="number">Invoice number</label><input id="number" readonly value="INV-0042">
      <label for="client">Customer</label><select id="client"><option value="">— choose —</option><option value="7" selected>Acme Ltd</option><option value="8">Other Ltd</option></select>
      <label for="total">Total</label><input id="total" readonly value="1 140,00 €">${PDF}`);
    expect(found).toMatchObject({ number: 'INV-0042', customerName: 'Acme Ltd', amount: '1 140,00 €', kind: 'invoice' });
  });

  it('reads controls next to a table header or cell, in a definition list, by aria-labelledby and aria-label', () => {
    const found = detect(`<h2>Rechnung</h2><table>
        <tr><th>Rechnungsnummer</th><td><input readonly value="RE-2026/17"></td></tr>
        <tr><td>Kunde</td><td><select><option selected value="3">Müller GmbH</option></select></td></tr></table>
      <dl><dt>E-Mail</dt><dd><input type="text" value="buchhaltung@mueller.de"></dd></dl>
      <span id="sum-label">Gesamtbetrag</span><input aria-labelledby="sum-label" value="1.190,00 €">
      <input aria-label="Fällig am" value="30.11.2026">${PDF}`);
    expect(found).toMatchObject({
      number: 'RE-2026/17',
      customerName: 'Müller GmbH',
      recipients: ['buchhaltung@mueller.de'],
      amount: '1.190,00 €',
      dueDate: '30.11.2026',
      language: 'de',
    });
  });

  it('reads a wrapping label and a textarea', () => {
    const found = detect(`<h1>Faktura</h1><label>Fakturanummer <input value="2026-0042"></label>
      <label>E-post <textarea>ekonomi@kund.se</textarea></label><label>Att betala <input value="12 500,00 kr"></label>${PDF}`);
    expect(found).toMatchObject({ number: '2026-0042', recipients: ['ekonomi@kund.se'], amount: '12 500,00 kr', language: 'sv' });
  });

  it('takes "Number" alone as the document number when the heading, the title or the active tab says Invoice', () => {
    expect(detect(`<h1>Invoice</h1><label for="n">Number</label><input id="n" readonly value="0042">${PDF}`)?.number).toBe('0042');
    expect(detect(`<h1>Acme ERP</h1><table><tr><th>No.</th><td>SI-0042</td></tr></table>${PDF}`, { title: 'Sales invoice · Acme ERP' })?.number).toBe('SI-0042');
    expect(
      detect(`<div role="tablist"><span role="tab" aria-selected="false">Quote</span><span role="tab" aria-selected="true">Order</span></div>
        <label for="n">Nr</label><input id="n" value="A-77"><p>Total: 900,00 kr</p><p>Kund: Alfa AB</p>`),
    ).toMatchObject({ number: 'A-77', kind: 'order-confirmation' });
  });

  it('does not take "Number" alone on a page that names no document (a settings form)', () => {
    // At a settings address: an invoice record's address (`/invoices/1`) names the document as its heading would.
    expect(detect(`<h1>Settings</h1><label for="n">Number</label><input id="n" value="42"><a href="/manual.pdf">Manual (PDF)</a>`, { url: 'https://app.example/settings/numbering' })).toBeUndefined();
  });

  it('reads an invoice form without a PDF link when its heading names the document and it shows the customer and the amount', () => {
    const found = detect(`<h1>Invoice</h1><label for="n">Invoice #</label><input id="n" readonly value="INV-7">
      <label for="c">Client</label><input id="c" value="Acme Ltd"><label for="t">Balance due</label><input id="t" value="$1,140.00">
      <button type="button">Download PDF</button>`);
    expect(found).toMatchObject({ number: 'INV-7', customerName: 'Acme Ltd', amount: '$1,140.00', pdfCandidates: [] });
    expect(found?.pdfUrl).toBeUndefined();
  });
});

describe('the kind of document and ordinary-page holes (item 8)', () => {
  it.each([
    ['<h1>Invoice INV-1</h1>', 'invoice'],
    ['<h1>Credit note CN-1</h1>', 'credit-note'],
    ['<h1>Faktura korygująca FK/1/2026</h1>', 'credit-note'],
    ['<h1>Gutschrift GS-1</h1>', 'credit-note'],
    ['<h1>Quote Q-1</h1>', 'quote'],
    ['<h1>Angebot AN-1</h1>', 'quote'],
    ['<h1>Devis D-1</h1>', 'quote'],
    ['<h1>Order confirmation 5531</h1>', 'order-confirmation'],
    ['<h1>Ordrebekræftelse 5531</h1>', 'order-confirmation'],
    ['<h1>Payment reminder R-1</h1>', 'reminder'],
    ['<h1>Mahnung M-1</h1>', 'reminder'],
    ['<h1>Purring 12</h1>', 'reminder'],
    ['<h1>Proforma invoice PF-1</h1>', 'proforma'],
    ['<h1>Faktura proforma PRO/1/2026</h1>', 'proforma'],
    ['<h1>Receipt 991</h1>', 'receipt'],
    ['<h1>Kvittering 991</h1>', 'receipt'],
    ['<h1>Sölureikningur 10045</h1>', 'invoice'],
    ['<h1>Kreditreikningur 10046</h1>', 'credit-note'],
    ['<h1>Schlussrechnung SR-2026-4</h1>', 'invoice'],
  ])('reads %s as a %s', (heading, kind) => {
    expect(detect(`${heading}${PDF}`)?.kind).toBe(kind);
  });

  it('takes the kind from the heading over the number’s label (a credit note names the invoice it corrects)', () => {
    expect(detect(`<h1>Credit note</h1><p>Credit note number: CN-7</p><p>Invoice number: INV-3</p>${PDF}`)).toMatchObject({ number: 'CN-7', kind: 'credit-note' });
  });

  it('reads numbers with a space after the series ("FV 12/2026"), and Icelandic compounds', () => {
    expect(detect(`<h1>Faktura VAT nr FV 12/2026</h1>${PDF}`)?.number).toBe('FV 12/2026');
    expect(detect(`<h1>Sölureikningur</h1><p>Reikningur nr. 10045</p>${PDF}`)?.number).toBe('10045');
    expect(detect(`<h2>Rechnung vom 26.11.2026</h2><p>Rechnungs-Nr.: RE 2026-17</p>${PDF}`)?.number).toBe('RE 2026-17');
    expect(detect(`<div>Acme Ltd</div>${PDF}`, { title: 'Invoice - INV-0012 | Books' })?.number).toBe('INV-0012');
  });

  it('reads a Polish page without lang as Polish, not Danish (both say "Faktura")', () => {
    const found = detect(`<h1>Faktura nr FV 12/2026</h1><p>Sprzedawca: Firma Sp. z o.o.</p><p>Nabywca: Kowalski Sp. z o.o.</p>
      <p>Razem: 1 230,00 zł</p>${PDF}`);
    expect(found).toMatchObject({ number: 'FV 12/2026', language: 'pl' });
    expect(detect(`<h1>Faktura nr. 5531</h1><p>Kunde: Hansen ApS</p><p>I alt: 3.750,00 kr.</p>${PDF}`)?.language).toBe('da');
    expect(detect(`<h1>Faktura 5531</h1><p>Kunde: Nordmann AS</p><p>Å betale: 2 300,00 kr</p><p>Mottaker: Nordmann AS</p>${PDF}`)?.language).toBe('nb');
  });

  it('never takes the customer’s name from a link or button text ("Hello Download PDF,")', () => {
    expect(detect(`<h1>Invoice INV-5</h1><p>Customer:</p><a href="/invoices/5.pdf">Download PDF</a>`)?.customerName).toBeUndefined();
    expect(detect(`<h1>Invoice INV-5</h1><p>Customer: <button>Change</button></p>${PDF}`)?.customerName).toBeUndefined();
    // A link to the customer's record is the customer's name.
    expect(detect(`<h1>Invoice INV-5</h1><p>Customer: <a href="/clients/9">Acme Ltd</a></p>${PDF}`)?.customerName).toBe('Acme Ltd');
  });

  it('prefers the address in the document’s table or definition list to the app’s support address in its header and footer', () => {
    const page = (block: string) => `<div class="app-header">Questions? <a href="mailto:support@app.example">support@app.example</a></div>
      <h1>Invoice INV-9</h1>${block}${PDF}<div class="site-footer">Contact: help@app.example · billing@app.example</div>`;
    expect(detect(page('<table><tr><th>Email</th><td>accounts@acme.example</td></tr></table>'))?.recipients[0]).toBe('accounts@acme.example');
    expect(detect(page('<dl><dt>Customer</dt><dd>Acme Ltd</dd><dt>E-mail</dt><dd>accounts@acme.example</dd></dl>'))?.recipients[0]).toBe('accounts@acme.example');
    // The site's own domain is never the customer's, even without a header or footer around it.
    expect(detect(`<h1>Invoice INV-9</h1><p>Sent by no-reply@app.example</p><p>accounts@acme.example</p>${PDF}`)?.recipients[0]).toBe('accounts@acme.example');
  });

  it('tells the app’s own domain from its customers’ under a country’s second level (co.uk, com.pl)', () => {
    // The app's own address first on the page: under the old two-label rule both were "the site's", and the first won.
    const uk = { url: 'https://app.books.co.uk/invoices/9' };
    expect(detect(`<h1>Invoice INV-9</h1><p>Sent by no-reply@mail.books.co.uk</p><p>accounts@acme.co.uk</p>${PDF}`, uk)?.recipients[0]).toBe('accounts@acme.co.uk');
    const pl = { url: 'https://faktury.ksiegowa.com.pl/faktura/9', lang: 'pl' };
    expect(detect(`<h1>Faktura FV 9/2026</h1><p>pomoc@ksiegowa.com.pl</p><p>biuro@klient.com.pl</p>${PDF}`, pl)?.recipients[0]).toBe('biuro@klient.com.pl');
  });
});

describe('the languages of the apps’ users (item 10)', () => {
  it.each([
    ['fi', '<h1>Lasku</h1><p>Laskun numero: 2026-118</p><p>Asiakas: Virtanen Oy</p><p>Maksettava: 1 240,00 €</p><p>Eräpäivä: 15.12.2026</p>', '2026-118', 'Virtanen Oy', '1 240,00 €'],
    ['nl', '<h1>Factuur</h1><p>Factuurnummer: F2026-0042</p><p>Klant: Jansen B.V.</p><p>Te betalen: € 1.240,00</p><p>Vervaldatum: 15-12-2026</p>', 'F2026-0042', 'Jansen B.V.', '€ 1.240,00'],
    ['fr', '<h1>Facture N° F-2026-042</h1><p>Client : Dupont SARL</p><p>Net à payer : 1 240,00 €</p><p>Échéance : 15/12/2026</p>', 'F-2026-042', 'Dupont SARL', '1 240,00 €'],
    ['es', '<h1>Factura</h1><p>Número de factura: A-2026/42</p><p>Cliente: García S.L.</p><p>Total a pagar: 1.240,00 €</p>', 'A-2026/42', 'García S.L.', '1.240,00 €'],
    ['it', '<h1>Fattura n. 42/2026</h1><p>Cliente: Rossi S.r.l.</p><p>Totale documento: 1.240,00 €</p><p>Scadenza: 15/12/2026</p>', '42/2026', 'Rossi S.r.l.', '1.240,00 €'],
    ['pt', '<h1>Fatura FT 2026/42</h1><p>Cliente: Silva Lda.</p><p>Total a pagar: 1 240,00 €</p><p>Data de vencimento: 15-12-2026</p>', 'FT 2026/42', 'Silva Lda.', '1 240,00 €'],
    ['de-CH', "<h1>Rechnung</h1><p>Rechnungs-Nr.: 2026-118</p><p>Kunde: Meier AG</p><p>Rechnungstotal: CHF 1'240.00</p><p>Zahlbar bis: 15.12.2026</p>", '2026-118', 'Meier AG', "CHF 1'240.00"],
    ['de-AT', '<h1>Honorarnote</h1><p>Nr. 2026/118</p><p>Empfänger: Huber KG</p><p>Zahlbetrag: € 1.240,00</p>', '2026/118', 'Huber KG', '€ 1.240,00'],
  ])('reads a %s invoice: number, customer and amount', (_language, html, number, customerName, amount) => {
    expect(detect(`${html}${PDF}`)).toMatchObject({ number, customerName, amount, kind: 'invoice' });
  });

  it('probes links that may be the PDF in the page’s language, never one that acts (deletes, sends)', () => {
    const found = detect(`<h1>Facture F-2026-1</h1><p>Client : Dupont SARL</p><a href="/documents/1/supprimer">Supprimer le document</a>
      <a href="/documents/1/envoyer">Envoyer le document</a><a href="/factures/1/telecharger">Télécharger</a>`);
    expect(found?.pdfCandidates).toEqual(['https://app.example/factures/1/telecharger']);
  });

  it('never reads a dashboard’s date as a document number', () => {
    expect(detect(`<h1>Übersicht</h1><p>Rechnung vom 26.11.2026</p><p>Letzte Rechnung: 26.11.2026</p><a href="/bericht.pdf">Bericht (PDF)</a>`)).toBeUndefined();
    expect(detect(`<h1>Dashboard</h1><p>Last invoice: 2026-11-26</p><a href="/report.pdf">Report (PDF)</a>`)).toBeUndefined();
  });
});
