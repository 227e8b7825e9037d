/**
 * Issue 16 items 6 and 7 in Chromium: a hash-routed app whose invoice number is a read-only input.
 * The picker previews the input's value, suggests a URL pattern with the hash route, shows where the
 * button will go before saving (never inside the input), and the saved recipe's button is visible and
 * hit-testable on the invoice screen only.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openSignedIn, startPairedBrowser, tabIdOf, type PairedBrowser } from '../helpers/paired-browser';

/** A single-page app: the hash says which screen shows; the invoice screen is a form. */
const APP = `<!doctype html><html><head><meta charset="utf-8"><title>Ledger</title></head><body><div id="root"></div><script>
  const root = document.getElementById('root');
  function render() {
    if (location.hash.startsWith('#/invoice/')) {
      const id = location.hash.split('/')[2];
      root.innerHTML = '<form class="sheet"><div class="row"><span class="lbl">No.</span><input class="fld" readonly value="FV ' + id + '/2026"></div>'
        + '<div class="row"><span class="lbl">Mail</span><input class="fld" readonly value="ap@beta.example"></div>'
        + '<a class="ico" href="/files/' + id + '" title="⇩">⇩</a></form>';
    } else {
      root.innerHTML = '<h2>Customers</h2><p>Beta Ltd</p>';
    }
  }
  addEventListener('hashchange', render);
  render();
</script></body></html>`;

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([{ path: '/ledger/', html: APP, pdf: { path: '/files/12', bytes: testPdf('ledger 12') } }]);
  page = await setup.browser.context.newPage();
}, 60_000);

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

/** Is the element's centre inside the viewport, and is it what the user's click there would hit? */
function hitTestable(selector: string) {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    if (!host) return 'missing';
    const box = host.getBoundingClientRect();
    if (box.width < 10 || box.height < 10) return `too small: ${box.width}x${box.height}`;
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return 'outside the viewport';
    return document.elementFromPoint(x, y) === host ? 'ok' : `covered by ${document.elementFromPoint(x, y)?.outerHTML.slice(0, 80)}`;
  }, selector);
}

describe('a recipe for a hash-routed form screen', () => {
  it('previews the input values, keeps the hash route in the pattern, and shows the button after the input before saving', async () => {
    await openSignedIn(page, site.origin, '/ledger/#/invoice/12');
    await page.locator('input.fld').first().waitFor();
    await setup.request({ type: 'picker.start', tabId: await tabIdOf(setup, page.url()) });
    const step = page.getByTestId('ownpost-picker-step');
    await expect.poll(() => step.getAttribute('data-field')).toBe('number');
    await page.locator('input.fld').first().click();
    await expect.poll(() => step.getAttribute('data-field')).toBe('recipient');
    await page.locator('input.fld').nth(1).click();
    for (const field of ['customerName', 'amount', 'dueDate']) {
      await expect.poll(() => step.getAttribute('data-field')).toBe(field);
      await page.getByTestId('ownpost-picker-skip').click();
    }
    await page.click('a.ico');

    await expect
      .poll(() => page.getByTestId('ownpost-picker-pick').allTextContents())
      .toEqual([expect.stringContaining('FV 12/2026'), expect.stringContaining('ap@beta.example'), expect.stringContaining('/files/12')]);
    expect(await page.getByTestId('ownpost-recipe-pattern').inputValue()).toBe(`${site.origin}/ledger/*#/invoice/*`);

    // The preview is where the button will be: after the input, visible, never inside it.
    await expect.poll(() => hitTestable('ownpost-preview-ui')).toBe('ok');
    expect(await page.evaluate(() => document.querySelector('input.fld')!.nextElementSibling?.tagName)).toBe('OWNPOST-PREVIEW-UI');
    await page.getByTestId('ownpost-placement-float').check();
    await expect.poll(() => page.getByTestId('ownpost-button-preview').getAttribute('data-placement')).toBe('float');
    await expect.poll(() => hitTestable('ownpost-preview-ui')).toBe('ok');
    await page.getByTestId('ownpost-placement-number').check();
    await expect.poll(() => page.getByTestId('ownpost-button-preview').getAttribute('data-placement')).toBeNull();

    await page.getByTestId('ownpost-recipe-save').click();
    await expect.poll(() => page.getByTestId('ownpost-picker-status').getAttribute('data-state')).toBe('saved');
  });

  it('puts the saved recipe’s button after the input, visible and clickable, and only on the invoice screen', async () => {
    await page.reload();
    await page.getByTestId('ownpost-send').waitFor();
    expect(await page.evaluate(() => document.querySelector('input.fld')!.childNodes.length)).toBe(0);
    await expect.poll(() => hitTestable('ownpost-send-ui')).toBe('ok');

    await page.evaluate(() => (location.hash = '#/customers'));
    await expect.poll(() => page.getByTestId('ownpost-send').count(), { timeout: 10_000 }).toBe(0);
    await page.evaluate(() => (location.hash = '#/invoice/13'));
    await expect.poll(() => page.getByTestId('ownpost-send').count(), { timeout: 10_000 }).toBe(1);
  });
});
