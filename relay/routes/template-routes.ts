import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import { DOCUMENT_KINDS } from '../../shared/document-kinds';
import { TEMPLATE_LANGUAGES } from '../../shared/languages';
import { builtinTemplate, type TemplateScope } from '../../shared/message-templates';
import { zTemplateInput, zTemplateKey, zTemplateScope, type TemplateView } from '../../shared/template-schemas';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { readJsonBody } from '../http/read-body';
import type { Store, TemplateRow, UserRow } from '../store/types';

/** `:kind/:language` of a request, checked against the lists in shared/. */
function templateKey(params: { kind?: string; language?: string }) {
  const parsed = zTemplateKey.safeParse(params);
  if (!parsed.success) {
    throw new ApiError('not_found', `There is no template for "${params.kind}" in "${params.language}".`, {
      hint: `Kinds: ${DOCUMENT_KINDS.join(', ')}. Languages: ${TEMPLATE_LANGUAGES.join(', ')}.`,
    });
  }
  return parsed.data;
}

/**
 * `?scope=`: an admin changes the company's template unless they ask for their own; a member can only
 * keep their own (and is told so when they ask for the company's).
 */
function scopeFor(user: UserRow, asked: string | undefined): TemplateScope {
  const parsed = zTemplateScope.safeParse(asked ?? (user.role === 'admin' ? 'company' : 'personal'));
  if (!parsed.success) {
    throw new ApiError('validation_failed', 'scope: "company" or "personal".', { details: [{ path: 'scope', message: 'company or personal' }] });
  }
  if (parsed.data === 'company' && user.role !== 'admin') {
    throw new ApiError('forbidden', 'Only an admin can change the company’s templates.', { hint: 'Keep your own version instead: ?scope=personal.' });
  }
  return parsed.data;
}

/** Every kind and language, each as it applies for `user`: their own, else the company's, else the built-in one. */
export function templateViews(rows: readonly TemplateRow[], user: UserRow, emails: ReadonlyMap<string, string>): TemplateView[] {
  const stored = new Map(rows.map((row) => [`${row.ownerId ?? ''}/${row.kind}/${row.language}`, row]));
  return DOCUMENT_KINDS.flatMap((kind) =>
    TEMPLATE_LANGUAGES.map((language): TemplateView => {
      const company = stored.get(`/${kind}/${language}`);
      const personal = stored.get(`${user.id}/${kind}/${language}`);
      const applies = personal ?? company;
      const builtin = builtinTemplate(kind, language);
      const updatedBy = company?.updatedBy ? emails.get(company.updatedBy) : undefined;
      return {
        kind,
        language,
        subject: applies?.subject ?? builtin.subject,
        message: applies?.message ?? builtin.message,
        source: personal ? 'personal' : company ? 'company' : 'builtin',
        ...(company && {
          company: { subject: company.subject, message: company.message, updatedAt: new Date(company.updatedAt).toISOString(), ...(updatedBy ? { updatedBy } : {}) },
        }),
        ...(personal && { personal: { subject: personal.subject, message: personal.message, updatedAt: new Date(personal.updatedAt).toISOString() } }),
      };
    }),
  );
}

const listTemplates = operation(RELAY_CONTRACT.listTemplates, {
  tag: 'templates',
  summary: 'The message templates per document kind and language, as they apply to you',
  answers: { 200: 'Every kind and language' },
  errors: [],
});

const putTemplate = operation(RELAY_CONTRACT.putTemplate, {
  tag: 'templates',
  summary: 'Set the company’s template (admins) or your own',
  answers: { 200: 'The template as it now applies' },
  errors: ['validation_failed', 'forbidden', 'not_found'],
});

const resetTemplate = operation(RELAY_CONTRACT.resetTemplate, {
  tag: 'templates',
  summary: 'Back to the company’s or the built-in template',
  answers: { 200: 'The template as it now applies' },
  errors: ['validation_failed', 'forbidden', 'not_found'],
});

/**
 * Message templates per document kind and language (issue 21), kept in the relay so a company's wording
 * is the same in every browser: `GET /v1/templates` for everyone; `PUT` and `DELETE
 * /v1/templates/:kind/:language` change the company's (admins) or, with `?scope=personal`, one's own.
 */
export function templateRoutes({ store }: { store: Store }) {
  async function list(user: UserRow) {
    const rows = await store.listTemplates(user.id);
    const editors = [...new Set(rows.map((row) => row.updatedBy).filter((id): id is string => id !== null))];
    const users = await Promise.all(editors.map((id) => store.getUserById(id)));
    const emails = new Map(users.filter((u): u is UserRow => u !== undefined).map((u) => [u.id, u.email]));
    return { templates: templateViews(rows, user, emails) };
  }

  /** The view of one template; `templateViews` makes one for every kind in every language. */
  function templateOf(templates: TemplateView[], kind: TemplateView['kind'], language: TemplateView['language']): TemplateView {
    const template = templates.find((t) => t.kind === kind && t.language === language);
    if (!template) throw new Error(`no template view for ${kind} in ${language}`);
    return template;
  }

  const app = new OpenAPIHono<AuthEnv>();
  serve(app, listTemplates, async (c, answer) => answer(200, await list(c.get('user'))));
  serve(app, putTemplate, async (c, answer) => {
    const user = c.get('user');
    const { kind, language } = templateKey(c.req.param());
    const scope = scopeFor(user, c.req.query('scope'));
    const { value } = await readJsonBody(c, zTemplateInput);
    await store.putTemplate({
      ownerId: scope === 'company' ? null : user.id,
      kind,
      language,
      subject: value.subject,
      message: value.message.replace(/\r\n/g, '\n'),
      updatedBy: user.id,
      updatedAt: Date.now(),
    });
    const { templates } = await list(user);
    return answer(200, templateOf(templates, kind, language));
  });
  serve(app, resetTemplate, async (c, answer) => {
    const user = c.get('user');
    const { kind, language } = templateKey(c.req.param());
    const scope = scopeFor(user, c.req.query('scope'));
    await store.deleteTemplate(scope === 'company' ? null : user.id, kind, language);
    const { templates } = await list(user);
    return answer(200, templateOf(templates, kind, language));
  });
  return app;
}
