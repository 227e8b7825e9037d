/**
 * The detector on a parsed copy of a page (issue 18, page-copy.ts): runs where the page's main thread
 * does not pay for it, in Chromium's offscreen document (entrypoints/offscreen) or Firefox's background
 * page, both of which have a DOM. The copy is parsed with DOMParser (scripts do not run, nothing
 * loads), made to read as the page does (its base URL, its address, the live values of its form
 * controls, `<noscript>` as text as in a page with scripts), read by the same adapters as in the page,
 * and answered as data: elements as paths (page-copy.ts).
 */
import type { Recipe } from '../../shared/recipe-schemas';
import { detectDocumentsOnPage } from '.';
import { setCopyUrl } from './document-url';
import { CONTROLS_SELECTOR, elementPath, type CopiedDetection, type CopiedDocument, type ElementPath, type PageCopy } from './page-copy';
import type { PageDetection } from './site-adapter';

/** The copy as a document that reads like the page. */
export function parseCopy(copy: PageCopy): Document {
  const document = new DOMParser().parseFromString(copy.html, 'text/html');
  setCopyUrl(document, copy.url);
  // The page's effective base first: the first <base href> wins, so the page's own is overruled by what it resolved to.
  const base = document.createElement('base');
  base.href = copy.baseUrl;
  document.head.prepend(base);
  // A page with scripts has a <noscript>'s content as text; DOMParser, without scripts, parses it.
  for (const noscript of document.querySelectorAll('noscript')) noscript.textContent = noscript.innerHTML;
  const controls = document.querySelectorAll(CONTROLS_SELECTOR);
  for (const [index, state] of copy.controls) {
    const control = controls[index];
    if (control instanceof HTMLInputElement) {
      if (typeof state === 'boolean') control.checked = state;
      else if (typeof state === 'string') control.value = state;
    } else if (control instanceof HTMLTextAreaElement && typeof state === 'string') control.value = state;
    else if (control instanceof HTMLSelectElement && Array.isArray(state)) {
      for (let i = 0; i < control.options.length; i++) control.options[i]!.selected = state.includes(i);
    }
  }
  return document;
}

/** The copy read by the page's adapters, as data (null: nothing found). Throws where the detector does. */
export function detectOnCopy(copy: PageCopy, recipes: readonly Recipe[], quick: boolean): CopiedDetection | null {
  return readParsedCopy(parseCopy(copy), copy.url, recipes, quick);
}

/** The parsed copy (parseCopy) read by the page's adapters, as data. */
export function readParsedCopy(document: Document, url: string, recipes: readonly Recipe[], quick: boolean): CopiedDetection | null {
  const found = detectDocumentsOnPage(document, new URL(url), recipes, { quick });
  if (!found) return null;
  // The injected <base> must not shift the paths of the head's elements.
  document.head.querySelector('base')?.remove();
  return asData(found.detection, document.documentElement);
}

function asData(detection: PageDetection, root: Element): CopiedDetection {
  const tags: Record<string, string> = {};
  const path = (element: Element | undefined): ElementPath | undefined => {
    if (!element) return undefined;
    const found = elementPath(element, root);
    if (!found) throw new Error('an element the detector found is not in the copy');
    tags[found.join('.')] = element.tagName;
    return found;
  };
  const documents = detection.documents.map(({ anchor, row, pdfButton, ...found }): CopiedDocument => {
    const data: CopiedDocument = { ...found };
    const anchorPath = path(anchor);
    const rowPath = path(row);
    const pdfButtonPath = path(pdfButton);
    if (anchorPath) data.anchor = anchorPath;
    if (rowPath) data.row = rowPath;
    if (pdfButtonPath) data.pdfButton = pdfButtonPath;
    return data;
  });
  const anchor = path(detection.anchor);
  return { kind: detection.kind, documents, ...(anchor ? { anchor } : {}), ...(detection.complete ? { partial: true } : {}), tags };
}
