/**
 * Classes of pages the twenty-second held-out corpus round found (issue 16), each read through the
 * public detector with another wording, language or markup than the round's fixture: Czech and Slovak
 * "č." (číslo) between the kind and the number ("Faktura - daňový doklad č. 2026-0045"); a record's
 * name label in Romanian, Czech, Slovak and Hungarian ("Denumire", "Název") under the customer's
 * heading, and a form's `<label>` that is never a value; an ERP's type or class field in two cells
 * ("Transaction Class | Invoice") that names the kind and labels no number after it, and its
 * "Transaction Number"; a packing slip numbered by its order ("PACKING SLIP" over "Order #: SO-000318").
 * And a language the detector did not read: Estonian ("Arve nr 2026-118", "Ostja", "Tasuda", print
 * routes `/prindi`), which the panel does not speak.
 */
import { describe, expect, it } from 'vitest';
import { findLabels } from '../../extension/sites/page-labels';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang = 'en', title = '') => detectFirstDocument(html, { url, lang, title });

describe('the twenty-second round’s language', () => {
  it('reads an Estonian credit invoice and a quote, their customers, what is due and a print route, and gives them no language the panel speaks', () => {
    const credit = `<h1>Kreeditarve nr KA-2026-004</h1><table><tr><td>Klient</td><td>Lõuna Puit AS</td></tr><tr><td>E-post</td><td>raamat@lounapuit.example.ee</td></tr>
      <tr><td>Maksetähtaeg</td><td>15.12.2026</td></tr></table><table><tr><td>Kokku</td><td>-250,00 €</td></tr><tr><td>Tasuda</td><td>-250,00 €</td></tr></table><a href="/arved/4/pdf">PDF</a>`;
    for (const lang of ['et', '']) {
      const found = detect(credit, 'https://app.example/arved/4', lang);
      expect(found, lang).toMatchObject({ number: 'KA-2026-004', kind: 'credit-note', customerName: 'Lõuna Puit AS', amount: '-250,00 €', dueDate: '15.12.2026' });
      expect(found?.recipients, lang).toEqual(['raamat@lounapuit.example.ee']);
      expect(found?.language, lang).toBeUndefined();
    }
    const quote = `<h2>Hinnapakkumine HP-0042</h2><dl><dt>Tellija</dt><dd>Saare Kalatööstus OÜ</dd><dt>Summa kokku</dt><dd>3 660,00 EUR</dd></dl><a href="/pakkumised/42/prindi">Prindi</a>`;
    expect(detect(quote, 'https://app.example/pakkumised/42', 'et')).toMatchObject({
      number: 'HP-0042',
      kind: 'quote',
      customerName: 'Saare Kalatööstus OÜ',
      amount: '3 660,00 EUR',
      pdfCandidates: ['https://app.example/pakkumised/42/prindi'],
    });
  });

  it('reads no Estonian kind inside another word ("Harvest", "Marvel"), and the compounds it names ("Müügiarve")', () => {
    expect(findLabels('Harvest · Marvel Carvers')).toEqual([]);
    expect(findLabels('Müügiarve 2026-118').map((label) => label.info.kind)).toEqual(['invoice']);
  });
});

describe('the twenty-second round’s numbers and kinds', () => {
  it('reads the number after Czech and Slovak "č." (číslo), after the kind and its qualifier', () => {
    const slovak = `<h2>Faktúra č. FA-2026/118</h2><div><b>Odberateľ</b><p>Stavby Horváth s.r.o.</p><p>uctovnictvo@stavbyhorvath.example.sk</p></div>
      <div><span>Suma na úhradu</span> <span>1 230,00 €</span></div><a href="/doklady/118/pdf">Stiahnuť PDF</a>`;
    expect(detect(slovak, 'https://app.example/doklady/118', 'sk')).toMatchObject({ number: 'FA-2026/118', kind: 'invoice', amount: '1 230,00 €' });
    const credit = `<h1>Opravný daňový doklad č. D-2026-007</h1><p>Odběratel: Pekárna Novák s.r.o.</p><p>Celkem k úhradě: -2 420,00 Kč</p><a href="/doklady/7/pdf">PDF</a>`;
    expect(detect(credit, 'https://app.example/doklady/7', 'cs')).toMatchObject({ number: 'D-2026-007', kind: 'credit-note' });
  });

  it('takes the kind from a type field’s value in the next cell on a page that is read (here for its print link), and the number from its "Transaction Number", not the number after the kind’s word', () => {
    const html = `<h1>Review Transaction</h1><dl><dt>Document Type</dt><dd>Credit Memo</dd><dt>Customer Account</dt><dd>88120</dd>
      <dt>Transaction Number</dt><dd>CM-2026-0042</dd><dt>Customer</dt><dd>Bayview Cafe LLC</dd><dt>Amount</dt><dd>-1,250.00 USD</dd></dl>
      <a href="/receivables/transactions/88/print">Print Transaction</a>`;
    expect(detect(html, 'https://erp.example/receivables/transactions/88')).toMatchObject({ number: 'CM-2026-0042', kind: 'credit-note', customerName: 'Bayview Cafe LLC', amount: '-1,250.00 USD' });
  });
});

describe('the twenty-second round’s customers', () => {
  it('reads the customer under a name label in Czech or Romanian, and takes no `<label>` for a value', () => {
    const czech = `<h1>Faktura 2026-0101</h1><section><h2>Odběratel</h2><div><label>Název</label><span>Elektro Beneš s.r.o.</span></div>
      <div><label>E-mail</label><span>fakturace@elektrobenes.example.cz</span></div></section><p>Celkem k úhradě 4 840,00 Kč</p><a href="/faktury/101/pdf">PDF</a>`;
    expect(detect(czech, 'https://app.example/faktury/101', 'cs')).toMatchObject({ number: '2026-0101', customerName: 'Elektro Beneš s.r.o.' });
    const other = `<h1>Invoice INV-3301</h1><section><h2>Customer</h2><div><label>Trading as</label><span>Bluewater Bikes</span></div></section>
      <p>Total due $640.00</p><a href="/invoices/3301/pdf">PDF</a>`;
    expect(detect(other, 'https://app.example/invoices/3301')?.customerName).not.toBe('Trading as');
  });
});

describe('the twenty-second round’s delivery notes', () => {
  it('reads a packing slip numbered by its order, without an amount, and not an order page with a packing slip’s tab', () => {
    const slip = `<h2>PACKING SLIP</h2><table><tr><td>Order Number:</td><td>2291</td></tr><tr><td>Order Date:</td><td>November 24, 2026</td></tr></table>
      <h3>Ship To</h3><p>Marta Lindqvist</p><p>Storgatan 4, 111 22 Stockholm</p><table><tr><th>Product</th><th>Quantity</th></tr><tr><td>Wool blanket</td><td>2</td></tr></table>`;
    expect(detect(slip, 'https://shop.example/wp-admin/admin.php?page=print&order=2291')).toMatchObject({ number: '2291', kind: 'delivery-note' });
    const order = `<h1>Sales Order</h1><div role="tablist"><button role="tab" aria-selected="true">Packing Slip</button></div><p>Order #: SO-77</p><p>Customer: Lakeside Café</p>`;
    expect(detect(order, 'https://app.example/orders/77')).toBeUndefined();
  });
});
