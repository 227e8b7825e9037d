/**
 * The open shadow roots of a page's web components (Lit, Stencil, Shoelace, SAP UI5 Web Components,
 * Salesforce's native shadow): an app built of them shows its invoice inside shadow trees, which no
 * selector, tree walker or `outerHTML` of the page enters. Found cheaply: in the page's own tree only
 * its custom elements (`<my-app>`, `<ion-app>`) are looked at, through one native query; inside a
 * shadow tree, every element is (its components nest their own).
 */

/**
 * Every element name of HTML, SVG and MathML a page may hold: an element that is none of them is a
 * custom element (its name has a hyphen), which is where components keep their shadow trees. The
 * browser's selector engine skips the rest natively, so a page without components costs one query,
 * not a wrapper for each of its elements (issue 18: this runs on every page load). A built-in
 * element given a shadow root by a script (a `<div>`) is not looked at: app shells are components.
 */
const HTML_ELEMENTS =
  'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option output p picture pre progress q rp rt ruby s samp script search section select slot small source span strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track u ul var video wbr svg math acronym applet basefont big blink center dir font frame frameset keygen listing marquee nobr noembed noframes param plaintext strike tt xmp';
const CUSTOM_ELEMENTS = `body :not(${HTML_ELEMENTS.split(' ').join(', ')}, svg *, math *)`;
/** Component hosts in the page's own tree looked at at most. */
const MAX_LIGHT_HOSTS = 200;
/** Elements looked at inside shadow trees, and shadow roots gathered at most. */
const MAX_SHADOW_ELEMENTS = 5000;
const MAX_ROOTS = 40;
const SHOW_ELEMENT = 1; // NodeFilter.SHOW_ELEMENT, without relying on the global

/** The page's open shadow roots (closed ones are not ours to read), outermost first; none on most pages. */
export function openShadowRoots(document: Document): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  if (!document.body) return roots;
  const hosts = document.querySelectorAll(CUSTOM_ELEMENTS);
  for (let i = 0; i < hosts.length && i < MAX_LIGHT_HOSTS && roots.length < MAX_ROOTS; i++) {
    const shadow = hosts[i]!.shadowRoot;
    if (shadow && !isOurs(hosts[i]!)) roots.push(shadow);
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

/** Ownpost's own elements (the button's host) are named ownpost-…: their trees are not the page's. */
function isOurs(element: Element): boolean {
  return element.localName.startsWith('ownpost-');
}
