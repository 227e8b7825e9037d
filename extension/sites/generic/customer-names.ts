/**
 * The customer's name where its label names it only in part: a code spelled out, a contact person and the
 * company beside it, or a record screen titled by its customer.
 */
import { namesRecipientDomain } from '../buyer-block';
import { collapse, COMPANY_NAME, findLabels, parseNameValue } from '../page-labels';
import type { FieldHit } from './field-hits';
import { isInPageChrome } from './in-page-chrome';
import { CUSTOMER_NEIGHBOURHOOD, MAX_COMPANY_LINE } from './limits';
import type { TextItem } from './page-texts';

/**
 * "Bill to: Lena Ortiz / Brightpath Yoga Studio": a person's name under the customer's label, then in
 * the same block a line without a legal form (which companyAfterPerson reads) whose words make the
 * recipient's domain: that company is billed, the person is its contact.
 */
export function companyBesideContact(hit: FieldHit, texts: readonly TextItem[], recipient: string | undefined): string | undefined {
  if (!recipient || !PERSON_NAME.test(hit.value)) return undefined;
  const index = texts.findIndex((item) => item.element === hit.element && item.text === hit.value);
  const line = index >= 0 ? texts[index + 1] : undefined;
  if (!line || line.text.length > MAX_COMPANY_LINE || /[\d@]/.test(line.text) || line.element.parentElement !== hit.element.parentElement) return undefined;
  return namesRecipientDomain(line.text, recipient) && parseNameValue(line.text) === line.text ? line.text : undefined;
}

/** A customer's short code in capitals ("MEBLE-OLEK", "KOWALSKI"), as ERPs key their contractors: no spaces, no small letters. */
const CUSTOMER_CODE = /^[\p{Lu}\d][\p{Lu}\d\-_.&]{1,23}$/u;

/**
 * The customer's name where its label gave its code: "Kontrahent: MEBLE-OLEK" above "Nazwa: Meble Olek Sp. z o.o.".
 * Another customer field whose name holds the code's letters spells it out.
 */
export function spelledOut(hit: FieldHit | undefined, hits: readonly FieldHit[] | undefined): FieldHit | undefined {
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
export function companyOfContact(hit: FieldHit | undefined, hits: readonly FieldHit[] | undefined): FieldHit | undefined {
  if (!hit || hit.rank < 0 || !PERSON_NAME.test(hit.value)) return hit;
  const company = hits?.find((other) => other.rank < 0 && other.index > hit.index && other.index - hit.index <= CUSTOMER_NEIGHBOURHOOD && COMPANY_NAME.test(other.value));
  return company ?? hit;
}

/** Texts looked at for the page's first heading: it comes early. */
const MAX_HEADING_TEXTS = 80;

/**
 * The page's first main heading, where it is a company's name by its legal form ("Kotileipomo
 * Virtanen Oy", "Greenleaf Landscaping LLC"): a record screen titled by its customer, the kind and
 * number below. Read from the texts already collected, no walk of its own.
 */
export function headingCompany(texts: readonly TextItem[]): string | undefined {
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
