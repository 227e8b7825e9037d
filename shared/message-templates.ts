/**
 * Message templates per document kind and language (issue 21): the built-in ones, the contract of
 * `GET /v1/templates` and `PUT|DELETE /v1/templates/:kind/:language`, and the one function that fills
 * a template in. The relay keeps the company's templates (set by admins) and each person's own
 * overrides; the extension shows the one that applies: the person's, else the company's, else the
 * built-in one below.
 *
 * No zod here (the schemas of the API are in template-schemas.ts): the in-page panel imports this file.
 *
 * A template may mark an optional phrase with square brackets: `Please pay {amount}[, due {dueDate}].`
 * When a value inside the brackets is missing the whole phrase goes, so a mail never reads "due ." —
 * brackets without a placeholder inside are kept as written.
 */
import { DOCUMENT_KINDS, type DocumentKind } from './document-kinds';
import type { Language, TemplateLanguage } from './languages';
import { FURTHER_LANGUAGE_TEMPLATES } from './message-templates-further-languages';

export { DOCUMENT_KINDS, type DocumentKind };

/** The values a template may use, written `{documentNumber}` and so on. */
export const TEMPLATE_PLACEHOLDERS = ['documentNumber', 'customerName', 'amount', 'dueDate', 'senderName'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** What the page (and the sender profile) gave us; anything may be missing. */
export type TemplateValues = Partial<Record<TemplatePlaceholder, string | undefined>>;

export interface MessageTemplate {
  subject: string;
  message: string;
}

/** Where the template that applies comes from. */
export const TEMPLATE_SOURCES = ['builtin', 'company', 'personal'] as const;
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number];

/** The company's template (admins) or the caller's own override. */
export type TemplateScope = 'company' | 'personal';

/** One language's templates, a subject and message for every kind. */
export type TemplateTexts = Readonly<Record<DocumentKind, MessageTemplate>>;

/**
 * Written for each kind, in the tone a bookkeeper would use in each language. The invoice ones are the
 * templates Ownpost always had, word for word.
 */
const SPOKEN_LANGUAGE_TEMPLATES: Readonly<Record<Language, TemplateTexts>> = {
  en: {
    invoice: {
      subject: 'Invoice {documentNumber}',
      message: 'Hello {customerName},\n\nPlease find attached invoice {documentNumber}.\nAmount due: {amount}\nDue date: {dueDate}\n\nKind regards,\n{senderName}',
    },
    'credit-note': {
      subject: 'Credit note {documentNumber}',
      message: 'Hello {customerName},\n\nPlease find attached credit note {documentNumber}[ for {amount}].\n\nKind regards,\n{senderName}',
    },
    quote: {
      subject: 'Quote {documentNumber}',
      message: 'Hello {customerName},\n\nThank you for your interest. Please find attached our quote {documentNumber}[ for {amount}][, valid until {dueDate}].\n\nKind regards,\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Order confirmation {documentNumber}',
      message: 'Hello {customerName},\n\nThank you for your order. Please find attached order confirmation {documentNumber}.\n\nKind regards,\n{senderName}',
    },
    reminder: {
      subject: 'Payment reminder: invoice {documentNumber}',
      message:
        'Hello {customerName},\n\nOur records show that invoice {documentNumber}[ for {amount}] is still unpaid[ (due {dueDate})]. If you have already paid, please disregard this message.\n\nKind regards,\n{senderName}',
    },
    proforma: {
      subject: 'Pro forma invoice {documentNumber}',
      message: 'Hello {customerName},\n\nPlease find attached pro forma invoice {documentNumber}[ for {amount}].\n\nKind regards,\n{senderName}',
    },
    receipt: {
      subject: 'Receipt {documentNumber}',
      message: 'Hello {customerName},\n\nThank you for your payment[ of {amount}]. Please find attached receipt {documentNumber}.\n\nKind regards,\n{senderName}',
    },
    'delivery-note': {
      subject: 'Delivery note {documentNumber}',
      message: 'Hello {customerName},\n\nPlease find attached delivery note {documentNumber} for your order.\n\nKind regards,\n{senderName}',
    },
  },
  pl: {
    invoice: {
      subject: 'Faktura {documentNumber}',
      message: 'Dzień dobry,\n\nw załączeniu przesyłam fakturę {documentNumber}.\nKwota do zapłaty: {amount}\nTermin płatności: {dueDate}\n\nZ poważaniem\n{senderName}',
    },
    'credit-note': {
      subject: 'Faktura korygująca {documentNumber}',
      message: 'Dzień dobry,\n\nw załączeniu przesyłam fakturę korygującą {documentNumber}[ na kwotę {amount}].\n\nZ poważaniem\n{senderName}',
    },
    quote: {
      subject: 'Oferta {documentNumber}',
      message: 'Dzień dobry,\n\ndziękujemy za zainteresowanie. W załączeniu przesyłam ofertę {documentNumber}[ na kwotę {amount}][, ważną do {dueDate}].\n\nZ poważaniem\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Potwierdzenie zamówienia {documentNumber}',
      message: 'Dzień dobry,\n\ndziękujemy za zamówienie. W załączeniu przesyłam potwierdzenie zamówienia {documentNumber}.\n\nZ poważaniem\n{senderName}',
    },
    reminder: {
      subject: 'Przypomnienie o płatności: faktura {documentNumber}',
      message:
        'Dzień dobry,\n\nuprzejmie przypominamy, że faktura {documentNumber}[ na kwotę {amount}] nie została jeszcze opłacona[ (termin: {dueDate})]. Jeśli płatność została już wysłana, prosimy zignorować tę wiadomość.\n\nZ poważaniem\n{senderName}',
    },
    proforma: {
      subject: 'Faktura pro forma {documentNumber}',
      message: 'Dzień dobry,\n\nw załączeniu przesyłam fakturę pro forma {documentNumber}[ na kwotę {amount}].\n\nZ poważaniem\n{senderName}',
    },
    receipt: {
      subject: 'Potwierdzenie zapłaty {documentNumber}',
      message: 'Dzień dobry,\n\ndziękujemy za wpłatę[ w wysokości {amount}]. W załączeniu przesyłam potwierdzenie {documentNumber}.\n\nZ poważaniem\n{senderName}',
    },
    'delivery-note': {
      subject: 'Dokument WZ {documentNumber}',
      message: 'Dzień dobry,\n\nw załączeniu przesyłam dokument wydania {documentNumber} do Państwa zamówienia.\n\nZ poważaniem\n{senderName}',
    },
  },
  is: {
    invoice: {
      subject: 'Reikningur {documentNumber}',
      message: 'Góðan dag,\n\nMeðfylgjandi er reikningur {documentNumber}.\nUpphæð: {amount}\nGjalddagi: {dueDate}\n\nMeð kveðju,\n{senderName}',
    },
    'credit-note': {
      subject: 'Kreditreikningur {documentNumber}',
      message: 'Góðan dag,\n\nMeðfylgjandi er kreditreikningur {documentNumber}[ að upphæð {amount}].\n\nMeð kveðju,\n{senderName}',
    },
    quote: {
      subject: 'Tilboð {documentNumber}',
      message: 'Góðan dag,\n\nTakk fyrir áhugann. Meðfylgjandi er tilboð {documentNumber}[ að upphæð {amount}][, sem gildir til {dueDate}].\n\nMeð kveðju,\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Pöntunarstaðfesting {documentNumber}',
      message: 'Góðan dag,\n\nTakk fyrir pöntunina. Meðfylgjandi er pöntunarstaðfesting {documentNumber}.\n\nMeð kveðju,\n{senderName}',
    },
    reminder: {
      subject: 'Greiðsluáminning: reikningur {documentNumber}',
      message:
        'Góðan dag,\n\nSamkvæmt okkar gögnum er reikningur {documentNumber}[ að upphæð {amount}] enn ógreiddur[ (gjalddagi {dueDate})]. Ef þú hefur þegar greitt máttu líta fram hjá þessum skilaboðum.\n\nMeð kveðju,\n{senderName}',
    },
    proforma: {
      subject: 'Forreikningur {documentNumber}',
      message: 'Góðan dag,\n\nMeðfylgjandi er forreikningur {documentNumber}[ að upphæð {amount}].\n\nMeð kveðju,\n{senderName}',
    },
    receipt: {
      subject: 'Kvittun {documentNumber}',
      message: 'Góðan dag,\n\nTakk fyrir greiðsluna[ að upphæð {amount}]. Meðfylgjandi er kvittun {documentNumber}.\n\nMeð kveðju,\n{senderName}',
    },
    'delivery-note': {
      subject: 'Fylgiseðill {documentNumber}',
      message: 'Góðan dag,\n\nMeðfylgjandi er fylgiseðill {documentNumber} með pöntuninni.\n\nMeð kveðju,\n{senderName}',
    },
  },
  sv: {
    invoice: {
      subject: 'Faktura {documentNumber}',
      message: 'Hej {customerName},\n\nHär kommer faktura {documentNumber}.\nAtt betala: {amount}\nFörfallodatum: {dueDate}\n\nMed vänliga hälsningar\n{senderName}',
    },
    'credit-note': {
      subject: 'Kreditfaktura {documentNumber}',
      message: 'Hej {customerName},\n\nHär kommer kreditfaktura {documentNumber}[ på {amount}].\n\nMed vänliga hälsningar\n{senderName}',
    },
    quote: {
      subject: 'Offert {documentNumber}',
      message: 'Hej {customerName},\n\nTack för ditt intresse. Här kommer vår offert {documentNumber}[ på {amount}][, giltig till {dueDate}].\n\nMed vänliga hälsningar\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Orderbekräftelse {documentNumber}',
      message: 'Hej {customerName},\n\nTack för din beställning. Här kommer orderbekräftelse {documentNumber}.\n\nMed vänliga hälsningar\n{senderName}',
    },
    reminder: {
      subject: 'Betalningspåminnelse: faktura {documentNumber}',
      message:
        'Hej {customerName},\n\nEnligt vår bokföring är faktura {documentNumber}[ på {amount}] fortfarande obetald[ (förfallodatum {dueDate})]. Om du redan har betalat kan du bortse från det här meddelandet.\n\nMed vänliga hälsningar\n{senderName}',
    },
    proforma: {
      subject: 'Proformafaktura {documentNumber}',
      message: 'Hej {customerName},\n\nHär kommer proformafaktura {documentNumber}[ på {amount}].\n\nMed vänliga hälsningar\n{senderName}',
    },
    receipt: {
      subject: 'Kvitto {documentNumber}',
      message: 'Hej {customerName},\n\nTack för din betalning[ på {amount}]. Här kommer kvitto {documentNumber}.\n\nMed vänliga hälsningar\n{senderName}',
    },
    'delivery-note': {
      subject: 'Följesedel {documentNumber}',
      message: 'Hej {customerName},\n\nHär kommer följesedel {documentNumber} för er beställning.\n\nMed vänliga hälsningar\n{senderName}',
    },
  },
  da: {
    invoice: {
      subject: 'Faktura {documentNumber}',
      message: 'Hej {customerName},\n\nHermed fremsendes faktura {documentNumber}.\nBeløb: {amount}\nForfaldsdato: {dueDate}\n\nMed venlig hilsen\n{senderName}',
    },
    'credit-note': {
      subject: 'Kreditnota {documentNumber}',
      message: 'Hej {customerName},\n\nHermed fremsendes kreditnota {documentNumber}[ på {amount}].\n\nMed venlig hilsen\n{senderName}',
    },
    quote: {
      subject: 'Tilbud {documentNumber}',
      message: 'Hej {customerName},\n\nTak for din interesse. Hermed fremsendes vores tilbud {documentNumber}[ på {amount}][, gyldigt til {dueDate}].\n\nMed venlig hilsen\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Ordrebekræftelse {documentNumber}',
      message: 'Hej {customerName},\n\nTak for din bestilling. Hermed fremsendes ordrebekræftelse {documentNumber}.\n\nMed venlig hilsen\n{senderName}',
    },
    reminder: {
      subject: 'Betalingspåmindelse: faktura {documentNumber}',
      message:
        'Hej {customerName},\n\nIfølge vores bogføring er faktura {documentNumber}[ på {amount}] endnu ikke betalt[ (forfaldsdato {dueDate})]. Hvis du allerede har betalt, kan du se bort fra denne besked.\n\nMed venlig hilsen\n{senderName}',
    },
    proforma: {
      subject: 'Proformafaktura {documentNumber}',
      message: 'Hej {customerName},\n\nHermed fremsendes proformafaktura {documentNumber}[ på {amount}].\n\nMed venlig hilsen\n{senderName}',
    },
    receipt: {
      subject: 'Kvittering {documentNumber}',
      message: 'Hej {customerName},\n\nTak for din betaling[ på {amount}]. Hermed fremsendes kvittering {documentNumber}.\n\nMed venlig hilsen\n{senderName}',
    },
    'delivery-note': {
      subject: 'Følgeseddel {documentNumber}',
      message: 'Hej {customerName},\n\nHermed fremsendes følgeseddel {documentNumber} til jeres ordre.\n\nMed venlig hilsen\n{senderName}',
    },
  },
  nb: {
    invoice: {
      subject: 'Faktura {documentNumber}',
      message: 'Hei {customerName},\n\nVedlagt følger faktura {documentNumber}.\nBeløp: {amount}\nForfallsdato: {dueDate}\n\nMed vennlig hilsen\n{senderName}',
    },
    'credit-note': {
      subject: 'Kreditnota {documentNumber}',
      message: 'Hei {customerName},\n\nVedlagt følger kreditnota {documentNumber}[ på {amount}].\n\nMed vennlig hilsen\n{senderName}',
    },
    quote: {
      subject: 'Tilbud {documentNumber}',
      message: 'Hei {customerName},\n\nTakk for interessen. Vedlagt følger vårt tilbud {documentNumber}[ på {amount}][, gyldig til {dueDate}].\n\nMed vennlig hilsen\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Ordrebekreftelse {documentNumber}',
      message: 'Hei {customerName},\n\nTakk for bestillingen. Vedlagt følger ordrebekreftelse {documentNumber}.\n\nMed vennlig hilsen\n{senderName}',
    },
    reminder: {
      subject: 'Betalingspåminnelse: faktura {documentNumber}',
      message:
        'Hei {customerName},\n\nIfølge vårt regnskap er faktura {documentNumber}[ på {amount}] fortsatt ikke betalt[ (forfallsdato {dueDate})]. Hvis du allerede har betalt, kan du se bort fra denne meldingen.\n\nMed vennlig hilsen\n{senderName}',
    },
    proforma: {
      subject: 'Proformafaktura {documentNumber}',
      message: 'Hei {customerName},\n\nVedlagt følger proformafaktura {documentNumber}[ på {amount}].\n\nMed vennlig hilsen\n{senderName}',
    },
    receipt: {
      subject: 'Kvittering {documentNumber}',
      message: 'Hei {customerName},\n\nTakk for betalingen[ på {amount}]. Vedlagt følger kvittering {documentNumber}.\n\nMed vennlig hilsen\n{senderName}',
    },
    'delivery-note': {
      subject: 'Følgeseddel {documentNumber}',
      message: 'Hei {customerName},\n\nVedlagt følger følgeseddel {documentNumber} for bestillingen deres.\n\nMed vennlig hilsen\n{senderName}',
    },
  },
  de: {
    invoice: {
      subject: 'Rechnung {documentNumber}',
      message: 'Guten Tag,\n\nanbei erhalten Sie die Rechnung {documentNumber}.\nBetrag: {amount}\nFällig am: {dueDate}\n\nMit freundlichen Grüßen\n{senderName}',
    },
    'credit-note': {
      subject: 'Gutschrift {documentNumber}',
      message: 'Guten Tag,\n\nanbei erhalten Sie die Gutschrift {documentNumber}[ über {amount}].\n\nMit freundlichen Grüßen\n{senderName}',
    },
    quote: {
      subject: 'Angebot {documentNumber}',
      message: 'Guten Tag,\n\nvielen Dank für Ihr Interesse. Anbei erhalten Sie unser Angebot {documentNumber}[ über {amount}][, gültig bis {dueDate}].\n\nMit freundlichen Grüßen\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Auftragsbestätigung {documentNumber}',
      message: 'Guten Tag,\n\nvielen Dank für Ihre Bestellung. Anbei erhalten Sie die Auftragsbestätigung {documentNumber}.\n\nMit freundlichen Grüßen\n{senderName}',
    },
    reminder: {
      subject: 'Zahlungserinnerung: Rechnung {documentNumber}',
      message:
        'Guten Tag,\n\nlaut unserer Buchhaltung ist die Rechnung {documentNumber}[ über {amount}] noch offen[ (fällig am {dueDate})]. Falls Sie bereits bezahlt haben, betrachten Sie diese Nachricht bitte als gegenstandslos.\n\nMit freundlichen Grüßen\n{senderName}',
    },
    proforma: {
      subject: 'Proformarechnung {documentNumber}',
      message: 'Guten Tag,\n\nanbei erhalten Sie die Proformarechnung {documentNumber}[ über {amount}].\n\nMit freundlichen Grüßen\n{senderName}',
    },
    receipt: {
      subject: 'Quittung {documentNumber}',
      message: 'Guten Tag,\n\nvielen Dank für Ihre Zahlung[ über {amount}]. Anbei erhalten Sie die Quittung {documentNumber}.\n\nMit freundlichen Grüßen\n{senderName}',
    },
    'delivery-note': {
      subject: 'Lieferschein {documentNumber}',
      message: 'Guten Tag,\n\nanbei erhalten Sie den Lieferschein {documentNumber} zu Ihrer Bestellung.\n\nMit freundlichen Grüßen\n{senderName}',
    },
  },
};

/** Every template language's built-in templates: the languages Ownpost speaks, and those of the pages it reads. */
export const BUILTIN_TEMPLATES: Readonly<Record<TemplateLanguage, TemplateTexts>> = { ...SPOKEN_LANGUAGE_TEMPLATES, ...FURTHER_LANGUAGE_TEMPLATES };

export function builtinTemplate(kind: DocumentKind, language: TemplateLanguage): MessageTemplate {
  return BUILTIN_TEMPLATES[language][kind];
}

const PLACEHOLDER = /\{(\w+)\}/g;
/** `[…]` without nested brackets: an optional phrase (kept literally when no placeholder is inside). */
const OPTIONAL_PHRASE = /\[([^[\]\n]*)\]/g;

function isKnownPlaceholder(name: string): name is TemplatePlaceholder {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Placeholders in a template that Ownpost does not know (typos such as `{invoiceNo}`), for the editor to point out. */
export function findUnknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of template.matchAll(PLACEHOLDER)) if (name && !isKnownPlaceholder(name)) unknown.add(name);
  return [...unknown];
}

/**
 * Fills a template. A document does not always show every value, so a missing one must not leave
 * holes such as "Due date: " or "invoice ." in a mail to a customer:
 * - an optional phrase `[…]` whose placeholder has no value goes whole; with every value it stays, without brackets;
 * - a known placeholder without a value otherwise becomes empty;
 * - on the lines where that happened, doubled spaces and spaces before punctuation are removed, and
 *   a line left as a bare label ("Due date:") is left out;
 * - an unknown placeholder stays as written, so a typo is visible in the preview rather than silently dropped.
 * Lines without an empty placeholder are kept exactly as the user wrote them.
 *
 * @example renderTemplate('Invoice {documentNumber}', { documentNumber: '2026-0042' }) // 'Invoice 2026-0042'
 * @example renderTemplate('Hello {customerName},\nDue date: {dueDate}', {}) // 'Hello,'
 * @example renderTemplate('Please pay {amount}[, due {dueDate}].', { amount: '100 EUR' }) // 'Please pay 100 EUR.'
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  const value = (name: string) => (isKnownPlaceholder(name) ? values[name]?.trim() || undefined : undefined);
  const withPhrases = template.replace(OPTIONAL_PHRASE, (whole, inner: string) => {
    const names = [...inner.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter(isKnownPlaceholder);
    if (names.length === 0) return whole;
    return names.every((name) => value(name) !== undefined) ? inner : '';
  });
  const kept: { text: string; afterDroppedLine: boolean }[] = [];
  let dropped = false;
  for (const line of withPhrases.split(/\r?\n/)) {
    let emptied = false;
    const filled = line.replace(PLACEHOLDER, (whole, name: string) => {
      if (!isKnownPlaceholder(name)) return whole;
      const found = value(name);
      if (found) return found;
      emptied = true;
      return '';
    });
    if (!emptied) {
      kept.push({ text: filled, afterDroppedLine: dropped });
      dropped = false;
      continue;
    }
    const tidied = filled
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/[ \t]+([,.;:!?])/g, '$1')
      .trim();
    // A label whose value is missing ("Due date:") says nothing; a line that became empty was only the value.
    if (tidied === '' || /:$/.test(tidied)) {
      dropped = true;
      continue;
    }
    kept.push({ text: tidied, afterDroppedLine: dropped });
    dropped = false;
  }
  // A dropped line between two blank lines would leave a double gap; the user's own blank lines stay.
  const lines = kept.filter((line, i) => !(line.afterDroppedLine && line.text.trim() === '' && (i === 0 || kept[i - 1]!.text.trim() === '')));
  return lines
    .map((line) => line.text)
    .join('\n')
    .trim();
}
