/**
 * What makes a file a PDF and what it is called, for every way the extension gets one: the
 * background's fetch of a page's link (background/fetch-document.ts), a capture the page made
 * (capture/page-capture.ts). Imports nothing, so the panel's and the capture's bundles stay small.
 */

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** The bytes start as a PDF does: a page's or a server's word for the type is never enough. */
export function isPdf(bytes: Uint8Array): boolean {
  return PDF_MAGIC.every((byte, i) => bytes[i] === byte);
}

/** `filename*=UTF-8''…` (RFC 6266; a malformed escape falls back to the plain name) or `filename="…"` from Content-Disposition. */
export function dispositionFilename(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star.trim());
    } catch {
      /* the plain name, if any */
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim();
}

/** The address's last path segment, decoded; `onlyPdf`: only when it ends in `.pdf`. */
export function urlFilename(url: string | URL, options: { onlyPdf?: boolean } = {}): string | undefined {
  try {
    const segment = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    return !options.onlyPdf || /\.pdf$/i.test(segment) ? segment : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first candidate that makes a usable file name, made safe for the attachment: no path
 * separators, control characters or quotes, at most 200 characters, ending in `.pdf`; else `fallback`.
 */
export function pdfFilename(candidates: readonly (string | null | undefined)[], fallback = 'document.pdf'): string {
  for (const raw of candidates) {
    const name = (raw ?? '')
      // eslint-disable-next-line no-control-regex -- control characters are what this strips
      .replace(/[\\/\u0000-\u001f\u007f"]/g, '_')
      .trim()
      .slice(0, 200);
    if (name && name !== '_') return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
  }
  return fallback;
}

/** A safe file name: the first usable candidate (the page's, the URL's last segment), else one made from the document's number. */
export function documentPdfFilename(candidates: readonly (string | undefined | null)[], documentNumber?: string): string {
  const ref = (documentNumber ?? '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '');
  return pdfFilename(candidates, ref ? `${ref}.pdf` : 'document.pdf');
}
