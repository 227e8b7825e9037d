/**
 * The kinds of business document a page can show (issue 16, item 8). The content script reads the
 * kind from the page's words and passes it on with the send; templates per kind come with another
 * issue. This file has no imports, so the content script can use it without pulling zod in.
 */
export const DOCUMENT_KINDS = ['invoice', 'credit-note', 'quote', 'order-confirmation', 'reminder', 'proforma', 'receipt', 'delivery-note'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
