/**
 * The built-in message templates in every template language (TEMPLATE_LANGUAGES): the languages the UI
 * speaks and those of the pages the detector reads, so the customer gets the mail in the document's
 * language. Each must fill in completely, use only known placeholders, and read as its own language.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../shared/document-kinds';
import { LANGUAGES, TEMPLATE_LANGUAGES, isTemplateLanguage } from '../../shared/languages';
import { zPanelDocument } from '../../shared/extension-messages';
import { BUILTIN_TEMPLATES, builtinTemplate, findUnknownPlaceholders, renderTemplate } from '../../shared/message-templates';

const EVERY_VALUE = { documentNumber: 'RF-2026-0042', customerName: 'Rossi S.r.l.', amount: '1.250,00 €', dueDate: '31.12.2026', senderName: 'Anna Berg' };

/** Words an English template uses that no other language's template should (a copied English line left behind). */
const ENGLISH = /\b(hello|dear|please|invoice|attached|kind regards|thank you|order confirmation|receipt|quote|reminder|delivery note|due date|amount due|payment)\b/i;

const cases = TEMPLATE_LANGUAGES.flatMap((language) => DOCUMENT_KINDS.map((kind) => [language, kind] as const));

describe('the built-in templates in every template language', () => {
  it('are written in more languages than the UI speaks, the UI’s included', () => {
    expect(LANGUAGES).toEqual(['en', 'pl', 'is', 'sv', 'da', 'nb', 'de']);
    for (const language of LANGUAGES) expect(isTemplateLanguage(language)).toBe(true);
    for (const language of ['fr', 'es', 'it', 'pt', 'nl', 'fi', 'et', 'cs', 'sk', 'hr', 'hu', 'ro']) expect(TEMPLATE_LANGUAGES).toContain(language);
    expect(new Set(TEMPLATE_LANGUAGES).size).toBe(TEMPLATE_LANGUAGES.length);
    expect(Object.keys(BUILTIN_TEMPLATES).sort()).toEqual([...TEMPLATE_LANGUAGES].sort());
  });

  it.each(cases)('%s %s: fills in every placeholder and uses no unknown one', (language, kind) => {
    const template = builtinTemplate(kind, language);
    expect(findUnknownPlaceholders(template.subject)).toEqual([]);
    expect(findUnknownPlaceholders(template.message)).toEqual([]);
    expect(template.subject).toContain('{documentNumber}');
    expect(template.message).toContain('{documentNumber}');
    expect(template.message).toMatch(/\n\{senderName\}$/);
    const subject = renderTemplate(template.subject, EVERY_VALUE);
    const message = renderTemplate(template.message, EVERY_VALUE);
    for (const text of [subject, message]) expect(text).not.toMatch(/[[\]{}]/);
    expect(subject).toContain('RF-2026-0042');
    expect(message).toContain('RF-2026-0042');
    expect(message.endsWith('\nAnna Berg')).toBe(true);
    // Every optional phrase of the template shows when every value is there.
    for (const [, phrase] of template.message.matchAll(/\[([^\]]*)\]/g)) expect(message).toContain(renderTemplate(phrase!, EVERY_VALUE));
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it.each(cases.filter(([language]) => language !== 'en'))('%s %s: has no English left in it', (language, kind) => {
    const { subject, message } = builtinTemplate(kind, language);
    expect(`${subject}\n${message}`).not.toMatch(ENGLISH);
    expect(subject).not.toBe(BUILTIN_TEMPLATES.en[kind].subject);
  });

  it('gives each language its own words: no two languages share an invoice message', () => {
    const messages = TEMPLATE_LANGUAGES.map((language) => BUILTIN_TEMPLATES[language].invoice.message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('reads well when the page shows no customer name: no greeting left with a dangling comma or name slot', () => {
    for (const [language, kind] of cases) {
      const message = renderTemplate(builtinTemplate(kind, language).message, { documentNumber: '7', senderName: 'Anna' });
      const [greeting, gap] = message.split('\n');
      // The greeting stays, a paragraph of its own: a greeting that named the customer is not dropped as a bare label.
      expect(gap, `${language} ${kind}`).toBe('');
      expect(greeting!, `${language} ${kind}`).not.toMatch(/,,|\s[,:!]|^[,:!]/);
      expect(message, `${language} ${kind}`).not.toMatch(/\n{3}/);
    }
  });

  it('lets a document in a template language reach the panel (zPanelDocument), and no other', () => {
    expect(zPanelDocument.parse({ recipients: [], language: 'it' }).language).toBe('it');
    expect(zPanelDocument.safeParse({ recipients: [], language: 'ja' }).success).toBe(false);
  });
});
