/**
 * Fields found by their label's text (`@label("…")`, shared/recipe-format.ts, issue 16 item 7): the
 * words a person reads next to a value survive the app rendering the page again, where generated ids,
 * classes and positions do not. The same functions make such a selector (the picker) and apply it
 * (the recipe adapter), so a label is read the same way both times.
 */
import { labelOfSelector, labelSelector } from '../../shared/recipe-format';

/** Labels are compared as a person reads them: without case, extra spaces, a trailing colon or asterisk. */
export function labelKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\s*[:*]+$/, '').toLowerCase();
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

/** The elements that label `element`: its `<label>`s, those `aria-labelledby` names, its `<dt>` or row heading. */
function labelsOf(element: Element): Element[] {
  const labels: Element[] = [];
  const root = element.getRootNode() as Document | ShadowRoot;
  if (element.matches(CONTROLS)) {
    if (element.id) labels.push(...[...root.querySelectorAll('label[for]')].filter((label) => label.getAttribute('for') === element.id));
    const wrapping = element.closest('label');
    if (wrapping) labels.push(wrapping);
  }
  labels.push(...ariaLabels(element));
  const previous = element.previousElementSibling;
  if ((element.tagName === 'DD' && previous?.tagName === 'DT') || (element.tagName === 'TD' && previous?.tagName === 'TH')) labels.push(previous);
  return labels;
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
  return undefined;
}

/** The element a `@label("…")` selector names in `scope`; undefined when the selector is CSS. */
export function selectByLabel(scope: ParentNode, selector: string): { found: Element | undefined } | undefined {
  const text = labelOfSelector(selector);
  return text === undefined ? undefined : { found: findByLabel(scope, text) };
}

/** A `@label("…")` selector for `element` when its label names it and nothing before it in `scope`. */
export function labelSelectorFor(element: Element, scope: ParentNode = element.ownerDocument): string | undefined {
  for (const label of labelsOf(element)) {
    const text = labelKey(label.textContent ?? '');
    if (!text || text.length > MAX_LABEL_LENGTH || /\d{3,}/.test(text)) continue;
    if (findByLabel(scope, text) === element) return labelSelector(text);
  }
  return undefined;
}
