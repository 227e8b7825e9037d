/**
 * Subject and message templates in the extension: the relay keeps them per document kind and language
 * (shared/message-templates.ts, issue 21); the in-page panel asks for the one that applies with
 * `loadTemplate`, and falls back to the built-in one when the relay cannot be asked.
 *
 * Templates this browser kept before they lived in the relay stay readable in `templatesItem` until the
 * background moves them there (extension/background/templates.ts).
 */
import { storage } from 'wxt/utils/storage';
import type { DocumentKind } from '../../shared/document-kinds';
import { builtinTemplate, BUILTIN_TEMPLATES, type MessageTemplate } from '../../shared/message-templates';
import type { TemplateLanguage } from '../../shared/languages';
import type { Language } from '../i18n/core';
import { sendRequest } from './send-request';

export { findUnknownPlaceholders, renderTemplate, TEMPLATE_PLACEHOLDERS, type MessageTemplate, type TemplatePlaceholder, type TemplateValues } from '../../shared/message-templates';

/** The built-in invoice template of each language. */
export const DEFAULT_TEMPLATES: Readonly<Record<Language, MessageTemplate>> = Object.fromEntries(Object.entries(BUILTIN_TEMPLATES).map(([language, kinds]) => [language, kinds.invoice])) as Record<
  Language,
  MessageTemplate
>;

/** The user's own templates as this browser kept them before the relay did, by language (invoices). */
export type StoredTemplates = Partial<Record<Language, MessageTemplate>>;

/** Versioned with `migrations` from day one, as the items in settings-items.ts (see there why). */
export const templatesItem = storage.defineItem<StoredTemplates>('local:templates', {
  fallback: {},
  version: 1,
  migrations: {},
});

/** The template that applies to this person for a kind and language: theirs, the company's, or the built-in one. */
export async function loadTemplate(language: TemplateLanguage, kind: DocumentKind = 'invoice'): Promise<MessageTemplate> {
  const answer = await sendRequest({ type: 'templates.list' });
  const found = answer.ok ? answer.data.templates.find((t) => t.kind === kind && t.language === language) : undefined;
  return found ? { subject: found.subject, message: found.message } : builtinTemplate(kind, language);
}
