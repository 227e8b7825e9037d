/**
 * Text a person clicks (a button's, a tab's, a link that acts or downloads): an action's words, never a
 * document's number or a customer's name; but for a button or link that opens the customer's card or record.
 */
import { collapse, COMPANY_NAME, findLabels, looksLikeAction, looksLikeDocumentLink, parseNameValue } from '../page-labels';
import { MAX_COMPANY_LINE } from './limits';

/** Text a person clicks (a link's or a button's) is never a customer's name: "Download PDF" is no name. */
export const CLICKABLE_ROLES = new Set(['button', 'menuitem', 'tab', 'link']);
const CLICKABLE_DEPTH = 4;

/** Text of a button, a tab or a menu item (not a link: a heading's number may be one). */
export function isControlText(element: Element): boolean {
  for (let e: Element | null = element, depth = 0; e && depth < CLICKABLE_DEPTH; e = e.parentElement, depth++) {
    if (e.tagName === 'BUTTON' || CLICKABLE_ROLES.has(e.getAttribute('role') ?? '')) return e.getAttribute('role') !== 'link';
  }
  return false;
}

/**
 * A button whose text is a name and which opens a card of its own (Zoho's and QuickBooks' contact card,
 * `aria-haspopup="dialog"` or `"true"`): the customer's name, as a link to its record is, a company's or a
 * person's. Not a picker or a switcher of many (`menu`, `listbox`: the app's own company in its header),
 * nor an action ("Share", "Export"), nor a word of the page's labels ("Filters", "Columns"); the user's own
 * name on the header's account button is the app's chrome, which no customer is read from.
 */
export function opensCardOfName(button: Element): boolean {
  const popup = button.getAttribute('aria-haspopup');
  if (popup !== 'dialog' && popup !== 'true') return false;
  const text = collapse(button.textContent ?? '');
  if (text.length > MAX_COMPANY_LINE || !/\p{L}\s+\p{L}/u.test(text) || parseNameValue(text) !== text || looksLikeAction(text, '') || findLabels(text).length > 0) return false;
  return COMPANY_NAME.test(text) || PERSON_OR_COMPANY_WORDS.test(text);
}

/** Two to five words, each starting with a capital or a digit: "Northbridge Studios", "Emma Clarke", "3 Bears Catering". */
const PERSON_OR_COMPANY_WORDS = /^(?:[\p{Lu}\d][\p{L}\d'’&.-]*)(?:\s+(?:&|[\p{Lu}\d][\p{L}\d'’&.-]*|(?:de|da|van|von|der|di|du|la|le|y|and|und|et)(?=\s))){1,4}$/u;

/** Text inside something a person clicks: a button, a menu item, a link that acts or downloads. */
export function isClickableText(element: Element): boolean {
  // A few levels up, by hand: this runs for every customer candidate, and a selector match per
  // candidate costs more than the walk (a clickable's text sits right inside it).
  let clickable: Element | undefined;
  for (let e: Element | null = element, depth = 0; e && depth < CLICKABLE_DEPTH && !clickable; e = e.parentElement, depth++) {
    if (e.tagName === 'BUTTON' || (e.tagName === 'A' && e.hasAttribute('href')) || CLICKABLE_ROLES.has(e.getAttribute('role') ?? '')) clickable = e;
  }
  if (!clickable) return false;
  if (clickable.tagName === 'BUTTON') return !opensCardOfName(clickable);
  if (clickable.tagName !== 'A') return true;
  // A link to the customer's record ("Acme Ltd" → /clients/5, a single-page app's #/party/5, an admin's
  // /customer/edit/id/1) is the customer's name; "Download PDF" and "Send" are not.
  const href = clickable.getAttribute('href') ?? '';
  const text = collapse(clickable.textContent ?? '');
  // A mailto link that shows a name, not the address nor an action ("Bakkerij de Vries" to mailto:administratie@…): the customer's name, its address only in the link.
  if (/^\s*mailto:/i.test(href)) return text.includes('@') || !/\p{L}{2}/u.test(text) || looksLikeAction(text, '') || looksLikeDocumentLink(text, '');
  // "#details" stays on the page; "#/party/5", Backbone's "#Account/view/5", Odoo's "#id=14&model=res.partner" and
  // SAP Fiori's "#Customer-displayFactSheet?Customer=100471" are routes to a record.
  if (/^\s*(?:#(?![!]?\/|[\w-]+\/|[\w.-]+[=?])|javascript:|tel:)/i.test(href)) return true;
  // "Kestrel Print Ltd": a company's name by its legal form, whatever word it holds.
  if (COMPANY_NAME.test(text) && !/pdf/i.test(text)) return false;
  return /pdf/i.test(text) || looksLikeDocumentLink(text, href) || looksLikeAction(text, '');
}
