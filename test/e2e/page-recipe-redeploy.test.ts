/**
 * Issue 16 item 7 in Chromium: a recipe picked on one invoice of a styled-components app is applied
 * after a redeploy, on another invoice. Between the two pages every class name is another hash, the
 * fields come in the other order and a banner sits above them: only the labels next to the values
 * are the same. The picker saves label-anchored selectors, and the other page's values reach the panel.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, type InvoiceSite } from '../helpers/invoice-site';
import { openPanel, openSignedIn, pageScanned, startPairedBrowser, tabIdOf, type PairedBrowser } from '../helpers/paired-browser';

interface Render {
  hashes: [string, string, string, string];
  banner: boolean;
  reordered: boolean;
  number: string;
  customer: string;
  email: string;
}

/** Labels the generic detector does not know, in a run of label/value rows: only a recipe reads this page. */
const appPage = (r: Render) => {
  const [a, b, c, d] = r.hashes;
  const row = (label: string, value: string) => `<div class="sc-${a} ${b}"><span class="sc-${c} ${d}">${label}</span><span class="sc-${d} ${a}">${value}</span></div>`;
  const rows = [row('Ref', r.number), row('Party', r.customer), row('Contact', r.email), row('Note', 'Thank you')];
  return `<!doctype html><html><head><meta charset="utf-8"><title>Ledgerly</title></head><body><div class="sc-${b} ${c}">
    ${r.banner ? `<div class="sc-${c} ${a}" role="alert">We moved things around</div>` : ''}
    <div class="sc-${d} ${b}">${(r.reordered ? [...rows].reverse() : rows).join('')}</div></div></body></html>`;
};

const A: Render = { hashes: ['bdVaJa', 'kVxWqZ', 'pLmNoQ', 'rTgHjK'], banner: false, reordered: false, number: 'LG-42', customer: 'Beta AB', email: 'ap@beta.example' };
const B: Render = { hashes: ['QwErTy', 'ZxCvBn', 'MnBvCx', 'LkJhGf'], banner: true, reordered: true, number: 'LG-107', customer: 'Gamma GmbH', email: 'billing@gamma.example' };

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([
    { path: '/ledgerly/invoices/42', html: appPage(A) },
    { path: '/ledgerly/invoices/107', html: appPage(B) },
  ]);
  page = await setup.browser.context.newPage();
}, 60_000);

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

describe('a recipe for an app whose class names change on every deploy', () => {
  it('is picked on one invoice, with selectors by the labels next to the values', async () => {
    await openSignedIn(page, site.origin, '/ledgerly/invoices/42');
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);

    await setup.request({ type: 'picker.start', tabId: await tabIdOf(setup, page.url()) });
    const step = page.getByTestId('ownpost-picker-step');
    await expect.poll(() => step.getAttribute('data-field')).toBe('number');
    await page.getByText(A.number, { exact: true }).click();
    await expect.poll(() => step.getAttribute('data-field')).toBe('recipient');
    await page.getByText(A.email, { exact: true }).click();
    await expect.poll(() => step.getAttribute('data-field')).toBe('customerName');
    await page.getByText(A.customer, { exact: true }).click();
    for (const field of ['amount', 'dueDate', 'pdf']) {
      await expect.poll(() => step.getAttribute('data-field')).toBe(field);
      await page.getByTestId('ownpost-picker-skip').click();
    }
    await expect
      .poll(() => page.getByTestId('ownpost-picker-pick').allTextContents())
      .toEqual([expect.stringContaining(A.number), expect.stringContaining(A.email), expect.stringContaining(A.customer)]);
    await page.getByTestId('ownpost-recipe-save').click();
    await expect.poll(() => page.getByTestId('ownpost-picker-status').getAttribute('data-state')).toBe('saved');

    const recipes = await setup.request({ type: 'recipes.list' });
    const saved = JSON.stringify(recipes);
    expect(saved).toContain('@label');
    for (const hash of A.hashes) expect(saved).not.toContain(hash);
  });

  it('reads the other invoice after the redeploy: its number, address and customer reach the panel', async () => {
    await openSignedIn(page, site.origin, '/ledgerly/invoices/107');
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe(B.email);
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(B.number);
  });
});
