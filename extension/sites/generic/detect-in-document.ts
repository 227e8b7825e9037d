/**
 * Detection in one document (the page, a frame's or a copy's): a document page, or a list of documents.
 */
import type { PageDetection } from '../site-adapter';
import { isAddressWithoutDocumentsToSend, isBillsAddress } from './documents-not-to-send';
import { extractDocument } from './extract-document';
import { extractList, ROW_SELECTOR } from './extract-list';
import { kindSignalReader } from './kind-signals';
import { rateLinks } from './pdf-links';

export function detectInDocument(document: Document, url: URL, quick = false): PageDetection | undefined {
  const root = document.body;
  if (!root || isAddressWithoutDocumentsToSend(url)) return undefined;
  const links = rateLinks(root, url);
  const signal = kindSignalReader(document, url);
  if (links.length === 0 && !signal()) return undefined;
  let single = extractDocument(document, root, links, signal, url, quick);
  // A number in the page's title makes it a document page, even when it also lists related documents;
  // unless that title is one card's of a list of cards ("Order 50012" in each `<li>`).
  const inRow = single?.titled && single.found.anchor?.closest(ROW_SELECTOR);
  if (single?.titled && !inRow) {
    const { found, complete } = single;
    const anchor = found.anchor ? { anchor: found.anchor } : {};
    return { kind: 'document', documents: [found], ...anchor, ...(complete ? { complete: () => ({ kind: 'document', documents: [complete()], ...anchor }) } : {}) };
  }
  // A quick reading goes no further than the title: the rest of the page decides now.
  if (single?.complete) single = { found: single.complete(), titled: single.titled };
  // A list of bills may be a supplier's: it is not offered (a client's bill is read on its own page).
  const list = links.length > 0 && !isBillsAddress(url) ? extractList(document, root, links, url) : undefined;
  if (list) {
    const heading = document.querySelector('main h1, h1');
    return { kind: 'list', documents: list, ...(heading ? { anchor: heading } : {}) };
  }
  if (single) return { kind: 'document', documents: [single.found], ...(single.found.anchor ? { anchor: single.found.anchor } : {}) };
  return undefined;
}
