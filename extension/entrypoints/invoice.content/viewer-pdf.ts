/**
 * A PDF the page shows from memory (issue 16 item 3): an app that renders its preview into an
 * `<iframe>`, `<embed>` or `<object>` from a `blob:` (or `data:`) address of its own, made by script
 * from an API's answer, has no address the background could fetch. When the panel opens without a
 * PDF, the page script reads such a viewer's bytes here, as the page would, and hands them to the
 * panel as the document's file: no "Take the PDF from the page" needed. Only a file whose first bytes
 * are `%PDF-` and which is at most MAX_DOCUMENT_BYTES counts; a blob of another origin is never read.
 */
import { MAX_DOCUMENT_BYTES } from '../../../shared/document-limits';
import { bytesToBase64 } from '../../lib/base64';
import { ours, ownBytes, pageFetch } from '../../lib/page-fetch';
import { documentPdfFilename, isPdf } from '../../lib/pdf-file';

const IN_MEMORY_VIEWERS =
  'iframe[src^="blob:"], embed[src^="blob:"], object[data^="blob:"], iframe[src^="data:application/pdf"], embed[src^="data:application/pdf"], object[data^="data:application/pdf"]';

export interface ViewerPdf {
  filename: string;
  contentBase64: string;
  size: number;
}

/** The address of a viewer's file when the page itself made it (a blob of this origin, or a PDF data URL). */
function ownMemoryUrl(element: Element): string | undefined {
  const raw = element.getAttribute('src') ?? element.getAttribute('data') ?? '';
  if (raw.startsWith('data:')) return raw;
  try {
    // A blob URL's origin is the origin of the document that made it.
    return new URL(raw).origin === location.origin ? raw : undefined;
  } catch {
    return undefined;
  }
}

/** The first in-memory PDF a viewer of `root` shows (its bytes, and the viewer's title), or undefined: none, not a PDF, too large, gone. */
export async function findViewerPdf(root: ParentNode): Promise<{ bytes: Uint8Array; title: string | null } | undefined> {
  for (const element of root.querySelectorAll(IN_MEMORY_VIEWERS)) {
    const url = ownMemoryUrl(element);
    if (!url) continue;
    try {
      const response = await ours(pageFetch()(url));
      const blob = await ours(response.blob());
      // Its size first: a page's huge blob is never copied into this script.
      if (blob.size === 0 || blob.size > MAX_DOCUMENT_BYTES) continue;
      const bytes = await ownBytes(blob);
      if (isPdf(bytes)) return { bytes, title: element.getAttribute('title') };
    } catch {
      // Revoked, or refused: the panel offers the other ways.
    }
  }
  return undefined;
}

/** findViewerPdf's file as the panel takes it. `documentNumber` names a file the page gives no name. */
export async function readViewerPdf(root: ParentNode, documentNumber?: string): Promise<ViewerPdf | undefined> {
  const found = await findViewerPdf(root);
  if (!found) return undefined;
  const { bytes, title } = found;
  return { filename: documentPdfFilename([title && /\.pdf$/i.test(title) ? title : undefined], documentNumber), contentBase64: bytesToBase64(bytes), size: bytes.length };
}
