/**
 * A list of documents, one per row that links a PDF, read row by row.
 */
import type { TemplateLanguage } from '../../../shared/languages';
import { collapse, findEmail, isNumberHeading, labelAtStart, type LabelledField, parseAmount, parseDate, parseNameValue, parseNumberValue } from '../page-labels';
import { templateLanguage } from '../page-language';
import type { DetectedDocument } from '../site-adapter';
import { pageLanguage } from './document-language';
import { bestHit } from './field-hits';
import { readLabelledValues } from './labelled-values';
import { MAX_LIST_ROWS } from './limits';
import { collectTexts } from './page-texts';
import type { PdfLink } from './pdf-links';
import { rankRecipients } from './recipients';

export const ROW_SELECTOR = 'tr, [role="row"], li, article';

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

function extractRow(row: Element, link: PdfLink, language: TemplateLanguage | undefined, base: URL): DetectedDocument | undefined {
  const columns = columnFields(row);
  const cells = [...row.children];
  const fields: Partial<Record<LabelledField, string>> = {};
  for (const [index, field] of columns) {
    const cell = cells[index];
    if (!cell || fields[field]) continue;
    const text = collapse(cell.textContent ?? '');
    const value =
      field === 'number' ? parseNumberValue(text) : field === 'email' ? findEmail(text) : field === 'customer' ? parseNameValue(text) : field === 'amount' ? parseAmount(text) : parseDate(text);
    if (value) fields[field] = value;
  }
  const values = readLabelledValues(collectTexts(row));
  const numberHit = bestHit(values.hits.number?.filter((h) => !h.generic));
  fields.number ??= numberHit?.value;
  if (!fields.number) return undefined;
  fields.customer ??= bestHit(values.hits.customer)?.value;
  fields.amount ??= bestHit(values.hits.amount, true)?.value;
  fields.dueDate ??= bestHit(values.hits.dueDate)?.value;
  const recipients = rankRecipients(row, values, base);
  if (fields.email && !recipients.some((r) => r.toLowerCase() === fields.email!.toLowerCase())) recipients.unshift(fields.email);
  return {
    number: fields.number,
    ...(numberHit?.kind ? { kind: numberHit.kind } : {}),
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

export function extractList(document: Document, root: HTMLElement, links: PdfLink[], base: URL): DetectedDocument[] | undefined {
  const rows = new Map<Element, PdfLink>();
  for (const link of links) {
    // Lists need links that say they are PDFs: probing one link per row would cost the site a request per row.
    if (!link.confirmed || link.offsite) continue;
    const row = link.element.closest(ROW_SELECTOR);
    if (!row || rows.has(row) || rows.size >= MAX_LIST_ROWS) continue;
    rows.set(row, link);
  }
  if (rows.size < 2) return undefined;
  const language = templateLanguage(pageLanguage(document, readLabelledValues(collectTexts(root.querySelector('h1') ?? root)), undefined));
  const documents: DetectedDocument[] = [];
  const seen = new Set<string>();
  for (const [row, link] of rows) {
    const found = extractRow(row, link, language, base);
    if (!found?.number || seen.has(found.number)) continue;
    seen.add(found.number);
    documents.push(found);
  }
  // A table of one's own bills (a plan page's invoice history) names no customer in any row: nothing to send from it.
  return documents.length >= 2 && documents.some((d) => d.customerName || d.recipients.length > 0) ? documents : undefined;
}
