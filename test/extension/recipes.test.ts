import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recipeFromPicks } from '../../extension/entrypoints/invoice.content/panel/Picker';
import { companyRecipes, COMPANY_RECIPES_MAX_AGE_MS, personalRecipesItem, recipesForOrigin, savePersonalRecipe } from '../../extension/recipes/recipe-store';
import { relativeSelector, repeatedRow, uniqueSelector } from '../../extension/recipes/selector';
import { suggestUrlPattern, urlPatternMatches, wildcardMatch } from '../../extension/recipes/url-pattern';
import { detectDocumentsOnPage } from '../../extension/sites';
import { RECIPE_FORMAT_VERSION, type Recipe, type RecipeView } from '../../shared/recipe-schemas';

const PAGE_URL = new URL('https://erp.example/doc/77');

function recipe(fields: Recipe['fields'], extra: Partial<Recipe> = {}): Recipe {
  return { id: 'r1', formatVersion: 1, name: 'ERP', urlPattern: 'https://erp.example/doc/*', fields, scope: 'personal', createdAt: '', updatedAt: '', ...extra };
}

/** An app screen whose framework makes new ids and class names on every render. */
function erpScreen(render: number, id: number, email: string) {
  return `<div id=":r${render}:" class="css-${render}x9f shell"><div class="topbar">Acme ERP</div>
    <div class="doc"><div class="doc-head"><div class="doc-id css-a${render}">2026/${id}</div></div>
    <div class="party"><span class="nm">Beta AB</span><span class="contact" id="contact-${render}${id}">${email}</span></div>
    <a class="dl" href="/files/${id}">⬇</a></div></div>`;
}

describe('selectors for picked elements', () => {
  it('names an element by its stable id or test id when it has one', () => {
    document.body.innerHTML = '<p id="customer-email">a@b.example</p><span data-testid="invoice-number">7</span>';
    expect(uniqueSelector(document.querySelector('#customer-email')!)).toBe('#customer-email');
    expect(uniqueSelector(document.querySelector('span')!)).toBe('span[data-testid="invoice-number"]');
  });

  it('leaves out generated ids and classes, so the selector still finds the element after the app renders again', () => {
    document.body.innerHTML = erpScreen(1, 77, 'inkop@beta.se');
    const number = uniqueSelector(document.querySelector('.doc-id')!);
    const email = uniqueSelector(document.querySelector('.contact')!);
    expect(number).not.toMatch(/css-|:r1:|\d{2,}/);
    expect(email).not.toMatch(/contact-/);
    document.body.innerHTML = erpScreen(2, 78, 'ekonomi@gamma.se');
    expect(document.querySelector(number)?.textContent).toBe('2026/78');
    expect(document.querySelector(email)?.textContent).toBe('ekonomi@gamma.se');
  });

  it('finds the rows of a list and the same cell in each row', () => {
    document.body.innerHTML = `<table class="invoices"><tbody>
      <tr><td>2026-1</td><td>a@one.example</td><td><a href="/1.pdf">PDF</a></td></tr>
      <tr><td>2026-2</td><td>b@two.example</td><td><a href="/2.pdf">PDF</a></td></tr></tbody></table>`;
    const cell = document.querySelectorAll('td')[4]!;
    const list = repeatedRow(cell)!;
    expect(list.count).toBe(2);
    expect(document.querySelectorAll(list.rowSelector)).toHaveLength(2);
    const relative = relativeSelector(cell, list.row)!;
    expect([...document.querySelectorAll(list.rowSelector)].map((row) => row.querySelector(relative)?.textContent)).toEqual(['a@one.example', 'b@two.example']);
  });
});

describe('recipes made from picks', () => {
  it('make a document recipe that reads the page it was made on and its siblings', () => {
    document.body.innerHTML = erpScreen(1, 77, 'inkop@beta.se');
    const made = recipeFromPicks(
      { number: document.querySelector('.doc-id')!, recipient: document.querySelector('.contact')!, customerName: document.querySelector('.nm')!, pdf: document.querySelector('.dl')! },
      { name: 'ERP', urlPattern: suggestUrlPattern(PAGE_URL), asList: false },
    )!;
    expect(made.rowSelector).toBeUndefined();
    const stored = recipe(made.fields, { urlPattern: made.urlPattern });
    document.body.innerHTML = erpScreen(5, 78, 'ekonomi@gamma.se');
    const result = detectDocumentsOnPage(document, new URL('https://erp.example/doc/78'), [stored]);
    expect(result?.adapter.id).toBe('recipe:r1');
    expect(result?.detection.documents[0]).toMatchObject({ number: '2026/78', recipients: ['ekonomi@gamma.se'], customerName: 'Beta AB', pdfUrl: 'https://erp.example/files/78' });
  });

  it('make a list recipe when the number and the PDF sit in the same repeated row', () => {
    document.body.innerHTML = `<h1>Documents</h1><div class="grid">
      <div class="row"><span>A-1</span><em>a@one.example</em><a href="/d/1">⬇</a></div>
      <div class="row"><span>A-2</span><em>b@two.example</em><a href="/d/2">⬇</a></div>
      <div class="row"><span>A-3</span><em></em><a href="/d/3">⬇</a></div></div>`;
    const rows = document.querySelectorAll('.row');
    const made = recipeFromPicks(
      { number: rows[1]!.querySelector('span')!, recipient: rows[1]!.querySelector('em')!, pdf: rows[1]!.querySelector('a')! },
      { name: 'Grid', urlPattern: 'https://erp.example/list*', asList: true },
    )!;
    expect(made.rowSelector).toBeDefined();
    const result = detectDocumentsOnPage(document, new URL('https://erp.example/list'), [recipe(made.fields, { urlPattern: made.urlPattern, rowSelector: made.rowSelector! })]);
    expect(result?.detection.kind).toBe('list');
    expect(result?.detection.documents.map((d) => [d.number, d.recipients[0], d.pdfUrl])).toEqual([
      ['A-1', 'a@one.example', 'https://erp.example/d/1'],
      ['A-2', 'b@two.example', 'https://erp.example/d/2'],
      ['A-3', undefined, 'https://erp.example/d/3'],
    ]);
  });

  it('need at least the number or the PDF', () => {
    document.body.innerHTML = '<p class="x">a@b.example</p>';
    expect(recipeFromPicks({ recipient: document.querySelector('.x')! }, { name: 'x', urlPattern: 'https://x.example/*', asList: false })).toBeUndefined();
  });
});

describe('the recipe adapter with recipes from elsewhere', () => {
  it('treats an invalid selector as "not found" and lets the generic adapter read the page', () => {
    document.body.innerHTML = '<h1>Invoice 12</h1><a href="/12.pdf">PDF</a>';
    const result = detectDocumentsOnPage(document, PAGE_URL, [recipe({ number: 'h1[[[' })]);
    expect(result?.adapter.id).toBe('generic');
  });

  it('does not apply to pages its pattern does not cover', () => {
    document.body.innerHTML = erpScreen(1, 77, 'inkop@beta.se');
    expect(detectDocumentsOnPage(document, new URL('https://other.example/doc/77'), [recipe({ number: '.doc-id' })])).toBeUndefined();
  });

  it('ignores a picked PDF link that leads to another site, and reads mailto links', () => {
    document.body.innerHTML = '<b class="n">Order 7</b><a class="m" href="mailto:x@y.example?subject=hi">Mail us</a><a class="p" href="https://evil.example/7.pdf">PDF</a>';
    const found = detectDocumentsOnPage(document, PAGE_URL, [recipe({ number: '.n', recipient: '.m', pdf: '.p' })])?.detection.documents[0];
    expect(found).toMatchObject({ number: '7', recipients: ['x@y.example'] });
    expect(found?.pdfUrl).toBeUndefined();
  });
});

describe('recipe URL patterns', () => {
  it.each([
    ['https://erp.example/doc/*', 'https://erp.example/doc/77', true],
    ['https://erp.example/doc/*', 'https://erp.example/doc/77?tab=pdf#top', true],
    ['https://erp.example/doc/*', 'https://erp.example/other/77', false],
    ['https://*.wfirma.pl/invoices/*', 'https://app.wfirma.pl/invoices/9', true],
    ['https://*.wfirma.pl/invoices/*', 'https://wfirma.pl.evil.example/invoices/9', false],
    ['*://erp.example/doc/*', 'http://erp.example/doc/1', true],
    ['https://erp.example/doc/*?view=print', 'https://erp.example/doc/1?view=print', true],
    ['https://erp.example/doc/*?view=print', 'https://erp.example/doc/1', false],
    ['https://erp.example/*', 'file:///etc/passwd', false],
  ])('%s matches %s: %s', (pattern, url, expected) => {
    expect(urlPatternMatches(pattern, url)).toBe(expected);
  });

  it('suggests the page’s path with its ids as wildcards', () => {
    expect(suggestUrlPattern(new URL('https://erp.example/doc/77/view?x=1'))).toBe('https://erp.example/doc/*/view*');
    expect(suggestUrlPattern(new URL('https://erp.example/invoices/INV-2026-7'))).toBe('https://erp.example/invoices/*');
  });

  it('matches a hostile pattern against a long address within a time budget (no backtracking blow-up)', () => {
    const started = performance.now();
    expect(wildcardMatch('*a*a*a*a*a*a*a*b', 'a'.repeat(2048))).toBe(false);
    // Backtracking would take astronomically long; linear matching takes well under a millisecond.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('stored recipes', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are versioned and replaced when the user teaches the same pages again', async () => {
    await savePersonalRecipe({ name: 'A', urlPattern: 'https://erp.example/doc/*', fields: { number: '.a' } });
    const second = await savePersonalRecipe({ name: 'B', urlPattern: 'https://erp.example/doc/*', fields: { number: '.b' } });
    expect(await personalRecipesItem.getValue()).toEqual([second]);
    expect(second.formatVersion).toBe(RECIPE_FORMAT_VERSION);
    expect(await fakeBrowser.storage.local.get('recipes')).toEqual({ recipes: [second] });
  });

  it('come from the relay once, then from the cache until it is stale', async () => {
    const company = [{ ...recipe({ number: '.x' }), scope: 'company', publishedBy: 'admin@firma.se' }] as RecipeView[];
    let fetched = 0;
    const fetchList = async () => (fetched++, company);
    const now = Date.now();
    expect(await companyRecipes('http://relay', fetchList, now)).toEqual(company);
    expect(await companyRecipes('http://relay', fetchList, now + 1000)).toEqual(company);
    expect(fetched).toBe(1);
    await companyRecipes('http://relay', fetchList, now + COMPANY_RECIPES_MAX_AGE_MS + 1);
    expect(fetched).toBe(2);
    // Another relay: the cache of the first is not used.
    expect(await companyRecipes('http://other-relay', async () => [], now)).toEqual([]);
  });

  it('are given to a page only when they may apply to its site', () => {
    const mine = recipe({ number: '.x' });
    const wildcard = recipe({ number: '.x' }, { id: 'r2', urlPattern: 'https://*.erp.example/*' });
    const elsewhere = recipe({ number: '.x' }, { id: 'r3', urlPattern: 'https://other.example/*' });
    expect(recipesForOrigin([mine, wildcard, elsewhere], 'https://erp.example/doc/1').map((r) => r.id)).toEqual(['r1', 'r2']);
  });
});
