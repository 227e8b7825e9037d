/**
 * Out of the box on three more whole invoicing apps the other tests do not use (issue 16), as a new
 * user meets them, in one Chromium with the e2e build: sign in through the app's own screens, go to a
 * document, switch Ownpost on from the popup, and send, down to the mail the SMTP server received. The
 * apps (test/helpers/unseen-apps-4.ts): a bexio-style Swiss app, hash-routed, its whole interface in
 * nested Shadow DOM and its list virtualised, a quote and a payment reminder with apostrophe-grouped
 * francs, the PDF an RPC's base64 saved through a link clicked inside a shadow root; an Italian app of
 * the frameset school over https, its order confirmation and invoice in a same-origin frame of the
 * shell, the PDF opened in a new tab by `window.open` behind `href="#"`; and a PHC-style Portuguese
 * app on plain HTTP under a LAN name, the customer's e-mail nowhere on the invoice, the PDF from a print
 * form whose template must be chosen, the recipient then suggested to a colleague on another computer
 * from the company's customer directory on the relay.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { MAILBOX, openPanel, pageScanned, pairAnotherBrowser, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';
import { testProfile } from '../helpers/test-relay';
import { buttonPlacement } from '../helpers/button-placement';
import { closePanel, foundOnPage, pdfOf, sendAndWait, switchSiteOn, takeFromPage } from '../helpers/app-steps';
import {
  bexioApp,
  faturacaoApp,
  FATURACAO_PRINT,
  FATURACAO_SELLER_EMAIL,
  gestionaleApp,
  GESTIONALE_SUPPORT,
  type BexioDocument,
  type FaturacaoInvoice,
  type GestionaleDocument,
} from '../helpers/unseen-apps-4';

/** Names the e2e build may reach without the permission prompt, but switches on only the production way: each app is a site of its own. */
const LAN_HOST = 'erp.local';
const SPA_HOST = 'runtime-site.test';
const HOSTS = { [LAN_HOST]: '127.0.0.1', [SPA_HOST]: '127.0.0.1' };
/** The test CA is not Chromium's: the https app is reached past its certificate check, as a self-hosted app with its own CA would be once trusted. */
const ARGS = ['--ignore-certificate-errors'];

const BRUNNER = { name: 'Schreinerei Gerber AG', email: 'buchhaltung@schreinerei-gerber.example' };
const BEXIO: BexioDocument[] = [
  {
    id: 7,
    type: 'kb_offer',
    number: 'AN-00107',
    customer: BRUNNER.name,
    contact: BRUNNER,
    date: '07.12.2026',
    // The app's own formatting: an ASCII apostrophe.
    amount: "CHF 12'450.00",
    lines: [
      { text: 'Dachstuhl Lärche, Material', amount: "CHF 7'630.00" },
      { text: 'Montage 48 h', amount: "CHF 3'887.30" },
      { text: 'MWST 8,1 %', amount: 'CHF 932.70' },
    ],
    pdf: testPdf('bexio AN-00107'),
  },
  {
    id: 42,
    type: 'kb_reminder',
    number: 'RE-00042',
    customer: 'Garage Meier AG',
    contact: { name: 'Garage Meier AG', email: 'kreditoren@garage-meier.example' },
    date: '07.12.2026',
    // As older ICU versions (and apps that typeset) write francs: a right single quotation mark (U+2019) between the thousands.
    amount: 'CHF 3’800.55',
    lines: [
      { text: 'Rechnung RE-00042 vom 02.11.2026', amount: 'CHF 3’780.55' },
      { text: 'Mahngebühr', amount: 'CHF 20.00' },
    ],
    pdf: testPdf('bexio Mahnung RE-00042'),
  },
];

const DA_GINO = { name: 'Ristorante Da Gino S.n.c.', email: 'amministrazione@dagino.example' };
const GESTIONALE: GestionaleDocument[] = [
  { id: 58, type: 'OC', number: 'OC/2026/58', customer: DA_GINO.name, email: DA_GINO.email, amount: '€ 1.830,00', date: '07/12/2026', pdf: testPdf('gestionale OC 58') },
  { id: 412, type: 'FV', number: 'FV 2026/0412', customer: DA_GINO.name, email: DA_GINO.email, amount: '€ 12.480,00', date: '07/12/2026', pdf: testPdf('gestionale FV 412') },
];

const LUSITANA = { name: 'Padaria Lusitana, Lda', email: 'contabilidade@padaria-lusitana.example' };
const FATURACAO: FaturacaoInvoice[] = [
  { id: 131, number: 'FT 2026/131', customer: LUSITANA.name, customerNumber: 'C0042', taxNumber: '501 234 567', amount: '2 460,00 €', date: '2026-12-07', pdf: testPdf('faturacao FT 131') },
  { id: 133, number: 'FT 2026/133', customer: LUSITANA.name, customerNumber: 'C0042', taxNumber: '501 234 567', amount: '1 107,00 €', date: '2026-12-07', pdf: testPdf('faturacao FT 133') },
];

let setup: PairedBrowser;
let bexio: InvoiceSite;
let gestionale: InvoiceSite;
let faturacao: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser({ hosts: HOSTS, args: ARGS });
  bexio = await startInvoiceSite(bexioApp(BEXIO));
  gestionale = await startInvoiceSite(gestionaleApp(GESTIONALE), { https: true });
  faturacao = await startInvoiceSite(faturacaoApp(FATURACAO));
  page = await setup.browser.context.newPage();
}, 60_000);

afterAll(async () => {
  await setup?.close();
  await bexio?.close();
  await gestionale?.close();
  await faturacao?.close();
});

async function noButton(on = page): Promise<void> {
  await pageScanned(on);
  expect(await on.getByTestId('ownpost-send').count()).toBe(0);
}

/** Presses Send, waits until the panel says sent, and returns the mail the SMTP server got for it (the next one, so a test may run alone). */
async function sendAndReceive(panel: Frame) {
  const before = setup.smtp.received.length;
  await sendAndWait(panel);
  return (await setup.smtp.waitForMessages(before + 1))[before]!;
}

describe('a bexio-style Swiss app: hash routes, Shadow DOM all the way down, a virtualised list, a quote and a reminder', () => {
  let origin: string;

  it('signs in, is switched on, and shows no button on the virtualised list, the dashboard or the settings', async () => {
    origin = `http://${SPA_HOST}:${new URL(bexio.origin).port}`;
    await page.goto(`${origin}/office/login`);
    await page.fill('#email', 'm.brunner@holzbau-brunner.example');
    await page.fill('#pass', 'Lärche-2026');
    await page.click('#login-submit');
    await page.locator('.row', { hasText: BEXIO[0]!.number }).waitFor();
    await switchSiteOn(setup, page);
    await page.reload();
    await page.locator('.row', { hasText: BEXIO[0]!.number }).waitFor();
    await noButton();
    // Scrolled, other rows are made in place of these: still a list.
    await page.locator('bx-sales-list').evaluate((list) => list.shadowRoot!.querySelector('.viewport')!.scrollTo(0, 3600));
    await page.locator('.row', { hasText: 'RE-00800' }).waitFor();
    await expect.poll(() => page.getByTestId('ownpost-send').count()).toBe(0);
    await page.locator('#nav-dashboard').click();
    await page.locator('h2', { hasText: 'Dashboard' }).waitFor();
    await expect.poll(() => page.getByTestId('ownpost-send').count()).toBe(0);
    await page.locator('#nav-settings').click();
    await page.locator('h2', { hasText: 'Einstellungen' }).waitFor();
    await expect.poll(() => page.getByTestId('ownpost-send').count()).toBe(0);
  });

  it('reads the quote inside the shadow roots, takes the PDF the RPC saves, and sends it as a quote', async () => {
    const quote = BEXIO[0]!;
    await page.locator('#nav-sales').click();
    await page.locator('.row', { hasText: quote.number }).click();
    await page.locator('h1', { hasText: quote.number }).waitFor();
    expect(page.url()).toMatch(/#\/kb_offer\/show\/7$/);
    // The document is two shadow roots down: the button is still where a person can click it.
    await page.getByTestId('ownpost-send').waitFor();
    expect(await page.evaluate(buttonPlacement)).toMatchObject({ inViewport: true, hit: true });
    const panel = await openPanel(page);
    expect((await foundOnPage(page)).document).toMatchObject({ number: quote.number, kind: 'quote', customer: quote.customer, amount: quote.amount });
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe(quote.contact.email);
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toBe(`Angebot ${quote.number}`);
    expect(await panel.getByTestId('ownpost-message').inputValue()).toContain(quote.amount);
    await takeFromPage(panel, () => page.locator('#pdf').click({ timeout: 5_000 }));
    const mail = await sendAndReceive(panel);
    expect(mail.parsed.from?.value[0]?.address).toBe(MAILBOX.address);
    expect(mail.envelope.to).toEqual([quote.contact.email]);
    expect(mail.parsed.subject).toBe(`Angebot ${quote.number}`);
    expect(mail.parsed.text).toContain(quote.amount);
    expect(Buffer.compare(pdfOf(mail)!, quote.pdf)).toBe(0);
    await closePanel(page, panel);
  });

  it('reads the reminder as a reminder for its invoice, with the amount still open, and sends its PDF', async () => {
    const reminder = BEXIO[1]!;
    // A link from elsewhere in the app (a notification, a bookmark) straight to the hash route.
    await page.evaluate((id) => (location.hash = `#/kb_reminder/show/${id}`), reminder.id);
    await page.locator('h1', { hasText: reminder.number }).waitFor();
    const panel = await openPanel(page);
    expect((await foundOnPage(page)).document).toMatchObject({ number: reminder.number, kind: 'reminder', customer: reminder.customer, amount: reminder.amount });
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe(reminder.contact.email);
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toBe(`Zahlungserinnerung: Rechnung ${reminder.number}`);
    // The user clicks the download link in the shadow root: its click reaches the document at the shadow host.
    await page.locator('a#pdf[href^="blob:"]').waitFor({ state: 'attached' });
    await takeFromPage(panel, () => page.locator('#pdf').click({ timeout: 5_000 }));
    const mail = await sendAndReceive(panel);
    expect(mail.envelope.to).toEqual([reminder.contact.email]);
    expect(mail.parsed.subject).toBe(`Zahlungserinnerung: Rechnung ${reminder.number}`);
    // The open amount with its fee, not the invoice's amount or the fee alone.
    expect(mail.parsed.text).toContain(reminder.amount);
    expect(mail.parsed.text).not.toContain(reminder.lines[0]!.amount);
    expect(Buffer.compare(pdfOf(mail)!, reminder.pdf)).toBe(0);
    await closePanel(page, panel);
  });
});

describe('an Italian app of the frameset school over https: the documents in a frame of the shell, the PDF in a new tab', () => {
  let origin: string;
  const main = () => page.frame({ name: 'main' })!;

  it('signs in, is switched on, and shows no button on the dashboard or the list in the frame', async () => {
    origin = `https://${SPA_HOST}:${new URL(gestionale.origin).port}`;
    await page.goto(`${origin}/accesso`);
    await page.fill('#utente', 'giulia');
    await page.fill('#password', 'carta-e-inchiostro');
    await page.click('#entra');
    await page.waitForURL(/\/gestionale\/$/);
    await switchSiteOn(setup, page);
    await page.reload();
    await main().locator('h2', { hasText: 'Cruscotto' }).waitFor();
    await noButton();
    await page.click('#nav-ordini');
    await main().locator('h2', { hasText: 'Ordini clienti' }).waitFor();
    await expect.poll(() => page.getByTestId('ownpost-send').count()).toBe(0);
  });

  it("reads the order confirmation the frame navigated to, leaves the shell's help desk alone, and takes the PDF its Stampa opens in a new tab", async () => {
    const order = GESTIONALE[0]!;
    await main().click(`#apri-${order.id}`);
    await main().locator('h2', { hasText: order.number }).waitFor();
    expect(page.url()).toMatch(/\/gestionale\/$/);
    // The button for the frame's document is in the shell's page, where a person can click it.
    await page.getByTestId('ownpost-send').waitFor();
    expect(await page.evaluate(buttonPlacement)).toMatchObject({ inViewport: true, hit: true });
    const panel = await openPanel(page);
    expect((await foundOnPage(page)).document).toMatchObject({ number: order.number, kind: 'order-confirmation', customer: order.customer, amount: order.amount });
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe(order.email);
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toBe(`Conferma d’ordine ${order.number}`);
    const tabs = setup.browser.context.pages().length;
    await takeFromPage(panel, () => main().click('#stampa', { timeout: 5_000 }));
    // The new tab the app opened was the file: taken, it is not left behind.
    await expect.poll(() => setup.browser.context.pages().length).toBe(tabs);
    const mail = await sendAndReceive(panel);
    expect(mail.parsed.from?.value[0]?.address).toBe(MAILBOX.address);
    expect(mail.envelope.to).toEqual([order.email]);
    expect(JSON.stringify(mail.envelope)).not.toContain(GESTIONALE_SUPPORT);
    expect(mail.parsed.subject).toBe(`Conferma d’ordine ${order.number}`);
    // The order confirmation's own message in the document's language (its template names no amount), to the customer the frame names.
    expect(mail.parsed.text).toContain(`Buongiorno ${order.customer},`);
    expect(mail.parsed.text).toContain(`In allegato Le trasmettiamo la conferma d’ordine ${order.number}.`);
    expect(Buffer.compare(pdfOf(mail)!, order.pdf)).toBe(0);
    await closePanel(page, panel);
  });

  it("moves the frame on to the invoice, and reads that one, with its spaced number, not the order's", async () => {
    const invoice = GESTIONALE[1]!;
    await page.click('#nav-fatture');
    await main().click(`#apri-${invoice.id}`);
    await main().locator('h2', { hasText: invoice.number }).waitFor();
    const panel = await openPanel(page);
    expect((await foundOnPage(page)).document).toMatchObject({ number: invoice.number, kind: 'invoice', amount: invoice.amount });
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toBe(`Fattura ${invoice.number}`);
    await takeFromPage(panel, () => main().click('#stampa', { timeout: 5_000 }));
    const mail = await sendAndReceive(panel);
    expect(mail.envelope.to).toEqual([invoice.email]);
    expect(mail.parsed.subject).toBe(`Fattura ${invoice.number}`);
    expect(mail.parsed.text).toContain(invoice.amount);
    expect(Buffer.compare(pdfOf(mail)!, invoice.pdf)).toBe(0);
    await closePanel(page, panel);
  });
});

describe('a PHC-style Portuguese app on plain HTTP under a LAN name: no e-mail on the invoice, a print form, a colleague on another computer', () => {
  let origin: string;

  it('signs in, is switched on, and shows no button on the list or the start page', async () => {
    origin = `http://${LAN_HOST}:${new URL(faturacao.origin).port}`;
    await page.goto(`${origin}/entrar`);
    await page.fill('#utilizador', 'rita');
    await page.fill('#senha', 'azulejo26');
    await page.click('#entrar');
    await page.waitForURL(/documentos\.php$/);
    await switchSiteOn(setup, page);
    await page.reload();
    await noButton();
    await page.click('#nav-inicio');
    await page.waitForURL(/inicio\.php$/);
    await noButton();
  });

  it("reads the invoice, finds no recipient (the seller's footer address is not one), takes the PDF the print form posts for, and sends to the address typed", async () => {
    const invoice = FATURACAO[0]!;
    await page.click('#nav-documentos');
    await page.click(`a[href="/faturacao/fatura/${invoice.id}"]`);
    await page.waitForURL(/fatura\/131$/);
    const panel = await openPanel(page);
    expect((await foundOnPage(page)).document).toMatchObject({ number: invoice.number, kind: 'invoice', customer: invoice.customer, amount: invoice.amount });
    await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(invoice.number);
    expect(await panel.getByTestId('ownpost-to').inputValue()).toBe('');
    expect(await panel.getByTestId('ownpost-attachment').count()).toBe(0);
    await takeFromPage(panel, async () => {
      await page.selectOption('#modelo', FATURACAO_PRINT.modelo, { timeout: 5_000 });
      await page.click('#imprimir', { timeout: 5_000 });
    });
    expect(page.url()).toMatch(/fatura\/131$/);
    await panel.getByTestId('ownpost-to').fill(LUSITANA.email);
    const mail = await sendAndReceive(panel);
    expect(mail.envelope.to).toEqual([LUSITANA.email]);
    expect(JSON.stringify(mail.envelope)).not.toContain(FATURACAO_SELLER_EMAIL);
    expect(mail.parsed.subject).toBe(`Fatura ${invoice.number}`);
    expect(mail.parsed.text).toContain(invoice.amount);
    expect(Buffer.compare(pdfOf(mail)!, invoice.pdf)).toBe(0);
    await closePanel(page, panel);
  });

  it("suggests that address to a colleague on another computer, on the same customer's next invoice, from the relay's directory", async () => {
    const invoice = FATURACAO[1]!;
    // The company's shared sender, which the colleague (a member) may use.
    const company = await setup.relay.request('POST', '/v1/profiles', { token: setup.user.token, body: testProfile(setup.smtp.port, { name: 'Faturação', scope: 'company', isDefault: false }) });
    expect(company.status).toBe(201);
    const colleague = await pairAnotherBrowser(setup, 'bo@firma.se', { hosts: HOSTS, args: ARGS });
    try {
      const theirs = await colleague.browser.context.newPage();
      await theirs.goto(`${origin}/entrar`);
      await theirs.fill('#utilizador', 'bo');
      await theirs.fill('#senha', 'forno-a-lenha');
      await theirs.click('#entrar');
      await theirs.waitForURL(/documentos\.php$/);
      await switchSiteOn(colleague, theirs);
      await theirs.click(`a[href="/faturacao/fatura/${invoice.id}"]`);
      await theirs.waitForURL(/fatura\/133$/);
      const panel = await openPanel(theirs);
      await expect.poll(() => panel.getByTestId('ownpost-to').inputValue(), { timeout: 10_000 }).toBe(LUSITANA.email);
      const suggestion = panel.getByTestId('ownpost-customer-suggestion');
      expect(await suggestion.getAttribute('data-source')).toBe('directory');
      expect(await suggestion.textContent()).toContain(LUSITANA.name);
      await takeFromPage(panel, async () => {
        await theirs.selectOption('#modelo', FATURACAO_PRINT.modelo, { timeout: 5_000 });
        await theirs.click('#imprimir', { timeout: 5_000 });
      });
      const mail = await sendAndReceive(panel);
      expect(mail.envelope.to).toEqual([LUSITANA.email]);
      expect(mail.parsed.subject).toBe(`Fatura ${invoice.number}`);
      expect(mail.parsed.text).toContain(invoice.amount);
      expect(Buffer.compare(pdfOf(mail)!, invoice.pdf)).toBe(0);
    } finally {
      await colleague.close();
    }
  });
});
