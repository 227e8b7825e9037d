/**
 * A customer named by the recipient's domain (issue 16; the last two customers the corpus missed after
 * round 20): a card's heading or the line above the address whose words make the address's domain
 * ("Northwind Outfitters Inc." for ap@northwind-outfitters.…, "Main Street Health Partners" for
 * ap@mainstreethealth.…), where no label names the customer. Read through the public detector.
 */
import { describe, expect, it } from 'vitest';
import { detectFirstDocument } from './detect-page';

const detect = (html: string) => detectFirstDocument(html, { url: 'https://app.example/invoices/4471', lang: 'en', title: '' });

describe('a customer named by the recipient’s domain', () => {
  it('reads a card’s heading whose words make the domain, when no label names the customer', () => {
    const html = `<h1>Payment reminder</h1><div class="summary"><h3>Northwind Outfitters Inc.</h3><p>Invoice INV-4471 · 12 days overdue</p><p>Amount due $3,210.50</p></div>
      <div class="preview"><span>To</span> <span>ap@northwind-outfitters.example.com</span></div><a href="/invoices/4471.pdf">INV-4471.pdf</a>`;
    expect(detect(html)).toMatchObject({ number: 'INV-4471', customerName: 'Northwind Outfitters Inc.', recipients: ['ap@northwind-outfitters.example.com'] });
  });

  it('reads the line above the address in its cell when the domain is the name’s first words run together', () => {
    const html = `<h1>Owner Invoice INV-3</h1><table><tr><th>Billing Date</th><td>11/30/2026</td></tr>
      <tr><th>Contact</th><td>Main Street Health Partners<br>ap@mainstreethealth.example.org</td></tr><tr><th>Current Payment Due</th><td>$118,350.00</td></tr></table>
      <a href="/invoices/3/export.pdf">PDF</a>`;
    expect(detect(html)?.customerName).toBe('Main Street Health Partners');
  });

  it('takes no heading whose words do not make the domain (the seller’s, a word the domain merely starts with)', () => {
    for (const heading of ['Harbor Gear Credit Control', 'Northwind', 'Outfitters Northwind Inc.']) {
      const html = `<h1>Payment reminder</h1><div><h3>${heading}</h3><p>Invoice INV-4471</p><p>Amount due $3,210.50</p></div>
        <p>To: ap@northwind-outfitters.example.com</p><a href="/invoices/4471.pdf">INV-4471.pdf</a>`;
      const found = detect(html);
      expect(found?.number, heading).toBe('INV-4471');
      expect(found?.customerName, heading).toBeUndefined();
    }
  });
});
