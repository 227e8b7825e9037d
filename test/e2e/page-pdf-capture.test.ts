/**
 * "Take the PDF from the page" (issue 16 item 3), in Chromium with the built extension: invoice
 * screens whose PDF has no link, one per way real apps make it. The user opens the panel (here through
 * the popup's "Send anyway", issue 16 item 11, since such pages show too little for a button), arms
 * the capture, presses the app's own button, and the mail at a real SMTP server carries the PDF the
 * app made, byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureRoutes } from '../helpers/capture-routes';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openPanel, openSignedIn, sendAnyway, startPairedBrowser, type PairedBrowser, sendFromPanel } from '../helpers/paired-browser';

const BASIC = { user: 'anna', password: 'faktura-2026' };

const screen = (number: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ERP</title></head>
<body><nav><a href="/">Home</a> <a href="/customers">Customers</a></nav><main><h1>Invoice ${number}</h1>
<p>Customer: Beta Ltd</p>${body}</main></body></html>`;

const ROUTES = Object.values(captureRoutes('capture', BASIC));

let setup: PairedBrowser;
let site: InvoiceSite;
/** The app's files host: `runtime-site.test` is one the e2e build may read (granted), `cdn.other.test` is not. */
let cdn: InvoiceSite;
const CDN_PDF = testPdf('capture-cdn', 30_000);

beforeAll(async () => {
  setup = await startPairedBrowser({ hosts: { 'runtime-site.test': '127.0.0.1', 'cdn.other.test': '127.0.0.1' } });
  cdn = await startInvoiceSite([{ path: '/none', html: '', pdf: { path: '/f/109', bytes: CDN_PDF, public: true, contentType: 'application/octet-stream' } }]);
  const cdnPort = new URL(cdn.origin).port;
  const open = (host: string) => `<button id="press" type="button" onclick="window.open('http://${host}:${cdnPort}/f/109')">PDF</button>`;
  site = await startInvoiceSite([
    ...ROUTES.map((r) => ({ ...r.page, html: screen(r.number, r.body) })),
    { path: '/invoices/109', html: screen('INV-109', open('runtime-site.test')) },
    { path: '/invoices/110', html: screen('INV-110', open('cdn.other.test')) },
  ]);
}, 60_000);

afterAll(async () => {
  await cdn?.close();
  await site?.close();
  await setup?.close();
});

describe('taking the PDF from the page', () => {
  it.each(ROUTES.map((r) => [r.name, r] as const))('takes %s and sends it byte for byte', async (_name, route) => {
    const page = await setup.browser.context.newPage();
    try {
      if (route.basicAuth) {
        const origin = new URL(site.origin);
        await page.goto(`http://${BASIC.user}:${BASIC.password}@${origin.host}${route.page.path}`);
      } else {
        await openSignedIn(page, site.origin, route.page.path);
      }
      await page.getByRole('heading', { name: `Invoice ${route.number}` }).waitFor();
      const panel = await sendAnyway(setup, page);
      // No PDF found: the panel points to both ways of adding one.
      await expect.poll(() => panel.getByTestId('ownpost-no-pdf').isVisible()).toBe(true);
      expect(await panel.getByTestId('ownpost-add-file').count()).toBe(1);

      await panel.getByTestId('ownpost-capture-start').click();
      await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-state')).toMatch(/armed|taken/);
      if (route.press) await page.click(route.press);
      const status = panel.getByTestId('ownpost-capture-status');
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('taken');
      expect(await status.getAttribute('data-route')).toBe(route.route);
      // The app's download or new tab did not happen: the page is still the invoice.
      expect(page.url()).toContain(route.page.path);
      expect(setup.browser.context.pages().filter((p) => p.url().includes('/documents/'))).toHaveLength(0);

      await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(route.number);
      const mail = await sendFromPanel(setup, panel);
      expect(mail.parsed.subject).toContain(route.number);
      const attachment = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
      expect(attachment.filename).toMatch(/\.pdf$/);
      const { expected } = route;
      expect(Buffer.compare(attachment.content, expected)).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('takes a PDF from the app’s files host when Ownpost may read that host, and says how to allow one it may not', async () => {
    const page = await setup.browser.context.newPage();
    try {
      await openSignedIn(page, site.origin, '/invoices/110');
      await page.getByRole('heading', { name: 'Invoice INV-110' }).waitFor();
      const panel = await sendAnyway(setup, page);
      await panel.getByTestId('ownpost-capture-start').click();
      await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-state')).toBe('armed');
      await page.click('#press');
      const status = panel.getByTestId('ownpost-capture-status');
      await expect.poll(() => status.getAttribute('data-reason'), { timeout: 15_000 }).toBe('other_site');
      expect(await status.textContent()).toContain('cdn.other.test');
      expect(await panel.getByTestId('ownpost-allow-host-button').textContent()).toBe('Allow Ownpost to read cdn.other.test');

      await page.goto(`${site.origin}/invoices/109`);
      await page.getByRole('heading', { name: 'Invoice INV-109' }).waitFor();
      const next = await sendAnyway(setup, page);
      await next.getByTestId('ownpost-capture-start').click();
      await expect.poll(() => next.getByTestId('ownpost-capture-status').getAttribute('data-state')).toBe('armed');
      await page.click('#press');
      await expect.poll(() => next.getByTestId('ownpost-capture-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('taken');
      const mail = await sendFromPanel(setup, next);
      const attachment = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
      expect(Buffer.compare(attachment.content, CDN_PDF)).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('remembers in a recipe which button makes the PDF, so next time "Make the PDF" is one click', async () => {
    const saved = await setup.request({
      type: 'recipes.save',
      recipe: { name: 'ERP', urlPattern: `${site.origin}/invoices/*`, fields: { number: 'main h1', pdfButton: '#press' } },
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const page = await setup.browser.context.newPage();
    try {
      await openSignedIn(page, site.origin, '/invoices/101');
      const panel = await openPanel(page);
      await panel.getByTestId('ownpost-capture-recipe').click();
      await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('taken');
      const mail = await sendFromPanel(setup, panel);
      const attachment = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
      expect(Buffer.compare(attachment.content, ROUTES[0]!.expected)).toBe(0);
    } finally {
      await page.close();
      if (saved.ok) await setup.request({ type: 'recipes.delete', id: saved.data.recipe.id });
    }
  });

  it('refuses a file the page makes that is not a PDF, and takes nothing a page script posts when no capture is armed (forged capture message)', async () => {
    const page = await setup.browser.context.newPage();
    try {
      await openSignedIn(page, site.origin, '/invoices/101');
      await page.getByRole('heading', { name: 'Invoice INV-101' }).waitFor();
      const panel = await sendAnyway(setup, page);
      // A page script that posts a "file" in the shape the hook uses, with no capture armed. Messages
      // to the window arrive in order, to every listener (the content script's too): once the page's
      // own last one arrived, the forged ones were dealt with (and a file taken from them would reach
      // the panel before the armed capture's answer below, through the same background).
      await page.evaluate(async () => {
        const fake = new Blob(['%PDF-1.4 forged'], { type: 'application/pdf' });
        const last = new Promise((resolve) => addEventListener('message', (event) => event.data === 'last' && resolve(undefined)));
        for (const nonce of ['0'.repeat(32), 'f'.repeat(32)]) window.postMessage({ ownpostCapture: nonce, kind: 'blob', blob: fake, name: 'forged.pdf' }, '*');
        window.postMessage('last', '*');
        await last;
      });
      expect(await panel.getByTestId('ownpost-attachment').count()).toBe(0);
      expect(await panel.getByTestId('ownpost-capture-status').count()).toBe(0);

      // Armed, the app makes a file that is not a PDF: refused, and said so.
      await panel.getByTestId('ownpost-capture-start').click();
      await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-state')).toBe('armed');
      await page.evaluate(() => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob(['<html>not a pdf</html>'], { type: 'application/pdf' }));
        a.download = 'x.pdf';
        a.click();
      });
      await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-reason'), { timeout: 10_000 }).toBe('not_pdf');
      expect(await panel.getByTestId('ownpost-attachment').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
