/**
 * Classes of pages the twenty-first held-out corpus round found (issue 16), each read through the
 * public detector: Australia's and New Zealand's "Adjustment Note", a credit note; Czech and Slovak
 * ERPs' "Faktura vydaná", the adjective after the noun; a delivery note whose title or tab names its
 * kind and whose number is a field of its own ("N° pièce"), with no amount; a customer's code in
 * capitals under the customer's label ("Kontrahent: MEBLE-OLEK") with its name spelled out under
 * "Nazwa"; the first test (issue 18) on a page whose only sign is a link to a print route in its
 * language (`/wydruk`); and a print view in a frame, numbered in a field that names its kind
 * ("Rechnungs-Nr."), under the seller's letterhead with its e-mail, the PDF link in the shell's toolbar.
 * And two languages the detector did not read: Hungarian ("Számla", "Vevő", "Fizetendő", forints, dates
 * written "2026.12.10.") and Romanian ("Factura seria SB nr. 0412", "Client", "Total de plată", lei), which the panel does not speak.
 * From the second set, written after those fixes: an ERP form's status bar whose current step names the
 * kind (`aria-current="step"`: Odoo's "Angebot › Angebot gesendet › Verkaufsauftrag"), and its followers,
 * who are the app's users; a link `href="#"` that opens the PDF by script; Chile's "Señor(es):"; the
 * Moroccan dirham ("DH", "MAD"); and a billing platform's customer invoices under `/bills`, in Portuguese
 * ("Cliente"), which are no supplier's bills. From the third set: compounds that end in a quote's or an order's
 * word ("Salgstilbud", "Myyntitilaus", "Myyntitarjous"); a caption's middle dot between the kind and the number
 * ("Salgstilbud · S-TILB1042"); a desktop-style client's window title that names the kind; print routes in the
 * page's language in a link's address (`tulosta.aspx`) and a button's script (`stampa_ordine`); a panel of the
 * customer's statistics beside the document; "Buyer's Order No." and quantities with their unit ("2,000 pcs"); and a
 * CRM's contact person under the customer's label with the company in the next field. From the fifth set: texts
 * labelled by `aria-labelledby` as controls are, their labels in a column apart from the values. And from the
 * corpus in Chromium: a layout's class on `<body>` (`layout-sidebar`, AdminLTE's `sidebar-mini`) makes no page chrome.
 */
import { describe, expect, it } from 'vitest';
import { detectDocumentsOnPage } from '../../extension/sites';
import { parseAmount } from '../../extension/sites/amounts';
import { mayShowDocument } from '../../extension/sites/document-hint';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang = 'en', title = '') => detectFirstDocument(html, { url, lang, title });

describe('the twenty-first round’s languages', () => {
  it('reads a Hungarian invoice, its buyer, what is due in forints and its due date, and reads it as Hungarian (its template)', () => {
    const html = `<h1>Számla</h1><div class="doc-no">BLG-2026-412</div><div><h3>Eladó</h3><p>Tóth Villanyszerelés Bt.</p></div>
      <div><h3>Vevő</h3><p>Kovács Építő Kft.</p><p>E-mail: szamlazas@kovacsepito.example.hu</p></div><dl><dt>Fizetési határidő</dt><dd>2026.12.10.</dd></dl>
      <table><tr><td>Bruttó összesen</td><td>254 000 Ft</td></tr><tr><td>Fizetendő</td><td>254 000 Ft</td></tr></table><a href="/document/download/88120455">PDF letöltése</a>`;
    for (const lang of ['hu', '']) {
      const found = detect(html, 'https://app.example/document/view/88120455', lang);
      expect(found, lang).toMatchObject({ number: 'BLG-2026-412', kind: 'invoice', customerName: 'Kovács Építő Kft.', amount: '254 000 Ft', dueDate: '2026.12.10.' });
      expect(found?.language, lang).toBe('hu');
    }
    expect(parseAmount('Fizetendő: HUF 38 100')).toBe('HUF 38 100');
  });

  it('reads a Romanian invoice and what is due in lei', () => {
    const html = `<h1>Factura seria SB nr. 0412</h1><table><tr><th>Client</th><td>Agro Veste SRL</td></tr><tr><th>Email</th><td>contabilitate@agroveste.example.ro</td></tr></table>
      <table><tr><td>Total fără TVA</td><td>5.000,00 lei</td></tr><tr><td>Total de plată</td><td>5.950,00 lei</td></tr></table><a href="/facturi/pdf/7712044">Descarcă PDF</a>`;
    expect(detect(html, 'https://app.example/facturi/vizualizare/7712044', 'ro')).toMatchObject({ number: 'SB 0412', kind: 'invoice', customerName: 'Agro Veste SRL', amount: '5.950,00 lei' });
  });
});

describe('the twenty-first round’s kinds', () => {
  it('reads an "Adjustment Note" as a credit note', () => {
    const html = `<h1>Adjustment Note AN-0042</h1><p>Relates to <a href="/sales/invoice/INV-1187">Tax Invoice INV-1187</a></p>
      <h3>To</h3><p>Coastal Plumbing Pty Ltd</p><p>admin@coastalplumbing.example.com.au</p><table><tr><td>Total credit</td><td>-A$418.00</td></tr></table>
      <a href="/sales/credit/AN-0042/print">Print PDF</a>`;
    expect(detect(html, 'https://books.example.com.au/sales/credit/AN-0042', 'en-AU')).toMatchObject({ number: 'AN-0042', kind: 'credit-note', amount: '-A$418.00' });
  });

  it('reads "Faktura vydaná" and "Faktúra vydaná", the adjective after the noun, as an invoice and its number', () => {
    for (const [heading, lang] of [
      ['Faktura vydaná 20260318', 'cs'],
      ['Faktúra vydaná 20260318', 'sk'],
    ]) {
      const html = `<h1>${heading}</h1><div><h3>Odběratel</h3><p>Pekárna Horák s.r.o.</p><p>fakturace@horak.example.cz</p></div>
        <table><tr><td>Celkem k úhradě</td><td>30 250,00 Kč</td></tr></table><a href="/api/IssuedInvoice/9911872/Pdf">Stáhnout PDF</a>`;
      expect(detect(html, 'https://app.example/IssuedInvoice/Detail/9911872', lang), lang).toMatchObject({ number: '20260318', kind: 'invoice' });
    }
  });

  it('reads a delivery note named by its title or tab, its number in a field of its own, without an amount or a PDF', () => {
    const form = `<div class="tabs"><span class="tab active">Bon de livraison</span><span class="tab">Suivi</span></div>
      <label for="n">N° pièce</label><input id="n" readonly value="BL00412"><label for="r">Raison sociale</label><input id="r" readonly value="Dupont Bâtiment SAS">
      <table><tr><th>Désignation</th><th>Qté livrée</th></tr><tr><td>Plaque de plâtre BA13</td><td>120</td></tr></table><button type="button">Imprimer</button>`;
    const url = 'https://gestion.example/ventes/livraisons/edit?id=412';
    expect(detect(form, url, 'fr', 'Bon de livraison BL00412 - Gestion commerciale')).toMatchObject({ number: 'BL00412', kind: 'delivery-note', customerName: 'Dupont Bâtiment SAS' });
    // An invoice still needs its amount (or a PDF) to be one.
    expect(detect(form.replace('Bon de livraison', 'Facture'), url, 'fr', 'Facture BL00412 - Gestion commerciale')).toBeUndefined();
  });
});

describe('the twenty-first round’s customers and recipients', () => {
  it('takes the customer’s name spelled out under "Nazwa" or "Name" for its code in capitals under the customer’s label', () => {
    const fields = (code: string, nameLabel: string, name: string) =>
      `<h1>Faktura sprzedaży FS/1187/2026</h1><div><span>Kontrahent</span> <span>${code}</span></div><div><span>${nameLabel}</span> <span>${name}</span></div>
      <div><span>E-mail</span> <span>faktury@mebleolek.example.pl</span></div><div>Razem brutto: 11 070,00 PLN</div><a href="/api/dokumenty/88412/wydruk">Pobierz PDF</a>`;
    const url = 'https://xt.example/#/sprzedaz/dokumenty/FS/88412';
    expect(detect(fields('MEBLE-OLEK', 'Nazwa', 'Meble Olek Sp. z o.o.'), url, 'pl')?.customerName).toBe('Meble Olek Sp. z o.o.');
    // A name in capitals that spells no other field's name is the customer's own.
    expect(detect(fields('IKEA', 'Nazwa', 'Meble Olek Sp. z o.o.'), url, 'pl')?.customerName).toBe('IKEA');
  });

  it('drops an address printed in plain text above an unlabelled buyer’s block (the seller’s letterhead), and keeps a form control’s', () => {
    const sheet = (letterhead: string) =>
      `<h2>Rechnung Nr. RE10231</h2>${letterhead}<div class="window">Hofmann Metallbau GmbH<br>Industriestraße 22<br>79108 Freiburg</div>
      <table><tr><td>Gesamtbetrag</td><td>1.547,00 EUR</td></tr></table><a href="/rechnungen/551204/pdf">PDF</a>`;
    const url = 'https://app.example/rechnungen/551204';
    const plain = detect(sheet('<div class="letterhead">Schreinerei Vogt e.K. · Am Mühlbach 3 · 79098 Freiburg · info@schreinerei-vogt.example.de</div>'), url, 'de');
    expect(plain).toMatchObject({ number: 'RE10231', customerName: 'Hofmann Metallbau GmbH', recipients: [] });
    const control = detect(sheet('<label for="to">An</label><input id="to" type="email" value="buchhaltung@hofmann.example.de">'), url, 'de');
    expect(control?.recipients).toEqual(['buchhaltung@hofmann.example.de']);
  });
});

describe('the twenty-first round’s frames and first test', () => {
  it('reads a print view numbered in a field that names its kind, and takes the PDF from the shell’s toolbar', () => {
    const url = 'https://web.example/verkauf/rechnungen/551204/anzeigen';
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
    document.documentElement.setAttribute('lang', 'de');
    document.title = 'Rechnung anzeigen';
    document.body.innerHTML = `<div class="toolbar"><a href="/verkauf/rechnungen/551204/pdf">Als PDF speichern</a></div><iframe src="/verkauf/rechnungen/551204/druckansicht"></iframe>`;
    const inner = document.implementation.createHTMLDocument('');
    inner.body.innerHTML = `<div class="letterhead">Schreinerei Vogt e.K. · Am Mühlbach 3 · 79098 Freiburg · info@schreinerei-vogt.example.de</div>
      <div class="window">Hofmann Metallbau GmbH<br>Herrn Jens Hofmann<br>Industriestraße 22<br>79108 Freiburg</div>
      <table><tr><td>Rechnungs-Nr.</td><td>RE10231</td></tr><tr><td>Datum</td><td>25.11.2026</td></tr></table><h2>Rechnung</h2>
      <table><tr><td>Gesamtbetrag</td><td>1.547,00 EUR</td></tr></table>`;
    Object.defineProperty(document.querySelector('iframe')!, 'contentDocument', { value: inner });
    const detection = detectDocumentsOnPage(document, new URL(url))?.detection;
    expect(detection?.documents[0]).toMatchObject({
      number: 'RE10231',
      customerName: 'Hofmann Metallbau GmbH',
      recipients: [],
      amount: '1.547,00 EUR',
      pdfUrl: 'https://web.example/verkauf/rechnungen/551204/pdf',
    });
  });

  it('lets the detector read a page whose only sign is a link to a print route in its language', () => {
    for (const route of ['/api/dokumenty/88412/wydruk', '/gestion/imprimir/factura/1-214', '/fatture/214/stampa', '/laskut/20261187/tulosta']) {
      document.title = 'ERP';
      document.body.innerHTML = `<div class="window-title">Dokument</div><a href="${route}">Pobierz</a>`;
      expect(mayShowDocument(document, new URL('https://erp.example/#/sprzedaz/88412')), route).toBe(true);
    }
    document.body.innerHTML = '<a href="/reports/aging">Reports</a>';
    expect(mayShowDocument(document, new URL('https://erp.example/#/sprzedaz/88412'))).toBe(false);
  });
});

describe('the twenty-first round’s second set', () => {
  it('takes the kind from a status bar’s current step, and no follower of the record for its recipient', () => {
    const form = (step: string) => `<ol class="breadcrumb"><li><a href="#">Angebote</a></li><li><span>S00042</span></li></ol>
      <div class="o_statusbar_status"><button type="button" ${step === 'Angebot' ? 'aria-current="step"' : ''}>Angebot</button><button type="button" ${step === 'Verkaufsauftrag' ? 'aria-current="step"' : ''}>Verkaufsauftrag</button></div>
      <h1><span>S00042</span></h1><div><label>Kunde</label><a href="#id=17&model=res.partner">Elektro Maier GmbH</a></div>
      <table><tr><td>Gesamt:</td><td>1.190,00 €</td></tr></table>
      <div class="o-mail-Followers">Follower: Mitchell Admin (admin@firma.example.de), Sandra Koch (s.koch@firma.example.de)</div>`;
    const url = 'https://firma.odoo.example/web#id=42&model=sale.order&view_type=form';
    expect(detect(form('Angebot'), url, 'de')).toMatchObject({ number: 'S00042', kind: 'quote', customerName: 'Elektro Maier GmbH', recipients: [] });
    expect(detect(form('Verkaufsauftrag'), url, 'de')?.kind).toBe('order-confirmation');
    // A follower named as the customer is the customer's address.
    const customerFollows = form('Angebot').replace('Sandra Koch (s.koch@firma.example.de)', 'Elektro Maier GmbH (buchhaltung@elektro-maier.example.de)');
    expect(detect(customerFollows.replace('Follower: Mitchell Admin (admin@firma.example.de), ', 'Follower: '), url, 'de')?.recipients).toEqual(['buchhaltung@elektro-maier.example.de']);
  });

  it('takes the PDF a `href="#"` link opens by script', () => {
    const html = `<h2>Invoice #1019</h2><a href="#" onclick="window.open('/invoices/771019.pdf'); return false;">Download PDF</a>
      <h4>To</h4><p>Maple &amp; Oak Interiors</p><p>tom@mapleandoak.example.com</p><table><tr><td>Amount Due</td><td>$2,640.00</td></tr></table>`;
    expect(detect(html, 'https://studio.example/invoices/771019')?.pdfUrl).toBe('https://studio.example/invoices/771019.pdf');
    document.title = 'Studio';
    document.body.innerHTML = `<div>Dokument</div><a href="#" onclick="window.open('/d/771019.pdf')">Herunterladen</a>`;
    expect(mayShowDocument(document, new URL('https://studio.example/d/771019'))).toBe(true);
  });

  it('reads Chile’s "Señor(es):" as the customer’s label, and dirhams', () => {
    const html = `<div>FACTURA ELECTRÓNICA</div><div>N° 4521</div><table><tr><td>Señor(es):</td><td>Constructora Andes SpA</td></tr><tr><td>Contacto:</td><td>pagos@andes.example.cl</td></tr></table>
      <table><tr><td>Total</td><td>$ 1.190.000</td></tr></table><a href="/Documento/Pdf/88120">Descargar PDF</a>`;
    expect(detect(html, 'https://web.example/Factura/Documento/Ver/88120', 'es-CL')?.customerName).toBe('Constructora Andes SpA');
    expect(parseAmount('Total TTC 14 400,00 DH')).toBe('14 400,00 DH');
    expect(parseAmount('Total : MAD 1 250,00')).toBe('MAD 1 250,00');
  });

  it('reads a customer’s invoice under `/bills` that names its customer in the page’s language, and leaves a supplier’s bill', () => {
    const bill = (party: string) => `<h1>Fatura #88412</h1><h4>${party}</h4><p>Clínica Vida Ltda.</p><p>financeiro@clinicavida.example.com.br</p>
      <p class="total">Valor <strong>R$ 349,90</strong></p><a href="/admin/bills/88412/print">Ver fatura</a>`;
    const url = 'https://app.example/admin/bills/88412';
    expect(detect(bill('Cliente'), url, 'pt-BR')).toMatchObject({ number: '88412', customerName: 'Clínica Vida Ltda.' });
    expect(detect(bill('Fornecedor'), url, 'pt-BR')).toBeUndefined();
  });
});

describe('the twenty-first round’s third set', () => {
  it('reads compounds that end in a quote’s or an order’s word, and not a special offer', () => {
    const page = (heading: string, lang: string) =>
      detect(
        `<h1>${heading}</h1><div><b>Asiakas</b> <span>Savon Sähkö Oy</span></div><div><b>Kunde</b> <span>Skovhus Tømrer ApS</span></div>
        <div>Sähköposti: hankinnat@savonsahko.example.fi</div><table><tr><td>Yhteensä</td><td>12 550,00 EUR</td></tr></table>`,
        'https://erp.example/evo/doc.aspx?id=4412',
        lang,
      );
    expect(page('Myyntitilaus 4412', 'fi')).toMatchObject({ number: '4412', kind: 'order-confirmation' });
    expect(page('Myyntitarjous 4412', 'fi')).toMatchObject({ number: '4412', kind: 'quote' });
    expect(page('Salgstilbud 4412', 'da')).toMatchObject({ number: '4412', kind: 'quote' });
    expect(page('Særtilbud 4412', 'da')).toBeUndefined();
  });

  it('reads the number after a caption’s middle dot, and no date after one in an activity stream', () => {
    const caption = `<div role="heading" aria-level="1">Salgstilbud · S-TILB1042 · Skovhus Tømrer ApS</div><label for="k">Kundenavn</label><input id="k" readonly value="Skovhus Tømrer ApS">
      <label for="e">E-mail</label><input id="e" readonly value="indkoeb@skovhus.example.dk"><div>Total inkl. moms <span>31.250,00</span></div>`;
    expect(detect(caption, 'https://bc.example/?page=41&bookmark=2F_JAAAA', 'da')?.number).toBe('S-TILB1042');
    const stream = `<h2>Design retainer</h2><div><label>Number</label><div>Q-00187</div></div><div><label>Account</label><div>Halvorsen Maritime Ltd</div></div>
      <div>Grand Total $14,520.00</div><div class="stream"><p>Admin created Quote · 11/25/2026 16:40</p></div>`;
    expect(detect(stream, 'https://crm.example/#Quote/view/6571b2c3', 'en')?.number).toBe('Q-00187');
  });

  it('takes the kind from a web client’s window title, and its print routes in the page’s language', () => {
    const form = `<div class="window"><div class="window-caption">Conferma d'ordine cliente</div>
      <button type="button" onclick="window.open('/portal/servlet/stampa_ordine?id=318')">Stampa</button>
      <div><span>Numero</span> <span>2026/OC/00318</span></div><div><span>Ragione sociale</span> <span>Meccanica Piave S.p.A.</span></div>
      <div><span>E-mail</span> <span>acquisti@piave.example.it</span></div><div>Totale documento € 9.760,00</div></div>`;
    const url = 'https://erp.example/portal/jsp/ordini.jsp?m_cID=318';
    expect(detect(form, url, 'it')).toMatchObject({ number: '2026/OC/00318', kind: 'order-confirmation', pdfCandidates: ['https://erp.example/portal/servlet/stampa_ordine?id=318'] });
    expect(mayShowDocument(document, new URL(url))).toBe(true);
    const preview = `<h1>Myyntitilaus 4412</h1><table><tr><td>Asiakas</td><td>Savon Sähkö Oy</td></tr><tr><td>Sähköposti</td><td>hankinnat@savonsahko.example.fi</td></tr></table>
      <p>Yhteensä 12 550,00 EUR</p><a href="/evo/myynti/tulosta.aspx?orderid=4412">Esikatsele</a>`;
    expect(detect(preview, 'https://erp.example/evo/myynti/myyntitilaus.aspx?orderid=4412', '')?.pdfCandidates).toEqual(['https://erp.example/evo/myynti/tulosta.aspx?orderid=4412']);
  });

  it('leaves a panel of the customer’s statistics out of what the document asks', () => {
    const html = `<h1>Salgstilbud S-TILB1042</h1><div><b>Kundenavn</b> <span>Skovhus Tømrer ApS</span></div><div>E-mail: indkoeb@skovhus.example.dk</div>
      <div class="totals"><div>Total inkl. moms <span>31.250,00</span></div></div><div class="factbox"><div>Kundestatistik</div><div>Saldo (RV) 12.480,00</div></div>`;
    expect(detect(html, 'https://bc.example/quotes/1042', 'da')?.amount).toBe('31.250,00');
  });

  it('reads neither "Buyer’s Order No." as the customer nor a quantity with its unit as the amount', () => {
    const html = `<h2>Tax Invoice</h2><table><tr><td>Invoice No.<br><b>SI/2026-27/0412</b></td><td>Buyer's Order No.<br>GH/PO/771</td></tr>
      <tr><td>Buyer (Bill to)<br><b>Gupta Hardware Stores</b><br>E-Mail: accounts@gupta.example.in</td></tr></table>
      <table><tr><td>Total</td><td>2,000 pcs</td><td>₹ 1,18,000.00</td></tr></table><a href="/vouchers/0412/export?format=pdf">Export PDF</a>`;
    expect(detect(html, 'https://tally.example/vouchers/sales/0412', 'en-IN')).toMatchObject({ customerName: 'Gupta Hardware Stores', amount: '₹ 1,18,000.00' });
    expect(parseAmount('16 h')).toBeUndefined();
    expect(parseAmount('Total 120 Stk. 1.450,00 €')).toBe('1.450,00 €');
  });

  it('takes the company in the field after a CRM’s contact person under the customer’s label', () => {
    const fields = (company: string) => `<h1>Oferta #112</h1><div><span>Klient</span> <span>Adam Nowak</span></div><div><span>Firma</span> <span>${company}</span></div>
      <div><span>E-mail</span> <span>a.nowak@budmax.example.pl</span></div><div>Razem brutto 24 600,00 zł</div><a href="/crm/quote/112/pdf">Pobierz PDF</a>`;
    expect(detect(fields('Budmax Sp. z o.o.'), 'https://crm.example/crm/quote/show/112/', 'pl')?.customerName).toBe('Budmax Sp. z o.o.');
    // A company field without a company's legal form leaves the person named.
    expect(detect(fields('Budmax'), 'https://crm.example/crm/quote/show/112/', 'pl')?.customerName).toBe('Adam Nowak');
  });
});

describe('the twenty-first round’s fifth set', () => {
  it('reads texts labelled by aria-labelledby, their labels in a column apart from the values', () => {
    const html = `<div class="labels"><div id="l-nr">Fakturanummer</div><div id="l-kunde">Kunde</div><div id="l-epost">E-post</div><div id="l-sum">Å betale</div></div>
      <div class="values"><div><span aria-labelledby="l-nr">30012</span></div><div><span aria-labelledby="l-kunde">Nordfjord Rør AS</span></div>
      <div><span aria-labelledby="l-epost">post@nordfjordror.example.no</span></div><div><span aria-labelledby="l-sum">kr 8 750,00</span></div></div>
      <a href="/execute/invoicePdf?invoiceId=30012">Last ned PDF</a>`;
    expect(detect(html, 'https://app.example/execute/invoiceView?invoiceId=30012', 'nb', 'Faktura – Regnskap')).toMatchObject({
      number: '30012',
      kind: 'invoice',
      customerName: 'Nordfjord Rør AS',
      recipients: ['post@nordfjordror.example.no'],
      amount: 'kr 8 750,00',
    });
  });
});

describe('the twenty-first round in Chromium', () => {
  it('takes no layout class on <body> for the app’s chrome', () => {
    const html = `<aside class="sidebar-list"><a href="/invoice/view/88">INV-00088 · Pinecrest Dental</a></aside>
      <main><div class="title">Invoice</div><div class="number">INV-00087</div><div class="label">Bill To</div><div>Harbor Freight Lines LLC</div>
      <div>ap@harborfreightlines.example.com</div><table><tr><td>Balance Due</td><td>$3,450.00</td></tr></table><a href="/invoice/download/87">Download</a></main>`;
    try {
      for (const layout of ['app layout-sidebar', 'hold-transition sidebar-mini layout-fixed', 'has-navbar-fixed-top']) {
        document.body.className = layout;
        expect(detect(html, 'https://app.example/invoice/view/87', 'en', 'INV-00087 - Invoicely')?.recipients, layout).toEqual(['ap@harborfreightlines.example.com']);
      }
    } finally {
      document.body.className = '';
    }
  });
});
