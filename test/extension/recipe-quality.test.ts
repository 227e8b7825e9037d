/**
 * Issue 16 items 6 and 7: the recipe's button is never put inside a form control, the picker's
 * previews show form values, selectors name what the page names and survive a re-render, and URL
 * patterns can tell a hash-routed app's screens apart.
 */
import { describe, expect, it } from 'vitest';
import { recipeFromPicks } from '../../extension/entrypoints/invoice.content/panel/Picker';
import { buttonPlacement, placeByAnchor } from '../../extension/entrypoints/invoice.content/button-placement';
import { uniqueSelector } from '../../extension/recipes/selector';
import { suggestUrlPattern, urlPatternMatches } from '../../extension/recipes/url-pattern';
import { detectDocumentsOnPage } from '../../extension/sites';
import { shownValue } from '../../extension/sites/element-value';
import type { Recipe } from '../../shared/recipe-schemas';

function recipe(made: Pick<Recipe, 'fields'> & Partial<Recipe>): Recipe {
  return { id: 'r1', formatVersion: 2, name: 'ERP', urlPattern: 'https://erp.example/*', scope: 'personal', createdAt: '', updatedAt: '', ...made };
}

/** A server-rendered form screen: the number is a read-only input, the customer a select. */
const FORM_SCREEN = `<form class="invoice"><table><tbody>
  <tr><th><label for="f-no">Number</label></th><td><input id="f-no" name="invoice_no" readonly value="FV 12/2026"></td></tr>
  <tr><th>Customer</th><td><select name="customer_id"><option value="1">Acme</option><option value="2" selected>Beta AB</option></select></td></tr>
  <tr><th>E-mail</th><td><input name="customer_email" value="inkop@beta.se"></td></tr>
  <tr><th>Note</th><td><textarea name="note">Thanks</textarea></td></tr></tbody></table></form>`;

describe('the send button never goes inside a form control (item 6)', () => {
  it.each([
    ['an input', '<input id="a" value="FV 1">', 'after'],
    ['a select', '<select id="a"><option>1</option></select>', 'after'],
    ['a textarea', '<textarea id="a">1</textarea>', 'after'],
    ['an image', '<img id="a" alt="">', 'after'],
    ['a span inside a label (a click would focus its control)', '<label id="l"><span id="a">No.</span><input></label>', 'after-label'],
    ['a link', '<a id="a" href="/x">FV 1</a>', 'after'],
    ['a heading', '<h1 id="a">Invoice FV 1</h1>', 'inside'],
  ])('next to %s: %s', (_name, html, expected) => {
    document.body.innerHTML = html;
    const anchor = document.getElementById('a')!;
    const place = buttonPlacement(anchor);
    if (expected === 'inside') expect(place).toEqual({ inside: anchor });
    else if (expected === 'after-label') expect(place).toEqual({ after: document.getElementById('l') });
    else expect(place).toEqual({ after: anchor });
  });

  it('puts the button after the read-only input holding the number, as its next sibling', () => {
    // Where it lands on screen (and whether it floats when the title is not clickable) needs layout:
    // test/e2e/page-recipe-placement.test.ts and page-button-placement.test.ts check that in Chromium.
    document.body.innerHTML = FORM_SCREEN;
    const input = document.querySelector('input')!;
    const host = document.createElement('ownpost-send-ui');
    expect(placeByAnchor(input, host)).toBe(true);
    expect(input.contains(host)).toBe(false);
    expect(input.childNodes).toHaveLength(0);
    expect(input.nextElementSibling).toBe(host);
  });

  it('floats when the anchor is gone', () => {
    const detached = document.createElement('h1');
    expect(placeByAnchor(detached, document.createElement('span'))).toBe(false);
  });

  it('a recipe whose number is an input reads its value and anchors the button after it; "float" leaves no anchor', () => {
    document.body.innerHTML = FORM_SCREEN;
    const made = recipeFromPicks(
      { number: document.querySelector('#f-no')!, recipient: document.querySelector('[name="customer_email"]')!, customerName: document.querySelector('select')! },
      { name: 'Form', urlPattern: 'https://erp.example/*', asList: false },
    )!;
    const found = detectDocumentsOnPage(document, new URL('https://erp.example/inv/12'), [recipe(made)]);
    expect(found?.detection.documents[0]).toMatchObject({ number: 'FV 12/2026', recipients: ['inkop@beta.se'], customerName: 'Beta AB' });
    expect(found?.detection.anchor).toBe(document.querySelector('#f-no'));

    const floating = recipeFromPicks({ number: document.querySelector('#f-no')! }, { name: 'Form', urlPattern: 'https://erp.example/*', asList: false, placement: 'float' })!;
    expect(floating.placement).toBe('float');
    expect(detectDocumentsOnPage(document, new URL('https://erp.example/inv/12'), [recipe(floating)])?.detection.anchor).toBeUndefined();
  });

  it('keeps the element the user picked for the button, and the PDF button and customer page, in the recipe', () => {
    document.body.innerHTML = `<div class="bar"><button data-action="print">Print</button></div><h2 data-role="doc-title">Faktura</h2>
      <span class="no">4711</span><a data-link="customer" href="/customers/9">Beta AB</a>`;
    const made = recipeFromPicks(
      {
        number: document.querySelector('.no')!,
        title: document.querySelector('h2')!,
        pdfButton: document.querySelector('button')!,
        customerPage: document.querySelector('a')!,
      },
      { name: 'x', urlPattern: 'https://erp.example/*', asList: false, placement: 'picked' },
    )!;
    expect(made.fields).toMatchObject({ title: 'h2[data-role="doc-title"]', pdfButton: 'button[data-action="print"]', customerPage: 'a[data-link="customer"]' });
    // Without "after an element I click", a picked title is not the anchor.
    expect(
      recipeFromPicks({ number: document.querySelector('.no')!, title: document.querySelector('h2')! }, { name: 'x', urlPattern: 'https://erp.example/*', asList: false })!.fields.title,
    ).toBeUndefined();
  });
});

describe('picker quality (item 7)', () => {
  it('previews show the values of inputs, selects and textareas, not their empty text', () => {
    document.body.innerHTML = FORM_SCREEN;
    expect(shownValue(document.querySelector('#f-no')!)).toBe('FV 12/2026');
    expect(shownValue(document.querySelector('select')!)).toBe('Beta AB');
    expect(shownValue(document.querySelector('textarea')!)).toBe('Thanks');
    expect(shownValue(document.querySelector('th')!)).toBe('Number');
  });

  it('names form controls by their name, and cells by the data-* the app gives them, instead of nth-of-type chains', () => {
    document.body.innerHTML = FORM_SCREEN.replace('id="f-no" ', '');
    expect(uniqueSelector(document.querySelector('[name="invoice_no"]')!)).toBe('input[name="invoice_no"]');
    document.body.innerHTML = `<div class="card"><div data-field-name="total">120</div><div data-field-name="due">2026-12-01</div></div>
      <div class="card"><div data-col="amount">99</div></div>`;
    const due = uniqueSelector(document.querySelector('[data-field-name="due"]')!);
    expect(due).not.toContain('nth-of-type');
    expect(due).toContain('data-field-name="due"');
  });

  it('finds the same field after the app renders again with a row added above it', () => {
    const render = (extraRow: boolean, id: number) => `<div id=":r${id}:" class="css-${id}q">
      ${extraRow ? '<div class="line" data-kind="notice">Overdue</div>' : ''}
      <div class="line" data-kind="number">INV-${id}</div><div class="line" data-kind="amount">1 140,00</div></div>`;
    document.body.innerHTML = render(false, 1);
    const selector = uniqueSelector(document.querySelector('[data-kind="amount"]')!);
    document.body.innerHTML = render(true, 2);
    expect(document.querySelector(selector)?.textContent).toBe('1 140,00');
  });

  it.each([
    ['https://erp.example/app/#/invoice/*', 'https://erp.example/app/#/invoice/4711', true],
    ['https://erp.example/app/#/invoice/*', 'https://erp.example/app/#/customers/4711', false],
    ['https://erp.example/app/#/invoice/*', 'https://erp.example/app/', false],
    ['https://erp.example/app/*#/invoice/*', 'https://erp.example/app/index.html?x=1#/invoice/7', true],
    ['https://erp.example/*#!/doc/*', 'https://erp.example/x#!/doc/7', true],
    // Patterns without a fragment still ignore it.
    ['https://erp.example/app/*', 'https://erp.example/app/#/customers/1', true],
  ])('a pattern with a #fragment: %s matches %s: %s', (pattern, url, expected) => {
    expect(urlPatternMatches(pattern, url)).toBe(expected);
  });

  it('suggests a pattern that keeps a hash route, with its ids as wildcards', () => {
    expect(suggestUrlPattern(new URL('https://erp.example/app/#/invoice/4711'))).toBe('https://erp.example/app/*#/invoice/*');
    expect(suggestUrlPattern(new URL('https://erp.example/app/#/invoices/view'))).toBe('https://erp.example/app/*#/invoices/view*');
    expect(suggestUrlPattern(new URL('https://erp.example/doc/7#top'))).toBe('https://erp.example/doc/*');
  });
});
