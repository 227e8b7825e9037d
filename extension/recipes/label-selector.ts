/**
 * Fields found by their label's text (`@label("…")`, shared/recipe-format.ts, issue 16 item 7): the
 * words a person reads next to a value survive the app rendering the page again, where generated ids,
 * classes and positions do not. The same functions make such a selector (the picker) and apply it
 * (the recipe adapter), so a label is read the same way both times.
 */
import { labelOfSelector, labelSelector } from '../../shared/recipe-format';
import { findLabels } from '../sites/page-labels';
import { shownValue } from '../sites/element-value';

/** Labels are compared as a person reads them: without case, extra spaces, a trailing colon or asterisk. */
export function labelKey(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[:*]+$/, '')
    .toLowerCase();
}

/** Longer texts are not labels but content; they make no selector. */
const MAX_LABEL_LENGTH = 60;
/** A page with more labels than this is searched only this far (a hostile recipe costs the page nothing noticeable). */
const MAX_LABELS = 500;

const CONTROLS = 'input:not([type="hidden"]), select, textarea, output';

function textOf(element: Element): string {
  return labelKey(element.textContent ?? '');
}

/** The element a label element names: a `<label>`'s control, a `<dt>`'s `<dd>`, a row heading's next cell. */
function labelled(label: Element): Element | undefined {
  const root = label.getRootNode() as Document | ShadowRoot;
  switch (label.tagName) {
    case 'LABEL': {
      const id = label.getAttribute('for');
      const control = id ? root.getElementById?.(id) : label.querySelector(CONTROLS);
      return control ?? undefined;
    }
    case 'DT': {
      const next = label.nextElementSibling;
      return next?.tagName === 'DD' ? next : undefined;
    }
    case 'TH': {
      const next = label.nextElementSibling;
      return next?.tagName === 'TD' ? next : undefined;
    }
    default:
      return undefined;
  }
}

/** The elements `aria-labelledby` names. */
function ariaLabels(element: Element): Element[] {
  const root = element.getRootNode() as Document | ShadowRoot;
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => root.getElementById?.(id)).filter((label): label is HTMLElement => label !== null && label !== undefined);
}

/**
 * The elements that label `element`: its `<label>`s (a `for` may name any element: ExtJS labels its
 * display fields, `<div>`s, that way), those `aria-labelledby` names, its `<dt>` or row heading.
 */
function labelsOf(element: Element): Element[] {
  const labels: Element[] = [];
  const root = element.getRootNode() as Document | ShadowRoot;
  if (element.id) labels.push(...[...root.querySelectorAll('label[for]')].filter((label) => label.getAttribute('for') === element.id));
  if (element.matches(CONTROLS)) {
    const wrapping = element.closest('label');
    if (wrapping) labels.push(wrapping);
  }
  labels.push(...ariaLabels(element));
  const previous = element.previousElementSibling;
  if ((element.tagName === 'DD' && previous?.tagName === 'DT') || (element.tagName === 'TD' && previous?.tagName === 'TH')) labels.push(previous);
  return labels;
}

/** The text nodes a page is searched through for a label next to its value, at most (a few milliseconds). */
const MAX_TEXT_NODES = 20_000;
const SHOW_TEXT = 4;
/** Texts that are no label of the element after them: column headings, buttons, links, options, code. */
const NOT_A_LABEL = 'th, a, button, option, script, style, template, textarea, select';

/**
 * The element a label written next to its value names (`<span>Amount due</span><span>€ 40</span>`,
 * `<td>Total</td><td>…</td>`, `<div><b>Customer</b></div><div>…</div>`): the element after the
 * label's, climbing from the label's text while the label has nothing after it.
 */
function valueAfter(label: Element, wanted: string): Element | undefined {
  // `<p><b>Total:</b> 1 240,00</p>`: the value is text after the label, the paragraph holds both.
  if (!label.nextElementSibling && hasTextAfter(label)) return label.parentElement ?? undefined;
  let current = label;
  for (let depth = 0; !current.nextElementSibling && depth < 3; depth++) {
    const parent = current.parentElement;
    if (!parent || textOf(parent) !== wanted) return undefined;
    current = parent;
  }
  const value = current.nextElementSibling;
  return value && !value.matches('th, label, dt') ? value : undefined;
}

/** Is there text (not only spaces) after `element` among its siblings? */
function hasTextAfter(element: Element): boolean {
  for (let node = element.nextSibling; node; node = node.nextSibling) if (node.nodeType === 3 && (node.nodeValue ?? '').trim()) return true;
  return false;
}

/** The first element in `scope` a label next to it names `wanted`, the label found by its text. */
function findBySiblingLabel(scope: ParentNode, wanted: string): Element | undefined {
  const root = scope as unknown as Node;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_TEXT);
  for (let i = 0, node = walker.nextNode(); node && i < MAX_TEXT_NODES; i++, node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    // Most text nodes are far from the label's length: skip them before normalising their text.
    if (text.length < wanted.length || text.length > wanted.length + 200) continue;
    const parent = node.parentElement;
    if (!parent || labelKey(text) !== wanted || textOf(parent) !== wanted || parent.closest(NOT_A_LABEL)) continue;
    const value = valueAfter(parent, wanted);
    if (value) return value;
  }
  return undefined;
}

/**
 * Is `label`, written just before `value`, a label of it? Short words without digits, and one of: a
 * colon after it, a word the generic detector knows as a label (page-labels.ts, many languages), or a
 * run of such label/value pairs (rows of two: the form layout of most apps). Without these, the
 * customer's name before their e-mail address would be taken for the address's label.
 */
function isLabelBefore(label: Element, value: Element): boolean {
  if (!looksLikeLabel(label)) return false;
  if (saysItIsALabel(label)) return true;
  const pair = label.parentElement;
  if (!pair || pair !== value.parentElement || pair.childElementCount !== 2) return false;
  const pairs = [...(pair.parentElement?.children ?? [])].filter((row) => row !== pair && row.tagName === pair.tagName && row.childElementCount === 2);
  return pairs.length > 0;
}

/** Short words without digits, no link, button or control: what a label looks like. */
function looksLikeLabel(label: Element): boolean {
  const key = textOf(label);
  return (
    key.length > 0 && key.length <= 40 && !/\d/.test(key) && /\p{L}/u.test(key) && key.split(' ').length <= 5 && !label.matches(NOT_A_LABEL) && !label.querySelector(`${NOT_A_LABEL}, ${CONTROLS}`)
  );
}

/** A colon after it, or a word the generic detector knows as a label (page-labels.ts, many languages). */
function saysItIsALabel(label: Element): boolean {
  const raw = (label.textContent ?? '').replace(/\s+/g, ' ').trim();
  return /:\s*$/.test(raw) || findLabels(raw).length > 0;
}

/**
 * The label an element starts with, its value following as text (`<p><strong>Customer:</strong> Beta
 * AB</p>`): taken when it ends with a colon or is a label word.
 */
function inlineLabelOf(element: Element): Element | undefined {
  const first = [...element.childNodes].find((node) => node.nodeType !== 3 || (node.nodeValue ?? '').trim());
  if (!first || first.nodeType !== 1) return undefined;
  const label = first as Element;
  return !label.nextElementSibling && hasTextAfter(label) && looksLikeLabel(label) && saysItIsALabel(label) ? label : undefined;
}

/**
 * What a picked field shows, without its label when the element holds both (`<p><b>Customer:</b>
 * Beta AB</p>` shows "Beta AB"): the recipe adapter reads it, and the picker previews it.
 */
export function fieldValueOf(element: Element | undefined): string {
  const text = shownValue(element);
  const inline = element ? inlineLabelOf(element) : undefined;
  if (!inline) return text;
  const labelText = shownValue(inline);
  return text.startsWith(labelText) ? text.slice(labelText.length).replace(/^\s*[:*]?\s*/, '') : text;
}

/** `element` and its ancestors that show the same value (the cell around a link), those a label may be next to. */
function sameValueChain(element: Element): Element[] {
  const value = shownValue(element);
  const chain = [element];
  if (!value) return chain;
  for (let current = element.parentElement; current && current !== element.ownerDocument.body && chain.length < 4; current = current.parentElement) {
    if (shownValue(current) !== value) break;
    chain.push(current);
  }
  return chain;
}

/** The first element in `scope` labelled `text`. */
export function findByLabel(scope: ParentNode, text: string): Element | undefined {
  const wanted = labelKey(text);
  const candidates = scope.querySelectorAll('label, dt, th');
  for (let i = 0; i < candidates.length && i < MAX_LABELS; i++) {
    const label = candidates[i]!;
    if (textOf(label) !== wanted) continue;
    const found = labelled(label);
    if (found) return found;
  }
  // aria-labelledby: the labelled element points at its label.
  const pointing = scope.querySelectorAll('[aria-labelledby]');
  for (let i = 0; i < pointing.length && i < MAX_LABELS; i++) {
    const element = pointing[i]!;
    if (ariaLabels(element).some((label) => textOf(label) === wanted)) return element;
  }
  return findBySiblingLabel(scope, wanted);
}

/** The element a `@label("…")` selector names in `scope`; undefined when the selector is CSS. */
export function selectByLabel(scope: ParentNode, selector: string): { found: Element | undefined } | undefined {
  const text = labelOfSelector(selector);
  return text === undefined ? undefined : { found: findByLabel(scope, text) };
}

/**
 * A `@label("…")` selector for `element` when its label names it and nothing before it in `scope`;
 * else when a label written just before it (or before the cell around it) does. Such a selector finds
 * that cell, which shows the same value.
 */
export function labelSelectorFor(element: Element, scope: ParentNode = element.ownerDocument): string | undefined {
  for (const label of labelsOf(element)) {
    const text = labelKey(label.textContent ?? '');
    if (!text || text.length > MAX_LABEL_LENGTH || /\d{3,}/.test(text)) continue;
    if (findByLabel(scope, text) === element) return labelSelector(text);
  }
  for (const target of sameValueChain(element)) {
    const label = target.previousElementSibling;
    if (!label || !isLabelBefore(label, target)) continue;
    const text = textOf(label);
    if (findByLabel(scope, text) === target) return labelSelector(text);
  }
  const inline = inlineLabelOf(element);
  if (inline && findByLabel(scope, textOf(inline)) === element) return labelSelector(textOf(inline));
  return undefined;
}
