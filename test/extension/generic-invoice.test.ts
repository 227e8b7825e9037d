import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recipe } from '../../shared/recipe-schemas';
import { detectDocumentsOnPage, extractInvoiceFromPage } from '../../extension/sites';
import { mayShowDocument } from '../../extension/sites/document-hint';

function detect(html: string, url = 'https://app.example/invoices/1') {
  document.body.innerHTML = html;
  return extractInvoiceFromPage(document, new URL(url))?.found;
}

function detectPage(html: string, url = 'https://app.example/invoices', recipes: Recipe[] = [], lang = '') {
  document.documentElement.setAttribute('lang', lang);
  document.body.innerHTML = html;
  return detectDocumentsOnPage(document, new URL(url), recipes);
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
    ['Zamówienie nr ZAM/7/2026', 'ZAM/7/2026'],
    ['Ordrebekræftelse 88-1207', '88-1207'],
    ['Bestellung 4711', '4711'],
    ['Pöntun 301', '301'],
  ])('reads the number from "%s"', (title, number) => {
    expect(detect(`<h2>${title}</h2><a href="/doc.pdf">PDF</a>`)?.number).toBe(number);
  });

  it.each([
    [
      'en',
      `<h1>Invoice INV-7</h1><table><tr><th>Bill to</th><td>Acme Ltd</td></tr><tr><th>Amount due</th><td>£1,250.00</td></tr><tr><th>Due date</th><td>2026-12-31</td></tr></table>
       <p>Email: billing@acme.example</p><a href="/7.pdf">PDF</a>`,
      { number: 'INV-7', customerName: 'Acme Ltd', amount: '£1,250.00', dueDate: '2026-12-31', recipients: ['billing@acme.example'] },
    ],
    [
      'pl',
      `<h2>Faktura VAT nr FV/2026/11/042</h2><dl><dt>Nabywca</dt><dd>Kowalski Sp. z o.o.</dd><dt>Adres e-mail</dt><dd>biuro@kowalski.pl</dd>
       <dt>Do zapłaty</dt><dd>4 920,00 zł</dd><dt>Termin płatności</dt><dd>15.12.2026</dd></dl><a href="/42/pdf">Pobierz PDF</a>`,
      { number: 'FV/2026/11/042', customerName: 'Kowalski Sp. z o.o.', amount: '4 920,00 zł', dueDate: '15.12.2026', recipients: ['biuro@kowalski.pl'] },
    ],
    [
      'sv',
      `<h1>Faktura 2026-0042</h1><p>Kund: <strong>Kund AB</strong></p><label>E-post <input type="email" value="ekonomi@kund.se"></label>
       <p>Att betala: 12 500,00 SEK · Förfallodatum 2026-12-23</p><a href="/42.pdf">Ladda ner PDF</a>`,
      { number: '2026-0042', customerName: 'Kund AB', amount: '12 500,00 SEK', dueDate: '2026-12-23', recipients: ['ekonomi@kund.se'] },
    ],
    [
      'da',
      `<h1>Faktura nr. 5531</h1><div><span>Kunde:</span> <span>Hansen ApS</span></div><div>Kontakt: regnskab@hansen.dk</div>
       <div>I alt: 3.750,00 kr.</div><div>Forfaldsdato: 01.12.2026</div><a href="/5531.pdf">Hent PDF</a>`,
      { number: '5531', customerName: 'Hansen ApS', amount: '3.750,00 kr.', dueDate: '01.12.2026', recipients: ['regnskab@hansen.dk'] },
    ],
    [
      'nb',
      `<h1>Ordrebekreftelse</h1><p>Ordrenummer: 88-1207</p><p>Kunde: Nordmann AS</p><p>E-post: <a href="mailto:post@nordmann.no">post@nordmann.no</a></p>
       <p>Å betale: kr 2 300,00</p><p>Forfallsdato: 01.12.2026</p><a href="/o.pdf">Skriv ut PDF</a>`,
      { number: '88-1207', customerName: 'Nordmann AS', amount: 'kr 2 300,00', dueDate: '01.12.2026', recipients: ['post@nordmann.no'] },
    ],
    [
      'is',
      `<h1>Reikningur nr. 10045</h1><p>Viðskiptavinur: Jón Jónsson ehf.</p><p>Netfang: <a href="mailto:jon@jonsson.is">jon@jonsson.is</a></p>
       <p>Til greiðslu: 45.000 kr.</p><p>Gjalddagi: 05.01.2027</p><a href="/10045.pdf">Sækja</a>`,
      { number: '10045', customerName: 'Jón Jónsson ehf.', amount: '45.000 kr.', dueDate: '05.01.2027', recipients: ['jon@jonsson.is'] },
    ],
    [
      'de',
      `<h1>Rechnung</h1><table><tr><td>Rechnungsnummer:</td><td>RE-2026/17</td></tr><tr><td>Kunde:</td><td>Müller GmbH</td></tr>
       <tr><td>E-Mail:</td><td>buchhaltung@mueller.de</td></tr><tr><td>Gesamtbetrag:</td><td>1.190,00 €</td></tr><tr><td>Fällig am:</td><td>30.11.2026</td></tr></table>
       <a href="/17/pdf" title="Als PDF herunterladen">Herunterladen</a>`,
      { number: 'RE-2026/17', customerName: 'Müller GmbH', amount: '1.190,00 €', dueDate: '30.11.2026', recipients: ['buchhaltung@mueller.de'] },
    ],
  ])('reads a %s page without a lang attribute: number, customer, amount, due date, address and language', (language, html, expected) => {
    const found = detectPage(html, 'https://app.example/doc/1');
    expect(found?.detection.kind).toBe('document');
    expect(found?.detection.documents[0]).toMatchObject({ ...expected, language });
  });

  it('takes a download link and e-mail inputs too', () => {
    const found = detect(`<h1>Invoice 77</h1><input type="email" value="billing@customer.com"><a href="/get?id=77" download="Invoice-77.pdf">Download</a>`);
    expect(found).toMatchObject({ recipients: ['billing@customer.com'], pdfName: 'Invoice-77.pdf' });
  });

  it('prefers the customer’s address to the app’s own in the header and footer', () => {
    const found = detect(`<header><a href="mailto:support@app.example">Support</a></header><h1>Invoice 5</h1>
      <p>Customer: Acme</p><p>accounts@acme.example</p><a href="/5.pdf">PDF</a><footer>help@app.example</footer>`);
    expect(found?.recipients[0]).toBe('accounts@acme.example');
    expect(found?.recipients).toContain('support@app.example');
  });

  it('never offers the app’s own address alone: a page that shows no address of its customer gives none', () => {
    const found = detect(`<nav><a href="mailto:support@helpdesk.example">Support</a></nav><h1>Invoice 5</h1>
      <dl><dt>Customer</dt><dd>Acme</dd></dl><a href="/5.pdf">PDF</a><footer>Questions? help@helpdesk.example</footer>`);
    expect(found?.number).toBe('5');
    expect(found?.recipients).toEqual([]);
  });

  it('puts an address of the document before one in the app’s footer, even when the document’s is on the site’s own domain', () => {
    const found = detect(`<h1>Invoice 5</h1><p>Customer: Acme</p><p>E-mail: accounts@app.example</p><a href="/5.pdf">PDF</a><footer>help@helpdesk.example</footer>`, 'https://invoices.app.example/5');
    expect(found?.recipients).toEqual(['accounts@app.example', 'help@helpdesk.example']);
  });

  it.each([
    ['<div>To</div><div><strong>Ridgeway University</strong></div>', 'Ridgeway University'],
    ['<div>An<address><strong>Hotel Alpenblick GmbH</strong><br>Dorfstraße 8</address></div>', 'Hotel Alpenblick GmbH'],
    ['<div class="label">Account:</div><div><a href="/accounts/9">Acme Ltd</a></div>', 'Acme Ltd'],
    ['<td>Organization Name</td><td>Globex Corporation</td>', 'Globex Corporation'],
    ['<h4>Prepared for</h4><p>Jane Doe</p>', 'Jane Doe'],
    ['<span>Factuur aan</span> <span>Van Dijk B.V.</span>', 'Van Dijk B.V.'],
    ['<dt>Contact</dt><dd><a href="/contacts/88">Harbour Lights Ltd</a></dd>', 'Harbour Lights Ltd'],
    ['<dt>Contact</dt><dd>Jane Doe</dd><dt>Customer</dt><dd>Acme Ltd</dd>', 'Acme Ltd'],
    ['<th>Customer Name</th><td><a href="/admin/customer/index/edit/id/1/">Veronica Costello</a></td>', 'Veronica Costello'],
    ['<span>Kunde</span><a href="#/party/2240">Holzbau Brandner GmbH</a><span>Ansprechpartner</span><span>Markus Brandner</span>', 'Holzbau Brandner GmbH'],
  ])('reads the customer from %s', (html, customer) => {
    expect(detect(`<h1>Invoice 5</h1>${html}<a href="/5.pdf">PDF</a>`)?.customerName).toBe(customer);
  });

  it('reads no customer from a word that only names one alone ("to" in a sentence, "To" before a date, "Account" with a number)', () => {
    const found = detect(`<h1>Invoice 5</h1><p>Send it to accounting</p><span>To</span> <span>26 Dec 2026</span>
      <p>Account: 1234 5678</p><p>Bank account DE89 3704 0044</p><a href="/5.pdf">PDF</a>`);
    expect(found?.number).toBe('5');
    expect(found?.customerName).toBeUndefined();
  });

  it.each([
    ['<dt>Samtals án vsk</dt><dd>100.000 kr.</dd><dt>Samtals m/vsk</dt><dd>124.000 kr.</dd>', '124.000 kr.'],
    ['<td>Total c/ IVA</td><td>1.210,00 €</td>', '1.210,00 €'],
    ['<td>Factuurbedrag</td><td>€ 1.512,50</td>', '€ 1.512,50'],
    ['<td>Fakturabelopp</td><td>4 500,00 kr</td>', '4 500,00 kr'],
    ['<td>Sum eks. mva.</td><td>kr 7 900,00</td>', undefined],
  ])('reads the amount of %s', (html, amount) => {
    expect(detect(`<h1>Invoice 5</h1><table><tr>${html}</tr></table><a href="/5.pdf">PDF</a>`)?.amount).toBe(amount);
  });

  it.each([
    ['<h1>Factuur 2026 / 142</h1>', { number: '2026 / 142', kind: 'invoice' }],
    ['<h1>Relance n°2 – Facture FA-2026-0310</h1>', { number: 'FA-2026-0310', kind: 'reminder' }],
    ['<h1>INVOICE</h1><p>Harbor Tools Ltd</p><p>12 Quay Street</p><table><tr><td>Invoice number</td><td>1042</td></tr></table>', { number: '1042' }],
  ])('reads the number and kind of %s', (html, expected) => {
    expect(detect(`${html}<p>Customer: Acme</p><a href="/5.pdf">PDF</a>`)).toMatchObject(expected);
  });

  it('takes a heading’s bare "#12" over another document’s labelled number in the text, where the title names the kind', () => {
    document.title = '#000000012 / Invoices / Sales';
    try {
      expect(detect('<h1>#000000012</h1><div><a href="/orders/31">Order # 000000031</a></div><p>Customer: Acme</p><p>Grand Total: $34.00</p>')).toMatchObject({
        number: '000000012',
        kind: 'invoice',
      });
    } finally {
      document.title = '';
    }
  });

  it('offers no address of the letterhead above the customer’s label alone', () => {
    const found = detect(`<h1>INVOICE</h1><div>Harbor Tools Ltd<br>accounts@harbortools.example</div><b>Bill to</b><div>Ridgeway Builders</div>
      <table><tr><td>Invoice number</td><td>1042</td></tr></table><a href="/5.pdf">PDF</a>`);
    expect(found).toMatchObject({ number: '1042', customerName: 'Ridgeway Builders', recipients: [] });
  });

  it('reads no document from a number quoted in prose or from a checkout that pays one', () => {
    expect(detect('<p>Every invoice gets a unique number, for example <strong>Invoice no. F-2026-001</strong>, then F-2026-002 and so on.</p><a href="/sample.pdf">PDF</a>')).toBeUndefined();
    expect(detect('<h1>Pay invoice #000123</h1><p>Amount due: $450.00</p><label>Email <input type="email" value="ap@acme.example"></label>')).toBeUndefined();
  });

  it('reads a record page without a PDF whose title names its module in the plural ("Invoices")', () => {
    document.title = 'Website redesign » Invoices » SuiteCRM';
    try {
      const found = detect(`<h2>Website redesign</h2><div>Invoice Number:</div><div>1007</div><div>Account:</div><div>Acme Ltd</div>
        <div>Grand Total:</div><div>$1,500.00</div>`);
      expect(found).toMatchObject({ number: '1007', kind: 'invoice', customerName: 'Acme Ltd', amount: '$1,500.00' });
      // The plural names the module, not the record's kind: a number's own label says more.
      document.title = 'Rechnungen';
      expect(detect('<h2>Gutschrift GS-12</h2><p>Kunde: Acme</p><p>Betrag: 50,00 €</p>')?.kind).toBe('credit-note');
    } finally {
      document.title = '';
    }
  });

  it('takes no number from a preview of the numbering or from an amount after a kind’s word', () => {
    expect(
      detect(`<nav><a class="nav-link active" href="/installningar/faktura">Faktura</a></nav><h1>Fakturainställningar</h1><label for="r">Svarsadress (e-post)</label><input id="r" type="email" value="ekonomi@foretag.example">
        <div><span>Förhandsvisning</span><div><b>Faktura F-2026-1043</b></div></div><p>Minsta belopp för påminnelse: 100,00 kr</p>`),
    ).toBeUndefined();
  });

  it('shows nothing on a page that is not a document', () => {
    expect(detect('<h1>Dashboard</h1><p>Welcome back</p>')).toBeUndefined();
    expect(detect('<h1>Invoices</h1><a href="/report.pdf">PDF</a>')).toBeUndefined();
    expect(detect('<h1>Rechnungen</h1><p>Offene Rechnungen: 3</p><a href="/bericht.pdf">PDF</a>')).toBeUndefined();
    expect(detect('<h1>Invoice 12</h1><p>No document yet.</p>')).toBeUndefined();
  });

  it('ignores PDF links to other sites', () => {
    expect(detect('<h1>Invoice 5</h1><a href="https://cdn.other.example/5.pdf">PDF</a>')).toBeUndefined();
  });

  it('offers links that may be the PDF for probing, but never links that act (delete, send, log out) or lead elsewhere', () => {
    const found = detect(`<h1>Faktura 9</h1>
      <a href="/faktura/9/slet">Slet faktura</a> <a href="/logout">Log ud</a> <a href="/faktura/9/send">Send</a>
      <a href="https://other.example/download/9">Download</a> <a href="/dokumenter/9/hent">Hent dokument</a> <a href="/faktura/9/udskriv">Udskriv</a>`);
    expect(found?.pdfUrl).toBeUndefined();
    expect(found?.pdfCandidates).toEqual(['https://app.example/dokumenter/9/hent', 'https://app.example/faktura/9/udskriv']);
  });

  it('takes a PDF route a button opens by script or names in a data attribute, never one on another site', () => {
    expect(detect(`<h1>Invoice 7</h1><button onclick="window.open('/api/invoices/7/pdf', '_blank')">Download</button>`)?.pdfUrl).toBe('https://app.example/api/invoices/7/pdf');
    expect(detect('<h1>Devis D-7</h1><button data-href="/api/documents/7/pdf">Télécharger</button>')?.pdfUrl).toBe('https://app.example/api/documents/7/pdf');
    expect(detect(`<h1>Invoice 7</h1><button onclick="window.open('https://other.example/7/pdf')">PDF</button>`)).toBeUndefined();
  });

  it('reads the customer from "Name" after a customer number, and never a label as a name', () => {
    const found = detect(`<h2>Salgsordre 10452</h2><a class="tab" href="#/orders/10452/confirmation">Ordrebekræftelse</a>
      <div><label>Debitor</label><span>20117</span></div><div><label>Navn</label><span>VVS Hansen ApS</span></div>
      <div><label>Total inkl. moms</label><span>12.500,00 kr.</span></div><a href="/orders/10452/pdf">Vis PDF</a>`);
    expect(found).toMatchObject({ number: '10452', kind: 'order-confirmation', customerName: 'VVS Hansen ApS' });
    // "Name" is the weakest customer label: a real one wins wherever it stands.
    expect(detect('<h1>Invoice 8</h1><p>Name: Jana Kröger</p><p>Customer: Acme Ltd</p><a href="/8.pdf">PDF</a>')?.customerName).toBe('Acme Ltd');
  });

  it('reads the number of the kind the heading names, not of the document it refers to', () => {
    expect(detect('<h2>Gutschrift</h2><table><tr><td>Zu Rechnung:</td><td>RE-311</td></tr><tr><td>Gutschrift Nr.:</td><td>GS-42</td></tr></table><a href="/gs/42.pdf">PDF</a>')?.number).toBe('GS-42');
  });

  it('reads a sales order page by its confirmation: the number under "Auftragsbestätigung", not the record’s "Auftrag"', () => {
    const found = detect('<h2>Auftrag 4711</h2><div><h3>Auftragsbestätigung AB-4711</h3><a href="/api/document/9/download">Dokument herunterladen</a></div>');
    expect(found).toMatchObject({ number: 'AB-4711', kind: 'order-confirmation' });
    expect(detect('<h2>Auftrag 4711</h2><h3>Positionen</h3><a href="/auftrag/4711.pdf">PDF</a>')?.number).toBe('4711');
  });

  it('takes the number from the page title when the page shows it nowhere else', () => {
    document.title = 'Faktura 2026-0077 · Fakturera';
    expect(detect('<div>Kund AB</div><a href="/77.pdf">PDF</a>')?.number).toBe('2026-0077');
    document.title = '';
  });
});

describe('list pages', () => {
  const LIST = `<h1>Fakturor</h1><table><thead><tr><th>Nr</th><th>Kund</th><th>E-post</th><th>Belopp</th><th></th></tr></thead><tbody>
    <tr><td>2026-0101</td><td>Alfa AB</td><td>ekonomi@alfa.se</td><td>1 000,00 kr</td><td><a href="/f/101.pdf">PDF</a></td></tr>
    <tr><td>2026-0102</td><td>Beta AB</td><td>faktura@beta.se</td><td>2 000,00 kr</td><td><a href="/f/102.pdf">PDF</a></td></tr>
    <tr><td>2026-0103</td><td>Gamma AB</td><td></td><td>3 000,00 kr</td><td><a href="/f/103.pdf">PDF</a></td></tr></tbody></table>`;

  it('finds every row with a number and a PDF, reading the columns by their headings', () => {
    const result = detectPage(LIST, 'https://app.example/fakturor', [], 'sv');
    expect(result?.detection.kind).toBe('list');
    expect(result?.detection.anchor?.tagName).toBe('H1');
    expect(result?.detection.documents.map(({ row: _row, ...d }) => d)).toEqual([
      { number: '2026-0101', customerName: 'Alfa AB', amount: '1 000,00 kr', recipients: ['ekonomi@alfa.se'], language: 'sv', pdfUrl: 'https://app.example/f/101.pdf' },
      { number: '2026-0102', customerName: 'Beta AB', amount: '2 000,00 kr', recipients: ['faktura@beta.se'], language: 'sv', pdfUrl: 'https://app.example/f/102.pdf' },
      { number: '2026-0103', customerName: 'Gamma AB', amount: '3 000,00 kr', recipients: [], language: 'sv', pdfUrl: 'https://app.example/f/103.pdf' },
    ]);
  });

  it('reads rows that name their documents in their text, without a table', () => {
    const result = detectPage(`<h1>Orders</h1><ul>
      <li>Order 5001 · <a href="mailto:a@one.example">a@one.example</a> · <a href="/o/5001.pdf">PDF</a></li>
      <li>Order 5002 · <a href="mailto:b@two.example">b@two.example</a> · <a href="/o/5002.pdf">PDF</a></li></ul>`);
    expect(result?.detection.kind).toBe('list');
    expect(result?.detection.documents.map((d) => [d.number, d.recipients[0]])).toEqual([
      ['5001', 'a@one.example'],
      ['5002', 'b@two.example'],
    ]);
  });

  it('keeps a document page a document page when it also lists related documents', () => {
    const result = detectPage(`<h1>Invoice 9001</h1><p>Email: x@acme.example</p><a href="/9001.pdf">PDF</a>
      <h2>Earlier invoices</h2><ul><li>Invoice 8001 <a href="/8001.pdf">PDF</a></li><li>Invoice 7001 <a href="/7001.pdf">PDF</a></li></ul>`);
    expect(result?.detection.kind).toBe('document');
    expect(result?.detection.documents[0]).toMatchObject({ number: '9001', pdfUrl: 'https://app.example/9001.pdf' });
  });
});

describe('the adapter registry', () => {
  it('keeps going when an adapter throws: the next one still reads the page', () => {
    const broken = {
      id: 'broken',
      formatVersion: 1,
      name: 'Broken',
      urlPattern: 'https://app.example/*',
      get fields(): Recipe['fields'] {
        throw new Error('boom');
      },
      scope: 'personal',
      createdAt: '',
      updatedAt: '',
    } as Recipe;
    const result = detectPage('<h1>Invoice 3</h1><a href="/3.pdf">PDF</a>', 'https://app.example/x', [broken]);
    expect(result?.adapter.id).toBe('generic');
  });

  it('stays within a time budget on a page with a huge number of label-like texts', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<p>Invoice number ${i} · Customer: Somebody ${i} · Total: ${i},00 kr</p>`).join('');
    document.body.innerHTML = `<h1>Invoices</h1>${rows}<a href="/x.pdf">PDF</a>`;
    // CPU time of this test's process, not the wall clock: on a busy machine (two CPUs shared by several
    // test runs) the wall clock measures the queue, not the detector.
    const started = process.cpuUsage();
    detectDocumentsOnPage(document, new URL('https://app.example/invoices'));
    const used = process.cpuUsage(started);
    // Only the first few thousand texts are read, however long the page: about 0.5 s of CPU in happy-dom
    // (far slower than a browser). Reading every one of the 20 000 rows would cost some 2 s.
    expect((used.user + used.system) / 1000).toBeLessThan(1500);
  });
});

describe('the page’s address', () => {
  it('never stops detection, whatever escapes it holds (a lone "%E0" is no escape)', () => {
    const segment = fc.stringMatching(/^[a-z0-9%]{1,12}$/);
    const html = `<article><h1>Invoice INV-20260042</h1><p>Customer: Delta Ltd</p><p>Amount due: $1,000.00</p><a href="/x/20260042">Open</a></article>`;
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), segment, (path, hash) => {
        const url = `https://app.example/invoices/20260042/${path.join('/')}#/${hash}`;
        expect(detect(html, url)?.number).toBe('INV-20260042');
        expect(mayShowDocument(document, new URL(url))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
