/**
 * Documents inside the page's web components, read in a copy with their open shadow trees in place.
 */
import { composedCopy } from '../composed-copy';
import type { DetectedDocument, PageDetection } from '../site-adapter';
import { detectInDocument } from './detect-in-document';

/**
 * The documents of the page's web components, read in a copy of the page as it is shown, their open
 * shadow trees in place (composed-copy.ts): the elements found are given back as the page's own, or
 * left out (a floating button) where the copy has one the page does not.
 */
export function detectInShadowRoots(document: Document, url: URL, quick = false): PageDetection | undefined {
  const composed = composedCopy(document, url.href);
  const detection = composed && detectInDocument(composed.document, url, quick);
  if (!composed || !detection) return undefined;
  const own = (element: Element | undefined) => (element ? composed.original(element) : undefined);
  const asPage = (found: PageDetection): PageDetection => {
    const anchor = own(found.anchor);
    const documents = found.documents.map(({ anchor: documentAnchor, row, pdfButton, ...rest }): DetectedDocument => {
      const [a, r, b] = [own(documentAnchor), own(row), own(pdfButton)];
      return { ...rest, ...(a ? { anchor: a } : {}), ...(r ? { row: r } : {}), ...(b ? { pdfButton: b } : {}) };
    });
    return { kind: found.kind, documents, ...(anchor ? { anchor } : {}), ...(found.complete ? { complete: () => asPage(found.complete!()) } : {}) };
  };
  return asPage(detection);
}
