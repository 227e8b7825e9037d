/**
 * The addresses to send the document to, best first: the customer's (labelled, near the customer's name, in a
 * send dialog's "To") before the seller's letterhead, its staff and the app's own.
 */
import { SELLER_LABEL } from '../buyer-block';
import { EMAIL_PATTERN, findEmail, findLabels, looksLikeAction } from '../page-labels';
import { isSiteAddress } from '../site-domain';
import { decodedUri } from '../uri-text';
import { isClickableText } from './clickable-text';
import { inCustomerPanel } from './customer-panels';
import { bestHit, type LabelledValues } from './field-hits';
import { headingRank } from './headings';
import { isInPageChrome } from './in-page-chrome';
import { CUSTOMER_NEIGHBOURHOOD, MAX_MAILTO } from './limits';
import type { TextItem } from './page-texts';

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

/** A PEC address's domain: `pec.it`, `pec.example.it`, `legalmail.it`, `postacert.…`. */
const CERTIFIED_MAILBOX = /@(?:[\w-]+\.)*(?:pec|legalmail|postacert|arubapec|cert)\.[\w.-]+$/i;

/** Addresses on the page, best first: the customer's (labelled, near the customer's name) before the app's own. */
export function rankRecipients(root: Element, values: LabelledValues, base?: URL): string[] {
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
  // "Selger | Kjøper" over two columns of blocks, their contacts in a later row: each column is one party's.
  const columnOf = (cell: Element | null) => (cell?.parentElement?.tagName === 'TR' ? [...cell.parentElement.children].indexOf(cell) : -1);
  // Only under a row of column headings (the parties' labels): a row of label and value cells is one party's fields.
  const headingsAbove = customerCell?.parentElement?.previousElementSibling;
  const partiesTable = customerCell?.tagName === 'TD' && headingsAbove?.tagName === 'TR' && [...headingsAbove.children].every((c) => c.tagName === 'TH');
  const customerTable = partiesTable ? customerCell.closest('table') : null;
  const customerColumn = columnOf(customerCell ?? null);
  const columnScore = (element: Element) => {
    const cell = customerTable ? element.closest('td') : null;
    if (!cell || cell.parentElement === customerCell?.parentElement || cell.closest('table') !== customerTable) return 0;
    return columnOf(cell) === customerColumn ? 2 : -1;
  };
  /** An address in another party's column is that party's (the seller's), whatever labels it. */
  const otherPartyColumn = (element: Element) => columnScore(element) < 0;
  // A labelled address in a table cell or a definition list is a field of the document: it beats any
  // other; under the customer's label, it is the customer's (the seller's, further on, is not). A
  // contact's ("Site contact: Priya Nair – priya@…", "Kontakt:" under a delivery address) is a person's:
  // it comes after an address of the customer's block above it and after an address with a label of
  // its own ("Factuur e-mail"); the only address under the customer's label, it is the customer's.
  const otherLabelled = values.hits.email?.some((hit) => !hit.contact && !isInPageChrome(hit.element)) === true;
  for (const hit of values.hits.email ?? []) {
    // "Ihr Ansprechpartner: Jens Brandt, j.brandt@…" in a letter's info block: the seller's person, never whom to send to.
    if (OUR_REFERENCE.test(values.texts[hit.index]?.text ?? '') || afterSellerLabel(values.texts, hit.index) || otherPartyColumn(hit.element)) {
      add(hit.value, -2, false);
      continue;
    }
    const chrome = isInPageChrome(hit.element);
    const labelled = (chrome ? 1 : hit.element.closest('td, dd') ? 4 : 3) + (nearCustomer(hit.index) ? 2 : 0) + columnScore(hit.element);
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
    const seller = afterSellerLabel(values.texts, index) || otherPartyColumn(item.element);
    // The "To" field of the app's own send dialog ("Aan", "An", "Para"), prefilled: whom the app sends the document to, wherever it stands.
    if (isRecipientField(item) || namesSendTarget(values.texts, index)) return add(address, 6, !chrome);
    // Where no label names the customer, a block that prints a company's registration number beside the address is the seller's letterhead.
    const registeredBlock = isRegisteredBlock(item.element);
    const registered = customerIndex === undefined && registeredBlock;
    // Where one does, such a block after the customer's, away from its label and outside its cell, is the seller's legal line at the
    // foot of the document ("Cerâmica Ribeiro, Lda · NIF 509 876 543 · … · geral@…"): never alone. A customer's own address beside
    // its number stands near its label.
    const legalFoot = customerIndex !== undefined && registeredBlock && index > customerIndex && !nearCustomer(index) && !inCustomerCell(item.element);
    // A print sheet's letterhead, its phone beside the address, over the heading that names the document ("INVOICE"): the seller's, never alone.
    const sheetHead = customerIndex === undefined && letterheadOverKind(values.texts, index);
    add(
      address,
      (chrome ? 0 : 1) + (nearCustomer(index) && !seller ? 2 : 0) + (inCustomerCell(item.element) ? 2 : 0) + columnScore(item.element) - (seller || registered || sheetHead || legalFoot ? 2 : 0),
      !chrome && !letterhead && !seller && !sheetHead && !legalFoot,
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
 * "Y-tunnus 2345678-9", "KvK 12345678", "kt. 540312-1230", "NIF 509 876 543", "NIPC 509876543", "CIF B12345678").
 */
const REGISTRATION_NUMBER = /\b(?:cvr|org\.?\s?nr|uid|siret|siren|p\.?\s?iva|y-tunnus|kvk|kt\.|nif|nipc|cif)\.?:?\s?[A-Z]{0,3}\d[\d -]{5,}/i;

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

/**
 * Drops from `recipients` the addresses a page shows only in plain text above its buyer's block (named by `customerName`,
 * read without a label): "Schreinerei Vogt e.K. · Am Mühlbach 3 · info@schreinerei-vogt.example" over the address
 * window of a printed letter is the seller's. A labelled address (a field "E-mail") or a form control's stays wherever it stands.
 */
export function dropLetterhead(recipients: string[], values: LabelledValues, customerName: string): void {
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
