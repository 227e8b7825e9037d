/**
 * A number that is another document's than the page's: a card's summary of a document shown elsewhere, a row
 * of a list that has its own PDF.
 */
import { sameOriginUrl } from '../page-labels';
import { decodedUri } from '../uri-text';
import type { PdfLink } from './pdf-links';

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
export function isTeaser(element: Element, number: string, base: URL): boolean {
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
export function isListRow(element: Element, links: readonly PdfLink[]): boolean {
  const row = element.closest('tr, li');
  const rows = row?.parentElement;
  if (!row || !rows) return false;
  const confirmed = links.filter((l) => l.confirmed && rows.contains(l.element));
  return confirmed.some((l) => row.contains(l.element)) && confirmed.some((l) => !row.contains(l.element));
}
