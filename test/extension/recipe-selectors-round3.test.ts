/**
 * Issue 16 item 7, a third set of layouts, written after the fixes for recipe-selectors-round2.test.ts
 * and run against them before any further change: Odoo, Salesforce Lightning, a Bootstrap horizontal
 * form, labels inline with their value (`<p><b>Customer:</b> Beta AB</p>`), and a list whose columns
 * move. At once 8 of 11 passed; the bare-text inline labels (2) and the moved columns (1) failed, and
 * were fixed by reading the value after an inline label and naming a row's cells by their `data-*`.
 * The last test (a cell's title holding its row's value) came with that fix, to keep it honest.
 * Picked as in round 2 (by the value A shows; where no element shows exactly it, the innermost one
 * whose text holds it, as a user clicks the paragraph), and read on B.
 */
import { describe, expect, it } from 'vitest';
import { recipeFromPicks } from '../../extension/entrypoints/invoice.content/panel/Picker';
import { recipeAdapter } from '../../extension/sites/recipe-adapter';
import { A, B, ordered, type Layout, elementShowing, asRecipe, PAGE, pickOnA } from './recipe-versions';

/** Odoo's form view: fields named by `name` on their widget, the customer a link inside a labelled cell. */
const odoo: Layout = {
  name: 'Odoo form view (name on widgets, labels in their own cells)',
  render: (v) => {
    const row = (label: string, field: string, value: string) =>
      `<tr><td class="o_td_label"><label class="o_form_label" for="${field}_${v.n}">${label}</label></td><td style="width: 100%"><div name="${field}" class="o_field_widget o_field_many2one"><a href="#" class="o_form_uri"><span>${value}</span></a></div></td></tr>`;
    return `<div class="o_form_view">${v.banner ? '<div class="alert alert-warning" role="alert">Unposted</div>' : ''}<div class="oe_title"><h1><span>${v.number}</span></h1></div>
      <table class="o_group o_inner_group"><tbody>${ordered(v, [row('Customer', 'partner_id', v.customer), row('Invoice Email', 'x_email', v.email)])}</tbody></table>
      <div class="oe_subtotal_footer"><div><span>Total:</span></div><div><span class="oe_currency_value">${v.amount}</span></div></div></div>`;
  },
  volatile: [`_${A.n}`],
};

/** Salesforce Lightning: label and value in a form element, the value deep inside components. */
const lightning: Layout = {
  name: 'Salesforce Lightning record layout',
  render: (v) => {
    const item = (label: string, value: string) =>
      `<records-record-layout-item><div class="slds-form-element slds-form-element_readonly"><span class="slds-form-element__label test-id__field-label">${label}</span><div class="slds-form-element__control"><span class="test-id__field-value slds-form-element__static"><lightning-formatted-text data-aura-rendered-by="${v.n}:${v.id};a">${value}</lightning-formatted-text></span></div></div></records-record-layout-item>`;
    return `<one-record-home-flexipage2 data-aura-rendered-by="${v.n}:0">${v.banner ? '<div class="slds-notify">Record updated</div>' : ''}${ordered(v, [
      item('Invoice Number', v.number),
      item('Account Name', v.customer),
      item('Billing Email', v.email),
      item('Grand Total', v.amount),
    ])}</one-record-home-flexipage2>`;
  },
  volatile: [String(A.id), `${A.n}:`],
};

/** Bootstrap 3 horizontal form: `<label>` without `for`, the value in a static control in the next column. */
const bootstrapForm: Layout = {
  name: 'Bootstrap horizontal form with static controls, labels without for',
  render: (v) => {
    const group = (label: string, value: string) =>
      `<div class="form-group"><label class="control-label col-sm-3">${label}</label><div class="col-sm-9"><p class="form-control-static">${value}</p></div></div>`;
    return `<form class="form-horizontal">${v.banner ? '<div class="alert alert-info">Saved</div>' : ''}${ordered(v, [group('Number', v.number), group('Client', v.customer), group('Send to', v.email), group('Amount', v.amount)])}</form>`;
  },
  volatile: ['nth-of-type'],
};

/** Labels inline with their value in one paragraph: `<p><strong>Customer:</strong> Beta AB</p>`. */
const inlineLabels: Layout = {
  name: 'labels inline with the value in one paragraph',
  render: (v) => {
    const p = (label: string, value: string) => `<p><strong>${label}:</strong> <span>${value}</span></p>`;
    return `<div class="invoice">${v.banner ? '<p>Thank you for your business!</p>' : ''}${ordered(v, [p('Invoice no', v.number), p('Customer', v.customer), p('E-mail', v.email), p('Total', v.amount)])}</div>`;
  },
  volatile: ['nth-of-type'],
};

/** An inline label with the value as bare text after it. */
const inlineText: Layout = {
  name: 'labels inline with the value as bare text',
  render: (v) => {
    const p = (label: string, value: string) => `<p><b>${label}:</b> ${value}</p>`;
    return `<div class="invoice">${v.banner ? '<p>Thank you for your business!</p>' : ''}${ordered(v, [p('Invoice no', v.number), p('Customer', v.customer), p('E-mail', v.email), p('Total', v.amount)])}</div>`;
  },
  volatile: ['nth-of-type'],
};

const DETAIL_LAYOUTS = [odoo, lightning, bootstrapForm, inlineLabels, inlineText];
describe('recipes picked on one render read the next, a third set of layouts (issue 16 item 7)', () => {
  describe.each(DETAIL_LAYOUTS.map((layout) => [layout.name, layout] as const))('%s', (_name, layout) => {
    it("reads B's values with the recipe picked on A", () => {
      const made = pickOnA(layout);
      document.body.innerHTML = layout.render(B);
      const found = recipeAdapter(asRecipe(made)).detect(document, PAGE)?.documents[0];
      expect({ number: found?.number, recipients: found?.recipients, customerName: found?.customerName, amount: found?.amount?.replace(/\D/g, '') }).toEqual({
        number: B.number,
        recipients: [B.email],
        customerName: B.customer,
        amount: B.amount.replace(/\D/g, ''),
      });
    });
    it("saves no volatile token of A's render in a selector", () => {
      const made = pickOnA(layout);
      for (const selector of Object.values(made.fields)) for (const token of layout.volatile) expect(selector).not.toContain(token);
    });
  });
});

describe('a list recipe whose columns move', () => {
  const rowsA = [
    { id: 4711, number: 'INV-1', customer: 'Beta AB', email: 'ap@beta.example', amount: '10,00' },
    { id: 4712, number: 'INV-2', customer: 'Gamma GmbH', email: 'billing@gamma.example', amount: '20,00' },
  ];
  const rowsB = [rowsA[1]!, { id: 4790, number: 'INV-9', customer: 'Delta Oy', email: 'laskut@delta.example', amount: '30,00' }, rowsA[0]!];
  /** B has a status column first and the amount before the customer. */
  const table = (rows: typeof rowsA, b: boolean) =>
    `<table class="grid"><thead><tr>${b ? '<th>Status</th>' : ''}<th>No</th><th>Customer</th><th>E-mail</th><th>Amount</th></tr></thead><tbody>${rows
      .map((r) => {
        const cells = [`<td data-col="number">${r.number}</td>`, `<td data-col="customer">${r.customer}</td>`, `<td data-col="email">${r.email}</td>`, `<td data-col="amount">${r.amount}</td>`];
        if (b) cells.splice(1, 0, cells.splice(3, 1)[0]!);
        return `<tr data-id="${r.id}">${b ? '<td data-col="status">Open</td>' : ''}${cells.join('')}</tr>`;
      })
      .join('')}</tbody></table>`;
  it('a list whose cells are named by data-* reads B with columns moved', () => {
    document.body.innerHTML = table(rowsA, false);
    const picks = { number: elementShowing('INV-1'), recipient: elementShowing('ap@beta.example'), customerName: elementShowing('Beta AB'), amount: elementShowing('10,00') };
    const made = recipeFromPicks(picks, { name: 'l', urlPattern: 'https://app.example/*', asList: true })!;
    document.body.innerHTML = table(rowsB, true);
    const detection = recipeAdapter(asRecipe(made)).detect(document, PAGE);
    expect(detection?.documents.map((d) => [d.number, d.recipients[0], d.customerName, d.amount])).toEqual(rowsB.map((r) => [r.number, r.email, r.customer, r.amount]));
  });
});
describe('a list recipe on cells named by their values', () => {
  it('names no cell by a title that holds its row’s value, so every row is read', () => {
    document.body.innerHTML = `<table><tbody><tr><td>INV-1</td><td title="Beta AB">Beta AB</td></tr><tr><td>INV-2</td><td title="Gamma">Gamma</td></tr></tbody></table>`;
    const made = recipeFromPicks({ number: elementShowing('INV-1'), customerName: elementShowing('Beta AB') }, { name: 'l', urlPattern: 'https://app.example/*', asList: true })!;
    expect(
      recipeAdapter(asRecipe(made))
        .detect(document, PAGE)
        ?.documents.map((d) => d.customerName),
    ).toEqual(['Beta AB', 'Gamma']);
  });
});
