/**
 * Classes of pages the seventeenth held-out corpus round found (issue 16), each read through the public
 * detector: the balance after payments and deposits, in every language we read, over the total it is
 * left of (and a status word beside the heading, which is no amount's label); a customer's record
 * number joined to its name in more ways ("C-1002--Name", "DB0058 - Name", "10033 Name"); a CRM's
 * organisation over its contact person in every language; a contact's address ("Site contact:",
 * "Kontakt:" under a delivery address) below the address in the customer's own block, and the address
 * in the customer's cell of a seller/buyer table; a menu link up the page's own path, which is its
 * list, not its file; and a firm's bill to its client ("Bill #1047" on a `#/bills/…` route, Clio's),
 * told from a supplier's bill to pay by the party it names. From the second set, written after those
 * fixes: what a credit note refunds; a card of the customer's particulars ("Kunduppgifter") and a
 * letter's "Adressé à"; a PDF of terms, a policy or a manual, which is no document's; "Serie y
 * número" and the Acumatica family's "Reference Nbr."; and a form's type field ("Typ: Rechnung")
 * that names the kind where no heading does. From the third: a final invoice's "Restforderung", and
 * the seller's staff's address under "Myyjä" or "Vår referens", which is not the customer's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNameValue } from '../../extension/sites/page-labels';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang = 'en', title = '') => detectFirstDocument(html, { url, lang, title });

/** What is left to pay, as apps label it, per language: [lang, heading, total's label, paid's label, balance's labels]. */
const BALANCES: [lang: string, heading: string, total: string, paid: string, balances: string[]][] = [
  ['en', 'Invoice INV-0184', 'Total', 'Paid', ['Owing', 'Amount owing', 'Balance owing', 'Balance remaining', 'Remaining balance', 'Amount remaining', 'Left to pay', 'Open balance']],
  ['pl', 'Faktura FV/2026/11/0345', 'Razem brutto', 'Zapłacono', ['Pozostało do zapłaty', 'Pozostaje do zapłaty']],
  ['sv', 'Faktura 2211', 'Totalt', 'Betalt', ['Återstår', 'Återstående belopp', 'Kvarstående belopp', 'Obetalt belopp']],
  ['da', 'Faktura 1089', 'Total inkl. moms', 'Aconto', ['Til betaling', 'Resterende beløb', 'Skyldigt beløb']],
  ['nb', 'Faktura 30412', 'Totalt', 'Innbetalt', ['Til betaling', 'Gjenstående', 'Gjenstående beløp', 'Skyldig beløp']],
  ['is', 'Reikningur 10457', 'Samtals', 'Greitt', ['Eftirstöðvar', 'Ógreitt', 'Ógreidd upphæð']],
  ['de', 'Rechnung 2026-0184', 'Gesamtbetrag', 'Bezahlt', ['Offen', 'Noch offen', 'Offener Saldo', 'Restschuld', 'Ausstehend', 'Ausstehender Betrag']],
  ['fi', 'Lasku 100512', 'Laskun summa', 'Maksettu', ['Avoinna', 'Avoin saldo', 'Maksamatta', 'Jäljellä']],
  ['nl', 'Factuur F2026-0231', 'Totaal', 'Reeds betaald', ['Openstaand saldo', 'Restant', 'Resterend bedrag', 'Nog open']],
  ['fr', 'Facture F-2026-041', 'Total TTC', 'Acompte versé', ['Reste à régler', 'Restant dû', 'Montant restant dû', 'Montant restant', 'Solde à payer', 'Solde restant']],
  ['es', 'Factura FV-2026-0412', 'Total factura', 'Cobrado', ['Saldo a pagar', 'Resto a pagar', 'Importe adeudado', 'Saldo adeudado']],
  ['it', 'Fattura 118/2026', 'Totale documento', 'Pagato', ['Da pagare', 'Residuo', 'Saldo dovuto', 'Importo dovuto']],
  [
    'pt',
    'Fatura 000318',
    'Valor total',
    'Valor pago',
    ['Valor a pagar', 'Valor em aberto', 'Saldo em aberto', 'Em aberto', 'Saldo a receber', 'Valor a receber', 'Saldo devedor', 'Valor pendente', 'Por pagar'],
  ],
];

/** Amounts as the locales print them: [total, paid, balance]. */
const money = (lang: string, [total, paid, balance]: [number, number, number]) => {
  const format = new Intl.NumberFormat(lang === 'en' ? 'en-US' : lang, { style: 'currency', currency: lang === 'en' ? 'USD' : 'EUR' });
  return [total, paid, balance].map((n) => format.format(n).replace(/[\u00a0\u202f]/g, ' '));
};

describe('the seventeenth round’s classes', () => {
  it('reads the balance left after payments, in every language we read, over the total and what was paid', () => {
    const cases = BALANCES.flatMap(([lang, heading, total, paid, balances]) => balances.map((balance) => ({ lang, heading, total, paid, balance })));
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.integer({ min: 2000, max: 900000 }),
        fc.integer({ min: 100, max: 999 }),
        fc.constantFrom('table', 'grid', 'lines'),
        fc.boolean(),
        ({ lang, heading, total, paid, balance }, cents, paidCents, layout, colon) => {
          const [t, p, b] = money(lang, [cents / 100 + paidCents, paidCents, cents / 100]);
          const rows: [string, string][] = [
            [total, t!],
            [paid, p!],
            [`${balance}${colon ? ':' : ''}`, b!],
          ];
          const totals =
            layout === 'table'
              ? `<table class="totals">${rows.map(([l, v]) => `<tr><td>${l}</td><td>${v}</td></tr>`).join('')}</table>`
              : layout === 'grid'
                ? `<div class="totals">${rows.map(([l, v]) => `<div class="r"><div class="l">${l}</div><div class="v">${v}</div></div>`).join('')}</div>`
                : `<div class="totals">${rows.map(([l, v]) => `<div>${l} ${v}</div>`).join('')}</div>`;
          const found = detect(`<h1>${heading}</h1><a href="/docs/1/doc.pdf">PDF</a>${totals}`, 'https://app.example/docs/1', lang);
          expect(found?.amount, `${lang}: ${balance}`).toBe(b);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not read a status beside the heading ("Offen", "Avoinna") as the label of a number in the next sentence', () => {
    const cases: [lang: string, heading: string, status: string, sentence: string, total: string, amount: string][] = [
      ['de', 'Abschlagsrechnung AR-1004', 'Offen', '1. Abschlag zu Auftragsbestätigung AB-2026-0077 vom 02.11.2026', 'Gesamtbetrag', '1.190,00 €'],
      ['fi', 'Lasku 100512', 'Avoinna', '2 erää sopimuksen 2026-14 mukaan, ensimmäinen erä', 'Yhteensä', '3 100,00 €'],
      ['pt', 'Fatura 000318', 'Em aberto', '3 parcelas conforme contrato 2026/14 de 02/11/2026', 'Valor total', 'R$ 3.450,00'],
    ];
    for (const [lang, heading, status, sentence, total, amount] of cases) {
      const found = detect(
        `<div><h2>${heading}</h2><span class="status">${status}</span></div><p>${sentence}</p><p>${total}: ${amount}</p><a href="/d/1.pdf">PDF</a>`,
        'https://app.example/d/1',
        lang,
      );
      expect(found?.amount, status).toBe(amount);
    }
  });

  it('reads a customer’s name without the record’s number joined to it by dashes, a colon or a space', () => {
    const names = fc.constantFrom('Pinecrest Medical Group', 'Bakkerij de Vries', 'Fjordlys Elektro AS', 'Hotel Alpenblick AG', 'Studio Legale Ricci');
    const codes = fc.oneof(
      fc.integer({ min: 10, max: 999999 }).map(String),
      fc.tuple(fc.constantFrom('C', 'DB', 'K', 'CUST'), fc.constantFrom('', '-', '.'), fc.integer({ min: 10, max: 99999 })).map(([p, s, n]) => `${p}${s}${String(n).padStart(4, '0')}`),
    );
    fc.assert(
      fc.property(names, codes, fc.constantFrom('--', ' - ', ' – ', ': '), (name, code, separator) => {
        expect(parseNameValue(`${code}${separator}${name}`)).toBe(name);
      }),
    );
    fc.assert(
      fc.property(names, fc.integer({ min: 1000, max: 999999 }), (name, number) => {
        expect(parseNameValue(`${number} ${name}`)).toBe(name);
      }),
    );
    // A postcode and its town is no number and a name.
    expect(parseNameValue('10115 Berlin')).toBe('10115 Berlin');
    const found = detect(
      `<h1>Invoice INV-00734</h1><div class="field"><div class="lbl">Customer</div><div class="val">C-1002--Pinecrest Medical Group</div></div><p>Total due 5,380.00</p><a href="/i/734.pdf">PDF</a>`,
      'https://app.example/i/734',
    );
    expect(found?.customerName).toBe('Pinecrest Medical Group');
  });

  it('reads a CRM’s organisation, in every language we read, over its contact person', () => {
    const cases: [lang: string, heading: string, organisation: string, contact: string][] = [
      ['nl', 'Creditfactuur 2026-00077', 'Organisatie', 'Contactpersoon'],
      ['de', 'Rechnung RE-2026-114', 'Organisation', 'Ansprechpartner'],
      ['nb', 'Faktura 30412', 'Organisasjon', 'Kontakt'],
      ['fi', 'Lasku 100512', 'Organisaatio', 'Yhteyshenkilö'],
      ['pl', 'Faktura FV/12/2026', 'Organizacja', 'Kontakt'],
      ['es', 'Factura FV-2026-0412', 'Organización', 'Contacto'],
      ['it', 'Fattura 118/2026', 'Organizzazione', 'Contatto'],
      ['pt', 'Fatura 000318', 'Organização', 'Contacto'],
      ['sv', 'Faktura 2211', 'Organisation', 'Kontakt'],
    ];
    for (const [lang, heading, organisation, contact] of cases) {
      const found = detect(
        `<h2>${heading}</h2><div class="field"><span class="lbl">${organisation}</span><a href="#/crm/organizations/992">Vermeer Studio BV</a></div>` +
          `<div class="field"><span class="lbl">${contact}</span><span>Joris Vermeer</span></div><p>Total 605,00 €</p><button data-url="/api/invoices/f3/pdf">PDF</button>`,
        'https://app.example/#/invoicing/invoices/view/f3',
        lang,
      );
      expect(found?.customerName, organisation).toBe('Vermeer Studio BV');
    }
  });

  it('puts a contact’s address ("Site contact:", "Kontakt:" under a delivery address) after the address in the customer’s own block', () => {
    const cases: [lang: string, page: string, customer: string][] = [
      [
        'en',
        `<h2>Invoice INV-1287</h2><div class="card"><h4>Customer</h4><p>Coastal Strata Management</p><p>accounts@coastal.example</p></div><div class="card"><h4>Site</h4><p>Site contact: Priya Nair – priya@example.net</p></div>`,
        'accounts@coastal.example',
      ],
      [
        'da',
        `<h1>Faktura 1089</h1><div><h4>Faktureringsadresse</h4><p>Vestergaard Byg ApS<br>Industrivej 12<br>7400 Herning<br>bogholderi@vestergaard.example</p></div><div><h4>Leveringsadresse</h4><p>Skovbrynet 4<br>7400 Herning<br>Kontakt: Mette Lund, mette@example.net</p></div>`,
        'bogholderi@vestergaard.example',
      ],
      [
        'de',
        `<h1>Rechnung RE-2026-114</h1><div><h4>Rechnungsempfänger</h4><p>Kanzlei Berger<br>rechnung@berger.example</p></div><div><h4>Lieferadresse</h4><p>Ansprechpartner: Jan Kurz, jan@example.net</p></div>`,
        'rechnung@berger.example',
      ],
    ];
    for (const [lang, page, recipient] of cases) {
      const found = detect(`${page}<p>Total 1.095,00 €</p><a href="/i/1.pdf">PDF</a>`, 'https://app.example/i/1', lang);
      expect(found?.recipients[0], lang).toBe(recipient);
    }
  });

  it('takes the address in the buyer’s cell of a seller/buyer table, whichever column comes first', () => {
    const cases: [lang: string, heading: string, seller: string, buyer: string][] = [
      ['fr', 'Devis DEV 2026/11/07', 'Vendeur', 'Acheteur'],
      ['pl', 'Faktura FV/2026/11/3', 'Sprzedawca', 'Nabywca'],
      ['en', 'Invoice INV-2026-88', 'Seller', 'Buyer'],
      ['es', 'Factura F-2026-14', 'Emisor', 'Cliente'],
    ];
    for (const [lang, heading, seller, buyer] of cases) {
      const found = detect(
        `<h1>${heading}</h1><table class="parties"><tr><th>${seller}</th><th>${buyer}</th></tr><tr><td>Menuiserie Dupuis<br>3 chemin du Moulin<br>contact@dupuis.example</td><td>Maison Garnier<br>12 avenue Foch<br>achats@garnier.example</td></tr></table><p>Total 2 880,00 EUR</p><a href="/e/1.pdf">PDF</a>`,
        'https://app.example/e/1',
        lang,
      );
      expect(found?.customerName, lang).toBe('Maison Garnier');
      expect(found?.recipients[0], lang).toBe('achats@garnier.example');
    }
  });

  it('does not offer a menu link up the page’s own path (its list) as the PDF to probe', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('documents', 'dokumente', 'documenten', 'dokumenter', 'documentos'),
        fc.integer({ min: 0x100000, max: 0xfffffff }).map((n) => n.toString(16)),
        (section, id) => {
          const found = detect(
            `<header><a href="/${section}">Documents</a><a href="/clients">Clients</a></header><h1>Invoice #0042</h1><div>Bill to</div><div>Thornfield Hall Events Ltd</div><div>Balance due £680.00</div>` +
              `<a href="https://files.cdn.example/pdf/${id}/Invoice_0042.pdf">Download PDF</a>`,
            `https://app.example/${section}/invoice/${id}`,
          );
          expect(found?.number).toBe('0042');
          expect(found?.pdfCandidates ?? []).not.toContain(`https://app.example/${section}`);
        },
      ),
    );
  });

  it('reads a firm’s bill to its client ("Bill #1047" under a bills route), and not a supplier’s bill that names its vendor, or no client', () => {
    const bill = (party: string, name: string) =>
      `<h1>Bill #1047</h1><button type="button" onclick="window.open('/bills/88213/pdf')">Download PDF</button>` +
      `<div class="field"><span class="label">${party}</span><span>${name}</span></div><div class="field"><span class="label">Email</span><span>ap@hartley.example</span></div>` +
      `<table><tr><td>Total</td><td>$4,150.00</td></tr><tr><td>Paid</td><td>$1,000.00</td></tr><tr><td>Balance due</td><td>$3,150.00</td></tr></table>`;
    fc.assert(
      fc.property(
        fc.constantFrom('https://app.example/nc/#/bills/88213', 'https://app.example/bills/88213', 'https://app.example/billing/88213'),
        fc.constantFrom('Client', 'Customer', 'Bill to', 'Client name'),
        (url, party) => {
          const found = detect(bill(party, 'Eleanor Hartley'), url);
          expect(found).toMatchObject({ number: '1047', kind: 'invoice', customerName: 'Eleanor Hartley', amount: '$3,150.00', pdfUrl: 'https://app.example/bills/88213/pdf' });
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('https://app.example/nc/#/bills/88213', 'https://app.example/bills/88213', 'https://app.example/app/bill?txnId=88213'),
        fc.constantFrom('Vendor', 'Supplier', 'Payee', 'Vendor name', 'Matter'),
        (url, party) => {
          expect(detect(bill(party, 'Cascade Office Supply Co'), url)).toBeUndefined();
        },
      ),
    );
  });

  it('reads what a credit note refunds, in every language we read, over its net total', () => {
    const cases: [lang: string, heading: string, label: string][] = [
      ['en', 'Credit note CN-2026-004', 'Amount to refund'],
      ['en', 'Credit note CN-2026-004', 'Refund due'],
      ['sv', 'Kreditfaktura 2026-004', 'Att återbetala'],
      ['da', 'Kreditnota 2026-004', 'Til tilbagebetaling'],
      ['nb', 'Kreditnota 2026-004', 'Til tilbakebetaling'],
      ['is', 'Kreditreikningur 2026-004', 'Til endurgreiðslu'],
      ['de', 'Gutschrift GS-2026-004', 'Erstattungsbetrag'],
      ['de', 'Gutschrift GS-2026-004', 'Zu erstatten'],
      ['fi', 'Hyvityslasku 2026-004', 'Palautettava'],
      ['nl', 'Creditfactuur 2026-004', 'Terug te betalen'],
      ['fr', 'Avoir AV-2026-004', 'Montant à rembourser'],
      ['it', 'Nota di credito 2026/4', 'Importo da rimborsare'],
      ['pt', 'Nota de crédito NC 2026/4', 'Valor a reembolsar'],
    ];
    for (const [lang, heading, label] of cases) {
      const found = detect(
        `<h1>${heading}</h1><table><tr><td>Netto</td><td>-150,00 €</td></tr><tr><td>VAT 20 %</td><td>-30,00 €</td></tr><tr><td>${label}</td><td>-180,00 €</td></tr></table><a href="/c/4.pdf">PDF</a>`,
        'https://app.example/c/4',
        lang,
      );
      expect(found?.amount, label).toBe('-180,00 €');
    }
  });

  it('reads the customer under a card of its particulars or a letter’s "Addressed to", and its address over the sender’s', () => {
    const cases: [lang: string, heading: string, sender: string, label: string][] = [
      ['sv', 'Offert 2026-114', 'Vår referens', 'Kunduppgifter'],
      ['fr', 'Avoir AV-2026-004', 'Émis par', 'Adressé à'],
      ['en', 'Quote Q-2026-114', 'From', 'Customer details'],
      ['de', 'Angebot AN-2026-114', 'Absender', 'Kundendaten'],
      ['nl', 'Offerte 2026-114', 'Afzender', 'Klantgegevens'],
      ['es', 'Presupuesto P-2026-114', 'Emisor', 'Datos del cliente'],
      ['it', 'Preventivo 2026/114', 'Mittente', 'Dati cliente'],
      ['pt', 'Orçamento 2026/114', 'Emitente', 'Dados do cliente'],
      ['fi', 'Tarjous 2026-114', 'Lähettäjä', 'Asiakastiedot'],
      ['pl', 'Oferta 2026/114', 'Wystawca', 'Dane klienta'],
    ];
    for (const [lang, heading, sender, label] of cases) {
      const found = detect(
        `<h1>${heading}</h1><a href="/q/114.pdf">PDF</a><div><h3>${sender}</h3><p>Torréfaction Martin</p><p>contact@martin.example</p></div>` +
          `<div><h3>${label}</h3><p>Café des Arts</p><p>5 place du Marché</p><p>gestion@cafe-des-arts.example</p></div><p>Total 180,00 €</p>`,
        'https://app.example/q/114',
        lang,
      );
      expect(found?.customerName, label).toBe('Café des Arts');
      expect(found?.recipients[0], label).toBe('gestion@cafe-des-arts.example');
    }
  });

  it('does not take a PDF of terms, a policy or a manual for the document’s', () => {
    const papers = fc.constantFrom(
      ['Terms (PDF)', '/capital/terms.pdf'],
      ['Privacy policy', '/legal/privacy.pdf'],
      ['AGB', '/agb.pdf'],
      ['Conditions générales de vente', '/cgv.pdf'],
      ['User guide (PDF)', '/help/guide.pdf'],
      ['Preisliste 2027', '/downloads/preisliste-2027.pdf'],
      ['Allmänna villkor', '/villkor.pdf'],
    );
    fc.assert(
      fc.property(papers, ([text, href]) => {
        // A page that only mentions an invoice in its text has no document's PDF then, and no button.
        expect(
          detect(
            `<h1>Get paid now</h1><p>Advance on invoice INV-0042 to Thornfield Hall Events Ltd.</p><p>Advance $3,600.00</p><a href="${href}">${text}</a>`,
            'https://app.example/capital/offers/7781',
          ),
        ).toBeUndefined();
        // Beside the document's own PDF, it is not chosen, wherever it stands.
        const found = detect(
          `<a href="${href}">${text}</a><h1>Invoice INV-0042</h1><p>Customer: Thornfield Hall Events Ltd</p><p>Total $4,000.00</p><a href="/i/42/print">Print</a>`,
          'https://app.example/i/42',
        );
        expect(found?.pdfUrl ?? found?.pdfCandidates?.[0]).toBe('https://app.example/i/42/print');
      }),
    );
  });

  it('reads "Serie y número" and "Reference Nbr." as the number where the heading names the kind', () => {
    const cases: [lang: string, heading: string, label: string, number: string][] = [
      ['es', 'Factura electrónica', 'Serie y número', 'A 2026/0871'],
      ['it', 'Fattura elettronica', 'Serie e numero', '2026/FE/0871'],
      ['pt', 'Fatura', 'Série e número', 'FT 2026A/0871'],
      ['en', 'Invoice', 'Reference Nbr.', 'INV004812'],
      ['de', 'Rechnung', 'Referenznr.', 'RE004812'],
    ];
    for (const [lang, heading, label, number] of cases) {
      const found = detect(
        `<h1>${heading}</h1><p>Visor de documentos</p><p>Lavandería Industrial Costa</p><table><tr><th>${label}</th><td>${number}</td></tr></table><p>Total 1.708,20 €</p><a href="/v/1/pdf">PDF</a>`,
        'https://app.example/v/1',
        lang,
      );
      expect(found?.number, label).toBe(number);
    }
  });

  it('reads the kind from a form’s type field where no heading names it, and nothing from a number without a kind', () => {
    const form = (type: string) =>
      `<div class="toolbar"><button type="button" onclick="window.open('/Frames/ReportLauncher.aspx?RefNbr=RE004812&amp;format=PDF')">Print</button></div>` +
      `<table>${type}<tr><td><label for="r">Reference Nbr.:</label></td><td><input id="r" readonly value="RE004812"></td></tr>` +
      `<tr><td><label for="c">Customer:</label></td><td><input id="c" readonly value="C000231 - Hofbräu Catering GmbH"></td></tr>` +
      `<tr><td><label for="a">Amount:</label></td><td><input id="a" readonly value="2,975.00"></td></tr></table>`;
    const cases: [label: string, value: string, kind: string][] = [
      ['Type', 'Invoice', 'invoice'],
      ['Typ', 'Rechnung', 'invoice'],
      ['Document Type', 'Credit Memo', 'credit-note'],
      ['Tipo documento', 'Fattura', 'invoice'],
      ['Belegart', 'Gutschrift', 'credit-note'],
      ['Type de document', 'Facture', 'invoice'],
    ];
    for (const [label, value, kind] of cases) {
      const found = detect(form(`<tr><td><label for="t">${label}:</label></td><td><input id="t" readonly value="${value}"></td></tr>`), 'https://erp.example/Main?ScreenId=AR301000');
      expect(found, label).toMatchObject({ number: 'RE004812', kind, customerName: 'Hofbräu Catering GmbH' });
    }
    // Without the type field, "Reference Nbr." alone names no document.
    expect(detect(form(''), 'https://erp.example/Main?ScreenId=AR301000')).toBeUndefined();
    // A type field whose value is no kind's word alone ("Type: Service invoice reminder text") names none.
    expect(detect(form('<tr><td><label for="t">Type:</label></td><td><input id="t" readonly value="Standard"></td></tr>'), 'https://erp.example/Main?ScreenId=AR301000')).toBeUndefined();
  });

  it('reads what a final invoice still claims after its deposit invoices ("Restforderung", "Noch zu zahlen")', () => {
    for (const label of ['Restforderung', 'Offene Forderung', 'Noch zu zahlen', 'Verbleibender Betrag']) {
      const found = detect(
        `<h1>Schlussrechnung SR-2026-014</h1><a href="/r/14/pdf">PDF</a><p>Auftraggeber: Familie Krüger</p><table><tr><td>Gesamtleistung brutto</td><td>28.560,00 €</td></tr>` +
          `<tr><td>abzgl. 1. Abschlagsrechnung AR-2026-031</td><td>-9.520,00 €</td></tr><tr><td>abzgl. 2. Abschlagsrechnung AR-2026-044</td><td>-9.520,00 €</td></tr><tr><td>${label}</td><td>9.520,00 €</td></tr></table>`,
        'https://app.example/r/14',
        'de',
      );
      expect(found?.amount, label).toBe('9.520,00 €');
    }
  });

  it('puts the address of the seller’s staff, under the seller’s label or its own reference, after the customer contact’s', () => {
    const cases: [lang: string, heading: string, customer: string, contact: string, seller: string][] = [
      ['fi', 'Tarjous 2026-031', 'Asiakas', 'Yhteyshenkilö', 'Myyjä'],
      ['sv', 'Offert 2026-114', 'Kund', 'Kontakt', 'Vår referens'],
      ['en', 'Quote Q-2026-114', 'Customer', 'Contact', 'Our reference'],
      ['de', 'Angebot AN-2026-114', 'Kunde', 'Ansprechpartner', 'Unser Zeichen'],
      ['fr', 'Devis DEV-2026-114', 'Client', 'Contact', 'Notre référence'],
      ['nl', 'Offerte 2026-114', 'Klant', 'Contactpersoon', 'Verkoper'],
    ];
    for (const [lang, heading, customer, contact, seller] of cases) {
      const found = detect(
        `<h2>${heading}</h2><a href="/q/31/pdf">PDF</a><div><label>${customer}</label><span>Laineen LVI Oy</span></div>` +
          `<div><label>${contact}</label><span>Heikki Laine, heikki@laine.example</span></div><div><label>${seller}</label><span>Sari Koski, sari@kattotyo.example</span></div>` +
          `<p>Total 6 275,00 €</p>`,
        'https://app.example/q/31',
        lang,
      );
      expect(found?.recipients[0], seller).toBe('heikki@laine.example');
    }
  });

  it('does not read a status cell of a payment plan ("Offen", "Avoinna", "Outstanding") as the label of the next row’s amount', () => {
    const cases: [lang: string, heading: string, status: string, total: string, amount: string][] = [
      ['de', 'Rechnung RE-2026-0410', 'Offen', 'Gesamtbetrag', '1.190,00 €'],
      ['fi', 'Lasku 100512', 'Avoinna', 'Laskun summa', '1 190,00 €'],
      ['pt', 'Fatura 000318', 'Em aberto', 'Valor total', 'R$ 1.190,00'],
      ['en', 'Invoice INV-0410', 'Outstanding', 'Invoice total', '$1,190.00'],
    ];
    for (const [lang, heading, status, total, amount] of cases) {
      const found = detect(
        `<h1>${heading}</h1><a href="/i/410.pdf">PDF</a><p>${total}: ${amount}</p><table class="plan"><tr><th>Rate</th><th>Fällig</th><th>Betrag</th><th>Status</th></tr>` +
          `<tr><td>1</td><td>01.12.2026</td><td>400,00</td><td>${status}</td></tr><tr><td>2</td><td>01.01.2027</td><td>395,00</td><td>${status}</td></tr><tr><td>3</td><td>01.02.2027</td><td>395,00</td><td>${status}</td></tr></table>`,
        'https://app.example/i/410',
        lang,
      );
      expect(found?.amount, status).toBe(amount);
    }
  });

  it('keeps a contact’s address first where it is the customer’s only one, and puts an address for invoices before it', () => {
    const cases: [lang: string, heading: string, customer: string, contact: string, questions: string][] = [
      ['en', 'Invoice INV-0410', 'Bill to', 'Contact', 'Questions about this invoice? Write to'],
      ['de', 'Rechnung RE-2026-0410', 'Rechnungsempfänger', 'Ansprechpartner', 'Fragen zur Rechnung? Schreiben Sie an'],
      ['nl', 'Factuur 2026-0410', 'Klant', 'Contactpersoon', 'Vragen over deze factuur? Mail naar'],
    ];
    for (const [lang, heading, customer, contact, questions] of cases) {
      const only = detect(
        `<h1>${heading}</h1><a href="/i/410.pdf">PDF</a><div>${customer}</div><div>Acme Trading Ltd</div><div>${contact}: Anna Berg, anna@acme.example</div>` +
          `<table><tr><td>Total</td><td>1.190,00 €</td></tr></table><p>${questions}</p><p>billing@seller.example</p>`,
        'https://app.example/i/410',
        lang,
      );
      expect(only?.recipients[0], contact).toBe('anna@acme.example');
    }
    const found = detect(
      `<h1>Factuur 2026-0142</h1><a href="/i/142/pdf">PDF</a><div><label>Relatie</label><a href="#/relations/311">Zorggroep De Haven</a></div>` +
        `<div><label>Contactpersoon</label><span>Ellen Bakker (e.bakker@dehaven.example)</span></div><div><label>Factuur e-mail</label><span>crediteuren@dehaven.example</span></div><p>Openstaand € 3.630,00</p>`,
      'https://app.example/#/invoices/142',
      'nl',
    );
    expect(found?.recipients[0]).toBe('crediteuren@dehaven.example');
  });
});
