/**
 * CSS selectors for elements the user picks, made to survive the next visit: the page is rendered
 * again from the server or by a framework, so a selector must name what is stable (ids, test ids,
 * meaningful classes, structure) and leave out what is generated (`css-1x9f2a`, `:r3:`, `row-4711`,
 * hashes, utility and state classes: stable-names.ts). An id holding the record's number is named by
 * the words around it, a CSS-module class by its prefix before the hash. Where no attribute names it,
 * a field is named by its label's text (label-selector.ts) before a path of positions.
 */
import { labelSelectorFor } from './label-selector';
import { isStableAttributeValue, isStableClass, isStableId, moduleClassPrefix, numberedIdParts } from './stable-names';

/** `formcontrolname`: an Angular reactive form's name for a field, where the app sets no `name`. */
const STABLE_ATTRIBUTES = ['data-testid', 'data-test', 'data-qa', 'data-cy', 'data-field', 'itemprop', 'name', 'formcontrolname'];
/**
 * Also stable, after those above (issue 16 item 7): the page's own names for things (any `data-*`
 * with a word for a value, ARIA labels, a field's placeholder, a cell's `headers`) survive a
 * re-render where an `nth-of-type` chain breaks as soon as a row is added above.
 */
const LABEL_ATTRIBUTES = ['aria-label', 'aria-labelledby', 'headers', 'placeholder', 'title', 'for', 'role'];
/**
 * `data-*` attributes a framework or a widget library writes for itself: scoping (`data-v-7ba5bd90`),
 * bookkeeping (`data-reactid`, `data-index`, `data-row-key`) and state (`data-state="open"`).
 */
const GENERATED_DATA = /^data-(?:v-|reactid|react|ng|ember|svelte|id$|key$|index$|row|state$|selected$|active$|focus|hover|open$|checked$|disabled$|highlighted$|headlessui|radix|rbd|sentry|pc-|p-)/;

/** The attributes worth naming an element by, most stable first. */
function namingAttributes(element: Element): string[] {
  const data = element.getAttributeNames().filter((name) => name.startsWith('data-') && !STABLE_ATTRIBUTES.includes(name) && !GENERATED_DATA.test(name));
  return [...STABLE_ATTRIBUTES, ...data, ...LABEL_ATTRIBUTES];
}
const MAX_PATH_DEPTH = 12;

/**
 * The classes of `element` worth naming it by, as selector parts: a stable class as itself, a
 * CSS-module class by its lasting prefix (`[class*="Invoice_title__"]`); generated, state and
 * utility classes not at all (stable-names.ts).
 */
function classParts(element: Element): string[] {
  const parts: string[] = [];
  for (const token of element.classList) {
    if (isStableClass(token)) parts.push(`.${escapeIdent(token)}`);
    else {
      const prefix = moduleClassPrefix(token);
      if (prefix) parts.push(`[class*="${escapeAttribute(prefix)}"]`);
    }
  }
  return parts;
}

function escapeIdent(value: string): string {
  if (typeof CSS !== 'undefined' && CSS.escape) return CSS.escape(value);
  return value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `).replace(/^(\d)/, '\\3$1 ');
}

function escapeAttribute(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

function matchesOnly(scope: ParentNode, selector: string, element: Element): boolean {
  try {
    const found = scope.querySelectorAll(selector);
    return found.length === 1 && found[0] === element;
  } catch {
    return false;
  }
}

/**
 * One step of a path: the tag, stable classes, and, when siblings share those, an attribute that only
 * this one has; its position among same-tag siblings only when nothing else tells them apart.
 */
function step(element: Element): string {
  const tag = element.tagName.toLowerCase();
  let selector = tag + classParts(element).slice(0, 2).join('');
  const parent = element.parentElement;
  if (parent) {
    const alike = [...parent.children].filter((child) => child !== element && safeMatches(child, selector));
    if (alike.length === 0) return selector;
    for (const name of namingAttributes(element)) {
      const value = element.getAttribute(name);
      if (!value || !isStableAttributeValue(name, value)) continue;
      const named = `${selector}[${name}="${escapeAttribute(value)}"]`;
      if (!alike.some((child) => safeMatches(child, named))) return named;
    }
    const sameTag = [...parent.children].filter((child) => child.tagName === element.tagName);
    if (sameTag.length > 1) selector += `:nth-of-type(${sameTag.indexOf(element) + 1})`;
  }
  return selector;
}

function safeMatches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

/**
 * A selector for `element` by one of its own names. A `role` ("textbox", "row") tells an ancestor on
 * a path apart from its siblings, but says too little to name a picked field by (`anchor`: false).
 */
function attributeSelector(element: Element, scope: ParentNode, anchor = true): string | undefined {
  const tag = element.tagName.toLowerCase();
  if (element.id && isStableId(element.id)) {
    const byId = `#${escapeIdent(element.id)}`;
    if (matchesOnly(scope, byId, element)) return byId;
  }
  // `invoice-4711-total`: the words around the record's number are the same on the next invoice.
  const numbered = element.id ? numberedIdParts(element.id) : undefined;
  if (numbered) {
    const selector = `${tag}${numbered.prefix ? `[id^="${escapeAttribute(numbered.prefix)}"]` : ''}[id$="${escapeAttribute(numbered.suffix)}"]`;
    if (matchesOnly(scope, selector, element)) return selector;
  }
  for (const name of namingAttributes(element)) {
    const value = element.getAttribute(name);
    if (!value || !isStableAttributeValue(name, value) || (!anchor && name === 'role')) continue;
    const selector = `${tag}[${name}="${escapeAttribute(value)}"]`;
    if (matchesOnly(scope, selector, element)) return selector;
  }
  for (const part of classParts(element).filter((p) => p.startsWith('[class*='))) {
    const selector = `${tag}${part}`;
    if (matchesOnly(scope, selector, element)) return selector;
  }
  return undefined;
}

/**
 * A selector that matches exactly `element` in its document: by a stable id or attribute when it has
 * one, else by its label's text (`@label("…")`, apply it with the recipe adapter's `select`), else by
 * a path from the nearest ancestor that has one (or from the body).
 */
export function uniqueSelector(element: Element): string {
  return attributeSelector(element, element.ownerDocument, false) ?? labelSelectorFor(element, element.ownerDocument) ?? cssSelector(element);
}

/** A CSS selector (never `@label`) for `element`: by a stable attribute, else a path from an anchored ancestor; to build on. */
function cssSelector(element: Element): string {
  const document = element.ownerDocument;
  const direct = attributeSelector(element, document);
  if (direct) return direct;
  const path: string[] = [];
  for (let current: Element | null = element; current && current !== document.documentElement && path.length < MAX_PATH_DEPTH; current = current.parentElement) {
    const anchor = current === element ? undefined : attributeSelector(current, document);
    if (anchor) {
      const candidate = [anchor, ...path].join(' > ');
      if (matchesOnly(document, candidate, element)) return candidate;
    }
    path.unshift(current === document.body ? 'body' : step(current));
    const candidate = path.join(' > ');
    if (matchesOnly(document, candidate, element)) return candidate;
  }
  return path.join(' > ');
}

/**
 * One step of a path inside a list's row: the tag alone when no sibling shares it, else the name the
 * app gives this cell (`td[data-col="amount"]`, `td[headers="amount"]`, `td.amount`), which stays with
 * the column when columns are added or moved; its position only when nothing names it.
 */
function rowStep(element: Element, byName = true): string {
  const tag = element.tagName.toLowerCase();
  const sameTag = [...(element.parentElement?.children ?? [])].filter((child) => child.tagName === element.tagName);
  if (sameTag.length <= 1 || !byName) return sameTag.length <= 1 ? tag : `${tag}:nth-of-type(${sameTag.indexOf(element) + 1})`;
  const others = sameTag.filter((child) => child !== element);
  for (const name of namingAttributes(element)) {
    const value = element.getAttribute(name);
    if (!value || !isStableAttributeValue(name, value)) continue;
    const named = `${tag}[${name}="${escapeAttribute(value)}"]`;
    if (!others.some((child) => safeMatches(child, named))) return named;
  }
  for (const part of classParts(element)) {
    if (!others.some((child) => safeMatches(child, `${tag}${part}`))) return `${tag}${part}`;
  }
  return `${tag}:nth-of-type(${sameTag.indexOf(element) + 1})`;
}

/**
 * A selector for `element` relative to `row`, the same in every row of a list: by the names the app
 * gives its cells (`:scope > td[data-col="amount"]`), which survive a column added or moved, when
 * those names find a cell in every other row too (a name that holds one row's value does not);
 * else by position (`:scope > td:nth-of-type(2) > a`).
 */
export function relativeSelector(element: Element, row: Element): string | undefined {
  if (element === row) return ':scope';
  const named: string[] = [];
  const positional: string[] = [];
  for (let current: Element | null = element; current && current !== row; current = current.parentElement) {
    named.unshift(rowStep(current));
    positional.unshift(rowStep(current, false));
    if (named.length > MAX_PATH_DEPTH) return undefined;
  }
  const peers = [...(row.parentElement?.children ?? [])].filter((peer) => peer !== row && peer.tagName === row.tagName && peer.querySelector('th') === null).slice(0, 20);
  const findsIn = (scope: Element, selector: string) => {
    try {
      return scope.querySelector(selector) !== null;
    } catch {
      return false;
    }
  };
  for (const path of [named, positional]) {
    const selector = `:scope > ${path.join(' > ')}`;
    try {
      if (row.querySelector(selector) !== element) continue;
    } catch {
      continue;
    }
    if (path === positional || (peers.length > 0 && peers.every((peer) => findsIn(peer, selector) || !findsIn(peer, `:scope > ${positional.join(' > ')}`)))) return selector;
  }
  return undefined;
}

/** What may mark a generic container as a list's row: its stable classes, a row's ARIA role, a name the app gives it. */
function rowMarks(row: Element): string[] {
  const role = row.getAttribute('role');
  const marks = classParts(row);
  if (role && ['row', 'listitem', 'article', 'option', 'treeitem'].includes(role)) marks.push(`[role="${role}"]`);
  for (const name of STABLE_ATTRIBUTES) {
    const value = row.getAttribute(name);
    if (value && isStableAttributeValue(name, value)) marks.push(`[${name}="${escapeAttribute(value)}"]`);
  }
  return marks;
}

/**
 * The list row that holds `element`, when it sits in a repeated structure (a table row, a list item,
 * a card among same-tag siblings), and a selector for all such rows.
 */
export function repeatedRow(element: Element): { row: Element; rowSelector: string; count: number } | undefined {
  for (let row: Element | null = element; row && row.parentElement && row !== element.ownerDocument.body; row = row.parentElement) {
    const parent: Element = row.parentElement;
    const tag = row.tagName;
    const siblings = [...parent.children].filter((child) => child.tagName === tag && child.querySelector('th') === null);
    if (siblings.length < 2 || !['TR', 'LI', 'ARTICLE', 'DIV', 'SECTION'].includes(tag)) continue;
    if (tag === 'DIV' || tag === 'SECTION') {
      // Generic containers repeat for layout too: only a run of siblings that share a class, a row's
      // role or a name the app gives them is a list. Generated classes (`sc-…`, hashes) do not count.
      const shared = rowMarks(row).find((mark) => siblings.filter((s) => safeMatches(s, mark)).length >= 2);
      if (!shared) continue;
      const rowSelector = `${cssSelector(parent)} > ${tag.toLowerCase()}${shared}`;
      return { row, rowSelector, count: siblings.filter((s) => safeMatches(s, shared)).length };
    }
    // A header row (with <th>) matches too, but finds no number under the fields' selectors, so it is no document.
    return { row, rowSelector: `${cssSelector(parent)} > ${tag.toLowerCase()}`, count: siblings.length };
  }
  return undefined;
}
