/**
 * Classes of pages that two whole apps built for test/e2e/unseen-apps-2.test.ts found (issue 16), read
 * through the public detector: a form's title whose kind is a small label over a heading that is the
 * number alone (Odoo's "Klantfactuur" over "INV/2026/00042"), with no PDF link; a discussion beside
 * the record (Odoo's chatter) whose messages quote other people's addresses; and a PHP app's record
 * tabs ("Factura a cliente | Contactos | Notas", Dolibarr) above the third party ("Tercero") with no
 * e-mail on the page; and an editor's card headed by the customer's label whose combobox is labelled
 * the same ("Klient" over "Klient: Przedsiębiorstwo …", Invoice Ninja), its contact below.
 */
import { describe, expect, it } from 'vitest';
import { mayShowDocument } from '../../extension/sites/document-hint';
import { detectFirstDocument } from './detect-page';

const detect = (html: string, url: string, lang = '', title = '') => detectFirstDocument(html, { url, lang, title });

const ODOO_URL = 'https://erp.example/web#id=42&cids=1&menu_id=115&action=231&model=account.move&view_type=form';

const odooForm = (chatter: string) => `<div class="o_form_sheet"><div class="oe_title"><span class="o_form_label">Klantfactuur</span>
  <h1><div name="name" class="o_field_widget o_field_char"><span>INV/2026/00042</span></div></h1></div>
  <div class="o_inner_group"><div class="o_wrap_label"><label class="o_form_label" for="partner_id_0">Klant</label></div>
  <div name="partner_id" class="o_field_widget"><a class="o_form_uri" href="#id=7&model=res.partner"><span>Bakkerij De Gouden Korst B.V.</span></a></div>
  <div class="o_wrap_label"><label class="o_form_label">Vervaldatum</label></div><div name="invoice_date_due" class="o_field_widget"><span>21-12-2026</span></div></div>
  <table><tr><td><label class="o_form_label">Totaal</label></td><td><span name="amount_total">€ 2.420,00</span></td></tr></table></div>
  <div class="o-mail-Form-chatter"><div class="o-mail-Thread">${chatter}</div></div>`;

describe('a kind named over the heading', () => {
  it('reads a form whose title is a kind label over the number alone, with no PDF link', () => {
    document.body.innerHTML = odooForm('');
    expect(mayShowDocument(document, new URL(ODOO_URL))).toBe(true);
    expect(detect(odooForm(''), ODOO_URL, 'nl-NL')).toMatchObject({ number: 'INV/2026/00042', kind: 'invoice', customerName: 'Bakkerij De Gouden Korst B.V.', amount: '€ 2.420,00' });
    const english = odooForm('').replace('Klantfactuur', 'Customer Invoice').replace('>Klant<', '>Customer<').replace('Totaal', 'Total');
    expect(detect(english, ODOO_URL, 'en')).toMatchObject({ number: 'INV/2026/00042', kind: 'invoice' });
  });

  it('takes no kind from a link or a long text before the heading', () => {
    const back = '<a href="/invoices">Invoices</a><h1>INV/2026/00042</h1><p>Customer: Beta Ltd</p><p>Total: $ 1,380.00</p>';
    expect(detect(back, 'https://erp.example/web#id=42')).toBeUndefined();
  });
});

describe('a discussion beside the record', () => {
  it("gives none of the addresses its messages quote as the customer's", () => {
    const chatter = `<div class="o-mail-Message"><b>Mitchell Admin</b><p>Vragen graag naar <a href="mailto:boekhouding@jansen-accountants.example">boekhouding@jansen-accountants.example</a>.</p></div>
      <div class="o-mail-Message"><b>Marc Demo</b><p>Inkooporder ontvangen via inkoop@bakkerijgroep-holding.example</p></div>`;
    expect(detect(odooForm(chatter), ODOO_URL, 'nl-NL')?.recipients).toEqual([]);
  });

  it("takes the address the customer's name stands before, among the followers", () => {
    const chatter = `<span class="o-mail-Followers">Volgers: Mitchell Admin &lt;admin@mijnbedrijf.example&gt;, Bakkerij De Gouden Korst B.V. &lt;administratie@goudenkorst.example&gt;</span>`;
    expect(detect(odooForm(chatter), ODOO_URL, 'nl-NL')?.recipients[0]).toBe('administratie@goudenkorst.example');
  });
});

describe("a PHP app's record tabs", () => {
  const card = (tabs: boolean) => `${
    tabs
      ? `<div class="tabs"><a class="tab tabactive" href="/compta/facture/card.php?facid=12">Factura a cliente</a><a class="tab" href="/compta/facture/contact.php?facid=12">Contactos</a>
    <a class="tab" href="/compta/facture/note.php?facid=12">Notas</a></div>`
      : ''
  }<div class="refid">FA2612-0012</div><div class="refidno">Ref. cliente : PO-7712<br>Tercero : <a href="/societe/card.php?socid=5">Talleres Gómez S.L.</a></div>
    <table><tr><td>Fecha límite de pago</td><td>06/01/2027</td></tr><tr><td>Importe total</td><td>2.420,00 €</td></tr></table>`;
  const url = 'https://erp.example/compta/facture/card.php?facid=12';

  it('reads the third party as the customer, not a tab that leads to the record’s contacts', () => {
    for (const tabs of [true, false]) {
      // The card's title is its reference and kind, as Dolibarr writes it.
      expect(detect(card(tabs), url, 'es_ES', 'FA2612-0012 - Factura a cliente'), String(tabs)).toMatchObject({
        number: 'FA2612-0012',
        kind: 'invoice',
        customerName: 'Talleres Gómez S.L.',
        amount: '2.420,00 €',
      });
    }
  });
});

describe("a card headed by the customer's label over a field labelled the same", () => {
  const editor = (contact: boolean) => `<h2>Edytuj fakturę</h2><div class="card"><h3>Klient</h3><div class="row"><label for="client_id">Klient</label>
    <input id="client_id" role="combobox" value="Przedsiębiorstwo Handlowe Nowak Sp. z o.o."></div>
    ${contact ? '<div><label><input type="checkbox" checked> Anna Nowak <span>anna.nowak@phnowak.example</span></label></div>' : ''}</div>
    <div class="card"><h3>Szczegóły</h3><div class="row"><label for="number">Numer faktury</label><input id="number" value="FV/2026/0042"></div></div>
    <div class="card"><dl><dt>Razem</dt><dd>1 230,00 zł</dd><dt>Saldo należne</dt><dd>1 230,00 zł</dd></dl></div>`;

  it("reads the field as the customer, not the contact below it or the next card's heading", () => {
    for (const contact of [true, false]) {
      expect(detect(editor(contact), 'https://app.example/invoices/Opnel5aKBz/edit', 'pl'), String(contact)).toMatchObject({
        number: 'FV/2026/0042',
        customerName: 'Przedsiębiorstwo Handlowe Nowak Sp. z o.o.',
        amount: '1 230,00 zł',
      });
    }
  });
});
