import { describe, expect, it } from 'vitest';
import { extractInvoiceFromPage } from '../../extension/sites';

function detect(html: string, url = 'https://app.example/invoices/1') {
  document.body.innerHTML = html;
  return extractInvoiceFromPage(document, new URL(url))?.found;
}

describe('generic invoice adapter', () => {
  it('finds the number, the recipient and the PDF on a Swedish invoice page', () => {
    const found = detect(`
      <h1>Faktura 2026-0042</h1>
      <p>E-post: <a href="mailto:ekonomi@kund.se">ekonomi@kund.se</a></p>
      <a href="/invoices/42/pdf">Ladda ner PDF</a>`);
    expect(found).toMatchObject({ number: '2026-0042', recipients: ['ekonomi@kund.se'], pdfUrl: 'https://app.example/invoices/42/pdf' });
    expect(found?.anchor?.tagName).toBe('H1');
  });

  it.each([
    ['Invoice #INV-1001', 'INV-1001'],
    ['Rechnung Nr. RE-2026/17', 'RE-2026/17'],
    ['Faktura VAT 12/11/2026', '12/11/2026'],
    ['Reikningur 10045', '10045'],
    ['Ordernummer 5531', '5531'],
  ])('reads the number from "%s"', (title, number) => {
    expect(detect(`<h2>${title}</h2><a href="/doc.pdf">PDF</a>`)?.number).toBe(number);
  });

  it('takes a download link and e-mail inputs too', () => {
    const found = detect(`<h1>Invoice 77</h1><input type="email" value="billing@customer.com"><a href="/get?id=77" download="Invoice-77.pdf">Download</a>`);
    expect(found).toMatchObject({ recipients: ['billing@customer.com'], pdfName: 'Invoice-77.pdf' });
  });

  it('shows nothing on a page that is not a document', () => {
    expect(detect('<h1>Dashboard</h1><p>Welcome back</p>')).toBeUndefined();
    expect(detect('<h1>Invoices</h1><a href="/report.pdf">PDF</a>')).toBeUndefined();
  });

  it('ignores PDF links to other sites', () => {
    expect(detect('<h1>Invoice 5</h1><a href="https://cdn.other.example/5.pdf">PDF</a>')).toBeUndefined();
  });
});
