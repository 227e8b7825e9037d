/**
 * The kind of document a page says it shows, in its title, headings, app bar, window title, tabs or address, read
 * without walking its texts; and the document's kind from them and its number's label.
 */
import type { DocumentKind } from '../../../shared/document-kinds';
import { headingKicker, KIND_SIGNAL_SELECTOR, WINDOW_TITLE_SELECTOR } from '../document-hint';
import { KIND_PLURALS } from '../document-kind';
import { collapse, findLabels, labelInfo } from '../page-labels';
import { decodedUri } from '../uri-text';
import { CLICKABLE_ROLES } from './clickable-text';
import { typeSelectKind } from './document-type';
import type { FieldHit } from './field-hits';

/** Headings, tabs and breadcrumbs looked at for the kind of document the page shows. */
const MAX_KIND_ELEMENTS = 12;

/**
 * The kind of document the page says it shows, in its title and headings, else its active tab or
 * breadcrumb: the cheap first test of a page without PDF links (a few elements, not the whole tree),
 * and what makes "Number" alone the document's number. Read lazily, and the tabs only when the
 * headings said nothing: tag lists are cheaper than attribute selectors.
 */
export function kindSignalReader(document: Document, url: URL): () => DocumentKind | undefined {
  let read = false;
  let signal: DocumentKind | undefined;
  return () => {
    if (read) return signal;
    read = true;
    signal = headingKindSignal(document, true) ?? tabKindSignal(document) ?? addressKindSignal(url) ?? typeSelectKind(document);
    return signal;
  };
}

/** The longest heading that may be a kind's name alone ("Faktura korygująca", "Proforma Invoice"). */
const MAX_KIND_HEADING = 40;

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
  // "Seller Hub – Order Details" over a sheet headed "Tax Invoice": a title without a number names the app's screen, a heading that is a kind's name alone the document shown.
  if (titleKind && !/\d/.test(title)) {
    const named = headingNamingKind(document);
    if (named && named !== titleKind) return named;
  }
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

/** The kind an `<h1>` or `<h2>` names by its whole text ("Tax Invoice", "Kreditnota"), the first such. */
function headingNamingKind(document: Document): DocumentKind | undefined {
  for (const tag of ['h1', 'h2']) {
    const headings = document.getElementsByTagName(tag);
    for (let i = 0; i < headings.length && i < MAX_KIND_ELEMENTS; i++) {
      const text = collapse(headings[i]!.textContent ?? '');
      if (text.length > MAX_KIND_HEADING) continue;
      const label = findLabels(text).find((l) => l.info.kind && l.start === 0 && l.end === text.length);
      if (label) return label.info.kind;
    }
  }
  return undefined;
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

export function kindIn(text: string, plurals: boolean): DocumentKind | undefined {
  for (const label of findLabels(text)) if (label.info.kind) return label.info.kind;
  if (!plurals) return undefined;
  // "Website redesign » Invoices » SuiteCRM": the module's name, in the plural.
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const kind = KIND_PLURALS.get(word);
    if (kind) return kind;
  }
  return undefined;
}

/**
 * The kind of document: what the number's own heading says ("Credit note CN-5"), else what the page's
 * title or headings say, else the number's label ("Order number"), else the active tab or breadcrumb.
 */
export function documentKind(numberHit: FieldHit | undefined, number: string, document: Document, signal: () => DocumentKind | undefined): DocumentKind | undefined {
  if (numberHit?.kind && numberHit.rank > 0) return numberHit.kind;
  // The tabs are read only when neither the headings nor the number's label name the kind.
  return headingKindSignal(document, false, number) ?? numberHit?.kind ?? signal();
}

/**
 * A delivery note lists goods, not money: one headed by its kind and number, or a page whose title, heading or tab
 * names a delivery note and whose number is a field of its own ("Bon de livraison" over "N° pièce: BL00412",
 * "Packing Slip #"), or whose title or heading names a packing slip numbered by its order, as most are ("PACKING
 * SLIP" over "Order #: SO-000318").
 */
export function isDeliveryNote(numberHit: FieldHit | undefined, signal: () => DocumentKind | undefined, document: Document): boolean {
  if (!numberHit) return false;
  if (numberHit.rank > 0) return numberHit.kind === 'delivery-note';
  if (numberHit.kind === undefined || numberHit.kind === 'delivery-note') return signal() === 'delivery-note';
  return numberHit.kind === 'order-confirmation' && headingKindSignal(document) === 'delivery-note';
}
