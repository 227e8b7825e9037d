import type { DocumentKind } from '../../shared/document-kinds';
import type { TemplateLanguage } from '../../shared/languages';

/** What a site adapter finds on a page for one document: everything the panel needs to prefill a send. */
export interface DetectedDocument {
  /** Invoice or order number, as shown. */
  number?: string;
  /** What the document is (invoice, quote, credit note, …), when the page's words tell. */
  kind?: DocumentKind;
  /** Recipient addresses found on the page, best first. */
  recipients: string[];
  customerName?: string;
  amount?: string;
  dueDate?: string;
  /** The language the document is written in, when the page or its labels tell and a template is written in it. */
  language?: TemplateLanguage;
  /** Absolute URL of the document's PDF on the page's own site. */
  pdfUrl?: string;
  pdfName?: string;
  /**
   * A link to the document's PDF on another host (a payment or files host's "Download PDF"), when the
   * page's own site offers none: fetched only from a host the user granted (the panel asks on a click).
   */
  pdfElsewhere?: string;
  /**
   * Links that may give the PDF but do not say so (no `.pdf`, no "PDF" in their text): the content
   * script asks the background to probe them (a HEAD from the tab's origin) before showing a button.
   * Same origin only, best first.
   */
  pdfCandidates?: string[];
  /** The element the send button goes next to (the document's title); absent: a floating button. */
  anchor?: Element;
  /** On a list page: the element that holds this document (its table row). */
  row?: Element;
  /** The customer's number as the page shows it (the customer directory finds the recipient by it). */
  customerNumber?: string;
  /** A link to the customer's page on the same site, where the address is when the document has none (a recipe's `customerPage`). */
  customerPageUrl?: string;
  /** The app's own button that makes the PDF (a recipe's `pdfButton`): the panel's "Make the PDF" presses it during a capture. */
  pdfButton?: Element;
  /** The recipe's selector for `pdfButton`: the panel frame learns from it that there is one; the content script finds the button again by it when the app re-rendered. */
  pdfButtonSelector?: string;
}

/** What the page shows: one document, or a list of several to send in bulk. */
export interface PageDetection {
  kind: 'document' | 'list';
  /** One for `document`, two or more for `list`. */
  documents: DetectedDocument[];
  /** Where the button goes: the document's title or the list's heading; absent: floating. */
  anchor?: Element;
  /**
   * Only on a quick reading (`detect` with `quick`) that left out what the button does not need: the
   * whole reading, as `detect` without `quick` gives it (the same kind, documents and anchor).
   */
  complete?(): PageDetection;
}

/**
 * One adapter per file in this folder, registered in sites/index.ts (recipe adapters are made from
 * the user's and the company's recipes at run time). Each declares where it runs and how it
 * extracts; an adapter that throws is skipped and never breaks the page or the others.
 *
 * Adapters run in the page at every load and on client-side navigation: they read `textContent`
 * (never `innerText`, which forces a layout), and bound the elements they look at.
 */
export interface SiteAdapter {
  id: string;
  /** Human name for the options page. */
  name: string;
  /** Where it runs; the generic adapter runs everywhere the user enabled Ownpost. */
  matches(url: URL): boolean;
  /**
   * What the page shows: one document, several (a list page), or nothing. With `quick` (the send
   * button's first look at a page), an adapter may leave out what only the panel needs, and give it
   * with the detection's `complete`.
   */
  detect(document: Document, url: URL, options?: { quick?: boolean }): PageDetection | undefined;
}
