import { MAX_DOCUMENT_BYTES, type DocumentInfo } from '../../shared/extension-messages';
import { dispositionFilename, isPdf, pdfFilename, urlFilename } from '../lib/pdf-file';
import { watchRedirect } from './redirect-location';
import { RelayError } from './relay-error';

export interface FetchedDocument extends DocumentInfo {
  bytes: Uint8Array;
}

/** Probing a link that may be the PDF: at most this many links per page, each answered within this time. */
export const MAX_PROBED_LINKS = 3;
export const PROBE_TIMEOUT_MS = 4_000;
/** A document the panel showed is kept this long, so Send does not download it a second time. */
const DOCUMENT_CACHE_MS = 5 * 60_000;
const DOCUMENT_CACHE_MAX_BYTES = 3 * MAX_DOCUMENT_BYTES;

/** The file name Content-Disposition gives, else the URL's last segment (pdf-file.ts). */
export function documentFilename(disposition: string | null, url: URL): string {
  return pdfFilename([dispositionFilename(disposition), urlFilename(url)]);
}

/**
 * The document URL, if Ownpost may fetch it for this tab: http(s) on the tab's own origin. A page
 * cannot make the extension fetch from anywhere else, with the user's cookies or without.
 */
function sameOriginDocumentUrl(documentUrl: string, tabUrl: string | undefined): URL {
  let url: URL;
  try {
    url = new URL(documentUrl);
  } catch {
    throw new RelayError({ code: 'document_unavailable', message: 'The document link is not a valid address.' });
  }
  if (!tabUrl || !/^https?:$/.test(url.protocol) || url.origin !== new URL(tabUrl).origin) {
    throw new RelayError({ code: 'document_unavailable', message: 'The document is not on this page’s own site, so Ownpost will not fetch it.' });
  }
  return url;
}

/** Redirects followed for one document, at most (browsers allow 20; a document link needs one or two). */
export const MAX_REDIRECTS = 5;

/**
 * Fetches `url` following redirects by hand (issue 14): before each hop goes out, its address is
 * checked against the origins the document may come from (the tab's own), so the user's cookies, and
 * any request at all, go only there. A redirect whose Location cannot be read (see
 * redirect-location.ts) or that leads elsewhere is refused, naming the problem; it is never followed
 * to see where it ends. Before issue 14 the browser followed redirects and the final address was
 * checked after the fact: a same-site link that redirected to localhost had made its request.
 */
async function fetchHopByHop(first: URL, allowedOrigin: string, init: RequestInit): Promise<Response> {
  let url = first;
  for (let hop = 0; ; hop++) {
    if (url.origin !== allowedOrigin || !/^https?:$/.test(url.protocol)) {
      throw new RelayError({ code: 'document_unavailable', message: 'The document link led to another site, so Ownpost did not follow it.' });
    }
    const watch = watchRedirect(url);
    try {
      const response = await fetch(url, { ...init, credentials: 'include', redirect: 'manual' });
      const redirected = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304);
      if (!redirected) return response;
      if (hop >= MAX_REDIRECTS) throw new RelayError({ code: 'document_unavailable', message: 'The document link redirects too many times.' });
      const location = await watch.location(response);
      await response.body?.cancel().catch(() => undefined);
      if (!location) {
        throw new RelayError({
          code: 'document_unavailable',
          message: 'The document link redirects somewhere Ownpost cannot check, so it did not follow it.',
          hint: 'Open the document itself (its final address) and try again, or add the file by hand.',
        });
      }
      try {
        url = new URL(location, url);
      } catch {
        throw new RelayError({ code: 'document_unavailable', message: 'The document link redirects to an address that is not valid.' });
      }
    } finally {
      watch.stop();
    }
  }
}

function tooLarge(): RelayError {
  return new RelayError({ code: 'document_too_large', message: `The document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.` });
}

/** Reads a body up to the size limit: a site that lies about (or omits) Content-Length cannot fill our memory. */
async function readLimited(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_DOCUMENT_BYTES) throw tooLarge();
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_DOCUMENT_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

const documentCache = new Map<string, { document: FetchedDocument; expires: number }>();

function cacheKey(tabId: number | undefined, url: URL): string {
  return `${tabId ?? -1} ${url.href}`;
}

function remember(key: string, document: FetchedDocument) {
  const now = Date.now();
  for (const [k, entry] of documentCache) if (entry.expires <= now) documentCache.delete(k);
  documentCache.set(key, { document, expires: now + DOCUMENT_CACHE_MS });
  let total = 0;
  for (const entry of documentCache.values()) total += entry.document.size;
  // Oldest first out when the cache holds too much (Map keeps insertion order).
  for (const [k, entry] of documentCache) {
    if (total <= DOCUMENT_CACHE_MAX_BYTES) break;
    total -= entry.document.size;
    documentCache.delete(k);
  }
}

/**
 * Fetches a document for a tab: only from the tab's own origin (a page cannot make the extension
 * fetch from anywhere else), with the user's cookies for that site, and only if the answer really
 * is a PDF (magic bytes, not the Content-Type alone) within the size limit.
 *
 * With `reuse`, a copy fetched for the same tab in the last minutes is used: the panel shows the
 * document's name and size, and Send attaches exactly that document.
 */
export async function fetchDocumentForTab(documentUrl: string, tab: { id?: number; url?: string } | undefined, options: { filenameHint?: string; reuse?: boolean } = {}): Promise<FetchedDocument> {
  const url = sameOriginDocumentUrl(documentUrl, tab?.url);
  const key = cacheKey(tab?.id, url);
  const cached = options.reuse ? documentCache.get(key) : undefined;
  let document: FetchedDocument;
  if (cached && cached.expires > Date.now()) {
    document = cached.document;
  } else {
    let response: Response;
    try {
      response = await fetchHopByHop(url, url.origin, { cache: 'no-store' });
    } catch (error) {
      if (error instanceof RelayError) throw error;
      throw new RelayError({ code: 'document_unavailable', message: 'The document could not be downloaded from this site.' });
    }
    if (response.url && new URL(response.url).origin !== url.origin) {
      throw new RelayError({ code: 'document_unavailable', message: 'The document link led to another site, so Ownpost did not use it.' });
    }
    if (!response.ok) {
      throw new RelayError({
        code: 'document_unavailable',
        message: `The site answered ${response.status} when Ownpost asked for the document.`,
        hint: response.status === 401 || response.status === 403 ? 'Are you still signed in to this site?' : undefined,
      });
    }
    const bytes = await readLimited(response);
    if (!isPdf(bytes)) {
      throw new RelayError({ code: 'not_a_pdf', message: 'The link did not give a PDF document.', hint: 'Open the invoice itself and try again.' });
    }
    document = { bytes, size: bytes.length, contentType: 'application/pdf', filename: documentFilename(response.headers.get('content-disposition'), url) };
    remember(key, document);
  }
  const hint = options.filenameHint?.trim();
  return hint ? { ...document, filename: pdfFilename([hint, document.filename]) } : document;
}

/**
 * Which of these links gives a PDF? For links that do not say so (no `.pdf`, no "PDF" in their text):
 * a HEAD request from the tab's origin with its cookies, one link after another, each bounded in
 * time, reading the Content-Type (or the filename the server offers). A server that refuses HEAD
 * (405/501) gets a GET whose body is cut after the first bytes, which are checked for "%PDF-".
 * The links come from the page's adapter, which never offers links that look like actions.
 */
export async function probeDocumentLinks(urls: readonly string[], tabUrl: string | undefined): Promise<{ url: string; filename: string; size?: number } | undefined> {
  for (const raw of urls.slice(0, MAX_PROBED_LINKS)) {
    let url: URL;
    try {
      url = sameOriginDocumentUrl(raw, tabUrl);
    } catch {
      continue;
    }
    const found = await probeOne(url).catch(() => undefined);
    if (found) return found;
  }
  return undefined;
}

const PDF_TYPE = /^application\/(?:x-)?pdf\b/i;

async function probeOne(url: URL): Promise<{ url: string; filename: string; size?: number } | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    const init: RequestInit = { cache: 'no-store', signal: controller.signal, headers: { Accept: 'application/pdf, */*;q=0.5' } };
    let response = await fetchHopByHop(url, url.origin, { ...init, method: 'HEAD' });
    let magicChecked = false;
    if (response.status === 405 || response.status === 501) {
      response = await fetchHopByHop(url, url.origin, { ...init, method: 'GET' });
      const reader = response.body?.getReader();
      const first = reader ? await reader.read() : undefined;
      // Enough to tell a PDF; the rest of the body is not wanted.
      controller.abort();
      if (!first?.value || !isPdf(first.value)) return undefined;
      magicChecked = true;
    }
    if (!response.ok || (response.url && new URL(response.url).origin !== url.origin)) return undefined;
    const disposition = response.headers.get('content-disposition');
    const type = response.headers.get('content-type') ?? '';
    const offersPdfFile = /filename\*?\s*=[^;]*\.pdf\b/i.test(disposition ?? '');
    if (!magicChecked && !PDF_TYPE.test(type) && !offersPdfFile) return undefined;
    const size = Number(response.headers.get('content-length') ?? NaN);
    return { url: url.href, filename: documentFilename(disposition, url), ...(Number.isFinite(size) && size > 0 ? { size } : {}) };
  } finally {
    clearTimeout(timer);
  }
}
