/**
 * Classes of pages the thirteenth held-out corpus round found (issue 16), each read through the public
 * detector: a file's name read as the number, a customer's word inside a phrase, a record's name in
 * the address where the heading is the customer's, the next field's label read as a name, a route in
 * a fragment's parameters, any currency code after an amount, an app named for a kind, "Credit" as a
 * credit note (and money never a number), the party that ordered, kinds qualified after their word,
 * the customer's record link in a banner, and a CFDI's "Receptor".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, parseAmountValue } from '../../extension/sites/amounts';
import { parseNumberValue } from '../../extension/sites/page-labels';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang = 'en', title = '') => detectFirstDocument(html, { url, lang, title });

/** Document numbers as apps write them: a prefix, digits, separators. */
const documentNumber = fc
  .tuple(fc.constantFrom('CO', 'FA', 'INV-', 'RE-', 'PF', ''), fc.integer({ min: 2020, max: 2030 }), fc.constantFrom('-', '/', ''), fc.integer({ min: 1, max: 99999 }))
  .map(([prefix, year, separator, sequence]) => `${prefix}${year}${separator}${String(sequence).padStart(4, '0')}`);

describe('the thirteenth round’s classes', () => {
  it('reads a file named for the number without its extension ("CO2611-0015.pdf" among attached files)', () => {
    fc.assert(
      fc.property(documentNumber, fc.constantFrom('pdf', 'PDF', 'xml', 'html', 'zip'), (number, extension) => {
        expect(parseNumberValue(`${number}.${extension}`)).toBe(number);
      }),
    );
    const found = detect(
      `<dl><dt>Commande</dt><dd><a href="/document.php?file=CO2611-0015.pdf">CO2611-0015.pdf</a></dd><dt>Montant TTC</dt><dd>2 850,00 €</dd></dl>`,
      'https://erp.example/commande/card.php?id=15',
      'fr',
    );
    expect(found?.number).toBe('CO2611-0015');
  });

  it('reads no customer from a customer’s word inside a phrase, and still after a qualifier that ends the label or before a colon', () => {
    const contacts = detect(
      `<h1>Commande CO-15</h1><table><tr><td>Paul Lefèvre &lt;paul@garage.example&gt;</td><td>Contact client suivi commande</td></tr></table><p>Montant TTC 2 850,00 €</p><a href="/co/15.pdf">PDF</a>`,
      'https://erp.example/commande/15',
      'fr',
    );
    expect(contacts?.customerName).toBeUndefined();
    expect(contacts?.recipients[0]).toBe('paul@garage.example');
    for (const html of [`<label>Potential Customer</label><div>Fabrikam Pharmaceuticals</div>`, `<p>End customer: Fabrikam Pharmaceuticals</p>`]) {
      expect(detect(`<h1>Quote Q-7</h1>${html}<p>Total $1,000.00</p><a href="/q/7.pdf">PDF</a>`)?.customerName).toBe('Fabrikam Pharmaceuticals');
    }
  });

  it('reads the record’s name in the address as the number where the heading is the customer’s (Frappe’s title field)', () => {
    fc.assert(
      // Record names as Frappe's naming series write them: letters, digits, hyphens (no slash, which would split the path).
      fc.property(
        documentNumber.filter((n) => /[A-Z]/.test(n) && !n.includes('/')),
        (number) => {
          const found = detect(
            `<h3>Halvorsen Maritime Ltd</h3><div class="sub-heading">${number}</div><label>Customer Name</label><div>Halvorsen Maritime Ltd</div><label>Grand Total</label><div>£ 4,860.00</div>`,
            `https://erp.example/app/quotation/${encodeURIComponent(number)}`,
            'en',
            'Halvorsen Maritime Ltd',
          );
          expect(found?.number).toBe(number);
          expect(found?.kind).toBe('quote');
        },
      ),
      { numRuns: 20 },
    );
    // The same code on a page whose address names another record is no number of its own.
    expect(
      detect(`<h3>Halvorsen Maritime Ltd</h3><div>SAL-QTN-2026-00012</div><label>Grand Total</label><div>£ 4,860.00</div>`, 'https://erp.example/app/quotation/SAL-QTN-2026-00013'),
    ).toBeUndefined();
  });

  it('reads no lone customer label ("Party", "Account") as the name after another customer label', () => {
    const found = detect(
      `<h1>Quotation QTN-12</h1><label>Quotation To</label><div>Customer</div><label>Party</label><div>CUST-00091</div><label>Customer Name</label><div>Halvorsen Maritime Ltd</div><p>Grand Total £ 4,860.00</p><a href="/q/12.pdf">PDF</a>`,
    );
    expect(found?.customerName).toBe('Halvorsen Maritime Ltd');
  });

  it('takes a link to a route in the fragment’s parameters (Odoo’s "#id=14&model=res.partner") for the customer’s name, not the address after it', () => {
    const found = detect(
      `<span class="o_form_label">Kundefaktura</span><h1>FAK/2026/00057</h1><table><tr><td><label>Kunde</label></td><td><a href="#id=14&amp;model=res.partner">Nørre Bryghus ApS</a><br><span>Bryggervej 3</span></td></tr><tr><td>Total</td><td>23.125,00 kr.</td></tr></table><a href="/report/pdf/account.report_invoice/57">Faktura</a>`,
      'https://firma.odoo.example/web#id=57&model=account.move&view_type=form',
      'da',
    );
    expect(found?.customerName).toBe('Nørre Bryghus ApS');
  });

  it('reads any currency’s code after an amount ("$12,450.00 MXN")', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['en-US', 'MXN'], ['en-AU', 'AUD'], ['en-CA', 'CAD'], ['ja-JP', 'JPY'], ['en-ZA', 'ZAR'], ['hu-HU', 'HUF'], ['cs-CZ', 'CZK']),
        fc.integer({ min: 1, max: 99_999_999 }),
        ([locale, code], cents) => {
          const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(cents / 100);
          const written = `$${number} ${code}`;
          expect(parseAmount(`Total: ${written}`)).toBe(written);
          expect(parseAmountValue(written)).toBeCloseTo(parseAmountValue(`$${number}`)!, 2);
        },
      ),
    );
  });

  it('reads the kind from the page’s headings before a title that is an app named for a kind ("Invoice Ninja")', () => {
    const found = detect(
      `<h2>Edit Credit</h2><label for="c">Client</label><input id="c" value="Acme Widgets Inc."><label for="n">Credit #</label><input id="n" value="0007"><div>Total</div><div>$250.00</div><span>jane@acme.example</span>`,
      'https://app.invoiceninja.example/#/credits/Wpmbk5ezJn/edit',
      'en',
      'Invoice Ninja',
    );
    expect(found?.number).toBe('0007');
    expect(found?.kind).toBe('credit-note');
    // A title that names the document's number says its kind before a side card's heading.
    expect(
      detect(`<h1>INV-0042</h1><p>Customer: Acme Ltd</p><h3>Order summary</h3><p>2 items</p><p>Total $5.00</p><a href="/i/42.pdf">PDF</a>`, 'https://app.example/i/42', 'en', 'Invoice INV-0042 | Acme')
        ?.kind,
    ).toBe('invoice');
    // Where the headings name no kind, the title still does.
    expect(detect(`<h2>Details</h2><p>Number: 17</p><p>Total $5.00</p><a href="/d/17.pdf">PDF</a>`, undefined, 'en', 'Quote 17 – Acme')?.kind).toBe('quote');
  });

  it('never reads money as a document number, though "Credit" names a credit note ("Credit 250.00" on a customer’s card)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.constantFrom('en-US', 'de-DE', 'en-GB'), (cents, locale) => {
        const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(cents / 100);
        expect(parseNumberValue(money)).toBeUndefined();
        const found = detect(
          `<h1>Customer: Acme Ltd</h1><dl><dt>Credit limit</dt><dd>5,000.00</dd><dt>Credit</dt><dd>${money}</dd><dt>Email</dt><dd>a@acme.example</dd></dl><a href="/customers/5/statement.pdf">Statement PDF</a>`,
        );
        expect(found).toBeUndefined();
      }),
      { numRuns: 30 },
    );
  });

  it.each([
    ['en', 'Ordered by'],
    ['de', 'Besteller'],
    ['nl', 'Besteld door'],
    ['sv', 'Beställare'],
    ['da', 'Bestilt af'],
    ['nb', 'Bestilt av'],
    ['fr', 'Commandé par'],
  ])('reads the party that ordered as the customer, over the contact person beside it (%s: "%s")', (lang, label) => {
    const contact = { en: 'Contact', de: 'Ansprechpartner', nl: 'Contactpersoon', sv: 'Kontakt', da: 'Kontakt', nb: 'Kontakt', fr: 'Contact' }[lang]!;
    const found = detect(
      `<h1>Order 2026412</h1><table><tr><td>${label}</td><td><a href="/accounts/11">Bakkerij Van Dijk B.V.</a></td><td>${contact}</td><td>Sanne de Wit</td></tr></table><p>Total 4.235,00 €</p><a href="/o/2026412.pdf">PDF</a>`,
      'https://erp.example/orders/2026412',
      lang,
    );
    expect(found?.customerName).toBe('Bakkerij Van Dijk B.V.');
  });

  it.each([
    ['es', 'Pedido de venta', 'PED-2026-0088'],
    ['pt', 'Pedido de venda', 'PV 2026/31'],
    ['it', 'Ordine di vendita', 'OV-118'],
  ])('reads the number beside a kind qualified after its word, in an element of its own (%s: "%s")', (lang, kind, number) => {
    const found = detect(
      `<div class="doc-head"><span>${kind}</span><span>${number}</span></div><div><span>Cliente</span><span>Distribuciones Levante S.L.</span></div><div><span>Total</span><span>2.662,00 €</span></div><span>javier@levante.example</span>`,
      'https://app.example/sales/salesorder/64b1f0c2a9e3d71f2c8b4a10',
      lang,
    );
    expect(found?.number).toBe(number);
    expect(found?.kind).toBe('order-confirmation');
  });

  it('takes the customer from the link to its record in the document’s banner where nothing labels it, not from a menu’s list', () => {
    const page = (banner: string) =>
      detect(
        `<div class="menu"><a href="/societe/list.php">Tiers</a></div><div class="arearef"><div class="refid">CO2611-0015</div>${banner}</div><table><tr><td>Montant TTC</td><td>2 850,00 €</td></tr></table><a href="/document.php?file=CO2611-0015.pdf">CO2611-0015.pdf</a>`,
        'https://erp.example/commande/card.php?id=15',
        'fr',
        'CO2611-0015 - Commande',
      );
    for (const href of ['/societe/card.php?socid=9', '/clients/9', '#/customers/9', '/contacts/64a0c1d2e3f4'])
      expect(page(`<a href="${href}">Garage Lefèvre SAS</a>`)?.customerName).toBe('Garage Lefèvre SAS');
    expect(page(`<a href="/contacts">Contacts</a>`)?.customerName).toBeUndefined();
    expect(page(`<a href="/projects/9">Garage Lefèvre SAS</a>`)?.customerName).toBeUndefined();
  });

  it('reads the buyer of a Mexican CFDI under "Receptor", its name after "Razón social:"', () => {
    const found = detect(
      `<h1>Factura</h1><table><tr><th>Folio</th><td>A-1532</td></tr></table><div><h3>Receptor</h3><p>Razón social: Comercializadora del Bajío S.A. de C.V.</p><p>RFC: CBA010203XY4</p></div><p>Total: $12,450.00 MXN</p><a href="/cfdi/pdf/3F25">Descargar PDF</a>`,
      'https://app.example/cfdi/detalle/3F25',
      'es',
    );
    expect(found?.customerName).toBe('Comercializadora del Bajío S.A. de C.V.');
    expect(found?.amount).toBe('$12,450.00 MXN');
  });
});

describe('the classes of the check set written after the thirteenth round', () => {
  it.each([
    ['sv', 'Offertnr', 'quote'],
    ['da', 'Tilbudsnr', 'quote'],
    ['de', 'Angebotsnr', 'quote'],
    ['nl', 'Offertenr', 'quote'],
    ['fi', 'Tarjousnro', 'quote'],
    ['nb', 'Ordrenummer', 'order-confirmation'],
  ])('reads a kind’s word joined to "nr" or "nummer" as the number’s label (%s: "%s")', (lang, label, kind) => {
    const found = detect(
      `<form><label for="n">${label}</label><input id="n" readonly value="1043"><label for="t">Total</label><input id="t" value="24 375,00"></form><button onclick="window.open('/offer/print/1043')">Print</button>`,
      'https://apps.example/offer/edit/1043',
      lang,
    );
    expect(found?.number).toBe('1043');
    expect(found?.kind).toBe(kind);
  });

  it('reads no customer’s number as a document’s ("Kundnr 1005")', () => {
    const found = detect(
      `<h2>Offert</h2><form><label for="c">Kundnr</label><input id="c" value="1005"><label for="t">Totalt</label><input id="t" value="24 375,00 SEK"></form><a href="/offer/1043.pdf">PDF</a>`,
      'https://apps.example/offer/edit/1043',
      'sv',
    );
    expect(found?.number).not.toBe('1005');
  });

  it.each([
    ['de', 'Angebotssumme (brutto)', '8.568,00 €'],
    ['de', 'Auftragssumme', '8.568,00 €'],
    ['sv', 'Offertbelopp', '24 375,00 kr'],
    ['da', 'Tilbudsbeløb', '18.750,00 kr.'],
    ['nl', 'Offertebedrag', '€ 4.235,00'],
    ['fi', 'Tarjoussumma', '5 456,00 €'],
  ])('reads a word joined to an amount’s word as the amount’s label, after its net and tax (%s: "%s")', (lang, label, amount) => {
    const net = { de: 'Nettobetrag', sv: 'Momsbelopp', da: 'Momsbeløb', nl: 'Btwbedrag', fi: 'Välisumma' }[lang]!;
    const heading = { de: 'Angebot', sv: 'Offert', da: 'Tilbud', nl: 'Offerte', fi: 'Tarjous' }[lang]!;
    const found = detect(
      `<h1>${heading} 2026-0318</h1><div><div>${net}</div><div>1,00</div></div><div><div>${label}</div><div>${amount}</div></div><div><div>${net}</div><div>2,00</div></div><a href="/d/318.pdf">PDF</a>`,
      undefined,
      lang,
    );
    expect(found?.amount).toBe(amount);
  });

  it('reads a dollar with its country before it ("CA$1,234.50")', () => {
    fc.assert(
      fc.property(fc.constantFrom('CA$', 'A$', 'NZ$', 'HK$', 'C$'), fc.integer({ min: 1, max: 99_999_999 }), (symbol, cents) => {
        const written = `${symbol}${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(cents / 100)}`;
        expect(parseAmount(`Amount Due (CAD) ${written}`)).toBe(written);
      }),
    );
  });

  it('reads no document in a template’s section or under a templates address (a dunning letter’s sample text, a quote template’s preview)', () => {
    expect(
      detect(
        `<h1>Mahnstufen</h1><table><tr><td>2</td><td>1. Mahnung</td><td>5,00 €</td></tr></table><h2>Textvorlage Stufe 2</h2><div><p>Mahnung zur Rechnung RE-2026-001</p><p>Betrag 1.190,00 €</p></div><a href="/api/dunningLevel/2/samplePdf">Brief (PDF)</a>`,
        'https://erp.example/admin/dunningLevels',
        'de',
      ),
    ).toBeUndefined();
    for (const url of ['https://app.example/modeles/devis/3', 'https://app.example/templates/quote/3', 'https://app.example/vorlagen/angebot/3']) {
      expect(detect(`<h2>Devis DE-0001</h2><p>Client : Client exemple SARL</p><p>Total TTC 1 200,00 €</p><a href="/apercu.pdf">PDF</a>`, url, 'fr')).toBeUndefined();
    }
    // A document's own heading is no template's, and a later section's template select leaves its number alone.
    expect(detect(`<h1>Rechnung RE-2026-001</h1><p>Betrag 1.190,00 €</p><h2>Vorlage</h2><select><option>Standard</option></select><a href="/r/1.pdf">PDF</a>`, undefined, 'de')?.number).toBe(
      'RE-2026-001',
    );
  });
});
