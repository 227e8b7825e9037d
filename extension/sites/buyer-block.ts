/**
 * The buyer's name where no label names it (issue 16): the address block of a letter or an online
 * invoice, its first line the name, its last the postcode and town ("Müller Haustechnik GmbH / z. Hd.
 * Frau Müller / Gewerbering 17 / 51063 Köln", Xero's "Tui Bay Kayaks Ltd / 14 Marine Parade / Paihia
 * 0200", InvoicePlane's client heading over its address). Read only on a page already known to show a
 * document, and only when no label named the customer: from the texts the detector has read, no
 * walk of its own.
 */
import { EMAIL_PATTERN, POSTAL_LINE } from './page-labels';

export interface BlockText {
  text: string;
  element: Element;
}

/** Lines of a block looked at above its postal line (name, attention line, street, building), and below it (country, phone, address). */
const MAX_BLOCK_LINES = 5;
/** A block holds a few short lines; a longer container is a section of the page, not an address. */
const MAX_BLOCK_TEXT = 300;
const MAX_LINE = 80;
/** The seller's block is labelled so, in the languages we read ("Sprzedawca", "Von", "Fournisseur"). */
export const SELLER_LABEL =
  /^(?:from|seller|supplier|vendor|sender|issuer|sprzedawca|wystawca|säljare|avsändare|leverantör|sælger|afsender|leverandør|selger|avsender|seljandi|útgefandi|verkäufer|von|absender|lieferant|rechnungssteller|myyjä|lähettäjä|toimittaja|verkoper|afzender|leverancier|vendeur|émetteur|fournisseur|vendedor|emisor|proveedor|venditore|cedente|fornitore|emitente|remetente|fornecedor|prestador)\s*:?$/iu;

/**
 * The line a German or Austrian address window puts over the name ("Firma", "Herrn", "Frau", "An"),
 * as DIN 5008 letters and the apps that print them write it.
 */
const SALUTATION_LINE = /^(?:firma|herrn?|frau|an(?: die| das| den)?)\s*$/i;

/** What a letterhead shows and a buyer's address block does not: the seller's phone, bank, web site, registration. */
const LETTERHEAD_DETAIL = /\b(?:tel|telefon|phone|fax|iban|bic|swift|bankgiro|plusgiro|siret|siren)\b|\bt[ée]l[ée]?(?:phone)?[.:]|\borg\.?\s?nr|\bwww\.|https?:/i;

/**
 * Print templates name their blocks in their classes: the seller's ("seller", "sender", "issuer",
 * "supplier", "company-info", "from") is no buyer's, whatever its lines.
 */
const SELLER_CLASS =
  /(?:^|[\s_-])(?:seller|sender|issuer|supplier|vendor|letterhead|company-(?:info|details|address)|from|myyja|afsender|absender|sprzedawca|emitente|emisor|emetteur|venditore|verkoper)(?:$|[\s_-])/i;
/** Levels above an address block looked at for its class. */
const CLASS_DEPTH = 2;

function namesSeller(block: Element): boolean {
  for (let e: Element | null = block, depth = 0; e && depth < CLASS_DEPTH; e = e.parentElement, depth++) if (SELLER_CLASS.test(e.getAttribute('class') ?? '')) return true;
  return false;
}

/** The block's container: the postal line's element, or its parent or grandparent, holding the line above. */
function blockOf(line: Element, above: Element): Element | undefined {
  for (let e: Element | null = line, depth = 0; e && depth < 3; e = e.parentElement, depth++) {
    if (e === above || e.contains(above)) return (e.textContent ?? '').length <= MAX_BLOCK_TEXT ? e : undefined;
  }
  return undefined;
}

/**
 * The first address block's name that is the buyer's: not in the app's chrome, not under a seller's
 * label or in a block its class names the seller's, and not a letterhead (an address other than the recipient's, a phone, a bank account or a
 * web site). A seller's block that shows none of these before the buyer's is taken for the buyer's:
 * the panel shows the name, for the user to correct.
 * `nameOf` reads a line as a customer's name (the detector's own test: no button's text, no label).
 */
export function unlabelledBuyer(
  texts: readonly BlockText[],
  recipient: string | undefined,
  nameOf: (text: string, element: Element) => string | undefined,
  isChrome: (element: Element) => boolean,
): string | undefined {
  for (let p = 2; p < texts.length; p++) {
    const line = texts[p]!;
    if (line.text.length > MAX_LINE || !/\d/.test(line.text) || !POSTAL_LINE.test(line.text)) continue;
    // "Lasku 2026-0412" heading the page reads like a town and a ZIP+4: a heading ends no address.
    if (line.element.closest('h1, h2, h3, h4, h5, h6')) continue;
    // The block around the postal line and the line above it; where that holds those two lines only
    // (a street and a town in one <p>, the name in the <p> before), the one around the line above that.
    let block: Element | undefined;
    let first = p;
    /** The postal line's own element holds a name above it and a line after it: the whole address, not a street and a town. */
    let whole = false;
    for (const above of [p - 1, p - 2]) {
      block = blockOf(line.element, texts[above]!.element);
      if (!block) continue;
      first = p - 1;
      while (first > 0 && first > p - MAX_BLOCK_LINES && block.contains(texts[first - 1]!.element)) first--;
      if (first <= p - 2) break;
      // "Saunamaailma Oy / Kauppakatu 3, 40100 Jyväskylä / talous@…" in one <div>: the section around it is no part of the address.
      const after = texts[p + 1];
      whole = !/\d/.test(texts[first]!.text) && after !== undefined && block.contains(after.element);
      if (whole) break;
    }
    // A customer's number over the name ("Kundennr. 10087", then "Bäckerei Lindner GmbH"): the block's name is below it.
    while (block && first < p - 2 && /\d/.test(texts[first]!.text) && !/\d/.test(texts[first + 1]!.text)) first++;
    // A name, a street, a postcode: three lines at least (the street and the postcode may be one line of a whole block).
    if (!block || (first > p - 2 && !whole)) continue;
    // "Firma / Gasthof Alpenrose GmbH", "Herrn / Max Huber": the address window's salutation line, the name below it.
    if (SALUTATION_LINE.test(texts[first]!.text) && first < p - 1) first++;
    const name = texts[first]!;
    if (/\d/.test(name.text) || name.text.length > MAX_LINE || isChrome(block)) continue;
    const before = texts[first - 1];
    if (before && SELLER_LABEL.test(before.text)) continue;
    if (namesSeller(block)) continue;
    // The block's lines as the page shows them apart (its textContent runs "Auckland 1010" into "Tel.").
    let blockText = '';
    for (let k = first; k < texts.length && k <= p + MAX_BLOCK_LINES && block.contains(texts[k]!.element); k++) blockText += ` ${texts[k]!.text}`;
    if (LETTERHEAD_DETAIL.test(blockText)) continue;
    const addresses = blockText.match(new RegExp(EMAIL_PATTERN.source, 'gi')) ?? [];
    if (addresses.some((address) => address.toLowerCase() !== recipient?.toLowerCase())) continue;
    const value = nameOf(name.text, name.element);
    if (value === name.text) return value;
  }
  return undefined;
}

/**
 * A contact's card without labels (a drawer's "Ferretería Soler S.L." over "almacen@…" and its tax
 * number): the line right above the recipient's address, in the same small block, where it is a
 * company's name by its legal form. Read only where no label and no address block named the buyer.
 */
export function companyAboveRecipient(texts: readonly BlockText[], recipient: string | undefined, isCompany: (text: string) => boolean, isChrome: (element: Element) => boolean): string | undefined {
  const name = lineAboveRecipient(texts, recipient, isChrome);
  return name && isCompany(name.text) ? name.text : undefined;
}

/**
 * The line right above the recipient's address where both are in one small block (a contact's card, a
 * table cell) outside the app's chrome: a short line without digits or an address, a name if any.
 */
function lineAboveRecipient(texts: readonly BlockText[], recipient: string | undefined, isChrome: (element: Element) => boolean): BlockText | undefined {
  if (!recipient) return undefined;
  const at = texts.findIndex((t) => t.text.includes(recipient));
  const line = texts[at - 1];
  if (at < 1 || !line || line.text.length > MAX_LINE || /\d|@/.test(line.text)) return undefined;
  const block = blockOf(texts[at]!.element, line.element);
  return block && !isChrome(block) ? line : undefined;
}

/** Words of an address's local part ("julien.garnier", "d_tremblay"), at least two letters each. */
const LOCAL_PART_WORD = /[a-z]{2,}/g;

/** Lower-case letters without their accents ("Åkerman" → "akerman"), as addresses write names. */
function plainLetters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A name's words, letters only ("Main Street Health Partners" → main, street, health, partners). */
const nameWords = (text: string) =>
  plainLetters(text)
    .split(/[^a-z]+/)
    .filter(Boolean);

/**
 * A person's card without labels (a pet owner's "M. Julien Garnier" over "julien.garnier@…" and a
 * phone number): the line right above the recipient's address, in the same small block, where that
 * address is made of the name's words (two at least). Read only where no label, no address block
 * and no company named the buyer.
 */
export function personAboveRecipient(
  texts: readonly BlockText[],
  recipient: string | undefined,
  nameOf: (text: string) => string | undefined,
  isChrome: (element: Element) => boolean,
): string | undefined {
  const local = recipient?.split('@')[0];
  const words = local ? (plainLetters(local).match(LOCAL_PART_WORD) ?? []) : [];
  if (words.length < 2) return undefined;
  const name = lineAboveRecipient(texts, recipient, isChrome);
  if (!name || !words.every((word) => nameWords(name.text).includes(word))) return undefined;
  return nameOf(name.text) === name.text ? name.text : undefined;
}

/** Headings a record's card or summary names its company with ("Northwind Outfitters Inc." over an overdue invoice). */
const CARD_HEADING = /^H[1-4]$/;

/**
 * Is `text` the company the recipient's domain is named after? The domain's name (a label but the last,
 * letters only: "northwind-outfitters", "mainstreethealth") is the name's first words run together, two
 * at least ("Northwind Outfitters Inc.", "Main Street Health Partners"), or the whole one-word name of
 * five letters or more.
 */
function namesDomain(text: string, domainNames: readonly string[]): boolean {
  const words = nameWords(text);
  for (const domain of domainNames) {
    let joined = '';
    for (const [i, word] of words.entries()) {
      joined += word;
      if (joined === domain && (i >= 1 || (words.length === 1 && domain.length >= 5))) return true;
      if (!domain.startsWith(joined)) break;
    }
  }
  return false;
}

/** The names in an address's domain, in plain letters, of three letters or more ("ap@northwind-outfitters.example.com": "northwindoutfitters", "example"). */
function domainNamesOf(recipient: string | undefined): string[] {
  const labels = recipient?.split('@')[1]?.split('.') ?? [];
  return labels
    .slice(0, -1)
    .map((label) => plainLetters(label).replace(/[^a-z]/g, ''))
    .filter((name) => name.length >= 3);
}

/** Do a text's words make the name of the recipient's domain ("Brightpath Yoga Studio" for "lena@brightpathyoga.…", `namesDomain`)? */
export function namesRecipientDomain(text: string, recipient: string | undefined): boolean {
  const domainNames = domainNamesOf(recipient);
  return domainNames.length > 0 && namesDomain(text, domainNames);
}

/**
 * A buyer named by the recipient's domain: the line right above the recipient's address in its small
 * block (a contract's "Owner" cell: "Main Street Health Partners" over "ap@mainstreethealth.…"), or a
 * card's heading ("Northwind Outfitters Inc." over an overdue invoice, its reminder's "To" further down),
 * whose words make the domain's name (`namesDomain`). No seller is named by a customer's domain, so
 * this needs no label; read only where nothing else named the buyer.
 */
export function companyOfRecipientDomain(
  texts: readonly BlockText[],
  recipient: string | undefined,
  nameOf: (text: string) => string | undefined,
  isChrome: (element: Element) => boolean,
): string | undefined {
  const domainNames = domainNamesOf(recipient);
  if (domainNames.length === 0) return undefined;
  const named = (line: BlockText) => namesDomain(line.text, domainNames) && nameOf(line.text) === line.text;
  const above = lineAboveRecipient(texts, recipient, isChrome);
  if (above && named(above)) return above.text;
  const heading = (line: BlockText) => CARD_HEADING.test(line.element.tagName) && line.text.length <= MAX_LINE && !/\d|@/.test(line.text) && !isChrome(line.element);
  return texts.find((line) => heading(line) && named(line))?.text;
}
