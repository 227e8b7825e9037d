import {
  collapse,
  COMPANY_NAME,
  EMAIL_PATTERN,
  FILE_EXTENSION,
  findEmail,
  isNumberHeading,
  findLabels,
  labelInfo,
  labelAtStart,
  looksLikeAction,
  looksLikeDocumentLink,
  parseAmount,
  parseDate,
  parseDocumentNumber,
  parseNameValue,
  parseNumberValue,
  sameOriginUrl,
  CONTACT_LABELS,
  LONE_CUSTOMER_LABEL,
  COMPANY_FIELD_LABEL,
  DELIVERY_ADDRESS_LABEL,
  LONE_NAME_LABEL,
  KIND_QUALIFIER,
  MAX_NAME_LABEL,
  type LabelInfo,
  type LabelledField,
  type LabelMatch,
} from './page-labels';
import type { DocumentKind } from '../../shared/document-kinds';
import { controlLabel, controlValue, mergeInDocumentOrder, readControls } from './control-values';
import {
  GENERIC_NUMBER_LABEL,
  PACKAGE_NUMBER_LABEL,
  headingNamesSample,
  KIND_PLURALS,
  namesOrderItself,
  namesSample,
  namesSupplierDocument,
  OTHER_DOCUMENT_WORDS,
  PREVIEW_LABEL,
} from './document-kind';
import { letterVotes, mostVoted, pageLanguageOfTag, spokenLanguage, type PageLanguage } from './page-language';
import type { Language } from '../i18n/core';
import type { DetectedDocument, PageDetection, SiteAdapter } from './site-adapter';
import { isSiteAddress } from './site-domain';
import { companyAboveRecipient, companyOfRecipientDomain, namesRecipientDomain, personAboveRecipient, SELLER_LABEL, unlabelledBuyer } from './buyer-block';
import { customerFromRecordLink, leadsToCustomerRecord } from './customer-link';
import { decodedUri } from './uri-text';
import { documentUrl } from './document-url';
import { headingKicker, KIND_SIGNAL_SELECTOR, WINDOW_TITLE_SELECTOR } from './document-hint';
import { isCurrencyAlone } from './amounts';
import { currentEntrySummary } from './current-entry';
import { isMailReader } from './mail-reader';
import { composedCopy } from './composed-copy';

/**
 * Bounds on the work done per detection, so a huge page costs the same as a big one. Detection
 * runs at load and again after client-side navigation (bounded in time by the content script).
 */
const MAX_TEXT_NODES = 4000;
const MAX_TEXT_LENGTH = 300;
const MAX_LINKS = 600;
const MAX_MAILTO = 60;
const MAX_PROBE_CANDIDATES = 3;
const MAX_LIST_ROWS = 200;
/** A value follows its label in the same text, or in one of the next few texts ("Kund: <b>Kund AB</b>"). */
const VALUE_LOOKAHEAD = 2;
/** An address this close after the customer's label is the customer's. */
const CUSTOMER_NEIGHBOURHOOD = 12;
/** A label's amount in the next text stands nearly alone there: at most this many other characters ("CHF 2'240.00 inkl. MWST"). */
const AMOUNT_CONTEXT = 16;
/** Running text longer than this is prose, not a labelled field: numbers in it are not the document's. */
const MAX_FIELD_TEXT = 90;

/**
 * What may follow a label that stands alone: separators, "nr", a unit in parentheses ("Amount Due
 * (EUR)", also after the tax: "Total Incl. VAT (GBP)") or a currency's code ("Amount Due NZD"), the tax or fee it includes ("Beløb inkl. moms", "Total incl. VAT", "Samtals m/vsk", "Total
 * c/ IVA", "Att betala inkl. påminnelseavgift"), or the word that says the document is electronic
 * ("Factura Electrónica", its number in the next text). Not the tax it leaves out ("Sum eks. mva.", "Samtals
 * án vsk"): that total is not what is due.
 */
const LONE_LABEL_REST = new RegExp(
  String.raw`^[\s:#.–-]*(?:(?:${KIND_QUALIFIER})(?![\p{L}])(?:\s+(?:de|di)\s+(?:venta|vendita|venda))?)?[\s:#.–-]*(?:(?:nr|no|nº|n°)\.?)?[\s:#.°]*(?:\([^()]{1,20}\)[\s:]*)?(?:(?:(?:inkl|incl|inc|including|inklusive|med|með)\.?\s+|[mc]\/\s*)\p{L}{2,20}\.?[\s:]*)?(?:\([^()]{1,20}\)[\s:]*|(?:eur|usd|gbp|nzd|aud|cad|chf|sek|nok|dkk|isk|pln|brl)[\s:]*)?(?:(?:ttc|tvac|htva)[\s:]*)?$`,
  'u',
);
/**
 * After or before a customer label, what makes it a place in the app for customers ("Customer portal", "Espace client"),
 * or a date the record dates from rather than a name ("Customer since Mar 2024", "Kunde seit 2021", "Cliente dal 2019":
 * a date or a month must follow, "Cliente Dal Monte S.r.l." is a name).
 */
const CUSTOMER_PLACE_REST =
  /^\s*(?:(?:portal|portail|portale|portaal|area|área|hub|center|centre|login|log in|sign in|service|support)(?![\p{L}\p{N}])|(?:since|seit|siden|sedan|sinds|depuis|desde|dal|od|frá)\s+(?:\p{L}{3,9}\.?\s+)?\d)/iu;
const CUSTOMER_PLACE_BEFORE = /(?:^|\s)(?:espace|portail|portal|área|area|zona|sezione)(?:\s+(?:du|de|del|do|da|dla))?\s*$/iu;
/**
 * After a customer label, what makes it the customer's number, reference or tax id, not its name:
 * "Customer No.", "Kunde Nr.", "Client ID", "Customer Ref", "Cliente RUC", "Customer VAT", "Kunde
 * USt-IdNr.", "Klient NIP" ("Kundenreferenz" is one word and no label).
 */
const CUSTOMER_NUMBER_REST =
  /^\s*(?:no|nr|nº|n°|#|number|nummer|numer|número|numéro|numero|id|code|ref|reference|référence|referencia|riferimento|referentie|referenz|referens|po|ruc|rut|nit|nif|cif|cuit|cnpj|cpf|vat|tva|iva|btw|moms|mva|vsk|alv|gst|gstin|abn|uid|ust|siret|siren|nip|regon|cvr|kvk|kennitala|y-tunnus|org\.?\s?nr)(?![\p{L}\p{N}])/iu;
/** Texts read for the page's language from their letters: enough to tell, few enough to stay cheap. */
const MAX_LANGUAGE_TEXTS = 400;
/** Headings, tabs and breadcrumbs looked at for the kind of document the page shows. */
const MAX_KIND_ELEMENTS = 12;

const SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'BUTTON']);
const HEADING_SELECTOR = 'h1, h2, h3, h4, [role="heading"]';
/**
 * The app around the document: its header, footer, menus. Apps built from divs say so in their class
 * names ("site-footer", "navbar", "sidebar"); an invoice's own footer holds the seller's addresses.
 */
const CHROME_SELECTOR =
  'header, footer, nav, aside, [role="banner"], [role="contentinfo"], [role="navigation"], [class*="footer" i], [id*="footer" i], ' +
  '[class~="header" i], [class*="site-header" i], [class*="app-header" i], [class*="navbar" i], [class*="topbar" i], [class*="sidebar" i], [class*="help" i], [class*="support" i]';
/** Text a person clicks (a link's or a button's) is never a customer's name: "Download PDF" is no name. */
const CLICKABLE_ROLES = new Set(['button', 'menuitem', 'tab', 'link']);
const CLICKABLE_DEPTH = 4;
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, without relying on the global

interface TextItem {
  text: string;
  element: Element;
  /** The text node, or the control a labelled value was read from (control-values.ts). */
  node: Node;
}

function collectTexts(root: Element): TextItem[] {
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

function isInside(element: Element, ancestors: ReadonlySet<Element>): boolean {
  for (let e: Element | null = element; e; e = e.parentElement) if (ancestors.has(e)) return true;
  return false;
}

/**
 * The page's texts and its form controls' values with their labels, in document order. A label read
 * with its control is not read again on its own.
 */
function collectPageTexts(root: Element): TextItem[] {
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
function closedDialogs(root: Element): Set<Element> {
  const closed = new Set<Element>();
  const dialogs = root.getElementsByTagName('dialog');
  for (let i = 0; i < dialogs.length; i++) if (!dialogs[i]!.hasAttribute('open')) closed.add(dialogs[i]!);
  return closed;
}

/** The words, lower-cased, in the `chars` characters of `text` before `labelStart`. */
const wordsBefore = (text: string, labelStart: number, chars: number) =>
  text
    .slice(Math.max(0, labelStart - chars), labelStart)
    .toLowerCase()
    .match(/\p{L}+/gu) ?? [];

/** "Next invoice number", "Letzte Rechnung": the label is about another document than the page's. */
function namesAnotherDocument(text: string, labelStart: number): boolean {
  // A label that starts its text (a title's "Invoice 4711") has no words before it: no pattern to compile.
  if (labelStart === 0) return false;
  // The last few words before the label ("Próximo número de fatura", "Next invoice number").
  return wordsBefore(text, labelStart, 40)
    .slice(-3)
    .some((word) => OTHER_DOCUMENT_WORDS.has(word));
}

/** Words that make a kind's word name a date of the document, not its number: "Date de commande", "Fecha pedido", "Data zamówienia". */
const DATE_WORDS = new Set(['date', 'datum', 'dato', 'data', 'fecha', 'päivä', 'päivämäärä', 'dagsetning', 'dags']);
/** The particles of a Romance genitive: "Méthode d’expédition", "Adresse de livraison", "Condizioni di ordine". */
const GENITIVE_PARTICLES = new Set(['de', 'd', 'du', 'des', 'del', 'della', 'dello', 'dell', 'di', 'da', 'do', 'dos', 'das']);
/** Articles between a genitive's particle and its noun: "Date de la commande", "Data dell'ordine". */
const ARTICLES = new Set(['la', 'le', 'l', 'les', 'el', 'los', 'las', 'il', 'lo', 'gli']);
/** Nouns that a genitive kind's word still numbers: "Numéro de commande", "N° de facture", "Réf. de devis". */
const NUMBER_NOUNS = new Set(['n', 'no', 'nr', 'nº', 'num', 'numéro', 'número', 'numero', 'réf', 'ref', 'référence', 'referencia', 'riferimento', 'referência']);

/**
 * A kind's word that qualifies another noun before it: a date ("Date de commande 25/11/2026", "Fecha
 * pedido") or, in a Romance genitive, anything but a number ("Méthode d'expédition", "Adresse de
 * livraison"): the text names that noun, not the document's number.
 */
function qualifiesOtherNoun(text: string, labelStart: number): boolean {
  if (labelStart === 0) return false;
  const words = wordsBefore(text, labelStart, 30);
  if (words.length > 1 && ARTICLES.has(words.at(-1)!) && GENITIVE_PARTICLES.has(words.at(-2)!)) words.pop();
  let last = words.at(-1);
  if (last === undefined) return false;
  if (DATE_WORDS.has(last)) return true;
  if (!GENITIVE_PARTICLES.has(last)) return false;
  last = words.at(-2);
  return last !== undefined && (DATE_WORDS.has(last) || !NUMBER_NOUNS.has(last));
}

/**
 * Labels of a field that describes a payment or an entry ("Tytuł", "Verwendungszweck", "Text",
 * "Subject"): a document's number in it ("Tytuł: Faktura FV 12/11/2026" on a bank transfer, "Text:
 * Kundfaktura 2026-1188" on a journal voucher) is the document the entry is about, shown elsewhere.
 */
const SUBJECT_LABEL =
  /^(?:text|subject|memo|description|tytuł|tytułem|opis|verwendungszweck|buchungstext|meddelande|beskrivning|besked|tekst|melding|omschrijving|kuvaus|viesti|lýsing|skýring|libellé|objet|concepto|causale|descrição)\s*:?$/iu;

/** Levels walked up from a text to its table cell or definition. */
const CELL_DEPTH = 4;

/**
 * The `<td>` (or, with `definitions`, the `<dd>`) a text is in, a few levels up: walked by hand, as
 * this runs for every number a page labels, and a selector match per number costs more than the walk.
 */
function enclosingCell(element: Element, definitions: boolean): Element | undefined {
  for (let e: Element | null = element, depth = 0; e && depth < CELL_DEPTH; e = e.parentElement, depth++) {
    if (e.tagName === 'TD' || (definitions && e.tagName === 'DD')) return e;
  }
  return undefined;
}

/** A number in the value of a subject's field: after "Text:" in its own text, or in the cell after a "Tytuł" label cell. */
function isSubjectValue(text: string, labelStart: number, element: Element): boolean {
  if (labelStart > 0 && SUBJECT_LABEL.test(text.slice(0, labelStart).trim())) return true;
  const cell = enclosingCell(element, true);
  const label = cell?.previousElementSibling;
  return label !== null && label !== undefined && (label.tagName === 'DT' || label.tagName === 'TH' || label.tagName === 'TD') && SUBJECT_LABEL.test(collapse(label.textContent ?? ''));
}

/** Elements that start a line of their own inside a cell. */
const BLOCK_TAGS = new Set(['DIV', 'P', 'UL', 'OL', 'LI', 'TABLE', 'DL', 'ADDRESS', 'SECTION']);

/** A cell's text up to its first line break or block: the first line of an address written in one cell. */
function firstLine(cell: Element): string {
  let line = '';
  for (const node of cell.childNodes) {
    if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (tag === 'BR' || BLOCK_TAGS.has(tag)) {
        if (/\S/.test(line)) break;
        if (tag === 'BR') continue;
      }
    }
    line += node.textContent ?? '';
  }
  return line;
}

/** Rows of a table looked at for the same kind of cell as a number's. */
const MAX_SIBLING_ROWS = 20;

/** An ordinal before a row's kind ("1. Abschlagsrechnung"). */
const ROW_ORDINAL = /^\d{1,2}\.\s*/;
/** The longest kind's word a type column holds ("Auftragsbestätigung", "Faktura korygująca"). */
const MAX_KIND_CELL = 40;
/** A label that names a number ("Invoice number", "Rechnungsnummer", "Order No."): a field's, not a type column's. */
const NAMES_NUMBER = /(?:number|nummer|numer|númer|número|numéro|numero|nr|no|id|#)\.?\s*:?$/i;

/** A text that is a kind's word and nothing else ("Angebot", "Abschlagsrechnung"). */
function isKindWord(text: string): boolean {
  return findLabels(text).some((label) => label.info.field === 'number' && label.start === 0 && label.end === text.length);
}

/**
 * A text in a table cell whose column, in another row of the table, holds a document's number too
 * ("Fattura n. 318/2026" above "Fattura n. 322/2026"; "Delivery Note DN-0012" above "Purchase Receipt
 * PR-0007" in an item's stock movements), or the same text (a sales ledger's type column): one row of
 * a list of documents.
 */
function isRepeatedRow(element: Element, text: string): boolean {
  const cell = enclosingCell(element, false);
  const row = cell?.parentElement;
  if (!cell || !row || row.tagName !== 'TR' || !row.parentElement) return false;
  const column = [...row.children].indexOf(cell);
  // "1. Abschlagsrechnung" above "2. Abschlagsrechnung": the ordinal before the kind's word numbers the rows.
  const word = /^\p{L}+/u.exec(text.replace(ROW_ORDINAL, ''))?.[0]?.toLowerCase();
  if (!word) return false;
  // A kind's word alone in its cell ("Angebot", not "Invoice number", which labels a field) may be a column of types.
  const typeColumn = text.length <= MAX_KIND_CELL && !NAMES_NUMBER.test(text) && isKindWord(text.replace(ROW_ORDINAL, ''));
  const rows = row.parentElement.children;
  for (let i = 0; i < rows.length && i < MAX_SIBLING_ROWS; i++) {
    if (rows[i] === row) continue;
    const other = collapse(rows[i]!.children[column]?.textContent ?? '')
      .slice(0, MAX_FIELD_TEXT)
      .replace(ROW_ORDINAL, '');
    // A column of the documents' type ("Factura electrónica" in each row, the number in the next column): a list.
    if (other === text) return true;
    // A column of the documents' kinds ("Angebot" above "Abschlagsrechnung", their numbers in the next column): a list.
    if (!/\d/.test(other)) {
      if (typeColumn && other.length <= MAX_KIND_CELL && !NAMES_NUMBER.test(other) && isKindWord(other)) return true;
      continue;
    }
    if (other.toLowerCase().startsWith(word) && !/^\p{L}/u.test(other.slice(word.length))) return true;
    if (findLabels(other).some((label) => label.info.field === 'number') && parseDocumentNumber(other) !== undefined) return true;
  }
  return false;
}

/** A table's column heading: a `<th>` in `<thead>`, or in a first row of headings only. */
function isColumnHeading(element: Element): boolean {
  const cell = element.closest('th');
  if (!cell) return false;
  if (cell.getAttribute('scope') === 'col' || cell.parentElement?.parentElement?.tagName === 'THEAD') return true;
  const row = cell.parentElement;
  return row !== null && row.previousElementSibling === null && row.children.length > 1 && [...row.children].every((c) => c.tagName === 'TH');
}

/**
 * The cell under a column heading when its table has one row below its headings: the row of a
 * document's facts. A table of several rows (line items, a list) labels none of them alone, nor does
 * a row with its own PDF (a list of one document).
 */
function onlyCellBelow(element: Element): Element | undefined {
  const cell = element.closest('th');
  const headingRow = cell?.parentElement;
  const table = cell?.closest('table');
  if (!cell || !headingRow || !table) return undefined;
  let below: Element | undefined;
  let passed = false;
  for (const row of table.querySelectorAll('tr')) {
    if (row === headingRow) passed = true;
    else if (passed && row.querySelector('td')) {
      if (below) return undefined;
      below = row;
    }
  }
  if (below?.querySelector('a[href*="pdf" i], a[download]')) return undefined;
  return below?.children[[...headingRow.children].indexOf(cell)];
}

/** Text of a button, a tab or a menu item (not a link: a heading's number may be one). */
function isControlText(element: Element): boolean {
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
function opensCardOfName(button: Element): boolean {
  const popup = button.getAttribute('aria-haspopup');
  if (popup !== 'dialog' && popup !== 'true') return false;
  const text = collapse(button.textContent ?? '');
  if (text.length > MAX_COMPANY_LINE || !/\p{L}\s+\p{L}/u.test(text) || parseNameValue(text) !== text || looksLikeAction(text, '') || findLabels(text).length > 0) return false;
  return COMPANY_NAME.test(text) || PERSON_OR_COMPANY_WORDS.test(text);
}

/** Two to five words, each starting with a capital or a digit: "Northbridge Studios", "Emma Clarke", "3 Bears Catering". */
const PERSON_OR_COMPANY_WORDS = /^(?:[\p{Lu}\d][\p{L}\d'’&.-]*)(?:\s+(?:&|[\p{Lu}\d][\p{L}\d'’&.-]*|(?:de|da|van|von|der|di|du|la|le|y|and|und|et)(?=\s))){1,4}$/u;

/** Text inside something a person clicks: a button, a menu item, a link that acts or downloads. */
function isClickableText(element: Element): boolean {
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

interface FieldHit {
  value: string;
  index: number;
  element: Element;
  languages: PageLanguage[];
  /** Rank among hits of the same field: headings beat fields for numbers, "to pay" beats "total". */
  rank: number;
  /** The kind of document a number's label names ("Credit note 5"). */
  kind?: DocumentKind;
  /** The label names the order itself ("Auftrag 4711"), not its confirmation ("Auftragsbestätigung AB-4711"). */
  order?: boolean;
  /** A number after "Number" alone: the document's only where the page names the kind of document. */
  generic?: boolean;
  /** A heading that is a number alone (bareNumberHeading): generic, and below every other number. */
  bare?: boolean;
  /**
   * A customer after "Organization" alone: in the ADempiere family's forms (iDempiere, Openbravo,
   * metasfresh) every window's first field, the app's own organisation; below any other customer label.
   */
  ownOrganisation?: boolean;
  /** An address after a contact's label ("Site contact:", "Kontakt:"): a person's, below the customer's own. */
  contact?: boolean;
  /** A number after "Bill" alone: a client's bill, or a supplier's (isBillToPay). */
  bill?: boolean;
}

/** Whatever the page labels, found in one pass over its texts. */
interface LabelledValues {
  hits: Partial<Record<LabelledField, FieldHit[]>>;
  /** Languages voted for by every label found. */
  votes: Map<PageLanguage, number>;
  texts: TextItem[];
  /** The pass stopped at the number in the page's main heading (`stopAtTitleNumber`): the other fields are not all read. */
  stopped?: boolean;
  /** The kind a form's type field names ("Typ: Rechnung", "Document Type: Invoice"), an ERP's screen that has no heading for it. */
  typeKind?: DocumentKind;
}

/** Digits alone, without a currency. */
const BARE_AMOUNT = /^[-\u2212]?\d[\d\s.,'’]*$/;

/**
 * An amount whose currency is an element of its own beside it, in the same parent ("4.560,00" then
 * "EUR" in SAP's ObjectNumber, "<span>€</span><span>1.234,00</span>"): the two as one, as written.
 */
function withCurrencyBeside(value: string, texts: readonly TextItem[], index: number): string {
  const item = texts[index]!;
  if (item.text !== value || !BARE_AMOUNT.test(value)) return value;
  const parent = item.element.parentElement;
  const after = texts[index + 1];
  if (after && after.element.parentElement === parent && isCurrencyAlone(after.text)) return `${value} ${after.text}`;
  const before = texts[index - 1];
  return before && before.element.parentElement === parent && isCurrencyAlone(before.text) ? `${before.text} ${value}` : value;
}

/** A number's rank in an `<h1>` (headingRank): no other place ranks higher. */
const TITLE_RANK = 4;

function headingRank(element: Element): number {
  const heading = element.closest(HEADING_SELECTOR);
  if (!heading) return 0;
  const level = /^H(\d)$/.exec(heading.tagName)?.[1];
  return level ? 5 - Number(level) : 1;
}

function valueFor(field: LabelledField, text: string, element?: Element): string | undefined {
  switch (field) {
    case 'number':
      return parseNumberValue(text);
    case 'email':
      return findEmail(text);
    case 'customer':
      return element && isClickableText(element) ? undefined : parseNameValue(text);
    case 'amount':
      return parseAmount(text);
    case 'dueDate':
      return parseDate(text);
  }
}

const MAX_COMPANY_LINE = 60;
/**
 * Labels of the party billed, whose block may start with its contact person ("Bill To", "Sold to",
 * "Rechnungsadresse"). Not "Prepared for" or "Recipient": those name the person.
 */
const BILLED_PARTY_LABEL =
  /^(?:bill(?:ed)? to|invoice to|sold to|billing address|invoice address|invoicing address|faktureras till|faktureres til|rechnungsadresse|facturé à|facturer à|facturar a|facturado a|factuur aan|factureren aan|gefactureerd aan|adres do faktury|faturar a)$/i;

/** The line after a person's name in the same block, where it is a company's name. */
function companyAfterPerson(value: string, texts: TextItem[], index: number): TextItem | undefined {
  const line = texts[index + 1];
  if (!line || COMPANY_NAME.test(value) || line.text.length > MAX_COMPANY_LINE || /\d/.test(line.text)) return undefined;
  if (line.element !== texts[index]!.element && line.element.parentElement !== texts[index]!.element.parentElement) return undefined;
  return COMPANY_NAME.test(line.text) && parseNameValue(line.text) === line.text ? line : undefined;
}

/**
 * "Bill to: Lena Ortiz / Brightpath Yoga Studio": a person's name under the customer's label, then in
 * the same block a line without a legal form (which companyAfterPerson reads) whose words make the
 * recipient's domain: that company is billed, the person is its contact.
 */
function companyBesideContact(hit: FieldHit, texts: readonly TextItem[], recipient: string | undefined): string | undefined {
  if (!recipient || !PERSON_NAME.test(hit.value)) return undefined;
  const index = texts.findIndex((item) => item.element === hit.element && item.text === hit.value);
  const line = index >= 0 ? texts[index + 1] : undefined;
  if (!line || line.text.length > MAX_COMPANY_LINE || /[\d@]/.test(line.text) || line.element.parentElement !== hit.element.parentElement) return undefined;
  return namesRecipientDomain(line.text, recipient) && parseNameValue(line.text) === line.text ? line.text : undefined;
}

/** "#" right before a number ("#000000012"): a number label where it is a heading's whole text. */
const HASH_NUMBER = /^#\s?(?=\d)/;

/** "Number" alone, or before a colon, at the start of a short text (issue 16, item 2): a number label. */
function genericNumberLabel(text: string, element: Element): LabelMatch | undefined {
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
const BARE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9\-/._]{0,40}$/;

/**
 * An `<h1>` or `<h2>` (or the `<h3>` of a page without either) that is a document number alone
 * ("INV/2026/00042", "RE-1042"), as record pages head themselves where the title or tab names the
 * kind: an empty label before it. The cheap tests first, the element's place only then (most texts
 * are no code).
 */
function bareNumberHeading(text: string, element: Element): LabelMatch | undefined {
  if (!(BARE_NUMBER.test(text) || TYPED_NUMBER.test(text)) || !/\d/.test(text) || /^(?:19|20)\d\d$/.test(text) || parseNumberValue(text) !== text) return undefined;
  // An `<h3>` heads the page where it has no `<h1>` or `<h2>` (Crater's and InvoiceShelf's page header),
  // and so does the title of a phone-width layout's app bar.
  const rank = headingRank(element) || appBarTitleRank(element);
  if (rank < 2 || (rank === 2 && element.ownerDocument.querySelector('h1, h2') !== null)) return undefined;
  return { info: { field: 'number', languages: [], due: false }, start: 0, end: 0 };
}

/**
 * A number written as its type, a space, then series and sequence ("FT 2026/318", "FV 118/12/2026"):
 * a code alone, as BARE_NUMBER's, where the part after the space has a separator (no "ABC 2026").
 */
const PARTY_AFTER_SLASH = /^\s*\/\s*(\p{L}[\p{L} ]{1,24}?)\s*:?$/u;

/** "/ REMETENTE", "/ Ship to" after a customer's label: another party's label, so the customer's stands alone. */
function namesOtherParty(rest: string): boolean {
  const other = PARTY_AFTER_SLASH.exec(rest)?.[1];
  return other !== undefined && (SELLER_LABEL.test(other) || findLabels(other).some((label) => label.info.field === 'customer' && label.start === 0));
}

/** Whether `part` ends with the number `value`, or with the sequence of a series and number read as "FGO 0482" after naming the series. */
function endsWithNumber(part: string, value: string): boolean {
  if (part.endsWith(value)) return true;
  const space = value.indexOf(' ');
  return space > 0 && part.endsWith(value.slice(space + 1)) && part.includes(value.slice(0, space));
}

/** A line's ordinal in an items table ("1", "2."), under a column headed "#", "Nr." or "Pos.". */
const LINE_ORDINAL = /^\d{1,2}\.?$/;

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
function addressRecordName(url: URL): string | undefined {
  const last = decodedUri(url.pathname).split('/').at(-1) ?? '';
  return BARE_NUMBER.test(last) && /\d/.test(last) && /[A-Za-z]/.test(last) ? last : undefined;
}

/** A text that is the address's record name alone: an empty label before it, as bareNumberHeading's. */
function recordNameText(text: string, recordName: string | undefined): LabelMatch | undefined {
  return recordName !== undefined && text === recordName && parseNumberValue(text) === text ? { info: { field: 'number', languages: [], due: false }, start: 0, end: 0 } : undefined;
}

/** A word (a letter) before a label in its text. */
const WORD_BEFORE = /\p{L}/u;

/**
 * "To", "An", "Account", "Party" as a whole text: the customer's label, the name in the next texts; or
 * before a colon at the start of a text, the name after it ("Account: Halcyon Labs Inc", a control's "Party: Delta Marine").
 */
function loneCustomerLabel(text: string): LabelMatch | undefined {
  if (text.length <= 14 && LONE_CUSTOMER_LABEL.test(text)) return { info: { field: 'customer', languages: [], due: false }, start: 0, end: text.length };
  const colon = text.indexOf(': ');
  return colon > 0 && colon <= 12 && LONE_CUSTOMER_LABEL.test(text.slice(0, colon)) ? { info: { field: 'customer', languages: [], due: false }, start: 0, end: colon } : undefined;
}

/**
 * "Name", "Navn", "Nom" as a whole text: in an ERP's record form, the customer's name after its
 * number ("Kunde 10017", "Name Elektro Maier e.K."). Any record has a name, so it counts below every
 * customer label (rank -1): it names the customer only where nothing else does.
 */
function loneNameLabel(text: string, control = false): LabelMatch | undefined {
  if (text.length <= MAX_NAME_LABEL && LONE_NAME_LABEL.test(text)) return { info: { field: 'customer', languages: [], due: false }, start: 0, end: text.length };
  // A form control reads as "Name: Elektro Maier e.K." (control-values.ts): the label with its value.
  const colon = control ? text.indexOf(': ') : -1;
  return colon > 0 && colon < MAX_NAME_LABEL && LONE_NAME_LABEL.test(text.slice(0, colon)) ? { info: { field: 'customer', languages: [], due: false }, start: 0, end: colon } : undefined;
}

/** A text that starts with a number label followed by its number ("Facture N° F2026-0142"). */
function ownNumber(text: string): boolean {
  const label = labelAtStart(text);
  return label?.info.field === 'number' && parseNumberValue(text.slice(label.end)) !== undefined;
}

/**
 * A text that ends with a label and holds no value ("Navn", "E-mail:", "Debitor", "Zu Rechnung:"): the
 * next field's, so a label looking ahead for its value stops there ("Ordrebekræftelse" in a tab is not
 * "Debitor 20117", a heading "Gutschrift" not "Zu Rechnung: RE-311").
 */
function isBareLabel(text: string): boolean {
  if (text.length > 40) return false;
  const label = findLabels(text).at(-1);
  if (label) return LONE_LABEL_REST.test(text.slice(label.end).toLowerCase());
  return loneCustomerLabel(text) !== undefined || loneNameLabel(text) !== undefined;
}

/** A text up to its first separator (" · ", " | ", " – "): a heading's number, then the customer's name or a status. */
function firstPart(text: string): string {
  return text.split(/\s[·•|–—]\s/)[0]!;
}

/** Text of a link to another page (a hash route is one): not a link that only runs a script or leads to the page itself (a breadcrumb's last step). */
function leadsElsewhere(element: Element): boolean {
  const link = element.closest('a[href]');
  if (!link || /^\s*(?:#?\s*$|javascript:)/i.test(link.getAttribute('href') ?? '')) return false;
  return (link as HTMLAnchorElement).href !== documentUrl(element.ownerDocument);
}

/**
 * Text in a table's heading cell, a definition list's term or a form's `<label>` (one that wraps no
 * control: "<label>Denumire</label><span>Mobila Design SRL</span>"), other than the label's own: another label.
 */
function isLabelCell(element: Element, label: Element): boolean {
  const cell = element.closest('th, dt, label');
  return cell !== null && !cell.contains(label) && (cell.tagName !== 'LABEL' || !cell.querySelector('input, select, textarea'));
}

/** Text inside a long paragraph ("… par exemple <strong>Facture n° F-2026-001</strong>, puis …"): prose, even when set apart. */
function isInProse(element: Element): boolean {
  const paragraph = element.closest('p');
  return paragraph !== null && paragraph !== element && collapse(paragraph.textContent ?? '').length > MAX_FIELD_TEXT;
}

/** The kind's label right after a label in the same text, nothing but spaces between them ("Total presupuesto", "Customer invoice"). */
function kindLabelAfter(text: string, labels: readonly LabelMatch[], labelIndex: number): LabelMatch | undefined {
  const after = labels[labelIndex + 1];
  return after?.info.kind !== undefined && text.slice(labels[labelIndex]!.end, after.start).trim() === '' ? after : undefined;
}

/** What may join a kind's word to the customer's that qualifies it: "Factura a cliente", "Factura de cliente", "Facture du client", "Invoice to customer". */
const KIND_QUALIFIER_JOIN = /^(?:a|al|de|del|du|des|di|do|da|to|for|van|voor|für|an|för|till|til|dla)$/i;

/**
 * A label right beside a kind's label in the same text, nothing but spaces between them ("Fattura
 * cliente", "Customer invoice"), or the customer's word after the kind's and a preposition ("Factura a
 * cliente", a Dolibarr tab): it names a kind of document, not the customer.
 */
function qualifiesKind(text: string, labels: readonly LabelMatch[], labelIndex: number): boolean {
  const before = labels[labelIndex - 1];
  const join = before?.info.kind !== undefined ? text.slice(before.end, labels[labelIndex]!.start).trim() : undefined;
  // With a preposition, unless a colon makes the customer's word a label after all ("Rechnung an Kunde: Müller GmbH").
  const qualified = join === '' || (join !== undefined && KIND_QUALIFIER_JOIN.test(join) && !/^\s*:/.test(text.slice(labels[labelIndex]!.end)));
  if (qualified || kindLabelAfter(text, labels, labelIndex) !== undefined) return true;
  // "Customer Invoices" (a module's name in a breadcrumb or a menu): the word qualifies a kind's plural.
  const next = /^\s+(\p{L}+)/u.exec(text.slice(labels[labelIndex]!.end))?.[1];
  return next !== undefined && KIND_PLURALS.has(next.toLowerCase());
}

/**
 * Before the customer's word, a preposition that makes the customer the one who acted, with an article
 * or not: "Pas encore vue par le client", "Viewed by the customer", "Vom Kunden bestätigt", "Visto dal
 * cliente", "Bekeken door klant". A document's status, which no label ever is, unless a colon follows.
 */
const AGENT_BEFORE = /(?:^|\s)(?:by|par|von|vom|door|dal|dalla|dallo|por|pelo|pela|przez|av|af)(?:\s+(?:the|le|la|les|der|dem|den|de|het|el|il|lo|o|a))?\s+$|(?:^|\s)(?:par|door|por|da)\s+l['’]$/iu;

function namesCustomerAsAgent(before: string, rest: string): boolean {
  return AGENT_BEFORE.test(before) && !/^\s*:/.test(rest);
}

/** Does a text start with a customer's label and its colon ("Klient: …", a form field read with its label), not a name that starts with the word ("Kund AB")? */
function startsWithCustomerLabel(text: string): boolean {
  const first = findLabels(text)[0];
  return first?.start === 0 && first.info.field === 'customer' && /^\s*:/.test(text.slice(first.end));
}

/** "Mahnung 2", "Relance n°2": which reminder it is, not a document number (the number follows, of the invoice). */
function isReminderOrdinal(info: LabelInfo, value: string): boolean {
  return info.kind === 'reminder' && /^\d{1,2}$/.test(value);
}

/** A heading element's level. */
const HEADING_TAG = /^H([1-6])$/;
/**
 * A heading that names a template, in the languages we read ("Textvorlage Stufe 2", "Modèle de devis",
 * "Invoice template"): an editor's or a settings page's, whose document is a sample.
 */
const TEMPLATE_WORD = /(?:^|[^\p{L}])(?:templates?|mall|mallar|skabelon|mal|malli|sjabloon|szablon|sniðmát|modèle|modele|plantilla|modello|modelo)(?![\p{L}])|vorlage(?![\p{L}])/iu;

/** A number under a "Preview" label (a numbering settings page shows the next number so) is a sample. */
function isPreviewed(texts: TextItem[], index: number): boolean {
  const before = texts[index - 1];
  return before !== undefined && PREVIEW_LABEL.test(before.text.toLowerCase()) && !isControlText(before.element);
}

/**
 * With `stopAtTitleNumber`, the pass ends at the first labelled number in an `<h1>`: no later number
 * can outrank it (bestHit keeps the first of the highest rank), so the document's number is settled,
 * and what the texts after it label is left unread (issue 18: a page's first look).
 */
function readLabelledValues(texts: TextItem[], stopAtTitleNumber = false, recordName?: string): LabelledValues {
  const hits: LabelledValues['hits'] = {};
  const votes = new Map<PageLanguage, number>();
  /** Texts read as a label's value ("Kund AB" after "Kund:") are not read again as labels. */
  const consumed = new Set<number>();
  let stopped = false;
  /** A customer's label alone with no value after it ("Nabywca", "Cessionario/committente" over a block of fields): where it stands. */
  let customerHeading: number | undefined;
  /** The level of a heading that names a template ("Textvorlage Stufe 2"), while its section lasts: its numbers are samples. */
  let templateLevel = 0;
  let typeKind: DocumentKind | undefined;
  texts.forEach((item, index) => {
    if (stopped || consumed.has(index)) return;
    // "Typ: Rechnung", "Document Type: Invoice": a form's type field, whose value is a kind's word alone, names the document's kind.
    if (!typeKind && item.node === item.element && TYPE_FIELD.test(item.text)) {
      typeKind = typeFieldKind(item.text);
      if (typeKind) return;
    }
    // "Transaction Class | Invoice", "Belegart | Rechnung" in two cells: the kind's word is the type field's value, which labels no number after it.
    if (!typeKind && index > 0 && item.text.length <= MAX_KIND_CELL && isTypeLabel(texts[index - 1]!.text)) {
      typeKind = typeFieldKind(`Type: ${item.text}`);
      if (typeKind) return;
    }
    const level = HEADING_TAG.exec(item.element.tagName)?.[1];
    if (level) {
      if (templateLevel > 0 && Number(level) <= templateLevel) templateLevel = 0;
      if (templateLevel === 0 && (TEMPLATE_WORD.test(item.text) || headingNamesSample(item.text))) templateLevel = Number(level);
    }
    let labels = findLabels(item.text);
    let generic = false;
    let bare = false;
    let nameOnly = false;
    let ownOrganisation = false;
    /** A company field alone ("Empresa", "Firma"): the customer's in a CRM, but the seller's in a sheet's own block, so below a customer's label. */
    let companyField = false;
    if (labels.length === 0) {
      const number = genericNumberLabel(item.text, item.element);
      // A control's text is "Label: value"; a page text's node is its text node.
      // Under a customer's heading, "Nazwa" and "Denominazione: Trattoria da Gino" name the customer (a seller's block has its own).
      const underCustomer = customerHeading !== undefined && index - customerHeading <= CUSTOMER_NEIGHBOURHOOD;
      const name = number ? undefined : loneNameLabel(item.text, item.node === item.element || underCustomer);
      const customer = number || name ? undefined : loneCustomerLabel(item.text);
      const bareNumber = number || name || customer ? undefined : (bareNumberHeading(item.text, item.element) ?? recordNameText(item.text, recordName));
      const label = number ?? name ?? customer ?? bareNumber;
      if (!label) return;
      labels = [label];
      generic = number !== undefined || bareNumber !== undefined;
      bare = bareNumber !== undefined;
      nameOnly = name !== undefined && !underCustomer;
      ownOrganisation = customer !== undefined && /^organi[sz]a/i.test(item.text);
      companyField = customer !== undefined && COMPANY_FIELD_LABEL.test(item.text);
    }
    /** "Relance n°2 – Facture FA-2026-0310": the reminder's ordinal names its kind, the invoice's number its number. */
    let ordinalKind: DocumentKind | undefined;
    for (let labelIndex = 0; labelIndex < labels.length; labelIndex++) {
      const label = labels[labelIndex]!;
      const { info } = label;
      // "Shipping Address", "Lieferadresse": where goods go, the customer's only where no other label names one (a packing slip's).
      const delivery = info.field === 'customer' && DELIVERY_ADDRESS_LABEL.test(item.text.slice(label.start, label.end));
      let rank = info.field === 'number' ? headingRank(item.element) : info.due ? 1 : nameOnly || companyField || delivery ? -1 : 0;
      // Prose ("thank you for your order of 3 items") is not a field; headings and short texts are.
      if (info.field === 'number' && rank === 0 && (item.text.length > MAX_FIELD_TEXT || isInProse(item.element))) continue;
      // "Next invoice number" is another document's; a tab's or a button's word ("Quote") names where it leads.
      // A sample ("INV-0001 (sample)" in a template editor) is no document at all.
      if (info.field === 'number' && (templateLevel > 0 || namesAnotherDocument(item.text, label.start) || isControlText(item.element) || namesSample(item.text) || isPreviewed(texts, index)))
        continue;
      // "Date de commande", "Méthode d'expédition": the kind's word qualifies another noun; "Tytuł: Faktura FV 12/2026": a payment's subject.
      if (info.field === 'number' && (qualifiesOtherNoun(item.text, label.start) || isSubjectValue(item.text, label.start, item.element))) continue;
      // "Order #1042" as a link on a customer's card or a dashboard leads to that document: it is not this page's (a heading's may be).
      if (info.field === 'number' && rank === 0 && leadsElsewhere(item.element)) continue;
      // "Fattura n. 318/2026" in a row of a schedule whose next row says "Fattura n. 322/2026": a list's row, not the page's document.
      if (info.field === 'number' && rank === 0 && isRepeatedRow(item.element, item.text)) continue;
      // "Total presupuesto", "Totale fattura": the kind's word after an amount's label says whose total it is; the value follows both.
      const rest = item.text.slice((info.field === 'amount' ? kindLabelAfter(item.text, labels, labelIndex) : undefined)?.end ?? label.end);
      // "Customer No. 10000", "Kunde Nr.": the customer's number, not its name (which has a label of its own).
      if (info.field === 'customer' && CUSTOMER_NUMBER_REST.test(rest)) continue;
      // "Buyer's Order No.", "Customer’s PO": the party's word qualifies another noun, and labels nothing.
      if (info.field === 'customer' && /^['’]s(?![\p{L}])/u.test(rest)) continue;
      // "Customer portal", "Espace client", "Kundenbereich": the app's place for customers, not a customer.
      if (info.field === 'customer' && (CUSTOMER_PLACE_REST.test(rest) || CUSTOMER_PLACE_BEFORE.test(item.text.slice(0, label.start)))) continue;
      // "Conferma d'ordine cliente", "Customer invoice": the word qualifies the kind of document beside it, and labels nothing.
      if (info.field === 'customer' && qualifiesKind(item.text, labels, labelIndex)) continue;
      // "Pas encore vue par le client", "Viewed by customer": what the customer did (a status beside the title), no label.
      if (info.field === 'customer' && namesCustomerAsAgent(item.text.slice(0, label.start), rest)) continue;
      // "DESTINATÁRIO / REMETENTE", "Bill to / Ship to": two parties' labels over one block, whose values follow.
      const labelOnly = LONE_LABEL_REST.test(rest.toLowerCase()) || (info.field === 'customer' && namesOtherParty(rest));
      // "Contact client suivi commande" (a contact's role in a table): a customer's word inside a phrase
      // labels nothing; after a qualifier it does when it ends the label ("Potential Customer") or a colon follows ("Invoice customer: Acme").
      if (info.field === 'customer' && !labelOnly && WORD_BEFORE.test(item.text.slice(0, label.start)) && !/^\s*:/.test(rest)) continue;
      // "Tiers", "Kunden" as a menu entry: a link to that part of the app, whose next entry is no value of it.
      if (info.field !== 'number' && labelOnly && label.start === 0 && leadsElsewhere(item.element)) continue;
      const columnHeading = labelOnly && isColumnHeading(item.element);
      const alone = labelOnly && !columnHeading;
      let labelInChrome: boolean | undefined;
      /** The table row of a label cell followed by a value cell, null where there is none. */
      let labelRow: Element | null | undefined;
      /** The table row of the label, null where it is in none. */
      let labelTableRow: Element | null | undefined;
      const read = (field: LabelledField) => {
        // A label alone leaves only separators or a unit in its text ("Cessionario/committente (cliente)"): no name.
        let value = field === 'customer' && labelOnly ? undefined : valueFor(field, rest, item.element);
        let element = item.element;
        // A column heading over a single row ("Invoice No. | Date | Amount Due" above the document's one row of facts): its cell below.
        const below = !value && columnHeading ? onlyCellBelow(item.element) : undefined;
        // A number that links to its document is a list's row (a customer card's one invoice), not the page's facts.
        if (below && !(field === 'number' && below.querySelector('a[href]') && leadsElsewhere(below.querySelector('a[href]')!))) {
          // A buyer's cell holds its whole address, line by line ("Budmax Sp. z o.o.<br>ul. Piaskowa 8<br>…"): the name is its first line.
          value = valueFor(field, collapse(field === 'customer' ? firstLine(below) : (below.textContent ?? '')), below);
          // "# | Description | Qty" or "Nr. | Denumire | Cant." over a single line item: "1" numbers the line, not the document.
          if (field === 'number' && generic && value && LINE_ORDINAL.test(value)) value = undefined;
          if (value) {
            element = below;
            // A table's one row may be a single line item ("Product | Qty | Price | Total"): its total
            // is that line's, below any amount a label names beside it, unless its heading says it is due.
            if (field === 'amount' && !info.due) rank = -1;
          }
        }
        // "Factura <span>A-</span><span>2026-0412</span>": a heading's number split across its inline elements is read whole.
        if (!value && field === 'number' && rank > 0 && item.node !== item.element && HEADING_TAG.test(item.element.tagName)) {
          const whole = collapse(item.element.textContent ?? '');
          if (whole !== item.text && whole.startsWith(item.text) && whole.length <= MAX_FIELD_TEXT) value = valueFor(field, whole.slice(label.end), item.element);
        }
        // A column's heading ("Total" over the line items) labels every row below it, not the next text.
        // "Amount Due (EUR)", "Total (brutto)": a unit in parentheses still leaves the label alone.
        if (!value && alone) {
          // A label alone: its value is in the next texts (<dt>/<dd>, <th>/<td>, "Kund: <b>…</b>", a form field).
          for (let next = index + 1; !value && next <= index + VALUE_LOOKAHEAD && next < texts.length; next++) {
            // A text that starts with a number label and its number ("Facture N° F-12" after a menu's "Devis") is that label's.
            if (field === 'number' && ownNumber(texts[next]!.text)) break;
            // The page's footer or menu after a label of the document ("Empfänger:" then "Fragen?") holds no value of it.
            if (!(labelInChrome ??= isInPageChrome(item.element)) && isInPageChrome(texts[next]!.element)) break;
            // A label cell (`<th>`, `<dt>`) after a customer's label is the next field's ("Nabywca" then "NIP"), not a name.
            if (field === 'customer' && isLabelCell(texts[next]!.element, item.element)) break;
            // "To" over "ap@northwind.example.com" (a mail's header): the label's value is that address, and the text after it ("Subject") another field.
            if (field === 'customer' && findEmail(texts[next]!.text) === texts[next]!.text) break;
            // A card headed "Klient" whose form says "Klient: Przedsiębiorstwo …" (a combobox read with its label): that field is the customer, not the text after it.
            if (field === 'customer' && startsWithCustomerLabel(texts[next]!.text)) break;
            // An amount's label in a table row ("Offen" as a row's status, "Rate 2 | 690,00 € | Offen") has its value in that row, not the next row's.
            if (field === 'amount' && (labelTableRow ??= item.element.closest('tr')) && !labelTableRow.contains(texts[next]!.element)) break;
            // A label in a row with a cell after it ("Réf. client | BC-7781"): that cell is its value, the next row another field ("Tiers").
            if (field === 'customer' && (labelRow ??= rowWithValueCell(item.element)) && !labelRow.contains(texts[next]!.element)) break;
            value = valueFor(field, texts[next]!.text, texts[next]!.element);
            // "Offen", "Avoinna" as a status beside the heading, then "1. Abschlag zu …": an amount in a sentence is not the label's value, one set apart is.
            if (field === 'amount' && value && texts[next]!.text.length > 2 * value.length + AMOUNT_CONTEXT) value = undefined;
            // Past another label, the values are that label's; past another heading, its section's ("Rechnung", then "Rechnungsdaten", then "BT-1").
            if (!value && (isBareLabel(texts[next]!.text) || headingRank(texts[next]!.element) > 0)) break;
            // "Invoice" heading a page, then its issue date "26/11/2026" beside it: a date, never the number.
            if (field === 'number' && value && headingRank(item.element) > 0 && isCalendarDate(value)) value = undefined;
            // A number in a text of its own is the label's (or a file named for it, "CO2611-0015.pdf"); "12 Quay Street" after a heading "INVOICE" is not.
            // "VF-2026-0318 · Verzonden", "103045 · Kaffebaren Nørrebro ApS": the number ends its part of the text, before a separator.
            // "Seria FGO nr. 0482 · Data emiterii …": a Romanian series and number, read as "FGO 0482", ends its part too.
            if (
              field === 'number' &&
              value &&
              !endsWithNumber(
                firstPart(texts[next]!.text)
                  .replace(/[\s.,;:]+$/, '')
                  .replace(FILE_EXTENSION, ''),
                value,
              )
            )
              value = undefined;
            if (value) {
              element = texts[next]!.element;
              consumed.add(next);
              if (field === 'amount') value = withCurrencyBeside(value, texts, next);
              // "Bill To: Art Vandelay / Vandelay Industries": the contact person, then the company billed.
              const company = field === 'customer' && BILLED_PARTY_LABEL.test(item.text.slice(label.start, label.end)) ? companyAfterPerson(value, texts, next) : undefined;
              if (company) {
                value = company.text;
                element = company.element;
                consumed.add(next + 1);
              }
              // "STOLBUD" then "STOLBUD Sp. z o.o.": an ERP's acronym of the record beside its full name, which starts with it.
              const fuller = field === 'customer' && !company && !/\s/.test(value) ? texts[next + 1] : undefined;
              if (fuller && fuller.text.toLowerCase().startsWith(`${value.toLowerCase()} `) && parseNameValue(fuller.text) === fuller.text) {
                value = fuller.text;
                element = fuller.element;
                consumed.add(next + 1);
              }
            }
          }
        }
        return value ? { value, element } : undefined;
      };
      let field = info.field;
      let found = read(field);
      // "Contact: Harbour Lights Ltd": an address label that names someone names the customer, below a customer label.
      // Not "Contact person" or "Kontakt aufnehmen": the label runs on in lower case, a name would not.
      if (!found && field === 'email' && CONTACT_LABELS.has(item.text.slice(label.start, label.end).toLowerCase()) && !/^\s*\p{Ll}/u.test(rest)) {
        field = 'customer';
        rank = -1;
        found = read(field);
      }
      if (!found) {
        if (field === 'customer' && alone && !nameOnly) customerHeading = index;
        // "2. rykker for faktura 1024", "Payment reminder for invoice INV-12": a reminder of the invoice whose number follows.
        if (info.kind === 'reminder' && item.text.length <= MAX_FIELD_TEXT && labels.slice(labelIndex + 1).some((l) => l.info.kind === 'invoice')) ordinalKind = 'reminder';
        continue;
      }
      if (field === 'customer' && !nameOnly) customerHeading = undefined;
      if (isReminderOrdinal(info, found.value) && labels.slice(labelIndex + 1).some((l) => l.info.field === 'number')) {
        ordinalKind = info.kind;
        continue;
      }
      // "Purring nr. 2" as a field of its own, "Mahnung – 2. Mahnstufe" (an ordinal) as a heading: which
      // reminder it is, not its number (that has a field of its own). "Purring 12" heading a page is its number.
      if (isReminderOrdinal(info, found.value) && (rank === 0 || /^\P{N}*\d{1,2}\.(?:\s|$)/u.test(rest))) continue;
      const kind = ordinalKind ?? info.kind;
      for (const language of info.languages) votes.set(language, (votes.get(language) ?? 0) + 1);
      const order = field === 'number' && kind === 'order-confirmation' && namesOrderItself(item.text.slice(label.start, label.end));
      const contact = field === 'email' && CONTACT_LABELS.has(item.text.slice(label.start, label.end).toLowerCase());
      const bill = field === 'number' && item.text.slice(label.start, label.end).toLowerCase() === 'bill';
      const fieldHits = (hits[field] ??= []);
      // "Podmiot: STOLBUD", then "Podmiot: STOLBUD Sp. z o.o.": the record's acronym, then its full name, which starts with it.
      const acronym = field === 'customer' ? fieldHits[fieldHits.length - 1] : undefined;
      if (acronym && acronym.index === index - 1 && !/\s/.test(acronym.value) && found.value.toLowerCase().startsWith(`${acronym.value.toLowerCase()} `)) fieldHits.pop();
      fieldHits.push({
        value: found.value,
        index,
        element: found.element,
        languages: info.languages,
        rank,
        ...(kind ? { kind } : {}),
        ...(generic ? { generic } : {}),
        ...(bare ? { bare } : {}),
        ...(order ? { order } : {}),
        ...(ownOrganisation ? { ownOrganisation } : {}),
        ...(contact ? { contact } : {}),
        ...(bill ? { bill } : {}),
      });
      if (stopAtTitleNumber && field === 'number' && !generic && rank === TITLE_RANK) {
        stopped = true;
        break;
      }
    }
  });
  return { hits, votes, texts, ...(stopped ? { stopped } : {}), ...(typeKind ? { typeKind } : {}) };
}

/** A form control's label that names the document's type, before its value ("Typ: Rechnung", "Tipo documento: Fattura", an ERP's "Transaction Class: Invoice"). */
const TYPE_FIELD =
  /^(?:typ|type|doc(?:ument)?\.?\s*type|(?:transaction|document)\s+(?:class|type)|dokumenttyp|dokumenttype|documenttype|belegart|belegtyp|vorgangsart|tipo(?:\s+(?:de\s+)?documento)?|type de (?:document|pièce)|tyyppi|asiakirjan tyyppi|soort|documentsoort|rodzaj(?:\s+dokumentu)?|typ dokumentu|gerð)\s*:\s*/i;

/** A type field's label alone in its cell ("Transaction Class", "Belegart:"), its value in the next. */
function isTypeLabel(text: string): boolean {
  return text.length <= MAX_KIND_CELL && TYPE_FIELD.test(`${text.replace(/[\s:]+$/, '')}: `);
}

/** Selects looked at for a form's type field: a record's form has few, and the type is among the first. */
const MAX_TYPE_SELECTS = 12;

/**
 * An ERP form that names its kind only in a type field's select ("Type: Credit Memo", "Vorgangsart:
 * Rechnung"), under a screen title that is its module's ("Invoices and Memos"): the chosen option, where
 * the select's label is a type field's. A tag list, read only when the title, headings, tabs and
 * address named nothing.
 */
function typeSelectKind(document: Document): DocumentKind | undefined {
  const selects = document.getElementsByTagName('select');
  for (let i = 0; i < selects.length && i < MAX_TYPE_SELECTS; i++) {
    const value = controlValue(selects[i]!);
    const label = value && value.length <= MAX_KIND_CELL ? controlLabel(selects[i]!) : undefined;
    const kind = label ? typeFieldKind(`${label.text.replace(/[\s:]+$/, '')}: ${value}`) : undefined;
    if (kind) return kind;
  }
  return undefined;
}

/** The kind a type field's value names, where the value is a kind's word alone. */
function typeFieldKind(text: string): DocumentKind | undefined {
  const value = text.replace(TYPE_FIELD, '');
  const label = findLabels(value)[0];
  return label && label.start === 0 && label.end === value.length && label.info.field === 'number' ? label.info.kind : undefined;
}

/** A customer's short code in capitals ("MEBLE-OLEK", "KOWALSKI"), as ERPs key their contractors: no spaces, no small letters. */
const CUSTOMER_CODE = /^[\p{Lu}\d][\p{Lu}\d\-_.&]{1,23}$/u;

/**
 * The customer's name where its label gave its code: "Kontrahent: MEBLE-OLEK" above "Nazwa: Meble Olek Sp. z o.o.".
 * Another customer field whose name holds the code's letters spells it out.
 */
function spelledOut(hit: FieldHit | undefined, hits: readonly FieldHit[] | undefined): FieldHit | undefined {
  if (!hit || !CUSTOMER_CODE.test(hit.value)) return hit;
  const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}]/gu, '');
  const code = letters(hit.value);
  if (code.length < 3) return hit;
  return hits?.find((other) => other !== hit && /\p{Ll}/u.test(other.value) && letters(other.value).includes(code)) ?? hit;
}

/** A person's name: two or three capitalised words ("Adam Nowak", "Tom Hale"). */
const PERSON_NAME = /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}$/u;

/**
 * A CRM's customer field that names the contact person ("Klient: Adam Nowak") with a company field right after it
 * ("Firma: Budmax Sp. z o.o.", named by its legal form): the document goes to the company, the person is its contact.
 */
function companyOfContact(hit: FieldHit | undefined, hits: readonly FieldHit[] | undefined): FieldHit | undefined {
  if (!hit || hit.rank < 0 || !PERSON_NAME.test(hit.value)) return hit;
  const company = hits?.find((other) => other.rank < 0 && other.index > hit.index && other.index - hit.index <= CUSTOMER_NEIGHBOURHOOD && COMPANY_NAME.test(other.value));
  return company ?? hit;
}

/** The best hit: highest rank, and among equals the first (numbers) or the last (amounts: the grand total comes last). */
function bestHit(hits: FieldHit[] | undefined, preferLast = false): FieldHit | undefined {
  let best: FieldHit | undefined;
  for (const hit of hits ?? []) {
    if (!best || hit.rank > best.rank || (preferLast && hit.rank === best.rank)) best = hit;
  }
  return best;
}

/**
 * The page's language: its `lang`, else the one its labels and its letters vote for (a Polish page
 * without `lang` says "Faktura" like a Danish one, but writes "Nabywca" and "zł").
 */
function pageLanguage(document: Document, values: LabelledValues, numberHit: FieldHit | undefined): PageLanguage | undefined {
  const tagged = pageLanguageOfTag(document.documentElement.getAttribute('lang') ?? '');
  if (tagged) return tagged;
  // Labels count double: a word says more than a letter.
  const votes = new Map([...values.votes].map(([language, count]) => [language, count * 2] as const));
  letterVotes(
    values.texts.slice(0, MAX_LANGUAGE_TEXTS).map((t) => t.text),
    votes,
  );
  const candidates = numberHit?.languages.length ? numberHit.languages : [...votes.keys()];
  return mostVoted(candidates, votes);
}

/**
 * The kind of document the page says it shows, in its title and headings, else its active tab or
 * breadcrumb: the cheap first test of a page without PDF links (a few elements, not the whole tree),
 * and what makes "Number" alone the document's number. Read lazily, and the tabs only when the
 * headings said nothing: tag lists are cheaper than attribute selectors.
 */
function kindSignalReader(document: Document, url: URL): () => DocumentKind | undefined {
  let read = false;
  let signal: DocumentKind | undefined;
  return () => {
    if (read) return signal;
    read = true;
    signal = headingKindSignal(document, true) ?? tabKindSignal(document) ?? addressKindSignal(url) ?? typeSelectKind(document);
    return signal;
  };
}

/** Segments of an address looked at for a record of a kind of document. */
const MAX_ADDRESS_SEGMENTS = 12;

/**
 * A record's address names its kind, then its id: `/invoices/412`, `#/invoice/1042`, Tryton's
 * `#erp/model/account.invoice/412`, `/orders/5512334410`, Odoo's `/odoo/customer-invoices/42`; or its host does, the path holding the
 * record (a hosted invoice page's `invoice.stripe.com/i/acct_…/live_…`). Enough to read the page (an app whose
 * screens say "Number" and "Party" but never "Invoice"), and the kind where nothing else names it; a
 * list's address (`/invoices`) has no id after the kind.
 */
function addressKindSignal(url: URL): DocumentKind | undefined {
  // A host of the documents themselves ("invoice.stripe.com/i/acct_…/live_…"), with a record in the path.
  if (/\d/.test(url.pathname)) {
    for (const part of url.hostname.split('.').slice(0, -2)) {
      const kind = KIND_PLURALS.get(part) ?? labelInfo(part)?.kind;
      if (kind) return kind;
    }
  }
  const parts = decodedUri(`${url.pathname}${url.hash}`)
    .toLowerCase()
    .split(/[/#.?=&_-]+/);
  for (let i = 0; i + 1 < parts.length && i < MAX_ADDRESS_SEGMENTS; i++) {
    // The record's id right after the kind, or after a view's name ("#Quote/view/6571…", "/invoice/read/65f0…").
    const id = RECORD_VIEW.test(parts[i + 1]!) ? parts[i + 2] : parts[i + 1];
    if (!id || !/\d/.test(id) || !parts[i]) continue;
    const kind = KIND_PLURALS.get(parts[i]!) ?? labelInfo(parts[i]!)?.kind;
    if (kind) return kind;
  }
  return segmentKindSignal(url) ?? queryKindSignal(url);
}

/**
 * Whole segments of the path, where the record's id is a code of several parts (Frappe's
 * `/app/quotation/SAL-QTN-2026-00012`, `/app/sales-invoice/ACC-SINV-2026-00012`): the kind's segment
 * (hyphens joining its words), then a segment with a digit.
 */
function segmentKindSignal(url: URL): DocumentKind | undefined {
  const segments = decodedUri(url.pathname).toLowerCase().split('/');
  for (let i = 0; i + 1 < segments.length && i < MAX_ADDRESS_SEGMENTS; i++) {
    if (!segments[i] || !/\d/.test(segments[i + 1]!)) continue;
    const kind = KIND_PLURALS.get(segments[i]!) ?? labelInfo(segments[i]!)?.kind;
    if (kind) return kind;
  }
  return undefined;
}

/** A view of one record between its kind and its id in a route: Backbone's `#Quote/view/…`, React apps' `/invoice/read/…`. */
const RECORD_VIEW = /^(?:view|show|detail|details|read|display|card|record)$/;

/** Query parameters looked at for a record of a kind of document. */
const MAX_QUERY_PARAMETERS = 8;
/** A parameter that holds a record's id: `id`, `record`, `recordId`, `invoice_id`, `nr`. */
const ID_PARAMETER = /(?:^|[_-])(?:id|record|recordid|uid|nr|no)$|[a-z]id$/i;

/**
 * A record's address in its query: Dynamics' `main.aspx?etn=quote&id=…`, vtiger's
 * `index.php?module=Invoice&record=12`, `print.php?invoice=412`. A kind's word as a parameter's value
 * beside an id, or as a parameter's name with an id as its value.
 */
function queryKindSignal(url: URL): DocumentKind | undefined {
  if (!url.search || !/\d/.test(url.search)) return undefined;
  const parameters = [...url.searchParams].slice(0, MAX_QUERY_PARAMETERS);
  const hasId = parameters.some(([key, value]) => ID_PARAMETER.test(key) && /\d/.test(value));
  // A server page named for the kind, the record in its query: `Invoice.aspx?nr=2026041`, `invoice.php?id=12`.
  const page = hasId ? /\/([a-z]{3,24})\.(?:aspx?|php|jsp|cfm|do)$/i.exec(url.pathname)?.[1]?.toLowerCase() : undefined;
  const pageKind = page && labelInfo(page)?.kind;
  if (pageKind) return pageKind;
  for (const [key, value] of parameters) {
    const word = value.toLowerCase();
    const valueKind = hasId && /^\p{L}{3,24}$/u.test(word) ? (KIND_PLURALS.get(word) ?? labelInfo(word)?.kind) : undefined;
    if (valueKind) return valueKind;
    const name = key.toLowerCase().split(/[_-]/)[0] ?? '';
    const keyKind = /\d/.test(value) && /^\p{L}{3,24}$/u.test(name) ? (KIND_PLURALS.get(name) ?? labelInfo(name)?.kind) : undefined;
    if (keyKind) return keyKind;
  }
  return undefined;
}

/**
 * With the document's `number`, a title that does not name it comes after the headings: it may be the
 * app's name alone, and some apps are named for a kind ("Invoice Ninja" over its "Edit Credit"); a
 * title that names the number ("Invoice INV-0042 | Acme") says the kind before any heading (a side
 * card's "Order summary"). With `plurals`, a module's name in the window title ("Website redesign » Invoices » SuiteCRM") counts
 * too: enough to read the page, not to name its kind. Only in the title: a heading or a menu entry
 * "Invoices" is mostly a list's, and a list without PDFs is not worth reading.
 */
function headingKindSignal(document: Document, plurals = false, number?: string): DocumentKind | undefined {
  const title = document.title.slice(0, 120);
  const titleFirst = number === undefined || title.includes(number);
  const titleKind = titleFirst ? kindIn(title, plurals) : undefined;
  if (titleKind) return titleKind;
  for (const tag of ['h1', 'h2', 'h3']) {
    const headings = document.getElementsByTagName(tag);
    for (let i = 0; i < headings.length && i < MAX_KIND_ELEMENTS; i++) {
      const kind = kindIn(collapse(headings[i]!.textContent ?? '').slice(0, 120), false) ?? kindIn(collapse(headingKicker(headings[i]!) ?? ''), false);
      if (kind) return kind;
    }
  }
  const barKind = appBarKind(document);
  if (barKind) return barKind;
  return titleFirst ? undefined : kindIn(title, plurals);
}

/**
 * The kind an app bar's title names ("‹ Factura ⋮"), on a page without an `<h1>` or `<h2>`: a
 * phone-width layout's heading, before a title that may be the app's name ("STEL Order"). Its
 * children only, and not its links or buttons ("‹ Facturas" goes back to the list). The page's first
 * `<header>`: a tag list, cheap on every page the first test lets through, where a selector of
 * classes would search the whole tree of a page that has none.
 */
function appBarKind(document: Document): DocumentKind | undefined {
  if (document.getElementsByTagName('h1')[0] !== undefined || document.getElementsByTagName('h2')[0] !== undefined) return undefined;
  const bar = document.getElementsByTagName('header')[0];
  if (!bar) return windowTitleKind(document);
  for (let i = 0; i < bar.children.length && i < MAX_KIND_ELEMENTS; i++) {
    const child = bar.children[i]!;
    if (/^(?:A|BUTTON)$/.test(child.tagName) || CLICKABLE_ROLES.has(child.getAttribute('role') ?? '')) continue;
    const kind = kindIn(collapse(child.textContent ?? '').slice(0, 120), false);
    if (kind) return kind;
  }
  return windowTitleKind(document);
}

/**
 * The kind a web client's window title names ("Conferma d'ordine cliente", "Faktura sprzedaży", "Kundfaktura" in a
 * `<div class="window-caption">`), on a page without an `<h1>` or `<h2>`: desktop-style ERP clients title their
 * forms so. The first element whose class says title or caption (WINDOW_TITLE_SELECTOR, shared with the first test).
 */
function windowTitleKind(document: Document): DocumentKind | undefined {
  const title = document.body?.querySelector(WINDOW_TITLE_SELECTOR);
  return title ? kindIn(collapse(title.textContent ?? '').slice(0, 120), false) : undefined;
}

function tabKindSignal(document: Document): DocumentKind | undefined {
  const elements = document.body?.querySelectorAll(KIND_SIGNAL_SELECTOR) ?? [];
  for (let i = 0; i < elements.length && i < MAX_KIND_ELEMENTS; i++) {
    const kind = kindIn(collapse(elements[i]!.textContent ?? '').slice(0, 120), false);
    if (kind) return kind;
  }
  return undefined;
}

function kindIn(text: string, plurals: boolean): DocumentKind | undefined {
  for (const label of findLabels(text)) if (label.info.kind) return label.info.kind;
  if (!plurals) return undefined;
  // "Website redesign » Invoices » SuiteCRM": the module's name, in the plural.
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const kind = KIND_PLURALS.get(word);
    if (kind) return kind;
  }
  return undefined;
}

function isInPageChrome(element: Element): boolean {
  const chrome = chromeAround(element, CHROME_SELECTOR);
  return chrome !== null && !isCustomerPanel(chrome) && !isDrawer(chrome);
}

/**
 * The closest of the app's chrome around an element, never the page's `<body>` or `<html>`: a layout's class there
 * (AdminLTE's `sidebar-mini`, `layout-sidebar`, `has-navbar`) says how the app lays out, not that all of it is a menu.
 */
function chromeAround(element: Element, selector: string): Element | null {
  const chrome = element.closest(selector);
  return chrome === element.ownerDocument.body || chrome === element.ownerDocument.documentElement ? null : chrome;
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

/** The app's chrome but a side panel: a customer panel inside a header, menu or sidebar stays the app's. */
const CHROME_OUTSIDE_ASIDE = CHROME_SELECTOR.replace('aside, ', '');

/**
 * A record page's side panel about the customer ("Debiteur", "Kunde", "Customer" as its heading, then
 * the name and the address; or the customer's company as its heading, with its e-mail; or a CRM's
 * contact sidebar, headed by a link to the contact's record, with its e-mail): the document's, not the
 * app's, though an `<aside>`.
 */
function isCustomerPanel(chrome: Element): boolean {
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
function inCustomerPanel(element: Element): boolean {
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
/** The row of a table cell that has a cell after it (a label beside its value), else null. */
function rowWithValueCell(element: Element): Element | null {
  const cell = element.closest('td, th');
  return cell?.nextElementSibling ? cell.closest('tr') : null;
}

/** Texts looked at for the page's first heading: it comes early. */
const MAX_HEADING_TEXTS = 80;

/**
 * The page's first main heading, where it is a company's name by its legal form ("Kotileipomo
 * Virtanen Oy", "Greenleaf Landscaping LLC"): a record screen titled by its customer, the kind and
 * number below. Read from the texts already collected, no walk of its own.
 */
function headingCompany(texts: readonly TextItem[]): string | undefined {
  for (let i = 0; i < texts.length && i < MAX_HEADING_TEXTS; i++) {
    const { text, element } = texts[i]!;
    if (element.tagName !== 'H1' && element.tagName !== 'H2') continue;
    if (isInPageChrome(element)) continue;
    const own = collapse(element.textContent ?? '');
    const company = own === text && own.length <= MAX_COMPANY_LINE && !/\d/.test(own) && COMPANY_NAME.test(own) && findLabels(own).length === 0;
    return company && parseNameValue(own) === own ? own : undefined;
  }
  return undefined;
}

function panelCustomer(root: Element): string | undefined {
  for (const panel of root.getElementsByTagName('aside')) {
    if (chromeAround(panel, CHROME_OUTSIDE_ASIDE) !== null) continue;
    const heading = panel.querySelector(HEADING_SELECTOR);
    const text = heading && collapse(heading.textContent ?? '');
    if (text && findLabels(text).length === 0) return panelCompany(panel, text);
  }
  return undefined;
}

function mailtoAddress(link: Element): string | undefined {
  const address = decodedUri((link.getAttribute('href') ?? '').slice(7).split('?')[0] ?? '');
  return findEmail(address) === address ? address : undefined;
}

/**
 * A discussion beside the record: Odoo's chatter, a comments or messages thread, a log or feed of
 * messages, and the record's followers (the app's users, "Follower: Mitchell Admin (admin@…)"). Its messages quote
 * whatever addresses people wrote ("questions to boekhouding@…").
 */
const THREAD_SELECTOR = '[role="log"], [role="feed"], [class*="chatter" i], [class*="comments" i], [class*="message-thread" i], [class*="mail-thread" i], [class*="followers" i]';

/** Every address in a text, in order. */
const EVERY_EMAIL = new RegExp(EMAIL_PATTERN.source, `${EMAIL_PATTERN.flags.replace('g', '')}g`);

/** Addresses on the page, best first: the customer's (labelled, near the customer's name) before the app's own. */
/** A PEC address's domain: `pec.it`, `pec.example.it`, `legalmail.it`, `postacert.…`. */
const CERTIFIED_MAILBOX = /@(?:[\w-]+\.)*(?:pec|legalmail|postacert|arubapec|cert)\.[\w.-]+$/i;

function rankRecipients(root: Element, values: LabelledValues, base?: URL): string[] {
  // `shown`: seen in the document itself or under a label, not only in the app's header, footer or menus.
  const scores = new Map<string, { address: string; score: number; order: number; shown: boolean }>();
  const add = (address: string, score: number, shown: boolean) => {
    const key = address.toLowerCase();
    const entry = scores.get(key) ?? { address, score: 0, order: scores.size, shown: false };
    entry.score += score;
    entry.shown ||= shown;
    scores.set(key, entry);
  };
  const customerHit = bestHit(values.hits.customer);
  const customerIndex = customerHit?.index;
  const nearCustomer = (index: number) => customerIndex !== undefined && index > customerIndex && index - customerIndex <= CUSTOMER_NEIGHBOURHOOD;
  // The cell that holds the customer's name holds its address too ("Vendeur | Acheteur" over two cells of name, street and address).
  const customerCell = customerHit?.element.closest('td, dd, address');
  const inCustomerCell = (element: Element) => customerCell?.contains(element) === true;
  // A labelled address in a table cell or a definition list is a field of the document: it beats any
  // other; under the customer's label, it is the customer's (the seller's, further on, is not). A
  // contact's ("Site contact: Priya Nair – priya@…", "Kontakt:" under a delivery address) is a person's:
  // it comes after an address of the customer's block above it and after an address with a label of
  // its own ("Factuur e-mail"); the only address under the customer's label, it is the customer's.
  const otherLabelled = values.hits.email?.some((hit) => !hit.contact && !isInPageChrome(hit.element)) === true;
  for (const hit of values.hits.email ?? []) {
    // "Ihr Ansprechpartner: Jens Brandt, j.brandt@…" in a letter's info block: the seller's person, never whom to send to.
    if (OUR_REFERENCE.test(values.texts[hit.index]?.text ?? '') || afterSellerLabel(values.texts, hit.index)) {
      add(hit.value, -2, false);
      continue;
    }
    const chrome = isInPageChrome(hit.element);
    const labelled = (chrome ? 1 : hit.element.closest('td, dd') ? 4 : 3) + (nearCustomer(hit.index) ? 2 : 0);
    // "Kontakt: support@…" in the app's help box or menu: labelled, but the app's, never alone (as below).
    add(hit.value, hit.contact && (otherLabelled || customerAddressBefore(values.texts, customerIndex, hit.index)) ? -1 : labelled, !chrome || nearCustomer(hit.index));
  }
  const mailtos = root.querySelectorAll('a[href^="mailto:" i]');
  for (let i = 0; i < mailtos.length && i < MAX_MAILTO; i++) {
    const address = mailtoAddress(mailtos[i]!);
    const chrome = address !== undefined && (isInPageChrome(mailtos[i]!) || mailtos[i]!.closest(THREAD_SELECTOR) !== null);
    if (address) add(address, chrome ? 0 : 2, !chrome);
  }
  for (const input of root.querySelectorAll<HTMLInputElement>('input[type="email"], input[name*="mail" i], input[id*="mail" i]')) {
    const address = findEmail(input.value ?? '');
    if (address) add(address, 3, true);
  }
  values.texts.forEach((item, index) => {
    const address = item.text.includes('@') ? EMAIL_PATTERN.exec(item.text)?.[0] : undefined;
    if (!address) return;
    // In a discussion beside the record, an address is whoever a person wrote about; the customer's
    // only where the customer's name stands before it ("Followers: Lumen Lighting Inc. <accounts@…>").
    if (item.element.closest(THREAD_SELECTOR)) {
      let from = 0;
      for (const match of item.text.matchAll(EVERY_EMAIL)) {
        const named = customerHit !== undefined && item.text.slice(from, match.index).includes(customerHit.value);
        add(match[0], named ? 3 : 0, named);
        from = match.index + match[0].length;
      }
      return;
    }
    const chrome = isInPageChrome(item.element);
    // An address in plain text above the customer's label is the seller's letterhead: like the app's own, never alone
    // (but for a side panel about the customer, which a page may put first: a CRM's contact sidebar).
    const letterhead = customerIndex !== undefined && index < customerIndex && !inCustomerPanel(item.element);
    // Under the seller's label or the seller's reference ("Myyjä", "Vår referens"), it is the seller's staff's, after the customer's.
    const seller = afterSellerLabel(values.texts, index);
    // The "To" field of the app's own send dialog ("Aan", "An", "Para"), prefilled: whom the app sends the document to, wherever it stands.
    if (isRecipientField(item) || namesSendTarget(values.texts, index)) return add(address, 6, !chrome);
    // Where no label names the customer, a block that prints a company's registration number beside the address is the seller's letterhead.
    const registered = customerIndex === undefined && isRegisteredBlock(item.element);
    // A print sheet's letterhead, its phone beside the address, over the heading that names the document ("INVOICE"): the seller's, never alone.
    const sheetHead = customerIndex === undefined && letterheadOverKind(values.texts, index);
    add(
      address,
      (chrome ? 0 : 1) + (nearCustomer(index) && !seller ? 2 : 0) + (inCustomerCell(item.element) ? 2 : 0) - (seller || registered || sheetHead ? 2 : 0),
      !chrome && !letterhead && !seller && !sheetHead,
    );
  });
  if (base) for (const entry of scores.values()) if (isSiteAddress(entry.address, base)) entry.score -= 10;
  // An Italian certified mailbox (PEC) takes the e-invoicing system's mail and often refuses any other: the ordinary address first.
  for (const entry of scores.values()) if (CERTIFIED_MAILBOX.test(entry.address)) entry.score -= 3;
  // An address only in the app's header, footer or menus (its support or no-reply address) comes after
  // every address of the document, and never alone: a page that shows none leaves the field empty (and
  // the panel free to suggest the customer's remembered address) rather than filled with the app's.
  const entries = [...scores.values()];
  if (!entries.some((e) => e.shown)) return [];
  return entries.sort((a, b) => Number(b.shown) - Number(a.shown) || b.score - a.score || a.order - b.order).map((e) => e.address);
}

/**
 * The label of a send dialog's "To" field, in the languages we read ("To", "An", "Aan", "Para", "Till",
 * "Do", "À", "Vastaanottaja", "Empfänger"), as a control's label: a composer's, prefilled by the app.
 */
const RECIPIENT_FIELD =
  /^(?:to|an|aan|para|till|til|do|à|a|per|vastaanottaja|empfänger|mottagare|mottaker|modtager|viðtakandi|odbiorca|destinatario|destinataire|destinatário|recipients?)\s*:\s*\S+@\S+$/i;

/** "to orders@…" right after a send button or link ("Send Invoice", "E-mail"): whom the app sends the document to. */
const SEND_TARGET = /^(?:to|an|aan|para|till|til|do|à|a|per)\s+[^\s@]+@\S+$/i;

function namesSendTarget(texts: readonly TextItem[], index: number): boolean {
  const before = texts[index - 1];
  return before !== undefined && SEND_TARGET.test(texts[index]!.text) && isClickableText(before.element) && looksLikeAction(before.text, '');
}

/** A form control's value read with a send dialog's "To" label ("Aan: administratie@…"): control-values.ts's texts stand for their control. */
function isRecipientField(item: TextItem): boolean {
  return item.node === item.element && /^(?:INPUT|TEXTAREA)$/.test(item.element.tagName) && RECIPIENT_FIELD.test(item.text);
}

/**
 * A company's registration number, as a seller's letterhead prints it beside its name ("CVR 38123456",
 * "Org.nr. 912 345 678", "UID ATU12345678", "SIRET 812 345 678 00019", "P.IVA 01234567890",
 * "Y-tunnus 2345678-9", "KvK 12345678", "kt. 540312-1230").
 */
const REGISTRATION_NUMBER = /\b(?:cvr|org\.?\s?nr|uid|siret|siren|p\.?\s?iva|y-tunnus|kvk|kt\.)\.?:?\s?[A-Z]{0,3}\d[\d -]{5,}/i;

/** Levels above an address looked at for the block it stands in, and how long that block may be. */
const LETTERHEAD_DEPTH = 2;
const MAX_LETTERHEAD_TEXT = 300;

/** Does the small block around an address print a company's registration number ("Hansen Grafisk IVS · CVR 38123456 / … / mail@…")? */
function isRegisteredBlock(element: Element): boolean {
  for (let e: Element | null = element, depth = 0; e && depth <= LETTERHEAD_DEPTH; e = e.parentElement, depth++) {
    const text = e.textContent ?? '';
    if (text.length > MAX_LETTERHEAD_TEXT) return false;
    if (REGISTRATION_NUMBER.test(text)) return true;
  }
  return false;
}

/** A phone number as a letterhead prints it: "01904 555 210", "(802) 555-0177", "+45 70 20 30 40". */
const PHONE_NUMBER = /(?:^|[\s·|,:(])(?:\+\d{1,3}[\s.-]?)?\(?\d{2,5}\)?[\s.-]\d{2,4}[\s.-]?\d{2,4}(?:$|[\s·|,)])/;
/** Texts after a letterhead looked at for the heading that names the document. */
const LETTERHEAD_TO_TITLE = 4;

/** Is the text at `index` in a small block with a phone number, followed closely by a heading that names the kind of document ("INVOICE", "Tax Invoice")? */
function letterheadOverKind(texts: readonly TextItem[], index: number): boolean {
  let block: Element | undefined;
  for (let e: Element | null = texts[index]!.element, depth = 0; e && depth <= LETTERHEAD_DEPTH; e = e.parentElement, depth++) {
    const text = e.textContent ?? '';
    if (text.length > MAX_LETTERHEAD_TEXT) break;
    if (PHONE_NUMBER.test(text)) block = e;
  }
  if (!block) return false;
  for (let next = index + 1; next < texts.length && next <= index + LETTERHEAD_TO_TITLE; next++) {
    const item = texts[next]!;
    if (block.contains(item.element)) continue;
    return headingRank(item.element) > 0 && findLabels(item.text).some((label) => label.info.field === 'number' && label.info.kind !== undefined);
  }
  return false;
}

/** Is there an address between the customer's label and the text at `index`, in the customer's neighbourhood? */
function customerAddressBefore(texts: readonly TextItem[], customerIndex: number | undefined, index: number): boolean {
  if (customerIndex === undefined || index <= customerIndex) return false;
  for (let i = customerIndex + 1; i < index && i <= customerIndex + CUSTOMER_NEIGHBOURHOOD; i++) if (texts[i]!.text.includes('@') && EMAIL_PATTERN.test(texts[i]!.text)) return true;
  return false;
}

/**
 * The seller's own reference person, in the languages we read: "Our reference", "Vår referens", "Unser Zeichen", "Notre référence";
 * and the letter's "Ihr Ansprechpartner", "Your contact", "Uw contactpersoon", "Votre interlocuteur": the seller's person for the customer.
 */
const OUR_REFERENCE =
  /^(?:our (?:reference|ref\.?|contact)|your contact(?: person)?|ihre? ansprechpartner(?:in)?|ihr kontakt|sachbearbeiter(?:in)?|uw contactpersoon|votre (?:contact|interlocuteur)|il vostro referente|su contacto|salesperson|sales rep|account manager|vår referens|vores reference|vår referanse|vår ref\.?|vores ref\.?|tilvísun okkar|unsere referenz|unser zeichen|meidän viite|viitteemme|onze referentie|onze ref\.?|notre référence|notre réf\.?|nuestra referencia|nostro riferimento|nossa referência|nasza referencja)\s*:?$/iu;

/** A text one or two texts after the seller's label or reference (its name, then its address; or its address). */
function afterSellerLabel(texts: readonly TextItem[], index: number): boolean {
  for (let i = index - 1; i >= 0 && i >= index - 2; i--) {
    const text = texts[i]!.text;
    if (text.length <= 30 && (SELLER_LABEL.test(text) || OUR_REFERENCE.test(text))) return true;
  }
  return false;
}

interface PdfLink {
  url: string;
  name?: string;
  /** The link says it is a PDF (.pdf, a PDF type, "PDF" in its text); otherwise it is only a candidate to probe. */
  confirmed: boolean;
  score: number;
  element: Element;
  /**
   * A PDF on another host (a hosted invoice page's "Download invoice" on the payment host): not the
   * page's to fetch, but it tells that the page shows a document, as a heading naming one would.
   */
  offsite?: boolean;
}

/**
 * PDFs that are no document's: terms and conditions, a privacy policy, a manual or guide, a brochure or
 * price list ("Terms (PDF)" under an invoice-financing offer), by a link's text or address.
 */
const OTHER_PAPER =
  /(?:^|[^\p{L}])(?:terms|conditions|privacy|manual|handbook|guide|brochure|catalog(?:ue)?|price ?list|datasheet|agb|datenschutz|handbuch|anleitung|preisliste|cgv|cgu|villkor|integritetspolicy|vilkår|personvern|ehdot|tietosuoja|voorwaarden|condizioni|condiciones|términos|privacidad|termos|condições|privacidade|regulamin|polityka prywatności|skilmálar)(?![\p{L}])/iu;

/** Files that are no PDF, whatever their link says ("Export revenue (CSV)"). */
const OTHER_FILE = /\.(?:csv|xlsx?|ods|xml|json|zip|txt|ics|vcf|png|jpe?g|gif|svg|docx?|odt)$/i;

function linkText(link: Element): string {
  // An `<input type="button">` says what it does in its value.
  const value = link.tagName === 'INPUT' ? (link.getAttribute('value') ?? '') : '';
  return collapse(`${link.textContent ?? ''} ${value} ${link.getAttribute('title') ?? ''} ${link.getAttribute('aria-label') ?? ''}`).slice(0, 120);
}

/** "PDF" as a word in a link's text ("Download PDF", "PDF-Datei"), not inside another word. */
const PDF_WORD = /(?:^|[^a-z])pdf(?:$|[^a-z])/i;

/**
 * Buttons that open a PDF route by script rather than by a link: `window.open('/api/…/pdf')` in their
 * `onclick`, or the route in `data-href` / `data-url` for the app's router; a `<button>`, an
 * `<input type="button">` (server-rendered forms), or a span or div with `role="button"` (React and
 * Bootstrap toolbars). Only those whose route names a PDF, a print or a preview (PRINT_ROUTE, in the
 * languages we read: `/wydruk`, `/imprimir`, `/drucken`): a button's other routes may act when
 * requested. A print or preview route without "pdf" is only a candidate to probe, as a link would be.
 */
const PDF_BUTTON_SELECTOR = ['button', 'input[type="button"]', '[role="button"]'].flatMap((element) => ['onclick', 'data-href', 'data-url'].map((attribute) => `${element}[${attribute}]`)).join(', ');
const PRINT_ROUTE = /pdf|print|preview|druck|wydruk|imprim|stampa|tulost|afdruk|utskrift|udskriv|prent|prindi|ispis/i;
const SCRIPTED_ROUTE = /(?:\bopen|location(?:\.href)?\s*=|location\.assign)\s*\(?\s*(['"])([^'"]+)\1/;

/** The address a link or a PDF button leads to. */
function linkTarget(link: Element): string | null {
  // An anchor without an address that acts as a button (`<a role="button" data-href>`) has its route in its data.
  if (link.tagName === 'A' && link.hasAttribute('href')) {
    const href = link.getAttribute('href')!;
    // `<a href="#" onclick="window.open('/invoices/771019.pdf')">`: the script leads where the address does not.
    const scripted = /^\s*(?:#\s*$|javascript:)/i.test(href) ? SCRIPTED_ROUTE.exec(link.getAttribute('onclick') ?? '')?.[2] : undefined;
    return scripted ?? href;
  }
  const route = link.getAttribute('data-href') ?? link.getAttribute('data-url');
  if (route) return route;
  return SCRIPTED_ROUTE.exec(link.getAttribute('onclick') ?? '')?.[2] ?? null;
}

/**
 * The address of a link, or of a scripted button whose route names a PDF, a print or a preview
 * (PDF_BUTTON_SELECTOR); null for a page's other scripted buttons, which are no candidates.
 */
function candidateTarget(link: Element): string | null {
  const raw = linkTarget(link);
  if (!raw) return null;
  return (link.tagName === 'A' && link.hasAttribute('href')) || PRINT_ROUTE.test(raw) ? raw : null;
}

function rateLink(link: Element, raw: string, base: URL, page: string): PdfLink | undefined {
  if (raw.startsWith('#')) return undefined;
  const text = linkText(link);
  const download = link.getAttribute('download');
  const type = link.getAttribute('type') ?? '';
  // Most links of a page (menus, other records) say nothing of a document: they are dropped before
  // their address is even parsed.
  const mentionsPdf = /pdf/i.test(raw) || /pdf/i.test(text) || /pdf/i.test(type) || download !== null;
  if (!mentionsPdf && !looksLikeDocumentLink(text, raw)) return undefined;
  if (OTHER_PAPER.test(text) || OTHER_PAPER.test(raw)) return undefined;
  const url = sameOriginUrl(raw, base);
  if (!url) return mentionsPdf ? offsitePdf(link, raw, text, base) : undefined;
  if (url.href === page) return undefined;
  const path = url.pathname;
  if (OTHER_FILE.test(path)) return undefined;
  // "Send Invoice" to `/sales/send_pdf/523`: a link whose text and address both name an action mails the PDF, it is none.
  if (looksLikeAction(text, '') && looksLikeAction('', path)) return undefined;
  let score = 0;
  let confirmed = false;
  if (/\.pdf$/i.test(path)) {
    score += 4;
    confirmed = true;
  }
  if (/pdf/i.test(type)) {
    score += 4;
    confirmed = true;
  }
  if (download !== null) score += download.toLowerCase().endsWith('.pdf') ? ((confirmed = true), 4) : 2;
  if (PDF_WORD.test(text)) {
    score += 3;
    confirmed = true;
  }
  if (/(?:^|[/_-])pdf(?:$|[/_.-])|[?&](?:format|type|output)=pdf/i.test(`${path}${url.search}`)) {
    score += 3;
    confirmed = true;
  }
  if (!confirmed) {
    if (looksLikeAction(text, `${path}${url.search}`)) return undefined;
    // A link named by a record's code alone ("AN-2026-0455" in a project's list of documents) opens that record, not a file.
    if (/\d/.test(text) && BARE_NUMBER.test(text)) return undefined;
    // A link up the page's own path (a menu's "Documents" to `/documents` on `/documents/invoice/8c1d77`) leads to its list, not its file.
    if (!url.search && base.pathname.startsWith(`${path.replace(/\/+$/, '')}/`)) return undefined;
    // What the link says and where it leads count apart: "Imprimir" to …/142/print beats a menu's "Vendas" to /commercial_sales_documents.
    if (looksLikeDocumentLink(text, '')) score += 1;
    if (looksLikeDocumentLink('', `${path}${url.search}`)) score += 1;
    // A route under the page's own record (`/documents/142` → `/documents/142/print`) is this document's.
    const record = base.pathname.replace(/\/+$/, '');
    if (score > 0 && /\d/.test(record) && path.startsWith(`${record}/`)) score += 1;
  }
  if (score === 0) return undefined;
  const name = download && download.trim() ? download.trim() : undefined;
  return { url: url.href, ...(name ? { name } : {}), confirmed, score, element: link };
}

/** A link to a PDF on another web host: "Download invoice" to `https://pay.example/invoice/…/pdf`. */
function offsitePdf(link: Element, raw: string, text: string, base: URL): PdfLink | undefined {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || !/(?:^|[/_.-])pdf(?:$|[/_.-])/i.test(url.pathname) || looksLikeAction(text, '')) return undefined;
  return { url: url.href, confirmed: true, score: 0, element: link, offsite: true };
}

/** The first PDF link on another host, when the page's own site offers no PDF: the panel asks to read that host. */
function offsitePdfUrl(pdf: PdfLink | undefined, links: readonly PdfLink[]): { pdfElsewhere?: string } {
  const offsite = pdf ? undefined : links.find((l) => l.offsite);
  return offsite ? { pdfElsewhere: offsite.url } : {};
}

/**
 * PDFs shown in the page itself (a viewer in an iframe, embed or object). A PDF.js viewer names its
 * file in `?file=`; a viewer whose address says neither `.pdf` nor a type, but prints or renders a
 * document, is a candidate to probe, as is any `<embed>` or `<object>` without a type that shows no
 * image or page.
 */
function embeddedPdfs(root: Element, base: URL): PdfLink[] {
  const found: PdfLink[] = [];
  for (const element of root.querySelectorAll('iframe[src], embed[src], object[data]')) {
    let url = sameOriginUrl(element.getAttribute('src') ?? element.getAttribute('data'), base);
    const file = url?.searchParams.get('file');
    if (url && file) url = sameOriginUrl(file, url) ?? url;
    if (!url) continue;
    const type = element.getAttribute('type') ?? '';
    if (/\.pdf$/i.test(url.pathname) || /pdf/i.test(type)) found.push({ url: url.href, confirmed: true, score: 5, element });
    else if (
      /pdf|print|render|download|document|preview|viewer|\/files?\/|\/attachments?\/|\/inline\b/i.test(`${url.pathname}${url.search}`) ||
      // A plug-in's content without a type (`<embed src="/invoices/55012/image">`): browsers have no plug-in left but the PDF viewer.
      (element.tagName !== 'IFRAME' && !type && !OTHER_FILE.test(url.pathname) && !/\.(?:html?|php|aspx?)$/i.test(url.pathname))
    )
      found.push({ url: url.href, confirmed: false, score: 2, element });
  }
  return found;
}

function rateLinks(root: Element, base: URL): PdfLink[] {
  const rated: PdfLink[] = embeddedPdfs(root, base);
  const links = root.querySelectorAll(`a[href], ${PDF_BUTTON_SELECTOR}`);
  const page = base.href.replace(/#.*$/, '');
  const hidden = closedDialogs(root);
  // The bound counts candidates only: an app that puts `onclick` on every row's buttons does not push
  // the PDF's link past it.
  let candidates = 0;
  for (let i = 0; i < links.length && candidates < MAX_LINKS; i++) {
    const raw = candidateTarget(links[i]!);
    if (raw === null || (hidden.size > 0 && isInside(links[i]!, hidden))) continue;
    candidates++;
    const rating = rateLink(links[i]!, raw, base, page);
    if (rating) rated.push(rating);
  }
  return rated.sort((a, b) => Number(b.confirmed) - Number(a.confirmed) || b.score - a.score);
}

function pageAnchor(document: Document, numberHit: FieldHit | undefined): Element | undefined {
  const heading = numberHit?.element.closest(HEADING_SELECTOR);
  if (heading) return heading;
  return document.querySelector('main h1, h1') ?? undefined;
}

/** The text of the number's heading, else of the page's first main heading. */
function mainHeading(document: Document, numberHit: FieldHit | undefined): string {
  const heading = numberHit?.element.closest(HEADING_SELECTOR) ?? document.querySelector('h1');
  return collapse(heading?.textContent ?? '').slice(0, 200);
}

/** A modal dialog that is open: what it shows is over the page, and what the user looks at. */
const OPEN_DIALOG_SELECTOR = '[role="dialog"]:not([aria-hidden="true"]), [aria-modal="true"], dialog[open]';
/** A heading in an open dialog (not a cookie banner's text): one native query, where a document may head the dialog. */
const OPEN_DIALOG_HEADING_SELECTOR = OPEN_DIALOG_SELECTOR.split(', ')
  .flatMap((dialog) => ['h1', 'h2', 'h3'].map((heading) => `${dialog} ${heading}`))
  .join(', ');

/** A calendar date alone ("26/11/2026", "11/26/2026", "26.11.2026", "2026-11-26"). */
function isCalendarDate(value: string): boolean {
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (dmy) {
    const [a, b] = [Number(dmy[1]), Number(dmy[2])];
    return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
  }
  const ymd = /^\d{4}-(\d{2})-(\d{2})$/.exec(value);
  return ymd !== null && Number(ymd[1]) >= 1 && Number(ymd[1]) <= 12 && Number(ymd[2]) >= 1 && Number(ymd[2]) <= 31;
}

/** The document's number: a labelled one, else "Number" alone where the page names the kind of document. */
function documentNumberHit(values: LabelledValues, signal: () => DocumentKind | undefined): FieldHit | undefined {
  const hits = values.hits.number ?? [];
  // A document opened in a dialog over the page ("Rechnung RE-2026-10472" over its order "Auftrag 48211"): the one the user looks at.
  const opened = hits.find((h) => !h.generic && h.rank > 0 && h.kind && h.element.closest(OPEN_DIALOG_SELECTOR));
  if (opened) return opened;
  let labelled = bestHit(hits.filter((h) => !h.generic));
  // Among numbers in the page's fields, the one of the kind its heading names: a credit note's
  // "Gutschriftsnummer" over the "Zu Rechnung" it refers to, whichever comes first.
  if (labelled && labelled.rank === 0 && hits.some((h) => h.kind !== labelled!.kind)) {
    const kind = signal();
    labelled = hits.find((h) => !h.generic && h.rank === 0 && h.kind === kind) ?? labelled;
  }
  // A sales order's record page: "Auftrag 4711" heads it, "Auftragsbestätigung AB-4711" heads the
  // document it sends, whose number is the one to send.
  if (labelled?.order && labelled.rank > 0) labelled = hits.find((h) => !h.generic && h.rank > 0 && h.kind === 'order-confirmation' && !h.order) ?? labelled;
  // "Package#" counts only on a package's page: on an invoice it names the goods shipped, not the invoice.
  const generic = hits.filter((h) => h.generic && !h.bare && (!h.kind || h.kind === signal()));
  // A package slip's "Sales Order# SO-00107" refers to its order; its own "Package# PKG-00031" is its number.
  const ownKind = generic.find((h) => h.kind);
  if (ownKind && labelled && refersToAnotherKind(labelled, signal)) return ownKind;
  // A labelled number in the page's text ("Order # 31") does not beat "Number"/"#12" in its heading.
  if (labelled && (labelled.rank > 0 || !generic.some((h) => h.rank > 0))) return labelled;
  if (generic.length > 0 && signal()) return bestHit(generic);
  // A heading that is only a code is the document's number where nothing labels one.
  return labelled ?? (signal() ? bestHit(hits.filter((h) => h.bare)) : undefined);
}

/**
 * A number in the page's fields (not its heading) labelled with another kind than the page's title,
 * headings, tab or address name: a reference to that other document. Not on a reminder, whose number
 * is the invoice's it reminds of.
 */
function refersToAnotherKind(hit: FieldHit, signal: () => DocumentKind | undefined): boolean {
  if (hit.rank !== 0 || hit.generic || !hit.kind) return false;
  const kind = signal();
  return kind !== undefined && kind !== hit.kind && kind !== 'reminder';
}

/**
 * The kind of document: what the number's own heading says ("Credit note CN-5"), else what the page's
 * title or headings say, else the number's label ("Order number"), else the active tab or breadcrumb.
 */
function documentKind(numberHit: FieldHit | undefined, number: string, document: Document, signal: () => DocumentKind | undefined): DocumentKind | undefined {
  if (numberHit?.kind && numberHit.rank > 0) return numberHit.kind;
  // The tabs are read only when neither the headings nor the number's label name the kind.
  return headingKindSignal(document, false, number) ?? numberHit?.kind ?? signal();
}

/**
 * A document the user received, not one to send: a supplier's invoice to approve ("Leverandørfaktura
 * 88213 fra Kontorland A/S"), which is the user's to pay, or an invoice mail in a web mail client.
 */
function receivedDocument(document: Document, root: HTMLElement, texts: readonly TextItem[], numberHit: FieldHit | undefined, base: URL): boolean {
  if (namesSupplierDocument(document.title) || namesSupplierDocument(mainHeading(document, numberHit)) || isMailReader(texts, root)) return true;
  // Under "bills", or numbered as a "Bill", a page is a document to send only where it names a client and no vendor.
  return (numberHit?.bill === true || isBillsAddress(base)) && isBillToPay(texts);
}

/** A short text that labels a party of a bill: its vendor (one to pay) or its client (one to send, by any customer's label: "Cliente", "Kunde"). */
const BILL_PARTY_LABEL = /^(?:(vendor|supplier|payee)|client|customer|bill(?:ed)? to)(?:\s+(?:name|e-?mail))?\s*:?(?:\s|$)/i;
/** A supplier's label in the other languages we read: a bill under it is one to pay. */
const VENDOR_LABEL = /^(?:lieferant|leverandør|leverantör|toimittaja|leverancier|fournisseur|proveedor|fornitore|fornecedor|dostawca|birgir|seljandi|dodavatel|dodávateľ)\s*:?(?:\s|$)/iu;
/** Texts of a bill looked at for its parties. */
const MAX_BILL_TEXTS = 400;

/**
 * "Bill" is English for an invoice a firm sends its client (Clio, time-billing apps: "Bill #1047",
 * `#/bills/88213`) and for a supplier's bill the user pays (QuickBooks', Xero's, Zoho's "Bills"): a
 * bill that names a vendor, or no client, is one to pay.
 */
function isBillToPay(texts: readonly TextItem[]): boolean {
  let client = false;
  for (let i = 0; i < texts.length && i < MAX_BILL_TEXTS; i++) {
    const text = texts[i]!.text;
    if (text.length > 40) continue;
    const party = BILL_PARTY_LABEL.exec(text);
    if (party?.[1] || VENDOR_LABEL.test(text)) return true;
    if (party || labelAtStart(text)?.info.field === 'customer') client = true;
  }
  return !client;
}

interface ExtractedDocument {
  found: DetectedDocument;
  titled: boolean;
  /** A quick reading's whole document, as extractDocument without `quick` finds it. */
  complete?: () => DetectedDocument;
}

/**
 * With `quick` (a page's first look, issue 18), a page that offers a PDF (or a link that may be it) and
 * names the document's number in its main heading is known to show that document before the rest of
 * its texts is read: the button needs no more. What the panel needs (recipients, customer, amount,
 * due date, kind, language) is read by `complete`, from the same texts, when it is asked for.
 */
function extractDocument(document: Document, root: HTMLElement, links: PdfLink[], signal: () => DocumentKind | undefined, base: URL, quick = false): ExtractedDocument | undefined {
  const pdf = links.find((l) => l.confirmed && !l.offsite);
  const candidates = pdf
    ? []
    : links
        .filter((l) => !l.confirmed && !l.offsite)
        .slice(0, MAX_PROBE_CANDIDATES)
        .map((l) => l.url);
  // A page is a document page when it names a document number and offers its PDF (or a link that may
  // be it), or, without one, when its heading or title names the kind of document and it shows the
  // amount and the customer: the panel then asks for the file (issue 16, item 3). The links and the
  // headings are read first: they are cheaper than every text, and most pages of an app have neither.
  if (!pdf && candidates.length === 0 && !signal() && !links.some((l) => l.offsite)) return undefined;
  const texts = collectPageTexts(root);
  const recordName = addressRecordName(base);
  // A dialog open over the page may hold a document of its own, below the page's heading: the whole page is read.
  const values = readLabelledValues(texts, quick && (pdf !== undefined || candidates.length > 0) && !document.querySelector(OPEN_DIALOG_HEADING_SELECTOR), recordName);
  if (values.stopped) {
    // The number in the main heading: the document's (documentNumberHit returns it), the heading its anchor.
    const numberHit = documentNumberHit(values, typedSignal(signal, values))!;
    if (receivedDocument(document, root, texts, numberHit, base)) return undefined;
    // As the whole reading: a card's summary of a document shown elsewhere is not the page's.
    if (!pdf && isTeaser(numberHit.element, numberHit.value, base)) return undefined;
    const anchor = pageAnchor(document, numberHit);
    let whole: DetectedDocument | undefined;
    const complete = () => (whole ??= documentFrom(document, root, readLabelledValues(texts, false, recordName), links, pdf, candidates, signal, base)!.found);
    const found: DetectedDocument = {
      number: numberHit.value,
      recipients: [],
      ...(pdf ? { pdfUrl: pdf.url, ...(pdf.name ? { pdfName: pdf.name } : {}) } : { pdfCandidates: candidates }),
      ...offsitePdfUrl(pdf, links),
      ...(anchor ? { anchor } : {}),
    };
    return { found, titled: true, complete };
  }
  return documentFrom(document, root, values, links, pdf, candidates, signal, base);
}

/**
 * A viewer's title that is the file's name ("Invoice_INV-7781.pdf"): its words, without the extension
 * ("Invoice INV-7781"), so the label and the number are told apart.
 */
function fileTitle(title: string): string {
  const file = /^([^\s/\\]{1,100})\.pdf$/i.exec(title.trim());
  return file ? file[1]!.replace(/_+/g, ' ') : title;
}

/**
 * The number in the page's title, unless the title is about another document ("Question about invoice
 * INV-2031"). A title that is a code alone is the number (ERPNext's "ACC-SINV-2026-00012"), but not the
 * app's name that holds digits ("enova365", "office365": lower-case letters, then digits).
 */
function titleNumber(title: string): string | undefined {
  const clean = collapse(fileTitle(title)).slice(0, 200);
  const labels = findLabels(clean);
  if (labels.some((label) => label.info.field === 'number' && namesAnotherDocument(clean, label.start))) return undefined;
  const number = parseDocumentNumber(clean);
  return number && /^\p{Ll}+\d+$/u.test(number) && !labels.some((label) => label.info.field === 'number') ? undefined : number;
}

/**
 * A fee or interest added below what is due ("Offener Betrag 1.190,00 € · Mahngebühr 5,00 € ·
 * Gesamtbetrag 1.195,00 €", a reminder's): the total after it is what is to be paid.
 */
const FEE_WORD =
  /(?:fee|fees|charge|interest|gebühr|spesen|zinsen|avgift|ränta|gebyr|rente|renter|maksu|korko|kosten|frais|intérêts|gastos|recargo|intereses|spese|interessi|juros|encargos|opłata|odsetki|gjald|vextir)(?:\s*:)?(?:\s|$)/iu;

/** A panel's caption that says it sums up the customer's account ("Kundestatistik", "Customer Statistics", "Tilastot"). */
const STATISTICS_CAPTION = /statisti|tilasto/i;
/** Levels above an amount looked at for such a panel. */
const STATISTICS_DEPTH = 3;

/**
 * Is the amount in a panel of the customer's statistics beside the document ("Kundestatistik: Saldo (RV) 12.480,00", an
 * ERP's FactBox): that balance is the customer's account's, not what this document asks?
 */
function inStatistics(element: Element): boolean {
  for (let e = element.parentElement, depth = 0; e && depth < STATISTICS_DEPTH; e = e.parentElement, depth++) {
    const caption = e.firstElementChild;
    if (caption && caption !== element && !caption.contains(element) && STATISTICS_CAPTION.test((caption.textContent ?? '').slice(0, 60))) return true;
  }
  return false;
}

/** The amount: the best labelled one (what is due before a plain total), or the total after a fee added to what is due. */
function amountHit(values: LabelledValues): FieldHit | undefined {
  const hits = values.hits.amount?.filter((hit) => !inStatistics(hit.element));
  const best = bestHit(hits, true);
  if (!hits || !best || best.rank === 0) return best;
  const total = hits.filter((hit) => hit.index > best.index && hit.rank === 0).at(-1);
  if (!total) return best;
  for (let i = best.index + 1; i < total.index; i++) if (FEE_WORD.test(values.texts[i]!.text)) return total;
  return best;
}

/** A card of a feed or a list (an article or a list item) holds the summary of a document. */
const TEASER_SELECTOR = 'article, li';
/** The digits that identify a document in its address ("INV-1102" → "1102"). */
const NUMBER_DIGITS = /\d{3,}/g;

/**
 * A document's number in a card that links to that document's own page ("Invoice INV-1102 sent …
 * View invoice" to /invoices/1102 in a dashboard's activity feed), on a page whose address does not
 * name it: the card is a summary of a document shown elsewhere, not this page's document (its link
 * is no PDF to probe but that page). Only a page without a PDF link is asked: one that offers the
 * file shows the document.
 */
function isTeaser(element: Element, number: string, base: URL): boolean {
  const card = element.closest(TEASER_SELECTOR);
  const digits = number.match(NUMBER_DIGITS)?.at(-1);
  if (!card || !digits) return false;
  const page = decodedUri(`${base.pathname}${base.search}${base.hash}`);
  if (page.includes(digits)) return false;
  for (const link of card.querySelectorAll('a[href]')) {
    const url = sameOriginUrl(link.getAttribute('href'), base);
    if (url && decodedUri(`${url.pathname}${url.search}`).includes(digits)) return true;
  }
  return false;
}

/**
 * A number in a row that has its own PDF, among rows with theirs (an expense report's "Hotel – Factura
 * 2026/8812" beside its receipt): that row's document, not the page's.
 */
function isListRow(element: Element, links: readonly PdfLink[]): boolean {
  const row = element.closest('tr, li');
  const rows = row?.parentElement;
  if (!row || !rows) return false;
  const confirmed = links.filter((l) => l.confirmed && rows.contains(l.element));
  return confirmed.some((l) => row.contains(l.element)) && confirmed.some((l) => !row.contains(l.element));
}

/** The page's kind signal, else the kind its form's type field names. */
function typedSignal(signal: () => DocumentKind | undefined, values: LabelledValues): () => DocumentKind | undefined {
  const typeKind = values.typeKind ?? documentTypeCodeKind(values);
  return typeKind ? () => signal() ?? typeKind : signal;
}

/**
 * Portuguese documents are numbered by their type's code, their series and their sequence (SAF-T PT:
 * "FT 2026/318" an invoice, "NC A/12" a credit note, "OR 2026/4" a quote): on a page in Portuguese, a
 * heading that is such a number alone names its kind.
 */
const PT_DOCUMENT_TYPE = /^(FT|FR|FS|ND|NC|OR|PF|FP|GR|GT|NE) [A-Z0-9]{1,12}\/\d{1,10}$/;
const PT_TYPE_KINDS: Readonly<Record<string, DocumentKind>> = {
  FT: 'invoice',
  FR: 'invoice',
  FS: 'invoice',
  ND: 'invoice',
  NC: 'credit-note',
  OR: 'quote',
  PF: 'proforma',
  FP: 'proforma',
  GR: 'delivery-note',
  GT: 'delivery-note',
  NE: 'order-confirmation',
};

/**
 * Polish ERPs (Subiekt, WAPRO, Optima, enova) number a document by its type's symbol, a sequence and
 * a year ("FS 1184/2026" a sales invoice, "KFS 12/2026" its correction, "ZK 88/2026" a customer's
 * order): on a page in Polish, such a number under "Dokument:" or alone in a heading names its kind.
 * Not "FZ", a supplier's invoice.
 */
const PL_DOCUMENT_TYPE = /^(FS|FV|FVS|FSK|KFS|KFV|FK|PF|FPF|ZK|WZ|PA)[ /-]\d{1,10}(?:\/[A-Z0-9]{1,12}){1,3}$/;
const PL_TYPE_KINDS: Readonly<Record<string, DocumentKind>> = {
  FS: 'invoice',
  FV: 'invoice',
  FVS: 'invoice',
  FSK: 'credit-note',
  KFS: 'credit-note',
  KFV: 'credit-note',
  FK: 'credit-note',
  PF: 'proforma',
  FPF: 'proforma',
  ZK: 'order-confirmation',
  WZ: 'delivery-note',
  PA: 'receipt',
};

function documentTypeCodeKind(values: LabelledValues): DocumentKind | undefined {
  const coded = values.hits.number?.find((hit) => hit.generic && (PT_DOCUMENT_TYPE.test(hit.value) || PL_DOCUMENT_TYPE.test(hit.value)));
  if (!coded) return undefined;
  const owner = coded.element.ownerDocument;
  // A frame's document may not say its language: then its labels do.
  const language = pageLanguageOfTag(owner.documentElement.getAttribute('lang') ?? '') ?? mostVoted([...values.votes.keys()], values.votes);
  if (coded.bare && language === 'pt') return PT_TYPE_KINDS[PT_DOCUMENT_TYPE.exec(coded.value)?.[1] ?? ''];
  if (language === 'pl') return PL_TYPE_KINDS[PL_DOCUMENT_TYPE.exec(coded.value)?.[1] ?? ''];
  return undefined;
}

/**
 * A delivery note lists goods, not money: one headed by its kind and number, or a page whose title, heading or tab
 * names a delivery note and whose number is a field of its own ("Bon de livraison" over "N° pièce: BL00412",
 * "Packing Slip #"), or whose title or heading names a packing slip numbered by its order, as most are ("PACKING
 * SLIP" over "Order #: SO-000318").
 */
function isDeliveryNote(numberHit: FieldHit | undefined, signal: () => DocumentKind | undefined, document: Document): boolean {
  if (!numberHit) return false;
  if (numberHit.rank > 0) return numberHit.kind === 'delivery-note';
  if (numberHit.kind === undefined || numberHit.kind === 'delivery-note') return signal() === 'delivery-note';
  return numberHit.kind === 'order-confirmation' && headingKindSignal(document) === 'delivery-note';
}

/**
 * Drops from `recipients` the addresses a page shows only in plain text above its buyer's block (named by `customerName`,
 * read without a label): "Schreinerei Vogt e.K. · Am Mühlbach 3 · info@schreinerei-vogt.example" over the address
 * window of a printed letter is the seller's. A labelled address (a field "E-mail") or a form control's stays wherever it stands.
 */
function dropLetterhead(recipients: string[], values: LabelledValues, customerName: string): void {
  const buyer = values.texts.findIndex((item) => item.text.startsWith(customerName));
  if (buyer <= 0) return;
  const labelled = new Set(values.hits.email?.map((hit) => hit.value.toLowerCase()));
  for (let i = recipients.length - 1; i >= 0; i--) {
    const address = recipients[i]!.toLowerCase();
    if (labelled.has(address)) continue;
    const first = values.texts.findIndex((item) => item.text.toLowerCase().includes(address));
    // A form control's value ("Mottagare" of a send panel beside the sheet) is a field, not a letterhead.
    if (first >= 0 && first < buyer && values.texts[first]!.node !== values.texts[first]!.element) recipients.splice(i, 1);
  }
}

/** The document the page's labelled values describe, if they make it one. */
function documentFrom(
  document: Document,
  root: HTMLElement,
  values: LabelledValues,
  links: readonly PdfLink[],
  pdf: PdfLink | undefined,
  candidates: string[],
  signal: () => DocumentKind | undefined,
  base: URL,
): ExtractedDocument | undefined {
  signal = typedSignal(signal, values);
  let numberHit = documentNumberHit(values, signal);
  // A delivery note's "Réf. commande CO-55", "Auftrag AB-207", "Customer's Purchase Order PO-88": a field's number of
  // another kind than the page names is the document it refers to; the page's own number is in its title.
  // The title first: reading the page's kind may query its tabs, which a page without a number in its title never needs.
  const titled = numberHit && numberHit.rank === 0 && numberHit.kind ? titleNumber(document.title) : undefined;
  const own = titled && titled !== numberHit!.value && refersToAnotherKind(numberHit!, signal) ? titled : undefined;
  if (own) numberHit = undefined;
  let number = own ?? numberHit?.value;
  if (!number) number = titleNumber(document.title);
  if (!number) return undefined;
  // A customer's label ("Business Partner") before "Organization" alone (the app's own, in an ERP's form).
  const customerHit = companyOfContact(
    spelledOut(bestHit(values.hits.customer?.filter((h) => !h.ownOrganisation && h.rank >= 0)) ?? bestHit(values.hits.customer), values.hits.customer),
    values.hits.customer,
  );
  // A contact's or a lone "Name" label (rank -1) names a person as often as the customer: a heading that is a company's name comes first.
  const labelledCustomer = customerHit && customerHit.rank < 0 ? (headingCompany(values.texts) ?? customerHit.value) : customerHit?.value;
  let amount = amountHit(values)?.value;
  const dueDate = bestHit(values.hits.dueDate)?.value;
  const recipients = rankRecipients(root, values, base);
  // A master list's current entry beside the document (its PDF in a viewer) gives what the page's texts do not.
  const entry = (pdf || candidates.length > 0) && (!amount || !customerHit) ? currentEntrySummary(root, number, parseNameValue) : undefined;
  amount ??= entry?.amount;
  // Without a PDF, the amount and the customer make it a document: a labelled customer or address, or
  // (a page already known to name its kind and number) a buyer's address block with no label. A
  // delivery note lists goods, not money: headed by its kind and number, it needs no amount.
  if (!pdf && candidates.length === 0 && !amount && !isDeliveryNote(numberHit, signal, document)) return undefined;
  // A name without a label, at the head of an address block, is read only on a page already known to show a document.
  const customerName =
    (customerHit && customerHit.value === labelledCustomer ? companyBesideContact(customerHit, values.texts, recipients[0]) : undefined) ??
    labelledCustomer ??
    unlabelledBuyer(values.texts, recipients[0], (text, element) => valueFor('customer', text, element), isInPageChrome) ??
    headingCompany(values.texts) ??
    panelCustomer(root) ??
    companyAboveRecipient(values.texts, recipients[0], (text) => COMPANY_NAME.test(text) && parseNameValue(text) === text, isInPageChrome) ??
    personAboveRecipient(values.texts, recipients[0], parseNameValue, isInPageChrome) ??
    companyOfRecipientDomain(values.texts, recipients[0], parseNameValue, isInPageChrome) ??
    customerFromRecordLink(values.texts, base, parseNameValue, isInPageChrome) ??
    entry?.customer;
  // An unlabelled buyer's block starts with its name: an address in plain text above it is the seller's letterhead's.
  if (!labelledCustomer && customerName) dropLetterhead(recipients, values, customerName);
  // A print view in a frame (the shell frames it from a preview or print address), headed by its kind and number ("Rechnung Nr.
  // 2026-047") or numbered in a field that names its kind ("Rechnungs-Nr. RE10231"), is the document as it prints: its buyer's
  // address block names the customer, without an e-mail. Elsewhere a block alone makes no document.
  const printed = printViews.has(document) && numberHit?.kind !== undefined && customerName !== undefined;
  if (!pdf && candidates.length === 0 && !(labelledCustomer || values.hits.email?.length || (customerName && recipients.length > 0) || printed)) return undefined;
  if (!pdf && numberHit && isTeaser(numberHit.element, number, base)) return undefined;
  if (numberHit?.rank === 0 && isListRow(numberHit.element, links)) return undefined;
  if (receivedDocument(document, root, values.texts, numberHit, base)) return undefined;
  const kind = documentKind(numberHit, number, document, signal);
  const language = spokenLanguage(pageLanguage(document, values, numberHit));
  const anchor = pageAnchor(document, numberHit);
  const found: DetectedDocument = {
    number,
    ...(kind ? { kind } : {}),
    recipients,
    ...(customerName ? { customerName } : {}),
    ...(amount ? { amount } : {}),
    ...(dueDate ? { dueDate } : {}),
    ...(language ? { language } : {}),
    ...(pdf ? { pdfUrl: pdf.url, ...(pdf.name ? { pdfName: pdf.name } : {}) } : { pdfCandidates: candidates }),
    ...offsitePdfUrl(pdf, links),
    ...(anchor ? { anchor } : {}),
  };
  return { found, titled: (numberHit?.rank ?? 0) > 0 };
}

// ---------------------------------------------------------------------------------------------------
// Lists

const ROW_SELECTOR = 'tr, [role="row"], li, article';

/** The columns of a table whose headings name a field ("Nr", "Kund", "E-post", "Att betala"). */
function columnFields(row: Element): Map<number, LabelledField> {
  const columns = new Map<number, LabelledField>();
  const table = row.closest('table');
  const headerRow = table?.querySelector('thead tr') ?? table?.querySelector('tr:has(th)');
  if (!headerRow || headerRow === row) return columns;
  [...headerRow.children].forEach((cell, index) => {
    const text = collapse(cell.textContent ?? '');
    if (isNumberHeading(text)) return void columns.set(index, 'number');
    const info = labelAtStart(text)?.info;
    if (info && !columns.has(index)) columns.set(index, info.field);
  });
  return columns;
}

function extractRow(row: Element, link: PdfLink, language: Language | undefined, base: URL): DetectedDocument | undefined {
  const columns = columnFields(row);
  const cells = [...row.children];
  const fields: Partial<Record<LabelledField, string>> = {};
  for (const [index, field] of columns) {
    const cell = cells[index];
    if (!cell || fields[field]) continue;
    const text = collapse(cell.textContent ?? '');
    const value =
      field === 'number' ? parseNumberValue(text) : field === 'email' ? findEmail(text) : field === 'customer' ? parseNameValue(text) : field === 'amount' ? parseAmount(text) : parseDate(text);
    if (value) fields[field] = value;
  }
  const values = readLabelledValues(collectTexts(row));
  const numberHit = bestHit(values.hits.number?.filter((h) => !h.generic));
  fields.number ??= numberHit?.value;
  if (!fields.number) return undefined;
  fields.customer ??= bestHit(values.hits.customer)?.value;
  fields.amount ??= bestHit(values.hits.amount, true)?.value;
  fields.dueDate ??= bestHit(values.hits.dueDate)?.value;
  const recipients = rankRecipients(row, values, base);
  if (fields.email && !recipients.some((r) => r.toLowerCase() === fields.email!.toLowerCase())) recipients.unshift(fields.email);
  return {
    number: fields.number,
    ...(numberHit?.kind ? { kind: numberHit.kind } : {}),
    recipients,
    ...(fields.customer ? { customerName: fields.customer } : {}),
    ...(fields.amount ? { amount: fields.amount } : {}),
    ...(fields.dueDate ? { dueDate: fields.dueDate } : {}),
    ...(language ? { language } : {}),
    pdfUrl: link.url,
    ...(link.name ? { pdfName: link.name } : {}),
    row,
  };
}

function extractList(document: Document, root: HTMLElement, links: PdfLink[], base: URL): DetectedDocument[] | undefined {
  const rows = new Map<Element, PdfLink>();
  for (const link of links) {
    // Lists need links that say they are PDFs: probing one link per row would cost the site a request per row.
    if (!link.confirmed || link.offsite) continue;
    const row = link.element.closest(ROW_SELECTOR);
    if (!row || rows.has(row) || rows.size >= MAX_LIST_ROWS) continue;
    rows.set(row, link);
  }
  if (rows.size < 2) return undefined;
  const language = spokenLanguage(pageLanguage(document, readLabelledValues(collectTexts(root.querySelector('h1') ?? root)), undefined));
  const documents: DetectedDocument[] = [];
  const seen = new Set<string>();
  for (const [row, link] of rows) {
    const found = extractRow(row, link, language, base);
    if (!found?.number || seen.has(found.number)) continue;
    seen.add(found.number);
    documents.push(found);
  }
  // A table of one's own bills (a plan page's invoice history) names no customer in any row: nothing to send from it.
  return documents.length >= 2 && documents.some((d) => d.customerName || d.recipients.length > 0) ? documents : undefined;
}

function detectInDocument(document: Document, url: URL, quick = false): PageDetection | undefined {
  const root = document.body;
  if (!root || isAddressWithoutDocumentsToSend(url)) return undefined;
  const links = rateLinks(root, url);
  const signal = kindSignalReader(document, url);
  if (links.length === 0 && !signal()) return undefined;
  let single = extractDocument(document, root, links, signal, url, quick);
  // A number in the page's title makes it a document page, even when it also lists related documents;
  // unless that title is one card's of a list of cards ("Order 50012" in each `<li>`).
  const inRow = single?.titled && single.found.anchor?.closest(ROW_SELECTOR);
  if (single?.titled && !inRow) {
    const { found, complete } = single;
    const anchor = found.anchor ? { anchor: found.anchor } : {};
    return { kind: 'document', documents: [found], ...anchor, ...(complete ? { complete: () => ({ kind: 'document', documents: [complete()], ...anchor }) } : {}) };
  }
  // A quick reading goes no further than the title: the rest of the page decides now.
  if (single?.complete) single = { found: single.complete(), titled: single.titled };
  // A list of bills may be a supplier's: it is not offered (a client's bill is read on its own page).
  const list = links.length > 0 && !isBillsAddress(url) ? extractList(document, root, links, url) : undefined;
  if (list) {
    const heading = document.querySelector('main h1, h1');
    return { kind: 'list', documents: list, ...(heading ? { anchor: heading } : {}) };
  }
  if (single) return { kind: 'document', documents: [single.found], ...(single.found.anchor ? { anchor: single.found.anchor } : {}) };
  return undefined;
}

/**
 * An app's settings or its document templates, in the languages we read, as a segment of the address:
 * numbering, templates and mail settings show sample numbers, customers and amounts, and never a document to send.
 */
const SETTINGS_SEGMENT =
  /(?:^|[/#])(?:settings?|preferences|configuration|config|einstellungen|konfiguration|inst[aä]llningar|indstillinger|innstillinger|stillingar|ustawienia|asetukset|instellingen|param[eè]tres|r[eé]glages|ajustes|configuraci[oó]n|impostazioni|configura[cç](?:oes|ões)|defini[cç](?:oes|ões)|templates?|vorlagen|mod[eè]les|plantillas|modelli|mallar|skabeloner|sjablonen|szablony)(?:[/#?._-]|$)/i;

/**
 * An app's purchases and expenses, as a segment of the address: bills from suppliers, purchase records
 * and receipts filed as expenses are documents the user receives and pays, not ones to send from a
 * mailbox (issue 16: supplier pages).
 */
const PURCHASES_SEGMENT =
  /(?:^|[/#])(?:purchases?|payables|expenses?|expense-reports?|einkauf|eingangsrechnungen|ausgaben|ink[oö]p|utgifter|utl[aä]gg|indk[oø]b|udgifter|udl[aæ]g|innkj[oø]p|utlegg|ostot|ostolaskut|kulut|inkoop|inkoopfacturen|onkosten|declaraties|achats|d[eé]penses|notes-de-frais|compras|gastos|acquisti|spese|note-spese|despesas|zakupy|wydatki|innkaup|[uú]tgj[oö]ld)(?:[/#?._-]|$)/i;

/** "Bills" in an address: a supplier's bills to pay, or a firm's bills to its clients (isBillToPay). */
const BILLS_SEGMENT = /(?:^|[/#])bills(?:[/#?._-]|$)/i;

/** Is the address under "bills" (isBillToPay tells which bills)? */
function isBillsAddress(url: URL): boolean {
  return BILLS_SEGMENT.test(decodedUri(`${url.pathname}${url.hash}`));
}

/** Is the address in an app's settings or purchases, where no document is to be sent? */
function isAddressWithoutDocumentsToSend(url: URL): boolean {
  const address = decodedUri(`${url.pathname}${url.hash}`);
  return SETTINGS_SEGMENT.test(address) || PURCHASES_SEGMENT.test(address);
}

/** Frames read for a document when the page itself shows none: an app shell around an invoice view. */
const MAX_FRAMES = 3;

/** Frames' documents the shell shows from a preview or print address (PRINT_ROUTE): print views of a document. */
const printViews = new WeakSet<Document>();

/**
 * The shell's own PDF link for the document its frame shows, when the frame offers none: a toolbar above a print
 * view ("Als PDF speichern" to `…/551204/pdf`, "Drucken"), as server-rendered apps put one. Only for a frame's one document.
 */
function shellPdfOf(document: Document, url: URL, frame: Element, documents: readonly DetectedDocument[]): Pick<DetectedDocument, 'pdfUrl' | 'pdfCandidates'> {
  if (documents.length !== 1 || documents[0]!.pdfUrl || documents[0]!.pdfCandidates?.length || !document.body) return {};
  const links = rateLinks(document.body, url).filter((l) => l.element !== frame && !l.offsite);
  const pdf = links.find((l) => l.confirmed);
  if (pdf) return { pdfUrl: pdf.url };
  const candidates = links.slice(0, MAX_PROBE_CANDIDATES).map((l) => l.url);
  return candidates.length > 0 ? { pdfCandidates: candidates } : {};
}

/**
 * The documents of the page's own frames, which the content script (top frame only) can read when
 * they are same-origin: older apps show the invoice in an `<iframe>` or a frameset. Links resolve
 * against the frame's address; the button goes by the frame, in the page the user sees.
 */
function detectInFrames(document: Document, url: URL): PageDetection | undefined {
  const frames = [...document.getElementsByTagName('iframe'), ...document.getElementsByTagName('frame')];
  for (let i = 0; i < frames.length && i < MAX_FRAMES; i++) {
    const frame = frames[i]!;
    let inner: Document | null | undefined;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      continue; // another origin's frame: not ours to read
    }
    if (!inner?.body) continue;
    let frameUrl: URL;
    try {
      frameUrl = /^https?:/.test(inner.URL) ? new URL(inner.URL) : url;
    } catch {
      continue;
    }
    if (frameUrl.origin !== url.origin) continue;
    if (PRINT_ROUTE.test(frame.getAttribute('src') ?? '')) printViews.add(inner);
    const detection = detectInDocument(inner, frameUrl);
    if (!detection) continue;
    const shellPdf = detection.kind === 'document' ? shellPdfOf(document, url, frame, detection.documents) : {};
    const documents = detection.documents.map(({ anchor: _anchor, pdfCandidates, ...found }) => ({
      ...found,
      ...(shellPdf.pdfUrl || !pdfCandidates ? {} : { pdfCandidates }),
      ...shellPdf,
      anchor: frame,
    }));
    return { ...detection, anchor: frame, documents };
  }
  return undefined;
}

/**
 * A shell that names the document in its heading ("Invoice #INV11823") around a same-origin frame that shows the
 * document's fields without naming it ("BILL TO", "EMAIL", "TOTAL" of a customer center's transaction form): a copy
 * of the frame's page read under the shell's heading gives the customer, the recipient and the total the shell's
 * reading lacks. The page's frame is never changed; the button stays the shell's.
 */
function withFrameFields(document: Document, url: URL, own: PageDetection): PageDetection {
  const found = own.documents[0]!;
  const heading = found.anchor && HEADING_TAG.test(found.anchor.tagName) ? collapse(found.anchor.textContent ?? '') : '';
  if (!found.number || !heading.includes(found.number) || (found.customerName && found.amount && found.recipients.length > 0)) return own;
  const frames = [...document.getElementsByTagName('iframe'), ...document.getElementsByTagName('frame')];
  for (let i = 0; i < frames.length && i < MAX_FRAMES; i++) {
    let inner: Document | null | undefined;
    try {
      inner = (frames[i] as HTMLIFrameElement).contentDocument;
    } catch {
      continue; // another origin's frame: not ours to read
    }
    if (!inner?.body || (/^https?:/.test(inner.URL) && new URL(inner.URL).origin !== url.origin)) continue;
    const copy = inner.cloneNode(true) as Document;
    const title = copy.createElement('h1');
    title.textContent = heading;
    copy.body.prepend(title);
    const detection = detectInDocument(copy, url);
    const framed = detection?.kind === 'document' && detection.documents.length === 1 ? detection.documents[0]! : undefined;
    if (framed?.number !== found.number) continue;
    const fill = (d: DetectedDocument): DetectedDocument => ({
      ...d,
      ...(d.customerName || !framed.customerName ? {} : { customerName: framed.customerName }),
      ...(d.amount || !framed.amount ? {} : { amount: framed.amount }),
      ...(d.recipients.length > 0 || framed.recipients.length === 0 ? {} : { recipients: framed.recipients }),
    });
    const complete = own.complete;
    return { ...own, documents: [fill(found)], ...(complete ? { complete: () => ({ ...complete(), documents: complete().documents.map(fill) }) } : {}) };
  }
  return own;
}

/**
 * The documents of the page's web components, read in a copy of the page as it is shown, their open
 * shadow trees in place (composed-copy.ts): the elements found are given back as the page's own, or
 * left out (a floating button) where the copy has one the page does not.
 */
function detectInShadowRoots(document: Document, url: URL, quick = false): PageDetection | undefined {
  const composed = composedCopy(document, url.href);
  const detection = composed && detectInDocument(composed.document, url, quick);
  if (!composed || !detection) return undefined;
  const own = (element: Element | undefined) => (element ? composed.original(element) : undefined);
  const asPage = (found: PageDetection): PageDetection => {
    const anchor = own(found.anchor);
    const documents = found.documents.map(({ anchor: documentAnchor, row, pdfButton, ...rest }): DetectedDocument => {
      const [a, r, b] = [own(documentAnchor), own(row), own(pdfButton)];
      return { ...rest, ...(a ? { anchor: a } : {}), ...(r ? { row: r } : {}), ...(b ? { pdfButton: b } : {}) };
    });
    return { kind: found.kind, documents, ...(anchor ? { anchor } : {}), ...(found.complete ? { complete: () => asPage(found.complete!()) } : {}) };
  };
  return asPage(detection);
}

/**
 * The adapter for any invoice, order, quote or reminder page, in the languages of page-language.ts:
 * labels (in texts and form controls), mailto links and PDF links, in the page, its same-origin frames
 * or its web components' open shadow trees.
 */
export const genericInvoiceAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Any invoice page',
  matches: () => true,
  detect(document, url, options): PageDetection | undefined {
    // The page may have changed since the last reading.
    sidebarVerdicts = new WeakMap();
    const own = detectInDocument(document, url, options?.quick);
    if (!own) return detectInFrames(document, url) ?? detectInShadowRoots(document, url, options?.quick);
    // A shell that names the document (its title, breadcrumb and PDF link: "Preventivi › 2026/045") around a same-origin
    // frame that shows it (the print preview): the frame's reading holds what the document says, its customer and total.
    if (own.kind === 'document' && own.documents.length === 1) {
      const framed = detectInFrames(document, url);
      if (framed?.kind === 'document' && framed.documents.length === 1 && framed.documents[0]!.number === own.documents[0]!.number) return framed;
      // A frame that shows the document's fields without naming it (a customer center's transaction form): read under the shell's heading.
      if (!framed) return withFrameFields(document, url, own);
    }
    return own;
  },
};
