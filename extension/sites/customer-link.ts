/**
 * The customer's name where no label names it and no address block shows it: the link to the
 * customer's own record that a document page puts in its banner (Dolibarr's third party under the
 * reference, "/societe/card.php?socid=9"; "/clients/5", "#/customers/12", Odoo's "res.partner").
 * Read only on a page already known to show a document, from the texts the detector has read: no walk
 * of its own.
 */
import { decodedUri } from './uri-text';

export interface LinkText {
  text: string;
  element: Element;
}

/**
 * A record of the customers' in an address, in the languages we read: its word as a segment, a record's
 * id (a digit) after it. "/contacts" alone is the menu's list, not a record.
 */
const CUSTOMER_WORD =
  'customers?|clients?|kunden?|kunder|kund|asiakkaat|asiakas|klanten|klant|clientes?|societe|soci[eé]t[eé]s?|partners?|res\\.partner|debtors?|debitor(?:en|er)?|debiteuren|debiteur|relaties|relatie|kontrahenci|kontrahent|contacts?|contactos?|contatti|contatos?|kontakter|kontakte|yhteystiedot';
const CUSTOMER_RECORD = new RegExp(`(?:^|[/#?&=._-])(?:${CUSTOMER_WORD})(?=[/?#=._&-])[^\\d]{0,40}\\d`, 'i');
/** Does a link's address (decoded path, query and fragment) lead to one customer's or contact's record ("/app/contacts/9120")? */
export function leadsToCustomerRecord(address: string): boolean {
  return CUSTOMER_RECORD.test(address);
}

/** A link whose text is that word itself ("Contactos", a record's tab of its contacts) leads to a part of the app, and names no one. */
const CUSTOMER_WORD_ALONE = new RegExp(`^(?:${CUSTOMER_WORD})$`, 'i');
/** A tab of the record's page ("Factura a cliente | Contactos | Notas"): its text names the tab. */
const TAB_SELECTOR = '[role="tab"], [role="tablist"], .tabs, .nav-tabs';
/** Texts looked at: a banner's link comes early on the page. */
const MAX_TEXTS = 200;

/**
 * The first link to a customer's record whose whole text is a name (`nameOf`: the detector's own test
 * of a customer's name), outside the app's chrome.
 */
export function customerFromRecordLink(texts: readonly LinkText[], base: URL, nameOf: (text: string) => string | undefined, isChrome: (element: Element) => boolean): string | undefined {
  for (let i = 0; i < texts.length && i < MAX_TEXTS; i++) {
    const { text, element } = texts[i]!;
    if (element.tagName !== 'A') continue;
    const href = element.getAttribute('href');
    if (!href || /^\s*(?:javascript|mailto|tel):/i.test(href)) continue;
    let address: string;
    try {
      const url = new URL(href, base);
      if (url.origin !== base.origin) continue;
      address = decodedUri(`${url.pathname}${url.search}${url.hash}`);
    } catch {
      continue;
    }
    if (!CUSTOMER_RECORD.test(address) || CUSTOMER_WORD_ALONE.test(text) || nameOf(text) !== text || isChrome(element) || element.closest(TAB_SELECTOR)) continue;
    return text;
  }
  return undefined;
}
