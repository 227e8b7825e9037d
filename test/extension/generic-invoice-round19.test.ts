/**
 * Classes of pages the nineteenth held-out corpus round found (issue 16), each read through the public
 * detector: a CRM's company field ("Företag", "Unternehmen", "Empresa"…) over its contact person, and a
 * building contract's client ("Maître d'ouvrage", "Bauherr", "Opdrachtgever"); a company's registration
 * number in parentheses after its name; what is left of a credit note to credit ("Å kreditere") and a
 * bare "Saldo"; a mail header's "To" over an address, whose next field is no name; the issue date right
 * after a heading that names only the kind ("Invoice", then "26/11/2026"), which is never the number;
 * Zoho's "Package#" and "Shipment#", a package slip's own number and on an invoice a reference; a
 * document opened in a dialog over another record (an invoice over its order); Polish ERPs' numbers by
 * type symbol ("FS 1184/2026") under "Dokument:"; a project's table of documents by kind ("Angebot",
 * "1. Abschlagsrechnung"), which is a list; and a link named by another record's code, no file.
 * From the second set, written after those fixes: a reminder's heading that names the invoice it
 * reminds of ("2. rykker for faktura 1024"); a module's name ("Customer Invoices") in a breadcrumb,
 * which names no customer; "Nr." after a customer's code, which is the next field's label; Optima's
 * "Podmiot" and an ERP's acronym of the record beside its full name; "Vår ref." and its kin,
 * abbreviated; and a progress bill's "Current Payment Due".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDocumentsOnPage } from '../../extension/sites';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang = 'en', title = '') => detectFirstDocument(html, { url, lang, title });

/** A CRM's company field per language, over its contact person with an address. */
const COMPANY_FIELDS: [lang: string, company: string, contact: string, heading: string][] = [
  ['sv', 'Företag', 'Kontaktperson', 'Offert 10482'],
  ['da', 'Virksomhed', 'Kontaktperson', 'Tilbud 10482'],
  ['nb', 'Bedrift', 'Kontaktperson', 'Tilbud 10482'],
  ['is', 'Fyrirtæki', 'Tengiliður', 'Tilboð 10482'],
  ['de', 'Unternehmen', 'Ansprechpartner', 'Angebot 10482'],
  ['nl', 'Bedrijf', 'Contactpersoon', 'Offerte 10482'],
  ['fi', 'Yritys', 'Yhteyshenkilö', 'Tarjous 10482'],
  ['fr', 'Société', 'Contact', 'Devis 10482'],
  ['es', 'Empresa', 'Contacto', 'Presupuesto 10482'],
  ['it', 'Azienda', 'Referente', 'Preventivo 10482'],
  ['pt', 'Empresa', 'Contacto', 'Orçamento 10482'],
];

describe('the nineteenth round’s customers', () => {
  it('reads a CRM’s company field as the customer, over its contact person, in every language we read', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMPANY_FIELDS), fc.constantFrom('label', 'dl', 'table'), ([lang, company, contact, heading], layout) => {
        const rows: [string, string][] = [
          [company, '<a href="/accounts/551">Bergslagens Bygg AB</a>'],
          [contact, 'Karin Lind · karin.lind@bergslagensbygg.example.se'],
        ];
        const fields =
          layout === 'label'
            ? rows.map(([l, v]) => `<div class="row"><label>${l}</label><span>${v}</span></div>`).join('')
            : layout === 'dl'
              ? `<dl>${rows.map(([l, v]) => `<dt>${l}</dt><dd>${v}</dd>`).join('')}</dl>`
              : `<table>${rows.map(([l, v]) => `<tr><td>${l}</td><td>${v}</td></tr>`).join('')}</table>`;
        const html = `<div role="dialog"><h2>${heading}</h2>${fields}<p>Total 230 625,00</p><a href="/quotes/10482/pdf">PDF</a></div>`;
        expect(detect(html, 'https://crm.example/#/pipeline/order/10482', lang)?.customerName, `${lang} ${layout}`).toBe('Bergslagens Bygg AB');
      }),
    );
  });

  it('reads a customer’s label over a company field before it, which on a sheet is the seller’s block', () => {
    for (const [lang, company, customer] of [
      ['es', 'Empresa', 'Cliente'],
      ['sv', 'Företag', 'Kund'],
      ['de', 'Unternehmen', 'Kunde'],
      ['de', 'Firma', 'Kunde'],
      ['fr', 'Société', 'Client'],
    ]) {
      const html = `<main><h1>Factura F-2026-0145</h1><dl><dt>${company}</dt><dd>Reformas Betis SL</dd><dt>${customer}</dt><dd>Hostal Giralda SA</dd></dl>
        <p>Total 1.060,00 €</p><a href="/f/145/pdf">PDF</a></main>`;
      expect(detect(html, 'https://app.example/f/145', lang, 'App')?.customerName, `${lang} ${company}`).toBe('Hostal Giralda SA');
    }
  });

  it('leaves the user’s own company to the app: "Empresa: …" in the app’s bar, "Ma société" in a contacts table', () => {
    const bar = `<div class="topbar">Siigo Nube · Empresa: Tostadora Andina S.A.S.</div><main><h1>Factura FV-2-1045</h1>
      <p>Total $ 5.355.000</p><a href="/facturas/1045/pdf">PDF</a></main>`;
    expect(detect(bar, 'https://app.example/#/facturas/1045', 'es')?.customerName).toBeUndefined();
    const contacts = `<main><h1>Commande CO2611-0015</h1><table><tr><th>Contact</th><th>Tiers</th><th>Rôle</th></tr>
      <tr><td>Claire Dubois</td><td>Ma société</td><td>Commercial suivi commande</td></tr></table><p>Montant TTC 2 850,00 €</p><a href="/commande/15/pdf">PDF</a></main>`;
    expect(detect(contacts, 'https://erp.example/commande/card.php?id=15', 'fr')?.customerName).not.toBe('Commercial suivi commande');
  });

  it('reads a building contract’s client ("Maître d’ouvrage", "Bauherr", "Opdrachtgever") as the customer, over the site and the site manager', () => {
    for (const [lang, heading, client, site, manager] of [
      ['fr', 'Facture n° F2026-0112', "Maître d'ouvrage", 'Chantier', 'Conducteur de travaux'],
      ['de', 'Rechnung AR-2026-0114', 'Bauherr', 'Bauvorhaben', 'Bauleiter'],
      ['nl', 'Factuur 2026-0112', 'Opdrachtgever', 'Project', 'Uitvoerder'],
    ]) {
      const html = `<main><h1>${heading}</h1><div class="blocs">
        <div><h4>${site}</h4><p>Rénovation école Jules Ferry<br>4 rue des Écoles</p></div>
        <div><h4>${client}</h4><p>Mairie de Saint-Herblain<br>marches@saint-herblain.example.fr</p></div>
        <div><h4>${manager}</h4><p>Julien Morel<br>j.morel@bati-ouest.example.fr</p></div></div>
        <p>Total 42 180,00 €</p><a href="/situations/3/pdf">PDF</a></main>`;
      expect(detect(html, 'https://app.example/chantiers/2207/situations/3', lang)?.customerName, lang).toBe('Mairie de Saint-Herblain');
    }
  });

  it('reads a customer’s name without the registration number in parentheses after it', () => {
    for (const registration of ['kt. 510312-0450', 'CVR 31234567', 'Org.nr. 998 112 334', 'NIP 525-123-45-67', 'RFC DBA0903125K1', 'ABN 33 615 208 914', 'KvK 12345678']) {
      const html = `<h1>Invoice 20415</h1><dl><dt>Customer</dt><dd>Fjallakaffi ehf. (${registration})</dd><dt>Email</dt><dd>bokhald@fjallakaffi.example.is</dd></dl>
        <p>Total 148.800 kr.</p><a href="/reikningar/20415/pdf">PDF</a>`;
      expect(detect(html, 'https://app.example/reikningar/20415')?.customerName, registration).toBe('Fjallakaffi ehf.');
    }
    // A name that ends in parentheses of its own keeps them.
    const own = `<h1>Invoice 20415</h1><dl><dt>Customer</dt><dd>Nordic Tools (Europe) Ltd</dd></dl><p>Total £10.00</p><a href="/i/20415/pdf">PDF</a>`;
    expect(detect(own, 'https://app.example/i/20415')?.customerName).toBe('Nordic Tools (Europe) Ltd');
  });

  it('reads no customer from the field after a mail header’s "To" and its address', () => {
    const html = `<main><h1>Payment reminder</h1><p>Invoice INV-4471 · Amount due $3,210.50</p>
      <div class="preview"><div><span>From</span><span>credit.control@harborgear.example.com</span></div>
      <div><span>To</span><span>ap@northwind-outfitters.example.com</span></div><div><span>Subject</span><span>Reminder: invoice INV-4471 is overdue</span></div>
      <p><a href="/invoices/inv_88213/INV-4471.pdf">INV-4471.pdf</a></p></div></main>`;
    const found = detect(html, 'https://app.example/customers/cus_2207/invoices/INV-4471/reminder');
    expect(found?.recipients[0]).toBe('ap@northwind-outfitters.example.com');
    expect(found?.customerName).not.toBe('Subject');
  });
});

describe('the nineteenth round’s amounts', () => {
  it('reads what is left to credit on a credit note, in every language we read', () => {
    for (const [lang, heading, label, amount] of [
      ['nb', 'Kreditnota 10234', 'Å kreditere', 'kr -3 750,00'],
      ['nb', 'Kreditnota 10234', 'Til kreditering', 'kr -3 750,00'],
      ['sv', 'Kreditfaktura 10234', 'Att kreditera', '-3 750,00 kr'],
      ['da', 'Kreditnota 10234', 'At kreditere', '-3.750,00 kr.'],
      ['en', 'Credit note CN-10234', 'Amount to credit', '-£3,750.00'],
    ]) {
      const html = `<h1>${heading}</h1><table><tr><td>Vinteropplag</td><td>-3 000,00</td></tr></table>
        <table><tr><td>Sum</td><td>-3 000,00</td></tr><tr><td>${label}</td><td>${amount}</td></tr></table><a href="/kreditnota/10234.pdf">PDF</a>`;
      expect(detect(html, 'https://app.example/kreditnota/10234', lang)?.amount, `${lang} ${label}`).toBe(amount);
    }
  });

  it('reads "Saldo" after the total and what was paid as the amount due', () => {
    for (const [lang, heading, total, paid] of [
      ['es', 'Factura A-1048', 'Total', 'Pagado'],
      ['it', 'Fattura 118/2026', 'Totale', 'Pagato'],
      ['pt', 'Fatura FT 2026/318', 'Total', 'Pago'],
      ['nl', 'Factuur 2026-0342', 'Totaal', 'Betaald'],
    ]) {
      const html = `<h1>${heading}</h1><table><tr><td>${total}</td><td>46.400,00 €</td></tr><tr><td>${paid}</td><td>6.400,00 €</td></tr><tr><td>Saldo</td><td>40.000,00 €</td></tr></table><a href="/f/1048/pdf">PDF</a>`;
      expect(detect(html, 'https://app.example/f/1048', lang)?.amount, lang).toBe('40.000,00 €');
    }
  });
});

describe('the nineteenth round’s numbers', () => {
  it('never reads the issue date right after a heading that names only the kind as the number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['en', 'Invoice'], ['de', 'Rechnung'], ['pl', 'Faktura'], ['sv', 'Faktura'], ['fr', 'Facture'], ['es', 'Factura']),
        fc.constantFrom('26/11/2026', '11/26/2026', '26.11.2026', '2026-11-26', '26-11-2026'),
        ([lang, kind], date) => {
          const html = `<div class="head"><h1>${kind}</h1><span class="date">${date}</span><span class="pill">Sent</span><a href="/api/invoices/31842/pdf">PDF</a></div>
            <div class="grid"><div>Company</div><div>Tyne Print Works Ltd</div></div><p>Total £2,880.00</p>`;
          expect(detect(html, 'https://app.example/invoices/31842', lang)?.number).not.toBe(date);
        },
      ),
    );
    // A number after the heading is still its number, slashes and all ("FV 12/11/2026" is not a date).
    const numbered = `<h1>Faktura</h1><span>12/11/2026/IDO</span><p>Do zapłaty 1 845,00 zł</p><a href="/f/1245/pdf">PDF</a>`;
    expect(detect(numbered, 'https://app.example/f/1245', 'pl')?.number).toBe('12/11/2026/IDO');
  });

  it('reads a package slip’s "Package#" as its number, and on an invoice a package’s or shipment’s number as a reference', () => {
    const slip = `<h2>Package Slip</h2><p>Package# PKG-00031</p><p>Sales Order# SO-00107</p><p>Package Date: 27/11/2026</p>
      <div><b>Ship To</b><br>Harbour Foods Ltd</div><a href="/api/v1/packages/31?accept=pdf">PDF/Print</a>`;
    const found = detect(slip, 'https://inventory.example/app/1#/packages/31');
    expect(found?.number).toBe('PKG-00031');
    expect(found?.kind).toBe('delivery-note');
    for (const order of ['before', 'after']) {
      const references = `<table><tr><th>Package#</th><th>Shipment#</th><th>Status</th></tr><tr><td>PKG-00031</td><td>SH-00019</td><td>Shipped</td></tr></table>`;
      const invoice = `<div class="template">${order === 'before' ? references : ''}<h2>TAX INVOICE</h2><p>Invoice# INV-000233</p><div><b>Bill To</b><br>Harbour Foods Ltd</div>
        <p>Balance Due NZ$1,685.00</p>${order === 'after' ? references : ''}</div><a href="/api/v3/invoices/233?accept=pdf">PDF/Print</a>`;
      const read = detect(invoice, 'https://books.example/app/1#/invoices/233');
      expect(read?.number, order).toBe('INV-000233');
      expect(read?.kind, order).toBe('invoice');
    }
    // An invoice that names only its kind: a package's number is still not its number.
    const unnumbered = `<h1>Invoice</h1><p>Package# PKG-00031</p><p>Customer: Harbour Foods Ltd</p><p>Balance Due NZ$1,685.00</p><a href="/api/v3/invoices/233?accept=pdf">PDF</a>`;
    expect(detect(unnumbered, 'https://books.example/app/1#/invoices/233')?.number).not.toBe('PKG-00031');
  });

  it('reads a document opened in a dialog over another record as the document, over the page’s own heading', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ['de', 'Auftrag 48211', 'Rechnung RE-2026-10472', 'RE-2026-10472', 'invoice'],
          ['en', 'Sales Order SO-00107', 'Invoice INV-000233', 'INV-000233', 'invoice'],
          ['sv', 'Order 5512', 'Kreditfaktura 7781', '7781', 'credit-note'],
        ),
        fc.constantFrom('role="dialog" aria-modal="true"', 'role="dialog"', 'open'),
        ([lang, page, heading, number, kind], dialog) => {
          const tag = dialog === 'open' ? 'dialog' : 'div';
          const html = `<main><h1>${page}</h1><p>Order date 24.11.2026</p><table><tr><td>Lieferschein</td><td>LS-2026-09831</td></tr></table></main>
            <${tag} ${dialog}><h2>${heading}</h2><dl><dt>Customer</dt><dd>Gartenwelt Huber GmbH</dd><dt>Total</dt><dd>1.249,50 €</dd></dl>
            <a href="/rest/orders/48211/documents/88124/download">Download</a></${tag}>`;
          const found = detect(html, 'https://shop.example/order-ui/48211', lang);
          expect(found?.number).toBe(number);
          expect(found?.kind).toBe(kind);
          // The quick reading (the button's) reads past the page's heading into the dialog too.
          const quick = detectDocumentsOnPage(document, new URL('https://shop.example/order-ui/48211'), [], { quick: true })?.detection;
          expect(quick?.documents[0]?.number).toBe(number);
        },
      ),
    );
    // A closed dialog (hidden) shows nothing over the page.
    const closed = `<main><h1>Auftrag 48211</h1><p>Summe 1.249,50 €</p><a href="/auftrag/48211/pdf">PDF</a></main>
      <div role="dialog" aria-hidden="true"><h2>Rechnung RE-2026-10472</h2></div>`;
    expect(detect(closed, 'https://shop.example/order-ui/48211', 'de')?.number).toBe('48211');
  });

  it('reads a Polish ERP’s number by type symbol under "Dokument:" as the number, its symbol as the kind', () => {
    const kinds: [symbol: string, kind: string][] = [
      ['FS', 'invoice'],
      ['FV', 'invoice'],
      ['KFS', 'credit-note'],
      ['PF', 'proforma'],
      ['ZK', 'order-confirmation'],
      ['WZ', 'delivery-note'],
    ];
    for (const [symbol, kind] of kinds) {
      const html = `<div class="form-title">Podgląd dokumentu</div><table>
        <tr><td>Dokument:</td><td><input value="${symbol} 1184/2026" readonly></td></tr>
        <tr><td>Kontrahent:</td><td><input value="PHU Budmat Sp. z o.o." readonly></td></tr>
        <tr><td>E-mail kontrahenta:</td><td><input value="zamowienia@budmat.example.pl" readonly></td></tr></table>
        <p>Do zapłaty 9 840,00 PLN</p><a href="/wapro/dokumenty/1184/wydruk.pdf">Wydruk PDF</a>`;
      const found = detect(html, 'https://erp.example/wapro/dokumenty/1184', 'pl', 'WAPRO Mag');
      expect(found?.number, symbol).toBe(`${symbol} 1184/2026`);
      expect(found?.kind, symbol).toBe(kind);
    }
    // "FZ" is a supplier's invoice (faktura zakupu), and elsewhere a symbol is any series' letters: no kind.
    const purchase = `<table><tr><td>Dokument:</td><td><input value="FZ 77/2026" readonly></td></tr></table><p>Do zapłaty 100,00 PLN</p><a href="/d/77/wydruk.pdf">Wydruk PDF</a>`;
    expect(detect(purchase, 'https://erp.example/wapro/dokumenty/77', 'pl', 'WAPRO Mag')?.kind).toBeUndefined();
    const english = `<table><tr><td>Document:</td><td><input value="FS 1184/2026" readonly></td></tr></table><p>Total 100.00</p><a href="/d/1184/print.pdf">PDF</a>`;
    expect(detect(english, 'https://erp.example/docs/1184', 'en', 'ERP')?.kind).toBeUndefined();
  });
});

describe('the nineteenth round’s other pages', () => {
  it('reads a project’s table of documents by kind ("Angebot", "1. Abschlagsrechnung") as a list, not as one of them', () => {
    const html = `<main><h1>Badsanierung Yilmaz</h1><p>Mehmet Yilmaz · m.yilmaz@webpost.example.de</p>
      <table><tr><th>Dokument</th><th>Nummer</th><th>Betrag</th></tr>
      <tr><td>Angebot</td><td>AN-2026-0455</td><td>23.800,00 €</td></tr>
      <tr><td>1. Abschlagsrechnung</td><td>AR-2026-0098</td><td>7.140,00 €</td></tr>
      <tr><td>2. Abschlagsrechnung</td><td>AR-2026-0114</td><td>7.140,00 €</td></tr></table>
      <p>Offener Betrag 7.140,00 €</p><a href="/projekte/871/export.pdf">Projektbericht PDF</a></main>`;
    const found = detect(html, 'https://app.example/projekte/871', 'de', 'Projekt');
    expect(['AN-2026-0455', 'AR-2026-0098', 'AR-2026-0114']).not.toContain(found?.number);
    // A document's own facts in a table of labels stay its facts ("Invoice number" above "Order number").
    const facts = `<h1>VAT Invoice</h1><table><tr><td>Invoice number</td><td>GB6A2R7ZQ1AEUI</td></tr><tr><td>Order number</td><td>204-5567812-3310741</td></tr></table>
      <h3>Billing address</h3><p>Harriet Wells<br>12 Mill Lane</p><p>Total payable £54.97</p>`;
    expect(detect(facts, 'https://shop.example/print.html?orderID=204')?.number).toBe('GB6A2R7ZQ1AEUI');
  });

  it('takes no link named by another record’s code for the page’s file', () => {
    const html = `<main><h1>P-2026-0871 · Badsanierung</h1><p>Kunde Mehmet Yilmaz · m.yilmaz@webpost.example.de</p>
      <ul><li><a href="/projekte/871/dokumente/3102">AN-2026-0455</a> 23.800,00 €</li><li><a href="/projekte/871/dokumente/3240">AR-2026-0098</a> 7.140,00 €</li></ul></main>`;
    expect(detect(html, 'https://app.example/projekte/871', 'de', 'P-2026-0871 · App')?.pdfCandidates ?? []).toEqual([]);
  });
});

describe('the nineteenth round’s second set', () => {
  it('reads a heading that names a reminder of an invoice as a reminder, with the invoice’s number', () => {
    for (const [lang, heading] of [
      ['da', '2. rykker for faktura 1024'],
      ['en', 'Payment reminder for invoice 1024'],
      ['de', 'Zahlungserinnerung zur Rechnung 1024'],
      ['sv', 'Påminnelse för faktura 1024'],
      ['nb', 'Purring på faktura 1024'],
    ]) {
      const html = `<h1>${heading}</h1><dl><dt>Customer</dt><dd>Fjordhuset ApS</dd></dl><p>Total 12.662,50 kr.</p><a href="/reminders/preview.pdf?invoice=1024">PDF</a>`;
      const found = detect(html, 'https://app.example/invoices/1024/reminders/new', lang);
      expect(found?.number, heading).toBe('1024');
      expect(found?.kind, heading).toBe('reminder');
    }
  });

  it('reads no customer from a module’s name in a breadcrumb ("Customer Invoices")', () => {
    const html = `<ol class="breadcrumb"><li><a href="/odoo/invoices">Customer Invoices</a></li><li class="active">INV/2026/00118</li></ol>
      <div class="oe_title"><h1>INV/2026/00118</h1></div><p>Amount Due: $ 1,035.00</p><a href="/report/pdf/account.report_invoice/118">Print</a>`;
    expect(detect(html, 'https://erp.example/odoo/invoices/118', 'en', 'INV/2026/00118 - Odoo')?.customerName).toBeUndefined();
  });

  it('reads a number label after a customer’s code as the number, not as the customer’s name', () => {
    for (const [lang, heading, customer, number] of [
      ['de', 'Ausgangsrechnung', 'Kunde', 'Nr.'],
      ['en', 'A/R Invoice', 'Customer', 'No.'],
      ['sv', 'Kundfaktura', 'Kund', 'Nr'],
    ]) {
      const html = `<main><h1>${heading}</h1><div class="f"><label>${customer}</label><span>C20000</span></div><div class="f"><label>${number}</label><span>40012</span></div>
        <p>Total 9.163,00 EUR</p><a href="/api/reports/ARInvoice/40012.pdf">PDF</a></main>`;
      const found = detect(html, 'https://b1.example/webx/#/ARInvoice/40012', lang, 'SAP Business One');
      expect(found?.number, lang).toBe('40012');
      expect(found?.customerName, lang).not.toBe(number);
    }
  });

  it('reads Optima’s "Podmiot", and a record’s full name over its acronym beside it', () => {
    const controls = `<div class="window-title">Faktura Sprzedaży FA/112/2026</div><table>
      <tr><td>Podmiot:</td><td><input value="STOLBUD" readonly> <input value="STOLBUD Sp. z o.o." readonly></td></tr>
      <tr><td>Odbiorca:</td><td><input value="STOLBUD Sp. z o.o. – Oddział Radom" readonly></td></tr></table><p>Do zapłaty: 7 380,00 PLN</p><a href="/web/faktury/wydruk?id=4471&amp;format=pdf">Wydruk PDF</a>`;
    expect(detect(controls, 'https://optima.example/web/faktury/edycja?id=4471', 'pl', 'Comarch ERP Optima')?.customerName).toBe('STOLBUD Sp. z o.o.');
    const texts = `<h1>Faktura FA/112/2026</h1><dl><dt>Podmiot</dt><dd><span>STOLBUD</span> <span>STOLBUD Sp. z o.o.</span></dd></dl><p>Do zapłaty: 7 380,00 PLN</p><a href="/f/4471/pdf">PDF</a>`;
    expect(detect(texts, 'https://optima.example/f/4471', 'pl')?.customerName).toBe('STOLBUD Sp. z o.o.');
  });

  it('takes the address under an abbreviated "Vår ref." (and its kin) for the seller’s, not the customer’s', () => {
    for (const [lang, ours, theirs] of [
      ['sv', 'Vår ref.', 'E-post faktura'],
      ['da', 'Vores ref.', 'E-mail'],
      ['nb', 'Vår ref', 'E-post for faktura'],
      ['nl', 'Onze ref.', 'E-mail'],
    ]) {
      const html = `<h1>Faktura 300145</h1><div class="f"><div class="l">Namn</div><div class="v">Nolby Verkstad AB</div></div>
        <div class="f"><div class="l">${ours}</div><div class="v">Anna Berg, anna.berg@verkstadsdelar.example.se</div></div>
        <div class="f"><div class="l">${theirs}</div><div class="v">ekonomi@nolbyverkstad.example.se</div></div><p>Total 18 750,00</p><a href="/f/300145/pdf">PDF</a>`;
      expect(detect(html, 'https://app.example/f/300145', lang)?.recipients[0], `${lang} ${ours}`).toBe('ekonomi@nolbyverkstad.example.se');
    }
  });

  it('reads a progress bill’s "Current Payment Due" over the contract sum', () => {
    const html = `<h1>Owner Invoice #3</h1><table><tr><td>1. Original Contract Sum</td><td>$1,450,000.00</td></tr><tr><td>5. Retainage 10%</td><td>$42,000.00</td></tr>
      <tr><td>8. Current Payment Due</td><td>$118,350.00</td></tr></table><a href="/invoices/3/export.pdf">PDF</a>`;
    expect(detect(html, 'https://app.example/prime_contracts/1001/invoices/3')?.amount).toBe('$118,350.00');
  });
});
