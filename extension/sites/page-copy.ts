/**
 * Detection off the page's main thread (issue 18). The detector reads only text, attributes and the
 * values of form controls, never layout (site-adapter.ts), so it can read a parsed copy of the page
 * just as well as the page: the content script serialises the page (`outerHTML`, which is native and
 * cheap, plus the live state of form controls, which `outerHTML` does not carry), the background has
 * it parsed and read where the page does not pay for it (copy-detection.ts: an offscreen document in
 * Chromium, the background page in Firefox), and the answer comes back as data. The elements the
 * content script needs (the button's anchor, a list's rows, a recipe's PDF button) come back as paths
 * of child indexes from the root element, resolved here in the live page and checked (the same tag)
 * before use: a page that changed meanwhile, or whose copy parses into another tree, is read in the
 * page instead, as before.
 *
 * This file is the page's side and the data both sides share: it must not import the detector.
 */
import type { CopiedDetectionData, PageCopy } from '../../shared/extension-messages';
import { MAX_PAGE_COPY_CHARS } from '../../shared/document-limits';
import { openShadowRoots } from './shadow-roots';
import type { DetectedDocument, PageDetection } from './site-adapter';

export type { PageCopy };

/** Past this many elements the page is read in the page: serialising, sending and parsing it would cost more than reading it. */
export const MAX_COPY_ELEMENTS = 20_000;

/** The live state of one form control whose state differs from its markup: its index among `input, textarea, select`. */
export type ControlState = PageCopy['controls'][number];

/** Where an element is: the child indexes (elements only) from the root element down. */
export type ElementPath = number[];

/** A document as data: DetectedDocument with its elements as paths. */
export type CopiedDocument = Omit<DetectedDocument, 'anchor' | 'row' | 'pdfButton'> & { anchor?: ElementPath; row?: ElementPath; pdfButton?: ElementPath };

/** A detection as data; `partial`: a quick reading that left out what only the panel needs. */
export interface CopiedDetection extends CopiedDetectionData {
  documents: CopiedDocument[];
  anchor?: ElementPath;
  partial?: boolean;
  /** Each path's element's tag (the path joined with dots), which the live page must show at that path. */
  tags: Record<string, string>;
}

export const CONTROLS_SELECTOR = 'input, textarea, select';

/**
 * The page as a copy the detector can read elsewhere; undefined when it must be read in the page:
 * too large, with a same-origin frame (the detector reads those frames' documents, which a copy of the
 * top document does not hold) or with web components' open shadow trees (neither). Passwords and
 * files are never copied.
 */
export function copyPage(document: Document, url: string): PageCopy | undefined {
  const root = document.documentElement;
  // A web component's shadow tree is in no `outerHTML`: such a page is read in the page (composed-copy.ts).
  if (document.getElementsByTagName('*').length > MAX_COPY_ELEMENTS || hasReadableFrame(document) || openShadowRoots(document).length > 0) return undefined;
  const html = root.outerHTML;
  if (html.length > MAX_PAGE_COPY_CHARS) return undefined;
  const controls: ControlState[] = [];
  const all = document.querySelectorAll(CONTROLS_SELECTOR);
  for (let index = 0; index < all.length; index++) {
    const control = all[index]!;
    if (control instanceof HTMLInputElement) {
      if (control.type === 'password' || control.type === 'file') continue;
      if (control.type === 'checkbox' || control.type === 'radio') {
        if (control.checked !== control.defaultChecked) controls.push([index, control.checked]);
      } else if (control.value !== control.defaultValue) controls.push([index, control.value]);
    } else if (control instanceof HTMLTextAreaElement) {
      if (control.value !== control.defaultValue) controls.push([index, control.value]);
    } else if (control instanceof HTMLSelectElement) {
      const options = control.options;
      const selected: number[] = [];
      let differs = false;
      for (let i = 0; i < options.length; i++) {
        const option = options[i]!;
        if (option.selected) selected.push(i);
        if (option.selected !== option.defaultSelected) differs = true;
      }
      if (differs) controls.push([index, selected]);
    }
  }
  return { html, url, baseUrl: document.baseURI, controls };
}

function hasReadableFrame(document: Document): boolean {
  for (const tag of ['iframe', 'frame']) {
    for (const frame of document.getElementsByTagName(tag)) {
      try {
        if ((frame as HTMLIFrameElement).contentDocument?.body) return true;
      } catch {
        /* another origin's frame: the detector cannot read it either */
      }
    }
  }
  return false;
}

/** The path of an element under `root` (the copy's root element). */
export function elementPath(element: Element, root: Element): ElementPath | undefined {
  const path: number[] = [];
  let node: Element = element;
  while (node !== root) {
    const parent = node.parentElement;
    if (!parent) return undefined;
    path.push(Array.prototype.indexOf.call(parent.children, node));
    node = parent;
  }
  return path.reverse();
}

/** The element at a path in the live page, if it is there and has the tag the copy had (the last step's tag is checked by the caller). */
function elementAt(root: Element, path: ElementPath): Element | undefined {
  let node: Element | undefined = root;
  for (const index of path) {
    node = node.children[index];
    if (!node) return undefined;
  }
  return node;
}

/** Thrown when a path does not lead to the element the copy had: the page changed, or parsed differently. */
export class StaleCopyError extends Error {}

/**
 * The copy's detection in the live page: its paths resolved to elements. Each path carries the
 * element's tag (`tags`) and must find the same one; otherwise StaleCopyError.
 */
export function resolveDetection(copied: CopiedDetection, document: Document): Omit<PageDetection, 'complete'> {
  const root = document.documentElement;
  const resolve = (path: ElementPath | undefined): Element | undefined => {
    if (!path) return undefined;
    const element = elementAt(root, path);
    if (!element || element.tagName !== copied.tags[path.join('.')]) throw new StaleCopyError('the page changed since it was copied');
    return element;
  };
  const anchor = resolve(copied.anchor);
  const documents = copied.documents.map(({ anchor: documentAnchor, row, pdfButton, ...found }): DetectedDocument => {
    const resolved: DetectedDocument = { ...found };
    if (documentAnchor) resolved.anchor = resolve(documentAnchor);
    if (row) resolved.row = resolve(row);
    if (pdfButton) resolved.pdfButton = resolve(pdfButton);
    return resolved;
  });
  return { kind: copied.kind, documents, ...(anchor ? { anchor } : {}) };
}
