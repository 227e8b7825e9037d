/**
 * The one document a page shows, from its texts, its labelled values and its PDF links.
 */
import type { DocumentKind } from '../../../shared/document-kinds';
import { companyAboveRecipient, companyOfRecipientDomain, personAboveRecipient, unlabelledBuyer } from '../buyer-block';
import { currentEntrySummary } from '../current-entry';
import { customerFromRecordLink } from '../customer-link';
import { COMPANY_NAME, parseNameValue } from '../page-labels';
import { templateLanguage } from '../page-language';
import type { DetectedDocument } from '../site-adapter';
import { amountHit } from './amount-hits';
import { companyBesideContact, companyOfContact, headingCompany, spelledOut } from './customer-names';
import { panelCustomer } from './customer-panels';
import { pageLanguage } from './document-language';
import { documentNumberHit, OPEN_DIALOG_SELECTOR, refersToAnotherKind, titleNumber } from './document-number';
import { typedSignal } from './document-type';
import { receivedDocument } from './documents-not-to-send';
import { bestHit, type FieldHit, type LabelledValues } from './field-hits';
import { HEADING_SELECTOR } from './headings';
import { isInPageChrome } from './in-page-chrome';
import { documentKind, isDeliveryNote } from './kind-signals';
import { readLabelledValues, valueFor } from './labelled-values';
import { MAX_PROBE_CANDIDATES } from './limits';
import { addressRecordName } from './lone-labels';
import { isListRow, isTeaser } from './other-documents';
import { collectPageTexts } from './page-texts';
import { offsitePdfUrl, type PdfLink } from './pdf-links';
import { dropLetterhead, rankRecipients } from './recipients';

function pageAnchor(document: Document, numberHit: FieldHit | undefined): Element | undefined {
  const heading = numberHit?.element.closest(HEADING_SELECTOR);
  if (heading) return heading;
  return document.querySelector('main h1, h1') ?? undefined;
}

/** A heading in an open dialog (not a cookie banner's text): one native query, where a document may head the dialog. */
const OPEN_DIALOG_HEADING_SELECTOR = OPEN_DIALOG_SELECTOR.split(', ')
  .flatMap((dialog) => ['h1', 'h2', 'h3'].map((heading) => `${dialog} ${heading}`))
  .join(', ');

interface ExtractedDocument {
  found: DetectedDocument;
  titled: boolean;
  /** A quick reading's whole document, as extractDocument without `quick` finds it. */
  complete?: () => DetectedDocument;
}

/**
 * With `quick` (a page's first look, issue 18), a page that offers a PDF (or a link that may be it) and
 * names the document's number in its main heading is known to show that document before the rest of
 * its texts is read: the button needs no more. What the panel needs (recipients, customer, amount,
 * due date, kind, language) is read by `complete`, from the same texts, when it is asked for.
 */
export function extractDocument(document: Document, root: HTMLElement, links: PdfLink[], signal: () => DocumentKind | undefined, base: URL, quick = false): ExtractedDocument | undefined {
  const pdf = links.find((l) => l.confirmed && !l.offsite);
  const candidates = pdf
    ? []
    : links
        .filter((l) => !l.confirmed && !l.offsite)
        .slice(0, MAX_PROBE_CANDIDATES)
        .map((l) => l.url);
  // A page is a document page when it names a document number and offers its PDF (or a link that may
  // be it), or, without one, when its heading or title names the kind of document and it shows the
  // amount and the customer: the panel then asks for the file (issue 16, item 3). The links and the
  // headings are read first: they are cheaper than every text, and most pages of an app have neither.
  if (!pdf && candidates.length === 0 && !signal() && !links.some((l) => l.offsite)) return undefined;
  const texts = collectPageTexts(root);
  const recordName = addressRecordName(base);
  // A dialog open over the page may hold a document of its own, below the page's heading: the whole page is read.
  const values = readLabelledValues(texts, quick && (pdf !== undefined || candidates.length > 0) && !document.querySelector(OPEN_DIALOG_HEADING_SELECTOR), recordName);
  if (values.stopped) {
    // The number in the main heading: the document's (documentNumberHit returns it), the heading its anchor.
    const numberHit = documentNumberHit(values, typedSignal(signal, values))!;
    if (receivedDocument(document, root, texts, numberHit, base)) return undefined;
    // As the whole reading: a card's summary of a document shown elsewhere is not the page's.
    if (!pdf && isTeaser(numberHit.element, numberHit.value, base)) return undefined;
    const anchor = pageAnchor(document, numberHit);
    let whole: DetectedDocument | undefined;
    const complete = () => (whole ??= documentFrom(document, root, readLabelledValues(texts, false, recordName), links, pdf, candidates, signal, base)!.found);
    const found: DetectedDocument = {
      number: numberHit.value,
      recipients: [],
      ...(pdf ? { pdfUrl: pdf.url, ...(pdf.name ? { pdfName: pdf.name } : {}) } : { pdfCandidates: candidates }),
      ...offsitePdfUrl(pdf, links),
      ...(anchor ? { anchor } : {}),
    };
    return { found, titled: true, complete };
  }
  return documentFrom(document, root, values, links, pdf, candidates, signal, base);
}

/** The document the page's labelled values describe, if they make it one. */
function documentFrom(
  document: Document,
  root: HTMLElement,
  values: LabelledValues,
  links: readonly PdfLink[],
  pdf: PdfLink | undefined,
  candidates: string[],
  signal: () => DocumentKind | undefined,
  base: URL,
): ExtractedDocument | undefined {
  signal = typedSignal(signal, values);
  let numberHit = documentNumberHit(values, signal);
  // A delivery note's "Réf. commande CO-55", "Auftrag AB-207", "Customer's Purchase Order PO-88": a field's number of
  // another kind than the page names is the document it refers to; the page's own number is in its title.
  // The title first: reading the page's kind may query its tabs, which a page without a number in its title never needs.
  const titled = numberHit && numberHit.rank === 0 && numberHit.kind ? titleNumber(document.title) : undefined;
  const own = titled && titled !== numberHit!.value && refersToAnotherKind(numberHit!, signal) ? titled : undefined;
  if (own) numberHit = undefined;
  let number = own ?? numberHit?.value;
  if (!number) number = titleNumber(document.title);
  if (!number) return undefined;
  // A customer's label ("Business Partner") before "Organization" alone (the app's own, in an ERP's form).
  const customerHit = companyOfContact(
    spelledOut(bestHit(values.hits.customer?.filter((h) => !h.ownOrganisation && h.rank >= 0)) ?? bestHit(values.hits.customer), values.hits.customer),
    values.hits.customer,
  );
  // A contact's or a lone "Name" label (rank -1) names a person as often as the customer: a heading that is a company's name comes first.
  const labelledCustomer = customerHit && customerHit.rank < 0 ? (headingCompany(values.texts) ?? customerHit.value) : customerHit?.value;
  let amount = amountHit(values)?.value;
  const dueDate = bestHit(values.hits.dueDate)?.value;
  const recipients = rankRecipients(root, values, base);
  // A master list's current entry beside the document (its PDF in a viewer) gives what the page's texts do not.
  const entry = (pdf || candidates.length > 0) && (!amount || !customerHit) ? currentEntrySummary(root, number, parseNameValue) : undefined;
  amount ??= entry?.amount;
  // Without a PDF, the amount and the customer make it a document: a labelled customer or address, or
  // (a page already known to name its kind and number) a buyer's address block with no label. A
  // delivery note lists goods, not money: headed by its kind and number, it needs no amount.
  if (!pdf && candidates.length === 0 && !amount && !isDeliveryNote(numberHit, signal, document)) return undefined;
  // A name without a label, at the head of an address block, is read only on a page already known to show a document.
  const customerName =
    (customerHit && customerHit.value === labelledCustomer ? companyBesideContact(customerHit, values.texts, recipients[0]) : undefined) ??
    labelledCustomer ??
    unlabelledBuyer(values.texts, recipients[0], (text, element) => valueFor('customer', text, element), isInPageChrome) ??
    headingCompany(values.texts) ??
    panelCustomer(root) ??
    companyAboveRecipient(values.texts, recipients[0], (text) => COMPANY_NAME.test(text) && parseNameValue(text) === text, isInPageChrome) ??
    personAboveRecipient(values.texts, recipients[0], parseNameValue, isInPageChrome) ??
    companyOfRecipientDomain(values.texts, recipients[0], parseNameValue, isInPageChrome) ??
    customerFromRecordLink(values.texts, base, parseNameValue, isInPageChrome) ??
    entry?.customer;
  // An unlabelled buyer's block starts with its name: an address in plain text above it is the seller's letterhead's.
  if (!labelledCustomer && customerName) dropLetterhead(recipients, values, customerName);
  // A print view in a frame (the shell frames it from a preview or print address), headed by its kind and number ("Rechnung Nr.
  // 2026-047") or numbered in a field that names its kind ("Rechnungs-Nr. RE10231"), is the document as it prints: its buyer's
  // address block names the customer, without an e-mail. Elsewhere a block alone makes no document.
  const printed = printViews.has(document) && numberHit?.kind !== undefined && customerName !== undefined;
  if (!pdf && candidates.length === 0 && !(labelledCustomer || values.hits.email?.length || (customerName && recipients.length > 0) || printed)) return undefined;
  if (!pdf && numberHit && isTeaser(numberHit.element, number, base)) return undefined;
  if (numberHit?.rank === 0 && isListRow(numberHit.element, links)) return undefined;
  if (receivedDocument(document, root, values.texts, numberHit, base)) return undefined;
  const kind = documentKind(numberHit, number, document, signal);
  const language = templateLanguage(pageLanguage(document, values, numberHit));
  const anchor = pageAnchor(document, numberHit);
  const found: DetectedDocument = {
    number,
    ...(kind ? { kind } : {}),
    recipients,
    ...(customerName ? { customerName } : {}),
    ...(amount ? { amount } : {}),
    ...(dueDate ? { dueDate } : {}),
    ...(language ? { language } : {}),
    ...(pdf ? { pdfUrl: pdf.url, ...(pdf.name ? { pdfName: pdf.name } : {}) } : { pdfCandidates: candidates }),
    ...offsitePdfUrl(pdf, links),
    ...(anchor ? { anchor } : {}),
  };
  return { found, titled: (numberHit?.rank ?? 0) > 0 };
}

/** Frames' documents the shell shows from a preview or print address (PRINT_ROUTE): print views of a document. */
export const printViews = new WeakSet<Document>();
