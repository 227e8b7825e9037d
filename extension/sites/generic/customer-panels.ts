/**
 * Side panels and sidebar sections about the customer (a record page's "Customer" panel, a CRM's contact
 * sidebar): the document's, though the app's chrome by their tag or class; and the customer's name on such a card.
 */
import { leadsToCustomerRecord } from '../customer-link';
import { documentUrl } from '../document-url';
import { collapse, COMPANY_NAME, CONTACT_LABELS, EMAIL_PATTERN, findLabels, type LabelMatch } from '../page-labels';
import { decodedUri } from '../uri-text';
import { CHROME_OUTSIDE_ASIDE, chromeAround } from './app-chrome';
import { HEADING_SELECTOR } from './headings';
import { MAX_COMPANY_LINE } from './limits';
import { LONE_LABEL_REST } from './lone-labels';

/**
 * A record page's side panel about the customer ("Debiteur", "Kunde", "Customer" as its heading, then
 * the name and the address; or the customer's company as its heading, with its e-mail; or a CRM's
 * contact sidebar, headed by a link to the contact's record, with its e-mail): the document's, not the
 * app's, though an `<aside>`.
 */
export function isCustomerPanel(chrome: Element): boolean {
  if (chrome.tagName !== 'ASIDE') return isSidebarCustomerSection(chrome);
  // Inside a header, menu or sidebar (the panel's own class may say "sidebar": `<aside class="contact-sidebar">`).
  if (chrome.parentElement !== null && chromeAround(chrome.parentElement, CHROME_OUTSIDE_ASIDE) !== null) return false;
  const heading = chrome.querySelector(HEADING_SELECTOR);
  if (!heading) return false;
  const text = collapse(heading.textContent ?? '');
  const label = findLabels(text)[0];
  if (!label) return panelCompany(chrome, text) !== undefined || panelContact(chrome, heading);
  return isCustomerHeading(text, label);
}

/** "Kunde", "Customer", "Client :" alone as a heading. */
function isCustomerHeading(text: string, label: LabelMatch): boolean {
  return text.length <= 40 && label.info.field === 'customer' && label.start === 0 && LONE_LABEL_REST.test(text.slice(label.end).toLowerCase());
}

/** A layout's side column by its class ("sidebar-right", "detail-sidebar", "voucher-sidepanel"), not a menu. */
const SIDE_COLUMN_CLASS = /sidebar|side-?panel/i;

/**
 * A record's side column that a layout calls a sidebar (lexoffice's and sevDesk's voucher view: "Kontakt"
 * with the customer's name and e-mail, then the amounts), with a section headed by the customer's or
 * the contact's label that shows an e-mail address: the document's, though its class says sidebar. Not a
 * menu: no navigation in it, none around it.
 */
function isSidebarCustomerSection(chrome: Element): boolean {
  if (chrome.tagName !== 'DIV' || !SIDE_COLUMN_CLASS.test(chrome.getAttribute('class') ?? '')) return false;
  // Asked for every text in the column: judged once per reading.
  let verdict = sidebarVerdicts.get(chrome);
  if (verdict === undefined) sidebarVerdicts.set(chrome, (verdict = judgeSidebar(chrome)));
  return verdict;
}

/** Judged once per reading (isSidebarCustomerSection), then asked for each of the column's texts. */
let sidebarVerdicts = new WeakMap<Element, boolean>();

/** Forgets every verdict: the page may have changed since the last reading (genericInvoiceAdapter.detect). */
export function resetSidebarVerdicts(): void {
  sidebarVerdicts = new WeakMap();
}

function judgeSidebar(chrome: Element): boolean {
  if (chrome.closest('[role="navigation"]') !== null) return false;
  if (chrome.querySelector('nav, [role="navigation"]') !== null || (chrome.parentElement && chromeAround(chrome.parentElement, CHROME_OUTSIDE_ASIDE) !== null)) return false;
  const headings = chrome.querySelectorAll(HEADING_SELECTOR);
  for (let i = 0; i < headings.length && i < MAX_PANEL_HEADINGS; i++) {
    const text = collapse(headings[i]!.textContent ?? '');
    const label = findLabels(text)[0];
    const named = (label !== undefined && isCustomerHeading(text, label)) || CONTACT_LABELS.has(text.toLowerCase().replace(/[\s:]+$/, ''));
    const section = headings[i]!.parentElement;
    if (named && section && section !== chrome && EMAIL_PATTERN.test(section.textContent ?? '')) return true;
  }
  return false;
}

/** Headings of a side column looked at for its customer's section. */
const MAX_PANEL_HEADINGS = 6;

/** A side panel's heading that is a company's name by its legal form ("Talleres Norte S.L."), in a panel that shows an e-mail: the customer's card. */
function panelCompany(panel: Element, heading: string): string | undefined {
  if (heading.length > MAX_COMPANY_LINE || /\d/.test(heading) || !COMPANY_NAME.test(heading)) return undefined;
  return EMAIL_PATTERN.test(panel.textContent ?? '') ? heading : undefined;
}

/** Text in a side panel about the customer (isCustomerPanel). */
export function inCustomerPanel(element: Element): boolean {
  const aside = element.closest('aside');
  return aside !== null && isCustomerPanel(aside);
}

/** A side panel's heading that links to a customer's or contact's record ("Lena Ortiz" to `/app/contacts/9120`), in a panel that shows an e-mail. */
function panelContact(panel: Element, heading: Element): boolean {
  const link = heading.tagName === 'A' ? heading : heading.querySelector('a[href]');
  const href = link?.getAttribute('href');
  if (!href || /^\s*(?:javascript|mailto|tel):/i.test(href)) return false;
  let address: string;
  try {
    const url = new URL(href, documentUrl(panel.ownerDocument));
    address = decodedUri(`${url.pathname}${url.search}${url.hash}`);
  } catch {
    return false;
  }
  return leadsToCustomerRecord(address) && EMAIL_PATTERN.test(panel.textContent ?? '');
}

/** The customer's name from a customer's card in a side panel, where nothing on the document names it. */
export function panelCustomer(root: Element): string | undefined {
  for (const panel of root.getElementsByTagName('aside')) {
    if (chromeAround(panel, CHROME_OUTSIDE_ASIDE) !== null) continue;
    const heading = panel.querySelector(HEADING_SELECTOR);
    const text = heading && collapse(heading.textContent ?? '');
    if (text && findLabels(text).length === 0) return panelCompany(panel, text);
  }
  return undefined;
}
