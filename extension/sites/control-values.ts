/**
 * Values that live in form controls (issue 16, item 2): edit and view screens of many apps show the
 * invoice number in `<input readonly>`, the customer in a `<select>`, the address in a textarea or a
 * contenteditable block. Each control is read with its label, from wherever the page puts it: `<label
 * for>`, a wrapping `<label>`, `aria-labelledby`, `aria-label`, the cell before it in a table row (or
 * the row's `<th>`), the `<dt>` of its `<dd>`; contenteditable blocks are page text (see CONTROL_TAGS). A text
 * labelled by `aria-labelledby` as a control would be is read with its label too.
 * The generic adapter reads the result as one more text of the page ("Customer: Acme Ltd"), in
 * document order, with the texts it was made from skipped.
 */
import { collapse, labelInfo } from './page-labels';

/** Inputs that show no value a person typed or chose. */
const SKIPPED_INPUT_TYPES = new Set(['hidden', 'password', 'checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'image', 'range', 'color']);
/**
 * Elements that hold a value. A contenteditable block holds text, which the page walk reads like any
 * other: after its label in the page (`<label>`, `<th>`, `<dt>`, "Customer:"), it is that label's value.
 */
const CONTROL_TAGS = ['input', 'select', 'textarea'];
const POSITION_FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
/** Forms of an invoice have dozens of fields, line items included; more than this is not an invoice screen. */
const MAX_CONTROLS = 300;
const MAX_LABEL_LENGTH = 60;
const MAX_VALUE_LENGTH = 300;
const POSITION_PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING, without relying on the global

export interface ControlText {
  /** "Label: value", or the value alone when the control has no label of its own. */
  text: string;
  element: Element;
  /** Elements whose texts are read here (the control's label), not again on their own. */
  skippedElements: Element[];
}

/** What a control shows: its value, a select's chosen option's text (not a placeholder option). */
export function controlValue(control: Element): string | undefined {
  const tag = control.tagName;
  let value: string | null | undefined;
  if (tag === 'SELECT') {
    const select = control as HTMLSelectElement;
    // A select shows its first option when none is chosen (some DOMs leave selectedIndex at -1 then).
    const option = select.options[select.selectedIndex] ?? select.querySelector('option[selected]') ?? select.options[0];
    // "— Choose a customer —" is an option with an empty value: nothing is chosen.
    if (!option || option.value === '' || option.disabled) return undefined;
    value = option.textContent;
  } else if (tag === 'TEXTAREA') {
    // A textarea's lines stay apart ("Parkview Hotel · 400 Park Avenue · …"): its first line is a name, not the whole address.
    value = (control as HTMLTextAreaElement).value.split('\n').map(collapse).filter(Boolean).join(' · ');
  } else if (tag === 'INPUT') {
    value = (control as HTMLInputElement).value;
  } else {
    value = control.textContent;
  }
  const text = collapse(value ?? '').slice(0, MAX_VALUE_LENGTH);
  return text || undefined;
}

/** The text of an element without what form controls inside it hold (a wrapping label's select options). */
function ownText(element: Element): string {
  let text = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += (child as Text).data;
      else if (child.nodeType === 1 && !/^(?:SELECT|TEXTAREA|SCRIPT|STYLE|BUTTON|INPUT)$/.test((child as Element).tagName)) walk(child);
    }
  };
  walk(element);
  return collapse(text);
}

function byId(document: Document, id: string): Element | null {
  return document.getElementById(id);
}

/** The previous element sibling that has text (skipping empty cells and spacers). */
function previousWithText(element: Element, selector: string): Element | undefined {
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.matches(selector) && ownText(sibling)) return sibling;
  }
  return undefined;
}

/** `<label for>` elements by the id they name, read once per page. */
function labelsByTarget(document: Document): Map<string, Element> {
  const labels = new Map<string, Element>();
  for (const label of document.querySelectorAll('label[for]')) {
    const target = label.getAttribute('for');
    if (target && !labels.has(target)) labels.set(target, label);
  }
  return labels;
}

/** The label of a control and the elements it was read from. */
export function controlLabel(control: Element, labelsFor = labelsByTarget(control.ownerDocument)): { text: string; elements: Element[] } | undefined {
  const document = control.ownerDocument;
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const elements = labelledBy
      .split(/\s+/)
      .map((id) => byId(document, id))
      .filter((e): e is Element => e !== null && e !== control);
    const text = collapse(elements.map(ownText).join(' '));
    if (text) return { text, elements };
  }
  const id = control.getAttribute('id');
  const forLabel = id ? labelsFor.get(id) : undefined;
  if (forLabel) {
    const text = ownText(forLabel);
    if (text) return { text, elements: [forLabel] };
  }
  const wrapping = control.closest('label');
  if (wrapping) {
    const text = ownText(wrapping);
    if (text) return { text, elements: [wrapping] };
  }
  const ariaLabel = control.getAttribute('aria-label');
  if (ariaLabel?.trim()) return { text: collapse(ariaLabel), elements: [] };
  const cell = control.closest('td, th, [role="cell"], [role="gridcell"]');
  if (cell) {
    const before = previousWithText(cell, 'td, th, [role="cell"], [role="gridcell"], [role="rowheader"]');
    if (before) return { text: ownText(before), elements: [before] };
  }
  const dd = control.closest('dd');
  if (dd) {
    const dt = previousWithText(dd, 'dt');
    if (dt) return { text: ownText(dt), elements: [dt] };
  }
  return customerByName(control);
}

/** A word as apps name a control (`customer`, `bill_to`, `client-name`): letters, and `_` or `-` between words. */
const CONTROL_NAME = /^[a-z]+(?:[_-][a-z]+){0,2}$/i;

/**
 * A control that nothing labels, named for the customer by its `id` or `name` (`<textarea
 * id="customer" readonly>` holding the buyer's name and address): that name is its label. Only a
 * customer's: "OrderNo" or "DateIssued" name other fields, which a page labels where it shows them.
 */
function customerByName(control: Element): { text: string; elements: Element[] } | undefined {
  for (const attribute of ['id', 'name']) {
    const name = control.getAttribute(attribute) ?? '';
    if (name.length > 20 || !CONTROL_NAME.test(name)) continue;
    const text = name.replace(/[_-]/g, ' ');
    if (labelInfo(text)?.field === 'customer') return { text, elements: [] };
  }
  return undefined;
}

/** Every control of `root` that shows a value, as a labelled text, in document order. */
export function readControls(root: Element): ControlText[] {
  // Tag lists are cheap and cached by the browser; an attribute query over the whole page is not.
  const controls: Element[] = [];
  for (const tag of CONTROL_TAGS) {
    const found = root.getElementsByTagName(tag);
    for (let i = 0; i < found.length && controls.length < MAX_CONTROLS; i++) {
      if (tag !== 'input' || !SKIPPED_INPUT_TYPES.has((found[i]!.getAttribute('type') ?? 'text').toLowerCase())) controls.push(found[i]!);
    }
  }
  // A value shown as text but labelled as a control is (`<span aria-labelledby="l-nr">30012</span>`, its label in a column
  // of labels apart from the values): one native query, its leaves only.
  for (const labelled of root.querySelectorAll('[aria-labelledby]')) {
    if (controls.length >= MAX_CONTROLS) break;
    if (labelled.childElementCount === 0 && !CONTROL_TAGS.includes(labelled.tagName.toLowerCase())) controls.push(labelled);
  }
  if (controls.length === 0) return [];
  controls.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & POSITION_FOLLOWING ? -1 : 1));
  const labelsFor = labelsByTarget(root.ownerDocument);
  const read: ControlText[] = [];
  for (let i = 0; i < controls.length && i < MAX_CONTROLS; i++) {
    const control = controls[i]!;
    const value = controlValue(control);
    if (!value) continue;
    const label = controlLabel(control, labelsFor);
    const labelText = label && label.text.length <= MAX_LABEL_LENGTH ? label.text.replace(/[\s:]+$/, '') : undefined;
    read.push({ text: labelText ? `${labelText}: ${value}` : value, element: control, skippedElements: labelText ? label!.elements : [] });
  }
  return read;
}

/**
 * Merges two lists that are each in document order into one: `a` holds items of text nodes, `b`
 * items of elements. A control comes before the texts inside it.
 */
export function mergeInDocumentOrder<T>(a: readonly T[], b: readonly T[], nodeOf: (item: T) => Node): T[] {
  if (b.length === 0) return [...a];
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    // Is the text before the control? (A text inside the control follows it.)
    if (nodeOf(b[j]!).compareDocumentPosition(nodeOf(a[i]!)) & POSITION_PRECEDING) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}
