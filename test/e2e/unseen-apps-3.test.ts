/**
 * Out of the box on three more whole invoicing apps the other tests do not use (issue 16), as a new
 * user meets them, in one Chromium with the e2e build: sign in through the app's own screens, go to a
 * document, switch Ownpost on from the popup, and send, down to the mail the SMTP server received. The
 * apps (test/helpers/unseen-apps-3.ts): a weclapp-style German ERP on plain HTTP under a LAN name
 * whose invoice opens in a side drawer over the list (the address unchanged, the list's other
 * invoices behind it) with its PDF previewed in an `<embed>` from a `blob:` URL; an Axonaut-style
 * French app routed with `history.pushState` that renders its whole view again every 700 ms, amounts
 * with a narrow no-break space, its PDF a download link without `.pdf`; and a Zoho-Invoice-style
 * English app over https behind HTTP Basic auth, a credit note and an estimate, the customer's e-mail
 * only in a contact card opened on click, the PDF sent as an attachment.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { MAILBOX, openPanel, pageScanned, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';
import { closePanel, foundOnPage, pdfOf, sendAndWait, switchSiteOn, takeFromPage } from '../helpers/app-steps';
import { WATCH_AFTER_NAVIGATION_MS } from '../../extension/entrypoints/invoice.content/watch-times';
import { axonautApp, weclappApp, WECLAPP_SUPPORT, ZOHO_PROXY, zohoApp, type AxonautInvoice, type WeclappInvoice, type ZohoDocument } from '../helpers/unseen-apps-3';

/** Names the e2e build may reach without the permission prompt, but switches on only the production way: each app is a site of its own. */
const LAN_HOST = 'erp.local';
const SPA_HOST = 'runtime-site.test';

const WECLAPP: WeclappInvoice[] = [
  {
    id: 815,
    number: 'RE-2026-0815',
    customer: 'Hofmann Elektrotechnik GmbH',
    customerNumber: '10027',
    contact: { name: 'Jana Hofmann', email: 'j.hofmann@hofmann-elektro.example' },
    net: '3.500,00 €',
    tax: '665,00 €',
    amount: '4.165,00 €',
    date: '07.12.2026',
    dueDate: '21.12.2026',
    pdf: testPdf('weclapp RE-2026-0815'),
  },
  {
    id: 816,
    number: 'RE-2026-0816',
    customer: 'Bäckerei Krause OHG',
    customerNumber: '10031',
    contact: { name: 'Tim Krause', email: 'buchhaltung@baeckerei-krause.example' },
    net: '980,00 €',
    tax: '186,20 €',
    amount: '1.166,20 €',
    date: '07.12.2026',
    dueDate: '21.12.2026',
    pdf: testPdf('weclapp RE-2026-0816'),
  },
  {
    id: 812,
    number: 'RE-2026-0812',
    customer: 'Stadtwerke Bad Kreuznach',
    customerNumber: '10002',
    contact: { name: 'Petra Lange', email: 'rechnungseingang@stadtwerke-kh.example' },
    net: '12.000,00 €',
    tax: '2.280,00 €',
    amount: '14.280,00 €',
    date: '02.12.2026',
    dueDate: '16.12.2026',
    pdf: testPdf('weclapp RE-2026-0812'),
  },
];

/** As the app writes them: `Intl.NumberFormat('fr-FR')`, a narrow no-break space (U+202F) between the thousands. */
const euros = (value: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(value);
const AXONAUT: AxonautInvoice[] = [
  {
    id: 118,
    number: 'F-2026-0118',
    customer: 'Boulangerie Martin SARL',
    contact: { name: 'Claire Martin', email: 'compta@boulangerie-martin.example' },
    net: euros(2300),
    tax: euros(460),
    amount: euros(2760),
    date: '07/12/2026',
    dueDate: '31/01/2027',
    pdf: testPdf('axonaut F-2026-0118'),
  },
  {
    id: 119,
    number: 'F-2026-0119',
    customer: 'Cabinet Dufresne & Associés',
    contact: { name: 'Marc Dufresne', email: 'm.dufresne@cabinet-dufresne.example' },
    net: euros(12500),
    tax: euros(2500),
    amount: euros(15000),
    date: '07/12/2026',
    dueDate: '31/01/2027',
    pdf: testPdf('axonaut F-2026-0119'),
  },
];

const CONTACT = { id: 9, name: 'Northbridge Studios Ltd', person: 'Emma Clarke', email: 'accounts@northbridge-studios.example' };
const ZOHO: ZohoDocument[] = [
  { id: 17, module: 'creditnotes', number: 'CN-00017', customer: CONTACT.name, amount: '£1,250.00', date: '07/12/2026', pdf: testPdf('zoho CN-00017') },
  { id: 42, module: 'estimates', number: 'EST-000042', customer: CONTACT.name, amount: '£3,480.50', date: '07/12/2026', pdf: testPdf('zoho EST-000042') },
];

let setup: PairedBrowser;
let weclapp: InvoiceSite;
let axonaut: InvoiceSite;
let zoho: InvoiceSite;
let page: Page;

beforeAll(async () => {
  // The test CA is not Chromium's: the https app is reached past its certificate check, as a self-hosted app with its own CA would be once trusted.
  setup = await startPairedBrowser({ hosts: { [LAN_HOST]: '127.0.0.1', [SPA_HOST]: '127.0.0.1' }, args: ['--ignore-certificate-errors'] });
  weclapp = await startInvoiceSite(weclappApp(WECLAPP));
  axonaut = await startInvoiceSite(axonautApp(AXONAUT));
  zoho = await startInvoiceSite(zohoApp(ZOHO, CONTACT), { https: true });
  page = await setup.browser.context.newPage();
}, 60_000);

afterAll(async () => {
  await setup?.close();
  await weclapp?.close();
  await axonaut?.close();
  await zoho?.close();
});

async function noButton(): Promise<void> {
  await pageScanned(page);
  expect(await page.getByTestId('ownpost-send').count()).toBe(0);
}

/** The mail the SMTP server got `n`-th (1-based) in this file. */
async function mailNumber(n: number) {
  return (await setup.smtp.waitForMessages(n))[n - 1]!;
}

describe('a weclapp-style ERP in German, on plain HTTP under a LAN name, its invoice in a drawer over the list', () => {
  let origin: string;

  it('signs in, is switched on, and shows no button on the invoice list or the overview', async () => {
    origin = `http://${LAN_HOST}:${new URL(weclapp.origin).port}`;
    await page.goto(`${origin}/webapp/login`);
    await page.fill('#username', 'j.albrecht');
    await page.fill('#password', 'Holz2026!');
    await page.click('#signin');
    await page.waitForURL(/ausgangsrechnungen/);
    await switchSiteOn(setup, page);
    await page.reload();
    await noButton();
    await page.click('#nav-dashboard');
    await page.waitForURL(/dashboard/);
    await noButton();
  });

  it("reads the drawer's invoice, not the list behind it, attaches the previewed PDF, and sends", async () => {
    const invoice = WECLAPP[0]!;
    await page.click('#nav-invoices');
    await page.waitForURL(/ausgangsrechnungen/);
    await page.click(`tr.row[data-id="${invoice.id}"]`);
    await page.locator('embed[src^="blob:"]').waitFor();
    expect(page.url()).toMatch(/\/webapp\/ausgangsrechnungen$/);
    const panel = await openPanel(page);
    expect((await foundOnPage(page)).document).toMatchObject({ number: invoice.number, kind: 'invoice', customer: invoice.customer, amount: invoice.amount });
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe(invoice.contact.email);
    await expect.poll(() => panel.getByTestId('ownpost-attachment').count(), { timeout: 15_000 }).toBe(1);
    await sendAndWait(panel);

    const mail = await mailNumber(1);
    expect(mail.parsed.from?.value[0]?.address).toBe(MAILBOX.address);
    expect(mail.envelope.to).toEqual([invoice.contact.email]);
    expect(mail.parsed.subject).toBe(`Rechnung ${invoice.number}`);
    expect(mail.parsed.text).toContain(invoice.amount);
    expect(JSON.stringify(mail.envelope)).not.toContain(WECLAPP_SUPPORT);
    expect(Buffer.compare(pdfOf(mail)!, invoice.pdf)).toBe(0);
    await closePanel(page, panel);
  });

  it('takes the button away with the drawer, and reads the next invoice opened in it', async () => {
    const invoice = WECLAPP[1]!;
    await page.click('#drawer-close');
    await expect.poll(() => page.getByTestId('ownpost-send').count()).toBe(0);
    await page.click(`tr.row[data-id="${invoice.id}"]`);
    await page.locator('embed[src^="blob:"]').waitFor();
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(invoice.number);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe(invoice.contact.email);
    expect(await panel.getByTestId('ownpost-message').inputValue()).toContain(invoice.amount);
    await expect.poll(() => panel.getByTestId('ownpost-attachment').count(), { timeout: 15_000 }).toBe(1);
    await sendAndWait(panel);
    const mail = await mailNumber(2);
    expect(mail.envelope.to).toEqual([invoice.contact.email]);
    expect(mail.parsed.subject).toContain(invoice.number);
    expect(Buffer.compare(pdfOf(mail)!, invoice.pdf)).toBe(0);
    await closePanel(page, panel);
  });
});

describe('an Axonaut-style app in French, routed with pushState, its view rendered again and again', () => {
  let origin: string;

  it('signs in, is switched on, and shows no button on the list, the dashboard or the settings', async () => {
    origin = `http://${SPA_HOST}:${new URL(axonaut.origin).port}`;
    await page.goto(`${origin}/login?next=${encodeURIComponent('/app/factures')}`);
    await page.getByRole('link', { name: AXONAUT[0]!.number }).waitFor();
    await switchSiteOn(setup, page);
    await page.reload();
    await page.getByRole('link', { name: AXONAUT[0]!.number }).waitFor();
    await noButton();
    await page.click('#nav-dashboard');
    await page.locator('h1', { hasText: 'Tableau de bord' }).waitFor();
    await expect.poll(() => page.getByTestId('ownpost-send').count()).toBe(0);
    await page.click('#nav-settings');
    await page.locator('h1', { hasText: 'Paramètres' }).waitFor();
    await expect.poll(() => page.getByTestId('ownpost-send').count()).toBe(0);
  });

  const renders = () => page.locator('#root').getAttribute('data-renders').then(Number);

  it('keeps the button through the re-renders, reads the invoice, and sends its PDF', async () => {
    const invoice = AXONAUT[0]!;
    await page.click('#nav-invoices');
    await page.getByRole('link', { name: invoice.number }).click();
    await page.locator('h1', { hasText: invoice.number }).waitFor();
    // Past the watch that follows a navigation (WATCH_AFTER_NAVIGATION_MS, 10 s) the view is made anew every 700 ms: the button stays.
    const before = await renders();
    await expect.poll(renders, { timeout: 15_000, interval: 250 }).toBeGreaterThan(before + Math.ceil(WATCH_AFTER_NAVIGATION_MS / 700) + 1);
    const after = await renders();
    await expect.poll(renders, { timeout: 5_000 }).toBeGreaterThan(after + 1);
    await expect.poll(() => page.getByTestId('ownpost-send').count(), { timeout: 5_000 }).toBe(1);
    const panel = await openPanel(page);
    expect((await foundOnPage(page)).document).toMatchObject({ number: invoice.number, kind: 'invoice', customer: invoice.customer, amount: invoice.amount.replace(/[\u00a0\u202f]/g, ' ') });
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe(invoice.contact.email);
    await expect.poll(() => panel.getByTestId('ownpost-attachment').count(), { timeout: 15_000 }).toBe(1);
    // The page renders on while the panel is open: the panel stays, with what it read.
    const opened = await renders();
    await expect.poll(renders, { timeout: 5_000 }).toBeGreaterThan(opened + 1);
    expect(panel.isDetached()).toBe(false);
    await sendAndWait(panel);

    const mail = await mailNumber(3);
    expect(mail.parsed.from?.value[0]?.address).toBe(MAILBOX.address);
    expect(mail.envelope.to).toEqual([invoice.contact.email]);
    // French is none of the panel's languages (shared/languages.ts): the message is in the user's, the page's amount as it stands.
    expect(mail.parsed.subject).toContain(invoice.number);
    expect((mail.parsed.text ?? '').replace(/[\u00a0\u202f]/g, ' ')).toContain('2 760,00 €');
    expect(Buffer.compare(pdfOf(mail)!, invoice.pdf)).toBe(0);
    await closePanel(page, panel);
  });

  it("moves to the next invoice in the same layout, and reads that one, not the last one's", async () => {
    const invoice = AXONAUT[1]!;
    await page.click('#next');
    await page.locator('h1', { hasText: invoice.number }).waitFor();
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(invoice.number);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe(invoice.contact.email);
    expect((await panel.getByTestId('ownpost-message').inputValue()).replace(/[\u00a0\u202f]/g, ' ')).toContain('15 000,00 €');
    await expect.poll(() => panel.getByTestId('ownpost-attachment').count(), { timeout: 15_000 }).toBe(1);
    await sendAndWait(panel);
    const mail = await mailNumber(4);
    expect(mail.envelope.to).toEqual([invoice.contact.email]);
    expect(mail.parsed.subject).toContain(invoice.number);
    expect(Buffer.compare(pdfOf(mail)!, invoice.pdf)).toBe(0);
    await closePanel(page, panel);
  });
});

describe('a Zoho-Invoice-style app in English, over https behind HTTP Basic auth: a credit note and an estimate', () => {
  let origin: string;

  it('signs in past the proxy and the app, is switched on, and shows no button on the list or the home page', async () => {
    origin = `https://${SPA_HOST}:${new URL(zoho.origin).port}`;
    // What the user types into the browser's own Basic-auth prompt, which Chromium then keeps for the origin.
    await setup.browser.context.setHTTPCredentials({ username: ZOHO_PROXY.user, password: ZOHO_PROXY.password, origin });
    await page.goto(`${origin}/signin`);
    await page.fill('#login_id', 'oliver@harbour-design.example');
    await page.fill('#password', 'tide-and-time');
    await page.click('#nextbtn');
    await page.waitForURL(/\/app\/creditnotes$/);
    await switchSiteOn(setup, page);
    await page.reload();
    await noButton();
    await page.click('#nav-home');
    await page.waitForURL(/\/app\/home$/);
    await noButton();
  });

  it("reads the credit note, takes the customer's address from the contact card, and sends the PDF its menu downloads", async () => {
    const note = ZOHO[0]!;
    await page.click('#nav-creditnotes');
    await page.click(`a[href="/app/creditnotes/${note.id}"]`);
    await page.waitForURL(/\/app\/creditnotes\/17$/);
    let panel = await openPanel(page);
    expect((await foundOnPage(page)).document).toMatchObject({ number: note.number, kind: 'credit-note', customer: note.customer, amount: note.amount });
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(note.number);
    // Not on the screen yet.
    expect(await panel.getByTestId('ownpost-to').inputValue()).toBe('');
    await closePanel(page, panel);

    await page.click('#customer-name');
    await page.locator('#contact-card a[href^="mailto:"]').waitFor();
    panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe(CONTACT.email);
    await takeFromPage(panel, async () => {
      await page.click('#pdf-menu', { timeout: 5_000 });
      await page.click('#menu-download', { timeout: 5_000 });
    });
    expect(page.url()).toMatch(/\/app\/creditnotes\/17$/);
    await sendAndWait(panel);

    const mail = await mailNumber(5);
    expect(mail.parsed.from?.value[0]?.address).toBe(MAILBOX.address);
    expect(mail.envelope.to).toEqual([CONTACT.email]);
    expect(mail.parsed.subject).toMatch(/credit note/i);
    expect(mail.parsed.subject).toContain(note.number);
    expect(mail.parsed.text).toContain(note.amount);
    expect(Buffer.compare(pdfOf(mail)!, note.pdf)).toBe(0);
    await closePanel(page, panel);
  });

  it("reads the estimate as a quote, suggests the customer's address, and attaches its download behind the proxy", async () => {
    const quote = ZOHO[1]!;
    await page.goto(`${origin}/app/estimates/${quote.id}`);
    const panel = await openPanel(page);
    expect((await foundOnPage(page)).document).toMatchObject({ number: quote.number, kind: 'quote', customer: quote.customer, amount: quote.amount });
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue(), { timeout: 10_000 }).toBe(CONTACT.email);
    await expect.poll(() => panel.getByTestId('ownpost-attachment').count(), { timeout: 15_000 }).toBe(1);
    await sendAndWait(panel);
    const mail = await mailNumber(6);
    expect(mail.envelope.to).toEqual([CONTACT.email]);
    expect(mail.parsed.subject).toContain(quote.number);
    expect(mail.parsed.text).toContain(quote.amount);
    expect(Buffer.compare(pdfOf(mail)!, quote.pdf)).toBe(0);
  });
});
