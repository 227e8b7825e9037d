/**
 * The values the page labels (document number, customer, e-mail, amount, due date), found in one pass over its
 * texts: each label's value in its own text or in the next ones.
 */
import type { DocumentKind } from '../../../shared/document-kinds';
import { isCurrencyAlone } from '../amounts';
import { headingNamesSample, namesOrderItself, namesSample } from '../document-kind';
import {
  collapse,
  COMPANY_FIELD_LABEL,
  COMPANY_NAME,
  CONTACT_LABELS,
  DELIVERY_ADDRESS_LABEL,
  FILE_EXTENSION,
  findEmail,
  findLabels,
  type LabelledField,
  parseAmount,
  parseDate,
  parseNameValue,
  parseNumberValue,
} from '../page-labels';
import type { PageLanguage } from '../page-language';
import { isClickableText, isControlText } from './clickable-text';
import {
  CUSTOMER_NUMBER_REST,
  CUSTOMER_PLACE_BEFORE,
  CUSTOMER_PLACE_REST,
  kindLabelAfter,
  namesCustomerAsAgent,
  namesOtherParty,
  qualifiesKind,
  startsWithCustomerLabel,
  WORD_BEFORE,
} from './customer-label-filters';
import { isTypeLabel, TYPE_FIELD, typeFieldKind } from './document-type';
import type { LabelledValues } from './field-hits';
import { HEADING_TAG, headingRank, TITLE_RANK } from './headings';
import { isInPageChrome } from './in-page-chrome';
import { CUSTOMER_NEIGHBOURHOOD, MAX_COMPANY_LINE, MAX_FIELD_TEXT, MAX_KIND_CELL } from './limits';
import { bareNumberHeading, genericNumberLabel, isBareLabel, LONE_LABEL_REST, loneCustomerLabel, loneNameLabel, ownNumber, recordNameText } from './lone-labels';
import { isInProse, isPreviewed, isReminderOrdinal, isRepeatedRow, isSubjectValue, leadsElsewhere, namesAnotherDocument, qualifiesOtherNoun, TEMPLATE_WORD } from './number-label-filters';
import type { TextItem } from './page-texts';
import { firstLine, isColumnHeading, isLabelCell, onlyCellBelow, rowWithValueCell } from './table-cells';

/** A value follows its label in the same text, or in one of the next few texts ("Kund: <b>Kund AB</b>"). */
const VALUE_LOOKAHEAD = 2;

/** A label's amount in the next text stands nearly alone there: at most this many other characters ("CHF 2'240.00 inkl. MWST"). */
const AMOUNT_CONTEXT = 16;

/** Digits alone, without a currency. */
const BARE_AMOUNT = /^[-\u2212]?\d[\d\s.,'’]*$/;

/** The longest text of an amount written in parts ("DKK 52.343,75" in three spans). */
const MAX_AMOUNT_PARTS_TEXT = 40;
/** The inline elements an amount's parts are written in; a cell or a row holds other fields beside it. */
const INLINE_PART = /^(?:SPAN|B|STRONG|SMALL|SUP|SUB|EM|I)$/;

/**
 * An amount whose currency is an element of its own beside it, in the same parent ("4.560,00" then
 * "EUR" in SAP's ObjectNumber, "<span>€</span><span>1.234,00</span>"): the two as one, as written.
 * So is an amount whose whole part, decimals and currency are each an element ("<span>DKK</span>
 * <span>52.343</span><span>,75</span>"): the parent's text, where it is that amount and nothing more.
 */
function withCurrencyBeside(value: string, texts: readonly TextItem[], index: number): string {
  const item = texts[index]!;
  if (item.text !== value || !BARE_AMOUNT.test(value)) return value;
  const parent = item.element.parentElement;
  if (parent && INLINE_PART.test(item.element.tagName) && [...parent.children].every((child) => INLINE_PART.test(child.tagName))) {
    const whole = collapse(parent.textContent ?? '');
    // Only where the other parts hold digits (the decimals): a currency alone beside it is written as below.
    if (whole.length <= MAX_AMOUNT_PARTS_TEXT && whole.includes(value) && /\d/.test(whole.replace(value, '')) && parseAmount(whole) === whole) return whole;
  }
  const after = texts[index + 1];
  if (after && after.element.parentElement === parent && isCurrencyAlone(after.text)) return `${value} ${after.text}`;
  const before = texts[index - 1];
  return before && before.element.parentElement === parent && isCurrencyAlone(before.text) ? `${before.text} ${value}` : value;
}

export function valueFor(field: LabelledField, text: string, element?: Element): string | undefined {
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

/** Whether `part` ends with the number `value`, or with the sequence of a series and number read as "FGO 0482" after naming the series. */
function endsWithNumber(part: string, value: string): boolean {
  if (part.endsWith(value)) return true;
  const space = value.indexOf(' ');
  return space > 0 && part.endsWith(value.slice(space + 1)) && part.includes(value.slice(0, space));
}

/** A line's ordinal in an items table ("1", "2."), under a column headed "#", "Nr." or "Pos.". */
const LINE_ORDINAL = /^\d{1,2}\.?$/;

/** A text up to its first separator (" · ", " | ", " – "): a heading's number, then the customer's name or a status. */
function firstPart(text: string): string {
  return text.split(/\s[·•|–—]\s/)[0]!;
}

/**
 * With `stopAtTitleNumber`, the pass ends at the first labelled number in an `<h1>`: no later number
 * can outrank it (bestHit keeps the first of the highest rank), so the document's number is settled,
 * and what the texts after it label is left unread (issue 18: a page's first look).
 */
export function readLabelledValues(texts: TextItem[], stopAtTitleNumber = false, recordName?: string): LabelledValues {
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
      // "Customer search", "Client list", "Kunden anlegen" as a menu entry: a link named for what it does there, its word after the label no name.
      if (info.field === 'customer' && label.start === 0 && /^\s+\p{Ll}/u.test(rest) && leadsElsewhere(item.element)) continue;
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
