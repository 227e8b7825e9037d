/**
 * Invoice and order pages written in each of the extension's seven languages, and in two it does not
 * speak but writes templates in (Italian, French: the customer's mail is in the page's language), each laid out the way
 * some app does it (headings, tables, definition lists, form fields, a number outside the title,
 * PDF links with and without ".pdf"), sent from the panel to a real SMTP server.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoicePage, type InvoiceSite } from '../helpers/invoice-site';
import { openPanel, openSignedIn, pageScanned, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';

interface LanguageCase {
  language: string;
  page: InvoicePage;
  pdf: Buffer;
  recipient: string;
  subject: string;
  filename: string;
  /** Words the message must carry: what the page said about the customer and the amount. */
  textContains: string[];
}

function invoicePage(path: string, html: string, pdf: InvoicePage['pdf']): InvoicePage {
  return { path, html: `<!doctype html>${html}`, pdf };
}

const CASES: LanguageCase[] = [
  (() => {
    const pdf = testPdf('en INV-1001');
    return {
      language: 'English (a table of labels, the app’s own address in the footer)',
      pdf,
      page: invoicePage(
        '/en/invoices/1001',
        `<html lang="en"><head><meta charset="utf-8"><title>Invoice INV-1001</title></head><body>
        <nav><a href="/en/invoices">Invoices</a> · <a href="/en/customers">Customers</a></nav>
        <h1>Invoice INV-1001</h1>
        <table><tr><th>Bill to</th><td>Acme Ltd</td></tr>
          <tr><th>Email</th><td><a href="mailto:billing@acme.example">billing@acme.example</a></td></tr>
          <tr><th>Amount due</th><td>£1,250.00</td></tr><tr><th>Due date</th><td>2026-12-31</td></tr></table>
        <p><a href="/en/invoices/1001.pdf" download="Invoice-INV-1001.pdf">Download PDF</a></p>
        <footer>Questions? <a href="mailto:support@invoiceapp.example">support@invoiceapp.example</a></footer></body></html>`,
        { path: '/en/invoices/1001.pdf', bytes: pdf },
      ),
      recipient: 'billing@acme.example',
      subject: 'Invoice INV-1001',
      filename: 'Invoice-INV-1001.pdf',
      textContains: ['Acme Ltd', '£1,250.00', '2026-12-31'],
    };
  })(),
  (() => {
    const pdf = testPdf('pl FV/2026/11/042');
    return {
      language: 'Polish (a definition list, the address as plain text, no lang attribute)',
      pdf,
      page: invoicePage(
        '/pl/faktury/42',
        `<html><head><meta charset="utf-8"><title>Faktury</title></head><body>
        <h2>Faktura VAT nr FV/2026/11/042</h2>
        <dl><dt>Nabywca</dt><dd>Kowalski Sp. z o.o.</dd><dt>Adres e-mail</dt><dd>ksiegowosc@kowalski.pl</dd>
          <dt>Do zapłaty</dt><dd>4 920,00 zł</dd><dt>Termin płatności</dt><dd>15.12.2026</dd></dl>
        <a href="/pl/faktury/42/pdf">Pobierz PDF</a></body></html>`,
        { path: '/pl/faktury/42/pdf', bytes: pdf, disposition: 'attachment; filename="FV-2026-11-042.pdf"' },
      ),
      recipient: 'ksiegowosc@kowalski.pl',
      subject: 'Faktura FV/2026/11/042',
      filename: 'FV-2026-11-042.pdf',
      textContains: ['4 920,00 zł', '15.12.2026'],
    };
  })(),
  (() => {
    const pdf = testPdf('sv 2026-0042');
    return {
      language: 'Swedish (the address in an e-mail field)',
      pdf,
      page: invoicePage(
        '/sv/fakturor/42',
        `<html lang="sv"><head><meta charset="utf-8"><title>Faktura 2026-0042 · Fakturera</title></head><body>
        <h1>Faktura 2026-0042</h1>
        <p>Kund: <strong>Kund AB</strong></p>
        <label>E-post <input type="email" value="ekonomi@kund.se"></label>
        <p>Att betala: 12 500,00 SEK · Förfallodatum 2026-12-23</p>
        <p><a href="/sv/fakturor/42/pdf" class="btn">Ladda ner PDF</a></p></body></html>`,
        { path: '/sv/fakturor/42/pdf', bytes: pdf, disposition: 'attachment; filename="Faktura-2026-0042.pdf"' },
      ),
      recipient: 'ekonomi@kund.se',
      subject: 'Faktura 2026-0042',
      filename: 'Faktura-2026-0042.pdf',
      textContains: ['Kund AB', '12 500,00 SEK', '2026-12-23'],
    };
  })(),
  (() => {
    const pdf = testPdf('da 5531');
    return {
      language: 'Danish (a PDF link without .pdf, found by asking the site; a delete link never touched)',
      pdf,
      page: invoicePage(
        '/da/fakturaer/5531',
        `<html lang="da"><head><meta charset="utf-8"><title>Faktura</title></head><body>
        <h1>Faktura nr. 5531</h1>
        <div><span>Kunde:</span> <span>Hansen ApS</span></div><div>Kontakt: regnskab@hansen.dk</div>
        <div>At betale: 3.750,00 kr.</div>
        <p><a href="/da/fakturaer/5531/slet">Slet faktura</a> <a href="/da/dokumenter/7f3a9c/hent">Hent dokument</a></p></body></html>`,
        { path: '/da/dokumenter/7f3a9c/hent', bytes: pdf, disposition: 'attachment; filename="Faktura-5531.pdf"' },
      ),
      recipient: 'regnskab@hansen.dk',
      subject: 'Faktura 5531',
      filename: 'Faktura-5531.pdf',
      textContains: ['Hansen ApS', '3.750,00 kr.'],
    };
  })(),
  (() => {
    const pdf = testPdf('nb 88-1207');
    return {
      language: 'Norwegian (an order number outside the title; a PDF link without .pdf on a site that refuses HEAD)',
      pdf,
      page: invoicePage(
        '/nb/ordre/881207',
        `<html lang="nb"><head><meta charset="utf-8"><title>Ordre</title></head><body>
        <h1>Ordrebekreftelse</h1>
        <p>Ordrenummer: 88-1207</p><p>Kunde: Nordmann AS</p>
        <p>E-post: <a href="mailto:post@nordmann.no">post@nordmann.no</a></p>
        <p>Å betale: kr 2 300,00</p><p>Forfallsdato: 01.12.2026</p>
        <a href="/nb/ordre/881207/utskrift">Skriv ut</a></body></html>`,
        { path: '/nb/ordre/881207/utskrift', bytes: pdf, disposition: 'inline; filename="Ordre-88-1207.pdf"', refuseHead: true },
      ),
      recipient: 'post@nordmann.no',
      // An order confirmation is worded as one (issue 21: templates per kind of document), not as an invoice.
      subject: 'Ordrebekreftelse 88-1207',
      filename: 'Ordre-88-1207.pdf',
      textContains: ['Nordmann AS', 'Takk for bestillingen', 'ordrebekreftelse 88-1207'],
    };
  })(),
  (() => {
    const pdf = testPdf('is 10045');
    return {
      language: 'Icelandic (no lang attribute)',
      pdf,
      page: invoicePage(
        '/is/reikningar/10045',
        `<html><head><meta charset="utf-8"><title>Reikningar</title></head><body>
        <h1>Reikningur nr. 10045</h1>
        <p>Viðskiptavinur: Jón Jónsson ehf.</p><p>Netfang: <a href="mailto:jon@jonsson.is">jon@jonsson.is</a></p>
        <p>Til greiðslu: 45.000 kr.</p><p>Gjalddagi: 05.01.2027</p>
        <a href="/is/reikningar/10045.pdf">Sækja reikning</a></body></html>`,
        { path: '/is/reikningar/10045.pdf', bytes: pdf },
      ),
      recipient: 'jon@jonsson.is',
      subject: 'Reikningur 10045',
      filename: '10045.pdf',
      textContains: ['45.000 kr.', '05.01.2027'],
    };
  })(),
  (() => {
    const pdf = testPdf('de RE-2026/17');
    return {
      language: 'German (labels in table cells, the number below a bare title, no lang attribute)',
      pdf,
      page: invoicePage(
        '/de/rechnungen/17',
        `<html><head><meta charset="utf-8"><title>Rechnung</title></head><body>
        <h1>Rechnung</h1>
        <table><tr><td>Rechnungsnummer:</td><td>RE-2026/17</td></tr><tr><td>Kunde:</td><td>Müller GmbH</td></tr>
          <tr><td>E-Mail:</td><td>buchhaltung@mueller.de</td></tr><tr><td>Gesamtbetrag:</td><td>1.190,00 €</td></tr>
          <tr><td>Fällig am:</td><td>30.11.2026</td></tr></table>
        <a href="/de/rechnungen/17/pdf" title="Als PDF herunterladen">Herunterladen</a></body></html>`,
        { path: '/de/rechnungen/17/pdf', bytes: pdf, disposition: "attachment; filename*=UTF-8''Rechnung%20RE-2026-17.pdf" },
      ),
      recipient: 'buchhaltung@mueller.de',
      subject: 'Rechnung RE-2026/17',
      filename: 'Rechnung RE-2026-17.pdf',
      textContains: ['1.190,00 €', '30.11.2026'],
    };
  })(),
  (() => {
    const pdf = testPdf('it 2026/042');
    return {
      language: 'Italian (a language the UI does not speak: the mail is still written in Italian)',
      pdf,
      page: invoicePage(
        '/it/fatture/42',
        `<html lang="it"><head><meta charset="utf-8"><title>Fattura 2026/042</title></head><body>
        <h1>Fattura n. 2026/042</h1>
        <table><tr><th>Cliente</th><td>Rossi S.r.l.</td></tr><tr><th>Email</th><td>amministrazione@rossi.it</td></tr>
          <tr><th>Totale da pagare</th><td>1.250,00 €</td></tr><tr><th>Scadenza</th><td>31/12/2026</td></tr></table>
        <a href="/it/fatture/42/pdf">Scarica PDF</a></body></html>`,
        { path: '/it/fatture/42/pdf', bytes: pdf, disposition: 'attachment; filename="Fattura-2026-042.pdf"' },
      ),
      recipient: 'amministrazione@rossi.it',
      subject: 'Fattura 2026/042',
      filename: 'Fattura-2026-042.pdf',
      textContains: ['Buongiorno Rossi S.r.l.,', 'in allegato Le trasmettiamo la fattura 2026/042', '1.250,00 €', 'Cordiali saluti'],
    };
  })(),
  (() => {
    const pdf = testPdf('fr F-2026-118');
    return {
      language: 'French (a language the UI does not speak: the mail is still written in French)',
      pdf,
      page: invoicePage(
        '/fr/factures/118',
        `<html lang="fr"><head><meta charset="utf-8"><title>Facture F-2026-118</title></head><body>
        <h1>Facture F-2026-118</h1>
        <dl><dt>Client</dt><dd>Dupont SARL</dd><dt>E-mail</dt><dd>compta@dupont.fr</dd>
          <dt>Net à payer</dt><dd>2 400,00 €</dd><dt>Date d’échéance</dt><dd>15/01/2027</dd></dl>
        <a href="/fr/factures/118.pdf">Télécharger le PDF</a></body></html>`,
        { path: '/fr/factures/118.pdf', bytes: pdf },
      ),
      recipient: 'compta@dupont.fr',
      subject: 'Facture F-2026-118',
      filename: '118.pdf',
      textContains: ['Bonjour Dupont SARL,', 'Veuillez trouver ci-joint la facture F-2026-118.', 'Montant à régler\u00a0: 2 400,00 €', 'Bien cordialement'],
    };
  })(),
];

const DASHBOARD = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Übersicht</title></head><body>
  <h1>Übersicht</h1><p>Offene Rechnungen: 3 · Bestellungen heute: 12</p>
  <p>Kontakt: <a href="mailto:hilfe@app.example">hilfe@app.example</a></p>
  <a href="/de/bericht.pdf">Monatsbericht (PDF)</a></body></html>`;

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([...CASES.map((c) => c.page), { path: '/de/dashboard', html: DASHBOARD }]);
  page = await setup.browser.context.newPage();
});

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

describe('invoice pages in seven languages and two more', () => {
  it('shows no button on a page that is not a document, even with a PDF link and an address on it', async () => {
    await openSignedIn(page, site.origin, '/de/dashboard');
    await page.waitForLoadState('load');
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);
  });

  for (const [index, c] of CASES.entries()) {
    it(`sends the ${c.language} page's document to its customer, byte for byte`, async () => {
      await openSignedIn(page, site.origin, c.page.path);
      const panel = await openPanel(page);
      await expect.poll(() => panel.getByTestId('ownpost-panel').isVisible()).toBe(true);
      expect(await panel.getByTestId('ownpost-to').inputValue()).toBe(c.recipient);
      await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toBe(c.subject);
      await expect.poll(() => panel.getByTestId('ownpost-from').inputValue()).toBe(setup.profileId);
      await expect.poll(() => panel.getByTestId('ownpost-attachment').textContent(), { timeout: 10_000 }).toContain(c.filename);

      await panel.getByTestId('ownpost-submit').click();
      await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');

      const mail = (await setup.smtp.waitForMessages(index + 1))[index]!;
      expect(mail.envelope.to).toEqual([c.recipient]);
      expect(mail.parsed.subject).toBe(c.subject);
      for (const words of c.textContains) expect(mail.parsed.text).toContain(words);
      expect(mail.parsed.attachments).toHaveLength(1);
      expect(mail.parsed.attachments[0]!.filename).toBe(c.filename);
      expect(Buffer.compare(mail.parsed.attachments[0]!.content, c.pdf)).toBe(0);
    });
  }

  it('asked the site about links without .pdf with HEAD, fell back to a cut-short GET only where HEAD is refused, and never touched the delete link', () => {
    const count = (method: string, path: string) => site.requests.filter((r) => r.method === method && r.path === path).length;
    // Danish: HEAD said application/pdf; then one download, which the panel showed and Send reused.
    expect(count('HEAD', '/da/dokumenter/7f3a9c/hent')).toBe(1);
    expect(count('GET', '/da/dokumenter/7f3a9c/hent')).toBe(1);
    // Norwegian: HEAD refused with 405, so one GET read only the first bytes; then the one download.
    expect(count('HEAD', '/nb/ordre/881207/utskrift')).toBe(1);
    expect(count('GET', '/nb/ordre/881207/utskrift')).toBe(2);
    expect(site.requests.filter((r) => r.path.includes('/slet'))).toEqual([]);
    expect(site.requests.filter((r) => r.path.startsWith('/da/') || r.path.startsWith('/nb/')).every((r) => r.withSession)).toBe(true);
    expect(site.refusedPdfRequests).toBe(0);
  });

  it('shows on the next visit that the document was already sent, and to whom', async () => {
    await openSignedIn(page, site.origin, CASES[0]!.page.path);
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-history').textContent(), { timeout: 10_000 }).toContain(CASES[0]!.recipient);
  });
});
