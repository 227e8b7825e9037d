/**
 * Documents in the page's same-origin frames: an app shell around an invoice view, or a print preview.
 */
import { collapse } from '../page-labels';
import type { DetectedDocument, PageDetection } from '../site-adapter';
import { detectInDocument } from './detect-in-document';
import { printViews } from './extract-document';
import { HEADING_TAG } from './headings';
import { MAX_PROBE_CANDIDATES } from './limits';
import { PRINT_ROUTE, rateLinks } from './pdf-links';

/** Frames read for a document when the page itself shows none: an app shell around an invoice view. */
const MAX_FRAMES = 3;

/**
 * The shell's own PDF link for the document its frame shows, when the frame offers none: a toolbar above a print
 * view ("Als PDF speichern" to `…/551204/pdf`, "Drucken"), as server-rendered apps put one. Only for a frame's one document.
 */
function shellPdfOf(document: Document, url: URL, frame: Element, documents: readonly DetectedDocument[]): Pick<DetectedDocument, 'pdfUrl' | 'pdfCandidates'> {
  if (documents.length !== 1 || documents[0]!.pdfUrl || documents[0]!.pdfCandidates?.length || !document.body) return {};
  const links = rateLinks(document.body, url).filter((l) => l.element !== frame && !l.offsite);
  const pdf = links.find((l) => l.confirmed);
  if (pdf) return { pdfUrl: pdf.url };
  const candidates = links.slice(0, MAX_PROBE_CANDIDATES).map((l) => l.url);
  return candidates.length > 0 ? { pdfCandidates: candidates } : {};
}

/**
 * The documents of the page's own frames, which the content script (top frame only) can read when
 * they are same-origin: older apps show the invoice in an `<iframe>` or a frameset. Links resolve
 * against the frame's address; the button goes by the frame, in the page the user sees.
 */
export function detectInFrames(document: Document, url: URL): PageDetection | undefined {
  const frames = [...document.getElementsByTagName('iframe'), ...document.getElementsByTagName('frame')];
  for (let i = 0; i < frames.length && i < MAX_FRAMES; i++) {
    const frame = frames[i]!;
    let inner: Document | null | undefined;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      continue; // another origin's frame: not ours to read
    }
    if (!inner?.body) continue;
    let frameUrl: URL;
    try {
      frameUrl = /^https?:/.test(inner.URL) ? new URL(inner.URL) : url;
    } catch {
      continue;
    }
    if (frameUrl.origin !== url.origin) continue;
    if (PRINT_ROUTE.test(frame.getAttribute('src') ?? '')) printViews.add(inner);
    const detection = detectInDocument(inner, frameUrl);
    if (!detection) continue;
    const shellPdf = detection.kind === 'document' ? shellPdfOf(document, url, frame, detection.documents) : {};
    const documents = detection.documents.map(({ anchor: _anchor, pdfCandidates, ...found }) => ({
      ...found,
      ...(shellPdf.pdfUrl || !pdfCandidates ? {} : { pdfCandidates }),
      ...shellPdf,
      anchor: frame,
    }));
    return { ...detection, anchor: frame, documents };
  }
  return undefined;
}

/**
 * A shell that names the document in its heading ("Invoice #INV11823") around a same-origin frame that shows the
 * document's fields without naming it ("BILL TO", "EMAIL", "TOTAL" of a customer center's transaction form): a copy
 * of the frame's page read under the shell's heading gives the customer, the recipient and the total the shell's
 * reading lacks. The page's frame is never changed; the button stays the shell's.
 */
export function withFrameFields(document: Document, url: URL, own: PageDetection): PageDetection {
  const found = own.documents[0]!;
  const heading = found.anchor && HEADING_TAG.test(found.anchor.tagName) ? collapse(found.anchor.textContent ?? '') : '';
  if (!found.number || !heading.includes(found.number) || (found.customerName && found.amount && found.recipients.length > 0)) return own;
  const frames = [...document.getElementsByTagName('iframe'), ...document.getElementsByTagName('frame')];
  for (let i = 0; i < frames.length && i < MAX_FRAMES; i++) {
    let inner: Document | null | undefined;
    try {
      inner = (frames[i] as HTMLIFrameElement).contentDocument;
    } catch {
      continue; // another origin's frame: not ours to read
    }
    if (!inner?.body || (/^https?:/.test(inner.URL) && new URL(inner.URL).origin !== url.origin)) continue;
    const copy = inner.cloneNode(true) as Document;
    const title = copy.createElement('h1');
    title.textContent = heading;
    copy.body.prepend(title);
    const detection = detectInDocument(copy, url);
    const framed = detection?.kind === 'document' && detection.documents.length === 1 ? detection.documents[0]! : undefined;
    if (framed?.number !== found.number) continue;
    const fill = (d: DetectedDocument): DetectedDocument => ({
      ...d,
      ...(d.customerName || !framed.customerName ? {} : { customerName: framed.customerName }),
      ...(d.amount || !framed.amount ? {} : { amount: framed.amount }),
      ...(d.recipients.length > 0 || framed.recipients.length === 0 ? {} : { recipients: framed.recipients }),
    });
    const complete = own.complete;
    return { ...own, documents: [fill(found)], ...(complete ? { complete: () => ({ ...complete(), documents: complete().documents.map(fill) }) } : {}) };
  }
  return own;
}
