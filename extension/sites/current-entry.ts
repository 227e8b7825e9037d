/**
 * A master-detail screen (InvoiceShelf's and Crater's invoice view, a list pane beside the document):
 * the list's entry marked current that holds the document's number summarizes the document shown
 * beside it, with the customer's name and the amount the document itself (often a PDF in a viewer)
 * does not give as text. Read only on a page already known to show a document, for what nothing else
 * gave.
 */
import { parseAmount } from './amounts';

/** How lists mark their current entry: ARIA, or the class a router or a component kit sets. */
const CURRENT_ENTRY_SELECTOR = '[aria-current="page"], [aria-current="true"], [aria-selected="true"], .router-link-exact-active, .active, .selected';
const MAX_ENTRIES = 8;
/** An entry longer than this is a section, not a list's entry. */
const MAX_ENTRY_TEXT = 300;
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, without relying on the global
/** Money as a list shows it: with a currency or cents, not a count. */
const MONEY_LIKE = /[.,]\d{2}(?:\D*)$|\p{Sc}|[A-Z]{3}/u;

export interface EntrySummary {
  customer?: string;
  amount?: string;
}

/** The texts of an element, collapsed, without the empty ones. */
function entryTexts(entry: Element): string[] {
  const texts: string[] = [];
  const walker = entry.ownerDocument.createTreeWalker(entry, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data.replace(/\s+/g, ' ').trim();
    if (text) texts.push(text);
  }
  return texts;
}

/**
 * The customer (the first text that is a name, `nameOf`: the detector's own test) and the amount (the
 * first text that is money alone) of the current entry that holds `number` as a text of its own.
 */
export function currentEntrySummary(root: ParentNode, number: string, nameOf: (text: string) => string | undefined): EntrySummary | undefined {
  const entries = root.querySelectorAll(CURRENT_ENTRY_SELECTOR);
  for (let i = 0; i < entries.length && i < MAX_ENTRIES; i++) {
    const whole = entries[i]!.textContent ?? '';
    if (whole.length > MAX_ENTRY_TEXT || !whole.includes(number)) continue;
    const texts = entryTexts(entries[i]!);
    if (!texts.includes(number)) continue;
    const summary: EntrySummary = {};
    for (const text of texts) {
      if (text === number) continue;
      if (/\d/.test(text)) {
        if (summary.amount === undefined && parseAmount(text) === text && MONEY_LIKE.test(text)) summary.amount = text;
      } else if (summary.customer === undefined && nameOf(text) === text) summary.customer = text;
    }
    return summary;
  }
  return undefined;
}
