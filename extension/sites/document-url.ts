/**
 * A document's address as the page has it. A parsed copy of a page (page-copy.ts, issue 18) has the
 * address of the document that parsed it, so the copy's own is registered here for the detector.
 */
const copyUrls = new WeakMap<Document, string>();

export function documentUrl(document: Document): string {
  return copyUrls.get(document) ?? document.URL;
}

/** For a parsed copy: the address of the page it copies. */
export function setCopyUrl(document: Document, url: string): void {
  copyUrls.set(document, url);
}
