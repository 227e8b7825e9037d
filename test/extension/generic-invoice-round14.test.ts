/**
 * Classes of pages the fourteenth held-out corpus round found (issue 16), each read through the public
 * detector: a record screen titled by its customer's company name with only a contact person
 * labelled, a customer picker's option with the customer's number before the name, a label cell
 * whose value cell holds a code (the next row is another field), a sample letter's section, a
 * record address under a kind's plural ("action_quotations/77") with only the number as heading,
 * a company's contact shown after it ("Jade Tea House Ltd, Mr. Wong"), a dollar with its country
 * after the amount ("1 725,00 $ CA"), and a buyer's whole address in one element below a grid of fields.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../extension/sites/amounts';
import { parseNameValue } from '../../extension/sites/page-labels';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url?: string, lang = 'en', title = '') => detectFirstDocument(html, { url, lang, title });

/** Company names as customers write them: one or two words and a legal form. */
const companyName = fc
  .tuple(
    fc.constantFrom('Kotileipomo', 'Greenleaf', 'Fjellbygg', 'Harbourside', 'Bäckerei', 'Café'),
    fc.constantFrom('Virtanen', 'Landscaping', 'Nord', 'Joinery', 'Lindner', 'Havblik'),
    fc.constantFrom('Oy', 'LLC', 'AS', 'Ltd', 'GmbH', 'ApS', 'AB', 'S.L.', 'Ltda', 'ehf.'),
  )
  .map(([a, b, form]) => `${a} ${b} ${form}`);

/** A person's name, as a contact person's field shows it. */
const personName = fc.tuple(fc.constantFrom('Sanna', 'Mike', 'Ola', 'Anna', 'Jonas'), fc.constantFrom('Virtanen', 'Ross', 'Nordmann', 'Ek', 'Berg')).map(([a, b]) => `${a} ${b}`);

describe('the fourteenth round’s classes', () => {
  it('takes a heading that is a company’s name for the customer before a contact person’s label, or where nothing is labelled', () => {
    fc.assert(
      fc.property(companyName, personName, fc.boolean(), (company, person, contactLabelled) => {
        const contact = contactLabelled ? `<div><span>Yhteyshenkilö</span> <span>${person}</span></div>` : '';
        const found = detect(
          `<h1>${company}</h1><div><span>Laskun numero</span> <span>10452</span></div>${contact}<div><span>Sähköposti</span> <span>laskut@asiakas.example.fi</span></div><p>Yhteensä 1 240,00 €</p><a href="/laskut/10452/pdf">Lataa PDF</a>`,
          'https://app.example.fi/laskut/10452',
          'fi',
        );
        expect(found?.number).toBe('10452');
        expect(found?.customerName).toBe(company);
      }),
      { numRuns: 40 },
    );
  });

  it('does not take a heading for the customer where a customer label names one, nor a heading that is no company', () => {
    const labelled = detect(
      `<h1>Harbourside Joinery Ltd</h1><h2>Invoice INV-0193</h2><dl><dt>Bill To</dt><dd>Bondi Beach Cafe Pty</dd><dt>Email</dt><dd>accounts@bondi.example</dd></dl><p>Total A$3,300.00</p><a href="/inv/193.pdf">PDF</a>`,
    );
    expect(labelled?.customerName).toBe('Bondi Beach Cafe Pty');
    const plain = detect(
      `<h1>Invoice details</h1><div><span>Invoice#</span> <span>INV-000231</span></div><div>Contact: Mike Ross</div><p>Balance Due US$1,085.00</p><a href="/api/inv/231?accept=pdf">PDF</a>`,
    );
    expect(plain?.customerName).toBe('Mike Ross');
  });

  it('reads a customer picker’s option without the customer’s number before the name', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 999999 }), fc.constantFrom(' - ', ' – ', ': ', '-'), companyName, (customerNumber, separator, company) => {
        const option = separator === '-' ? `[${customerNumber}] ${company}` : `${customerNumber}${separator}${company}`;
        expect(parseNameValue(option)).toBe(company);
      }),
    );
    // A name that starts with digits of its own stays whole.
    expect(parseNameValue('3M Svenska AB')).toBe('3M Svenska AB');
    expect(parseNameValue('1042 - 2026')).toBeUndefined();
    const found = detect(
      `<div role="tablist"><a role="tab" aria-selected="true" href="/order">Order</a></div><label for="n">Ordernr</label><input id="n" readonly value="5512"><label for="c">Kund</label><select id="c"><option>1001 - Alfa Bygg AB</option><option selected>1042 - Byggvaror i Mälardalen AB</option></select><label for="m">E-post</label><input id="m" value="inkop@byggvaror.example.se"><p>Att betala 12 500,00 SEK</p>`,
      'https://apps.example.se/order/edit/5512',
      'sv',
    );
    expect(found?.customerName).toBe('Byggvaror i Mälardalen AB');
  });

  it('ends a customer label’s search at its own table row: the next row is another field’s label', () => {
    const found = detect(
      `<div class="refid">CO2611-0042</div><table><tr><td>Réf. client</td><td>BC-7781</td></tr><tr><td>Tiers</td><td><a href="/societe/card.php?socid=17">Épicerie Laurier inc.</a></td></tr><tr><td>Courriel</td><td>achats@laurier.example.ca</td></tr><tr><td>Montant TTC</td><td>1 725,00 $</td></tr></table><table><tr><td>Commande</td><td><a href="/document.php?file=CO2611-0042%2FCO2611-0042.pdf">CO2611-0042.pdf</a></td></tr></table>`,
      'https://erp.example.ca/commande/card.php?id=42',
      'fr',
    );
    expect(found?.number).toBe('CO2611-0042');
    expect(found?.customerName).toBe('Épicerie Laurier inc.');
  });

  it('reads no document in a section whose heading names a sample letter, in the languages we read', () => {
    for (const [heading, lang, letter] of [
      ['Exempelbrev', 'sv', 'Påminnelse för faktura 1001'],
      ['Beispielbrief', 'de', 'Mahnung zur Rechnung 1001'],
      ['Eksempelbrev', 'da', 'Rykker for faktura 1001'],
      ['Sample letter', 'en', 'Reminder for invoice 1001'],
      ['Voorbeeldbrief', 'nl', 'Herinnering factuur 1001'],
    ] as const) {
      const page = `<h1>Levels</h1><table><tr><td>1</td><td>7</td><td>60,00</td></tr></table><h2>${heading}</h2><div><p>Kund AB</p><p><b>${letter}</b></p><p>1 250,00 kr</p></div><input type="email" value="faktura@mittforetag.example"><a href="/levels/sample.pdf">PDF</a>`;
      expect(detect(page, 'https://app.example/reminders/levels', lang), heading).toBeUndefined();
      // The same letter under a heading that names no sample is a document.
      expect(detect(page.replace(heading, 'Brev'), 'https://app.example/reminders/levels', lang)?.number, heading).toBe('1001');
    }
  });

  it('reads a heading that is the number alone where the record’s address names the kind’s plural', () => {
    for (const [plural, kind] of [
      ['quotations', 'quote'],
      ['cotizaciones', 'quote'],
      ['invoices', 'invoice'],
    ] as const) {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 99999 }), (id) => {
          const found = detect(
            `<div class="o_form_sheet"><h1><span>S${String(id).padStart(5, '0')}</span></h1><table><tr><td><label>Email</label></td><td>buyer@tea.example.hk</td></tr></table><p>Total: HK$ 12,800.00</p></div>`,
            `https://erp.example.hk/odoo/action-sale.action_${plural}/${id}`,
            'en',
            'Odoo',
          );
          expect(found?.number).toBe(`S${String(id).padStart(5, '0')}`);
          expect(found?.kind).toBe(kind);
        }),
        { numRuns: 10 },
      );
    }
  });

  it('reads a company’s name without its contact person shown after a comma, and keeps a name whose first part is no company', () => {
    fc.assert(
      fc.property(companyName, personName, fc.constantFrom('', 'Mr. ', 'Ms. '), (company, person, title) => {
        expect(parseNameValue(`${company}, ${title}${person}`)).toBe(company);
      }),
    );
    expect(parseNameValue('Vandelay, Art')).toBe('Vandelay, Art');
    expect(parseNameValue('Acme, Inc.')).toBe('Acme, Inc.');
  });

  it('reads a dollar with its country after the amount, as French-speaking Canada prints it', () => {
    const format = new Intl.NumberFormat('fr-CA', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -9_999_999, max: 9_999_999 }), fc.constantFrom('CA', 'CAN', 'US', 'AU'), fc.constantFrom(' ', '\u00a0', ''), (cents, country, space) => {
        const amount = `${format.format(cents / 100)} $${space}${country}`;
        expect(parseAmount(`Montant TTC ${amount}`)).toBe(amount);
      }),
    );
    // A word after the dollar is no country's: "$ Canada" leaves the dollar alone.
    expect(parseAmount('1 725,00 $ Canada')).toBe('1 725,00 $');
  });

  it('reads the buyer’s name from an address in one element after a grid of label and value divs', () => {
    fc.assert(
      fc.property(companyName, personName, (company, person) => {
        const found = detect(
          `<h1>HYVITYSLASKU</h1><div class="grid"><div>Numero</div><div>2026-0057</div><div>Päivämäärä</div><div>26.11.2026</div><div>Hyvitettävä lasku</div><div>2026-0031</div><div>Viitteenne</div><div>${person}</div></div><div class="buyer">${company}<br>Kauppakatu 3, 40100 Jyväskylä<br>talous@asiakas.example.fi</div><p><b>Hyvitys yhteensä: -620,00 €</b></p>`,
          'https://laskutus.example.fi/tulosta/hyvitys/57',
          'fi',
        );
        expect(found?.number).toBe('2026-0057');
        expect(found?.customerName).toBe(company);
      }),
      { numRuns: 30 },
    );
  });
});
