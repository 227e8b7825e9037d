/**
 * Classes of pages the eighteenth held-out corpus round found (issue 16), each read through the public
 * detector: the "To" field of an app's own send dialog, prefilled with the customer's address, read
 * as the recipient wherever the customer's label stands; a side panel (`<aside>`) headed by the
 * document's kind and number, which is the document over a list, not the app's sidebar; the title of
 * a phone-width layout's app bar, as the screen's heading (a number alone, "INV0042" or "FT 2026/318",
 * and the kind it names over a window title that is the app's name, "STEL Order"); Portuguese
 * numbers' type codes ("FT", "NC", "OR"), which name the kind; "Em dívida" and Spanish "Referencia";
 * the salutation line of a German address window ("Firma", "Herrn") over the buyer's name; and a
 * CRM's "Firma" column over its contact person.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang = 'en', title = '') => detectFirstDocument(html, { url, lang, title });

/** A send dialog's "To" label per language, with the page's heading and its customer's label. */
const COMPOSERS: [lang: string, to: string, heading: string, customer: string][] = [
  ['en', 'To', 'Send invoice', 'Customer'],
  ['nl', 'Aan', 'Factuur versturen', 'Klant'],
  ['de', 'An', 'Rechnung versenden', 'Kunde'],
  ['es', 'Para', 'Enviar factura', 'Cliente'],
  ['sv', 'Till', 'Skicka faktura', 'Kund'],
  ['pl', 'Do', 'Faktura – wysyłka', 'Nabywca'],
  ['fr', 'À', 'Envoyer la facture', 'Client'],
];

describe('the eighteenth round’s classes', () => {
  it('reads the prefilled "To" field of a send dialog as the recipient, above the customer’s label and a readonly sender', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMPOSERS), fc.integer({ min: 100, max: 9999 }), ([lang, to, heading, customer], n) => {
        const html = `<main><h1>${heading}</h1><form>
          <div><label for="from">From</label><input id="from" readonly value="office@seller-${n}.example"></div>
          <div><label for="to">${to}</label><input id="to" value="billing@buyer-${n}.example"></div>
          <div><label for="subject">Subject</label><input id="subject" value="2026-${n}"></div>
          <p><a href="/invoices/${n}/Invoice_2026-${n}.pdf">Invoice_2026-${n}.pdf</a></p></form>
          <div class="summary"><dl><dt>${customer}</dt><dd>Buyer ${n} Ltd</dd><dt>No.</dt><dd>2026-${n}</dd></dl></div></main>`;
        const found = detect(html, `https://app.example/invoices/send/${n}`, lang, heading);
        expect(found?.recipients[0]).toBe(`billing@buyer-${n}.example`);
      }),
      { numRuns: 30 },
    );
  });

  it('reads a side panel headed by the document’s kind and number as the document, not as the app’s sidebar', () => {
    const html = `<nav><a href="/invoices">Invoices</a></nav><main><h1>Invoices</h1><table>
      <tr><td><a href="?open=117">2026-117</a></td><td>Tyne Print Works</td><td>£2,150.00</td></tr>
      <tr><td><a href="?open=118">2026-118</a></td><td>Quayside Media Ltd</td><td>£3,720.00</td></tr></table></main>
      <aside role="complementary" aria-label="Invoice details"><h2>Invoice 2026-118</h2>
      <div><h5>Billed to</h5><p>Quayside Media Ltd<br>finance@quayside.example.co.uk</p></div>
      <p>Amount due £1,860.00</p><a href="/invoices/2026-118/export.pdf">Download PDF</a></aside>`;
    expect(detect(html, 'https://app.example/invoices?open=118')?.recipients[0]).toBe('finance@quayside.example.co.uk');
    // A sidebar of the app names no single document: its addresses stay the app's.
    const sidebar = `<main><h1>Invoice 2026-118</h1><p>Billed to Quayside Media Ltd</p><p>Amount due £1,860.00</p><a href="/invoices/2026-118/export.pdf">Download PDF</a></main>
      <aside><h3>Need help?</h3><p>support@app.example</p></aside>`;
    expect(detect(sidebar, 'https://app.example/invoices/118')?.recipients).toEqual([]);
  });

  it('reads the title of a phone-width app bar as the screen’s heading: a number alone, a type and series', () => {
    fc.assert(
      fc.property(fc.constantFrom('INV0042', 'F-2026-0145', 'FV 118/12/2026', 'RE2026-77'), (number) => {
        const html = `<header class="app-bar"><a href="/invoices">‹</a><span class="title">${number}</span><a href="/invoices/9/pdf">Preview</a></header>
          <main><section><div>Client</div><div>Brooklyn Bakes LLC</div><div>maria@bakes.example.com</div></section>
          <section><div>Total</div><div>$718.58</div></section></main>`;
        const found = detect(html, 'https://app.example/invoices/9c2f41', 'en', 'Invoicing');
        expect(found?.number).toBe(number);
        expect(found?.kind).toBe('invoice');
      }),
    );
    // The bar's link ("‹ INV0041", back to the previous document) heads nothing.
    const back = `<header class="app-bar"><a href="/invoices/41">INV0041</a></header><main><div>Client</div><div>Bakes LLC</div><div>Total $10.00</div><a href="/x/9/pdf">Preview</a></main>`;
    expect(detect(back, 'https://app.example/invoices/9c2f41', 'en', 'Invoicing')?.number).not.toBe('INV0041');
  });

  it('takes the kind from an app bar’s title over a window title that is the app’s name', () => {
    const html = `<header class="topbar"><a href="/m/docs">‹</a><span>Factura</span><button aria-label="Más">⋮</button></header>
      <ul><li><span>Referencia</span><span>F260145</span></li><li><span>Cliente</span><span>Reformas Betis SL</span></li>
      <li><span>Email</span><span>admin@betis.example.es</span></li><li><span>Total</span><span>1.060,00 €</span></li></ul>
      <footer><a href="/m/docs/145/pdf">PDF</a></footer>`;
    const found = detect(html, 'https://app.example/m/docs/145', 'es', 'STEL Order');
    expect(found?.number).toBe('F260145');
    expect(found?.kind).toBe('invoice');
  });

  it('reads the kind from a Portuguese number’s type code (SAF-T), on a page in Portuguese only', () => {
    const kinds: [code: string, kind: string][] = [
      ['FT', 'invoice'],
      ['FR', 'invoice'],
      ['NC', 'credit-note'],
      ['OR', 'quote'],
      ['GT', 'delivery-note'],
    ];
    for (const [code, kind] of kinds) {
      const html = `<header class="top"><button aria-label="Menu">☰</button><span class="title">${code} 2026/318</span></header>
        <dl><dt>Cliente</dt><dd>Adega do Porto, Lda.</dd><dt>Email</dt><dd>geral@adega.example.pt</dd><dt>Total</dt><dd>738,00 €</dd><dt>Em dívida</dt><dd>369,00 €</dd></dl>
        <div class="sheet"><a href="/m/documentos/5521/pdf">PDF</a></div>`;
      const found = detect(html, 'https://app.example/m/documentos/5521', 'pt-PT', 'Gestão');
      expect(found?.kind, code).toBe(kind);
      expect(found?.amount, code).toBe('369,00 €');
      // Elsewhere "NC 2026/318" is any series' number: it names no kind.
      expect(detect(html, 'https://app.example/m/documentos/5521', 'en', 'Gestão')?.kind, code).toBeUndefined();
    }
  });

  it('reads the name below an address window’s salutation line ("Firma", "Herrn", "Frau")', () => {
    for (const [salutation, name] of [
      ['Firma', 'Gasthof Alpenrose GmbH'],
      ['Herrn', 'Max Huber'],
      ['Frau', 'Eva Moser'],
    ]) {
      const html = `<div class="a4"><p>Tischlerei Gruber e.U. · Hauptstraße 12 · 6020 Innsbruck</p>
        <div class="fenster">${salutation}<br>${name}<br>Dorfplatz 3<br>6365 Kirchberg in Tirol</div>
        <h2>Rechnung</h2><p>Rechnungsnummer 2026-0387</p><p>Zahlbetrag € 1.740,00</p><a href="/ar/55012/pdf">PDF</a></div>`;
      expect(detect(html, 'https://app.example/ausgangsrechnungen/55012/druckvorschau', 'de-AT', 'Druckvorschau')?.customerName, salutation).toBe(name);
    }
  });

  it('reads a CRM’s "Firma" column as the customer, over its contact person', () => {
    for (const lang of ['nb', 'da', 'sv', 'de', 'pl']) {
      const html = `<main><h1>Tilbud</h1><table><tr><th>Tilbudsnr.</th><th>Firma</th><th>Kontakt</th></tr><tr><td>T-2026-0457</td><td>Fjordbygg AS</td><td>Ingrid Berg</td></tr></table>
        <p><a href="mailto:ingrid.berg@fjordbygg.example.no">ingrid.berg@fjordbygg.example.no</a></p><p>Totalt kr 93 750,00</p><a href="/quote/7781/pdf">PDF</a></main>`;
      expect(detect(html, 'https://crm.example/quote/7781', lang, 'Tilbud')?.customerName, lang).toBe('Fjordbygg AS');
    }
  });
});

describe('the eighteenth round’s letterheads', () => {
  it('reads an unlabelled sheet’s buyer over a letterhead that prints the seller’s registration number, repeated in the footer', () => {
    for (const registration of ['CVR 38123456', 'Org.nr. 912 345 678', 'UID ATU12345678', 'SIRET 812 345 678 00019', 'P.IVA 01234567890', 'Y-tunnus 2345678-9']) {
      const html = `<div class="page-a4"><div class="brevhoved">Hansen Grafisk IVS · ${registration}<br>Nørregade 20, 1165 København K<br>mail@hansengrafisk.example.dk</div>
        <div class="modtager">Nordlys Café ApS<br>Att.: Mette Holm<br>Vesterbrogade 88, 1620 København V<br>bogholderi@nordlys-cafe.example.dk</div>
        <h2>Faktura</h2><p>Fakturanr. 1093</p><p>Restbeløb 3.125,00 kr.</p><a href="/invoices/4471/pdf">Hent PDF</a>
        <p class="fod">Bank: Reg. 1234 Konto 5678901 · Spørgsmål: mail@hansengrafisk.example.dk</p></div>`;
      const found = detect(html, 'https://app.example/invoices/4471/print-preview', 'da', 'Udskriftsvisning');
      expect(found?.recipients[0], registration).toBe('bogholderi@nordlys-cafe.example.dk');
      expect(found?.customerName, registration).toBe('Nordlys Café ApS');
    }
  });

  it('keeps the only address of a page whose block prints a registration number', () => {
    const html = `<main><h1>Faktura 1093</h1><p>Nordlys Café ApS · CVR 31234567<br>bogholderi@nordlys-cafe.example.dk</p><p>I alt 3.125,00 kr.</p><a href="/invoices/4471/pdf">PDF</a></main>`;
    expect(detect(html, 'https://app.example/invoices/4471', 'da', 'Faktura 1093')?.recipients).toEqual(['bogholderi@nordlys-cafe.example.dk']);
  });
});
