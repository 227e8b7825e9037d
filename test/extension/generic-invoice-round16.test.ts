/**
 * Classes of pages the sixteenth held-out corpus round found (issue 16), each read through the public
 * detector: web components that show the invoice in open shadow trees; the word that says a document
 * is electronic or simplified between its kind and its number; a customer's tax id after its label;
 * a currency in an element of its own beside the number; a tab marked active by its class only
 * (iDempiere's ZK) and an ERP's "Business Partner" over its own "Organization"; a mailto link that
 * shows the customer's name; SAP Fiori's intent routes to a record; Belgium's "TVAC"; an `<embed>`
 * without a type; a master-detail screen whose document is a PDF viewer beside a list; and a web mail
 * client showing a received invoice mail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDocumentsOnPage } from '../../extension/sites';
import { mayShowDocument } from '../../extension/sites/document-hint';
import { copyPage } from '../../extension/sites/page-copy';
import { attachShadowRoots } from './corpus-fixtures';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang = 'en', title = '') => detectFirstDocument(html, { url, lang, title });

/** The page of `html`, its `<template shadowrootmode>` made the open shadow roots a browser's parser makes of them. */
function loadWithShadowRoots(html: string, url: string, lang: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.documentElement.setAttribute('lang', lang);
  document.title = 'App';
  document.body.innerHTML = html;
  attachShadowRoots(document.body);
}

describe('the sixteenth round’s classes', () => {
  it('reads an invoice inside web components’ open shadow trees, slotted content included, and anchors the button to the page’s own heading', () => {
    const url = 'https://app.example/billing/7';
    loadWithShadowRoots(
      `<my-app><template shadowrootmode="open"><nav>Menu</nav><main><slot></slot></main></template>
        <inv-view><template shadowrootmode="open"><h2>Faktura 23018</h2><slot name="customer"></slot>
          <p>Å betale kr 18 750,00</p><a href="/api/faktura/23018/pdf">Last ned PDF</a></template>
          <div slot="customer"><span>Kunde</span> <span>Fjord Bygg AS</span> <span>post@fjordbygg.example.no</span></div>
        </inv-view></template></my-app>`,
      url,
      'nb',
    );
    expect(mayShowDocument(document, new URL(url))).toBe(true);
    // The shadow trees are in no outerHTML: the page is read in the page, not in a copy.
    expect(copyPage(document, url)).toBeUndefined();
    const detection = detectDocumentsOnPage(document, new URL(url))?.detection;
    const found = detection?.documents[0];
    expect(found).toMatchObject({ number: '23018', kind: 'invoice', customerName: 'Fjord Bygg AS', amount: 'kr 18 750,00', recipients: ['post@fjordbygg.example.no'] });
    expect(found?.pdfUrl).toBe('https://app.example/api/faktura/23018/pdf');
    // The button goes by the heading in the page's shadow tree, not by a copy of it.
    const heading = document.querySelector('my-app')!.shadowRoot!.host.querySelector('inv-view')!.shadowRoot!.querySelector('h2');
    expect(found?.anchor).toBe(heading);
  });

  it('reads the number after the word that says the document is electronic or simplified', () => {
    const cases: [lang: string, heading: string, number: string][] = [
      ['es', 'FACTURA ELECTRÓNICA', 'F001-00000873'],
      ['es', 'Nota de crédito electrónica', 'FC01-00000012'],
      ['es', 'Factura simplificada', 'T-2026-0042'],
      ['it', 'Fattura elettronica', '127/A'],
      ['fr', 'Facture électronique', 'FE-2026-014'],
      ['pt', 'Fatura eletrônica', 'FAT-0482'],
      ['pl', 'Faktura elektroniczna', 'FV/2026/11/3'],
    ];
    for (const [lang, heading, number] of cases) {
      const found = detect(`<h1>${heading} ${number}</h1><a href="/docs/${encodeURIComponent(number)}.pdf">PDF</a>`, 'https://app.example/docs/1', lang);
      expect(found?.number, heading).toBe(number);
    }
  });

  it('does not read a customer’s tax id after its label as its name', () => {
    fc.assert(
      fc.property(fc.constantFrom('RUC', 'NIF', 'CIF', 'NIT', 'CNPJ', 'VAT', 'NIP', 'UID'), (tax) => {
        const found = detect(
          `<h1>Invoice INV-0873</h1><table><tr><th>Customer ${tax}</th><td>20512345678</td></tr><tr><th>Company name</th><td>Miraflores Trading Ltd</td></tr></table><a href="/i/873.pdf">PDF</a>`,
          'https://app.example/invoices/873',
        );
        expect(found?.customerName).toBe('Miraflores Trading Ltd');
      }),
    );
  });

  it('reads a currency set apart from its number in an element of its own, after it or before it', () => {
    const after = detect(
      `<span>Kundenrechnung 90001234</span><div><span>Bruttobetrag</span><div><span>4.560,00</span><span>EUR</span></div></div><div><span>Kunde</span> <a href="/c/1">Alpenblick Hotel GmbH</a></div><a href="/r/90001234.pdf">PDF</a>`,
      'https://app.example/rechnungen/90001234',
      'de',
    );
    expect(after?.amount).toBe('4.560,00 EUR');
    const before = detect(`<h1>Invoice 4411</h1><p><span>Total</span></p><p><span>€</span><span>1.234,00</span></p><a href="/i/4411.pdf">PDF</a>`, 'https://app.example/invoices/4411');
    expect(before?.amount).toBe('€ 1.234,00');
  });

  it('reads the kind from a tab its class marks active (ZK’s z-tab-selected), and an ERP’s business partner over its own organization', () => {
    const html =
      `<ul><li class="z-tab"><span>Home</span></li><li class="z-tab z-tab-selected"><span class="z-tab-text">Invoice (Customer)</span></li></ul>` +
      `<table><tr><td><span class="z-label">Organization</span></td><td><input value="HQ"></td><td><span class="z-label">Document No</span></td><td><input value="100245" readonly></td></tr>` +
      `<tr><td><span class="z-label">Business Partner</span></td><td><input value="Seed Farm Inc."></td><td><span class="z-label">Grand Total</span></td><td><input value="1,276.00" readonly></td></tr></table>`;
    const url = 'https://erp.example/webui/index.zul';
    const found = detect(html, url, 'en', 'iDempiere');
    expect(found).toMatchObject({ number: '100245', kind: 'invoice', customerName: 'Seed Farm Inc.', amount: '1,276.00' });
    expect(mayShowDocument(document, new URL(url))).toBe(true);
  });

  it('reads a mailto link that shows a name as the customer, with its address; not one that shows an address or an action', () => {
    const page = (link: string) =>
      detect(
        `<h1>Factuur 2026-0312</h1><table><tr><td>Relatie:</td><td>${link}</td></tr></table><p>Totaal incl. btw € 1.512,50</p><a href="/f/88123/pdf">Download PDF</a>`,
        'https://app.example/facturen/88123',
        'nl',
      );
    const named = page('<a href="mailto:administratie@bakkerij.example.nl">Bakkerij de Vries</a> (relatienr. 1044)');
    expect(named?.customerName).toBe('Bakkerij de Vries');
    expect(named?.recipients[0]).toBe('administratie@bakkerij.example.nl');
    expect(page('<a href="mailto:administratie@bakkerij.example.nl">E-mail versturen</a>')?.customerName).not.toBe('E-mail versturen');
  });

  it('reads a link to SAP Fiori’s intent route of a customer ("#Customer-displayFactSheet?Customer=…") as the customer’s name', () => {
    const found = detect(
      `<span>Kundenrechnung 90001234</span><div><span class="sapMLabel"><bdi>Kunde:</bdi></span><a href="#Customer-displayFactSheet?Customer=100471">Alpenblick Hotel GmbH</a><span>Dorfstraße 12, 6370 Kitzbühel</span></div><p>Bruttobetrag 4.560,00 EUR</p><a href="/r/90001234.pdf">PDF</a>`,
      'https://fiori.example/launchpad.html#BillingDocument-display',
      'de',
    );
    expect(found?.customerName).toBe('Alpenblick Hotel GmbH');
  });

  it('reads Belgium’s "Total TVAC" as the amount', () => {
    const found = detect(
      `<h2>Facture de vente VF26-00418</h2><div role="grid"><div role="row"><div role="gridcell">Total HTVA</div><div role="gridcell">3.000,00 €</div></div><div role="row"><div role="gridcell"><b>Total TVAC</b></div><div role="gridcell"></div><div role="gridcell"><b>3.630,00 €</b></div></div></div><a href="/v/418/document">Télécharger</a>`,
      'https://app.example/ventes/VF26-00418',
      'fr-BE',
    );
    expect(found?.amount).toBe('3.630,00 €');
  });

  it('takes an <embed> or <object> without a type as a PDF to probe, but not one that shows an image or a page', () => {
    const page = (viewer: string) => detect(`<h2>Myyntilasku 2026-1187</h2><p>Asiakas: Saimaan Talotekniikka Oy</p>${viewer}`, 'https://app.example/sales/invoices/55012', 'fi');
    expect(page('<embed src="/sales/invoices/55012/image">')?.pdfCandidates).toEqual(['https://app.example/sales/invoices/55012/image']);
    expect(page('<object data="/sales/invoices/55012/file"></object>')?.pdfCandidates).toEqual(['https://app.example/sales/invoices/55012/file']);
    expect(page('<embed src="/logo.svg">')).toBeUndefined();
    expect(page('<object data="/help.html"></object>')).toBeUndefined();
  });

  it('reads a master-detail screen: the bare number in the page’s <h3>, the customer and amount from the list’s current entry', () => {
    const html =
      `<aside><a href="/admin/invoices/15/view"><div>Lakeside Dental</div><div>INV-000015</div><div>$640.00</div></a>` +
      `<a href="/admin/invoices/14/view" aria-current="page"><div>Harbor &amp; Pine Co.</div><div>INV-000014</div><span>SENT</span><div>$2,480.00</div><div>26 Nov 2026</div></a></aside>` +
      `<main><h3>INV-000014</h3><button>Send Invoice</button><iframe src="/invoices/pdf/7f3KqL9mXw2"></iframe></main>`;
    const found = detect(html, 'https://billing.example/admin/invoices/14/view', 'en', 'InvoiceShelf');
    expect(found).toMatchObject({ number: 'INV-000014', kind: 'invoice', customerName: 'Harbor & Pine Co.', amount: '$2,480.00' });
    expect(found?.pdfCandidates).toEqual(['https://billing.example/invoices/pdf/7f3KqL9mXw2']);
    // An <h3> below the page's <h1> is a section's, not the page's number.
    expect(detect(`<h1>Dashboard</h1>${html}`, 'https://billing.example/admin/invoices/14/view', 'en', 'InvoiceShelf')).toBeUndefined();
  });

  it('shows no button on a web mail client showing a received invoice mail, in the languages we read', () => {
    const readers: [lang: string, reply: string, forward: string, heading: string][] = [
      ['nl', 'Beantwoorden', 'Doorsturen', 'Factuur 2026-0312 van Installatiebedrijf Smit'],
      ['en', 'Reply', 'Forward', 'Invoice INV-0427 from Kauri Web Design'],
      ['de', 'Antworten', 'Weiterleiten', 'Rechnung RE-2026-118 von Elektro Maier'],
      ['sv', 'Svara', 'Vidarebefordra', 'Faktura 40127 från Vasa Elservice'],
      ['fr', 'Répondre', 'Transférer', 'Facture F-2026-0093 de Talleres Ebro'],
    ];
    for (const [lang, reply, forward, heading] of readers) {
      const page = (toolbar: string) =>
        detect(
          `<h2>${heading}</h2><p>Bedrag: € 1.512,50 · Total 1,512.50</p><ul><li><a href="/?_action=get&_part=2">invoice.pdf</a></li></ul><div class="toolbar">${toolbar}</div>`,
          'https://webmail.example/?_task=mail&_uid=4412',
          lang,
        );
      expect(page(`<a href="#reply">${reply}</a><a href="#forward">${forward}</a>`), lang).toBeUndefined();
      expect(page(`<button>${reply}</button><button aria-label="${forward}"><svg></svg></button>`), lang).toBeUndefined();
    }
    // An invoice page with a reply to a comment, but nothing to forward, keeps its button.
    expect(detect(`<h2>Invoice INV-0427</h2><a href="/i/427.pdf">PDF</a><button>Reply</button>`, 'https://app.example/invoices/427')?.number).toBe('INV-0427');
  });

  it('reads a kind with its electronic qualifier as a label alone, the number in the next element, but not in a ledger’s type column', () => {
    const found = detect(
      `<div><div>R.U.T.: 76.543.210-K</div><div><b>Factura Electrónica</b></div><div>N° 48213</div></div><p>Razón Social: Ferretería Los Andes SpA</p><p>Total $ 595.000</p><a href="/documents/918273/pdf">Ver PDF</a>`,
      'https://app.example/documents/view/918273',
      'es-CL',
    );
    expect(found?.number).toBe('48213');
    const ledger =
      `<h1>Libro de ventas</h1><a href="/reports/sales-book.pdf">Exportar PDF</a><table><thead><tr><th>Tipo</th><th>Folio</th><th>Razón social</th><th>Total</th></tr></thead><tbody>` +
      `<tr><td>Factura electrónica</td><td>48213</td><td>Ferretería Los Andes SpA</td><td>$ 595.000</td></tr><tr><td>Factura electrónica</td><td>48214</td><td>Constructora Maipo Ltda.</td><td>$ 1.428.000</td></tr></tbody></table>`;
    expect(detect(ledger, 'https://app.example/reports/sales-book?period=2026-11', 'es-CL')).toBeUndefined();
  });

  it('puts the address for invoices before others, and an Italian certified (PEC) address last', () => {
    const found = detect(
      `<h1>Fattura 2026/214</h1><div><span>Cliente</span> <span>Pasticceria Romano S.r.l.</span></div><div><span>PEC</span> <span>romano@pec.example.it</span></div>` +
        `<div><span>E-mail fatturazione</span> <span>amministrazione@romano.example.it</span></div><p>Totale fattura € 3.904,00</p><a href="/f/214/pdf">Anteprima PDF</a>`,
      'https://app.example/fatture/214',
      'it',
    );
    expect(found?.recipients).toEqual(['amministrazione@romano.example.it', 'romano@pec.example.it']);
    const billing = detect(
      `<h1>Invoice INV-88</h1><p><span>Email</span> <span>info@acme.example</span></p><p><span>Billing email</span></p><p>ap@acme.example</p><p>Total $100.00</p><a href="/i/88.pdf">PDF</a>`,
      'https://app.example/invoices/88',
    );
    expect(billing?.recipients).toContain('ap@acme.example');
  });

  it('does not take a print template’s seller block, named so by its class, for the buyer’s', () => {
    const found = detect(
      `<a href="/i/88120/download.pdf">Lataa PDF</a><div class="paper"><div class="seller">Pohjolan Konepaja Oy<br>Teollisuustie 4<br>90460 Oulunsalo</div><div>LASKU</div>` +
        `<table><tr><td>Laskun numero</td><td>88120</td></tr></table><div class="buyer">Oulun Sähkötyö Oy<br>Kirkkokatu 12<br>90100 Oulu</div><p>Yhteensä EUR 2 356,00</p></div>`,
      'https://app.example/sales/invoices/88120/print',
      'fi',
    );
    expect(found?.customerName).toBe('Oulun Sähkötyö Oy');
  });

  it('shows no button in an app’s expenses, where a receipt is filed, in the languages we read', () => {
    const html = `<h1>New expense</h1><embed src="/uploads/receipt.pdf" type="application/pdf"><p><label for="r">Receipt #</label><input id="r" value="R-448213"></p><p>Total: £84.50</p><p>Merchant: Harbour Hardware Ltd</p>`;
    for (const path of ['/expenses/new', '/ausgaben/neu', '/notes-de-frais/12', '/gastos/nuevo', '/spese/7', '/kulut/uusi', '/utgifter/ny'])
      expect(detect(html, `https://app.example${path}`), path).toBeUndefined();
    expect(detect(html, 'https://app.example/receipts/7')?.number).toBe('R-448213');
  });
});
