/**
 * A page whose document is inside web components' shadow trees (shadow-roots.ts), as one document the
 * detector can read: a detached copy of the page as it is shown, each open shadow tree in place of its
 * host's children and each `<slot>` filled with the host's children it shows. The detector's elements
 * (the button's anchor, a list's rows) are found in the copy and given back as the page's own.
 */
import { setCopyUrl } from './document-url';
import { openShadowRoots } from './shadow-roots';

/** Nodes copied at most: a copy of a huge page would cost more than it finds. */
const MAX_COMPOSED_NODES = 20_000;
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'LINK']);

export interface ComposedCopy {
  document: Document;
  /** The page's element a copied element stands for. */
  original(element: Element): Element | undefined;
}

/** The shadow tree being copied: its host, and the tree the host is in. */
interface Scope {
  host: Element;
  outer: Scope | undefined;
}

/** The page as shown, shadow trees included, or undefined for a page without open shadow roots. */
export function composedCopy(document: Document, url: string): ComposedCopy | undefined {
  if (!document.body || openShadowRoots(document).length === 0) return undefined;
  const copy = document.implementation.createHTMLDocument(document.title);
  setCopyUrl(copy, url);
  const lang = document.documentElement.getAttribute('lang');
  if (lang !== null) copy.documentElement.setAttribute('lang', lang);
  // Links resolve against the page's base, as in the page.
  const base = copy.createElement('base');
  base.href = document.baseURI;
  copy.head.append(base);
  const originals = new WeakMap<Element, Element>();
  let budget = MAX_COMPOSED_NODES;

  const copyChildren = (element: Element | ShadowRoot, into: Node, scope: Scope | undefined) => {
    for (let child = element.firstChild; child && budget > 0; child = child.nextSibling) copyNode(child, into, scope);
  };
  const copyNode = (node: Node, into: Node, scope: Scope | undefined) => {
    budget--;
    if (node.nodeType === 3) {
      into.appendChild(copy.createTextNode((node as Text).data));
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (SKIPPED.has(element.tagName)) return;
    if (element.tagName === 'SLOT' && scope) {
      // The host's children assigned to this slot, from the tree the host is in; else the slot's own fallback.
      const name = element.getAttribute('name') ?? '';
      let assigned = false;
      for (let child = scope.host.firstChild; child && budget > 0; child = child.nextSibling) {
        const slot = child.nodeType === 1 ? ((child as Element).getAttribute('slot') ?? '') : child.nodeType === 3 ? '' : undefined;
        if (slot !== name) continue;
        assigned = true;
        copyNode(child, into, scope.outer);
      }
      if (assigned) return;
    }
    const clone = copy.createElement(element.localName);
    for (const attribute of element.attributes) {
      try {
        clone.setAttribute(attribute.name, attribute.value);
      } catch {
        /* a name the HTML parser would not have made */
      }
    }
    originals.set(clone, element);
    into.appendChild(clone);
    if (element.shadowRoot) copyChildren(element.shadowRoot, clone, { host: element, outer: scope });
    else copyChildren(element, clone, scope);
    copyState(element, clone);
  };
  copyChildren(document.body, copy.body, undefined);
  return { document: copy, original: (element) => originals.get(element) };
}

/** What a form control shows now, which its attributes may not say. */
function copyState(element: Element, clone: Element): void {
  if (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA') (clone as HTMLInputElement).value = (element as HTMLInputElement).value;
  else if (element.tagName === 'SELECT') (clone as HTMLSelectElement).selectedIndex = (element as HTMLSelectElement).selectedIndex;
}
