/**
 * Message templates per document kind and language, kept in the relay (issue 21): admins set the
 * company's, every member reads them, a person may keep their own; optional phrases leave no holes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DOCUMENT_KINDS } from '../../shared/document-kinds';
import { TEMPLATE_LANGUAGES } from '../../shared/languages';
import { BUILTIN_TEMPLATES, renderTemplate, TEMPLATE_PLACEHOLDERS } from '../../shared/message-templates';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

let t: TestRelay;
let admin: string;
let anna: string;
let bo: string;
beforeAll(async () => {
  t = await startTestRelay();
  ({ token: admin } = await t.addUser('chef@firma.se', 'admin'));
  ({ token: anna } = await t.addUser('anna@firma.se'));
  ({ token: bo } = await t.addUser('bo@firma.se'));
});
afterAll(() => t.close());

const find = (body: { templates: { kind: string; language: string }[] }, kind: string, language: string) =>
  body.templates.find((x) => x.kind === kind && x.language === language) as Record<string, any>;

describe('templates per document kind, shared by the company', () => {
  it('lists every kind in every language, built in until someone changes one', async () => {
    const res = await t.request('GET', '/v1/templates', { token: anna });
    expect(res.status).toBe(200);
    expect(res.body.templates).toHaveLength(DOCUMENT_KINDS.length * TEMPLATE_LANGUAGES.length);
    expect(find(res.body, 'quote', 'sv')).toMatchObject({ source: 'builtin', subject: 'Offert {documentNumber}' });
    expect(find(res.body, 'credit-note', 'de').subject).toBe('Gutschrift {documentNumber}');
    // A quote is never worded as an invoice.
    for (const language of TEMPLATE_LANGUAGES) {
      const subjects = new Set(DOCUMENT_KINDS.map((kind) => BUILTIN_TEMPLATES[language][kind].subject));
      expect(subjects.size, language).toBe(DOCUMENT_KINDS.length);
    }
  });

  it('lets an admin set the company’s template, which every member then gets', async () => {
    const put = await t.request('PUT', '/v1/templates/reminder/sv', {
      token: admin,
      body: { subject: 'Påminnelse {documentNumber}', message: 'Hej!\r\nFaktura {documentNumber} är obetald[, förföll {dueDate}].' },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ source: 'company', company: { updatedBy: 'chef@firma.se' } });
    const seen = await t.request('GET', '/v1/templates', { token: bo });
    expect(find(seen.body, 'reminder', 'sv')).toMatchObject({
      source: 'company',
      subject: 'Påminnelse {documentNumber}',
      message: 'Hej!\nFaktura {documentNumber} är obetald[, förföll {dueDate}].',
    });
  });

  it('refuses a member who tries to change the company’s, and keeps a member’s own version to them', async () => {
    const refused = await t.request('PUT', '/v1/templates/reminder/sv?scope=company', { token: anna, body: { subject: 'X', message: 'Y' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');

    const own = await t.request('PUT', '/v1/templates/reminder/sv', { token: anna, body: { subject: 'Annas påminnelse', message: 'Hej' } });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ source: 'personal', subject: 'Annas påminnelse', company: { subject: 'Påminnelse {documentNumber}' } });
    expect(find((await t.request('GET', '/v1/templates', { token: bo })).body, 'reminder', 'sv').subject).toBe('Påminnelse {documentNumber}');

    const reset = await t.request('DELETE', '/v1/templates/reminder/sv', { token: anna });
    expect(reset.body).toMatchObject({ source: 'company', subject: 'Påminnelse {documentNumber}' });
    const companyReset = await t.request('DELETE', '/v1/templates/reminder/sv', { token: admin });
    expect(companyReset.body).toMatchObject({ source: 'builtin', subject: BUILTIN_TEMPLATES.sv.reminder.subject });
  });

  it('answers unknown kinds and languages with 404, and bad input with 400 naming the field', async () => {
    expect((await t.request('PUT', '/v1/templates/invoice-ish/sv', { token: admin, body: { subject: 'a', message: 'b' } })).status).toBe(404);
    expect((await t.request('PUT', '/v1/templates/invoice/xx', { token: admin, body: { subject: 'a', message: 'b' } })).status).toBe(404);
    const injected = await t.request('PUT', '/v1/templates/invoice/en', { token: admin, body: { subject: 'a\r\nBcc: evil@x.example', message: 'b' } });
    expect(injected.status).toBe(400);
    expect(injected.body.error.details[0].path).toBe('subject');
    const extra = await t.request('PUT', '/v1/templates/invoice/en', { token: admin, body: { subject: 'a', message: 'b', html: '<b>' } });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details[0].path).toBe('html');
    expect((await t.request('PUT', '/v1/templates/invoice/en?scope=everyone', { token: admin, body: { subject: 'a', message: 'b' } })).status).toBe(400);
    expect((await t.request('GET', '/v1/templates')).status).toBe(401);
  });

  it('keeps templates in the languages of the pages it reads, beyond the ones the UI speaks', async () => {
    const builtin = await t.request('GET', '/v1/templates', { token: anna });
    expect(find(builtin.body, 'invoice', 'it')).toMatchObject({ source: 'builtin', subject: 'Fattura {documentNumber}' });
    expect(find(builtin.body, 'quote', 'fr')).toMatchObject({ source: 'builtin', subject: 'Devis {documentNumber}' });
    const put = await t.request('PUT', '/v1/templates/invoice/it', { token: admin, body: { subject: 'Fattura n. {documentNumber}', message: 'Gentile cliente,\nin allegato la fattura.' } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ kind: 'invoice', language: 'it', source: 'company', subject: 'Fattura n. {documentNumber}' });
    expect(find((await t.request('GET', '/v1/templates', { token: bo })).body, 'invoice', 'it')).toMatchObject({ source: 'company', subject: 'Fattura n. {documentNumber}' });
    const reset = await t.request('DELETE', '/v1/templates/invoice/it', { token: admin });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ source: 'builtin', subject: 'Fattura {documentNumber}' });
    expect(reset.body.company).toBeUndefined();
  });

  it('refuses a language it has no templates in with the stable code not_found, naming the languages it has', async () => {
    for (const [method, body] of [
      ['PUT', { subject: 'a', message: 'b' }],
      ['DELETE', undefined],
    ] as const) {
      const refused = await t.request(method, '/v1/templates/invoice/ja', { token: admin, ...(body ? { body } : {}) });
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('not_found');
      expect(refused.body.error.hint).toContain('it, ');
    }
    expect(find((await t.request('GET', '/v1/templates', { token: anna })).body, 'invoice', 'ja')).toBeUndefined();
  });

  it('is described in /openapi.json', async () => {
    const doc = (await t.request('GET', '/openapi.json')).body;
    expect(doc.paths['/v1/templates'].get.summary).not.toBe('Not described yet');
    expect(doc.paths['/v1/templates/{kind}/{language}'].put.requestBody).toBeDefined();
    // The document names every template language a client may ask for, not only the UI's.
    expect(JSON.stringify(doc.paths['/v1/templates/{kind}/{language}'].put.parameters)).toContain('"hr"');
  });
});

describe('optional phrases', () => {
  it('leaves out a phrase whose value is missing, keeps it without brackets when present', () => {
    const template = 'Please pay {amount}[, due {dueDate}].';
    expect(renderTemplate(template, { amount: '100 EUR', dueDate: '1 May' })).toBe('Please pay 100 EUR, due 1 May.');
    expect(renderTemplate(template, { amount: '100 EUR' })).toBe('Please pay 100 EUR.');
    expect(renderTemplate('Ref [A-12] {documentNumber}', { documentNumber: '7' })).toBe('Ref [A-12] 7');
  });

  it('never leaves a hole, a bracket or a placeholder in any built-in template, whatever the page lacked', () => {
    const values = fc.record(
      Object.fromEntries(TEMPLATE_PLACEHOLDERS.map((name) => [name, fc.option(fc.constantFrom('2026-0042', 'Kund AB', '1 140,00 kr', '2026-12-31', 'Anna'), { nil: undefined })])),
      {
        requiredKeys: [],
      },
    );
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATE_LANGUAGES), fc.constantFrom(...DOCUMENT_KINDS), values, (language, kind, given) => {
        const template = BUILTIN_TEMPLATES[language][kind];
        for (const text of [renderTemplate(template.subject, given), renderTemplate(template.message, given)]) {
          expect(text).not.toMatch(/[[\]{}]/);
          expect(text).not.toMatch(/ [,.;:!?)]|\( | {2}|\(\)/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
