/** What a site adapter finds on a page: everything the panel needs to prefill a send. */
export interface DetectedDocument {
  /** Invoice or order number, as shown. */
  number?: string;
  /** Recipient addresses found on the page, best first. */
  recipients: string[];
  customerName?: string;
  amount?: string;
  /** Absolute URL of the document's PDF on the page's own site. */
  pdfUrl?: string;
  pdfName?: string;
  /** The element the send button goes next to (the document's title); absent: a floating button. */
  anchor?: Element;
}

/**
 * One adapter per file in this folder, registered in sites/index.ts. Each declares where it runs
 * and how it extracts; an adapter that throws is skipped, never breaks the page or the others.
 */
export interface SiteAdapter {
  id: string;
  /** Human name for the options page. */
  name: string;
  /** Where it runs; the generic adapter runs everywhere the user enabled Ownpost. */
  matches(url: URL): boolean;
  extract(document: Document, url: URL): DetectedDocument | undefined;
}
