import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { certs } from './certs';
import type { AddressInfo } from 'node:net';

export interface InvoicePdf {
  path: string;
  bytes: Buffer;
  contentType?: string;
  disposition?: string;
  /** Answer HEAD with 405, as some apps do: Ownpost must then probe with a cut-short GET. */
  refuseHead?: boolean;
  /** Serve it without the session cookie (tests that fetch from Node, which keeps no cookies). */
  public?: boolean;
  /** Only a POST whose form body holds these fields gets it (a Print form with format/template selects). */
  postedForm?: Record<string, string>;
  /** Only with these HTTP Basic credentials (an app behind Basic auth); the session cookie is then not needed. */
  basicAuth?: { user: string; password: string };
  /** Only with this exact Authorization header (an API behind a bearer token the app's script sends); no cookie needed. */
  authorization?: string;
  /** Answer (to a signed-in browser) with a 302 to this address: a signed URL on a files host. */
  redirectTo?: string;
}

export interface InvoicePage {
  path: string;
  /** The page's body: HTML, or whatever `contentType` says (JSON for a single-page app's API). */
  html: string;
  /** @default 'text/html; charset=utf-8' */
  contentType?: string;
  /** Also serve this page for every path below `path` (a single-page app's routes). */
  prefix?: boolean;
  /** Answer after this long (an API that makes a single-page app render late). */
  delayMs?: number;
  /** Answer with a redirect to this address instead. */
  redirectTo?: string;
  /** Served only to a browser with the session cookie, like a real invoicing app. */
  pdf?: InvoicePdf;
  /** More documents on the same page (a list page). */
  pdfs?: InvoicePdf[];
  /** Only with these HTTP Basic credentials (an app behind Basic auth, without a session cookie). */
  basicAuth?: { user: string; password: string };
  /**
   * The page as it is once the app did something on the server: from the first request `method` to
   * this page's path on, it answers `html` (a Generate button that POSTs and lists the new file).
   */
  changedBy?: { method: string; html: string };
}

export interface SiteRequest {
  method: string;
  path: string;
  withSession: boolean;
}

export interface InvoiceSite {
  origin: string;
  /** How often each PDF was asked for without the session cookie. */
  refusedPdfRequests: number;
  /** Every request the site answered, in order. */
  requests: SiteRequest[];
  close(): Promise<void>;
}

export const SESSION_COOKIE = 'app_session=s3cr3t-session';

/**
 * A small invoicing app on 127.0.0.1: `/login` sets an HttpOnly session cookie and redirects to
 * `next`; PDFs require that cookie (as wFirma, e-conomic and friends do). `https`: over TLS with the
 * test CA's server certificate (test/helpers/firefox.ts).
 */
export async function startInvoiceSite(pages: InvoicePage[], options: { https?: boolean } = {}): Promise<InvoiceSite> {
  const site = { refusedPdfRequests: 0, requests: [] } as unknown as InvoiceSite;
  const pdfs = pages.flatMap((p) => [...(p.pdf ? [p.pdf] : []), ...(p.pdfs ?? [])]);
  const handler: RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const withSession = (req.headers.cookie ?? '').includes(SESSION_COOKIE);
    site.requests.push({ method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, withSession });
    if (url.pathname === '/login') {
      res.writeHead(302, {
        'Set-Cookie': `${SESSION_COOKIE}; HttpOnly; SameSite=Lax; Path=/`,
        Location: url.searchParams.get('next') ?? '/',
      });
      return res.end();
    }
    const page = pages.find((p) => p.path === url.pathname) ?? pages.find((p) => p.prefix && url.pathname.startsWith(`${p.path}/`));
    if (page?.basicAuth) {
      const expected = `Basic ${Buffer.from(`${page.basicAuth.user}:${page.basicAuth.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="invoices"', 'Content-Type': 'text/plain' });
        return res.end('Sign in');
      }
    }
    if (page?.redirectTo) {
      res.writeHead(302, { Location: page.redirectTo });
      return res.end();
    }
    if (page) {
      const changed = page.changedBy && site.requests.some((r) => r.method === page.changedBy!.method && new URL(r.path, 'http://127.0.0.1').pathname === url.pathname);
      const answer = () => {
        res.writeHead(200, { 'Content-Type': page.contentType ?? 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(changed ? page.changedBy!.html : page.html);
      };
      if (page.delayMs) setTimeout(answer, page.delayMs);
      else answer();
      return;
    }
    const pdf = pdfs.find((p) => p.path === url.pathname);
    if (pdf?.basicAuth) {
      const expected = `Basic ${Buffer.from(`${pdf.basicAuth.user}:${pdf.basicAuth.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        site.refusedPdfRequests++;
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="invoices"', 'Content-Type': 'text/plain' });
        return res.end('Sign in');
      }
    }
    if (pdf?.postedForm) {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        // Several documents may be posted for at one address (a report endpoint told which by the form).
        const posted = pdfs.find((p) => p.path === url.pathname && req.method === 'POST' && Object.entries(p.postedForm ?? {}).every(([name, value]) => form.get(name) === value));
        if (!withSession || !posted) {
          site.refusedPdfRequests++;
          res.writeHead(withSession ? 400 : 403, { 'Content-Type': 'text/html' });
          return res.end('<p>Choose a format and a template.</p>');
        }
        res.writeHead(200, { 'Content-Type': posted.contentType ?? 'application/octet-stream', 'Content-Disposition': posted.disposition ?? 'attachment', 'Content-Length': posted.bytes.length });
        res.end(posted.bytes);
      });
      return;
    }
    if (pdf?.authorization && req.headers.authorization !== pdf.authorization) {
      site.refusedPdfRequests++;
      res.writeHead(401, { 'Content-Type': 'application/json' });
      return res.end('{"error":"unauthorized"}');
    }
    if (pdf) {
      if (!withSession && !pdf.public && !pdf.basicAuth && !pdf.authorization) {
        site.refusedPdfRequests++;
        res.writeHead(403, { 'Content-Type': 'text/plain' });
        return res.end('Please sign in');
      }
      if (pdf.redirectTo) {
        res.writeHead(302, { Location: pdf.redirectTo });
        return res.end();
      }
      if (req.method === 'HEAD' && pdf.refuseHead) {
        res.writeHead(405, { Allow: 'GET' });
        return res.end();
      }
      res.writeHead(200, {
        'Content-Type': pdf.contentType ?? 'application/pdf',
        'Content-Length': pdf.bytes.length,
        ...(pdf.disposition ? { 'Content-Disposition': pdf.disposition } : {}),
      });
      // Node leaves the body out of an answer to HEAD by itself.
      return res.end(pdf.bytes);
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  };
  const server: Server = options.https ? createTlsServer({ key: certs.server.key, cert: certs.server.cert }, handler) : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.origin = `${options.https ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return site;
}

/**
 * A page whose only trace of its PDF is a preview its script made in memory, as apps render one from their API's answer:
 * an `<iframe>` whose address is a `blob:` of the bytes a POST to `apiPath` returned (serve them as the page's `pdf`).
 */
export function blobPreviewPage(apiPath: string): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Vorschau</title></head><body><main>
<h1>Vorschau</h1><div id="viewer"></div>
<script>fetch(${JSON.stringify(apiPath)}, { method: 'POST' }).then((r) => r.blob()).then((blob) => {
  const frame = document.createElement('iframe');
  frame.src = URL.createObjectURL(blob);
  frame.width = '600';
  frame.height = '400';
  document.getElementById('viewer').append(frame);
});</script></main></body></html>`;
}

/** A PDF of `size` random-ish bytes that starts like a real one: every test's document is different. */
export function testPdf(label: string, size = 40_000): Buffer {
  const body = Buffer.alloc(size);
  for (let i = 0; i < size; i++) body[i] = (i * 31 + label.charCodeAt(i % label.length)) & 0xff;
  return Buffer.concat([Buffer.from(`%PDF-1.4\n% ${label}\n`), body, Buffer.from('\n%%EOF\n')]);
}
