import {
  collapse,
  EMAIL_PATTERN,
  findEmail,
  isNumberHeading,
  findLabels,
  labelAtStart,
  looksLikeAction,
  looksLikeDocumentLink,
  parseAmount,
  parseDate,
  parseDocumentNumber,
  parseNameValue,
  parseNumberValue,
  sameOriginUrl,
  type LabelledField,
} from './page-labels';
import { matchLanguage, type Language } from '../i18n/core';
import type { DetectedDocument, PageDetection, SiteAdapter } from './site-adapter';

/**
 * Bounds on the work done per detection, so a huge page costs the same as a big one. Detection
 * runs at load and again after client-side navigation (bounded in time by the content script).
 */
const MAX_TEXT_NODES = 4000;
const MAX_TEXT_LENGTH = 300;
const MAX_LINKS = 600;
const MAX_MAILTO = 60;
const MAX_PROBE_CANDIDATES = 3;
const MAX_LIST_ROWS = 200;
/** A value follows its label in the same text, or in one of the next few texts ("Kund: <b>Kund AB</b>"). */
const VALUE_LOOKAHEAD = 2;
/** An address this close after the customer's label is the customer's. */
const CUSTOMER_NEIGHBOURHOOD = 12;
/** Running text longer than this is prose, not a labelled field: numbers in it are not the document's. */
const MAX_FIELD_TEXT = 90;

const SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'BUTTON']);
const HEADING_SELECTOR = 'h1, h2, h3, h4, [role="heading"]';
const CHROME_SELECTOR = 'header, footer, nav, aside, [role="banner"], [role="contentinfo"], [role="navigation"]';
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, without relying on the global


interface TextItem {
  text: string;
  element: Element;
}

function collectTexts(root: Element): TextItem[] {
  const items: TextItem[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node && items.length < MAX_TEXT_NODES; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || SKIPPED_PARENTS.has(parent.tagName)) continue;
    const data = (node as Text).data;
    if (!/\S/.test(data)) continue;
    items.push({ text: collapse(data.length > MAX_TEXT_LENGTH ? data.slice(0, MAX_TEXT_LENGTH) : data), element: parent });
  }
  return items;
}

interface FieldHit {
  value: string;
  index: number;
  element: Element;
  languages: Language[];
  /** Rank among hits of the same field: headings beat fields for numbers, "to pay" beats "total". */
  rank: number;
}

/** Whatever the page labels, found in one pass over its texts. */
interface LabelledValues {
  hits: Partial<Record<LabelledField, FieldHit[]>>;
  /** Languages voted for by every label found. */
  votes: Map<Language, number>;
  texts: TextItem[];
}

function headingRank(element: Element): number {
  const heading = element.closest(HEADING_SELECTOR);
  if (!heading) return 0;
  const level = /^H(\d)$/.exec(heading.tagName)?.[1];
  return level ? 5 - Number(level) : 1;
}

function valueFor(field: LabelledField, text: string): string | undefined {
  switch (field) {
    case 'number':
      return parseNumberValue(text);
    case 'email':
      return findEmail(text);
    case 'customer':
      return parseNameValue(text);
    case 'amount':
      return parseAmount(text);
    case 'dueDate':
      return parseDate(text);
  }
}

/** The value a `<label>` points at, when the label names a form field (an edit page). */
function controlValue(element: Element): string | undefined {
  const label = element.closest('label');
  if (!label) return undefined;
  const control = (label as HTMLLabelElement).control ?? label.querySelector('input, textarea');
  const value = (control as HTMLInputElement | null)?.value;
  return value ? collapse(value) : undefined;
}

function readLabelledValues(texts: TextItem[]): LabelledValues {
  const hits: LabelledValues['hits'] = {};
  const votes = new Map<Language, number>();
  /** Texts read as a label's value ("Kund AB" after "Kund:") are not read again as labels. */
  const consumed = new Set<number>();
  texts.forEach((item, index) => {
    if (consumed.has(index)) return;
    for (const label of findLabels(item.text)) {
      const { info } = label;
      const rank = info.field === 'number' ? headingRank(item.element) : info.due ? 1 : 0;
      // Prose ("thank you for your order of 3 items") is not a field; headings and short texts are.
      if (info.field === 'number' && rank === 0 && item.text.length > MAX_FIELD_TEXT) continue;
      const rest = item.text.slice(label.end);
      let value = valueFor(info.field, rest);
      let element = item.element;
      if (!value && /^[\s:#.–-]*(?:(?:nr|no|nº)\.?)?[\s:#.]*$/iu.test(rest)) {
        // A label alone: its value is in the next texts (<dt>/<dd>, <th>/<td>, "Kund: <b>…</b>") or its form field.
        value = controlValue(item.element);
        for (let next = index + 1; !value && next <= index + VALUE_LOOKAHEAD && next < texts.length; next++) {
          value = valueFor(info.field, texts[next]!.text);
          if (value) {
            element = texts[next]!.element;
            consumed.add(next);
          }
        }
      }
      if (!value) continue;
      for (const language of info.languages) votes.set(language, (votes.get(language) ?? 0) + 1);
      (hits[info.field] ??= []).push({ value, index, element, languages: info.languages, rank });
    }
  });
  return { hits, votes, texts };
}

/** The best hit: highest rank, and among equals the first (numbers) or the last (amounts: the grand total comes last). */
function bestHit(hits: FieldHit[] | undefined, preferLast = false): FieldHit | undefined {
  let best: FieldHit | undefined;
  for (const hit of hits ?? []) {
    if (!best || hit.rank > best.rank || (preferLast && hit.rank === best.rank)) best = hit;
  }
  return best;
}

function pageLanguage(document: Document, values: LabelledValues, numberHit: FieldHit | undefined): Language | undefined {
  const tagged = matchLanguage(document.documentElement.getAttribute('lang') ?? '');
  if (tagged) return tagged;
  const candidates = numberHit?.languages ?? [...values.votes.keys()];
  let best: Language | undefined;
  for (const language of candidates) if (!best || (values.votes.get(language) ?? 0) > (values.votes.get(best) ?? 0)) best = language;
  return best;
}

function isInPageChrome(element: Element): boolean {
  return element.closest(CHROME_SELECTOR) !== null;
}

function mailtoAddress(link: Element): string | undefined {
  const href = link.getAttribute('href') ?? '';
  let address: string;
  try {
    address = decodeURIComponent(href.slice(7).split('?')[0] ?? '');
  } catch {
    return undefined;
  }
  return findEmail(address) === address ? address : undefined;
}

/** Addresses on the page, best first: the customer's (labelled, near the customer's name) before the app's own. */
function rankRecipients(root: Element, values: LabelledValues): string[] {
  const scores = new Map<string, { address: string; score: number; order: number }>();
  const add = (address: string, score: number) => {
    const key = address.toLowerCase();
    const entry = scores.get(key) ?? { address, score: 0, order: scores.size };
    entry.score += score;
    scores.set(key, entry);
  };
  for (const hit of values.hits.email ?? []) add(hit.value, isInPageChrome(hit.element) ? 1 : 3);
  const mailtos = root.querySelectorAll('a[href^="mailto:" i]');
  for (let i = 0; i < mailtos.length && i < MAX_MAILTO; i++) {
    const address = mailtoAddress(mailtos[i]!);
    if (address) add(address, isInPageChrome(mailtos[i]!) ? 0 : 2);
  }
  for (const input of root.querySelectorAll<HTMLInputElement>('input[type="email"], input[name*="mail" i], input[id*="mail" i]')) {
    const address = findEmail(input.value ?? '');
    if (address) add(address, 3);
  }
  const customerIndex = bestHit(values.hits.customer)?.index;
  values.texts.forEach((item, index) => {
    const address = item.text.includes('@') ? EMAIL_PATTERN.exec(item.text)?.[0] : undefined;
    if (!address) return;
    const nearCustomer = customerIndex !== undefined && index > customerIndex && index - customerIndex <= CUSTOMER_NEIGHBOURHOOD;
    add(address, (isInPageChrome(item.element) ? 0 : 1) + (nearCustomer ? 2 : 0));
  });
  return [...scores.values()].sort((a, b) => b.score - a.score || a.order - b.order).map((e) => e.address);
}

interface PdfLink {
  url: string;
  name?: string;
  /** The link says it is a PDF (.pdf, a PDF type, "PDF" in its text); otherwise it is only a candidate to probe. */
  confirmed: boolean;
  score: number;
  element: Element;
}

function linkText(link: Element): string {
  return collapse(`${link.textContent ?? ''} ${link.getAttribute('title') ?? ''} ${link.getAttribute('aria-label') ?? ''}`).slice(0, 120);
}

/** "PDF" as a word in a link's text ("Download PDF", "PDF-Datei"), not inside another word. */
const PDF_WORD = /(?:^|[^a-z])pdf(?:$|[^a-z])/i;

function rateLink(link: Element, base: URL, page: string): PdfLink | undefined {
  const raw = link.getAttribute('href');
  if (!raw || raw.startsWith('#')) return undefined;
  const text = linkText(link);
  const download = link.getAttribute('download');
  const type = link.getAttribute('type') ?? '';
  // Most links of a page (menus, other records) say nothing of a document: they are dropped before
  // their address is even parsed.
  const mentionsPdf = /pdf/i.test(raw) || /pdf/i.test(text) || /pdf/i.test(type) || download !== null;
  if (!mentionsPdf && !looksLikeDocumentLink(text, raw)) return undefined;
  const url = sameOriginUrl(raw, base);
  if (!url || url.href === page) return undefined;
  const path = url.pathname;
  let score = 0;
  let confirmed = false;
  if (/\.pdf$/i.test(path)) (score += 4), (confirmed = true);
  if (/pdf/i.test(type)) (score += 4), (confirmed = true);
  if (download !== null) score += download.toLowerCase().endsWith('.pdf') ? ((confirmed = true), 4) : 2;
  if (PDF_WORD.test(text)) (score += 3), (confirmed = true);
  if (/(?:^|[/_-])pdf(?:$|[/_.-])|[?&](?:format|type|output)=pdf/i.test(`${path}${url.search}`)) (score += 3), (confirmed = true);
  if (!confirmed) {
    if (looksLikeAction(text, `${path}${url.search}`)) return undefined;
    if (looksLikeDocumentLink(text, `${path}${url.search}`)) score += 1;
  }
  if (score === 0) return undefined;
  const name = download && download.trim() ? download.trim() : undefined;
  return { url: url.href, ...(name ? { name } : {}), confirmed, score, element: link };
}

/** PDFs shown in the page itself (a viewer in an iframe, embed or object). */
function embeddedPdfs(root: Element, base: URL): PdfLink[] {
  const found: PdfLink[] = [];
  for (const element of root.querySelectorAll('iframe[src], embed[src], object[data]')) {
    const url = sameOriginUrl(element.getAttribute('src') ?? element.getAttribute('data'), base);
    if (url && (/\.pdf$/i.test(url.pathname) || /pdf/i.test(element.getAttribute('type') ?? ''))) {
      found.push({ url: url.href, confirmed: true, score: 5, element });
    }
  }
  return found;
}

function rateLinks(root: Element, base: URL): PdfLink[] {
  const rated: PdfLink[] = embeddedPdfs(root, base);
  const links = root.querySelectorAll('a[href]');
  const page = base.href.replace(/#.*$/, '');
  for (let i = 0; i < links.length && i < MAX_LINKS; i++) {
    const rating = rateLink(links[i]!, base, page);
    if (rating) rated.push(rating);
  }
  return rated.sort((a, b) => Number(b.confirmed) - Number(a.confirmed) || b.score - a.score);
}

function pageAnchor(document: Document, numberHit: FieldHit | undefined): Element | undefined {
  const heading = numberHit?.element.closest(HEADING_SELECTOR);
  if (heading) return heading;
  return document.querySelector('main h1, h1') ?? undefined;
}

function extractDocument(document: Document, root: HTMLElement, links: PdfLink[]): { found: DetectedDocument; titled: boolean } | undefined {
  const pdf = links.find((l) => l.confirmed);
  const candidates = pdf ? [] : links.filter((l) => !l.confirmed).slice(0, MAX_PROBE_CANDIDATES).map((l) => l.url);
  // A page is a document page when it offers its PDF (or a link that may be it) and names a document
  // number. The links are rated first: they are cheaper to read than every text, and most pages of an
  // app (dashboards, settings) have none.
  if (!pdf && candidates.length === 0) return undefined;
  const values = readLabelledValues(collectTexts(root));
  const numberHit = bestHit(values.hits.number);
  let number = numberHit?.value;
  if (!number) number = parseDocumentNumber(document.title);
  if (!number) return undefined;
  const customerName = bestHit(values.hits.customer)?.value;
  const amount = bestHit(values.hits.amount, true)?.value;
  const dueDate = bestHit(values.hits.dueDate)?.value;
  const language = pageLanguage(document, values, numberHit);
  const anchor = pageAnchor(document, numberHit);
  const found: DetectedDocument = {
    number,
    recipients: rankRecipients(root, values),
    ...(customerName ? { customerName } : {}),
    ...(amount ? { amount } : {}),
    ...(dueDate ? { dueDate } : {}),
    ...(language ? { language } : {}),
    ...(pdf ? { pdfUrl: pdf.url, ...(pdf.name ? { pdfName: pdf.name } : {}) } : { pdfCandidates: candidates }),
    ...(anchor ? { anchor } : {}),
  };
  return { found, titled: (numberHit?.rank ?? 0) > 0 };
}

// ---------------------------------------------------------------------------------------------------
// Lists

const ROW_SELECTOR = 'tr, [role="row"], li, article';

/** The columns of a table whose headings name a field ("Nr", "Kund", "E-post", "Att betala"). */
function columnFields(row: Element): Map<number, LabelledField> {
  const columns = new Map<number, LabelledField>();
  const table = row.closest('table');
  const headerRow = table?.querySelector('thead tr') ?? table?.querySelector('tr:has(th)');
  if (!headerRow || headerRow === row) return columns;
  [...headerRow.children].forEach((cell, index) => {
    const text = collapse(cell.textContent ?? '');
    if (isNumberHeading(text)) return void columns.set(index, 'number');
    const info = labelAtStart(text)?.info;
    if (info && !columns.has(index)) columns.set(index, info.field);
  });
  return columns;
}

function extractRow(row: Element, link: PdfLink, language: Language | undefined): DetectedDocument | undefined {
  const columns = columnFields(row);
  const cells = [...row.children];
  const fields: Partial<Record<LabelledField, string>> = {};
  for (const [index, field] of columns) {
    const cell = cells[index];
    if (!cell || fields[field]) continue;
    const text = collapse(cell.textContent ?? '');
    const value = field === 'number' ? parseNumberValue(text) : field === 'email' ? findEmail(text) : field === 'customer' ? parseNameValue(text) : field === 'amount' ? parseAmount(text) : parseDate(text);
    if (value) fields[field] = value;
  }
  const values = readLabelledValues(collectTexts(row));
  fields.number ??= bestHit(values.hits.number)?.value;
  if (!fields.number) return undefined;
  fields.customer ??= bestHit(values.hits.customer)?.value;
  fields.amount ??= bestHit(values.hits.amount, true)?.value;
  fields.dueDate ??= bestHit(values.hits.dueDate)?.value;
  const recipients = rankRecipients(row, values);
  if (fields.email && !recipients.some((r) => r.toLowerCase() === fields.email!.toLowerCase())) recipients.unshift(fields.email);
  return {
    number: fields.number,
    recipients,
    ...(fields.customer ? { customerName: fields.customer } : {}),
    ...(fields.amount ? { amount: fields.amount } : {}),
    ...(fields.dueDate ? { dueDate: fields.dueDate } : {}),
    ...(language ? { language } : {}),
    pdfUrl: link.url,
    ...(link.name ? { pdfName: link.name } : {}),
    row,
  };
}

function extractList(document: Document, root: HTMLElement, links: PdfLink[]): DetectedDocument[] | undefined {
  const rows = new Map<Element, PdfLink>();
  for (const link of links) {
    // Lists need links that say they are PDFs: probing one link per row would cost the site a request per row.
    if (!link.confirmed) continue;
    const row = link.element.closest(ROW_SELECTOR);
    if (!row || rows.has(row) || rows.size >= MAX_LIST_ROWS) continue;
    rows.set(row, link);
  }
  if (rows.size < 2) return undefined;
  const language = pageLanguage(document, readLabelledValues(collectTexts(root.querySelector('h1') ?? root)), undefined);
  const documents: DetectedDocument[] = [];
  const seen = new Set<string>();
  for (const [row, link] of rows) {
    const found = extractRow(row, link, language);
    if (!found?.number || seen.has(found.number)) continue;
    seen.add(found.number);
    documents.push(found);
  }
  return documents.length >= 2 ? documents : undefined;
}

/** The adapter for any invoice or order page, in the extension's seven languages: labels, mailto links and PDF links. */
export const genericInvoiceAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Any invoice page',
  matches: () => true,
  detect(document, url): PageDetection | undefined {
    const root = document.body;
    if (!root) return undefined;
    const links = rateLinks(root, url);
    if (links.length === 0) return undefined;
    const single = extractDocument(document, root, links);
    // A number in the page's title makes it a document page, even when it also lists related documents.
    if (single?.titled) return { kind: 'document', documents: [single.found], ...(single.found.anchor ? { anchor: single.found.anchor } : {}) };
    const list = extractList(document, root, links);
    if (list) {
      const heading = document.querySelector('main h1, h1');
      return { kind: 'list', documents: list, ...(heading ? { anchor: heading } : {}) };
    }
    if (single) return { kind: 'document', documents: [single.found], ...(single.found.anchor ? { anchor: single.found.anchor } : {}) };
    return undefined;
  },
};
