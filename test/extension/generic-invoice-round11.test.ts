/**
 * Classes of pages the eleventh held-out corpus round found (issue 16), each read through the public
 * detector: an input button as PDF trigger, a debtor's label, a business term's code beside an amount,
 * "Customer portal", a street and a town on one line, a customer's side panel, a feed's document card.
 */
import { describe, expect, it } from 'vitest';
import { detectFirstDocument } from './detect-page';
import { parseAmount } from '../../extension/sites/amounts';

const detect = (html: string, url?: string) => detectFirstDocument(html, { url });

const LINES = `<table><tr><td>Design</td><td>1</td><td>$1,000.00</td></tr></table><p>Amount due: $1,000.00</p>`;

describe('the eleventh round’s classes', () => {
  it('takes an <input type="button"> that opens a PDF route for the PDF', () => {
    const found = detect(
      `<h1>Invoice INV-7</h1><p>Customer: Delta Ltd</p>${LINES}<input type="button" value="Print PDF" onclick="window.open('/invoices/7/print?format=pdf')">`,
      'https://app.example/invoices/7',
    );
    expect(found?.pdfUrl).toBe('https://app.example/invoices/7/print?format=pdf');
  });

  it.each([
    ['Dłużnik', 'Faktura FV/1/2026', 'Razem do zapłaty: 1 230,00 zł'],
    ['Debtor', 'Invoice INV-7', 'Amount due: $1,000.00'],
    ['Schuldner', 'Rechnung RE-7', 'Gesamtbetrag: 1.000,00 €'],
  ])('reads the customer under "%s"', (label, heading, amount) => {
    const found = detect(`<h1>${heading}</h1><a href="/d/7.pdf">PDF</a><dl><dt>${label}</dt><dd>Delta Trading Ltd</dd></dl><p>${amount}</p>`);
    expect(found?.customerName).toBe('Delta Trading Ltd');
  });

  it('reads no minus from a code’s hyphen', () => {
    expect(parseAmount('Te betalen bedrag (BT-115)')).toBeUndefined();
    expect(parseAmount('INV-42 € 3.630,00')).toBe('€ 3.630,00');
    expect(parseAmount('Total -€ 5,00')).toBe('-€ 5,00');
  });

  it('does not take "customer portal" for a customer named "portal"', () => {
    const found = detect(`<header>Skyline Analytics customer portal</header><h1>Invoice INV-7</h1><a href="/d/7.pdf">PDF</a>${LINES}`);
    expect(found?.customerName).not.toBe('portal');
  });

  it('reads a buyer’s block whose street and town share a line, on a page without PDF', () => {
    const found = detect(`<h2>Invoice #1046</h2><div><strong>Dana Whitfield</strong><div>dana@example.net</div><div>88 Alvarado Rd, Berkeley, CA 94705</div></div><p>Balance due $412.50</p>`);
    expect(found?.customerName).toBe('Dana Whitfield');
    expect(found?.recipients[0]).toBe('dana@example.net');
  });

  it('reads the customer from a side panel headed by its company with its e-mail', () => {
    const found = detect(`<aside><h3>Talleres Norte S.L.</h3><p>admin@talleres.example</p></aside><main><h1>Factura F-7</h1><p>Total: 217,80 €</p><a href="/f/7.pdf">PDF</a></main>`);
    expect(found?.customerName).toBe('Talleres Norte S.L.');
    expect(found?.recipients[0]).toBe('admin@talleres.example');
  });

  it('shows no document for a feed’s card that links to the document’s own page', () => {
    const card = `<article><h3>Invoice INV-1102 sent</h3><div><strong>Greenleaf Florists</strong><div>orders@greenleaf.example</div><div>22 Pine Ave, Portland, OR 97205</div></div><p>Amount due $915.00</p><a href="/invoices/1102">View invoice</a></article>`;
    expect(detect(`<h1>Home</h1>${card}`, 'https://app.example/home')).toBeUndefined();
    // The document's own page, whose address names it, is still the document.
    expect(detect(`<h1>Home</h1>${card}`, 'https://app.example/invoices/1102')?.number).toBe('INV-1102');
  });
});
