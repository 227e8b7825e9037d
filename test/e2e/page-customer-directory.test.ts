/**
 * The customer's address is not on the invoice screen (issue 16 item 4), in Chromium: a send
 * teaches the company's customer directory on the relay, the customer's next invoice gets the
 * recipient suggested (and filled in), a wrong entry can be forgotten, and a recipe can read the
 * address from the customer's page the invoice links to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openPanel, openSignedIn, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';

const invoice = (number: string, customer: string, extra = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice ${number}</title></head>
<body><main><h1>Invoice ${number}</h1><p>Customer: ${customer}</p><p>Amount due: 1 140.00 EUR</p>${extra}
<p><a href="/files/${number}.pdf">Download PDF</a></p></main></body></html>`;

let setup: PairedBrowser;
let site: InvoiceSite;

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([
    { path: '/invoices/301', html: invoice('INV-301', 'Beta Ltd'), pdf: { path: '/files/INV-301.pdf', bytes: testPdf('301') } },
    { path: '/invoices/302', html: invoice('INV-302', 'Beta Ltd'), pdf: { path: '/files/INV-302.pdf', bytes: testPdf('302') } },
    { path: '/invoices/303', html: invoice('INV-303', 'Gamma AS', '<p><a class="customer" href="/customers/9">Gamma AS</a></p>'), pdf: { path: '/files/INV-303.pdf', bytes: testPdf('303') } },
    { path: '/customers/9', html: '<!doctype html><h1>Gamma AS</h1><p>Billing: <a href="mailto:faktura@gamma.example">faktura@gamma.example</a></p>' },
  ]);
}, 60_000);

afterAll(async () => {
  await site?.close();
  await setup?.close();
});

describe('the customer directory in the panel', () => {
  it("remembers the recipient of a send and suggests it on the customer's next invoice, for the whole company; Forget removes it", async () => {
    const page = await setup.browser.context.newPage();
    await openSignedIn(page, site.origin, '/invoices/301');
    const first = await openPanel(page);
    expect(await first.getByTestId('ownpost-to').inputValue()).toBe('');
    await first.getByTestId('ownpost-to').fill('ap@beta.example');
    await first.getByTestId('ownpost-submit').click();
    await expect.poll(() => first.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');

    // The relay knows it now, for every member.
    const member = await setup.relay.addUser('bo@firma.se', 'member');
    await expect.poll(async () => (await setup.relay.request('GET', '/v1/customers?name=Beta%20Ltd', { token: member.token })).body.customers?.[0]?.recipients).toEqual(['ap@beta.example']);

    await page.goto(`${site.origin}/invoices/302`);
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('ap@beta.example');
    const suggestion = panel.getByTestId('ownpost-customer-suggestion');
    expect(await suggestion.getAttribute('data-source')).toBe('directory');
    expect(await suggestion.textContent()).toContain('Beta Ltd');

    await panel.getByTestId('ownpost-customer-forget').click();
    await expect.poll(() => panel.getByTestId('ownpost-customer-forgotten').isVisible()).toBe(true);
    expect(await panel.getByTestId('ownpost-to').inputValue()).toBe('');
    expect((await setup.relay.request('GET', '/v1/customers?name=Beta%20Ltd', { token: member.token })).body.customers).toEqual([]);
    await page.close();
  });

  it("reads the address from the customer's page a recipe links to", async () => {
    const saved = await setup.request({
      type: 'recipes.save',
      recipe: { name: 'ERP', urlPattern: `${site.origin}/invoices/*`, fields: { number: 'main h1', pdf: 'main a[href$=".pdf"]', customerPage: 'a.customer' } },
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const page = await setup.browser.context.newPage();
    await openSignedIn(page, site.origin, '/invoices/303');
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue(), { timeout: 10_000 }).toBe('faktura@gamma.example');
    expect(await panel.getByTestId('ownpost-customer-suggestion').getAttribute('data-source')).toBe('page');
    await panel.getByTestId('ownpost-submit').click();
    await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    const mails = await setup.smtp.waitForMessages(2);
    expect(mails[1]!.envelope.to).toEqual(['faktura@gamma.example']);
    await page.close();
  });
});
