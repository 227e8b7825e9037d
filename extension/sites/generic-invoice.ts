import type { DetectedDocument, SiteAdapter } from './site-adapter';

/**
 * Labels that introduce a document number, in the extension's languages (en, pl, sv, da, nb, is, de).
 * Longer labels first so "Fakturanummer" wins over "Faktura".
 */
const NUMBER_LABELS = [
  'invoice number', 'invoice no', 'invoice', 'order number', 'order no', 'order',
  'numer faktury', 'faktura vat', 'faktura nr', 'zamówienie',
  'fakturanummer', 'fakturanr', 'faktura', 'ordernummer', 'ordrenummer', 'ordre', 'order',
  'reikningsnúmer', 'reikningur', 'pöntun',
  'rechnungsnummer', 'rechnung nr', 'rechnung', 'bestellnummer', 'bestellung', 'auftrag',
];

const NUMBER_PATTERN = new RegExp(
  `(?:^|\\b)(?:${NUMBER_LABELS.map((l) => l.replace(/ /g, '\\s+')).join('|')})\\s*(?:no\\.?|nr\\.?|#|number|nummer)?\\s*[:#]?\\s*([A-Z0-9][A-Z0-9\\-/.]{0,40}[0-9A-Z])`,
  'iu',
);

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function findNumber(document: Document): { number: string; anchor: Element } | undefined {
  const candidates = document.querySelectorAll('h1, h2, h3, [data-invoice-number], .invoice-number, .document-title');
  for (const element of candidates) {
    const match = NUMBER_PATTERN.exec(textOf(element));
    if (match?.[1] && /\d/.test(match[1])) return { number: match[1], anchor: element };
  }
  return undefined;
}

function findRecipients(document: Document): string[] {
  const found: string[] = [];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="mailto:" i]')) {
    const address = decodeURIComponent(link.getAttribute('href')!.slice(7).split('?')[0] ?? '');
    if (EMAIL.test(address)) found.push(address);
  }
  for (const input of document.querySelectorAll<HTMLInputElement>('input[type="email"]')) {
    if (EMAIL.test(input.value)) found.push(input.value.trim());
  }
  return [...new Set(found.map((a) => a.trim()))];
}

function findPdf(document: Document, base: URL): { url: string; name?: string } | undefined {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')];
  const score = (a: HTMLAnchorElement) => {
    const href = a.getAttribute('href') ?? '';
    let s = 0;
    if (/\.pdf(?:$|[?#])/i.test(href)) s += 3;
    if (a.hasAttribute('download')) s += 2;
    if (/\bpdf\b/i.test(textOf(a)) || /\bpdf\b/i.test(a.getAttribute('title') ?? '')) s += 2;
    if (/type=pdf|format=pdf|\/pdf\b/i.test(href)) s += 1;
    return s;
  };
  const best = links.map((a) => ({ a, s: score(a) })).filter((x) => x.s > 0).sort((x, y) => y.s - x.s)[0];
  if (!best) return undefined;
  const url = new URL(best.a.getAttribute('href')!, base);
  if (url.origin !== base.origin) return undefined;
  const download = best.a.getAttribute('download');
  return { url: url.href, ...(download ? { name: download } : {}) };
}

/** The adapter for any invoice or order page: labels, mailto links and PDF links. */
export const genericInvoiceAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Any invoice page',
  matches: () => true,
  extract(document, url): DetectedDocument | undefined {
    const number = findNumber(document);
    const pdf = findPdf(document, url);
    // A page is a document page when it names a document number and offers its PDF.
    if (!number || !pdf) return undefined;
    return {
      number: number.number,
      recipients: findRecipients(document),
      pdfUrl: pdf.url,
      ...(pdf.name ? { pdfName: pdf.name } : {}),
      anchor: number.anchor,
    };
  },
};
