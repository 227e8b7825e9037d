/** "Why is there no button?" (issue 16 item 11): what a page offers, also when it is too little for a button. */
import { describe, expect, it } from 'vitest';
import { reportPage } from '../../extension/sites/page-report';

const URL_ = new URL('http://erp.local:8080/invoice/12');

describe('the page report', () => {
  it('says number ✓, recipient ✗, PDF ✗ for an invoice screen whose PDF comes from a button, and keeps the number for "Send anyway"', () => {
    document.title = 'ERP';
    document.body.innerHTML = `<header><a href="mailto:support@erp.example">Support</a></header>
      <form><table><tr><th><label for="no">Invoice number</label></th><td><input id="no" readonly value="FV 12/2026"></td></tr></table>
      <button type="button" onclick="print()">Print</button></form>`;
    const { report, detection } = reportPage(document, URL_, []);
    expect(report).toEqual({ detected: false, number: 'FV 12/2026', pdf: false });
    expect(detection).toEqual({ kind: 'document', documents: [{ number: 'FV 12/2026', recipients: [] }] });
  });

  it('finds a recipient in the page (not the support address in the header) and a PDF link', () => {
    document.body.innerHTML = `<header><a href="mailto:support@erp.example">Support</a></header>
      <main><h1>Invoice 2026-17</h1><p>Customer: <a href="mailto:ap@beta.example">ap@beta.example</a></p><a href="/files/17.pdf">Download</a></main>`;
    const { report } = reportPage(document, URL_, []);
    expect(report).toMatchObject({ number: '2026-17', recipient: 'ap@beta.example', pdf: true });
  });

  it('reports what the adapter read when the button is there', () => {
    document.body.innerHTML = `<main><h1>Invoice 2026-18</h1><p>E-mail: ap@beta.example</p><a href="/files/18.pdf">PDF</a></main>`;
    const { report, detection } = reportPage(document, URL_, []);
    expect(report).toMatchObject({ detected: true, kind: 'document', number: '2026-18', recipient: 'ap@beta.example', pdf: true });
    expect(detection.documents[0]?.pdfUrl).toBe('http://erp.local:8080/files/18.pdf');
  });
});
