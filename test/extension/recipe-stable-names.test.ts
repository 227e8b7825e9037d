/**
 * Issue 16 item 7, one class of fix each: which names of a page a recipe's selector may be built
 * from (stable-names.ts), labels written next to their value, `label[for]` on any element, ids that
 * hold the record's number, CSS-module classes by their lasting prefix, and lists whose rows are
 * marked only by their ARIA role. The layouts that found these are in recipe-selectors-round2.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { labelOfSelector } from '../../shared/recipe-format';
import { fieldValueOf } from '../../extension/recipes/label-selector';
import { relativeSelector, repeatedRow, uniqueSelector } from '../../extension/recipes/selector';
import { isStableAttributeValue, isStableClass, isStableId, moduleClassPrefix, numberedIdParts } from '../../extension/recipes/stable-names';
import { select } from '../../extension/sites/recipe-adapter';

describe('classes and ids a selector may name', () => {
  it.each(['invoice-total', 'doc-id', 'field__value', 'react-select__single-value', 'MuiInputBase-input', 'x-form-display-field', 'invoiceTotal', 'ember-view'])('%s is stable', (token) => {
    expect(isStableClass(token)).toBe(true);
  });

  it.each([
    ['a CSS-module class', 'Invoice_title__3xYzA'],
    ['a CSS-module class with a hash of letters only', 'Invoice_title__pLmNo'],
    ['a styled-components id', 'sc-bdVaJa'],
    ['a styled-components class', 'kVxWqZ'],
    ['an emotion class', 'css-1x2y3z'],
    ['a JSS class', 'makeStyles-root-12'],
    ['an Angular state class', 'ng-untouched'],
    ['a state class', 'is-active'],
    ['a state class', 'selected'],
    ['a Tailwind utility', 'font-semibold'],
    ['a Tailwind utility', 'justify-between'],
    ['a Tailwind utility', 'py-3'],
    ['a Tailwind utility', 'border-b'],
    ['a Bootstrap utility', 'text-muted'],
    ['a Bootstrap column', 'col-sm-8'],
  ])('%s (%s) is not', (_kind, token) => {
    expect(isStableClass(token)).toBe(false);
  });

  it.each([
    [':r3:', false],
    ['react-select-5-input', false],
    ['ember123', false],
    ['ext-gen1234', false],
    ['textfield-1042-inputEl', false],
    ['mat-input-0', false],
    ['customer-email', true],
    ['invoiceNumber', true],
  ])('the id %s is stable: %s', (id, stable) => {
    expect(isStableId(id)).toBe(stable);
  });

  it('keeps the source names of a CSS-module class, not the hash; BEM is no module class', () => {
    expect(moduleClassPrefix('Invoice_title__3xYzA')).toBe('Invoice_title__');
    expect(moduleClassPrefix('Invoice-module__title__kVxWq')).toBe('Invoice-module__title__');
    expect(moduleClassPrefix('field__value')).toBeUndefined();
    expect(moduleClassPrefix('card_header__title')).toBeUndefined();
  });

  it("keeps the words around a record's number in an id, and only those", () => {
    expect(numberedIdParts('invoice-4711-total')).toEqual({ prefix: 'invoice-', suffix: '-total' });
    expect(numberedIdParts('order_2026_12_line_total')).toEqual({ prefix: 'order_', suffix: '_line_total' });
    expect(numberedIdParts('ember123')).toBeUndefined();
    expect(numberedIdParts(':r3:-label')).toBeUndefined();
    expect(numberedIdParts('invoice-4711')).toBeUndefined();
    expect(numberedIdParts('row-12-kVxWq')).toBeUndefined();
    expect(numberedIdParts('mat-input-0')).toBeUndefined();
  });

  it("keeps the app's own name after a framework's naming containers, when it is long enough to be one", () => {
    expect(numberedIdParts('ctl00_ContentPlaceHolder1_lblInvoiceNo')).toEqual({ prefix: '', suffix: '_lblInvoiceNo' });
    expect(numberedIdParts('__xmlview0--invoiceNumber-inner')).toEqual({ prefix: '', suffix: '--invoiceNumber-inner' });
    expect(numberedIdParts('__field12-inputEl')).toBeUndefined();
    expect(numberedIdParts('ext-comp-1012-label')).toEqual({ prefix: 'ext-comp-', suffix: '-label' });
  });

  it('takes a reference to an id only when that id is stable, and no uuid or counter as a value', () => {
    expect(isStableAttributeValue('for', ':r3:')).toBe(false);
    expect(isStableAttributeValue('aria-labelledby', 'mat-mdc-form-field-label-0')).toBe(false);
    expect(isStableAttributeValue('aria-labelledby', 'customer-label')).toBe(true);
    expect(isStableAttributeValue('data-component', '3f2a9c1b')).toBe(false);
    expect(isStableAttributeValue('name', 'mat-input-3')).toBe(false);
    expect(isStableAttributeValue('name', 'customer_email')).toBe(true);
  });
});

describe('selectors built from those names', () => {
  it("names an element by the words around the record's number in its id", () => {
    document.body.innerHTML = '<div id="invoice-4711-number">INV-1</div><div id="invoice-4711-total">10,00</div>';
    const selector = uniqueSelector(document.querySelector('[id$="total"]')!);
    expect(selector).toBe('div[id^="invoice-"][id$="-total"]');
    document.body.innerHTML = '<p>Reminder</p><div id="invoice-4712-total">20,00</div><div id="invoice-4712-number">INV-2</div>';
    expect(select(document, selector)?.textContent).toBe('20,00');
  });

  it('names a field of an ASP.NET WebForms page by its own name after the naming containers', () => {
    const page = (n: number, no: string, row: string) =>
      `<table id="ctl00_Main_tbl${n}"><tr>${row}</tr><tr><td>No</td><td><span id="ctl0${n}_ContentPlaceHolder1_lblInvoiceNo">${no}</span></td></tr></table>`;
    document.body.innerHTML = page(0, 'F-1', '');
    const selector = uniqueSelector(document.querySelector('span')!);
    expect(selector).toBe('span[id$="_lblInvoiceNo"]');
    document.body.innerHTML = page(2, 'F-2', '<td>Banner</td>');
    expect(select(document, selector)?.textContent).toBe('F-2');
  });

  it('names an element by its CSS-module class without the hash, and finds it after a rebuild', () => {
    document.body.innerHTML = '<div class="Totals_row__a1B2c"><span class="Totals_value__kVxWq">10,00</span></div>';
    const selector = uniqueSelector(document.querySelector('span')!);
    expect(selector).toBe('span[class*="Totals_value__"]');
    document.body.innerHTML = '<div class="Totals_row__Zz9Yy"><span class="Totals_value__QwErT">20,00</span></div>';
    expect(select(document, selector)?.textContent).toBe('20,00');
  });

  it('names an Angular form field by its formcontrolname, not its generated id or _ngcontent attribute', () => {
    document.body.innerHTML = '<form _ngcontent-ng-c12=""><input _ngcontent-ng-c12="" id="mat-input-0" formcontrolname="dueDate" value="2026-12-01"></form>';
    expect(uniqueSelector(document.querySelector('input')!)).toBe('input[formcontrolname="dueDate"]');
  });

  it('names an element a label[for] points at, also when it is no form control', () => {
    // Two display fields: their ids, counted by the framework, tell them apart only by the counter.
    const form = (n: number, no: string) =>
      `<label for="displayfield-${n}-inputEl">Customer:</label><div id="displayfield-${n}-inputEl" role="textbox">Beta AB</div>` +
      `<label for="displayfield-${n + 1}-inputEl">Invoice No:</label><div id="displayfield-${n + 1}-inputEl" role="textbox">${no}</div>`;
    document.body.innerHTML = form(1042, 'INV-7');
    const selector = uniqueSelector(document.querySelectorAll('[role="textbox"]')[1]!);
    expect(labelOfSelector(selector)).toBe('invoice no');
    document.body.innerHTML = form(1077, 'INV-8');
    expect(select(document, selector)?.textContent).toBe('INV-8');
  });
});

describe('labels written next to their value', () => {
  const rows = (pairs: [string, string][]) => `<div class="list">${pairs.map(([label, value]) => `<div><span>${label}</span><span>${value}</span></div>`).join('')}</div>`;

  it('names a value by the label before it when the page is a run of label/value rows, and finds it in another order', () => {
    document.body.innerHTML = rows([
      ['Kundnummer', 'K-1'],
      ['Referens', 'Anna'],
    ]);
    const selector = uniqueSelector(document.querySelectorAll('span')[3]!);
    expect(labelOfSelector(selector)).toBe('referens');
    document.body.innerHTML = `<p>Banner</p>${rows([
      ['Referens', 'Bo'],
      ['Kundnummer', 'K-2'],
    ])}`;
    expect(select(document, selector)?.textContent).toBe('Bo');
  });

  it('takes a single label before its value when it ends with a colon or is a word labels use', () => {
    document.body.innerHTML = '<div class="a"><b>Projekt:</b><i>Website</i></div><div class="b"><span>Amount due</span><span>10,00</span></div>';
    expect(labelOfSelector(uniqueSelector(document.querySelector('i')!))).toBe('projekt');
    expect(labelOfSelector(uniqueSelector(document.querySelectorAll('span')[1]!))).toBe('amount due');
  });

  it("does not take the customer's name for the label of the e-mail address after it", () => {
    document.body.innerHTML = '<div class="party"><div>Beta AB</div><div>ap@beta.example</div></div><footer>Acme</footer>';
    expect(labelOfSelector(uniqueSelector(document.querySelectorAll('.party > div')[1]!))).toBeUndefined();
  });

  it('reads the cell around a picked link, which shows the same value', () => {
    document.body.innerHTML = rows([
      ['Customer', 'Beta AB'],
      ['E-mail', '<a href="mailto:ap@beta.example">ap@beta.example</a>'],
    ]);
    const selector = uniqueSelector(document.querySelector('a')!);
    expect(labelOfSelector(selector)).toBe('e-mail');
    expect(select(document, selector)?.querySelector('a')).toBe(document.querySelector('a'));
  });

  it('takes no column heading, link or button for the label of what follows it', () => {
    document.body.innerHTML = '<table><tr><th>Customer</th><th>Total</th></tr><tr><td>Beta AB</td><td>10,00</td></tr></table><p><button>Customer</button><span>x</span></p>';
    expect(select(document, '@label("customer")')).toBeUndefined();
  });
});

describe('labels inline with their value', () => {
  it('names a paragraph by the label it starts with, and reads the value after the label, in the recipe and in the preview', () => {
    document.body.innerHTML = '<div><p>Thanks!</p><p><b>Customer:</b> Beta AB</p><p><b>Total:</b> 10,00 €</p></div>';
    const paragraph = document.querySelectorAll('p')[1]!;
    const selector = uniqueSelector(paragraph);
    expect(labelOfSelector(selector)).toBe('customer');
    expect(fieldValueOf(paragraph)).toBe('Beta AB');
    document.body.innerHTML = '<div><p><b>Total:</b> 20,00 €</p><p><b>Customer:</b> Gamma GmbH</p></div>';
    expect(fieldValueOf(select(document, selector))).toBe('Gamma GmbH');
  });

  it('keeps text that only starts with bold words, not a label', () => {
    document.body.innerHTML = '<p><b>Beta AB</b> and partners</p>';
    expect(fieldValueOf(document.querySelector('p')!)).toBe('Beta AB and partners');
  });
});

describe('cells of a list named by the app', () => {
  const table = (moved: boolean) =>
    `<table><tbody>${[1, 2]
      .map((n) => {
        const cells = [`<td data-col="number">INV-${n}</td>`, `<td data-col="amount">${n}0,00</td>`];
        return `<tr>${moved ? `<td data-col="status">Open</td>${cells.reverse().join('')}` : cells.join('')}</tr>`;
      })
      .join('')}</tbody></table>`;

  it('names a row’s cell by its data-* column name, which stays with the column when columns move', () => {
    document.body.innerHTML = table(false);
    const cell = document.querySelectorAll('td')[1]!;
    const selector = relativeSelector(cell, cell.parentElement!)!;
    expect(selector).toBe(':scope > td[data-col="amount"]');
    document.body.innerHTML = table(true);
    expect([...document.querySelectorAll('tr')].map((row) => row.querySelector(selector)?.textContent)).toEqual(['10,00', '20,00']);
  });

  it('names no cell by an attribute that holds its row’s value: the other rows would not have it', () => {
    document.body.innerHTML = '<table><tbody><tr><td>INV-1</td><td title="Beta AB">Beta AB</td></tr><tr><td>INV-2</td><td title="Gamma">Gamma</td></tr></tbody></table>';
    const cell = document.querySelectorAll('td')[1]!;
    expect(relativeSelector(cell, cell.parentElement!)).toBe(':scope > td:nth-of-type(2)');
  });
});

describe('a label searched for through a big page', () => {
  it('walks a bounded number of texts, so a recipe from the relay costs a huge page little', () => {
    const filler = Array.from({ length: 11_000 }, (_, i) => `<p><b>x${i}</b>y</p>`).join('');
    document.body.innerHTML = `${filler}<div><span>Reference</span><span>R-1</span></div><div><span>Project</span><span>P</span></div>`;
    const started = performance.now();
    // The label sits after 22,000 texts, past the 20,000 searched: not found, and quickly.
    expect(select(document, '@label("reference")')).toBeUndefined();
    // happy-dom walks texts some hundred times slower than a browser; a second is far above what it needs.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('lists marked by their rows’ role', () => {
  it('finds the rows of an ARIA grid of divs with generated classes only, without its header row', () => {
    document.body.innerHTML = `<div role="table" class="sc-a kVxWq"><div role="rowgroup"><div role="row" class="sc-b pLmNo"><div role="columnheader">No</div></div></div>
      <div role="rowgroup"><div role="row" class="sc-c uIoPq"><div role="cell">INV-1</div></div><div role="row" class="sc-c uIoPq"><div role="cell">INV-2</div></div></div></div>`;
    const list = repeatedRow(document.querySelector('[role="cell"]')!)!;
    expect(list.rowSelector).not.toMatch(/sc-|uIoPq|kVxWq/);
    expect([...document.querySelectorAll(list.rowSelector)].map((row) => row.textContent)).toEqual(['INV-1', 'INV-2']);
  });
});
