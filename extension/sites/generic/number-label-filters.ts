/**
 * A labelled number that is not the page's document's: another document's ("Next invoice number"),
 * another noun's ("Date de commande"), a payment's subject, a row of a list of documents, prose, a sample.
 */
import { OTHER_DOCUMENT_WORDS, PREVIEW_LABEL } from '../document-kind';
import { documentUrl } from '../document-url';
import { collapse, findLabels, type LabelInfo, parseDocumentNumber } from '../page-labels';
import { isControlText } from './clickable-text';
import { MAX_FIELD_TEXT, MAX_KIND_CELL } from './limits';
import type { TextItem } from './page-texts';

/** The words, lower-cased, in the `chars` characters of `text` before `labelStart`. */
const wordsBefore = (text: string, labelStart: number, chars: number) =>
  text
    .slice(Math.max(0, labelStart - chars), labelStart)
    .toLowerCase()
    .match(/\p{L}+/gu) ?? [];

/** "Next invoice number", "Letzte Rechnung": the label is about another document than the page's. */
export function namesAnotherDocument(text: string, labelStart: number): boolean {
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
export function qualifiesOtherNoun(text: string, labelStart: number): boolean {
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
export function isSubjectValue(text: string, labelStart: number, element: Element): boolean {
  if (labelStart > 0 && SUBJECT_LABEL.test(text.slice(0, labelStart).trim())) return true;
  const cell = enclosingCell(element, true);
  const label = cell?.previousElementSibling;
  return label !== null && label !== undefined && (label.tagName === 'DT' || label.tagName === 'TH' || label.tagName === 'TD') && SUBJECT_LABEL.test(collapse(label.textContent ?? ''));
}

/** Rows of a table looked at for the same kind of cell as a number's. */
const MAX_SIBLING_ROWS = 20;

/** An ordinal before a row's kind ("1. Abschlagsrechnung"). */
const ROW_ORDINAL = /^\d{1,2}\.\s*/;

/** A label that names a number ("Invoice number", "Rechnungsnummer", "Order No."): a field's, not a type column's. */
const NAMES_NUMBER = /(?:number|nummer|numer|númer|número|numéro|numero|nr|no|id|#)\.?\s*:?$/i;

/** A text that is a kind's word and nothing else ("Angebot", "Abschlagsrechnung"). */
function isKindWord(text: string): boolean {
  return findLabels(text).some((label) => label.info.field === 'number' && label.start === 0 && label.end === text.length);
}

/** A field's label before a colon and its value ("Invoice Date: 30-11-2026"): the words up to the colon, without digits. */
const FIELD_BEFORE_COLON = /^([^\d:]{2,40}):\s*\S/;

/**
 * A text in a table cell whose column, in another row of the table, holds a document's number too
 * ("Fattura n. 318/2026" above "Fattura n. 322/2026"; "Delivery Note DN-0012" above "Purchase Receipt
 * PR-0007" in an item's stock movements), or the same text (a sales ledger's type column): one row of
 * a list of documents.
 */
export function isRepeatedRow(element: Element, text: string): boolean {
  const cell = enclosingCell(element, false);
  const row = cell?.parentElement;
  if (!cell || !row || row.tagName !== 'TR' || !row.parentElement) return false;
  const column = [...row.children].indexOf(cell);
  // "1. Abschlagsrechnung" above "2. Abschlagsrechnung": the ordinal before the kind's word numbers the rows.
  const word = /^\p{L}+/u.exec(text.replace(ROW_ORDINAL, ''))?.[0]?.toLowerCase();
  if (!word) return false;
  // A kind's word alone in its cell ("Angebot", not "Invoice number", which labels a field) may be a column of types.
  const typeColumn = text.length <= MAX_KIND_CELL && !NAMES_NUMBER.test(text) && isKindWord(text.replace(ROW_ORDINAL, ''));
  const ownField = FIELD_BEFORE_COLON.exec(text)?.[1];
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
    // "Invoice Number: FAAB2C0012345" above "Invoice Date: 30-11-2026": cells of two fields, each with its label, in a table of the document's facts.
    const otherField = FIELD_BEFORE_COLON.exec(other)?.[1];
    if (ownField && otherField && otherField.toLowerCase() !== ownField.toLowerCase()) continue;
    if (other.toLowerCase().startsWith(word) && !/^\p{L}/u.test(other.slice(word.length))) return true;
    if (findLabels(other).some((label) => label.info.field === 'number') && parseDocumentNumber(other) !== undefined) return true;
  }
  return false;
}

/** Text of a link to another page (a hash route is one): not a link that only runs a script or leads to the page itself (a breadcrumb's last step). */
export function leadsElsewhere(element: Element): boolean {
  const link = element.closest('a[href]');
  if (!link || /^\s*(?:#?\s*$|javascript:)/i.test(link.getAttribute('href') ?? '')) return false;
  return (link as HTMLAnchorElement).href !== documentUrl(element.ownerDocument);
}

/** Text inside a long paragraph ("… par exemple <strong>Facture n° F-2026-001</strong>, puis …"): prose, even when set apart. */
export function isInProse(element: Element): boolean {
  const paragraph = element.closest('p');
  return paragraph !== null && paragraph !== element && collapse(paragraph.textContent ?? '').length > MAX_FIELD_TEXT;
}

/** "Mahnung 2", "Relance n°2": which reminder it is, not a document number (the number follows, of the invoice). */
export function isReminderOrdinal(info: LabelInfo, value: string): boolean {
  return info.kind === 'reminder' && /^\d{1,2}$/.test(value);
}

/**
 * A heading that names a template, in the languages we read ("Textvorlage Stufe 2", "Modèle de devis",
 * "Invoice template"): an editor's or a settings page's, whose document is a sample.
 */
export const TEMPLATE_WORD = /(?:^|[^\p{L}])(?:templates?|mall|mallar|skabelon|mal|malli|sjabloon|szablon|sniðmát|modèle|modele|plantilla|modello|modelo)(?![\p{L}])|vorlage(?![\p{L}])/iu;

/** A number under a "Preview" label (a numbering settings page shows the next number so) is a sample. */
export function isPreviewed(texts: TextItem[], index: number): boolean {
  const before = texts[index - 1];
  return before !== undefined && PREVIEW_LABEL.test(before.text.toLowerCase()) && !isControlText(before.element);
}
