/**
 * CSS selectors for elements the user picks, made to survive the next visit: the page is rendered
 * again from the server or by a framework, so a selector must name what is stable (ids, test ids,
 * meaningful classes, structure) and leave out what is generated (`css-1x9f2a`, `:r3:`, `row-4711`).
 * Where no attribute names it, a labelled field is named by its label's text (label-selector.ts)
 * before a path of positions.
 */
import { labelSelectorFor } from './label-selector';

const STABLE_ATTRIBUTES = ['data-testid', 'data-test', 'data-qa', 'data-cy', 'data-field', 'itemprop', 'name'];
/**
 * Also stable, after those above (issue 16 item 7): the page's own names for things (any `data-*`
 * with a word for a value, ARIA labels, a field's placeholder, a cell's `headers`) survive a
 * re-render where an `nth-of-type` chain breaks as soon as a row is added above.
 */
const LABEL_ATTRIBUTES = ['aria-label', 'aria-labelledby', 'headers', 'placeholder', 'title', 'for'];

/** The attributes worth naming an element by, most stable first. */
function namingAttributes(element: Element): string[] {
  const data = element
    .getAttributeNames()
    .filter((name) => name.startsWith('data-') && !STABLE_ATTRIBUTES.includes(name) && !/^data-(?:v-|reactid|react|ng|ember|svelte|id$|key$|index$|row)/.test(name));
  return [...STABLE_ATTRIBUTES, ...data, ...LABEL_ATTRIBUTES];
}
const MAX_PATH_DEPTH = 12;

/** Ids and classes made by frameworks or holding a record's id change from page to page. */
function isStableToken(token: string): boolean {
  return token.length > 0 && token.length <= 40 && !/\d/.test(token) && !/^(?:css|sc|jsx|jss|emotion|svelte|ng|_)[-_]/i.test(token) && !token.includes(':');
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
  const classes = [...element.classList].filter(isStableToken).slice(0, 2);
  let selector = tag + classes.map((c) => `.${escapeIdent(c)}`).join('');
  const parent = element.parentElement;
  if (parent) {
    const alike = [...parent.children].filter((child) => child !== element && safeMatches(child, selector));
    if (alike.length === 0) return selector;
    for (const name of namingAttributes(element)) {
      const value = element.getAttribute(name);
      if (!value || !isStableValue(value)) continue;
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

/** A value that names a thing rather than a record: short, and without a run of digits (an id). */
function isStableValue(value: string): boolean {
  return value.length <= 60 && !/\d{3,}/.test(value) && !/[\n\r]/.test(value);
}

function attributeSelector(element: Element, scope: ParentNode): string | undefined {
  const tag = element.tagName.toLowerCase();
  if (element.id && isStableToken(element.id)) {
    const byId = `#${escapeIdent(element.id)}`;
    if (matchesOnly(scope, byId, element)) return byId;
  }
  for (const name of namingAttributes(element)) {
    const value = element.getAttribute(name);
    if (!value || !isStableValue(value)) continue;
    const selector = `${tag}[${name}="${escapeAttribute(value)}"]`;
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
  const document = element.ownerDocument;
  const direct = attributeSelector(element, document) ?? labelSelectorFor(element, document);
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

/** A selector for `element` relative to `row` (`:scope > td:nth-of-type(2) > a`), the same in every row of a list. */
export function relativeSelector(element: Element, row: Element): string | undefined {
  if (element === row) return ':scope';
  const path: string[] = [];
  for (let current: Element | null = element; current && current !== row; current = current.parentElement) {
    const tag = current.tagName.toLowerCase();
    const parent = current.parentElement;
    const sameTag = parent ? [...parent.children].filter((child) => child.tagName === current!.tagName) : [];
    path.unshift(sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(current) + 1})` : tag);
    if (path.length > MAX_PATH_DEPTH) return undefined;
  }
  const selector = `:scope > ${path.join(' > ')}`;
  try {
    return row.querySelector(selector) === element ? selector : undefined;
  } catch {
    return undefined;
  }
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
      // Generic containers repeat for layout too: only a run of siblings that share a class is a list.
      const shared = [...row.classList].filter(isStableToken).find((c) => siblings.filter((s) => s.classList.contains(c)).length >= 2);
      if (!shared) continue;
      const rowSelector = `${uniqueSelector(parent)} > ${tag.toLowerCase()}.${escapeIdent(shared)}`;
      return { row, rowSelector, count: siblings.filter((s) => s.classList.contains(shared)).length };
    }
    // A header row (with <th>) matches too, but finds no number under the fields' selectors, so it is no document.
    return { row, rowSelector: `${uniqueSelector(parent)} > ${tag.toLowerCase()}`, count: siblings.length };
  }
  return undefined;
}
