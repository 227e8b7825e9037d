import { MAX_DOCUMENT_BYTES, type DocumentInfo } from '../../shared/extension-messages';
import { RelayError } from './relay-client';

export interface FetchedDocument extends DocumentInfo {
  bytes: Uint8Array;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** `filename*=UTF-8''…` or `filename="…"` from Content-Disposition, else the URL's last segment. */
export function documentFilename(disposition: string | null, url: URL, fallback = 'document.pdf'): string {
  const star = disposition && /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  const plain = disposition && /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  let name = star ? decodeURIComponent(star[1]!) : plain ? plain[1]! : decodeURIComponent(url.pathname.split('/').pop() ?? '');
  name = name.replace(/[\\/\u0000-\u001f\u007f]/g, '_').trim().slice(0, 200);
  if (!name) name = fallback;
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

/**
 * Fetches a document for a tab: only from the tab's own origin (a page cannot make the extension
 * fetch from anywhere else), with the user's cookies for that site, and only if the answer really
 * is a PDF (magic bytes, not the Content-Type alone) within the size limit.
 */
export async function fetchDocumentForTab(documentUrl: string, tabUrl: string | undefined, filenameHint?: string): Promise<FetchedDocument> {
  const url = new URL(documentUrl);
  if (!tabUrl || url.origin !== new URL(tabUrl).origin || !/^https?:$/.test(url.protocol)) {
    throw new RelayError({ code: 'document_unavailable', message: 'The document is not on this page’s own site, so Ownpost will not fetch it.' });
  }
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include', cache: 'no-store' });
  } catch {
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
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_DOCUMENT_BYTES) {
    throw new RelayError({ code: 'document_too_large', message: `The document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.` });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new RelayError({ code: 'document_too_large', message: `The document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.` });
  }
  if (!PDF_MAGIC.every((byte, i) => bytes[i] === byte)) {
    throw new RelayError({ code: 'not_a_pdf', message: 'The link did not give a PDF document.', hint: 'Open the invoice itself and try again.' });
  }
  return {
    bytes,
    size: bytes.length,
    contentType: 'application/pdf',
    filename: filenameHint?.trim() ? documentFilename(`filename="${filenameHint}"`, url) : documentFilename(response.headers.get('content-disposition'), url),
  };
}

/** Base64 without blowing the call stack on large files. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
