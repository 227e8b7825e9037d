/**
 * Whether a text is in the app's chrome, which holds no value of the document (a customer panel or a drawer
 * that shows a record is the document's).
 */
import { collapse, parseDocumentNumber } from '../page-labels';
import { CHROME_SELECTOR, chromeAround } from './app-chrome';
import { isCustomerPanel } from './customer-panels';
import { kindIn } from './kind-signals';

export function isInPageChrome(element: Element): boolean {
  const chrome = chromeAround(element, CHROME_SELECTOR);
  return chrome !== null && !isCustomerPanel(chrome) && !isDrawer(chrome);
}

/**
 * A drawer over a list shows a record: the document, not the app's chrome. An `<aside>` that is a
 * dialog, or one headed by a document's kind and number ("Invoice 2026-118" heading a side panel of
 * "Invoice details"): a sidebar of the app names no single document.
 */
function isDrawer(chrome: Element): boolean {
  if (chrome.tagName !== 'ASIDE') return false;
  if (chrome.getAttribute('role') === 'dialog' || chrome.getAttribute('aria-modal') === 'true') return true;
  const heading = chrome.querySelector('h1, h2, h3');
  const text = heading ? collapse(heading.textContent ?? '') : '';
  return text.length <= 60 && /\d/.test(text) && kindIn(text, false) !== undefined && parseDocumentNumber(text) !== undefined;
}
