import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface InvoicePage {
  path: string;
  html: string;
  /** Served only to a browser with the session cookie, like a real invoicing app. */
  pdf?: { path: string; bytes: Buffer; contentType?: string; disposition?: string };
}

export interface InvoiceSite {
  origin: string;
  /** How often each PDF was asked for without the session cookie. */
  refusedPdfRequests: number;
  close(): Promise<void>;
}

export const SESSION_COOKIE = 'app_session=s3cr3t-session';

/**
 * A small invoicing app on 127.0.0.1: `/login` sets an HttpOnly session cookie and redirects to
 * `next`; PDFs require that cookie (as wFirma, e-conomic and friends do).
 */
export async function startInvoiceSite(pages: InvoicePage[]): Promise<InvoiceSite> {
  const site = { refusedPdfRequests: 0 } as InvoiceSite;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/login') {
      res.writeHead(302, {
        'Set-Cookie': `${SESSION_COOKIE}; HttpOnly; SameSite=Lax; Path=/`,
        Location: url.searchParams.get('next') ?? '/',
      });
      return res.end();
    }
    const page = pages.find((p) => p.path === url.pathname);
    if (page) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(page.html);
    }
    const pdfPage = pages.find((p) => p.pdf?.path === url.pathname);
    if (pdfPage?.pdf) {
      if (!(req.headers.cookie ?? '').includes(SESSION_COOKIE)) {
        site.refusedPdfRequests++;
        res.writeHead(403, { 'Content-Type': 'text/plain' });
        return res.end('Please sign in');
      }
      res.writeHead(200, {
        'Content-Type': pdfPage.pdf.contentType ?? 'application/pdf',
        'Content-Length': pdfPage.pdf.bytes.length,
        ...(pdfPage.pdf.disposition ? { 'Content-Disposition': pdfPage.pdf.disposition } : {}),
      });
      return res.end(pdfPage.pdf.bytes);
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return site;
}
