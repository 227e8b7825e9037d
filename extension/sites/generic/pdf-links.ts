/**
 * The page's links, buttons and viewers that give the document's PDF, rated: confirmed ones (a .pdf, a PDF type,
 * "PDF" in the text), candidates to probe, and PDFs on another host.
 */
import { collapse, looksLikeAction, looksLikeDocumentLink, sameOriginUrl } from '../page-labels';
import { MAX_LINKS } from './limits';
import { BARE_NUMBER } from './lone-labels';
import { closedDialogs, isInside } from './page-texts';

export interface PdfLink {
  url: string;
  name?: string;
  /** The link says it is a PDF (.pdf, a PDF type, "PDF" in its text); otherwise it is only a candidate to probe. */
  confirmed: boolean;
  score: number;
  element: Element;
  /**
   * A PDF on another host (a hosted invoice page's "Download invoice" on the payment host): not the
   * page's to fetch, but it tells that the page shows a document, as a heading naming one would.
   */
  offsite?: boolean;
}

/**
 * PDFs that are no document's: terms and conditions, a privacy policy, a manual or guide, a brochure or
 * price list ("Terms (PDF)" under an invoice-financing offer), by a link's text or address.
 */
const OTHER_PAPER =
  /(?:^|[^\p{L}])(?:terms|conditions|privacy|manual|handbook|guide|brochure|catalog(?:ue)?|price ?list|datasheet|agb|datenschutz|handbuch|anleitung|preisliste|cgv|cgu|villkor|integritetspolicy|vilkår|personvern|ehdot|tietosuoja|voorwaarden|condizioni|condiciones|términos|privacidad|termos|condições|privacidade|regulamin|polityka prywatności|skilmálar)(?![\p{L}])/iu;

/** Files that are no PDF, whatever their link says ("Export revenue (CSV)"). */
const OTHER_FILE = /\.(?:csv|xlsx?|ods|xml|json|zip|txt|ics|vcf|png|jpe?g|gif|svg|docx?|odt)$/i;

function linkText(link: Element): string {
  // An `<input type="button">` says what it does in its value.
  const value = link.tagName === 'INPUT' ? (link.getAttribute('value') ?? '') : '';
  return collapse(`${link.textContent ?? ''} ${value} ${link.getAttribute('title') ?? ''} ${link.getAttribute('aria-label') ?? ''}`).slice(0, 120);
}

/** "PDF" as a word in a link's text ("Download PDF", "PDF-Datei"), not inside another word. */
const PDF_WORD = /(?:^|[^a-z])pdf(?:$|[^a-z])/i;

/**
 * Buttons that open a PDF route by script rather than by a link: `window.open('/api/…/pdf')` in their
 * `onclick`, or the route in `data-href` / `data-url` for the app's router; a `<button>`, an
 * `<input type="button">` (server-rendered forms), or a span or div with `role="button"` (React and
 * Bootstrap toolbars). Only those whose route names a PDF, a print or a preview (PRINT_ROUTE, in the
 * languages we read: `/wydruk`, `/imprimir`, `/drucken`): a button's other routes may act when
 * requested. A print or preview route without "pdf" is only a candidate to probe, as a link would be.
 */
const PDF_BUTTON_SELECTOR = ['button', 'input[type="button"]', '[role="button"]'].flatMap((element) => ['onclick', 'data-href', 'data-url'].map((attribute) => `${element}[${attribute}]`)).join(', ');
export const PRINT_ROUTE = /pdf|print|preview|druck|wydruk|imprim|stampa|tulost|afdruk|utskrift|udskriv|prent|prindi|ispis/i;
const SCRIPTED_ROUTE = /(?:\bopen|location(?:\.href)?\s*=|location\.assign)\s*\(?\s*(['"])([^'"]+)\1/;

/** The address a link or a PDF button leads to. */
function linkTarget(link: Element): string | null {
  // An anchor without an address that acts as a button (`<a role="button" data-href>`) has its route in its data.
  if (link.tagName === 'A' && link.hasAttribute('href')) {
    const href = link.getAttribute('href')!;
    // `<a href="#" onclick="window.open('/invoices/771019.pdf')">`: the script leads where the address does not.
    const scripted = /^\s*(?:#\s*$|javascript:)/i.test(href) ? SCRIPTED_ROUTE.exec(link.getAttribute('onclick') ?? '')?.[2] : undefined;
    return scripted ?? href;
  }
  const route = link.getAttribute('data-href') ?? link.getAttribute('data-url');
  if (route) return route;
  return SCRIPTED_ROUTE.exec(link.getAttribute('onclick') ?? '')?.[2] ?? null;
}

/**
 * The address of a link, or of a scripted button whose route names a PDF, a print or a preview
 * (PDF_BUTTON_SELECTOR); null for a page's other scripted buttons, which are no candidates.
 */
function candidateTarget(link: Element): string | null {
  const raw = linkTarget(link);
  if (!raw) return null;
  return (link.tagName === 'A' && link.hasAttribute('href')) || PRINT_ROUTE.test(raw) ? raw : null;
}

function rateLink(link: Element, raw: string, base: URL, page: string): PdfLink | undefined {
  if (raw.startsWith('#')) return undefined;
  const text = linkText(link);
  const download = link.getAttribute('download');
  const type = link.getAttribute('type') ?? '';
  // Most links of a page (menus, other records) say nothing of a document: they are dropped before
  // their address is even parsed.
  const mentionsPdf = /pdf/i.test(raw) || /pdf/i.test(text) || /pdf/i.test(type) || download !== null;
  if (!mentionsPdf && !looksLikeDocumentLink(text, raw)) return undefined;
  if (OTHER_PAPER.test(text) || OTHER_PAPER.test(raw)) return undefined;
  const url = sameOriginUrl(raw, base);
  if (!url) return mentionsPdf ? offsitePdf(link, raw, text, base) : undefined;
  if (url.href === page) return undefined;
  const path = url.pathname;
  if (OTHER_FILE.test(path)) return undefined;
  // "Send Invoice" to `/sales/send_pdf/523`: a link whose text and address both name an action mails the PDF, it is none.
  if (looksLikeAction(text, '') && looksLikeAction('', path)) return undefined;
  let score = 0;
  let confirmed = false;
  if (/\.pdf$/i.test(path)) {
    score += 4;
    confirmed = true;
  }
  if (/pdf/i.test(type)) {
    score += 4;
    confirmed = true;
  }
  if (download !== null) score += download.toLowerCase().endsWith('.pdf') ? ((confirmed = true), 4) : 2;
  if (PDF_WORD.test(text)) {
    score += 3;
    confirmed = true;
  }
  if (/(?:^|[/_-])pdf(?:$|[/_.-])|[?&](?:format|type|output)=pdf/i.test(`${path}${url.search}`)) {
    score += 3;
    confirmed = true;
  }
  if (!confirmed) {
    if (looksLikeAction(text, `${path}${url.search}`)) return undefined;
    // A link named by a record's code alone ("AN-2026-0455" in a project's list of documents) opens that record, not a file.
    if (/\d/.test(text) && BARE_NUMBER.test(text)) return undefined;
    // A link up the page's own path (a menu's "Documents" to `/documents` on `/documents/invoice/8c1d77`) leads to its list, not its file.
    if (!url.search && base.pathname.startsWith(`${path.replace(/\/+$/, '')}/`)) return undefined;
    // What the link says and where it leads count apart: "Imprimir" to …/142/print beats a menu's "Vendas" to /commercial_sales_documents.
    if (looksLikeDocumentLink(text, '')) score += 1;
    if (looksLikeDocumentLink('', `${path}${url.search}`)) score += 1;
    // A route under the page's own record (`/documents/142` → `/documents/142/print`) is this document's.
    const record = base.pathname.replace(/\/+$/, '');
    if (score > 0 && /\d/.test(record) && path.startsWith(`${record}/`)) score += 1;
  }
  if (score === 0) return undefined;
  const name = download && download.trim() ? download.trim() : undefined;
  return { url: url.href, ...(name ? { name } : {}), confirmed, score, element: link };
}

/** A link to a PDF on another web host: "Download invoice" to `https://pay.example/invoice/…/pdf`. */
function offsitePdf(link: Element, raw: string, text: string, base: URL): PdfLink | undefined {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || !/(?:^|[/_.-])pdf(?:$|[/_.-])/i.test(url.pathname) || looksLikeAction(text, '')) return undefined;
  return { url: url.href, confirmed: true, score: 0, element: link, offsite: true };
}

/** The first PDF link on another host, when the page's own site offers no PDF: the panel asks to read that host. */
export function offsitePdfUrl(pdf: PdfLink | undefined, links: readonly PdfLink[]): { pdfElsewhere?: string } {
  const offsite = pdf ? undefined : links.find((l) => l.offsite);
  return offsite ? { pdfElsewhere: offsite.url } : {};
}

/**
 * PDFs shown in the page itself (a viewer in an iframe, embed or object). A PDF.js viewer names its
 * file in `?file=`; a viewer whose address says neither `.pdf` nor a type, but prints or renders a
 * document, is a candidate to probe, as is any `<embed>` or `<object>` without a type that shows no
 * image or page.
 */
function embeddedPdfs(root: Element, base: URL): PdfLink[] {
  const found: PdfLink[] = [];
  for (const element of root.querySelectorAll('iframe[src], embed[src], object[data]')) {
    let url = sameOriginUrl(element.getAttribute('src') ?? element.getAttribute('data'), base);
    const file = url?.searchParams.get('file');
    if (url && file) url = sameOriginUrl(file, url) ?? url;
    if (!url) continue;
    const type = element.getAttribute('type') ?? '';
    if (/\.pdf$/i.test(url.pathname) || /pdf/i.test(type)) found.push({ url: url.href, confirmed: true, score: 5, element });
    else if (
      /pdf|print|render|download|document|preview|viewer|\/files?\/|\/attachments?\/|\/inline\b/i.test(`${url.pathname}${url.search}`) ||
      // A plug-in's content without a type (`<embed src="/invoices/55012/image">`): browsers have no plug-in left but the PDF viewer.
      (element.tagName !== 'IFRAME' && !type && !OTHER_FILE.test(url.pathname) && !/\.(?:html?|php|aspx?)$/i.test(url.pathname))
    )
      found.push({ url: url.href, confirmed: false, score: 2, element });
  }
  return found;
}

export function rateLinks(root: Element, base: URL): PdfLink[] {
  const rated: PdfLink[] = embeddedPdfs(root, base);
  const links = root.querySelectorAll(`a[href], ${PDF_BUTTON_SELECTOR}`);
  const page = base.href.replace(/#.*$/, '');
  const hidden = closedDialogs(root);
  // The bound counts candidates only: an app that puts `onclick` on every row's buttons does not push
  // the PDF's link past it.
  let candidates = 0;
  for (let i = 0; i < links.length && candidates < MAX_LINKS; i++) {
    const raw = candidateTarget(links[i]!);
    if (raw === null || (hidden.size > 0 && isInside(links[i]!, hidden))) continue;
    candidates++;
    const rating = rateLink(links[i]!, raw, base, page);
    if (rating) rated.push(rating);
  }
  return rated.sort((a, b) => Number(b.confirmed) - Number(a.confirmed) || b.score - a.score);
}
