/**
 * "Take the PDF from the page" (issue 16 item 3), held-out round 2: routes to an app's PDF that
 * page-pdf-capture.test.ts does not cover, written before the extension was changed for them. In
 * Chromium with the built extension, each screen is opened, the panel opened through the popup's
 * "Send anyway", the capture armed, the app's own button pressed, and the mail at a real SMTP server
 * carries the PDF the app made, byte for byte (or, where the app makes no PDF, the panel says so and
 * offers "Add a file", and nothing is attached).
 */
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoicePage, type InvoiceSite } from '../helpers/invoice-site';
import { openSignedIn, sendAnyway, startPairedBrowser, type PairedBrowser, sendFromPanel } from '../helpers/paired-browser';

const screen = (number: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ERP</title></head>
<body><nav><a href="/">Home</a> <a href="/customers">Customers</a></nav><main><h1>Invoice ${number}</h1>
<p>Customer: Beta Ltd</p>${body}</main></body></html>`;

/**
 * A PDF made in the page by script, as jsPDF and pdfmake do: objects, an xref table with computed
 * offsets, a trailer. The page runs this very function (its source is put into the page), the test
 * runs it too for the bytes to expect.
 */
function buildPdf(text: string): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 30} >>\nstream\nBT /F1 24 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

const PDFS = Object.fromEntries(
  [
    'fetch-open',
    'xhr-saveas',
    'data-link',
    'form-inline',
    'form-frame',
    'signed',
    'filename-star',
    'viewer-page',
    'push-state',
    'other-origin',
    'new-tab',
    'pdfjs',
    'blob-navigate',
    'open-then-set',
    'write-frame',
    'frame-location',
    'frame-location-loaded',
  ].map((name) => [name, testPdf(`round2-${name}`, 30_000)]),
) as Record<string, Buffer>;
const SCRIPT_PDF = Buffer.from(buildPdf('Invoice INV-203, made in the page'), 'latin1');
/** A Word file's first bytes (a ZIP), offered by an app's "Export" as if it were the document. */
const DOCX = Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1'), Buffer.alloc(4_000, 7)]);

/** Replaced once the servers listen: the signed files host (not granted) and the app's granted files host. */
const FILES = '{{files-origin}}';
const GRANTED = '{{granted-origin}}';

interface Route {
  name: string;
  number: string;
  page: Omit<InvoicePage, 'html'>;
  /** More addresses the app serves (its viewer page, an HTML error page). */
  extra?: InvoicePage[];
  body: string;
  /** What the user presses in the app after arming the capture. */
  press: string[];
  /** The file that must arrive, byte for byte; absent: no PDF can come, and the panel says why. */
  pdf?: Buffer;
  /** The capture's route, as the panel reports it. */
  route?: RegExp;
  filename?: string;
  /** Where no PDF can come: the panel's reason, and words its message must have. */
  refused?: { reason: string; says: RegExp };
  /** Failed on the code as it was when this file was written (turned back into a plain test once fixed). */
  fails?: boolean;
  /** The panel finds this PDF by itself (its probe of the page's links): attached without a capture. */
  foundByPanel?: boolean;
}

const ROUTES: Route[] = [
  {
    name: 'fetch() with an Authorization header, its bytes made a Blob and opened with window.open(blob URL) in a new tab',
    number: 'INV-201',
    page: { path: '/invoices/201', pdf: { path: '/api/v2/invoices/201/pdf', bytes: PDFS['fetch-open']!, authorization: 'Bearer tok-201' } },
    body: `<button id="press" type="button">Open PDF</button><script>
      document.getElementById('press').addEventListener('click', async () => {
        const response = await fetch('/api/v2/invoices/201/pdf', { headers: { Authorization: 'Bearer tok-201' } });
        const blob = new Blob([await response.arrayBuffer()], { type: 'application/pdf' });
        window.open(URL.createObjectURL(blob), '_blank');
      });</script>`,
    press: ['#press'],
    pdf: PDFS['fetch-open'],
    route: /^blob$/,
  },
  {
    name: 'XHR with responseType "blob" and a FileSaver-style saveAs (a[download] clicked after a setTimeout, revoked soon after)',
    number: 'INV-202',
    page: { path: '/invoices/202', pdf: { path: '/invoices/202/export', bytes: PDFS['xhr-saveas']!, contentType: 'application/octet-stream' } },
    body: `<button id="press" type="button">Export</button><script>
      function saveAs(blob, name) {
        const a = document.createElementNS('http://www.w3.org/1999/xhtml', 'a');
        a.download = name;
        a.rel = 'noopener';
        a.href = URL.createObjectURL(blob);
        setTimeout(() => URL.revokeObjectURL(a.href), 40);
        setTimeout(() => a.dispatchEvent(new MouseEvent('click')), 0);
      }
      document.getElementById('press').addEventListener('click', () => {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', '/invoices/202/export?format=pdf');
        xhr.responseType = 'blob';
        xhr.onload = () => saveAs(xhr.response, 'Rechnung 202.pdf');
        xhr.send();
      });</script>`,
    press: ['#press'],
    pdf: PDFS['xhr-saveas'],
    route: /^blob$/,
    filename: 'Rechnung 202.pdf',
  },
  {
    name: 'a PDF made in the page by script (jsPDF-like) and shown in a preview iframe from a blob URL',
    number: 'INV-203',
    page: { path: '/invoices/203' },
    body: `<button id="press" type="button">Preview</button><div id="modal"></div><script>
      ${buildPdf.toString()}
      document.getElementById('press').addEventListener('click', () => {
        const blob = new Blob([buildPdf('Invoice INV-203, made in the page')], { type: 'application/pdf' });
        const frame = document.createElement('iframe');
        frame.width = '400';
        frame.height = '300';
        frame.src = URL.createObjectURL(blob);
        document.getElementById('modal').append(frame);
      });</script>`,
    press: ['#press'],
    pdf: SCRIPT_PDF,
    route: /^(blob|frame)$/,
  },
  {
    name: 'a data:application/pdf;base64 link with a download attribute',
    number: 'INV-204',
    page: { path: '/invoices/204' },
    body: `<p><a id="press" download="INV-204.pdf" href="data:application/pdf;base64,${PDFS['data-link']!.toString('base64')}">Save</a></p>`,
    press: ['#press'],
    pdf: PDFS['data-link'],
    route: /^blob$/,
    filename: 'INV-204.pdf',
  },
  {
    name: 'a form POST by a button outside the form (form=, formaction, formtarget="_blank", its own name and value) answered inline',
    number: 'INV-205',
    page: {
      path: '/invoices/205',
      pdf: {
        path: '/invoices/205/print',
        bytes: PDFS['form-inline']!,
        postedForm: { id: '205', csrf: 't205', output: 'pdf' },
        contentType: 'application/pdf',
        disposition: 'inline; filename="INV-205.pdf"',
      },
    },
    body: `<form id="doc-205" method="post" action="/invoices/205/save"><input type="hidden" name="id" value="205"><input type="hidden" name="csrf" value="t205"></form>
      <p><button id="press" form="doc-205" formaction="/invoices/205/print" formtarget="_blank" name="output" value="pdf">Print</button></p>`,
    press: ['#press'],
    pdf: PDFS['form-inline'],
    route: /^form$/,
    filename: 'INV-205.pdf',
  },
  {
    name: 'form.submit() by script into a named hidden iframe, with a field the script adds first',
    number: 'INV-206',
    page: { path: '/invoices/206', pdf: { path: '/reports/print', bytes: PDFS['form-frame']!, postedForm: { doc: '206', fmt: 'pdf' } } },
    body: `<form id="f206" method="post" action="/reports/print" target="print-frame"><input type="hidden" name="doc" value="206"></form>
      <iframe name="print-frame" style="display:none"></iframe>
      <button id="press" type="button" onclick="const f = document.getElementById('f206'); const i = document.createElement('input'); i.type = 'hidden'; i.name = 'fmt'; i.value = 'pdf'; f.append(i); f.submit();">Print</button>`,
    press: ['#press'],
    pdf: PDFS['form-frame'],
    route: /^form$/,
  },
  {
    name: 'a download that 302-redirects to a signed URL on the app’s files host (one Ownpost may read)',
    number: 'INV-207',
    page: { path: '/invoices/207', pdf: { path: '/files/207', bytes: Buffer.alloc(0), redirectTo: `${GRANTED}/signed/207?X-Amz-Expires=300&X-Amz-Signature=9f8e7d` } },
    body: `<p><a id="press" href="/files/207">Export</a></p>`,
    press: ['#press'],
    pdf: PDFS.signed,
    route: /^url$/,
    filename: 'INV-207.pdf',
  },
  {
    name: 'a download that 302-redirects to a signed URL on a host Ownpost may not read: the panel names it and says how to allow it',
    number: 'INV-215',
    page: { path: '/invoices/215', pdf: { path: '/files/215', bytes: Buffer.alloc(0), redirectTo: `${FILES}/signed/215?X-Amz-Signature=1a2b3c` } },
    body: `<p><a id="press" href="/files/215">Export</a></p>`,
    press: ['#press'],
    refused: { reason: 'other_site', says: /files\.other\.test/ },
  },
  {
    name: "application/octet-stream with Content-Disposition: attachment; filename*=UTF-8''… (a name with a space and a non-ASCII letter)",
    number: 'INV-208',
    page: {
      path: '/invoices/208',
      pdf: {
        path: '/x/208',
        bytes: PDFS['filename-star']!,
        contentType: 'application/octet-stream',
        disposition: 'attachment; filename="Faktura 208.pdf"; filename*=UTF-8\'\'Faktura%20208%20%C3%B6.pdf',
      },
    },
    // Says nothing of a document (a link that did would be probed and attached without a capture).
    body: `<p><a id="press" href="/x/208?t=1">Export</a></p>`,
    press: ['#press'],
    pdf: PDFS['filename-star'],
    route: /^url$/,
    filename: 'Faktura 208 ö.pdf',
  },
  {
    name: 'a viewer page (HTML) opened in a new tab that embeds the PDF in an iframe',
    number: 'INV-209',
    page: { path: '/invoices/209', pdf: { path: '/files/raw/209', bytes: PDFS['viewer-page']! } },
    extra: [
      {
        path: '/viewer',
        html: `<!doctype html><html><head><title>Document viewer</title></head><body><div class="toolbar"><a href="/invoices/209">Back</a> <button onclick="print()">Print</button></div>
        <script src="/assets/viewer.js"></script><iframe id="doc" src="/files/raw/209?inline=1" style="width:100%;height:90vh"></iframe></body></html>`,
      },
    ],
    body: `<button id="press" type="button" onclick="window.open('/viewer?doc=209', '_blank')">Preview</button>`,
    press: ['#press'],
    pdf: PDFS['viewer-page'],
    route: /^url$/,
  },
  {
    name: 'the capture armed, then the app navigates by pushState (a router link) before the user presses Print',
    number: 'INV-210',
    page: { path: '/invoices/210', prefix: true, pdf: { path: '/api/render/210', bytes: PDFS['push-state']!, contentType: 'application/octet-stream' } },
    body: `<p><a id="tab-print" href="/invoices/210/print-view">Print view</a></p><div id="view"></div><script>
      document.getElementById('tab-print').addEventListener('click', (event) => {
        if (event.defaultPrevented) return;
        event.preventDefault();
        history.pushState({}, '', '/invoices/210/print-view');
        document.getElementById('view').innerHTML = '<button id="press" type="button">Print</button>';
        document.getElementById('press').addEventListener('click', async () => {
          const blob = await (await fetch('/api/render/210')).blob();
          const a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = 'INV-210.pdf';
          document.body.append(a);
          a.click();
          a.remove();
        });
      });</script>`,
    press: ['#tab-print', '#press'],
    pdf: PDFS['push-state'],
    route: /^blob$/,
  },
  {
    name: 'a link with download to another origin (the app’s granted files host), which Chrome navigates to',
    number: 'INV-211',
    page: { path: '/invoices/211' },
    body: `<p><a id="press" href="${GRANTED}/f/211" download="INV-211.pdf">Export</a></p>`,
    press: ['#press'],
    pdf: PDFS['other-origin'],
    route: /^url$/,
  },
  {
    name: 'a Print button that only calls window.print() on the HTML page: no PDF can come',
    number: 'INV-212',
    page: { path: '/invoices/212' },
    body: `<button id="press" type="button" onclick="window.print()">Print</button>`,
    press: ['#press'],
    refused: { reason: 'print_only', says: /print/i },
  },
  {
    name: 'a Word file (.docx) offered as the PDF',
    number: 'INV-213',
    page: {
      path: '/invoices/213',
      pdf: { path: '/export/213', bytes: DOCX, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', disposition: 'attachment; filename="INV-213.docx"' },
    },
    body: `<p><a id="press" href="/export/213?format=docx">Export</a></p>`,
    press: ['#press'],
    refused: { reason: 'not_pdf', says: /not a PDF/i },
  },
  {
    name: 'an HTML error page answered where the PDF should be',
    number: 'INV-214',
    page: { path: '/invoices/214' },
    extra: [{ path: '/export/214', html: '<!doctype html><html><body><h1>Something went wrong</h1><p>Please try again later.</p></body></html>' }],
    body: `<p><a id="press" href="/export/214" target="_blank">Export</a></p>`,
    press: ['#press'],
    refused: { reason: 'not_pdf', says: /not a PDF/i },
  },
  // Added after the fixes for the routes above, run once on that code before anything else changed.
  {
    name: 'a cookie-session GET opened in a new tab (target="_blank"), answered inline: found by the panel’s probe, no capture needed',
    number: 'INV-216',
    foundByPanel: true,
    page: { path: '/invoices/216', pdf: { path: '/v/216', bytes: PDFS['new-tab']!, disposition: 'inline' } },
    body: `<p><a id="press" href="/v/216" target="_blank" rel="noopener">Open</a></p>`,
    press: ['#press'],
    pdf: PDFS['new-tab'],
    route: /^url$/,
  },
  {
    name: 'a PDF.js viewer page opened in a new tab, its document named by ?file=',
    number: 'INV-217',
    page: { path: '/invoices/217', pdf: { path: '/api/f/217', bytes: PDFS.pdfjs!, contentType: 'application/octet-stream' } },
    extra: [
      {
        path: '/pdfjs/web/viewer.html',
        html: '<!doctype html><html><head><title>PDF.js viewer</title><script src="viewer.mjs" type="module"></script></head><body><div id="outerContainer"></div></body></html>',
      },
    ],
    body: `<button id="press" type="button" onclick="window.open('/pdfjs/web/viewer.html?file=' + encodeURIComponent('/api/f/217'), '_blank')">Preview</button>`,
    press: ['#press'],
    pdf: PDFS.pdfjs,
    route: /^url$/,
  },
  {
    name: 'the page sent to a blob URL (location.href = URL.createObjectURL(blob))',
    number: 'INV-218',
    page: { path: '/invoices/218', pdf: { path: '/api/render/218', bytes: PDFS['blob-navigate']!, contentType: 'application/octet-stream' } },
    body: `<button id="press" type="button">PDF</button><script>
      document.getElementById('press').addEventListener('click', async () => {
        const blob = await (await fetch('/api/render/218')).blob();
        location.href = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
      });</script>`,
    press: ['#press'],
    pdf: PDFS['blob-navigate'],
    route: /^blob$/,
  },
  {
    name: 'a tab opened blank first (against popup blockers), then sent to the PDF once the app has its address',
    number: 'INV-219',
    page: { path: '/invoices/219', pdf: { path: '/documents/x/219', bytes: PDFS['open-then-set']!, contentType: 'application/json' } },
    extra: [{ path: '/api/invoices/219/link', html: '{"url":"/documents/x/219"}', contentType: 'application/json' }],
    body: `<button id="press" type="button">Download</button><script>
      document.getElementById('press').addEventListener('click', async () => {
        const tab = window.open('', '_blank');
        tab.document.write('<p>Preparing your document…</p>');
        const { url } = await (await fetch('/api/invoices/219/link')).json();
        tab.location.href = url;
      });</script>`,
    press: ['#press'],
    pdf: PDFS['open-then-set'],
    route: /^url$/,
  },
  {
    name: 'a blank tab the app writes a viewer into (jsPDF’s "dataurlnewwindow": an iframe with a data: URL)',
    number: 'INV-220',
    page: { path: '/invoices/220' },
    body: `<button id="press" type="button">Preview</button><script>
      const file = '${PDFS['write-frame']!.toString('base64')}';
      document.getElementById('press').addEventListener('click', () => {
        const tab = window.open();
        tab.document.open();
        tab.document.write('<html><body style="margin:0"><iframe width="100%" height="100%" src="data:application/pdf;filename=INV-220.pdf;base64,' + file + '"></iframe></body></html>');
        tab.document.close();
      });</script>`,
    press: ['#press'],
    pdf: PDFS['write-frame'],
    route: /^blob$/,
  },
  {
    name: 'a download frame sent to the file by script (frame.contentWindow.location.href = url), with no src',
    number: 'INV-222',
    page: { path: '/invoices/222', pdf: { path: '/dl/222', bytes: PDFS['frame-location']!, contentType: 'application/octet-stream', disposition: 'attachment; filename="INV-222.pdf"' } },
    body: `<iframe id="dl" style="display:none"></iframe><button id="press" type="button" onclick="document.getElementById('dl').contentWindow.location.href = '/dl/222'">Download</button>`,
    press: ['#press'],
    pdf: PDFS['frame-location'],
    route: /^(url|frame)$/,
    filename: 'INV-222.pdf',
  },
  {
    name: 'a download frame that shows a same-site page first, then is sent to the file by script (contentWindow.location.href = url)',
    number: 'INV-223',
    page: {
      path: '/invoices/223',
      pdf: { path: '/dl/223', bytes: PDFS['frame-location-loaded']!, contentType: 'application/octet-stream', disposition: 'attachment; filename="INV-223.pdf"' },
    },
    extra: [{ path: '/blank.html', html: '<!doctype html><title>blank</title>' }],
    body: `<iframe id="dl" src="/blank.html" style="display:none"></iframe><button id="press" type="button" onclick="document.getElementById('dl').contentWindow.location.href = '/dl/223'">Download</button>`,
    press: ['#press'],
    pdf: PDFS['frame-location-loaded'],
    route: /^(url|frame)$/,
    filename: 'INV-223.pdf',
  },
  {
    name: 'a Print button that prints an HTML print view in a hidden iframe (frame.contentWindow.print()): no PDF can come',
    number: 'INV-221',
    page: { path: '/invoices/221' },
    body: `<button id="press" type="button">Print</button><script>
      document.getElementById('press').addEventListener('click', () => {
        const frame = document.createElement('iframe');
        frame.style.display = 'none';
        frame.srcdoc = '<h1>Invoice INV-221</h1><p>Total 100.00</p>';
        frame.onload = () => frame.contentWindow.print();
        document.body.append(frame);
      });</script>`,
    press: ['#press'],
    refused: { reason: 'print_only', says: /print/i },
  },
];

let setup: PairedBrowser;
let site: InvoiceSite;
/** A files host Ownpost was never granted (`files.other.test`), where a signed URL may lead. */
let files: InvoiceSite;
/** The app's files host that Ownpost may read (`runtime-site.test`, granted in the e2e build). */
let granted: InvoiceSite;

beforeAll(async () => {
  setup = await startPairedBrowser({ hosts: { 'runtime-site.test': '127.0.0.1', 'files.other.test': '127.0.0.1' } });
  files = await startInvoiceSite([{ path: '/none', html: '', pdf: { path: '/signed/215', bytes: testPdf('round2-not-granted'), public: true } }]);
  granted = await startInvoiceSite([
    {
      path: '/none',
      html: '',
      pdfs: [
        { path: '/f/211', bytes: PDFS['other-origin']!, public: true, contentType: 'application/pdf' },
        { path: '/signed/207', bytes: PDFS.signed!, public: true, contentType: 'application/octet-stream', disposition: 'attachment; filename="INV-207.pdf"' },
      ],
    },
  ]);
  const filesOrigin = `http://files.other.test:${new URL(files.origin).port}`;
  const grantedOrigin = `http://runtime-site.test:${new URL(granted.origin).port}`;
  const fill = (text: string) => text.replaceAll(FILES, filesOrigin).replaceAll(GRANTED, grantedOrigin);
  site = await startInvoiceSite([
    ...ROUTES.flatMap((r) => [
      { ...r.page, html: fill(screen(r.number, r.body)), ...(r.page.pdf ? { pdf: { ...r.page.pdf, ...(r.page.pdf.redirectTo ? { redirectTo: fill(r.page.pdf.redirectTo) } : {}) } } : {}) },
      ...(r.extra ?? []),
    ]),
  ]);
}, 60_000);

afterAll(async () => {
  await granted?.close();
  await files?.close();
  await site?.close();
  await setup?.close();
});

/** Sends the panel's document and compares the mail's one PDF with the route's, byte for byte. */
async function sendAndCompare(panel: Frame, route: Route): Promise<void> {
  await expect.poll(() => panel.getByTestId('ownpost-subject').inputValue()).toContain(route.number);
  const mail = await sendFromPanel(setup, panel);
  expect(mail.parsed.subject).toContain(route.number);
  const attachments = mail.parsed.attachments.filter((a) => a.contentType === 'application/pdf');
  expect(attachments).toHaveLength(1);
  expect(attachments[0]!.filename).toMatch(/\.pdf$/);
  if (route.filename) expect(attachments[0]!.filename).toBe(route.filename);
  expect(Buffer.compare(attachments[0]!.content, route.pdf!)).toBe(0);
}

describe('taking the PDF from the page, held-out routes (round 2)', () => {
  for (const route of ROUTES)
    (route.fails ? it.fails : it)(route.name, async () => {
      const page = await setup.browser.context.newPage();
      try {
        await openSignedIn(page, site.origin, route.page.path);
        await page.getByRole('heading', { name: `Invoice ${route.number}` }).waitFor();
        const panel = await sendAnyway(setup, page);
        if (route.foundByPanel) {
          await expect.poll(() => panel.getByTestId('ownpost-attachment').count(), { timeout: 15_000 }).toBe(1);
          return await sendAndCompare(panel, route);
        }
        await expect.poll(() => panel.getByTestId('ownpost-no-pdf').isVisible()).toBe(true);

        await panel.getByTestId('ownpost-capture-start').click();
        const status = panel.getByTestId('ownpost-capture-status');
        await expect.poll(() => status.getAttribute('data-state')).toBe('armed');
        const tabs = setup.browser.context.pages().length;
        for (const selector of route.press) await page.click(selector);

        if (route.refused) {
          // Said clearly, well before the capture's own two minutes run out, with "Add a file" at hand.
          await expect.poll(() => status.getAttribute('data-reason'), { timeout: 15_000 }).toBe(route.refused.reason);
          expect(await status.textContent()).toMatch(route.refused.says);
          // A host Ownpost may not read is one click away: the panel offers to ask for exactly that host.
          if (route.refused.reason === 'other_site')
            expect(await panel.getByTestId('ownpost-allow-host-button').textContent()).toMatch(new RegExp(`^Allow Ownpost to read ${route.refused.says.source}$`));
          expect(await panel.getByTestId('ownpost-attachment').count()).toBe(0);
          await expect.poll(() => panel.getByTestId('ownpost-add-file').isVisible()).toBe(true);
          return;
        }

        await expect.poll(async () => `${await status.getAttribute('data-state')} ${(await status.getAttribute('data-reason')) ?? ''}`, { timeout: 15_000 }).toBe('taken ');
        expect(await status.getAttribute('data-route')).toMatch(route.route!);
        // The app's download, navigation or new tab did not happen: the page is still the invoice.
        expect(page.url()).toContain(route.page.path);
        expect(setup.browser.context.pages()).toHaveLength(tabs);
        await sendAndCompare(panel, route);
      } finally {
        await page.close();
      }
    });
});
