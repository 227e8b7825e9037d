/**
 * Out of the box on two whole invoicing apps the other tests do not use (issue 16), as a new user meets
 * them, in one Chromium with the e2e build: sign in, go through the app's own screens to an invoice,
 * switch Ownpost on from the popup, and send, down to the mail the SMTP server received. The apps
 * (test/helpers/unseen-apps.ts): a webERP-style German app of tables and readonly inputs on plain HTTP
 * under a LAN name, its PDF behind the screen's own form POST; and a Frappe-Books-style hash-routed
 * single-page app whose invoice renders after an API call, with the customer's address only on the
 * customer's screen and the PDF made by a toolbar button (base64 from the API, a `blob:` download).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { MAILBOX, openPanel, pageScanned, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';
import { foundOnPage, sendAndWait, switchSiteOn, takeFromPage } from '../helpers/app-steps';
import { booksApp, webErpApp, type BooksInvoice } from '../helpers/unseen-apps';

/** Both names are ones the e2e build may reach without the permission prompt, but switches on only the production way. */
const LAN_HOST = 'erp.local';
const SPA_HOST = 'runtime-site.test';

const ERP_INVOICE = { transNo: '10423', number: '10423', customer: 'Müller Maschinenbau GmbH', email: 'buchhaltung@mueller-maschinenbau.example', amount: '2.380,00', pdf: testPdf('weberp 10423') };
const CUSTOMER = { id: 7, name: 'Northwind Traders', email: 'ap@northwind.example' };
const BOOKS: BooksInvoice[] = [
  { id: 123, number: 'SINV-1001', customer: CUSTOMER.name, customerId: CUSTOMER.id, amount: '$1,250.00', pdf: testPdf('books SINV-1001') },
  { id: 124, number: 'SINV-1002', customer: CUSTOMER.name, customerId: CUSTOMER.id, amount: '$980.40', pdf: testPdf('books SINV-1002') },
];

let setup: PairedBrowser;
let erp: InvoiceSite;
let books: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser({ hosts: { [LAN_HOST]: '127.0.0.1', [SPA_HOST]: '127.0.0.1' } });
  erp = await startInvoiceSite(webErpApp(ERP_INVOICE));
  books = await startInvoiceSite(booksApp(BOOKS, CUSTOMER));
  page = await setup.browser.context.newPage();
}, 60_000);

afterAll(async () => {
  await setup?.close();
  await erp?.close();
  await books?.close();
});

async function noButton(): Promise<void> {
  await pageScanned(page);
  expect(await page.getByTestId('ownpost-send').count()).toBe(0);
}

describe('a webERP-style app on plain HTTP under a LAN name, in German', () => {
  let origin: string;

  it('signs in, is switched on, and shows no button on the customer account or the settings', async () => {
    origin = `http://${LAN_HOST}:${new URL(erp.origin).port}`;
    await page.goto(`${origin}/index.php`);
    await page.fill('#UserNameEntryField', 'anna');
    await page.fill('#Password', 'geheim');
    await page.click('#SubmitUser');
    await page.waitForURL(/CustomerInquiry\.php/);
    await switchSiteOn(setup, page);
    await page.reload();
    await noButton();
    await page.click('text=Einstellungen');
    await page.waitForURL(/SystemParameters\.php/);
    await noButton();
  });

  it('shows the button on the invoice, reads it as it stands, and sends the PDF the form makes', async () => {
    await page.goBack();
    await page.click('a[href*="FromTransNo=10423"]');
    await page.waitForURL(/PrintCustTrans\.php/);
    const panel = await openPanel(page);
    const read = await foundOnPage(page);
    expect(read.document).toMatchObject({ number: ERP_INVOICE.number, kind: 'invoice', customer: ERP_INVOICE.customer, amount: ERP_INVOICE.amount });
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe(ERP_INVOICE.email);
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(ERP_INVOICE.number);
    expect(await panel.getByTestId('ownpost-message').inputValue()).toContain(ERP_INVOICE.amount);
    // No link to a PDF: the screen's own form makes it, which the user presses once the capture listens.
    await expect.poll(() => panel.getByTestId('ownpost-no-pdf').isVisible()).toBe(true);
    await takeFromPage(panel, () => page.click('input[name="PrintPDF"]', { timeout: 5_000 }));
    // The app's own form POST did not move the page: Ownpost sent the form itself.
    expect(page.url()).not.toContain('PDFCustTrans');
    await sendAndWait(panel);

    const [mail] = await setup.smtp.waitForMessages(1);
    expect(mail!.parsed.from?.value[0]?.address).toBe(MAILBOX.address);
    expect(mail!.envelope.to).toEqual([ERP_INVOICE.email]);
    // In the page's language, read from its words (it has no `lang`): the German invoice template.
    expect(mail!.parsed.subject).toBe(`Rechnung ${ERP_INVOICE.number}`);
    expect(mail!.parsed.text).toContain(`Betrag: ${ERP_INVOICE.amount}\n`);
    const pdf = mail!.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf && Buffer.compare(pdf.content, ERP_INVOICE.pdf)).toBe(0);
  });
});

describe('a hash-routed single-page app', () => {
  let origin: string;

  it('signs in, is switched on, and shows no button on the list or the settings', async () => {
    origin = `http://${SPA_HOST}:${new URL(books.origin).port}`;
    await page.goto(`${origin}/login?next=${encodeURIComponent('/books#/invoices')}`);
    await page.getByRole('link', { name: 'SINV-1001' }).waitFor();
    await switchSiteOn(setup, page);
    await page.reload();
    await page.getByRole('link', { name: 'SINV-1001' }).waitFor();
    await noButton();
    await page.click('#nav-settings');
    await page.locator('.title', { hasText: 'Settings' }).waitFor();
    await expect.poll(() => page.getByTestId('ownpost-send').count()).toBe(0);
  });

  it('shows the button once the invoice renders, takes the PDF the toolbar makes, and sends to the recipient typed once', async () => {
    await page.click('#nav-invoices');
    await page.getByRole('link', { name: 'SINV-1001' }).click();
    const panel = await openPanel(page);
    const [invoice] = BOOKS;
    expect((await foundOnPage(page)).document).toMatchObject({ number: invoice!.number, kind: 'invoice', customer: invoice!.customer, amount: invoice!.amount });
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(invoice!.number);
    expect(await panel.getByTestId('ownpost-message').inputValue()).toContain(invoice!.amount);
    expect(await panel.getByTestId('ownpost-to').inputValue()).toBe('');

    await takeFromPage(panel, () => page.click('#save-pdf', { timeout: 5_000 }));
    await panel.getByTestId('ownpost-to').fill(CUSTOMER.email);
    await sendAndWait(panel);

    const mail = (await setup.smtp.waitForMessages(2))[1]!;
    expect(mail.parsed.from?.value[0]?.address).toBe(MAILBOX.address);
    expect(mail.envelope.to).toEqual([CUSTOMER.email]);
    expect(mail.parsed.subject).toContain(invoice!.number);
    expect(mail.parsed.text).toContain(`Amount due: ${invoice!.amount}\n`);
    expect(mail.parsed.text).toContain(`Hello ${invoice!.customer},`);
    const pdf = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf && Buffer.compare(pdf.content, invoice!.pdf)).toBe(0);
  });

  it("suggests the recipient on the same customer's next invoice", async () => {
    await page.click('#nav-invoices');
    await page.getByRole('link', { name: 'SINV-1002' }).click();
    const panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue(), { timeout: 10_000 }).toBe(CUSTOMER.email);
    expect(await panel.getByTestId('ownpost-customer-suggestion').getAttribute('data-source')).toBe('directory');
    expect(await panel.getByTestId('ownpost-subject').inputValue()).toContain(BOOKS[1]!.number);
  });
});
