/**
 * Classes of pages the twentieth held-out corpus round found (issue 16), each read through the public
 * detector: a Czech invoicing app (its labels, "Kč", and a page language we read but do not speak);
 * "Nro.:" and "Reference Nbr.:", a number label with a period and a colon, its value in the next
 * text; a delivery note headed by its kind and number, which lists goods and no amount, without a
 * PDF link; a name followed by its address on one line ("Sofie Lund, Nørregade 14, …"); British
 * apps' "Gross"; a "Send Invoice" link to a `send_pdf` route, which is no file, and the "to …@…" beside
 * it, which is whom it sends to; a readonly textarea named for the customer and labelled by nothing;
 * a clinic's "Patient", below a payer's label; a person's name right above an address made of its
 * words; Belgian French "Rappel" and a Brazilian "Cobrança" with its boleto; and the first test
 * (issue 18), which now knows every plural the detector reads in an address ("/fatture/214").
 * From the second set, written after those fixes: a Slovak invoice; Italian ERPs' "Offerta"; an ERP
 * form that names its kind only in its type field's select ("Vorgangsart: Rechnung", "Type: Credit
 * Memo"); a payment platform's object id ("pay_8f2k1m") in the heading, no document number; and a
 * bare "Valor líquido", what the seller gets after fees, not what is due. From the third set: Peru's
 * and Chile's "Boleta de venta", a receipt; an Italian lawyer's "Avviso di parcella", a proforma; and a
 * print view in a frame, headed by its kind and number over the buyer's address block, with neither an
 * e-mail nor a PDF link (outside such a frame, a block alone still makes no document). From the
 * fourth set: a heading's number split across inline elements ("Factura <span>A-</span><span>2026-0412</span>"),
 * and a closed `<dialog>`, which the browser does not show.
 */
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../extension/sites/amounts';
import { KIND_PLURALS } from '../../extension/sites/document-kind';
import { mayShowDocument, namesDocument } from '../../extension/sites/document-hint';
import { detectDocumentsOnPage } from '../../extension/sites';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang = 'en', title = '') => detectFirstDocument(html, { url, lang, title });

describe('the twentieth round’s languages and labels', () => {
  it('reads a Czech invoice, its buyer and what is due in Kč, and reads it as Czech (its template), not Polish', () => {
    const html = `<h1>Faktura 2026-0142</h1><dl><dt>Odběratel</dt><dd>Stavby Dvořák s.r.o.</dd><dt>E-mail</dt><dd>ucetni@dvorak.example.cz</dd>
      <dt>Datum splatnosti</dt><dd>10. 12. 2026</dd></dl><table><tr><td>Celkem bez DPH</td><td>10 000,00 Kč</td></tr><tr><td>Celkem k úhradě</td><td>12 100,00 Kč</td></tr></table>
      <a href="/invoices/8812041/download">Stáhnout PDF</a>`;
    for (const lang of ['cs', '']) {
      const found = detect(html, 'https://app.example/invoices/8812041', lang);
      expect(found, lang).toMatchObject({ number: '2026-0142', kind: 'invoice', customerName: 'Stavby Dvořák s.r.o.', amount: '12 100,00 Kč' });
      // Not Polish, though it says "Faktura": the page's lang, else its letters (ř, ě), say Czech.
      expect(found?.language, lang).toBe('cs');
    }
    expect(parseAmount('Celkem: CZK 4 500,00')).toBe('CZK 4 500,00');
  });

  it('reads a number label written with a period and a colon ("Nro.:", "Reference Nbr.:"), its value in the next text', () => {
    for (const [label, lang] of [
      ['Nro.:', 'es'],
      ['No.:', 'en'],
      ['Reference Nbr.:', 'en'],
    ]) {
      const html = `<div class="window"><div class="title">Factura de Venta</div><label>Tipo:</label><div>Factura C</div><label>${label}</label><div>0003-00001288</div>
        <label>Cliente:</label><div>Ferretería Alsina S.R.L.</div><label>Total:</label><div>$ 254.100,00</div></div>`;
      expect(detect(html, 'https://app.example/#ventas/factura/88121', lang)?.number, label).toBe('0003-00001288');
    }
  });

  it('reads "Gross" as the total of a British invoice, after "Net" and the VAT', () => {
    const html = `<h1>Invoice INV-0010492</h1><h4>Customer</h4><p>Northgate FM Ltd</p><table><tr><td>Net</td><td>£1,535.00</td></tr><tr><td>VAT @ 20%</td><td>£307.00</td></tr>
      <tr><td>Gross</td><td>£1,842.00</td></tr></table><button>Download PDF</button>`;
    expect(detect(html, 'https://app.example/Invoice/Detail/10492')?.amount).toBe('£1,842.00');
  });
});

describe('the twentieth round’s documents', () => {
  it('reads a delivery note headed by its kind and number, which shows no amount and links no PDF, in a dialog over a list', () => {
    const html = `<main><table><tr><th>Ordre</th><th>Beløb</th></tr><tr><td>#5871</td><td>1.249,00 kr.</td></tr></table></main>
      <div role="dialog" aria-modal="true"><h2>Følgeseddel 10442</h2><p>Ordre #5871</p><div><b>Modtager</b><span>Sofie Lund, Nørregade 14, 2. tv, 8000 Aarhus C</span></div>
      <div><b>E-mail</b><span>sofie.lund@mail.example.dk</span></div><button>Udskriv følgeseddel</button></div>`;
    expect(detect(html, 'https://app.example/sales-orders', 'da')).toMatchObject({ number: '10442', kind: 'delivery-note', customerName: 'Sofie Lund', recipients: ['sofie.lund@mail.example.dk'] });
    // An invoice still needs its amount (or a PDF) to be one.
    expect(detect(html.replace('Følgeseddel', 'Faktura').replace('1.249,00 kr.', '—'), 'https://app.example/sales-orders', 'da')).toBeUndefined();
  });

  it('cuts a name from the address written after it on the same line, and leaves a name with a comma alone', () => {
    const read = (value: string) => detect(`<h1>Invoice 2041</h1><p>Customer: ${value}</p><p>Total $120.00</p><a href="/i/2041.pdf">PDF</a>`)?.customerName;
    expect(read('Ana Ruiz, Calle Mayor 12, 28013 Madrid')).toBe('Ana Ruiz');
    expect(read('Tom Hale, 12 Quay Street, Bristol')).toBe('Tom Hale');
    expect(read('Hale, Tom')).toBe('Hale, Tom');
  });

  it('takes no "Send Invoice" link to a send_pdf route for the PDF, and its "to …@…" for the recipient', () => {
    const html = `<div><a href="/sales/send_pdf/523">Send Invoice</a> <span>to orders@parkview.example.com</span> <button onclick="window.print()">Print</button></div>
      <div>INVOICE</div><p>Greenleaf Garden Supplies<br>88 Market Street<br>Springfield, IL 62701</p>
      <table><tr><td>Invoice #</td><td>POS 0523</td></tr><tr><td>Amount Due</td><td>$1,003.20</td></tr></table><p>Customer: Parkview Hotel</p>`;
    const found = detect(html, 'https://pos.example/index.php/sales/invoice/523');
    expect(found?.pdfUrl).toBeUndefined();
    expect(found?.pdfCandidates ?? []).toEqual([]);
    expect(found?.recipients[0]).toBe('orders@parkview.example.com');
  });

  it('reads a readonly textarea named for the customer, labelled by nothing, by its first line', () => {
    const html = `<div id="header">INVOICE</div><p>Greenleaf Garden Supplies<br>88 Market Street<br>Springfield, IL 62701</p>
      <textarea id="customer" readonly>Parkview Hotel\nAttn: Purchasing\n400 Park Avenue\nSpringfield, IL 62704</textarea>
      <table><tr><td>Invoice #</td><td>POS 0523</td></tr><tr><td>Amount Due</td><td>$1,003.20</td></tr></table><a href="/i/523.pdf">PDF</a>`;
    expect(detect(html, 'https://pos.example/index.php/sales/invoice/523')?.customerName).toBe('Parkview Hotel');
    // A control named for another field is not labelled by its name.
    expect(detect(html.replace('id="customer"', 'id="notes"'), 'https://pos.example/index.php/sales/invoice/523')?.customerName).not.toBe('Parkview Hotel');
  });

  it('reads a clinic’s patient as the customer, in the languages we read, below a payer’s label', () => {
    for (const [lang, patient, heading] of [
      ['en', 'Patient', 'Invoice 2026-3318'],
      ['it', 'Paziente', 'Fattura n. 214/2026'],
      ['es', 'Paciente', 'Factura F-2026-77'],
      ['pl', 'Pacjent', 'Faktura FV 12/2026'],
    ]) {
      const rows = (payer: string) => `<h2>${heading}</h2><div><span>${patient}</span><strong>Laura Bianchi</strong></div>${payer}<p>Total 182,00</p><a href="/f/214/pdf">PDF</a>`;
      expect(detect(rows(''), 'https://clinic.example/patients/7712/invoices/214', lang)?.customerName, lang).toBe('Laura Bianchi');
    }
    const billTo = `<h2>Invoice 2026-3318</h2><div><span>Patient</span><strong>Daniel Tremblay</strong></div><div><span>Bill To</span><strong>Plan Partners Pty Ltd</strong></div><p>Total $157.50</p><a href="/i/3318.pdf">PDF</a>`;
    expect(detect(billTo, 'https://clinic.example/invoices/3318')?.customerName).toBe('Plan Partners Pty Ltd');
  });

  it('reads the name right above an address made of its words, where no label names the customer', () => {
    const card = (name: string) =>
      `<h2>Facture FA26-01987</h2><p><b>Propriétaire</b><br>${name}<br>julien.garnier@orange.example.fr<br>06 12 34 56 78</p><p>Total TTC 186,00 €</p><a href="/factures/1987/imprimer">Imprimer</a>`;
    expect(detect(card('M. Julien Garnier'), 'https://vet.example/factures/1987', 'fr')?.customerName).toBe('M. Julien Garnier');
    // A name the address is not made of is someone else's (a vet's, a receptionist's).
    expect(detect(card('Dr Claire Perrin'), 'https://vet.example/factures/1987', 'fr')?.customerName).toBeUndefined();
  });

  it('reads a Belgian "Rappel" of an invoice as a reminder, and a Brazilian "Cobrança" with its boleto as an invoice', () => {
    const rappel = `<h1>Rappel n° 2 – Facture 2026/0219</h1><p>Client : Brasserie Lamblin SRL</p><p>Solde à payer 1.275,40 €</p><a href="/rappels/3381/lettre">Télécharger la lettre (PDF)</a>`;
    expect(detect(rappel, 'https://app.example/fr/ventes/rappels/3381', 'fr')).toMatchObject({ number: '2026/0219', kind: 'reminder' });
    const cobranca = `<h1>Cobrança nº 58213</h1><table><tr><th>Sacado</th><td>Clínica Vida Plena Ltda</td></tr><tr><th>Total a pagar</th><td>R$ 1.189,90</td></tr></table>
      <a href="/financeiro/cobranca/boleto/id/58213">2ª via do boleto</a>`;
    const found = detect(cobranca, 'https://app.example/financeiro/cobranca/id/58213', 'pt');
    expect(found).toMatchObject({ number: '58213', kind: 'invoice', amount: 'R$ 1.189,90' });
    expect(found?.pdfCandidates).toEqual(['https://app.example/financeiro/cobranca/boleto/id/58213']);
  });
});

describe('the first test and the addresses the detector reads', () => {
  it('passes on every plural the detector reads a record’s kind from in an address ("/fatture/214", "#/cotizaciones/412")', () => {
    const missed = [...KIND_PLURALS.keys()].filter((word) => !namesDocument(`/app/${word}/214`));
    expect(missed).toEqual([]);
    document.title = 'Aspel SAE';
    document.body.innerHTML = '<div class="titulo">Cotización</div><p>Total MX$ 48,604.00</p>';
    expect(mayShowDocument(document, new URL('https://sae.example/documentos/cotizaciones/412'))).toBe(true);
  });
});

describe('the twentieth round’s second set', () => {
  it('reads a Slovak invoice, its buyer and what is due, and reads it as Slovak (its template)', () => {
    const html = `<h1>Faktúra 2026110042</h1><table><tr><th>Odberateľ</th><td>Drevostav Kováč s.r.o.</td></tr><tr><th>E-mail</th><td>uctaren@drevostav.example.sk</td></tr></table>
      <table><tr><td>Spolu bez DPH</td><td>1 200,00 €</td></tr><tr><th>Suma na úhradu</th><th>1 476,00 €</th></tr></table><a href="/invoices/pdf/4410772">Stiahnuť PDF</a>`;
    for (const lang of ['sk', '']) {
      const found = detect(html, 'https://app.example/invoices/view/4410772', lang);
      expect(found, lang).toMatchObject({ number: '2026110042', kind: 'invoice', customerName: 'Drevostav Kováč s.r.o.', amount: '1 476,00 €' });
      expect(found?.language, lang).toBe('sk');
    }
  });

  it('reads an Italian "Offerta" as a quote, its number before the date', () => {
    const html = `<h2>Offerta n. 2026/118 del 26/11/2026</h2><table><tr><td>Cliente</td><td>Edilnord Costruzioni S.r.l.</td></tr><tr><td>Totale offerta</td><td>€ 9.418,40</td></tr></table><a href="/o/118/stampa.pdf">Stampa PDF</a>`;
    expect(detect(html, 'https://erp.example/documenti/offerte/118', 'it')).toMatchObject({ number: '2026/118', kind: 'quote', amount: '€ 9.418,40' });
  });

  it('reads an ERP form whose only word for its kind is its type field’s select, and the first test lets it through', () => {
    const form = (type: string, kinds: string) => `<div class="screen-title">Invoices and Memos</div><table>
      <tr><td><label for="t">${type}</label></td><td><select id="t">${kinds}</select></td></tr>
      <tr><td><label for="r">Reference Nbr.:</label></td><td><input id="r" value="AR-CM-004417" readonly></td></tr>
      <tr><td><label for="c">Customer:</label></td><td><input id="c" value="Lakeshore Dental Group" readonly></td></tr>
      <tr><td><label for="a">Amount:</label></td><td><input id="a" value="1,280.00" readonly></td></tr>
      <tr><td><label for="e">Email:</label></td><td><input id="e" value="ap@lakeshore.example.com" readonly></td></tr></table>`;
    const url = 'https://erp.example/Main?ScreenId=AR301000';
    const memo = form('Type:', '<option>Invoice</option><option selected>Credit Memo</option>');
    expect(detect(memo, url)).toMatchObject({ number: 'AR-CM-004417', kind: 'credit-note', customerName: 'Lakeshore Dental Group', amount: '1,280.00' });
    document.title = 'Acumatica';
    expect(mayShowDocument(document, new URL(url))).toBe(true);
    // A select that is no type field ("Template") names no kind: the form shows no document.
    expect(detect(form('Template:', '<option selected>Invoice</option>'), url)).toBeUndefined();
    expect(detectDocumentsOnPage(document, new URL(url))).toBeUndefined();
  });

  it('takes no payment platform’s object id in the heading for the number, and no bare "Valor líquido" for what is due', () => {
    const html = `<h2>Cobrança #pay_8f2k1m</h2><dl><dt>Fatura nº</dt><dd>104477</dd><dt>Cliente</dt><dd>Renata Moura</dd><dt>Valor</dt><dd>R$ 450,00</dd>
      <dt>Valor líquido</dt><dd>R$ 448,01</dd></dl><a href="/i/8f2k1m">Visualizar fatura</a>`;
    expect(detect(html, 'https://pay.example/payment/show/pay_8f2k1m', 'pt')).toMatchObject({ number: '104477', kind: 'invoice', amount: 'R$ 450,00' });
  });
});

describe('the twentieth round’s third set', () => {
  it('reads a "Boleta de venta" as a receipt and an "Avviso di parcella" as a proforma', () => {
    const boleta = `<h1>Boleta de Venta Electrónica B001-00004521</h1><table><tr><th>Cliente</th><td>Lucía Quispe Mamani</td></tr><tr><th>Importe total</th><td>S/ 236.00</td></tr></table><a href="/b/4521.pdf">PDF</a>`;
    expect(detect(boleta, 'https://app.example/comprobantes/4521', 'es')).toMatchObject({ number: 'B001-00004521', kind: 'receipt', amount: 'S/ 236.00' });
    const parcella = `<h1>Avviso di parcella n. 14/2026</h1><table><tr><td>Cliente</td><td>Marco Rossi</td></tr><tr><td>Netto a pagare</td><td>€ 1.229,12</td></tr></table><a href="/parcelle/14/pdf">Scarica PDF</a>`;
    expect(detect(parcella, 'https://app.example/pratiche/31/parcelle/14', 'it')).toMatchObject({ number: '14/2026', kind: 'proforma', customerName: 'Marco Rossi' });
  });
});

describe('a print view in a frame', () => {
  const printView = `<div class="address">Herr<br>Beat Schmid<br>Seestrasse 14<br>8712 Stäfa</div><h2>Rechnung Nr. 2026-047</h2><p>Datum 26.11.2026</p>
    <table><tr><td>Einbauschrank Eiche</td><td>800.00</td></tr><tr><td><b>Total CHF</b></td><td><b>864.80</b></td></tr></table>`;
  const framed = (src: string) => {
    const url = 'https://web.example/file/8812/invoices?doc=2026-047';
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
    document.documentElement.setAttribute('lang', 'de');
    document.title = 'Buchhaltung';
    document.body.innerHTML = `<div class="toolbar"><button>PDF erstellen</button></div><iframe src="${src}"></iframe>`;
    const inner = document.implementation.createHTMLDocument('');
    inner.body.innerHTML = printView;
    Object.defineProperty(document.querySelector('iframe')!, 'contentDocument', { value: inner });
    const detection = detectDocumentsOnPage(document, new URL(url))?.detection;
    return detection?.kind === 'document' ? detection.documents[0] : undefined;
  };

  it('reads the document a preview frame prints, its buyer from the address block, without an e-mail or a PDF link', () => {
    expect(framed('/file/8812/invoices/preview?doc=2026-047')).toMatchObject({ number: '2026-047', kind: 'invoice', customerName: 'Beat Schmid', amount: '864.80' });
    // A frame that is no print view, or the same view as the page itself, needs a labelled customer or an e-mail, as any page without a PDF.
    expect(framed('/file/8812/invoices/panel?doc=2026-047')).toBeUndefined();
    expect(detect(printView, 'https://web.example/file/8812/invoices/2026-047', 'de')).toBeUndefined();
  });
});

describe('the twentieth round’s fourth set', () => {
  it('reads a heading’s number split across its inline elements whole', () => {
    const html = `<h1>Factura <span class="serie">A-</span><span class="num">2026-0412</span></h1><p>Cliente: Talleres Ebro S.L.</p><p>Total factura 1.185,60 €</p>
      <a href="/facturas/412/descargar" title="Descargar PDF">Descargar</a>`;
    expect(detect(html, 'https://app.example/facturas/ver/412', 'es')?.number).toBe('A-2026-0412');
  });

  it('reads nothing of a closed <dialog>, and an open one as the document', () => {
    const page = (open: string) => `<main><h1>Customers</h1><table><tr><td>Northshore Yoga Studio Inc.</td><td>$2,203.50</td></tr></table></main>
      <dialog${open}><h2>Invoice 0087</h2><p>Bill to: Northshore Yoga Studio Inc.</p><p>Amount due (CAD) $2,203.50</p><a href="/biz/invoices/0087/pdf">Download PDF</a></dialog>`;
    expect(detect(page(''), 'https://app.example/biz/customers')).toBeUndefined();
    expect(detect(page(' open'), 'https://app.example/biz/customers')).toMatchObject({ number: '0087', customerName: 'Northshore Yoga Studio Inc.', amount: '$2,203.50' });
  });
});
