/**
 * Classes of pages the twenty-fourth held-out corpus round found (issue 16), each read through the
 * public detector with another wording, language or markup than the round's fixture: the number
 * labels of the languages read since round 14 ("Číslo dokladu", "Broj dokumenta", "Sorszám") and an
 * app's "ID#"; whole names of a kind that qualify it ("Faktura VAT marża", "Minuta de honorarios"); a
 * numbering settings page's "next number" and sample in those languages; a customer's number in its
 * register after its name; and a utility's "Account holder". From the second set and the fixes in the
 * detector's own files: "Label: value" cells of two fields in one column (no list), a sheet's heading
 * that names the kind alone over a title naming the app's screen, an amount written in parts, a menu
 * link named for what it does, and a parties table's columns under their headings.
 */
import { describe, expect, it } from 'vitest';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang = 'en', title = '') => detectFirstDocument(html, { url, lang, title });

describe('the twenty-fourth round’s numbers', () => {
  it('reads a document number after the generic number labels of Czech, Slovak, Croatian and Hungarian, also in a readonly input', () => {
    const czech = `<h2>Faktura vydaná</h2><form><label for="c">Číslo dokladu</label><input id="c" readonly value="2026-FV-118">
      <label for="o">Odběratel</label><input id="o" readonly value="Pekárna Lipová s.r.o."><label for="k">K úhradě</label><input id="k" readonly value="12 100,00 Kč"></form>
      <a href="/faktury/118/tisk.pdf">Tisk</a>`;
    expect(detect(czech, 'https://erp.example.cz/faktury/118', 'cs')).toMatchObject({ number: '2026-FV-118', kind: 'invoice', amount: '12 100,00 Kč' });
    const croatian = `<h1>Račun</h1><table><tr><td>Broj dokumenta:</td><td>77-2-1</td></tr><tr><td>Kupac:</td><td>Obrt Horvat</td></tr></table><p>Ukupno: 250,00 EUR</p>
      <a href="/racuni/77/pdf">PDF</a>`;
    expect(detect(croatian, 'https://app.example.hr/racuni/77', 'hr')?.number).toBe('77-2-1');
    const hungarian = `<h1>Számla</h1><dl><dt>Sorszám</dt><dd>KSZ-2026-0042</dd><dt>Vevő</dt><dd>Tisza Agro Kft.</dd></dl><p>Fizetendő: 88 900 Ft</p><a href="/szamlak/42.pdf">PDF</a>`;
    expect(detect(hungarian, 'https://app.example.hu/szamlak/42', 'hu')?.number).toBe('KSZ-2026-0042');
  });

  it('reads the number after an app’s "ID#" under a heading that names the kind', () => {
    const html = `<h2 class="title">Owner Invoice</h2><div class="grid"><div><label>Title</label><div>Draw 3 – framing</div></div><div><label>ID#</label><div>118-03</div></div>
      <div><label>Client</label><div>Marsh Creek HOA</div></div></div><p>Total: $4,200.00</p><button data-url="/api/invoices/118/pdf">Export PDF</button>`;
    expect(detect(html, 'https://builder.example/app/ChangeOrders/118')).toMatchObject({ number: '118-03', kind: 'invoice' });
  });

  it('reads a kind’s whole qualified name before its number: a margin-scheme invoice, a fee note', () => {
    const margin = `<h1>Faktura marża nr 7/12/2026</h1><div><b>Nabywca</b><p>Ewa Zielińska</p></div><p>Do zapłaty: 1 250,00 zł</p><a href="/faktury/7/pdf">Pobierz</a>`;
    expect(detect(margin, 'https://antyki.example.pl/faktury/7', 'pl')).toMatchObject({ number: '7/12/2026', kind: 'invoice' });
    const feeNote = `<h2>Minuta MN-2026-031</h2><p>Cliente: Ruiz y Asociados, S.C.</p><table><tr><td>Total</td><td>1.936,00 €</td></tr><tr><td>Provisión de fondos</td><td>-968,00 €</td></tr>
      <tr><td><b>Importe pendiente de pago</b></td><td><b>968,00 €</b></td></tr></table><a href="/minutas/31.pdf">Descargar</a>`;
    expect(detect(feeNote, 'https://gestoria.example.es/minutas/31', 'es')).toMatchObject({ number: 'MN-2026-031', kind: 'invoice', amount: '968,00 €' });
  });
});

describe('the twenty-fourth round’s second set', () => {
  it('reads a French-speaking Swiss or Belgian "Offre" as a quote', () => {
    const html = `<h2>Offre de prix 2026-044</h2><p>Client : Brasserie du Parc SRL</p><p>Total TVAC : 3.146,00 €</p><a href="/offres/44/pdf">Télécharger</a>`;
    expect(detect(html, 'https://app.example.be/offres/44', 'fr-BE')).toMatchObject({ number: '2026-044', kind: 'quote' });
  });

  it('drops a company’s Czech or Croatian registration number in parentheses after its name', () => {
    const czech = `<h1>Faktura 2026-0091</h1><p>Odběratel: Strojírna Beneš a.s. (IČO 25596641)</p><p>K úhradě: 9 680,00 Kč</p><a href="/f/91.pdf">PDF</a>`;
    expect(detect(czech, 'https://app.example.cz/faktury/91', 'cs')?.customerName).toBe('Strojírna Beneš a.s.');
    const croatian = `<h1>Račun 12-1-1</h1><table><tr><td>Kupac</td><td>Jadran Plov d.o.o. (OIB 55120931488)</td></tr></table><p>Za platiti: 400,00 EUR</p><a href="/r/12.pdf">PDF</a>`;
    expect(detect(croatian, 'https://app.example.hr/racuni/12', 'hr')?.customerName).toBe('Jadran Plov d.o.o.');
  });
});

describe('the twenty-fourth round’s pages that are no document', () => {
  it('takes no number a settings page shows as the next one or as a sample, in the languages read since', () => {
    const croatian = `<h1>Numeracija računa</h1><p>Sljedeći račun: 15-1-1</p><div><h3>Primjer računa</h3><p>Račun 1-1-1</p><p>Kupac: Primjer d.o.o.</p><p>Ukupno: 100,00 EUR</p>
      <a href="/postavke/primjer.pdf">Primjer PDF</a></div>`;
    expect(detect(croatian, 'https://app.example.hr/postavke/numeracija', 'hr')).toBeUndefined();
    const estonian = `<h1>Arvete numeratsioon</h1><p>Järgmine arve: 2026-0412</p><a href="/seaded/naidis.pdf">Näidis PDF</a>`;
    expect(detect(estonian, 'https://app.example.ee/seaded/numeratsioon', 'et')).toBeUndefined();
  });
});

describe('the twenty-fourth round’s customers', () => {
  it('drops the customer’s number in the app’s register after its name, as a card shows it', () => {
    const german = `<h1>Rechnung RE-4410</h1><div><span>Kunde</span><span>Bäckerei Kranz GmbH (Kd.-Nr. 20117)</span></div><p>Zu zahlen: 430,00 €</p><a href="/re/4410.pdf">PDF</a>`;
    expect(detect(german, 'https://app.example.de/rechnungen/4410', 'de')?.customerName).toBe('Bäckerei Kranz GmbH');
    const english = `<h1>Invoice 5120</h1><p>Customer: Tidewater Marine (customer no. C-0931)</p><p>Amount due: $310.00</p><a href="/inv/5120.pdf">PDF</a>`;
    expect(detect(english, 'https://app.example/invoices/5120')?.customerName).toBe('Tidewater Marine');
  });

  it('reads a utility bill’s "Account holder" as the customer', () => {
    const html = `<h1>Tax Invoice 30771245</h1><div><h4>Account holder</h4><p>Priya Raman</p><p>priya.raman@mail.example.com</p></div><p>Amount due $98.40</p>
      <a href="/bills/30771245.pdf">View bill</a>`;
    expect(detect(html, 'https://billing.energy.example/bills/30771245')).toMatchObject({ customerName: 'Priya Raman', recipients: ['priya.raman@mail.example.com'] });
  });
});

describe('the twenty-fourth round’s tables and parts', () => {
  it('reads "Label: value" cells of two fields in one column as the document’s facts, not as the rows of a list', () => {
    const html = `<h2>GST Invoice</h2><table><tr><td>Invoice No: KH/26/0912</td><td>Order No: 4471-88213</td></tr><tr><td>Invoice Date: 01-12-2026</td><td>Order Date: 29-11-2026</td></tr></table>
      <p>Bill To: Rohan Mehta</p><p>Grand Total ₹ 2,450.00</p><a href="/seller/invoices/912/download">Download</a>`;
    expect(detect(html, 'https://seller.example/orders/4471-88213')).toMatchObject({ number: 'KH/26/0912', kind: 'invoice' });
  });

  it('takes the kind a sheet’s heading names alone over a window title that names the app’s screen', () => {
    const html = `<h1>Credit Note</h1><table><tr><td>Credit Note No: CN-2207</td><td>Order No: 88120</td></tr></table><p>Customer: Holm Garden Ltd</p><p>Total: £96.00</p>
      <a href="/docs/cn-2207.pdf">PDF</a>`;
    expect(detect(html, 'https://shop.example/admin/orders/88120/documents', 'en', 'Order details – Shop admin')).toMatchObject({ number: 'CN-2207', kind: 'credit-note' });
  });

  it('reads an amount written in parts (whole, decimals, currency as elements of their own) whole', () => {
    const html = `<h1>Rechnung RE-7781</h1><p>Kunde: Weber Messebau GmbH</p><div><span>Zu zahlen</span> <span class="amt"><span>12.480</span><span class="dec">,90</span> <span>€</span></span></div>
      <a href="/re/7781.pdf">PDF</a>`;
    expect(detect(html, 'https://app.example.de/rechnungen/7781', 'de')?.amount).toBe('12.480,90 €');
  });

  it('reads no customer from a menu link named for what it does ("Client list", "Customer lookup")', () => {
    const html = `<nav><a href="/clients">Client list</a> <a href="/lookup">Customer lookup</a></nav><h1>Invoice 3318</h1><div><h4>Billed to</h4><p>Orchard Lane Dental</p></div>
      <p>Balance due $640.00</p><a href="/invoices/3318.pdf">PDF</a>`;
    expect(detect(html, 'https://app.example/invoices/3318')?.customerName).toBe('Orchard Lane Dental');
  });

  it('reads the buyer’s column of a parties table, its contact rows under a heading row of their own, for the customer and the recipient', () => {
    const html = `<h1>Faktura 55120</h1><table><tr><th>Säljare</th><th>Köpare</th></tr><tr><td>Nordvik Verktyg AB<br>Org.nr 556677-1122</td><td>Bergslagens Bygg AB<br>Storgatan 4, 711 30 Lindesberg</td></tr>
      <tr><th>Kontakt</th><th>Kontakt</th></tr><tr><td>order@nordvik.example.se</td><td>faktura@bergslagensbygg.example.se</td></tr></table><p>Att betala: 8 750,00 kr</p><a href="/f/55120.pdf">PDF</a>`;
    expect(detect(html, 'https://bokforing.example/fakturor/55120', 'sv')).toMatchObject({
      customerName: 'Bergslagens Bygg AB',
      recipients: ['faktura@bergslagensbygg.example.se', 'order@nordvik.example.se'],
    });
  });
});

describe('French amounts due after the templates round', () => {
  it('reads "Montant à régler" and "Total à régler" as the amount due over the total before a deposit', () => {
    const html = `<h1>Facture FA-2026-0214</h1><p>Client : Atelier Brun SARL</p><table><tr><td>Total TTC</td><td>2 400,00 €</td></tr>
      <tr><td>Acompte versé</td><td>-800,00 €</td></tr><tr><td><b>Montant à régler</b></td><td><b>1 600,00 €</b></td></tr></table><a href="/factures/214.pdf">PDF</a>`;
    expect(detect(html, 'https://gestion.example.fr/factures/214', 'fr')).toMatchObject({ number: 'FA-2026-0214', amount: '1 600,00 €' });
    const total = `<h1>Facture 2026-77</h1><dl><dt>Client</dt><dd>Boulangerie Morel</dd><dt>Total HT</dt><dd>500,00 €</dd><dt>Total à régler</dt><dd>600,00 €</dd></dl><a href="/f/77.pdf">PDF</a>`;
    expect(detect(total, 'https://gestion.example.fr/f/77', 'fr')?.amount).toBe('600,00 €');
  });
});
