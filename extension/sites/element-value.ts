import { collapse } from './page-labels';

/**
 * What an element shows the user: a form control's value (an `<input readonly value="FV 12/2026">`
 * has no text at all), a select's chosen option, else its text. Used by recipes and by the picker's
 * previews, so the preview shows exactly what the recipe will read (issue 16 item 7).
 */
export function shownValue(element: Element | undefined): string {
  if (!element) return '';
  const tag = element.tagName;
  if (tag === 'SELECT') {
    const select = element as HTMLSelectElement;
    const option = select.selectedOptions?.[0] ?? select.options?.[select.selectedIndex];
    return collapse(option?.textContent ?? select.value ?? '');
  }
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'OUTPUT') {
    const value = (element as HTMLInputElement).value;
    if (typeof value === 'string') return collapse(value);
  }
  return collapse(element.textContent ?? '');
}
