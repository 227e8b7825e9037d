/**
 * Issue 16 items 6 and 7, held out: recipes picked on version A of an app's page and applied to
 * version B of the same screen after a redeploy, the way real frameworks render it. Between A and B
 * the hashed classes (CSS modules, styled-components, emotion), the generated ids (React `:r3:`,
 * `react-select-5-input`, Ember `ember123`, ExtJS `displayfield-1042-inputEl`, Angular
 * `_ngcontent-abc-c45`, Vue `data-v-…`) and the utility classes (a Tailwind redesign) change, the
 * rows come in another order, a banner appears above, and B is another invoice with other values.
 * Each layout checks that B's values are read, and that none of A's volatile tokens is in a saved
 * selector. The picks go through the picker's own `recipeFromPicks`, the reading through the recipe
 * adapter: the test finds a picked element in A only by the value it shows, as the user sees it.
 */
import { describe, expect, it } from 'vitest';
import { recipeFromPicks } from '../../extension/entrypoints/invoice.content/panel/Picker';
import { recipeAdapter } from '../../extension/sites/recipe-adapter';
import { A, B, ordered, type Layout, type Version, elementShowing, asRecipe, PAGE, pickOnA } from './recipe-versions';

/** React with CSS modules: `Invoice_number__3xYzA`, the hash changing on every deploy. */
const cssModules: Layout = {
  name: 'React + CSS modules (hashed class names)',
  render: (v) => `<div class="App_shell__${v.h[0]}">
    ${v.banner ? `<div class="Banner_root__${v.h[5]}">Scheduled maintenance tonight</div>` : ''}
    <header class="Invoice_header__${v.h[1]}"><h1 class="Invoice_title__${v.h[2]}">Invoice <span class="Invoice_number__${v.h[3]}">${v.number}</span></h1></header>
    ${ordered(v, [
      `<section class="Invoice_party__${v.h[4]}"><div class="Party_name__${v.h[1]}">${v.customer}</div><div class="Party_email__${v.h[2]}">${v.email}</div></section>`,
      `<div class="Totals_row__${v.h[3]}"><span class="Totals_label__${v.h[4]}">Total</span><span class="Totals_value__${v.h[5]}">${v.amount}</span></div>`,
    ])}</div>`,
  volatile: A.h,
};

/** styled-components: `sc-` component ids and random mixed-case class names; fields only told apart by their labels. */
const styledComponents: Layout = {
  name: 'styled-components (sc- ids, random class names), label and value spans',
  render: (v) => {
    const row = (label: string, value: string) => `<div class="sc-${v.h[5]} ${v.h[0]}"><span class="sc-${v.h[2]} ${v.h[1]}">${label}</span><span class="sc-${v.h[3]} ${v.h[2]}">${value}</span></div>`;
    return `<div class="sc-${v.h[0]} ${v.h[1]}">${v.banner ? `<div class="sc-${v.h[2]} ${v.h[3]}" role="alert">Your trial ends soon</div>` : ''}
      <div class="sc-${v.h[1]} ${v.h[4]}">${ordered(v, [row('Invoice no.', v.number), row('Bill to', v.customer), row('Email', v.email), row('Amount due', v.amount)])}</div></div>`;
  },
  volatile: [...A.h, 'sc-'],
};

/** Angular Material: `_ngcontent-…` attributes, `mat-input-0` ids, `ng-tns-c12-0` classes, reactive form names. */
const angularMaterial: Layout = {
  name: 'Angular Material (_ngcontent attributes, mat-input ids, formcontrolname)',
  render: (v) => {
    const c = `_ngcontent-ng-c${v.n}`;
    const field = (i: number, label: string, value: string, control?: string) =>
      `<mat-form-field ${c} class="mat-mdc-form-field ng-tns-c${v.n}-${i}"><div class="mat-mdc-text-field-wrapper"><label for="mat-input-${v.n + i}" id="mat-mdc-form-field-label-${v.n + i}" class="mdc-floating-label"><mat-label ${c}>${label}</mat-label></label>` +
      `<input ${c} matinput ${control ? `formcontrolname="${control}" ` : ''}id="mat-input-${v.n + i}" readonly value="${value}" class="mat-mdc-input-element ng-untouched ng-pristine"></div></mat-form-field>`;
    return `<app-root _nghost-ng-c${v.n} ng-version="17.3.0"><app-invoice ${c} _nghost-ng-c${v.n + 1}>
      ${v.banner ? `<mat-toolbar ${c} class="mat-toolbar">You are offline</mat-toolbar>` : ''}
      <form ${c} class="ng-untouched ng-pristine ng-valid">${ordered(v, [
        field(0, 'Invoice number', v.number, 'number'),
        field(1, 'Customer', v.customer, 'customerName'),
        field(2, 'Customer e-mail', v.email),
        field(3, 'Total', v.amount),
      ])}</form></app-invoice></app-root>`;
  },
  volatile: ['_ngcontent', '_nghost', 'mat-input-', 'ng-tns', `c${A.n}`],
};

/** Vue single-file components: `data-v-…` scope attributes, BEM classes shared by every field. */
const vueScoped: Layout = {
  name: 'Vue (data-v scope attributes, one BEM class for every field)',
  render: (v) => {
    const s = `data-v-${v.n}ba5bd90`;
    const field = (label: string, value: string) => `<div ${s} class="field"><span ${s} class="field__label">${label}</span><span ${s} class="field__value">${value}</span></div>`;
    return `<div id="app" data-v-app><div ${s} class="invoice-view">${v.banner ? `<div ${s} class="notice">Payment reminder sent</div>` : ''}${ordered(v, [
      field('Invoice', v.number),
      field('Customer', v.customer),
      field('E-mail', v.email),
      field('Amount', v.amount),
    ])}</div></div>`;
  },
  volatile: ['data-v-', `${A.n}ba5bd90`, 'nth-of-type'],
};

/** React with MUI: `:r1:` ids from useId, emotion `css-…` classes, react-select, a totals row in a table footer. */
const reactMui: Layout = {
  name: 'React + MUI (useId ids, emotion classes, react-select, totals in a table footer)',
  render: (v) => {
    const text = (n: number, label: string, value: string) =>
      `<div class="MuiFormControl-root MuiTextField-root css-1u3${v.h[n]}"><label class="MuiInputLabel-root css-1jy${v.h[n]}" for=":r${v.n + n}:" id=":r${v.n + n}:-label">${label}</label>` +
      `<div class="MuiInputBase-root css-md2${v.h[n]}"><input aria-invalid="false" id=":r${v.n + n}:" readonly class="MuiInputBase-input css-1x5${v.h[n]}" value="${value}"></div></div>`;
    const lines = v.reordered ? 3 : 1;
    return `<div id="root"><div class="MuiContainer-root css-1qs${v.h[0]}">
      ${v.banner ? `<div class="MuiAlert-root css-aca${v.h[1]}" role="alert">A new version is available</div>` : ''}
      ${ordered(v, [
        text(1, 'Invoice number', v.number),
        text(2, 'Customer e-mail', v.email),
        `<div class="css-b62${v.h[3]}-container"><span id="react-select-${v.n}-live-region" class="css-1f4${v.h[3]}-a11yText"></span><div class="react-select__control css-13c${v.h[4]}-control"><div class="react-select__value-container css-1hw${v.h[4]}">` +
          `<div class="react-select__single-value css-1di${v.h[5]}-singleValue">${v.customer}</div><div class="react-select__input-container css-19b${v.h[5]}"><input id="react-select-${v.n}-input" aria-autocomplete="list" value=""></div></div></div></div>`,
      ])}
      <table class="MuiTable-root css-rqg${v.h[2]}"><tbody class="MuiTableBody-root">${Array.from({ length: lines }, (_, i) => `<tr class="MuiTableRow-root css-1gq${v.h[3]}"><td class="MuiTableCell-root css-1ex${v.h[4]}">Service ${i + 1}</td><td class="MuiTableCell-root css-1ex${v.h[4]}">100,00 €</td></tr>`).join('')}</tbody>
      <tfoot class="MuiTableFooter-root"><tr class="MuiTableRow-root css-1gq${v.h[3]}"><td class="MuiTableCell-root MuiTableCell-footer css-1ex${v.h[4]}">Total</td><td class="MuiTableCell-root MuiTableCell-footer css-1ex${v.h[4]}">${v.amount}</td></tr></tfoot></table>
      </div></div>`;
  },
  volatile: [':r', 'react-select-', 'css-', ...A.h],
};

/** Ember: `ember123` ids on every component, Bootstrap grid rows of label and value. */
const emberBootstrap: Layout = {
  name: 'Ember (ember123 ids) with Bootstrap label/value rows',
  render: (v) => {
    let next = v.n;
    const id = () => `ember${next++}`;
    const row = (label: string, value: string) => `<div id="${id()}" class="ember-view row"><div class="col-sm-4 text-muted">${label}</div><div class="col-sm-8">${value}</div></div>`;
    return `<div id="${id()}" class="ember-view application">${v.banner ? `<div id="${id()}" class="ember-view alert alert-info">Changes saved</div>` : ''}
      <div id="${id()}" class="ember-view invoice-show"><h2 id="${id()}" class="ember-view">Invoice <span id="${id()}" class="ember-view">${v.number}</span></h2>
      ${ordered(v, [row('Customer', v.customer), row('Contact e-mail', `<a href="mailto:${v.email}">${v.email}</a>`), row('Balance due', v.amount)])}</div></div>`;
  },
  volatile: ['ember1', 'ember2', 'nth-of-type'],
};

/** ExtJS: every component has an auto id (`displayfield-1042-inputEl`), labels point at them with `for`. */
const extJs: Layout = {
  name: 'ExtJS (auto ids, display fields labelled with label[for])',
  render: (v) => {
    const display = (i: number, label: string, value: string) => {
      const id = `displayfield-${1000 + v.n + i}`;
      return `<div id="${id}" class="x-field x-form-item x-form-type-display"><label id="${id}-labelEl" for="${id}-inputEl" class="x-form-item-label"><span class="x-form-item-label-text">${label}:</span></label><div id="${id}-bodyEl" class="x-form-item-body"><div id="${id}-inputEl" role="textbox" class="x-form-display-field">${value}</div></div></div>`;
    };
    return `<div id="ext-element-${v.n}" class="x-body">${v.banner ? `<div id="ext-gen${1100 + v.n}" class="x-toast">Session renewed</div>` : ''}
      <div id="form-${1000 + v.n}" class="x-panel x-form"><div id="form-${1000 + v.n}-body" class="x-panel-body">${ordered(v, [
        display(0, 'Invoice No', v.number),
        display(1, 'Customer', v.customer),
        `<div id="textfield-${1010 + v.n}" class="x-field x-form-item"><label for="textfield-${1010 + v.n}-inputEl" class="x-form-item-label"><span>E-mail:</span></label><input id="textfield-${1010 + v.n}-inputEl" name="textfield-${1010 + v.n}-inputEl" readonly value="${v.email}" class="x-form-field x-form-text"></div>`,
        display(2, 'Total', v.amount),
      ])}</div></div></div>`;
  },
  volatile: ['displayfield-10', 'textfield-10', 'ext-', 'nth-of-type'],
};

/** Tailwind: only utility classes, and a redesign changes them (`font-semibold` → `font-bold`, `gray` → `slate`). */
const tailwind: Layout = {
  name: 'Tailwind (utility classes only, changed by a redesign)',
  render: (v) => {
    const redesign = v !== A;
    const row = (label: string, value: string) =>
      `<div class="flex items-center justify-between ${redesign ? 'py-2' : 'py-3'} border-b"><span class="text-sm ${redesign ? 'text-slate-500' : 'text-gray-500'}">${label}</span><span class="${redesign ? 'font-bold' : 'font-semibold font-mono'}">${value}</span></div>`;
    return `<div class="min-h-full bg-gray-50">${v.banner ? '<div class="bg-yellow-50 p-4 text-sm text-yellow-800">This invoice is overdue</div>' : ''}
      <div class="mx-auto max-w-3xl px-4">${ordered(v, [row('Invoice', v.number), row('Customer', v.customer), row('Email', v.email), row('Amount due', v.amount)])}</div></div>`;
  },
  volatile: ['font-semibold', 'font-mono', 'justify-between', 'items-center', 'border-b', 'nth-of-type'],
};

/** Server-rendered ids holding the record's number: `invoice-4711-total`. */
const recordIds: Layout = {
  name: "ids holding the record's number (invoice-4711-total)",
  render: (v) => `<div id="invoice-${v.id}" class="invoice">${v.banner ? '<p class="notice">A reminder was sent</p>' : ''}
    <h2 id="invoice-${v.id}-number">${v.number}</h2>${ordered(v, [
      `<div id="invoice-${v.id}-customer">${v.customer}</div>`,
      `<div id="invoice-${v.id}-email">${v.email}</div>`,
      `<div id="invoice-${v.id}-total">${v.amount}</div>`,
    ])}</div>`,
  volatile: [String(A.id), 'nth-of-type'],
};

/** A detail screen whose label and value sit in table cells of one row (no `<th>`), other lines above it in B. */
const cellPairs: Layout = {
  name: 'label and value in neighbouring <td> cells, more lines above in B',
  render: (v) => {
    const pair = (label: string, value: string) => `<tr><td class="lbl">${label}</td><td>${value}</td></tr>`;
    const lines = v.reordered ? '<tr><td class="lbl">Reference</td><td>PO 77</td></tr><tr><td class="lbl">Project</td><td>Website</td></tr>' : '';
    return `<table class="doc"><tbody>${v.banner ? '<tr><td colspan="2" class="warn">Draft</td></tr>' : ''}${lines}${ordered(v, [
      pair('Invoice number', v.number),
      pair('Customer', v.customer),
      pair('E-mail', v.email),
      pair('Total amount', v.amount),
    ])}</tbody></table>`;
  },
  volatile: ['nth-of-type'],
};

const DETAIL_LAYOUTS = [cssModules, styledComponents, angularMaterial, vueScoped, reactMui, emberBootstrap, extJs, tailwind, recordIds, cellPairs];

describe('recipes picked on one render of a real-app layout read the next one (issue 16 item 7, held out)', () => {
  describe.each(DETAIL_LAYOUTS.map((layout) => [layout.name, layout] as const))('%s', (_name, layout) => {
    it("reads B's values with the recipe picked on A", () => {
      const made = pickOnA(layout);
      document.body.innerHTML = layout.render(B);
      const detection = recipeAdapter(asRecipe(made)).detect(document, PAGE);
      const found = detection?.documents[0];
      expect({ number: found?.number, recipients: found?.recipients, customerName: found?.customerName, amount: found?.amount?.replace(/\D/g, '') }).toEqual({
        number: B.number,
        recipients: [B.email],
        customerName: B.customer,
        amount: B.amount.replace(/\D/g, ''),
      });
    });

    it("saves no volatile token of A's render in a selector", () => {
      const made = pickOnA(layout);
      for (const selector of Object.values(made.fields)) {
        for (const token of layout.volatile) expect(selector, `${selector} holds ${token}`).not.toContain(token);
      }
    });
  });

  /** A list rendered as an ARIA grid of divs with styled-components classes; B has other rows, in another order. */
  const gridList = (v: Version, rows: { id: number; number: string; customer: string; email: string; amount: string }[]) => `<div class="sc-${v.h[0]} ${v.h[1]}">
    ${v.banner ? `<div class="sc-${v.h[2]} ${v.h[3]}" role="alert">3 invoices are overdue</div>` : ''}
    <div role="table" class="sc-${v.h[4]} ${v.h[5]}"><div role="rowgroup"><div role="row" class="sc-${v.h[1]} ${v.h[2]}"><div role="columnheader">Number</div><div role="columnheader">Customer</div><div role="columnheader">E-mail</div><div role="columnheader">Amount</div><div role="columnheader">PDF</div></div></div>
    <div role="rowgroup" class="sc-${v.h[3]} ${v.h[4]}">${rows
      .map(
        (r) =>
          `<div role="row" data-row-key="${r.id}" class="sc-${v.h[5]} ${v.h[0]}"><div role="cell" class="sc-${v.h[1]} ${v.h[3]}">${r.number}</div><div role="cell" class="sc-${v.h[1]} ${v.h[3]}">${r.customer}</div>` +
          `<div role="cell" class="sc-${v.h[1]} ${v.h[3]}"><a href="mailto:${r.email}">${r.email}</a></div><div role="cell" class="sc-${v.h[1]} ${v.h[3]}">${r.amount}</div><div role="cell" class="sc-${v.h[1]} ${v.h[3]}"><a href="/files/${r.id}.pdf">PDF</a></div></div>`,
      )
      .join('')}</div></div></div>`;
  const ROWS_A = [
    { id: 4711, number: 'INV-2026-0042', customer: 'Beta AB', email: 'ap@beta.example', amount: '1 240,00 €' },
    { id: 4712, number: 'INV-2026-0043', customer: 'Gamma GmbH', email: 'billing@gamma.example', amount: '980,50 €' },
  ];
  const ROWS_B = [
    { id: 4790, number: 'INV-2026-0090', customer: 'Delta Oy', email: 'laskut@delta.example', amount: '55,00 €' },
    { id: 4712, number: 'INV-2026-0043', customer: 'Gamma GmbH', email: 'billing@gamma.example', amount: '980,50 €' },
    { id: 4711, number: 'INV-2026-0042', customer: 'Beta AB', email: 'ap@beta.example', amount: '1 240,00 €' },
  ];

  function pickList() {
    document.body.innerHTML = gridList(A, ROWS_A);
    const picks = {
      number: elementShowing(ROWS_A[0]!.number),
      recipient: elementShowing(ROWS_A[0]!.email),
      customerName: elementShowing(ROWS_A[0]!.customer),
      amount: elementShowing(ROWS_A[0]!.amount),
      pdf: document.querySelector('a[href="/files/4711.pdf"]')!,
    };
    return recipeFromPicks(picks, { name: 'grid', urlPattern: 'https://app.example/invoices*', asList: true });
  }

  it('a list recipe on an ARIA grid of divs reads every row of B, re-ordered and one more', () => {
    const made = pickList();
    expect(made?.rowSelector).toBeDefined();
    document.body.innerHTML = gridList(B, ROWS_B);
    const detection = recipeAdapter(asRecipe(made!)).detect(document, new URL('https://app.example/invoices'));
    expect(detection?.kind).toBe('list');
    expect(detection?.documents.map((d) => [d.number, d.recipients[0], d.customerName, d.pdfUrl])).toEqual(ROWS_B.map((r) => [r.number, r.email, r.customer, `https://app.example/files/${r.id}.pdf`]));
  });

  it("a list recipe saves no volatile token of A's render", () => {
    const made = pickList();
    const selectors = [made?.rowSelector ?? '', ...Object.values(made?.fields ?? {})];
    for (const selector of selectors) for (const token of [...A.h, 'sc-', '4711']) expect(selector, `${selector} holds ${token}`).not.toContain(token);
  });
});
