/**
 * The ways apps hand over a PDF that has no link, as the capture tests serve them: each an invoice
 * screen's body (with the app's own button, `#press`), the address the app fetches or downloads,
 * and the PDF the mail must carry. Chromium runs them all (test/e2e/page-pdf-capture.test.ts),
 * Firefox the ones apps use most (test/e2e/firefox-parity.test.ts).
 */
import { testPdf, type InvoicePage } from './invoice-site';

export interface CaptureRoute {
  name: string;
  /** How the capture took it, as the panel reports it (`data-route`). */
  route: 'blob' | 'url' | 'form' | 'frame';
  number: string;
  page: Omit<InvoicePage, 'html'> & { html?: string };
  body: string;
  /** What the user presses in the app after arming the capture (nothing: a viewer already on the page). */
  press?: string;
  basicAuth?: boolean;
  /** The PDF the mail must carry, byte for byte. */
  expected: Buffer;
}

export type CaptureRouteName = 'blob' | 'form' | 'frame' | 'open' | 'viewer' | 'link' | 'basic' | 'navigate';

/** Every route, its PDFs made afresh and named after `label`; `basic`: the Basic-auth login of that route. */
export function captureRoutes(label: string, basic: { user: string; password: string }): Record<CaptureRouteName, CaptureRoute> {
  const pdfs = Object.fromEntries((['blob', 'form', 'frame', 'open', 'viewer', 'link', 'basic', 'navigate'] as const).map((name) => [name, testPdf(`${label}-${name}`, 30_000)])) as Record<
    CaptureRouteName,
    Buffer
  >;
  const routes: Omit<CaptureRoute, 'expected'>[] = [
    {
      name: 'an RPC whose base64 answer becomes a Blob, downloaded through a temporary <a href="blob:…" download>',
      route: 'blob',
      number: 'INV-101',
      page: { path: '/invoices/101', pdf: { path: '/api/rpc/render-101', bytes: Buffer.from(JSON.stringify({ file: pdfs.blob.toString('base64') })), contentType: 'application/json' } },
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
      page: { path: '/invoices/102', pdf: { path: '/print', bytes: pdfs.form, postedForm: { format: 'pdf', template: 'standard', id: '102' }, disposition: 'attachment; filename="INV-102.pdf"' } },
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
      page: { path: '/invoices/103', pdf: { path: '/download/103', bytes: pdfs.frame, disposition: 'attachment' } },
      body: `<button id="press" type="button" onclick="const f = document.createElement('iframe'); f.style.display = 'none'; f.src = '/download/103'; document.body.append(f);">Download</button>`,
      press: '#press',
    },
    {
      name: 'window.open of the PDF from a script behind href="#"',
      route: 'url',
      number: 'INV-104',
      page: { path: '/invoices/104', pdf: { path: '/documents/104/print', bytes: pdfs.open } },
      body: `<a id="press" href="#">Print</a><script>document.getElementById('press').onclick = (e) => { e.preventDefault(); window.open('/documents/104/print', '_blank'); };</script>`,
      press: '#press',
    },
    {
      name: 'an <embed> viewer whose address has neither .pdf nor a type',
      route: 'frame',
      number: 'INV-105',
      page: { path: '/invoices/105', pdf: { path: '/viewer/doc', bytes: pdfs.viewer, contentType: 'application/octet-stream' } },
      body: `<embed src="/viewer/doc?id=105" width="400" height="300">`,
    },
    {
      name: 'a link without .pdf that answers application/pdf',
      route: 'url',
      number: 'INV-106',
      page: { path: '/invoices/106', pdf: { path: '/get', bytes: pdfs.link } },
      // Says nothing of a document (a link that did would be probed and attached without a capture).
      body: `<p><a id="press" href="/get?id=106">Export</a></p>`,
      press: '#press',
    },
    {
      name: 'a download behind HTTP Basic auth',
      route: 'url',
      number: 'INV-107',
      page: { path: '/basic/invoices/107', basicAuth: basic, pdf: { path: '/basic/files/107', bytes: pdfs.basic, basicAuth: basic } },
      body: `<button id="press" type="button" onclick="window.open('/basic/files/107')">Print</button>`,
      press: '#press',
      basicAuth: true,
    },
    {
      name: 'a script that sends the page to the download address (location.href = …)',
      route: 'url',
      number: 'INV-108',
      page: { path: '/invoices/108', pdf: { path: '/export/108', bytes: pdfs.navigate, contentType: 'application/octet-stream', disposition: 'attachment; filename="INV-108.pdf"' } },
      body: `<button id="press" type="button" onclick="location.href = '/export/108'">Export</button>`,
      press: '#press',
    },
  ];
  const keys: CaptureRouteName[] = ['blob', 'form', 'frame', 'open', 'viewer', 'link', 'basic', 'navigate'];
  // The RPC route's address answers JSON holding the PDF; every other one answers the PDF itself.
  return Object.fromEntries(routes.map((route, i) => [keys[i]!, { ...route, expected: keys[i] === 'blob' ? pdfs.blob : (route.page.pdf!.bytes as Buffer) }])) as Record<CaptureRouteName, CaptureRoute>;
}
