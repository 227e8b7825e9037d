/**
 * Classes of pages the tenth held-out corpus round found (issue 16), each read through the public
 * detector: a document without a PDF whose buyer is known only by an address block, a customer's
 * heading over a block of fields, section headings that end a label's look-ahead, a reminder's
 * ordinal in its heading, an anchor acting as a PDF button, a company whose name holds an action's
 * word, and totals named "Total payable", "Mahnsumme", "Kwota należności ogółem".
 */
import { describe, expect, it } from 'vitest';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang?: string) => detectFirstDocument(html, { url, lang });

describe('a document without a PDF', () => {
  it('is read where its buyer has only an address block and its address is shown', () => {
    const found = detect(
      `<h1>Estimate #812</h1><div class="card"><a href="#/customers/9">Rosa Lind</a><div>rosa@lind.example</div><div>2210 Elm St, Denver, CO 80205</div></div><div>Total</div><div>$950.00</div>`,
      'https://app.example/#/estimates/812',
    );
    expect(found).toMatchObject({ number: '812', kind: 'quote', customerName: 'Rosa Lind', recipients: ['rosa@lind.example'], amount: '$950.00' });
  });

  it('is not read from a heading and an amount alone', () => {
    expect(detect(`<h1>Invoice #812</h1><p>Total $950.00</p>`)).toBeUndefined();
  });
});

describe('the customer', () => {
  it('is the name field under the buyer’s heading, not the seller’s before it', () => {
    const found = detect(
      `<h1>Faktura VAT</h1><dl><dt>Numer faktury</dt><dd>FV/1/2026</dd></dl><section><h2>Sprzedawca</h2><dl><dt>NIP</dt><dd>5261040828</dd><dt>Nazwa</dt><dd>Drewnopol S.A.</dd><dt>E-mail</dt><dd>biuro@drewnopol.example</dd></dl></section><section><h2>Nabywca</h2><dl><dt>NIP</dt><dd>7542981143</dd><dt>Nazwa</dt><dd>Meblex Sp. z o.o.</dd><dt>E-mail</dt><dd>faktury@meblex.example</dd></dl></section><dl><dt>Kwota należności ogółem</dt><dd>1 230,00 PLN</dd></dl><a href="/f/1.pdf">PDF</a>`,
      undefined,
      'pl',
    );
    expect(found).toMatchObject({ customerName: 'Meblex Sp. z o.o.', recipients: ['faktury@meblex.example', 'biuro@drewnopol.example'], amount: '1 230,00 PLN' });
  });

  it('is read from "Denominazione:" under "Cessionario/committente (cliente)"', () => {
    const found = detect(
      `<h1>Fattura 7/2026</h1><h3>Cedente/prestatore (fornitore)</h3><ul><li>Denominazione: Forni Rossi S.r.l.</li></ul><h3>Cessionario/committente (cliente)</h3><ul><li>Identificativo fiscale ai fini IVA: IT09876543210</li><li>Denominazione: Bar Centrale S.r.l.</li></ul><p>Totale documento 500,00</p><a href="/f/7.pdf">PDF</a>`,
      undefined,
      'it',
    );
    expect(found?.customerName).toBe('Bar Centrale S.r.l.');
  });

  it('is a company’s link even where its name holds an action’s word', () => {
    const found = detect(
      `<h1>Credit Note CN-4</h1><table><tr><th>Client</th><td><a href="/client/view?id=3">Kestrel Print Ltd</a></td></tr><tr><th>Send to</th><td>ap@kestrel.example</td></tr></table><p>Total £10.00</p><a href="/cn/4.pdf">PDF</a>`,
    );
    expect(found?.customerName).toBe('Kestrel Print Ltd');
  });

  it('is not the rest of "Contact person"', () => {
    const found = detect(
      `<h1>Invoice 2026-1</h1><div>Company</div><div>Wayne Enterprises</div><div>Contact person</div><div>Lucius Fox</div><div>Total</div><div>€10.00</div><a href="/i/1.pdf">PDF</a>`,
    );
    expect(found?.customerName).toBe('Wayne Enterprises');
  });
});

describe('numbers and amounts', () => {
  it('ends a heading’s look-ahead at the next section’s heading', () => {
    const found = detect(
      `<h1>Rechnung</h1><h2>Rechnungsdaten</h2><div><span>BT-1</span><span>Rechnungsnummer:</span><span>R-2026-7</span></div><p>Gesamtbetrag 10,00 €</p><a href="/r/7.pdf">PDF</a>`,
      undefined,
      'de',
    );
    expect(found?.number).toBe('R-2026-7');
  });

  it('reads "Mahnung – 2. Mahnstufe" as an ordinal, the number from "Mahnnummer", the total from "Mahnsumme"', () => {
    const found = detect(
      `<h1>Mahnung – 2. Mahnstufe</h1><div><span>Mahnnummer</span><span>MA-7</span></div><table><tr><td>Offene Posten</td><td>100,00 €</td></tr><tr><td>Mahnsumme inkl. Mahngebühren</td><td>105,00 €</td></tr></table><a href="/m/7.pdf">PDF</a>`,
      undefined,
      'de',
    );
    expect(found).toMatchObject({ number: 'MA-7', kind: 'reminder', amount: '105,00 €' });
  });

  it('reads "Total payable"', () => {
    expect(detect(`<h1>VAT Invoice</h1><p>Invoice number</p><p>GB6A2R7</p><p>Billing address</p><p>Ann Lee</p><p>Total payable</p><p>£54.97</p>`)?.amount).toBe('£54.97');
  });
});

it('takes the route of an anchor that acts as a button (role=button, data-href, no href)', () => {
  const found = detect(`<h1>Invoice 2026-311</h1><a class="btn" role="button" data-href="/invoices/pdf/1311">PDF</a><p>Total €10.00</p>`);
  expect(found?.pdfUrl).toBe('https://app.example/invoices/pdf/1311');
});
