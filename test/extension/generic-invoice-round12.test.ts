/**
 * Classes of pages the twelfth held-out corpus round found (issue 16), each read through the public
 * detector: a series before a slash, a kind qualified after its word, record routes with a view's
 * name or a server page's name, a Backbone route to the customer, a preview button, "Konto" as the
 * customer, a single line item's total, a heading's "cliente", a customer number over the buyer's
 * name, lakh grouping, a legal name's label, a plan page's invoice history and an expense report.
 */
import { describe, expect, it } from 'vitest';
import { detectDocumentsOnPage } from '../../extension/sites';
import { detectFirstDocument } from './detect-page';
import { parseAmount, parseAmountValue } from '../../extension/sites/amounts';

const detect = (html: string, url?: string, lang = 'en') => detectFirstDocument(html, { url, lang });

describe('the twelfth round’s classes', () => {
  it('reads a number whose series stands before a slash ("FR A/512")', () => {
    const found = detect(`<h1>Fatura-Recibo FR A/512</h1><p>Cliente: Oficina Lusitana, Lda.</p><p>Total: 922,50 €</p><a href="/d/512.pdf">PDF</a>`, undefined, 'pt');
    expect(found?.number).toBe('FR A/512');
    expect(found?.kind).toBe('invoice');
  });

  it.each([
    ['fr', "Facture d'acompte F-2026-0093"],
    ['pl', 'Faktura zaliczkowa FZAL/12/2026'],
    ['it', 'Fattura di acconto FA-12'],
  ])('reads the number after a kind qualified after its word (%s: "%s")', (lang, heading) => {
    const found = detect(`<h1>${heading}</h1><a href="/d/1.pdf">PDF</a>`, undefined, lang);
    expect(heading.endsWith(found?.number ?? '–')).toBe(true);
    expect(found?.kind).toBe('invoice');
  });

  it.each([
    ['https://crm.example/#Quote/view/6571b2c3d4e5f6a7b', 'quote'],
    ['https://erp.example/invoice/read/6571f0a2c1d2e3f4a5b6c7d8', 'invoice'],
    ['https://accounting.example/UI/Invoices/Invoice.aspx?type=SALES&nr=2026041', 'invoice'],
  ])('knows a record page by its address alone: %s', (url, kind) => {
    const found = detect(
      `<div><label>Number</label><div>Q-187</div></div><div><label>Account</label><div>Halvorsen Maritime Ltd</div></div><div><label>Grand Total</label><div>$14,520.00</div></div>`,
      url,
    );
    expect(found?.number).toBe('Q-187');
    expect(found?.kind).toBe(kind);
  });

  it('takes a Backbone route to the account ("#Account/view/…") for the customer’s name, not an in-page anchor', () => {
    const found = detect(
      `<h1>Quote Q-7</h1><div><label>Account</label><div><a href="#Account/view/64f0a1">Halvorsen Maritime</a></div></div><p>Grand Total $1,000.00</p>`,
      'https://crm.example/#Quote/view/65a0',
    );
    expect(found?.customerName).toBe('Halvorsen Maritime');
  });

  it('probes the route a preview button opens by script', () => {
    const found = detect(
      `<h1>Factuur 2026041</h1><p>Klant: Bakkerij De Vries B.V.</p><button type="button" onclick="window.open('/UI/Invoices/Preview.aspx?nr=2026041')">Afdrukvoorbeeld</button>`,
      'https://accounting.example/UI/Invoices/Invoice.aspx?nr=2026041',
      'nl',
    );
    expect(found?.pdfCandidates?.[0]).toBe('https://accounting.example/UI/Invoices/Preview.aspx?nr=2026041');
  });

  it('reads the customer under "Konto" alone, and the total a label names over a single line item’s', () => {
    const found = detect(
      `<h1>Faktura #10455</h1><a href="/invoices/10455/pdf/">Download PDF</a><table><tr><th>Konto</th><td><a href="/accounts/2231/">Nordlys Rejser ApS</a></td></tr><tr><th>Beløb inkl. moms</th><td>11.940,00 DKK</td></tr></table>
       <table><tr><th>Produkt</th><th>Antal</th><th>Total</th></tr><tr><td>Pro – årlig</td><td>1</td><td>9.552,00</td></tr></table>`,
      'https://billing.example/invoices/10455/',
      'da',
    );
    expect(found?.customerName).toBe('Nordlys Rejser ApS');
    expect(found?.amount).toBe('11.940,00 DKK');
  });

  it('does not read a heading’s "cliente" as the customer’s label ("Conferma d’ordine cliente")', () => {
    const found = detect(
      `<h1>Conferma d'ordine cliente</h1><fieldset><legend>Testata</legend><label>N. ordine <input value="OC/2026/0215" readonly></label><label>Cliente <input value="C00087" readonly></label><input value="Ferramenta Bianchi S.r.l." readonly aria-label="Ragione sociale"><label>Totale documento <input value="€ 7.808,00" readonly></label></fieldset>`,
      'https://erp.example/ordini/8817',
      'it',
    );
    expect(found?.customerName).toBe('Ferramenta Bianchi S.r.l.');
  });

  it('reads the buyer’s name under its customer number in an address block', () => {
    const found = detect(
      `<h1>Stornorechnung SR-2026-0031</h1><div><div>Kundennr. 10087</div><div>Bäckerei Lindner GmbH</div><div>Hauptstraße 4</div><div>80331 München</div></div><p>Gesamtbetrag -1.190,00 €</p><a href="/d/31.pdf">PDF</a>`,
      undefined,
      'de',
    );
    expect(found?.customerName).toBe('Bäckerei Lindner GmbH');
    expect(found?.kind).toBe('credit-note');
  });

  it('reads Indian grouping (lakh) and the rupee', () => {
    expect(parseAmount('Total (INR) ₹1,18,000.00')).toBe('₹1,18,000.00');
    expect(parseAmountValue('₹1,18,000.00')).toBe(118000);
    expect(parseAmount('INR 12,34,567.50')).toBe('INR 12,34,567.50');
    expect(parseAmount('1,234,567.00')).toBe('1,234,567.00');
  });

  it('shows no list for a plan page’s history of its own invoices (no customer in any row)', () => {
    const html = `<h1>Plan &amp; billing</h1><table><tr><th>Invoice</th><th>Date</th><th>Amount</th><th></th></tr>
      <tr><td>INV-2026-0011</td><td>Nov 1, 2026</td><td>$49.00</td><td><a href="/account/invoices/INV-2026-0011.pdf">Download</a></td></tr>
      <tr><td>INV-2026-0010</td><td>Oct 1, 2026</td><td>$49.00</td><td><a href="/account/invoices/INV-2026-0010.pdf">Download</a></td></tr></table>`;
    document.body.innerHTML = html;
    expect(detectDocumentsOnPage(document, new URL('https://app.example/account/plan'))).toBeUndefined();
  });

  it('shows no document for a number in one of several rows that each have their own PDF (an expense report)', () => {
    const html = `<h1>Informe de gastos IG-2026-11</h1><table><tr><th>Concepto</th><th>Importe</th><th>Justificante</th></tr>
      <tr><td>Hotel – Factura 2026/8812</td><td>189,00 €</td><td><a href="/j/5512.pdf">factura_hotel.pdf</a></td></tr>
      <tr><td>Taxi</td><td>32,35 €</td><td><a href="/j/5513.pdf">ticket_taxi.pdf</a></td></tr></table>`;
    expect(detect(html, 'https://expenses.example/informes/IG-2026-11', 'es')).toBeUndefined();
  });
});

describe('classes found by the pages written after the twelfth round’s fixes', () => {
  it.each([
    ['pl', 'Faktura końcowa FK 3/2026', 'Drukuj', '/sprzedaz/dokumenty/5521/wydruk'],
    ['es', 'Presupuesto P-7', 'Imprimir', '/ventas/presupuestos/7/imprimir'],
    ['de', 'Rechnung RE-7', 'Drucken', '/belege/7/drucken'],
  ])('probes a print route in the page’s language that a button opens by script (%s)', (lang, heading, text, route) => {
    const found = detect(`<h1>${heading}</h1><button type="button" onclick="window.open('${route}')">${text}</button>`, 'https://app.example/d/7', lang);
    expect(found?.pdfCandidates?.[0]).toBe(`https://app.example${route}`);
  });

  it('never probes a scripted button’s route that names no PDF, print or preview', () => {
    const found = detect(`<h1>Invoice INV-7</h1><p>Customer: Delta Ltd</p><p>Amount due: $10.00</p><button type="button" onclick="window.open('/invoices/7/document')">Open</button>`);
    expect(found?.pdfCandidates).toEqual([]);
  });

  it('reads the amount after "Total" and the kind’s word ("Total presupuesto"), over a single line item’s', () => {
    const found = detect(
      `<h1>Presupuesto P-7</h1><a href="/p/7.pdf">PDF</a><table><tr><th>Artículo</th><th>Unidades</th><th>Importe</th></tr><tr><td>Revisión</td><td>1</td><td>3.500,00</td></tr></table><table><tr><td>Total presupuesto</td><td>4.235,00 €</td></tr></table>`,
      undefined,
      'es',
    );
    expect(found?.amount).toBe('4.235,00 €');
  });

  it('reads the customer after "Account:" in the page’s text', () => {
    const found = detect(
      `<div>Invoice INV-00452</div><div>Account: Halcyon Labs Inc</div><div>Total Due $3,200.00</div><a href="/i/452/download">Download</a>`,
      'https://portal.example/invoices/Kq8vX2nR',
    );
    expect(found?.customerName).toBe('Halcyon Labs Inc');
  });
});

describe('the title’s number', () => {
  it('is not the app’s name with digits in a title without a document word ("enova365"), but is a bare code', () => {
    expect(detectFirstDocument(`<p>Kontrahent: Volt Sp. z o.o.</p><a href="/d/1.pdf">PDF</a>`, { title: 'enova365', lang: 'pl' })?.number).toBeUndefined();
    expect(detectFirstDocument(`<p>Customer: Delta Ltd</p><a href="/d/1.pdf">PDF</a>`, { title: 'ACC-SINV-2026-00012' })?.number).toBe('ACC-SINV-2026-00012');
  });
});

describe('classes found by the third set of pages written after the twelfth round’s fixes', () => {
  it('takes a credit note’s kind from its module in the title, not from the app’s name ("Credit Notes | Zoho Invoice")', () => {
    const found = detectFirstDocument(`<div class="title">Credit Note</div><div>CN-00017</div><p>Customer Name: Redwood Cafe LLC</p><p>Total $450.00</p><a href="/cn/17/pdf">PDF</a>`, {
      title: 'Credit Notes | Zoho Invoice',
      url: 'https://books.example/app/1#/creditnotes/3300000000456',
    });
    expect(found?.number).toBe('CN-00017');
    expect(found?.kind).toBe('credit-note');
  });

  it.each([
    ['fi', '<h3>Maksaja</h3><p>Saariston Puutyö Oy</p>', 'Lasku 2026-0412', 'Saariston Puutyö Oy'],
    ['en', '<dl><dt>Payer</dt><dd>Redwood Cafe LLC</dd></dl>', 'Invoice INV-7', 'Redwood Cafe LLC'],
    ['pt', '<h2>Tomador de serviços</h2><p>Razão social: Padaria Aurora Ltda</p>', 'NFS-e nº 000123', 'Padaria Aurora Ltda'],
  ])('reads the payer as the customer (%s)', (lang, block, heading, customer) => {
    const found = detect(`<h1>${heading}</h1><a href="/d/1.pdf">PDF</a>${block}`, undefined, lang);
    expect(found?.customerName).toBe(customer);
    expect(heading.endsWith(found?.number ?? '–')).toBe(true);
  });

  it.each([
    ['nl', 'Openstaand', '€ 1.210,00'],
    ['en', 'Amount outstanding', '$1,210.00'],
    ['fr', 'Reste dû', '1 210,00 €'],
    ['pt', 'Valor líquido da nota', 'R$ 1.210,00'],
  ])('takes what is still to pay ("%s") over the total above it', (lang, label, amount) => {
    const found = detect(
      `<h1>Invoice INV-7</h1><a href="/d/1.pdf">PDF</a><table><tr><td>Total</td><td>${amount.replace('1', '2')}</td></tr><tr><td>${label}</td><td>${amount}</td></tr></table>`,
      undefined,
      lang,
    );
    expect(found?.amount).toBe(amount);
  });

  it('never reads the page’s heading "Lasku 2026-0412" as a town and a ZIP code ending an address block', () => {
    const found = detect(
      `<nav><a href="/etusivu">Etusivu</a><a href="/laskut">Laskut</a><a href="/asiakkaat">Asiakkaat</a></nav><main><h1>Lasku 2026-0412</h1><a href="/l/412.pdf">Lataa PDF</a><p>Yhteensä 3 138,00 €</p></main>`,
      undefined,
      'fi',
    );
    expect(found?.customerName).toBeUndefined();
  });

  it('shows no document in an app’s purchases, where bills from suppliers are paid', () => {
    const html = `<h1>Bill BILL-0042</h1><dl><dt>Vendor</dt><dd>Cascade Office Supply Co</dd><dt>Bill Number</dt><dd>CO-88120</dd></dl><p>Total: $600.00</p><a href="/a/CO-88120.pdf">CO-88120.pdf</a>`;
    expect(detect(html, 'https://books.example/purchases/bills/5521')).toBeUndefined();
    expect(detect(html, 'https://books.example/einkauf/belege/5521', 'de')).toBeUndefined();
  });
});

describe('the bound on links the twelfth round’s scripted PDF buttons need', () => {
  it('finds the PDF link after hundreds of scripted buttons that open no PDF (they do not count against the bound on links)', () => {
    const rows = Array.from({ length: 700 }, (_, i) => `<tr><td>Line ${i + 1}</td><td><button onclick="editLine(${i})">Edit</button></td></tr>`).join('');
    const found = detect(
      `<h1>Invoice INV-9</h1><p>Customer: Delta Ltd</p><table>${rows}</table><p>Amount due: $1,000.00</p><a href="/invoices/9/download.pdf">Download PDF</a>`,
      'https://app.example/invoices/9',
    );
    expect(found?.pdfUrl).toBe('https://app.example/invoices/9/download.pdf');
  });
});
