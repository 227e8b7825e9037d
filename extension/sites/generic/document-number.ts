/**
 * The document's number: the best labelled one, "Number" alone where the page names the kind of document, or
 * the one in the page's title.
 */
import type { DocumentKind } from '../../../shared/document-kinds';
import { collapse, findLabels, parseDocumentNumber } from '../page-labels';
import { bestHit, type FieldHit, type LabelledValues } from './field-hits';
import { namesAnotherDocument } from './number-label-filters';

/** A modal dialog that is open: what it shows is over the page, and what the user looks at. */
export const OPEN_DIALOG_SELECTOR = '[role="dialog"]:not([aria-hidden="true"]), [aria-modal="true"], dialog[open]';

/** The document's number: a labelled one, else "Number" alone where the page names the kind of document. */
export function documentNumberHit(values: LabelledValues, signal: () => DocumentKind | undefined): FieldHit | undefined {
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
export function refersToAnotherKind(hit: FieldHit, signal: () => DocumentKind | undefined): boolean {
  if (hit.rank !== 0 || hit.generic || !hit.kind) return false;
  const kind = signal();
  return kind !== undefined && kind !== hit.kind && kind !== 'reminder';
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
export function titleNumber(title: string): string | undefined {
  const clean = collapse(fileTitle(title)).slice(0, 200);
  const labels = findLabels(clean);
  if (labels.some((label) => label.info.field === 'number' && namesAnotherDocument(clean, label.start))) return undefined;
  const number = parseDocumentNumber(clean);
  return number && /^\p{Ll}+\d+$/u.test(number) && !labels.some((label) => label.info.field === 'number') ? undefined : number;
}
