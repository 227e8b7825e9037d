/**
 * Classes of pages the eighth held-out corpus round found (issue 16), each read through the public
 * detector: a buyer named only by an address block, PDF triggers that are spans or divs, a hosted
 * invoice page whose PDF is on another host, a record known by its address, numbers in links to
 * other records.
 */
import { describe, expect, it } from 'vitest';
import { detectFirstDocument } from './detect-page';
import { mayShowDocument } from '../../extension/sites/document-hint';

const detect = (html: string, url?: string, title?: string) => detectFirstDocument(html, { url, title });

const LINES = `<table><tr><td>Design</td><td>1</td><td>$1,000.00</td></tr></table><p>Amount due: $1,000.00</p>`;

describe('a buyer named only by an address block', () => {
  it('reads the name at the head of the block after the title', () => {
    const found = detect(`<h1>Invoice INV-7</h1><a href="/invoices/7.pdf">PDF</a>
      <div class="to"><div>Tui Bay Kayaks Ltd</div><div>14 Marine Parade</div><div>Paihia 0200</div></div>${LINES}`);
    expect(found?.customerName).toBe('Tui Bay Kayaks Ltd');
  });

  it.each([
    ['Müller Haustechnik GmbH', 'Gewerbering 17', '51063 Köln'],
    ['Solberga Trädgård AB', 'Solbergavägen 8', '725 91 Västerås'],
    ['Stolarnia Nowak Sp. z o.o.', 'ul. Fabryczna 12', '30-001 Kraków'],
    ['Northwind Traders', '12 Harbour Road', 'Bristol BS1 4DJ'],
    ['Harbour Freight', '400 Pier Avenue', 'Oakland, CA 94607'],
  ])('reads "%s" over "%s, %s"', (name, street, town) => {
    const found = detect(`<h1>Invoice INV-7</h1><a href="/invoices/7.pdf">PDF</a><p>${name}<br>${street}<br>${town}</p>${LINES}`);
    expect(found?.customerName).toBe(name);
  });

  it('passes over a letterhead with the seller’s phone or address, and a block under "From"', () => {
    const found = detect(`<h1>Invoice INV-7</h1><a href="/invoices/7.pdf">PDF</a>
      <div class="letterhead">Kauri Web Design<br>2 Queen Street<br>Auckland 1010<br>Tel. 09 555 0100</div>
      <div class="letterhead">Kauri Web Design<br>2 Queen Street<br>Auckland 1010<br>hello@kauri.example</div>
      <div><b>From</b></div><div>Kauri Web Design<br>2 Queen Street<br>Auckland 1010</div>
      <div>Tui Bay Kayaks Ltd<br>14 Marine Parade<br>Paihia 0200</div><p>Email: ap@tuibay.example</p>${LINES}`);
    expect(found?.recipients[0]).toBe('ap@tuibay.example');
    expect(found?.customerName).toBe('Tui Bay Kayaks Ltd');
  });

  it('names nobody where the only block is the seller’s letterhead', () => {
    const found = detect(`<h1>Invoice INV-7</h1><a href="/invoices/7.pdf">PDF</a>
      <div>Kauri Web Design<br>2 Queen Street<br>Auckland 1010<br>www.kauri.example</div>${LINES}`);
    expect(found?.number).toBe('INV-7');
    expect(found?.customerName).toBeUndefined();
  });

  it('leaves a labelled customer as it is', () => {
    const found = detect(`<h1>Invoice INV-7</h1><a href="/invoices/7.pdf">PDF</a>
      <p>Kauri Web Design<br>2 Queen Street<br>Auckland 1010</p><p>Customer: Tui Bay Kayaks Ltd</p>${LINES}`);
    expect(found?.customerName).toBe('Tui Bay Kayaks Ltd');
  });

  it('does not make a page without a PDF a document by a block alone', () => {
    expect(detect(`<h1>Invoice INV-7</h1><p>Tui Bay Kayaks Ltd<br>14 Marine Parade<br>Paihia 0200</p><p>Amount due: $1,000.00</p>`, 'https://app.example/x')).toBeUndefined();
  });
});

describe('a table of one row under its headings', () => {
  it('reads each heading’s cell below it', () => {
    const found = detect(`<h2>INVOICE</h2><table><thead><tr><th>Invoice No.</th><th>Date</th><th>Customer</th><th>Amount Due</th></tr></thead>
      <tbody><tr><td>INV-0077</td><td>2026-11-26</td><td>Tui Bay Kayaks Ltd</td><td>$1,725.00</td></tr></tbody></table><a href="/invoices/7/pdf">Download PDF</a>`);
    expect(found).toMatchObject({ number: 'INV-0077', kind: 'invoice', customerName: 'Tui Bay Kayaks Ltd', amount: '$1,725.00' });
  });

  it('takes no number from a list of one document (a customer card’s one invoice)', () => {
    const card = (row: string) =>
      detect(
        `<h1>Tui Bay Kayaks Ltd</h1><h2>Invoices</h2><table><thead><tr><th>Invoice No.</th><th>Date</th><th>Amount Due</th><th></th></tr></thead>
        <tbody><tr>${row}</tr></tbody></table><p>Email: ap@tuibay.example</p>`,
        'https://app.example/customers/7',
      );
    expect(card(`<td><a href="/invoices/77">INV-0077</a></td><td>2026-11-26</td><td>$1,725.00</td><td><a href="/invoices/77/edit">Edit</a></td>`)).toBeUndefined();
    expect(card(`<td>INV-0077</td><td>2026-11-26</td><td>$1,725.00</td><td><a href="/invoices/77.pdf">PDF</a></td>`)).toBeUndefined();
  });

  it('reads no heading over several rows as one value', () => {
    const found = detect(`<h1>Invoice INV-7</h1><a href="/invoices/7.pdf">PDF</a><table><thead><tr><th>Item</th><th>Customer</th><th>Total</th></tr></thead>
      <tbody><tr><td>A</td><td>Tui Bay Kayaks Ltd</td><td>$1.00</td></tr><tr><td>B</td><td>Harbour Freight</td><td>$2.00</td></tr></tbody></table>`);
    expect(found?.customerName).toBeUndefined();
    expect(found?.amount).toBeUndefined();
  });
});

describe('PDF triggers without a link', () => {
  it.each([
    ['a span with role=button and an onclick', `<span role="button" tabindex="0" onclick="window.open('/fr/invoices/pdf/88412', '_blank')">Télécharger</span>`, '/fr/invoices/pdf/88412'],
    ['a div with role=button and a data-href', `<div role="button" tabindex="0" data-href="/api/transactions/t1/invoice.pdf">Invoice</div>`, '/api/transactions/t1/invoice.pdf'],
    ['a div with role=button and a data-url', `<div role="button" data-url="/api/v1/invoices/1042/pdf">Descargar</div>`, '/api/v1/invoices/1042/pdf'],
  ])('takes the route of %s', (_name, trigger, path) => {
    expect(detect(`<h1>Invoice INV-7</h1>${trigger}${LINES}`)?.pdfUrl).toBe(`https://app.example${path}`);
  });

  it('offers a print route opened by a button as a link to probe', () => {
    const found = detect(`<h1>Invoice INV-7</h1><button type="button" onclick="window.open('/print/hotprint.nl?id=7'); return false;">Print</button>${LINES}`);
    expect(found?.pdfUrl).toBeUndefined();
    expect(found?.pdfCandidates).toEqual(['https://app.example/print/hotprint.nl?id=7']);
  });

  it('ignores a button that prints the window', () => {
    const found = detect(`<h1>Invoice INV-7</h1><span role="button" onclick="window.print()">Print</span><p>Customer: Tui Bay Kayaks Ltd</p>${LINES}`);
    expect(found?.pdfCandidates).toEqual([]);
  });

  it('prefers a print route under the page’s record to a menu entry whose address says documents', () => {
    const found = detect(
      `<nav><a href="/sales_documents">Vendas</a></nav><h1>Fatura FT 2026/142</h1><a href="/sales_documents/142/print">Imprimir</a>${LINES}`,
      'https://app.example/sales_documents/142',
    );
    expect(found?.pdfCandidates?.[0]).toBe('https://app.example/sales_documents/142/print');
  });

  it('offers a preview route as a link to probe', () => {
    const found = detect(`<h1>Invoice INV-7</h1><a href="/api/quotes/7/preview">Förhandsgranska</a>${LINES}`);
    expect(found?.pdfCandidates).toEqual(['https://app.example/api/quotes/7/preview']);
  });

  it('takes no CSV export for the PDF', () => {
    expect(detect(`<h1>Invoice INV-7</h1><a href="/exports/invoice-7.csv">Download</a><p>Customer: Tui Bay Kayaks Ltd</p>${LINES}`)?.pdfCandidates).toEqual([]);
  });
});

describe('a hosted invoice page whose PDF is on another host', () => {
  const page = `<div class="summary"><span>Invoice</span><div>$1,250.00</div><a href="https://pay.example/invoice/acct_1/live_2/pdf?s=ap">Download invoice</a></div>
    <table><tr><td>Invoice number</td><td>8F3A2C1D-0004</td></tr><tr><td>To</td><td>Acme Industries Inc.<br>ap@acme.example</td></tr></table>
    <div><span>Amount due</span><span>$1,250.00</span></div>`;

  it('shows the document, without a PDF it may not fetch', () => {
    const found = detect(page, 'https://invoice.example/i/acct_1/live_2', 'Northwind Studio');
    expect(found).toMatchObject({ number: '8F3A2C1D-0004', kind: 'invoice', customerName: 'Acme Industries Inc.', amount: '$1,250.00', recipients: ['ap@acme.example'] });
    expect(found?.pdfUrl).toBeUndefined();
  });

  it('is read by its host, which names the invoice, where its download is a button', () => {
    const buttonPage = page.replace(/<a href="[^"]*">Download invoice<\/a>/, '<button type="button">Download invoice</button>');
    const found = detect(buttonPage, 'https://invoice.stripe.example/i/acct_1/live_2', 'Northwind Studio');
    expect(found).toMatchObject({ number: '8F3A2C1D-0004', kind: 'invoice', customerName: 'Acme Industries Inc.', amount: '$1,250.00' });
    expect(mayShowDocument(document, new URL('https://invoice.stripe.example/i/acct_1/live_2'))).toBe(true);
  });

  it('is no document without a number and an amount', () => {
    expect(detect(`<p>Our price list: <a href="https://files.example/prices.pdf">PDF</a></p>`, 'https://shop.example/about', 'About us')).toBeUndefined();
  });
});

describe('records known by their address', () => {
  it('reads a form of "Number" and "Party" whose address names the invoice', () => {
    const found = detect(
      `<label for="p">Party:</label><input id="p" readonly value="Delta Marine Supplies"><label for="n">Number:</label><input id="n" readonly value="INV-000412">
       <label for="t">Total:</label><input id="t" readonly value="4,050.00">`,
      'https://erp.example/sao/#erp/model/account.invoice/412',
    );
    expect(found).toMatchObject({ number: 'INV-000412', kind: 'invoice', customerName: 'Delta Marine Supplies', amount: '4,050.00' });
  });

  it('reads an Odoo 17 invoice form, its number only in the title and an unlabelled heading, its kind only in the address', () => {
    const found = detect(
      `<ol class="breadcrumb"><li class="breadcrumb-item"><a href="/odoo/customer-invoices">Invoices</a></li><li class="breadcrumb-item active"><span>INV/2026/00042</span></li></ol>
       <div class="oe_title"><h1><span name="name">INV/2026/00042</span></h1></div>
       <div class="o_group"><label for="partner_id_0">Customer</label><div name="partner_id"><a href="/odoo/customer-invoices/42/res.partner/7">Azure Interior</a></div></div>
       <table class="o_tax_totals"><tr><td>Untaxed Amount:</td><td>$1,000.00</td></tr><tr><td>Total:</td><td>$1,150.00</td></tr></table>`,
      'https://erp.example/odoo/customer-invoices/42',
      'INV/2026/00042 - Odoo',
    );
    expect(found).toMatchObject({ number: 'INV/2026/00042', kind: 'invoice', customerName: 'Azure Interior', amount: '$1,150.00' });
  });

  it.each([
    ['a title that names the invoice', 'https://app.example/x/42', 'Invoice - Books'],
    ['an address that names the invoice', 'https://app.example/invoices/42', 'Books'],
  ])('reads a heading that is only the number, with %s', (_name, url, title) => {
    const found = detect(`<h1>INV-0042</h1><p>Customer: Tui Bay Kayaks Ltd</p><p>Amount due: $10.00</p><a href="/x/42/pdf">Download PDF</a>`, url, title);
    expect(found?.number).toBe('INV-0042');
  });

  it('takes a labelled number over a heading that is only a code, and a year for no number', () => {
    const page = `<h1>C-10023</h1><h2>2026</h2><p>Invoice number: INV-5</p><p>Amount due: $10.00</p><a href="/x/42/pdf">Download PDF</a>`;
    expect(detect(page, 'https://app.example/invoices/42')?.number).toBe('INV-5');
    expect(detect(`<h1>2026</h1><p>Customer: Tui</p><p>Amount due: $10.00</p><a href="/x/42/pdf">Download PDF</a>`, 'https://app.example/invoices/42')).toBeUndefined();
  });

  it('reads a proposal as a quote', () => {
    expect(detect(`<h1>Proposal PR2026-0012</h1><a href="/proposals/12/pdf">PDF</a>`, 'https://app.example/x')?.kind).toBe('quote');
  });

  it.each(['https://app.example/settings/invoice-templates/3', 'https://app.example.se/installningar/faktura', 'https://app.example/#/einstellungen/rechnungen/3'])(
    'shows no document on a settings page (%s)',
    (url) => {
      expect(detect(`<h1>Invoice INV-0001</h1><p>Customer: Sample Customer Ltd</p><p>Total: $100.00</p><a href="/sample.pdf">Preview PDF</a>`, url)).toBeUndefined();
    },
  );

  it('does not take a list’s address for a record', () => {
    expect(detect(`<label for="n">Number:</label><input id="n" readonly value="INV-000412"><p>Customer: Delta</p><p>Total: 4,050.00</p>`, 'https://erp.example/invoices')).toBeUndefined();
  });

  it('takes a number in a link to the page itself (a breadcrumb’s last step)', () => {
    const found = detect(`<div class="crumbs"><a href="/invoices/1">Invoice INV-7</a></div><a href="/invoices/7.pdf">PDF</a>${LINES}`);
    expect(found?.number).toBe('INV-7');
  });

  it('does not take "100 pieces" for the end of an address', () => {
    const found = detect(`<h1>Invoice INV-7</h1><a href="/invoices/7.pdf">PDF</a><p>Widget<br>Blue<br>100 pieces</p>${LINES}`);
    expect(found?.customerName).toBeUndefined();
  });

  it('does not take a number in a link to another record for the page’s', () => {
    const found = detect(
      `<h1>Mia Lund</h1><h2>Last order placed</h2><p><a href="/orders/5512334410">Order #1042</a></p><p>Total €248.00</p><h3>Contact</h3><a href="mailto:mia@example.net">mia@example.net</a>`,
      'https://admin.example/customers/7731',
    );
    expect(found).toBeUndefined();
  });
});
