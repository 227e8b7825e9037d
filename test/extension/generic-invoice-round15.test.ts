/**
 * Classes of pages the fifteenth held-out corpus round found (issue 16), each read through the public
 * detector: delivery notes (a kind of their own, in every language we read); a delivery note's
 * reference to its order, whose number is not the page's; a kind's word that qualifies a date or
 * another noun ("Date de commande", "Méthode d'expédition"); a heading's number before a separator
 * ("VF-2026-0318 · Verzonden", "103045 · Kaffebaren Nørrebro ApS"); a menu entry that is a label
 * ("Tiers"); Business Central's Icelandic customer; a buyer's whole address in one table cell; a
 * drawer over a list; Argentina's invoice type letter; a supplier's invoice to approve; a schedule's
 * rows; and a payment's subject that names an invoice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayShowDocument } from '../../extension/sites/document-hint';
import { parseNumberValue } from '../../extension/sites/page-labels';
import { detectDocumentsOnPage } from '../../extension/sites';
import { BUILTIN_TEMPLATES, DOCUMENT_KINDS } from '../../shared/message-templates';
import { LANGUAGES } from '../../shared/languages';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang = 'en', title = '') => detectFirstDocument(html, { url, lang, title });

/** Whether the page shows a button at all. */
function anyButton(html: string, url: string, lang: string, title = '') {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.documentElement.setAttribute('lang', lang);
  document.title = title;
  document.body.innerHTML = html;
  return detectDocumentsOnPage(document, new URL(url))?.detection;
}

/** A delivery note's heading word, per language, as apps title the page. */
const DELIVERY_NOTES: [lang: string, heading: string][] = [
  ['en', 'Delivery Note'],
  ['en', 'Packing Slip'],
  ['en', 'Delivery Challan'],
  ['de', 'Lieferschein'],
  ['sv', 'Följesedel'],
  ['da', 'Følgeseddel'],
  ['nb', 'Pakkseddel'],
  ['is', 'Fylgiseðill'],
  ['pl', 'Wydanie zewnętrzne'],
  ['fi', 'Lähete'],
  ['nl', 'Pakbon'],
  ['fr', 'Bon de livraison'],
  ['es', 'Albarán'],
  ['es', 'Remito'],
  ['it', 'Documento di trasporto'],
  ['pt', 'Guia de remessa'],
];

describe('the fifteenth round’s classes', () => {
  it('reads a delivery note as a kind of its own, in every language, and lets the cheap first test pass on it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DELIVERY_NOTES), fc.constantFrom('LS-200318', '40127', 'ALB-2026-0031', 'DC-00012'), ([lang, heading], number) => {
        const html = `<h1>${heading} ${number}</h1><p>customer@buyer.example</p><table><tr><td>Artikel</td><td>12</td></tr></table><a href="/notes/${number}.pdf">PDF</a>`;
        const found = detect(html, `https://erp.example/notes/${number}`, lang);
        expect(found?.number).toBe(number);
        expect(found?.kind).toBe('delivery-note');
        expect(mayShowDocument(document, new URL('https://erp.example/app/1'))).toBe(true);
      }),
      { numRuns: 60 },
    );
    // "WYDANIE ZEWNĘTRZNE" over "WZ 14/11/2026": the series' letters are the number's.
    const wz = detect(`<h1>WYDANIE ZEWNĘTRZNE</h1><h2>WZ 14/11/2026</h2><p>magazyn@budmax.example.pl</p><a href="/wz/1411/drukuj">Drukuj</a>`, 'https://erp.example.pl/wz/1411', 'pl');
    expect(wz).toMatchObject({ number: 'WZ 14/11/2026', kind: 'delivery-note' });
  });

  it('has a template for delivery notes in every language, and a kind the relay accepts', () => {
    expect(DOCUMENT_KINDS).toContain('delivery-note');
    for (const language of LANGUAGES) expect(BUILTIN_TEMPLATES[language]['delivery-note'].subject).toContain('{documentNumber}');
  });

  it('takes the title’s number where the fields’ number is labelled with another kind (the order a delivery note refers to)', () => {
    const found = detect(
      `<table><tr><td>Kunde</td><td>Möbel Hartmann GmbH</td></tr><tr><td>E-Mail</td><td>einkauf@hartmann.example.de</td></tr><tr><td>Auftrag</td><td><a href="/auftrag/2207">AB200207</a></td></tr></table><a href="/lieferschein/318/pdf">PDF</a>`,
      'https://erp.example.de/index.php?module=lieferschein&id=318',
      'de',
      'Lieferschein LS200318 | ERP',
    );
    expect(found).toMatchObject({ number: 'LS200318', kind: 'delivery-note' });
    // An address that names the kind, a title that is the record's name: ERPNext's delivery note and its customer's order.
    const frappe = detect(
      `<h3>Northfield Fabrication Ltd</h3><div class="control"><div>Customer's Purchase Order</div><div>PO-88121</div></div><div class="control"><div>Contact Email</div><div>stores@northfield.example</div></div><a href="/api/method/download_pdf?name=MAT-DN-2026-00012">Print</a>`,
      'https://erp.example/app/delivery-note/MAT-DN-2026-00012',
      'en',
      'MAT-DN-2026-00012',
    );
    expect(frappe).toMatchObject({ number: 'MAT-DN-2026-00012', kind: 'delivery-note' });
    // A reminder's number is the invoice's it reminds of: no other kind's reference there.
    const reminder = detect(
      `<h1>Zahlungserinnerung</h1><p>Rechnung RE-2026-0087 · offen: 726,00 €</p><p>E-Mail: buchhaltung@kunde.example.de</p><a href="/mahnung/5.pdf">PDF</a>`,
      'https://erp.example.de/mahnung/5',
      'de',
      'Zahlungserinnerung',
    );
    expect(reminder?.number).toBe('RE-2026-0087');
  });

  it('does not read a date or another noun that a kind’s word qualifies as the number', () => {
    const dates = ['Date de commande', 'Date de la commande', 'Fecha pedido', 'Fecha del pedido', 'Data zamówienia', 'Data ordine', "Méthode d'expédition", 'Adresse de livraison'];
    for (const label of dates) {
      const found = detect(
        `<div class="refid">CO2611-0063</div><table><tr><td>${label}</td><td>25/11/2026</td></tr><tr><td>Montant TTC</td><td>4 560,00 €</td></tr><tr><td>E-mail</td><td>achats@hotel.example.fr</td></tr></table><table><tr><td>Commande</td><td><a href="/document.php?file=CO2611-0063.pdf">CO2611-0063.pdf</a></td></tr></table>`,
        'https://erp.example.fr/commande/card.php?id=63',
        'fr',
      );
      expect(found?.number, label).toBe('CO2611-0063');
    }
    // A number's noun before the particle keeps the label: "N° de commande".
    expect(detect(`<p>N° de commande CO-77</p><p>E-mail : achats@client.example.fr</p><a href="/c/77.pdf">PDF</a>`, 'https://erp.example.fr/c/77', 'fr')?.number).toBe('CO-77');
  });

  it('reads a number in the text after a kind’s label where a separator ends it (a status, the customer’s name)', () => {
    const yuki = detect(
      `<h1>Verkoopfactuur</h1><p>VF-2026-0318 · Verzonden</p><dl><dt>Relatie</dt><dd>Bakkerij Vermeulen B.V.</dd><dt>E-mailadres</dt><dd>administratie@vermeulen.example.nl</dd></dl><p>Totaal incl. btw € 1.573,00</p><a href="/Sales/InvoicePdf/5b2f/VF-2026-0318.pdf">Download PDF</a>`,
      'https://portal.example.nl/Sales/Invoice.aspx?id=5b2f',
      'nl',
    );
    expect(yuki).toMatchObject({ number: 'VF-2026-0318', kind: 'invoice' });
    const bc = detect(
      `<div class="caption">Bogført salgsfaktura</div><h1>103045 · Kaffebaren Nørrebro ApS</h1><div><span>Kundenavn</span><span>Kaffebaren Nørrebro ApS</span></div><div><span>E-mail</span><span>bogholderi@kaffebaren.example.dk</span></div><table><tr><th>Nr.</th><th>Beskrivelse</th><th>Antal</th></tr><tr><td>1100</td><td>Espressobønner</td><td>50</td></tr></table><div><span>Total inkl. moms (DKK)</span><span>5.187,50</span></div><a href="/report/1306/download?no=103045">Udskriv</a>`,
      'https://bc.example.com/?page=132&bookmark=27_AAAA',
      'da',
      'Bogført salgsfaktura - Business Central',
    );
    expect(bc).toMatchObject({ number: '103045', customerName: 'Kaffebaren Nørrebro ApS' });
    // "12 Quay Street" after a heading "INVOICE" is still no number: no separator ends it there.
    expect(detect(`<h1>INVOICE</h1><p>12 Quay Street</p><p>Email: a@b.example</p><a href="/i.pdf">PDF</a>`, 'https://app.example/invoices/x', 'en')?.number).toBeUndefined();
  });

  it('reads "Tiers" as the customer, but not as a menu entry, whose next entry is no name', () => {
    const found = detect(
      `<div class="tmenu"><a href="/index.php">Accueil</a><a href="/societe/index.php">Tiers</a><a href="/product/index.php">Produits | Services</a></div><div class="refid">SH2611-0007</div><table><tr><td>Tiers</td><td><a href="/societe/card.php?socid=31">Brasserie Lambert</a></td></tr><tr><td>Contact livraison</td><td>Julien Lambert — reception@lambert.example.fr</td></tr></table><table><tr><td><a href="/document.php?file=SH2611-0007.pdf">SH2611-0007.pdf</a></td><td>38 Ko</td></tr></table>`,
      'https://erp.example.fr/expedition/card.php?id=7',
      'fr',
      'SH2611-0007 - Expédition',
    );
    expect(found).toMatchObject({ number: 'SH2611-0007', kind: 'delivery-note', customerName: 'Brasserie Lambert', recipients: ['reception@lambert.example.fr'] });
    // A menu entry alone: no customer from the next entry.
    const menu = detect(
      `<nav><a href="/customers">Customer</a><a href="/products">Products and Services</a></nav><h1>Invoice INV-5</h1><p>Total $10.00</p><a href="/inv/5.pdf">PDF</a>`,
      'https://app.example/invoices/5',
    );
    expect(menu?.customerName).toBeUndefined();
  });

  it('reads Business Central’s Icelandic customer label before its contact', () => {
    const found = detect(
      `<div class="caption">Bókaður sölureikningur</div><h1>SR-104522 · Kaffitár ehf.</h1><div><span>Nafn viðskiptamanns</span><span>Kaffitár ehf.</span></div><div><span>Tengiliður</span><span>Aðalheiður Héðinsdóttir</span></div><div><span>Netfang</span><span>bokhald@kaffitar.example.is</span></div><a href="/report/1306/download?no=SR-104522">Prenta</a>`,
      'https://bc.example.is/?page=132',
      'is',
      'Bókaður sölureikningur',
    );
    expect(found?.customerName).toBe('Kaffitár ehf.');
  });

  it('takes the first line of a buyer’s cell under its column heading for the name', () => {
    const found = detect(
      `<h1>Faktura FV 7/2026</h1><table><tr><th>Odbiorca</th><th>Data</th></tr><tr><td>Budmax Sp. z o.o.<br>ul. Piaskowa 8, 91-200 Łódź<br>magazyn@budmax.example.pl</td><td>27.11.2026</td></tr></table><table><tr><th>Nazwa</th><th>Ilość</th></tr><tr><td>Cement CEM II 25 kg</td><td>150</td></tr></table><p>Do zapłaty: 3 690,00 zł</p><a href="/fv/7.pdf">PDF</a>`,
      'https://erp.example.pl/fv/7',
      'pl',
    );
    expect(found).toMatchObject({ customerName: 'Budmax Sp. z o.o.', recipients: ['magazyn@budmax.example.pl'] });
  });

  it('reads a drawer over a list as the document, its contact card’s company above the address as the customer', () => {
    const found = detect(
      `<aside role="dialog"><h3>Albarán ALB-2026-0031</h3><a href="/api/documents/waybill/65?format=pdf">Descargar PDF</a><div class="contact"><div>FS</div><div><strong>Ferretería Soler S.L.</strong><div>almacen@soler.example.es</div><div>B12345678</div></div></div><div><span>Total</span><span>1.815,00 €</span></div></aside><div class="intercom">¿Ayuda? ayuda@app.example</div>`,
      'https://app.example/#/sales/waybill/65',
      'es',
    );
    expect(found).toMatchObject({ number: 'ALB-2026-0031', customerName: 'Ferretería Soler S.L.', recipients: ['almacen@soler.example.es', 'ayuda@app.example'] });
  });

  it('leaves the type letter out of an Argentine invoice’s number, and keeps a series’ letters elsewhere', () => {
    fc.assert(
      fc.property(fc.constantFrom('A', 'B', 'C', 'E', 'M'), fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 1, max: 99999999 }), (letter, point, sequence) => {
        const number = `${String(point).padStart(point > 9999 ? 5 : 4, '0')}-${String(sequence).padStart(8, '0')}`;
        expect(parseNumberValue(`${letter} ${number}`)).toBe(number);
      }),
    );
    expect(parseNumberValue('R 7/11/2026')).toBe('R 7/11/2026');
    expect(parseNumberValue('FV 12/2026')).toBe('FV 12/2026');
    expect(parseNumberValue('B 2026-0001')).toBe('B 2026-0001');
  });

  it('shows no button on a supplier’s invoice to approve, in the languages we read', () => {
    const headings = [
      'Leverandørfaktura 88213 fra Kontorland A/S',
      'Eingangsrechnung 88213',
      'Vendor bill 88213',
      'Facture fournisseur 88213',
      'Faktura kosztowa 88213',
      'Leverantörsfaktura 88213',
      'Inkoopfactuur 88213',
    ];
    for (const heading of headings) {
      const found = anyButton(
        `<h1>${heading}</h1><table><tr><td>Beløb inkl. moms</td><td>4.368,75 kr.</td></tr></table><embed src="/bilag/5512/fil.pdf" type="application/pdf"><p>anders@firma.example</p>`,
        'https://app.example/bilag/godkendelse/5512',
        'da',
      );
      expect(found, heading).toBeUndefined();
    }
    // A sales invoice that names its supplier's block stays a document.
    expect(detect(`<h1>Invoice INV-9</h1><p>Supplier: Acme Ltd</p><p>Bill to: Beta LLC</p><p>ap@beta.example</p><a href="/inv/9.pdf">PDF</a>`, 'https://app.example/invoices/9')?.number).toBe('INV-9');
  });

  it('takes no document from a schedule’s rows, nor from a payment’s subject', () => {
    const schedule = anyButton(
      `<h1>Scadenzario clienti</h1><table><tr><td>Fattura n. 318/2026</td><td>Studio Ferri S.r.l.</td><td>1.830,00 €</td></tr><tr><td>Fattura n. 322/2026</td><td>Bar Centrale</td><td>244,00 €</td></tr></table><a href="/scadenzario/export.pdf">Esporta PDF</a>`,
      'https://app.example.it/scadenzario/clienti',
      'it',
    );
    expect(schedule).toBeUndefined();
    const transfer = anyButton(
      `<h1>Potwierdzenie przelewu</h1><dl><dt>Odbiorca</dt><dd>Wiśniewski Sp. z o.o.</dd><dt>Tytuł</dt><dd>Faktura FV 12/11/2026</dd><dt>Kwota</dt><dd>984,00 PLN</dd></dl><a href="/przelewy/004412.pdf">Pobierz potwierdzenie (PDF)</a>`,
      'https://bank.example.pl/przelewy/potwierdzenie/004412',
      'pl',
    );
    expect(transfer).toBeUndefined();
    const voucher = anyButton(
      `<h1>Verifikation A 1342</h1><p>Text: Kundfaktura 2026-1188 Lindbergs Bygg AB</p><table><tr><td>Summa</td><td>31 250,00 kr</td></tr></table><a href="/ver/A/1342/underlag.pdf">underlag.pdf</a>`,
      'https://app.example.se/verifikationer/A/1342',
      'sv',
    );
    expect(voucher).toBeUndefined();
    // One row of facts is still the document's.
    expect(
      detect(
        `<table><tr><td>Fattura n. 318/2026</td><td>Studio Ferri S.r.l.</td></tr></table><p>Totale documento 1.830,00 €</p><p>PEC: ferri@pec.example.it</p><a href="/f/318.pdf">PDF</a>`,
        'https://app.example.it/fatture/318',
        'it',
      )?.number,
    ).toBe('318/2026');
  });

  it('reads "Deliver To" as the customer', () => {
    const found = detect(
      `<h2>Delivery Challan</h2><p>Delivery Challan# DC-00012</p><div><b>Deliver To</b><br>Shree Industrial Gases Pvt Ltd<br>Chakan, Pune 410501</div><p>Customer email: purchase@shree.example.in</p><a href="/api/v3/deliverychallans/1?accept=pdf">PDF/Print</a>`,
      'https://books.example/app/1#/deliverychallans/1',
      'en-IN',
    );
    expect(found).toMatchObject({ number: 'DC-00012', kind: 'delivery-note', customerName: 'Shree Industrial Gases Pvt Ltd' });
  });

  it('reads a credit note’s credited total as its amount', () => {
    const cases: [string, string, string][] = [
      ['nb', 'Kreditnota 10045', 'Sum kreditert'],
      ['sv', 'Kreditfaktura 10045', 'Krediterat belopp'],
      ['da', 'Kreditnota 10045', 'Krediteret beløb'],
      ['en', 'Credit note 10045', 'Total credited'],
    ];
    for (const [lang, heading, label] of cases) {
      const found = detect(
        `<h1>${heading}</h1><p>Krediterer <a href="/faktura/10031">faktura 10031</a></p><dl><dt>E-post</dt><dd>post@kunde.example</dd></dl><table><tr><td>Vare</td><td>kr -2 000,00</td></tr><tr><td>${label}</td><td>kr -2 500,00</td></tr></table><a href="/kreditnota/10045.pdf">PDF</a>`,
        'https://app.example/kreditnota/10045',
        lang,
      );
      expect(found, label).toMatchObject({ number: '10045', kind: 'credit-note', amount: 'kr -2 500,00' });
    }
  });

  it('reads a Mexican remisión and a packing slip as delivery notes, the party shipped to as the customer', () => {
    const remision = detect(
      `<h1>Remisión R-1187</h1><table><tr><th>Cliente</th><td>Abarrotes Juárez S.A. de C.V.</td></tr><tr><th>Correo</th><td>compras@juarez.example.mx</td></tr></table><p><strong>Total: $ 18,560.00 MXN</strong></p><a href="/remisiones/1187/imprimir">Imprimir</a>`,
      'https://erp.example.mx/ventas/remisiones/1187',
      'es-MX',
    );
    expect(remision).toMatchObject({ number: 'R-1187', kind: 'delivery-note', amount: '$ 18,560.00 MXN' });
    const slip = detect(
      `<h2>Packing Slip</h2><p>Packing Slip # PS-0031</p><div><b>Ship To</b><br>Harbour Foods Ltd<br>22 Wharf Road, Napier 4110</div><p>receiving@harbour.example</p><a href="/packages/31?accept=pdf">PDF/Print</a>`,
      'https://inventory.example/packages/31',
    );
    expect(slip).toMatchObject({ number: 'PS-0031', kind: 'delivery-note', customerName: 'Harbour Foods Ltd' });
  });

  it('takes no document from a column of documents’ numbers of different kinds (an item’s stock movements)', () => {
    const found = anyButton(
      `<h1>Smoked paprika 1 kg</h1><p>Selling price $12.50</p><a href="/items/SP-1KG/stock-card.pdf">Download stock card (PDF)</a><table><thead><tr><th>Date</th><th>Document</th><th>Quantity</th></tr></thead><tbody><tr><td>27/11/2026</td><td>Delivery Note DN-0012</td><td>-24</td></tr><tr><td>20/11/2026</td><td>Purchase Receipt PR-0007</td><td>+120</td></tr></tbody></table>`,
      'https://inventory.example/items/SP-1KG',
      'en',
    );
    expect(found).toBeUndefined();
  });
});
