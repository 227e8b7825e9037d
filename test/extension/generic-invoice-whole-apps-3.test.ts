/**
 * Classes of pages that three whole apps built for test/e2e/unseen-apps-3.test.ts found (issue 16), read
 * through the public detector, each on a variant other than the app's: a status beside the title that
 * says what the customer did ("Pas encore vue par le client", Axonaut), read as the customer's label
 * with the next section's heading as its name; a customer's name in a button that opens its contact
 * card (Zoho Invoice's "Bill To"), whose text was skipped as an action's; and the street line under it
 * read as the name in its place ("14 Dock Street"), or the town's line ("Leith, Edinburgh EH6 6EY");
 * and, probed beside them, a voucher view whose right-hand column a layout calls a sidebar (lexoffice,
 * sevDesk) with the customer's contact and e-mail in it.
 */
import { describe, expect, it } from 'vitest';
import { parseNameValue } from '../../extension/sites/page-labels';
import { detectFirstDocument } from './detect-page';

describe('a status that says what the customer did', () => {
  const page = (status: string, labels: { customer: string; lines: string; total: string; heading: string }) =>
    `<header class="doc-head"><h1>${labels.heading}</h1><span class="badge">${status}</span><a href="/docs/318/export">PDF</a></header>
    <section><h2>${labels.lines}</h2><table><tr><td>Consulenza</td><td>1.000,00 €</td></tr></table><p>${labels.total} <b>1.220,00 €</b></p></section>
    <section><h2>${labels.customer}</h2><p><a href="/clienti/12">Trattoria da Gino S.r.l.</a></p><p>amministrazione@trattoriadagino.example</p></section>`;

  it('is no label: the customer is the one its own label names', () => {
    const italian = page('Non ancora visto dal cliente', { customer: 'Cliente', lines: 'Righe', total: 'Totale documento', heading: 'Fattura 318/2026' });
    expect(detectFirstDocument(italian, { url: 'https://app.example/fatture/318', lang: 'it' })).toMatchObject({
      number: '318/2026',
      customerName: 'Trattoria da Gino S.r.l.',
      recipients: ['amministrazione@trattoriadagino.example'],
    });
    const english = page('Viewed by the customer', { customer: 'Customer', lines: 'Items', total: 'Total', heading: 'Invoice 318/2026' });
    expect(detectFirstDocument(english, { url: 'https://app.example/invoices/318', lang: 'en' })).toMatchObject({ customerName: 'Trattoria da Gino S.r.l.' });
  });

  it('still labels the customer with a colon after it', () => {
    const labelled = '<h1>Invoice INV-77</h1><p>Sent by customer: Kestrel Print Ltd</p><p>Total: $ 1,380.00</p><p>ap@kestrel.example</p><a href="/invoices/77.pdf">PDF</a>';
    expect(detectFirstDocument(labelled, { url: 'https://app.example/invoices/77' })?.customerName).toBe('Kestrel Print Ltd');
  });
});

describe("a customer's name in a button that opens its card", () => {
  const quote = (button: string) => `<div class="toolbar"><h1>QT-2207</h1><button type="button">Edit</button><button type="button">Print</button></div>
    <div class="sheet"><h2>QUOTE</h2><p>Quote # QT-2207</p><div class="billing"><div class="caption">Bill To</div>${button}<div>221B Baker Street<br>London NW1 6XE</div></div>
    <table><tr><th>Item</th><th>Amount</th></tr><tr><td>Catering, 40 guests</td><td>£2,140.00</td></tr></table><p>Total £2,140.00</p></div>`;

  it('reads the name, not the street below it', () => {
    const found = detectFirstDocument(quote('<button type="button" class="contact-name" aria-haspopup="true" aria-expanded="false">Marlow &amp; Finch Events Ltd</button>'), {
      url: 'https://books.example/app/quotes/2207',
    });
    expect(found).toMatchObject({ number: 'QT-2207', kind: 'quote', customerName: 'Marlow & Finch Events Ltd', amount: '£2,140.00' });
  });

  it("reads a person's name or a company's without its legal form, where the button opens a card", () => {
    for (const name of ['Imogen Marlow', 'Marlow Finch Events']) {
      const found = detectFirstDocument(quote(`<button type="button" aria-haspopup="dialog">${name}</button>`), { url: 'https://books.example/app/quotes/2207' });
      expect(found?.customerName).toBe(name);
    }
  });

  it('takes no line of the address below a button that opens nothing', () => {
    const found = detectFirstDocument(quote('<button type="button" class="contact-name">Marlow Finch Events</button>'), { url: 'https://books.example/app/quotes/2207' });
    expect(found?.customerName ?? '').not.toMatch(/Baker|NW1/);
  });

  it("takes no name from a switcher's button (the app's own company) nor a street line", () => {
    const switcher = `<header><button type="button" aria-haspopup="menu">Harbour Design Ltd</button></header>`;
    const found = detectFirstDocument(switcher + quote('<button type="button" class="contact-name">Marlow &amp; Finch Events Ltd</button>'), { url: 'https://books.example/app/quotes/2207' });
    expect(found?.customerName).not.toBe('Harbour Design Ltd');
    expect(found?.customerName).not.toBe('221B Baker Street');
  });
});

describe('a line of an address is no name', () => {
  it.each(['14 Dock Street', '221B Baker St.', '1600 Pennsylvania Avenue', '12, rue de la Paix', '8 avenue Jean Jaurès', 'Leith, Edinburgh EH6 6EY', 'Oakland, CA 94607'])('%s', (line) => {
    expect(parseNameValue(line)).toBeUndefined();
  });

  it.each(['3 Bears Ltd', '24 Carrots Catering', '1&1 Internet SE', '7 Eleven Stores'])('but %s is', (name) => {
    expect(parseNameValue(name)).toBe(name);
  });

  it("keeps a record's number before its name apart from a postcode before a town", () => {
    expect(parseNameValue('10017 Elektro Maier')).toBe('Elektro Maier');
  });
});

describe("a record's side column that its layout calls a sidebar", () => {
  const voucher = (column: string) => `<div class="app-sidebar"><nav><a href="/vouchers">Belege</a><a href="/contacts">Kontakte</a></nav></div>
    <div class="voucher-view"><div class="voucher-head"><span class="type">Angebot</span><h2>AN-2026-0311</h2></div><iframe title="Vorschau" src="blob:https://app.example/7f"></iframe></div>${column}`;

  it("reads the customer's e-mail in its section", () => {
    const column = `<div class="voucher-sidebar"><section><h4>Ansprechpartner</h4><p><a href="/contacts/8">Brauhaus Lindner KG</a></p><p>einkauf@brauhaus-lindner.example</p></section>
      <section><h4>Summen</h4><p>Gesamtbetrag brutto 2.380,00 €</p></section></div>`;
    expect(detectFirstDocument(voucher(column), { url: 'https://app.example/vouchers/quote/77', lang: 'de' })).toMatchObject({
      number: 'AN-2026-0311',
      kind: 'quote',
      customerName: 'Brauhaus Lindner KG',
      recipients: ['einkauf@brauhaus-lindner.example'],
    });
  });

  it("leaves an app's own sidebar (a help box beside its menu) as chrome: its labelled address is never the customer's, nor there alone", () => {
    const help = `<div class="sidebar-left"><section><h4>Kontakt</h4><p>Fragen? support@erp-cloud.example</p></section><nav><a href="/help">Hilfe</a></nav></div>`;
    const found = detectFirstDocument(help + voucher('').replace('<iframe', '<p>Kunde: Brauhaus Lindner KG</p><p>Gesamtbetrag 2.380,00 €</p><iframe'), {
      url: 'https://app.example/vouchers/quote/77',
      lang: 'de',
    });
    expect(found).toMatchObject({ number: 'AN-2026-0311', customerName: 'Brauhaus Lindner KG', recipients: [] });
  });
});
