/**
 * The open shadow roots of a page's web components (Lit, Stencil, Shoelace, SAP UI5 Web Components,
 * Salesforce's native shadow): an app built of them shows its invoice inside shadow trees, which no
 * selector, tree walker or `outerHTML` of the page enters. Found cheaply: the app's shell is near the
 * top of the page (`<my-app>`, `<ion-app>`), so only the page's first levels are looked at; inside a
 * shadow tree, every element is (its components nest their own).
 */

/** Levels of the page's own tree looked at for a component's host, and how many elements at most. */
const MAX_LIGHT_DEPTH = 4;
const MAX_LIGHT_ELEMENTS = 400;
/** Elements looked at inside shadow trees, and shadow roots gathered at most. */
const MAX_SHADOW_ELEMENTS = 5000;
const MAX_ROOTS = 40;
const SHOW_ELEMENT = 1; // NodeFilter.SHOW_ELEMENT, without relying on the global

/** The page's open shadow roots (closed ones are not ours to read), outermost first; none on most pages. */
export function openShadowRoots(document: Document): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  if (!document.body) return roots;
  let level: Element[] = [document.body];
  let seen = 0;
  for (let depth = 0; depth < MAX_LIGHT_DEPTH && level.length > 0 && seen < MAX_LIGHT_ELEMENTS; depth++) {
    const next: Element[] = [];
    for (const parent of level) {
      for (let child = parent.firstElementChild; child && seen < MAX_LIGHT_ELEMENTS; child = child.nextElementSibling) {
        seen++;
        if (child.shadowRoot) roots.push(child.shadowRoot);
        next.push(child);
      }
    }
    level = next;
  }
  let elements = 0;
  for (let i = 0; i < roots.length && roots.length < MAX_ROOTS && elements < MAX_SHADOW_ELEMENTS; i++) {
    const walker = document.createTreeWalker(roots[i]!, SHOW_ELEMENT);
    for (let node = walker.nextNode(); node && elements < MAX_SHADOW_ELEMENTS && roots.length < MAX_ROOTS; node = walker.nextNode()) {
      elements++;
      const shadow = (node as Element).shadowRoot;
      if (shadow) roots.push(shadow);
    }
  }
  return roots;
}
