/**
 * Out of the box on two more whole invoicing apps the other tests do not use (issue 16), as a new user
 * meets them, in one Chromium with the e2e build: sign in, go through the app's own screens to an
 * invoice, switch Ownpost on from the popup, and send, down to the mail the SMTP server received. The
 * apps (test/helpers/unseen-apps-2.ts): an Odoo-style web client in Dutch whose screens are hash
 * routes, list rows without links, the customer's address only on the partner's form, other people's
 * addresses in the chatter beside the invoice, and the PDF from the gear menu's Print item (an XHR
 * blob clicked through an `<a download>` that is never in the document); and a Dolibarr-style PHP
 * app in Spanish on plain HTTP under a LAN name, whose PDF exists only once the card's Generar form
 * was posted, then as a `document.php?modulepart=facture&file=…` attachment.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { MAILBOX, openPanel, pageScanned, startPairedBrowser, tabIdOf, type PairedBrowser } from '../helpers/paired-browser';
import { foundOnPage, sendAndWait, switchSiteOn, takeFromPage } from '../helpers/app-steps';
import { dolibarrApp, ninjaApp, odooApp, type DolibarrInvoice, type NinjaInvoice, type OdooInvoice } from '../helpers/unseen-apps-2';

/** Both names are ones the e2e build may reach without the permission prompt, but switches on only the production way. */
const SPA_HOST = 'runtime-site.test';
const LAN_HOST = 'erp.local';

const PARTNER = { id: 7, name: 'Bakkerij De Gouden Korst B.V.', email: 'administratie@goudenkorst.example' };
const ODOO: OdooInvoice[] = [
  {
    id: 42,
    number: 'INV/2026/00042',
    customer: PARTNER.name,
    amount: '€\u00a02.420,00',
    untaxed: '€\u00a02.000,00',
    tax: '€\u00a0420,00',
    date: '07-12-2026',
    dueDate: '21-12-2026',
    pdf: testPdf('odoo 42'),
  },
  {
    id: 43,
    number: 'INV/2026/00043',
    customer: PARTNER.name,
    amount: '€\u00a0605,00',
    untaxed: '€\u00a0500,00',
    tax: '€\u00a0105,00',
    date: '07-12-2026',
    dueDate: '21-12-2026',
    pdf: testPdf('odoo 43'),
  },
];
/** The addresses in the chatter beside the invoice, none of them the customer's. */
const CHATTER_ADDRESSES = ['boekhouding@jansen-accountants.example', 'inkoop@bakkerijgroep-holding.example'];

const CUSTOMER = { id: 5, name: 'Talleres Gómez S.L.', email: 'administracion@talleresgomez.example' };
const DOLIBARR: DolibarrInvoice[] = [
  {
    id: 12,
    number: 'FA2612-0012',
    customer: CUSTOMER.name,
    amount: '2.420,00 €',
    untaxed: '2.000,00 €',
    tax: '420,00 €',
    date: '07/12/2026',
    dueDate: '06/01/2027',
    pdf: testPdf('dolibarr FA2612-0012'),
  },
  { id: 11, number: 'FA2612-0011', customer: CUSTOMER.name, amount: '726,00 €', untaxed: '600,00 €', tax: '126,00 €', date: '30/11/2026', dueDate: '30/12/2026', pdf: testPdf('dolibarr FA2612-0011') },
];

const NINJA: NinjaInvoice[] = [
  {
    id: 'Opnel5aKBz',
    number: 'FV/2026/0042',
    customer: 'Przedsiębiorstwo Handlowe Nowak Sp. z o.o.',
    contact: { name: 'Anna Nowak', email: 'anna.nowak@phnowak.example' },
    amount: '1\u00a0230,00 zł',
    untaxed: '1\u00a0000,00 zł',
    tax: '230,00 zł',
    date: '07.12.2026',
    dueDate: '21.12.2026',
    pdf: testPdf('ninja FV/2026/0042'),
  },
  {
    id: 'wMvbmOeYAl',
    number: 'FV/2026/0043',
    customer: 'Kowalski i Wspólnicy Sp.j.',
    contact: { name: 'Jan Kowalski', email: 'jan@kowalski-wspolnicy.example' },
    amount: '615,00 zł',
    untaxed: '500,00 zł',
    tax: '115,00 zł',
    date: '07.12.2026',
    dueDate: '21.12.2026',
    pdf: testPdf('ninja FV/2026/0043'),
  },
];

let setup: PairedBrowser;
let ninja: InvoiceSite;
let odoo: InvoiceSite;
let dolibarr: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser({ hosts: { [SPA_HOST]: '127.0.0.1', [LAN_HOST]: '127.0.0.1' } });
  odoo = await startInvoiceSite(odooApp(ODOO, PARTNER));
  dolibarr = await startInvoiceSite(dolibarrApp(DOLIBARR, CUSTOMER));
  ninja = await startInvoiceSite(ninjaApp(NINJA));
  page = await setup.browser.context.newPage();
}, 60_000);

afterAll(async () => {
  await setup?.close();
  await odoo?.close();
  await dolibarr?.close();
  await ninja?.close();
});

/** Is the panel frame inside the viewport, and does a click at its centre land on Ownpost's host element? */
async function panelPlacement(): Promise<{ inViewport: boolean; hit: boolean }> {
  return page.evaluate(() => {
    const host = document.querySelector('ownpost-panel-ui');
    if (!host) return { inViewport: false, hit: false };
    const rect = host.getBoundingClientRect();
    const inViewport = rect.width > 0 && rect.height > 0 && rect.left >= 0 && rect.top >= 0 && rect.right <= innerWidth && rect.bottom <= innerHeight;
    return { inViewport, hit: document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2) === host };
  });
}

/**
 * The page shows its PDF in a frame whose address is a `blob:` the app made: the panel opens with that
 * PDF attached, without "Take the PDF from the page" (the user sees the preview before pressing the button).
 */
async function viewerAttached(panel: Frame): Promise<void> {
  await expect.poll(() => panel.getByTestId('ownpost-attachment').count(), { timeout: 15_000 }).toBe(1);
  expect(await panel.getByTestId('ownpost-no-pdf').count()).toBe(0);
}

/** Opens the panel once the app's preview shows the PDF from memory. */
async function openWithPreview(): Promise<Frame> {
  await page.locator('iframe[src^="blob:"]').waitFor();
  return openPanel(page);
}

describe('an Odoo-style hash-routed web client, in Dutch', () => {
  let origin: string;

  it('signs in, is switched on, and shows no button on the invoice list or the settings', async () => {
    origin = `http://${SPA_HOST}:${new URL(odoo.origin).port}`;
    await page.goto(`${origin}/login?next=/web`);
    await page.locator('.o_data_row', { hasText: ODOO[0]!.number }).waitFor();
    await switchSiteOn(setup, page);
    await page.reload();
    await page.locator('.o_data_row', { hasText: ODOO[0]!.number }).waitFor();
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);
    await page.click('#menu-settings');
    await page.locator('.breadcrumb-item', { hasText: 'Instellingen' }).waitFor();
    await expect.poll(() => page.getByTestId('ownpost-send').count()).toBe(0);
  });

  it('shows the button once the invoice renders, leaves the chatter alone, takes the PDF the Print menu makes, and sends', async () => {
    const [invoice] = ODOO;
    await page.click('#menu-invoices');
    await page.locator('.o_data_row', { hasText: invoice!.number }).click();
    const panel = await openPanel(page);
    expect(await panelPlacement()).toEqual({ inViewport: true, hit: true });
    expect((await foundOnPage(page)).document).toMatchObject({ number: invoice!.number, kind: 'invoice', customer: invoice!.customer });
    expect((await foundOnPage(page)).document.amount).toContain('2.420,00');
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(invoice!.number);
    expect(await panel.getByTestId('ownpost-message').inputValue()).toContain('2.420,00');
    // The customer's address is not on the screen; the chatter's are other people's.
    expect(await panel.getByTestId('ownpost-to').inputValue()).toBe('');

    await takeFromPage(panel, async () => {
      await page.click('#cog', { timeout: 5_000 });
      await page.click('#cog-menu [data-report="account.report_invoice"]', { timeout: 5_000 });
    });
    await panel.getByTestId('ownpost-to').fill(PARTNER.email);
    await sendAndWait(panel);

    const [mail] = await setup.smtp.waitForMessages(1);
    expect(mail!.parsed.from?.value[0]?.address).toBe(MAILBOX.address);
    expect(mail!.envelope.to).toEqual([PARTNER.email]);
    expect(mail!.parsed.subject).toContain(invoice!.number);
    expect(mail!.parsed.text).toContain('2.420,00');
    expect(mail!.parsed.text).toContain(`${invoice!.customer},`);
    for (const address of CHATTER_ADDRESSES) expect(JSON.stringify(mail!.envelope)).not.toContain(address);
    const pdf = mail!.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf && Buffer.compare(pdf.content, invoice!.pdf)).toBe(0);
  });

  it("shows no button on the customer's form", async () => {
    await page.click('.o_form_uri');
    await page.locator('.o_field_email a').waitFor();
    await expect.poll(() => page.getByTestId('ownpost-send').count()).toBe(0);
  });

  it("reads the next invoice, not the last one, with the customer's address suggested", async () => {
    const invoice = ODOO[1]!;
    await page.click('#menu-invoices');
    await page.locator('.o_data_row', { hasText: invoice.number }).click();
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(invoice.number);
    expect(await panel.getByTestId('ownpost-message').inputValue()).toContain('605,00');
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue(), { timeout: 10_000 }).toBe(PARTNER.email);
    await takeFromPage(panel, async () => {
      await page.click('#cog', { timeout: 5_000 });
      await page.click('#cog-menu [data-report="account.report_invoice"]', { timeout: 5_000 });
    });
    await sendAndWait(panel);
    const mail = (await setup.smtp.waitForMessages(2))[1]!;
    expect(mail.envelope.to).toEqual([PARTNER.email]);
    expect(mail.parsed.subject).toContain(invoice.number);
    const pdf = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf && Buffer.compare(pdf.content, invoice.pdf)).toBe(0);
  });
});

describe('a Dolibarr-style PHP app on plain HTTP under a LAN name, in Spanish', () => {
  let origin: string;

  it('signs in with its form, is switched on, and shows no button on the list or the setup', async () => {
    origin = `http://${LAN_HOST}:${new URL(dolibarr.origin).port}`;
    await page.goto(`${origin}/index.php`);
    await page.fill('#username', 'admin');
    await page.fill('#password', 'secreto');
    await page.click('input[type="submit"]');
    await page.waitForURL(/facture\/list\.php/);
    await switchSiteOn(setup, page);
    await page.reload();
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);
    await page.click('#menu-setup');
    await page.waitForURL(/admin\/index\.php/);
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);
  });

  it('reads the invoice card; without a PDF yet the panel says so; after Generar the file is attached and sent', async () => {
    const [invoice] = DOLIBARR;
    await page.click('#mainmenua_billing');
    await page.click(`a[href*="facid=${invoice!.id}"]`);
    await page.waitForURL(/facture\/card\.php/);
    let panel = await openPanel(page);
    expect(await panelPlacement()).toEqual({ inViewport: true, hit: true });
    expect((await foundOnPage(page)).document).toMatchObject({ number: invoice!.number, kind: 'invoice', customer: invoice!.customer });
    expect((await foundOnPage(page)).document.amount).toContain('2.420,00');
    await expect.poll(() => panel.getByTestId('ownpost-no-pdf').isVisible()).toBe(true);
    expect(await panel.getByTestId('ownpost-to').inputValue()).toBe('');

    // The app makes its PDF with the card's own form; the card comes back with the file listed.
    await page.click('#builddoc_generatebutton');
    await page.locator('a.documentdownload').waitFor();
    panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-attachment').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(invoice!.number);
    expect(await panel.getByTestId('ownpost-message').inputValue()).toContain('2.420,00');
    await panel.getByTestId('ownpost-to').fill(CUSTOMER.email);
    await sendAndWait(panel);

    const mail = (await setup.smtp.waitForMessages(3))[2]!;
    expect(mail.parsed.from?.value[0]?.address).toBe(MAILBOX.address);
    expect(mail.envelope.to).toEqual([CUSTOMER.email]);
    expect(mail.parsed.subject).toContain(invoice!.number);
    expect(mail.parsed.text).toContain('2.420,00');
    // In the document's language: a Spanish invoice's mail greets formally, without a name.
    expect(mail.parsed.subject).toBe(`Factura ${invoice!.number}`);
    expect(mail.parsed.text).toContain('Estimado/a cliente:');
    expect(mail.parsed.text).toContain(`Le adjuntamos la factura ${invoice!.number}.`);
    const pdf = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf && Buffer.compare(pdf.content, invoice!.pdf)).toBe(0);
  });

  it("shows no button on the third party's card", async () => {
    await page.click('a.refurl');
    await page.waitForURL(/societe\/card\.php/);
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);
  });
});

describe('an Invoice-Ninja-style app routed with the history API, in Polish, on another port of a host already on', () => {
  let origin: string;

  it('is already on (every port of the host), and shows no button on the list or the settings', async () => {
    origin = `http://${SPA_HOST}:${new URL(ninja.origin).port}`;
    await page.goto(`${origin}/login?next=/invoices`);
    await page.getByRole('link', { name: NINJA[0]!.number }).waitFor();
    const popup = setup.extensionPage;
    await popup.goto(`chrome-extension://${setup.browser.extensionId}/popup.html?tab=${await tabIdOf(setup, page.url())}`);
    await expect.poll(() => popup.getByTestId('popup-site').getAttribute('data-state'), { timeout: 10_000 }).toBe('on');
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);
    await page.click('#nav-settings');
    await page.locator('h2', { hasText: 'Ustawienia' }).waitFor();
    await expect.poll(() => page.getByTestId('ownpost-send').count()).toBe(0);
  });

  it('shows the button once the editor has rendered, reads its inputs and the contact, and sends the PDF', async () => {
    const invoice = NINJA[0]!;
    await page.click('#nav-invoices');
    await page.getByRole('link', { name: invoice.number }).click();
    const panel = await openWithPreview();
    expect(await panelPlacement()).toEqual({ inViewport: true, hit: true });
    // Read as it stands, its non-breaking group separator a space.
    expect((await foundOnPage(page)).document).toMatchObject({ number: invoice.number, kind: 'invoice', customer: invoice.customer, amount: invoice.amount.replace(/\u00a0/g, ' ') });
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe(invoice.contact.email);
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(invoice.number);
    await viewerAttached(panel);
    await sendAndWait(panel);

    const mail = (await setup.smtp.waitForMessages(4))[3]!;
    expect(mail.parsed.from?.value[0]?.address).toBe(MAILBOX.address);
    expect(mail.envelope.to).toEqual([invoice.contact.email]);
    // The Polish template, the page being in Polish.
    expect(mail.parsed.subject).toBe(`Faktura ${invoice.number}`);
    expect(mail.parsed.text).toContain('1 230,00 zł');
    const pdf = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf && Buffer.compare(pdf.content, invoice.pdf)).toBe(0);
    // Named after the document, the page giving the file no name.
    expect(pdf?.filename).toBe(`${invoice.number.replace(/\//g, '-')}.pdf`);
  });

  it("reads the next invoice the app routes to, and takes that invoice's PDF, not the last one's", async () => {
    const invoice = NINJA[1]!;
    await page.click('#nav-invoices');
    await page.getByRole('link', { name: invoice.number }).click();
    const panel = await openWithPreview();
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(invoice.number);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe(invoice.contact.email);
    await viewerAttached(panel);
    await sendAndWait(panel);
    const mail = (await setup.smtp.waitForMessages(5))[4]!;
    expect(mail.envelope.to).toEqual([invoice.contact.email]);
    expect(mail.parsed.subject).toContain(invoice.number);
    expect(mail.parsed.text).toContain('615,00 zł');
    const pdf = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf && Buffer.compare(pdf.content, invoice.pdf)).toBe(0);
  });
});
