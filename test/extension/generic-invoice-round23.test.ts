/**
 * Classes of pages the twenty-third held-out corpus round found (issue 16), each read through the
 * public detector with another wording, language or markup than the round's fixture: a kind's heading
 * with its qualifiers alone ("Factura electrónica de venta", "Fattura elettronica di vendita") over the
 * number on the next line ("No. SETP990004512"), and a Romanian series and number on that line ("Seria
 * FGO nr. 0482 · Data emiterii …"); a single line item's ordinal under a "#" or "Nr." column, which is
 * no document's number; an e-invoice's double name label ("NOME / RAZÃO SOCIAL", "Razón Social /
 * Nombres y Apellidos"); and a patient invoice's "Guarantor", the person billed for a patient.
 */
import { describe, expect, it } from 'vitest';
import { detectDocumentsOnPage } from '../../extension/sites';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang = 'en', title = '') => detectFirstDocument(html, { url, lang, title });

describe('the twenty-third round’s numbers', () => {
  it('reads the number on the line under a qualified kind’s heading, not a single line item’s ordinal', () => {
    const italian = `<h2>Fattura elettronica di vendita</h2><p>N. FE/2026/0077</p><div><h4>Cliente</h4><p>Bottega Rinaldi S.r.l.</p></div>
      <table><tr><th>#</th><th>Descrizione</th><th>Q.tà</th><th>Importo</th></tr><tr><td>1</td><td>Consulenza</td><td>1</td><td>500,00</td></tr></table>
      <p>Totale documento: € 610,00</p><a href="/fatture/77/fattura.pdf">PDF</a>`;
    expect(detect(italian, 'https://app.example/fatture/77', 'it')).toMatchObject({ number: 'FE/2026/0077', kind: 'invoice', customerName: 'Bottega Rinaldi S.r.l.' });
    const spanish = `<h1>Factura electrónica de venta</h1><div>No. FEV-3310</div><table><tr><th>Nro.</th><th>Producto</th><th>Valor</th></tr><tr><td>1</td><td>Servicio técnico</td><td>$ 900.000</td></tr></table>
      <p>Cliente: Textiles Caribe S.A.S.</p><p>Total a pagar: $ 1.071.000,00</p><a href="/docs/3310.pdf">PDF</a>`;
    expect(detect(spanish, 'https://app.example/docs/3310', 'es-CO')?.number).toBe('FEV-3310');
  });

  it('reads a Romanian series and number on the line under the kind, before the date', () => {
    const html = `<h1>Factură</h1><p>Seria ABC nr. 000125 · Data: 02.12.2026</p><div><b>Cumpărător</b><p>Agro Vest S.R.L.</p></div><p>Total de plată: 1.190,00 RON</p>
      <a href="/facturi/125/pdf">Descarcă PDF</a>`;
    expect(detect(html, 'https://app.example/facturi/125', 'ro')).toMatchObject({ number: 'ABC 000125', customerName: 'Agro Vest S.R.L.' });
  });
});

describe('the twenty-third round’s customers', () => {
  it('reads the customer under an e-invoice’s double name label', () => {
    const danfeLike = `<h1>Nota fiscal 4471</h1><h4>DESTINATÁRIO</h4><div><span>NOME / RAZÃO SOCIAL</span><span>MERCADO BOA VISTA LTDA</span></div>
      <p>Valor total: R$ 2.300,00</p><a href="/notas/4471/danfe.pdf">PDF</a>`;
    expect(detect(danfeLike, 'https://erp.example/notas/4471', 'pt-BR')?.customerName).toBe('MERCADO BOA VISTA LTDA');
    const ride = `<h2>Factura</h2><p>No. 001-001-000000312</p><table><tr><td>Nombres y Apellidos / Razón Social:</td><td>CARLOS ANDRADE VERA</td></tr></table>
      <p>VALOR TOTAL: $ 45,00</p><a href="/comprobantes/312/ride.pdf">RIDE</a>`;
    expect(detect(ride, 'https://app.example/comprobantes/312', 'es')?.customerName).toBe('CARLOS ANDRADE VERA');
  });

  it('reads a patient invoice’s guarantor or responsible party as the customer, not the patient', () => {
    const html = `<h2>Statement</h2><h1>Invoice 88120</h1><div><h4>Patient</h4><p>Mia Torres</p></div><div><h4>Responsible Party</h4><p>Daniel Torres</p><p>dan.torres@mail.example.com</p></div>
      <p>Amount Due: $75.00</p><a href="/invoices/88120/pdf">PDF</a>`;
    const found = detect(html, 'https://clinic.example/invoices/88120');
    expect(found).toMatchObject({ number: '88120', customerName: 'Daniel Torres' });
    expect(found?.recipients[0]).toBe('dan.torres@mail.example.com');
  });
});

describe('the twenty-third round’s recipients', () => {
  it('gives no address of the seller’s person in a letter’s info block ("Your contact", "Votre interlocuteur")', () => {
    const english = `<div class="window">Lindgren Bakery Ltd<br>4 Mill Lane<br>Leeds LS1 4AB</div><table><tr><td>Credit note no.</td><td>CN-0091</td></tr>
      <tr><td>Your contact</td><td>Sam Patel<br>sam.patel@ovenparts.example.co.uk</td></tr></table><h2>Credit Note</h2><p>Credit total: £120.00</p><a href="/credits/91/pdf">PDF</a>`;
    expect(detect(english, 'https://app.example/credits/91')?.recipients).toEqual([]);
    const french = `<h1>Facture FA-2026-310</h1><p>Client : Boulangerie Morel SARL</p><table><tr><td>Votre interlocuteur</td><td>Luc Girard</td></tr><tr><td></td><td>luc.girard@fournil-pro.example.fr</td></tr></table>
      <p>Net à payer : 840,00 €</p><a href="/factures/310/pdf">PDF</a>`;
    expect(detect(french, 'https://app.example/factures/310', 'fr')?.recipients).toEqual([]);
  });

  it('takes a print sheet’s letterhead, its phone beside its address, over the kind’s heading for the seller’s, and reads the unlabelled buyer below', () => {
    const html = `<div class="head"><b>Bayside Bookkeeping Pty Ltd</b><br>12 Harbour St, Sydney NSW 2000<br>admin@baysidebooks.example.com.au · (02) 9555 0101</div>
      <h2>Tax Invoice</h2><div><p>Coral Reef Dive Co</p><p>8 Esplanade</p><p>Cairns QLD 4870</p></div><table><tr><td>Invoice No.</td><td>BB-1204</td></tr></table>
      <p>Total inc. GST: $880.00</p><a href="/invoices/1204/BB-1204.pdf">PDF</a>`;
    const found = detect(html, 'https://app.example/invoices/1204/print', 'en-AU');
    expect(found).toMatchObject({ number: 'BB-1204', customerName: 'Coral Reef Dive Co' });
    expect(found?.recipients).toEqual([]);
  });
});

describe('the twenty-third round’s delivery notes', () => {
  it('reads a packing slip whose only address is where the goods go, and keeps the billed customer where a page names both', () => {
    const german = `<h1>Lieferschein</h1><table><tr><td>Bestellnummer:</td><td>100-2291</td></tr><tr><td>Versanddatum:</td><td>01.12.2026</td></tr></table>
      <h3>Lieferadresse</h3><p>Jonas Weber</p><p>Bergstraße 4</p><p>69120 Heidelberg</p><table><tr><th>Artikel</th><th>Menge</th></tr><tr><td>Wanderrucksack 30 l</td><td>1</td></tr></table>`;
    expect(detect(german, 'https://shop.example/admin/print/lieferschein?order=100-2291', 'de')).toMatchObject({ number: '100-2291', kind: 'delivery-note', customerName: 'Jonas Weber' });
    const order = `<h1>Order #5512</h1><div><h3>Delivery address</h3><p>Front desk, Harbour Hotel</p><p>1 Quay Rd</p></div><div><h3>Customer</h3><p>Harbour Hotel Group Ltd</p><p>ap@harbourhotels.example.com</p></div>
      <p>Total: $410.00</p><a href="/orders/5512/pdf">PDF</a>`;
    expect(detect(order, 'https://app.example/orders/5512')?.customerName).toBe('Harbour Hotel Group Ltd');
  });
});

describe('the twenty-third round’s Brazilian NF-e', () => {
  it('reads an NF-e by its kind ("NF-e", "DANFE"), its total ("Valor total da nota") and its buyer under "DESTINATÁRIO / REMETENTE"', () => {
    const html = `<h1>NF-e 8812</h1><div class="box"><b>DANFE</b><br>Documento Auxiliar da Nota Fiscal Eletrônica</div><h4>DESTINATÁRIO / REMETENTE</h4>
      <div><span>NOME / RAZÃO SOCIAL</span><span>Padaria Pão Quente Ltda</span></div><div><span>VALOR TOTAL DOS PRODUTOS</span><span>900,00</span></div>
      <div><span>VALOR TOTAL DA NOTA</span><span>R$ 1.017,00</span></div><a href="/notas/8812/danfe.pdf">Baixar DANFE</a>`;
    expect(detect(html, 'https://erp.example/notas/8812', 'pt-BR')).toMatchObject({ number: '8812', kind: 'invoice', customerName: 'Padaria Pão Quente Ltda', amount: 'R$ 1.017,00' });
  });

  it('takes a customer’s label over another party’s after a slash ("Bill to / Ship to") for a label alone', () => {
    const html = `<h1>Invoice INV-7781</h1><h3>Bill to / Ship to</h3><p>Greenleaf Florist LLC</p><p>22 Elm St, Dayton, OH 45402</p><p>Balance due: $320.00</p><a href="/invoices/7781/pdf">PDF</a>`;
    expect(detect(html, 'https://app.example/invoices/7781')?.customerName).toBe('Greenleaf Florist LLC');
  });
});

describe('the twenty-third round’s second set', () => {
  it('reads the number after a noun and "#" on the line under the kind ("Receipt" over "Order #: 5521")', () => {
    const html = `<h1>Receipt</h1><p>Order #: 5521 · 12/03/2026</p><div><span>Customer</span><div>Leo Martins</div><div>leo.martins@mail.example.com</div></div>
      <p>Total: $54.00</p><a href="/receipts/5521/print">Print</a>`;
    expect(detect(html, 'https://pos.example/receipts/5521')).toMatchObject({ number: '5521', kind: 'receipt', customerName: 'Leo Martins' });
  });

  it('reads a dunning letter’s "Gesamtforderung" as what is due', () => {
    const html = `<h1>Zahlungserinnerung</h1><p>Mahnung Nr. M-0042</p><p>Kunde: Schreinerei Vogt</p><table><tr><td>Offene Rechnungen</td><td>500,00 €</td></tr><tr><td>Mahngebühren</td><td>5,00 €</td></tr>
      <tr><td>Gesamtforderung</td><td>505,00 €</td></tr></table><a href="/mahnungen/42/pdf">PDF</a>`;
    expect(detect(html, 'https://app.example/mahnungen/42', 'de')?.amount).toBe('505,00 €');
  });

  it('reads "Net à payer TTC" as what is due and takes a French letterhead with "Tél." for the seller’s, not the buyer’s', () => {
    const html = `<div class="top"><b>Atelier Roux SARL</b><br>4 rue Neuve<br>69001 Lyon<br>Tél. 04 78 00 00 00</div><div class="dest">Café des Arts<br>9 place Bellecour<br>69002 Lyon</div>
      <h2>FACTURE</h2><table><tr><th>N° pièce</th><th>Date</th></tr><tr><td>FA0091</td><td>02/12/2026</td></tr></table><table><tr><td>Total HT</td><td>100,00 €</td></tr><tr><td>Net à payer TTC</td><td>120,00 €</td></tr></table>
      <a href="/factures/FA0091/export.pdf">PDF</a>`;
    expect(detect(html, 'https://erp.example/factures/FA0091/apercu', 'fr')).toMatchObject({ number: 'FA0091', customerName: 'Café des Arts', amount: '120,00 €' });
  });

  it('reads Polish marketplaces’ "Kupujący" as the customer, before the delivery address', () => {
    const html = `<h2>Zamówienie #7741</h2><div><h4>Adres dostawy</h4><p>Anna Wiśniewska</p><p>ul. Polna 3</p></div><div><h4>Kupujący</h4><p>Adam Wiśniewski</p><p>adam.w@poczta.example.pl</p></div>
      <p>Do zapłaty: 99,00 zł</p>`;
    expect(detect(html, 'https://sklep.example/admin/#/orders/7741', 'pl')).toMatchObject({ number: '7741', customerName: 'Adam Wiśniewski' });
  });
});

/** A shell page around a same-origin frame whose document is `frame` (happy-dom loads no frames; a browser gives the content script `contentDocument`). */
function detectWithFrame(shell: string, frame: string, url: string, lang: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.documentElement.setAttribute('lang', lang);
  document.title = '';
  document.body.innerHTML = shell;
  const inner = document.implementation.createHTMLDocument('');
  inner.body.innerHTML = frame;
  Object.defineProperty(document.querySelector('iframe')!, 'contentDocument', { value: inner });
  const detection = detectDocumentsOnPage(document, new URL(url))?.detection;
  return { found: detection?.kind === 'document' ? detection.documents[0] : undefined, inner };
}

describe('the twenty-third round’s frames', () => {
  it('reads the customer, recipient and total from a frame that shows the fields of the document the shell’s heading names, and leaves the frame as it was', () => {
    const shell = `<nav><a href="/portal/orders">Orders</a></nav><h1>Sales Order SO-5531</h1><a href="/portal/orders/5531/print">Print</a><iframe src="/portal/orders/5531/form"></iframe>`;
    const frame = `<table><tr><td>Kunde</td><td>Hofladen Berger KG</td></tr><tr><td>E-Mail</td><td>einkauf@hofladen-berger.example.de</td></tr></table>
      <table><tr><td>Summe netto</td><td>1.000,00 €</td></tr><tr><td>Gesamtbetrag</td><td>1.190,00 €</td></tr></table>`;
    const { found, inner } = detectWithFrame(shell, frame, 'https://erp.example/portal/orders/5531', 'de');
    expect(found).toMatchObject({ number: 'SO-5531', kind: 'order-confirmation', customerName: 'Hofladen Berger KG', amount: '1.190,00 €' });
    expect(found?.recipients).toEqual(['einkauf@hofladen-berger.example.de']);
    expect(inner.querySelector('h1')).toBeNull();
  });
});
