/**
 * Subject and message templates, one pair per language, and the one function that fills them in.
 * The options page edits them; the in-page panel (issue 7) renders them for the document on the page.
 *
 * Only the languages a user changed are stored: the rest follow the built-in defaults below, so an
 * improved default reaches everyone who never edited theirs.
 */
import { storage } from 'wxt/utils/storage';
import type { Language } from '../i18n/core';

/** The values a template may use, written `{documentNumber}` and so on. */
export const TEMPLATE_PLACEHOLDERS = ['documentNumber', 'customerName', 'amount', 'dueDate', 'senderName'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** What the page (and the sender profile) gave us; anything may be missing. */
export type TemplateValues = Partial<Record<TemplatePlaceholder, string | undefined>>;

export interface MessageTemplate {
  subject: string;
  message: string;
}

/** Written for invoices, in the tone a bookkeeper would use in each language. */
export const DEFAULT_TEMPLATES: Readonly<Record<Language, MessageTemplate>> = {
  en: {
    subject: 'Invoice {documentNumber}',
    message: 'Hello {customerName},\n\nPlease find attached invoice {documentNumber}.\nAmount due: {amount}\nDue date: {dueDate}\n\nKind regards,\n{senderName}',
  },
  pl: {
    subject: 'Faktura {documentNumber}',
    message: 'Dzień dobry,\n\nw załączeniu przesyłam fakturę {documentNumber}.\nKwota do zapłaty: {amount}\nTermin płatności: {dueDate}\n\nZ poważaniem\n{senderName}',
  },
  is: {
    subject: 'Reikningur {documentNumber}',
    message: 'Góðan dag,\n\nMeðfylgjandi er reikningur {documentNumber}.\nUpphæð: {amount}\nGjalddagi: {dueDate}\n\nMeð kveðju,\n{senderName}',
  },
  sv: {
    subject: 'Faktura {documentNumber}',
    message: 'Hej {customerName},\n\nHär kommer faktura {documentNumber}.\nAtt betala: {amount}\nFörfallodatum: {dueDate}\n\nMed vänliga hälsningar\n{senderName}',
  },
  da: {
    subject: 'Faktura {documentNumber}',
    message: 'Hej {customerName},\n\nHermed fremsendes faktura {documentNumber}.\nBeløb: {amount}\nForfaldsdato: {dueDate}\n\nMed venlig hilsen\n{senderName}',
  },
  nb: {
    subject: 'Faktura {documentNumber}',
    message: 'Hei {customerName},\n\nVedlagt følger faktura {documentNumber}.\nBeløp: {amount}\nForfallsdato: {dueDate}\n\nMed vennlig hilsen\n{senderName}',
  },
  de: {
    subject: 'Rechnung {documentNumber}',
    message: 'Guten Tag,\n\nanbei erhalten Sie die Rechnung {documentNumber}.\nBetrag: {amount}\nFällig am: {dueDate}\n\nMit freundlichen Grüßen\n{senderName}',
  },
};

/** The user's own templates, by language. */
export type StoredTemplates = Partial<Record<Language, MessageTemplate>>;

/** Versioned with `migrations` from day one, as the items in settings-items.ts (see there why). */
export const templatesItem = storage.defineItem<StoredTemplates>('local:templates', {
  fallback: {},
  version: 1,
  migrations: {},
});

/** The template for a language: the user's own, else the default. */
export function templateFor(stored: StoredTemplates, language: Language): MessageTemplate {
  return stored[language] ?? DEFAULT_TEMPLATES[language];
}

export async function loadTemplate(language: Language): Promise<MessageTemplate> {
  return templateFor(await templatesItem.getValue(), language);
}

/** Saves a language's template; saving the default itself stores nothing, so later default changes still apply. */
export async function saveTemplate(language: Language, template: MessageTemplate): Promise<void> {
  const stored = { ...(await templatesItem.getValue()) };
  const builtIn = DEFAULT_TEMPLATES[language];
  if (template.subject === builtIn.subject && template.message === builtIn.message) delete stored[language];
  else stored[language] = { subject: template.subject, message: template.message };
  await templatesItem.setValue(stored);
}

export async function resetTemplate(language: Language): Promise<void> {
  const stored = { ...(await templatesItem.getValue()) };
  delete stored[language];
  await templatesItem.setValue(stored);
}

const PLACEHOLDER = /\{(\w+)\}/g;

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
 * - a known placeholder without a value becomes empty;
 * - on the lines where that happened, doubled spaces and spaces before punctuation are removed, and
 *   a line left as a bare label ("Due date:") is left out;
 * - an unknown placeholder stays as written, so a typo is visible in the preview rather than silently dropped.
 * Lines without an empty placeholder are kept exactly as the user wrote them.
 *
 * @example renderTemplate('Invoice {documentNumber}', { documentNumber: '2026-0042' }) // 'Invoice 2026-0042'
 * @example renderTemplate('Hello {customerName},\nDue date: {dueDate}', {}) // 'Hello,'
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  const kept: { text: string; afterDroppedLine: boolean }[] = [];
  let dropped = false;
  for (const line of template.split(/\r?\n/)) {
    let emptied = false;
    const filled = line.replace(PLACEHOLDER, (whole, name: string) => {
      if (!isKnownPlaceholder(name)) return whole;
      const value = values[name]?.trim();
      if (value) return value;
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
