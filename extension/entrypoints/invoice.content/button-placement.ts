/**
 * Where an injected control goes next to a page element (issue 16 item 6). Never inside a form
 * control or a void element: appended to an `<input>` it is part of no layout (0 × 0 px, invisible);
 * inside a `<label>`, `<button>`, `<a>` or `<select>` a click on it would also act on the page's own
 * control. Such anchors get the control right after them (after the outermost interactive one).
 */

/** Elements whose content is not rendered as children (void elements, replaced and form controls). */
const NO_CHILDREN = new Set([
  'AREA',
  'BASE',
  'BR',
  'COL',
  'EMBED',
  'HR',
  'IMG',
  'INPUT',
  'LINK',
  'META',
  'PARAM',
  'SOURCE',
  'TRACK',
  'WBR',
  'SELECT',
  'TEXTAREA',
  'OPTION',
  'OPTGROUP',
  'IFRAME',
  'OBJECT',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'PROGRESS',
  'METER',
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
]);

/** Ancestors a click inside of would also activate, or whose content model takes no extra button. */
const INTERACTIVE = 'a[href], button, label, select, summary, [role="button"], [role="link"], [contenteditable]:not([contenteditable="false"])';

/** Where `host` goes for `anchor`: appended inside it, or inserted after the element returned. */
export function buttonPlacement(anchor: Element): { inside: Element } | { after: Element } {
  const interactive = outermost(anchor);
  if (interactive) return { after: interactive };
  if (NO_CHILDREN.has(anchor.tagName) || anchor.namespaceURI !== 'http://www.w3.org/1999/xhtml') return { after: anchor };
  return { inside: anchor };
}

function outermost(anchor: Element): Element | undefined {
  let found: Element | undefined;
  for (let current: Element | null = anchor; current && current !== anchor.ownerDocument.body; current = current.parentElement) {
    try {
      if (current.matches(INTERACTIVE)) found = current;
    } catch {
      /* a selector the engine does not know: nothing to find */
    }
  }
  return found;
}

/** Puts `host` by `anchor`; false when the anchor is gone (the caller floats the control instead). */
export function placeByAnchor(anchor: Element | undefined, host: Element): boolean {
  if (!anchor?.isConnected) return false;
  const place = buttonPlacement(anchor);
  if ('inside' in place) place.inside.append(host);
  else place.after.after(host);
  return true;
}
