import type { PageDetection, SiteAdapter } from '../site-adapter';
import { resetSidebarVerdicts } from './customer-panels';
import { detectInDocument } from './detect-in-document';
import { detectInFrames, withFrameFields } from './detect-in-frames';
import { detectInShadowRoots } from './detect-in-shadow-roots';

/**
 * The adapter for any invoice, order, quote or reminder page, in the languages of page-language.ts:
 * labels (in texts and form controls), mailto links and PDF links, in the page, its same-origin frames
 * or its web components' open shadow trees.
 */
export const genericInvoiceAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Any invoice page',
  matches: () => true,
  detect(document, url, options): PageDetection | undefined {
    // The page may have changed since the last reading.
    resetSidebarVerdicts();
    const own = detectInDocument(document, url, options?.quick);
    if (!own) return detectInFrames(document, url) ?? detectInShadowRoots(document, url, options?.quick);
    // A shell that names the document (its title, breadcrumb and PDF link: "Preventivi › 2026/045") around a same-origin
    // frame that shows it (the print preview): the frame's reading holds what the document says, its customer and total.
    if (own.kind === 'document' && own.documents.length === 1) {
      const framed = detectInFrames(document, url);
      if (framed?.kind === 'document' && framed.documents.length === 1 && framed.documents[0]!.number === own.documents[0]!.number) return framed;
      // A frame that shows the document's fields without naming it (a customer center's transaction form): read under the shell's heading.
      if (!framed) return withFrameFields(document, url, own);
    }
    return own;
  },
};
