/**
 * Message templates from the relay (issue 21): every kind and language, the company's and the user's
 * own. Templates a user once kept in this browser (before they lived in the relay) are moved there as
 * their own, the first time the list is asked for, so nobody's wording is lost.
 */
import type { TemplateScope } from '../../shared/message-templates';
import type { TemplateList, TemplateView } from '../../shared/template-schemas';
import { isLanguage } from '../../shared/languages';
import { templatesItem } from '../lib/templates';
import { requireConnection } from './page-requests';
import { callRelay, relayPath } from './relay-client';

const templatePath = (kind: string, language: string, scope: TemplateScope | undefined) => relayPath(`/v1/templates/${encodeURIComponent(kind)}/${encodeURIComponent(language)}`, { scope });

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
    const saved = await callRelay<TemplateView>(connection.relayUrl, templatePath('invoice', language, 'personal'), {
      method: 'PUT',
      token: connection.token,
      body: { subject: mine.subject, message: mine.message },
    });
    put(saved);
  }
  await templatesItem.setValue({});
  return true;
}

export async function listTemplates(): Promise<TemplateList> {
  const connection = await requireConnection();
  const list = await callRelay<TemplateList>(connection.relayUrl, '/v1/templates', { token: connection.token });
  await moveLocalTemplates(list, (saved) => {
    const index = list.templates.findIndex((t) => t.kind === saved.kind && t.language === saved.language);
    if (index >= 0) list.templates[index] = saved;
  });
  return list;
}

export async function putTemplate(request: { kind: string; language: string; scope?: TemplateScope; template: { subject: string; message: string } }): Promise<TemplateView> {
  const connection = await requireConnection();
  return callRelay<TemplateView>(connection.relayUrl, templatePath(request.kind, request.language, request.scope), {
    method: 'PUT',
    token: connection.token,
    body: request.template,
  });
}

export async function resetTemplate(request: { kind: string; language: string; scope?: TemplateScope }): Promise<TemplateView> {
  const connection = await requireConnection();
  return callRelay<TemplateView>(connection.relayUrl, templatePath(request.kind, request.language, request.scope), { method: 'DELETE', token: connection.token });
}
