/**
 * "Take the PDF from the page" (issue 16 item 3), in Chromium with the built extension: invoice
 * screens whose PDF has no link, one per way real apps make it. The user opens the panel (here through
 * the popup's "Send anyway", issue 16 item 11, since such pages show too little for a button), arms
 * the capture, presses the app's own button, and the mail at a real SMTP server carries the PDF the
 * app made, byte for byte.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoicePage, type InvoiceSite } from '../helpers/invoice-site';
import { clickablePanel, openPanel, openSignedIn, startPairedBrowser, tabIdOf, type PairedBrowser } from '../helpers/paired-browser';

const BASIC = { user: 'anna', password: 'faktura-2026' };

const screen = (number: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ERP</title></head>
<body><nav><a href="/">Home</a> <a href="/customers">Customers</a></nav><main><h1>Invoice ${number}</h1>
<p>Customer: Beta Ltd</p>${body}</main></body></html>`;

interface Route {
  name: string;
  route: 'blob' | 'url' | 'form' | 'frame';
  number: string;
  page: Omit<InvoicePage, 'html'> & { html?: string };
  body: string;
  /** What the user presses in the app after arming the capture (nothing: a viewer already on the page). */
  press?: string;
  basicAuth?: boolean;
}

const PDFS = Object.fromEntries(['blob', 'form', 'frame', 'open', 'viewer', 'link', 'basic', 'navigate'].map((name) => [name, testPdf(`capture-${name}`, 30_000)]));

const ROUTES: Route[] = [
  {
    name: 'an RPC whose base64 answer becomes a Blob, downloaded through a temporary <a href="blob:…" download>',
    route: 'blob',
    number: 'INV-101',
    page: { path: '/invoices/101', pdf: { path: '/api/rpc/render-101', bytes: Buffer.from(JSON.stringify({ file: PDFS.blob!.toString('base64') })), contentType: 'application/json' } },
    body: `<div class="toolbar"><button id="press" type="button">Actions ▾</button></div><script>
      document.getElementById('press').addEventListener('click', async () => {
        const { file } = await (await fetch('/api/rpc/render-101')).json();
        const bytes = Uint8Array.from(atob(file), (c) => c.charCodeAt(0));
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
        a.download = 'Invoice-INV-101.pdf';
        a.click();
        URL.revokeObjectURL(a.href);
      });</script>`,
    press: '#press',
  },
  {
    name: 'a form with format and template selects whose Print button POSTs and gets an attachment back',
    route: 'form',
    number: 'INV-102',
    page: { path: '/invoices/102', pdf: { path: '/print', bytes: PDFS.form!, postedForm: { format: 'pdf', template: 'standard', id: '102' }, disposition: 'attachment; filename="INV-102.pdf"' } },
    body: `<form method="post" action="/print" target="_blank"><input type="hidden" name="id" value="102">
      <select name="format"><option value="html">HTML</option><option value="pdf" selected>PDF</option></select>
      <select name="template"><option value="standard" selected>Standard</option></select>
      <button id="press" type="submit">Print</button></form>`,
    press: '#press',
  },
  {
    name: 'a GET through a hidden iframe',
    route: 'frame',
    number: 'INV-103',
    page: { path: '/invoices/103', pdf: { path: '/download/103', bytes: PDFS.frame!, disposition: 'attachment' } },
    body: `<button id="press" type="button" onclick="const f = document.createElement('iframe'); f.style.display = 'none'; f.src = '/download/103'; document.body.append(f);">Download</button>`,
    press: '#press',
  },
  {
    name: 'window.open of the PDF from a script behind href="#"',
    route: 'url',
    number: 'INV-104',
    page: { path: '/invoices/104', pdf: { path: '/documents/104/print', bytes: PDFS.open! } },
    body: `<a id="press" href="#">Print</a><script>document.getElementById('press').onclick = (e) => { e.preventDefault(); window.open('/documents/104/print', '_blank'); };</script>`,
    press: '#press',
  },
  {
    name: 'an <embed> viewer whose address has neither .pdf nor a type',
    route: 'frame',
    number: 'INV-105',
    page: { path: '/invoices/105', pdf: { path: '/viewer/doc', bytes: PDFS.viewer!, contentType: 'application/octet-stream' } },
    body: `<embed src="/viewer/doc?id=105" width="400" height="300">`,
  },
  {
    name: 'a link without .pdf that answers application/pdf',
    route: 'url',
    number: 'INV-106',
    page: { path: '/invoices/106', pdf: { path: '/get', bytes: PDFS.link! } },
    // Says nothing of a document (a link that did would be probed and attached without a capture).
    body: `<p><a id="press" href="/get?id=106">Export</a></p>`,
    press: '#press',
  },
  {
    name: 'a download behind HTTP Basic auth',
    route: 'url',
    number: 'INV-107',
    page: { path: '/basic/invoices/107', basicAuth: BASIC, pdf: { path: '/basic/files/107', bytes: PDFS.basic!, basicAuth: BASIC } },
    body: `<button id="press" type="button" onclick="window.open('/basic/files/107')">Print</button>`,
    press: '#press',
    basicAuth: true,
  },
  {
    name: 'a script that sends the page to the download address (location.href = …)',
    route: 'url',
    number: 'INV-108',
    page: { path: '/invoices/108', pdf: { path: '/export/108', bytes: PDFS.navigate!, contentType: 'application/octet-stream', disposition: 'attachment; filename="INV-108.pdf"' } },
    body: `<button id="press" type="button" onclick="location.href = '/export/108'">Export</button>`,
    press: '#press',
  },
];

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

/** The popup's "Send anyway" for the tab showing `page`: the panel frame, once it takes clicks. */
async function sendAnyway(page: Page): Promise<Frame> {
  const tabId = await tabIdOf(setup, page.url());
  const opened = await setup.request({ type: 'page.sendAnyway', tabId });
  expect(opened.ok, JSON.stringify(opened)).toBe(true);
  const panel = await clickablePanel(page);
  await expect.poll(() => panel.getByTestId('ownpost-panel').isVisible(), { timeout: 10_000 }).toBe(true);
  return panel;
}

describe('taking the PDF from the page', () => {
  let sent = 0;
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
      const panel = await sendAnyway(page);
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

      await panel.getByTestId('ownpost-to').fill('ap@beta.example');
      await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(route.number);
      await panel.getByTestId('ownpost-submit').click();
      await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');

      sent++;
      const mail = (await setup.smtp.waitForMessages(sent))[sent - 1]!;
      expect(mail.parsed.subject).toContain(route.number);
      const attachment = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
      expect(attachment.filename).toMatch(/\.pdf$/);
      const expected = route.route === 'blob' ? PDFS.blob! : (route.page.pdf!.bytes as Buffer);
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
      const panel = await sendAnyway(page);
      await panel.getByTestId('ownpost-capture-start').click();
      await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-state')).toBe('armed');
      await page.click('#press');
      const status = panel.getByTestId('ownpost-capture-status');
      await expect.poll(() => status.getAttribute('data-reason'), { timeout: 15_000 }).toBe('other_site');
      expect(await status.textContent()).toContain('cdn.other.test');

      await page.goto(`${site.origin}/invoices/109`);
      await page.getByRole('heading', { name: 'Invoice INV-109' }).waitFor();
      const next = await sendAnyway(page);
      await next.getByTestId('ownpost-capture-start').click();
      await expect.poll(() => next.getByTestId('ownpost-capture-status').getAttribute('data-state')).toBe('armed');
      await page.click('#press');
      await expect.poll(() => next.getByTestId('ownpost-capture-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('taken');
      await next.getByTestId('ownpost-to').fill('ap@beta.example');
      await next.getByTestId('ownpost-submit').click();
      await expect.poll(() => next.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
      const mails = await setup.smtp.waitForMessages(ROUTES.length + 1);
      const attachment = mails.at(-1)!.parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
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
      await panel.getByTestId('ownpost-to').fill('ap@beta.example');
      await panel.getByTestId('ownpost-submit').click();
      await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
      const mails = await setup.smtp.waitForMessages(ROUTES.length + 2);
      const attachment = mails.at(-1)!.parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
      expect(Buffer.compare(attachment.content, PDFS.blob!)).toBe(0);
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
      const panel = await sendAnyway(page);
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
