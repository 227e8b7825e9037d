/**
 * Labels that the label index does not find in a text: "Number", "#", "To" or "Name" alone, a heading or an
 * address segment that is a document's code alone; and whether a text is a label alone, its value in the next texts.
 */
import type { DocumentKind } from '../../../shared/document-kinds';
import { GENERIC_NUMBER_LABEL, PACKAGE_NUMBER_LABEL } from '../document-kind';
import { findLabels, KIND_QUALIFIER, labelAtStart, type LabelMatch, LONE_CUSTOMER_LABEL, LONE_NAME_LABEL, MAX_NAME_LABEL, parseNumberValue } from '../page-labels';
import { decodedUri } from '../uri-text';
import { headingRank } from './headings';
import { MAX_FIELD_TEXT } from './limits';

/**
 * What may follow a label that stands alone: separators, "nr", a unit in parentheses ("Amount Due
 * (EUR)", also after the tax: "Total Incl. VAT (GBP)") or a currency's code ("Amount Due NZD"), the tax or fee it includes ("Beløb inkl. moms", "Total incl. VAT", "Samtals m/vsk", "Total
 * c/ IVA", "Att betala inkl. påminnelseavgift"), or the word that says the document is electronic
 * ("Factura Electrónica", its number in the next text). Not the tax it leaves out ("Sum eks. mva.", "Samtals
 * án vsk"): that total is not what is due.
 */
export const LONE_LABEL_REST = new RegExp(
  String.raw`^[\s:#.–-]*(?:(?:${KIND_QUALIFIER})(?![\p{L}])(?:\s+(?:de|di)\s+(?:venta|vendita|venda))?)?[\s:#.–-]*(?:(?:nr|no|nº|n°)\.?)?[\s:#.°]*(?:\([^()]{1,20}\)[\s:]*)?(?:(?:(?:inkl|incl|inc|including|inklusive|med|með)\.?\s+|[mc]\/\s*)\p{L}{2,20}\.?[\s:]*)?(?:\([^()]{1,20}\)[\s:]*|(?:eur|usd|gbp|nzd|aud|cad|chf|sek|nok|dkk|isk|pln|brl)[\s:]*)?(?:(?:ttc|tvac|htva)[\s:]*)?$`,
  'u',
);

/** "#" right before a number ("#000000012"): a number label where it is a heading's whole text. */
const HASH_NUMBER = /^#\s?(?=\d)/;

/** "Number" alone, or before a colon, at the start of a short text (issue 16, item 2): a number label. */
export function genericNumberLabel(text: string, element: Element): LabelMatch | undefined {
  if (text.length > MAX_FIELD_TEXT) return undefined;
  let match = GENERIC_NUMBER_LABEL.exec(text);
  // "#000000012" as the page's heading (an admin's record page names the kind only in its title); the
  // pattern first, the element's place only then: most texts start with no "#".
  if (!match) {
    const hash = HASH_NUMBER.exec(text);
    if (hash && headingRank(element) > 0) match = hash;
  }
  if (!match || match[0].length === 0) return undefined;
  // "Package# PKG-00031": a delivery note's number, which only a package slip's page takes for its own.
  const kind: DocumentKind | undefined = PACKAGE_NUMBER_LABEL.test(match[0]) ? 'delivery-note' : undefined;
  return { info: { field: 'number', languages: [], due: false, ...(kind ? { kind } : {}) }, start: 0, end: match[0].length };
}

/** A code alone: letters, digits and `- / . _`, with a digit (tested apart), not a year. */
export const BARE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9\-/._]{0,40}$/;

/**
 * An `<h1>` or `<h2>` (or the `<h3>` of a page without either) that is a document number alone
 * ("INV/2026/00042", "RE-1042"), as record pages head themselves where the title or tab names the
 * kind: an empty label before it. The cheap tests first, the element's place only then (most texts
 * are no code).
 */
export function bareNumberHeading(text: string, element: Element): LabelMatch | undefined {
  if (!(BARE_NUMBER.test(text) || TYPED_NUMBER.test(text)) || !/\d/.test(text) || /^(?:19|20)\d\d$/.test(text) || parseNumberValue(text) !== text) return undefined;
  // An `<h3>` heads the page where it has no `<h1>` or `<h2>` (Crater's and InvoiceShelf's page header),
  // and so does the title of a phone-width layout's app bar.
  const rank = headingRank(element) || appBarTitleRank(element);
  if (rank < 2 || (rank === 2 && element.ownerDocument.querySelector('h1, h2') !== null)) return undefined;
  return { info: { field: 'number', languages: [], due: false }, start: 0, end: 0 };
}

const TYPED_NUMBER = /^[A-Z]{1,4} [A-Za-z0-9]*[/\-.][A-Za-z0-9\-/._]{1,30}$/;

/** The bars a phone-width layout heads its screen with ("‹ INV0042"), as apps name them. */
const APP_BAR_SELECTOR = 'header, [role="banner"], [class*="app-bar" i], [class*="appbar" i], [class*="topbar" i], [class*="top-bar" i]';

/**
 * An app bar's title, on a page without an `<h1>` or `<h2>`: the screen's heading, as an `<h3>`'s
 * (headingRank). Not a link's or a button's text, which goes elsewhere ("‹ Back", "Preview").
 */
function appBarTitleRank(element: Element): number {
  if (element.closest('a, button, [role="button"], [role="link"]') !== null || element.closest(APP_BAR_SELECTOR) === null) return 0;
  return element.ownerDocument.querySelector('h1, h2') === null ? 2 : 0;
}

/**
 * A record's name as the last segment of its address, where it is a code of letters and digits
 * (Frappe's `/app/quotation/SAL-QTN-2026-00012`, whose heading is the customer's name): the page
 * shows it as a text of its own, which is the document's number where nothing labels one.
 */
export function addressRecordName(url: URL): string | undefined {
  const last = decodedUri(url.pathname).split('/').at(-1) ?? '';
  return BARE_NUMBER.test(last) && /\d/.test(last) && /[A-Za-z]/.test(last) ? last : undefined;
}

/** A text that is the address's record name alone: an empty label before it, as bareNumberHeading's. */
export function recordNameText(text: string, recordName: string | undefined): LabelMatch | undefined {
  return recordName !== undefined && text === recordName && parseNumberValue(text) === text ? { info: { field: 'number', languages: [], due: false }, start: 0, end: 0 } : undefined;
}

/**
 * "To", "An", "Account", "Party" as a whole text: the customer's label, the name in the next texts; or
 * before a colon at the start of a text, the name after it ("Account: Halcyon Labs Inc", a control's "Party: Delta Marine").
 */
export function loneCustomerLabel(text: string): LabelMatch | undefined {
  if (text.length <= 14 && LONE_CUSTOMER_LABEL.test(text)) return { info: { field: 'customer', languages: [], due: false }, start: 0, end: text.length };
  const colon = text.indexOf(': ');
  return colon > 0 && colon <= 12 && LONE_CUSTOMER_LABEL.test(text.slice(0, colon)) ? { info: { field: 'customer', languages: [], due: false }, start: 0, end: colon } : undefined;
}

/**
 * "Name", "Navn", "Nom" as a whole text: in an ERP's record form, the customer's name after its
 * number ("Kunde 10017", "Name Elektro Maier e.K."). Any record has a name, so it counts below every
 * customer label (rank -1): it names the customer only where nothing else does.
 */
export function loneNameLabel(text: string, control = false): LabelMatch | undefined {
  if (text.length <= MAX_NAME_LABEL && LONE_NAME_LABEL.test(text)) return { info: { field: 'customer', languages: [], due: false }, start: 0, end: text.length };
  // A form control reads as "Name: Elektro Maier e.K." (control-values.ts): the label with its value.
  const colon = control ? text.indexOf(': ') : -1;
  return colon > 0 && colon < MAX_NAME_LABEL && LONE_NAME_LABEL.test(text.slice(0, colon)) ? { info: { field: 'customer', languages: [], due: false }, start: 0, end: colon } : undefined;
}

/** A text that starts with a number label followed by its number ("Facture N° F2026-0142"). */
export function ownNumber(text: string): boolean {
  const label = labelAtStart(text);
  return label?.info.field === 'number' && parseNumberValue(text.slice(label.end)) !== undefined;
}

/**
 * A text that ends with a label and holds no value ("Navn", "E-mail:", "Debitor", "Zu Rechnung:"): the
 * next field's, so a label looking ahead for its value stops there ("Ordrebekræftelse" in a tab is not
 * "Debitor 20117", a heading "Gutschrift" not "Zu Rechnung: RE-311").
 */
export function isBareLabel(text: string): boolean {
  if (text.length > 40) return false;
  const label = findLabels(text).at(-1);
  if (label) return LONE_LABEL_REST.test(text.slice(label.end).toLowerCase());
  return loneCustomerLabel(text) !== undefined || loneNameLabel(text) !== undefined;
}
