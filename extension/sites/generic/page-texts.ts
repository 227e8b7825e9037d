/**
 * The page's texts, read once per detection in document order, with its form controls' values and their labels.
 */
import { mergeInDocumentOrder, readControls } from '../control-values';
import { collapse } from '../page-labels';
import { opensCardOfName } from './clickable-text';
import { MAX_TEXT_LENGTH, MAX_TEXT_NODES } from './limits';

const SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'BUTTON']);

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, without relying on the global

export interface TextItem {
  text: string;
  element: Element;
  /** The text node, or the control a labelled value was read from (control-values.ts). */
  node: Node;
}

export function collectTexts(root: Element): TextItem[] {
  const items: TextItem[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node && items.length < MAX_TEXT_NODES; node = walker.nextNode()) {
    const parent = node.parentElement;
    // A button's own text is an action's, but for one that opens its company's card (opensCardOfName).
    if (!parent || (SKIPPED_PARENTS.has(parent.tagName) && !(parent.tagName === 'BUTTON' && opensCardOfName(parent)))) continue;
    const data = (node as Text).data;
    if (!/\S/.test(data)) continue;
    items.push({ text: collapse(data.length > MAX_TEXT_LENGTH ? data.slice(0, MAX_TEXT_LENGTH) : data), element: parent, node });
  }
  return items;
}

export function isInside(element: Element, ancestors: ReadonlySet<Element>): boolean {
  for (let e: Element | null = element; e; e = e.parentElement) if (ancestors.has(e)) return true;
  return false;
}

/**
 * The page's texts and its form controls' values with their labels, in document order. A label read
 * with its control is not read again on its own.
 */
export function collectPageTexts(root: Element): TextItem[] {
  const controls = readControls(root);
  const hidden = closedDialogs(root);
  const texts = hidden.size === 0 ? collectTexts(root) : collectTexts(root).filter((item) => !isInside(item.element, hidden));
  if (controls.length === 0) return texts;
  const skipped = new Set(controls.flatMap((c) => c.skippedElements));
  const own = skipped.size === 0 ? texts : texts.filter((item) => !isInside(item.element, skipped));
  const values = controls.map((c) => ({ text: c.text, element: c.element, node: c.element }));
  return mergeInDocumentOrder(own, values, (item) => item.node);
}

/**
 * The page's closed `<dialog>` elements (no `open`): the browser shows nothing of them, so their texts
 * and links (an invoice preview a list keeps for later) are no part of the page. A tag list, cheap.
 */
export function closedDialogs(root: Element): Set<Element> {
  const closed = new Set<Element>();
  const dialogs = root.getElementsByTagName('dialog');
  for (let i = 0; i < dialogs.length; i++) if (!dialogs[i]!.hasAttribute('open')) closed.add(dialogs[i]!);
  return closed;
}
