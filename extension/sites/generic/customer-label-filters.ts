/**
 * A customer's word that labels no customer's name: its number ("Customer No."), a place in the app
 * ("Customer portal"), a qualifier of a kind ("Customer invoice"), the customer as the one who acted ("Viewed by customer").
 */
import { SELLER_LABEL } from '../buyer-block';
import { KIND_PLURALS } from '../document-kind';
import { findLabels, type LabelMatch } from '../page-labels';

/**
 * After or before a customer label, what makes it a place in the app for customers ("Customer portal", "Espace client"),
 * or a date the record dates from rather than a name ("Customer since Mar 2024", "Kunde seit 2021", "Cliente dal 2019":
 * a date or a month must follow, "Cliente Dal Monte S.r.l." is a name).
 */
export const CUSTOMER_PLACE_REST =
  /^\s*(?:(?:portal|portail|portale|portaal|area|área|hub|center|centre|login|log in|sign in|service|support)(?![\p{L}\p{N}])|(?:since|seit|siden|sedan|sinds|depuis|desde|dal|od|frá)\s+(?:\p{L}{3,9}\.?\s+)?\d)/iu;
export const CUSTOMER_PLACE_BEFORE = /(?:^|\s)(?:espace|portail|portal|área|area|zona|sezione)(?:\s+(?:du|de|del|do|da|dla))?\s*$/iu;
/**
 * After a customer label, what makes it the customer's number, reference or tax id, not its name:
 * "Customer No.", "Kunde Nr.", "Client ID", "Customer Ref", "Cliente RUC", "Customer VAT", "Kunde
 * USt-IdNr.", "Klient NIP" ("Kundenreferenz" is one word and no label).
 */
export const CUSTOMER_NUMBER_REST =
  /^\s*(?:no|nr|nº|n°|#|number|nummer|numer|número|numéro|numero|id|code|ref|reference|référence|referencia|riferimento|referentie|referenz|referens|po|ruc|rut|nit|nif|cif|cuit|cnpj|cpf|vat|tva|iva|btw|moms|mva|vsk|alv|gst|gstin|abn|uid|ust|siret|siren|nip|regon|cvr|kvk|kennitala|y-tunnus|org\.?\s?nr)(?![\p{L}\p{N}])/iu;

/**
 * A number written as its type, a space, then series and sequence ("FT 2026/318", "FV 118/12/2026"):
 * a code alone, as BARE_NUMBER's, where the part after the space has a separator (no "ABC 2026").
 */
const PARTY_AFTER_SLASH = /^\s*\/\s*(\p{L}[\p{L} ]{1,24}?)\s*:?$/u;

/** "/ REMETENTE", "/ Ship to" after a customer's label: another party's label, so the customer's stands alone. */
export function namesOtherParty(rest: string): boolean {
  const other = PARTY_AFTER_SLASH.exec(rest)?.[1];
  return other !== undefined && (SELLER_LABEL.test(other) || findLabels(other).some((label) => label.info.field === 'customer' && label.start === 0));
}

/** A word (a letter) before a label in its text. */
export const WORD_BEFORE = /\p{L}/u;

/** The kind's label right after a label in the same text, nothing but spaces between them ("Total presupuesto", "Customer invoice"). */
export function kindLabelAfter(text: string, labels: readonly LabelMatch[], labelIndex: number): LabelMatch | undefined {
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
export function qualifiesKind(text: string, labels: readonly LabelMatch[], labelIndex: number): boolean {
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

export function namesCustomerAsAgent(before: string, rest: string): boolean {
  return AGENT_BEFORE.test(before) && !/^\s*:/.test(rest);
}

/** Does a text start with a customer's label and its colon ("Klient: …", a form field read with its label), not a name that starts with the word ("Kund AB")? */
export function startsWithCustomerLabel(text: string): boolean {
  const first = findLabels(text)[0];
  return first?.start === 0 && first.info.field === 'customer' && /^\s*:/.test(text.slice(first.end));
}
