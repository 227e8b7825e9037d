/**
 * Message templates from the relay (issue 21): every kind and language, the company's and the user's
 * own. Templates a user once kept in this browser (before they lived in the relay) are moved there as
 * their own, the first time the list is asked for, so nobody's wording is lost.
 */
import type { DocumentKind } from '../../shared/document-kinds';
import type { TemplateScope } from '../../shared/message-templates';
import type { TemplateList, TemplateView } from '../../shared/template-schemas';
import { isLanguage, type TemplateLanguage } from '../../shared/languages';
import { templatesItem } from '../lib/templates';
import { requireConnection } from './page-requests';
import { relay } from './relay-client';

/** One template: its kind and language, and whose (the company's or the user's own). */
interface TemplateKey {
  kind: DocumentKind;
  language: TemplateLanguage;
  scope?: TemplateScope;
}

/** Moves this browser's own templates (invoices, by language) into the relay, unless the user already keeps one there. */
async function moveLocalTemplates(list: TemplateList, put: (view: TemplateView) => void): Promise<boolean> {
  const local = await templatesItem.getValue();
  const languages = Object.keys(local).filter(isLanguage);
  if (languages.length === 0) return false;
  const connection = await requireConnection();
  for (const language of languages) {
    const current = list.templates.find((t) => t.kind === 'invoice' && t.language === language);
    const mine = local[language]!;
    if (current?.source === 'personal') continue;
    const saved = await relay(connection).call('putTemplate', {
      params: { kind: 'invoice', language },
      query: { scope: 'personal' },
      body: { subject: mine.subject, message: mine.message },
    });
    put(saved);
  }
  await templatesItem.setValue({});
  return true;
}

export async function listTemplates(): Promise<TemplateList> {
  const connection = await requireConnection();
  const list = await relay(connection).call('listTemplates');
  await moveLocalTemplates(list, (saved) => {
    const index = list.templates.findIndex((t) => t.kind === saved.kind && t.language === saved.language);
    if (index >= 0) list.templates[index] = saved;
  });
  return list;
}

export async function putTemplate(request: TemplateKey & { template: { subject: string; message: string } }): Promise<TemplateView> {
  const connection = await requireConnection();
  return relay(connection).call('putTemplate', { params: { kind: request.kind, language: request.language }, query: { scope: request.scope }, body: request.template });
}

export async function resetTemplate(request: TemplateKey): Promise<TemplateView> {
  const connection = await requireConnection();
  return relay(connection).call('resetTemplate', { params: { kind: request.kind, language: request.language }, query: { scope: request.scope } });
}
