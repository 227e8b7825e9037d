/**
 * "Why is there no button?" (issue 16 item 11): what the page offers, also when it offers too little
 * for a send button: the document number, a recipient, a PDF. The popup shows it with ✓ and ✗, and
 * "Send anyway" opens the panel with what was found. Runs only when the popup asks, never at load.
 */
import type { PageReport } from '../../shared/extension-messages';
import type { Recipe } from '../../shared/recipe-schemas';
import { shownValue } from './element-value';
import { detectDocumentsOnPage } from './index';
import { findEmail, labelAtStart, parseDocumentNumber, sameOriginUrl } from './page-labels';
import type { DetectedDocument, PageDetection } from './site-adapter';

export type { PageReport };

/** Bounds: this reads the page once per popup, but a page may be huge. */
const MAX_LABEL_ELEMENTS = 600;
const MAX_TEXT = 50_000;

/** The value that belongs to a "Number" label: its control, the next cell, or the label's own rest. */
function valueOfLabel(label: Element): string | undefined {
  const control = label.getAttribute('for') ? label.ownerDocument.getElementById(label.getAttribute('for')!) : label.querySelector('input, select, textarea');
  const next = control ?? label.nextElementSibling ?? label.parentElement?.nextElementSibling ?? undefined;
  return next ? shownValue(next) : undefined;
}

function numberOnPage(document: Document): string | undefined {
  for (const heading of document.querySelectorAll('h1, h2, h3, [role="heading"], legend')) {
    const text = shownValue(heading);
    const label = labelAtStart(text);
    if (label?.info.field === 'number') {
      const number = parseDocumentNumber(text);
      if (number) return number;
    }
  }
  let seen = 0;
  for (const label of document.querySelectorAll('label, th, dt, td, span, b, strong')) {
    if (++seen > MAX_LABEL_ELEMENTS) break;
    const text = shownValue(label);
    if (text.length > 40 || labelAtStart(text)?.info.field !== 'number') continue;
    const next = valueOfLabel(label) ?? '';
    // A labelled value is the number as shown, spaces and all ("FV 12/2026").
    const value = parseDocumentNumber(text) ?? (next.length <= 40 && /\d/.test(next) ? next : undefined);
    if (value) return value;
  }
  const fromTitle = labelAtStart(document.title) ? parseDocumentNumber(document.title) : undefined;
  return fromTitle;
}

function recipientOnPage(document: Document): string | undefined {
  const outside = (element: Element) => !element.closest('header, footer, nav');
  for (const link of document.querySelectorAll('a[href^="mailto:" i]')) {
    if (!outside(link)) continue;
    const address = findEmail((link.getAttribute('href') ?? '').slice(7));
    if (address) return address;
  }
  for (const input of document.querySelectorAll('input[type="email" i], input[name*="mail" i]')) {
    const address = findEmail(shownValue(input));
    if (address) return address;
  }
  const main = document.querySelector('main') ?? document.body;
  return main ? findEmail((main.textContent ?? '').slice(0, MAX_TEXT)) : undefined;
}

/**
 * The PDF a link or viewer on the page names: on the page's own site (`pdfUrl`), or else on another web
 * host (`pdfElsewhere`, a hosted invoice page's "Download PDF" on its payment or files host), which the
 * panel offers to allow with one click.
 */
function pdfOnPage(document: Document, url: URL): { pdfUrl: string } | { pdfElsewhere: string } | undefined {
  let elsewhere: string | undefined;
  for (const element of document.querySelectorAll(
    'a[href$=".pdf" i], a[href*=".pdf?" i], a[href*="/pdf" i], embed[type="application/pdf" i], iframe[src$=".pdf" i], object[type="application/pdf" i]',
  )) {
    const raw = element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('data');
    const found = sameOriginUrl(raw, url);
    if (found) {
      // A same-site `…/pdf` route is left to the detector's probe, as before: only a `.pdf` counts here.
      if (element.tagName !== 'A' || /\.pdf$/i.test(found.pathname)) return { pdfUrl: found.href };
      continue;
    }
    if (elsewhere || !raw) continue;
    try {
      const other = new URL(raw, url);
      if (/^https?:$/.test(other.protocol) && /(?:^|[/_.-])pdf(?:$|[/_.-])/i.test(other.pathname)) elsewhere = other.href;
    } catch {
      // Not an address.
    }
  }
  return elsewhere ? { pdfElsewhere: elsewhere } : undefined;
}

/** What the page offers, and the document the panel opens with when the user sends anyway. */
export function reportPage(document: Document, url: URL, recipes: readonly Recipe[]): { report: PageReport; detection: PageDetection } {
  const detected = detectDocumentsOnPage(document, url, recipes);
  if (detected) {
    const first = detected.detection.documents[0]!;
    return {
      report: {
        detected: true,
        kind: detected.detection.kind,
        ...(detected.detection.kind === 'list' ? { count: detected.detection.documents.length } : {}),
        adapter: detected.adapter.name,
        ...(first.number ? { number: first.number } : {}),
        ...(first.recipients[0] ? { recipient: first.recipients[0] } : {}),
        ...(first.customerName ? { customerName: first.customerName } : {}),
        pdf: Boolean(first.pdfUrl),
      },
      detection: detected.detection,
    };
  }
  const number = numberOnPage(document);
  const recipient = recipientOnPage(document);
  const pdf = pdfOnPage(document, url);
  const found: DetectedDocument = { ...(number ? { number } : {}), recipients: recipient ? [recipient] : [], ...pdf };
  return {
    report: { detected: false, ...(number ? { number } : {}), ...(recipient ? { recipient } : {}), pdf: Boolean(pdf && 'pdfUrl' in pdf) },
    detection: { kind: 'document', documents: [found] },
  };
}
