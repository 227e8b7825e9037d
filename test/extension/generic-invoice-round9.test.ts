/**
 * Classes of pages the ninth held-out corpus round found (issue 16), each read through the public
 * detector: generic number labels of ERPs, a record known by its address's query, a customer's side
 * panel, a viewer of a file, a billed company after its contact, a fee added to what is due, and a
 * page about an invoice that is not its page.
 */
import { describe, expect, it } from 'vitest';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, title?: string) => detectFirstDocument(html, { url, title });

describe('generic number labels', () => {
  it.each([
    ['Beleg-Nr.', '<h1>Debitorenrechnung</h1>'],
    ['N° de pièce', '<h1>Avoir</h1>'],
    ['Número de documento', '<h1>Factura</h1>'],
  ])('reads "%s" where the heading names the kind', (label, heading) => {
    const found = detect(`${heading}<table><tr><td>${label}</td><td>30512</td></tr><tr><td>Total</td><td>€ 100,00</td></tr></table><a href="/doc/30512.pdf">PDF</a>`);
    expect(found?.number).toBe('30512');
  });

  it('reads "Quote ID" as a quote’s number', () => {
    const found = detect(`<label for="q">Quote ID</label><input id="q" readonly value="QUO-01234-X9Y8Z7"><a href="/quotes/1.pdf">PDF</a>`, 'https://crm.example/quotes/1');
    expect(found).toMatchObject({ number: 'QUO-01234-X9Y8Z7', kind: 'quote' });
  });
});

describe('a record known by its address’s query', () => {
  const FORM = `<label for="n">Number</label><input id="n" readonly value="QUO-77"><label for="c">Customer</label><input id="c" value="Fabrikam Inc."><label for="t">Total Amount</label><input id="t" readonly value="$1,800.00">`;

  it.each(['https://crm.example/main.aspx?etn=quote&id=5b2c9e10', 'https://crm.example/index.php?module=Quotes&record=12', 'https://crm.example/print.php?quote_id=12'])('reads %s', (url) => {
    expect(detect(FORM, url)).toMatchObject({ number: 'QUO-77', kind: 'quote', amount: '$1,800.00' });
  });

  it('does not take a page number for a record', () => {
    expect(detect(FORM, 'https://crm.example/list.php?type=quote&page=2')).toBeUndefined();
  });
});

describe('the customer', () => {
  it('reads the address in a side panel headed by a customer label, not in another aside', () => {
    const found = detect(`<h1>Invoice 2026-10457</h1><p>Total: € 2.843,50</p><aside><h3>Activity</h3><a href="mailto:dana@seller.example">dana@seller.example</a></aside>
      <aside><h3>Customer</h3><p>Bakery Ltd</p><a href="mailto:ap@bakery.example">ap@bakery.example</a></aside><a href="/invoices/1.pdf">PDF</a>`);
    expect(found?.recipients[0]).toBe('ap@bakery.example');
  });

  it('takes the billed company after its contact person under "Bill To", not under "Prepared for"', () => {
    const block = (label: string) => `<h1>Invoice INV-4521</h1><div><b>${label}</b><p>Art Vandelay<br>Vandelay Industries<br>payables@vandelay.example</p></div><a href="/invoices/1.pdf">PDF</a>`;
    expect(detect(block('Bill To'))?.customerName).toBe('Vandelay Industries');
    expect(detect(block('Prepared for'))?.customerName).toBe('Art Vandelay');
  });

  it('does not take "Customer Ref" for a name', () => {
    const found = detect(`<h1>Credit Note CN0042</h1><table><tr><td>Customer Ref</td><td>HJ-PO-5521</td></tr></table><a href="/cn/1.pdf">PDF</a>`);
    expect(found?.customerName).not.toBe('Ref');
    expect(found?.customerName).not.toBe('HJ-PO-5521');
  });
});

describe('the PDF and the number of a viewer', () => {
  it('offers an iframe of a file route to probe', () => {
    const found = detect(`<h1>Invoice INV-9</h1><iframe src="/files/reminders/58821/view"></iframe>`);
    expect(found?.pdfCandidates).toEqual(['https://app.example/files/reminders/58821/view']);
  });

  it('reads the number from a title that is a file’s name', () => {
    const found = detect(`<embed src="/files/f_93kd2/inline" type="application/pdf">`, 'https://billing.example/documents/d_93kd2/view', 'Invoice_INV-7781.pdf');
    expect(found).toMatchObject({ number: 'INV-7781', kind: 'invoice' });
  });
});

describe('the amount', () => {
  it('takes the total after a fee added below what is due', () => {
    const found = detect(
      `<h1>Reminder R-14</h1><table><tr><td>Amount due</td><td>$1,190.00</td></tr><tr><td>Reminder fee</td><td>$5.00</td></tr><tr><td>Total</td><td>$1,195.00</td></tr></table><a href="/r/14.pdf">PDF</a>`,
    );
    expect(found?.amount).toBe('$1,195.00');
  });

  it('keeps what is due over a plain total without a fee between', () => {
    const found = detect(`<h1>Invoice 12</h1><table><tr><td>Balance due</td><td>$700.00</td></tr><tr><td>Total</td><td>$900.00</td></tr></table><a href="/i/12.pdf">PDF</a>`);
    expect(found?.amount).toBe('$700.00');
  });
});

describe('a page about an invoice', () => {
  it('is not the invoice’s page', () => {
    const found = detect(
      `<h1>Question about invoice INV-2031</h1><p>Attachment: <a href="/attachments/771/INV-2031.pdf">INV-2031.pdf</a></p>`,
      'https://help.example/agent/tickets/48213',
      '#48213 Question about invoice INV-2031',
    );
    expect(found).toBeUndefined();
  });
});
