import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_TEMPLATES, findUnknownPlaceholders, loadTemplate, renderTemplate } from '../../extension/lib/templates';
import { fakeBackground } from './fake-background';

const ALL = { documentNumber: '2026-0042', customerName: 'Kund AB', amount: '12 500,00 SEK', dueDate: '2026-12-23', senderName: 'Anna Berg' };

describe('renderTemplate', () => {
  it('fills every placeholder', () => {
    expect(renderTemplate(DEFAULT_TEMPLATES.sv.subject, ALL)).toBe('Faktura 2026-0042');
    expect(renderTemplate(DEFAULT_TEMPLATES.sv.message, ALL)).toBe(
      'Hej Kund AB,\n\nHär kommer faktura 2026-0042.\nAtt betala: 12 500,00 SEK\nFörfallodatum: 2026-12-23\n\nMed vänliga hälsningar\nAnna Berg',
    );
  });

  it('leaves no holes when the page shows fewer values: no "Hello ," and no bare "Due date:" line', () => {
    expect(renderTemplate(DEFAULT_TEMPLATES.en.message, { documentNumber: '77' })).toBe('Hello,\n\nPlease find attached invoice 77.\n\nKind regards,');
  });

  it('keeps the user’s own lines exactly as written', () => {
    expect(renderTemplate('Dear  team :\n\n\n\nBye', {})).toBe('Dear  team :\n\n\n\nBye');
  });

  it('shows an unknown placeholder as written, so a typo is visible in the preview', () => {
    expect(renderTemplate('Invoice {invoiceNo}', ALL)).toBe('Invoice {invoiceNo}');
    expect(findUnknownPlaceholders('{invoiceNo} {amount} {Amount}')).toEqual(['invoiceNo', 'Amount']);
  });

  it('does not let a value smuggle in a placeholder', () => {
    expect(renderTemplate('{customerName} {amount}', { customerName: '{amount}', amount: '5 €' })).toBe('{amount} 5 €');
  });
});

describe('the template that applies', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is the relay’s for the document’s kind and language', async () => {
    const bg = fakeBackground({
      'templates.list': () => ({
        templates: [
          { kind: 'quote', language: 'de', subject: 'Unser Angebot {documentNumber}', message: 'Guten Tag', source: 'company' },
          { kind: 'invoice', language: 'de', subject: 'Rechnung {documentNumber}', message: 'Hallo', source: 'builtin' },
        ],
      }),
    });
    expect(await loadTemplate('de', 'quote')).toEqual({ subject: 'Unser Angebot {documentNumber}', message: 'Guten Tag' });
    expect(await loadTemplate('de')).toEqual({ subject: 'Rechnung {documentNumber}', message: 'Hallo' });
    expect(bg.sent('templates.list')).toHaveLength(2);
  });

  it('is the built-in one of that kind when the relay cannot be asked', async () => {
    fakeBackground({ 'templates.list': () => ({ error: { code: 'relay_unreachable', message: 'down' } }) });
    expect(await loadTemplate('de')).toEqual(DEFAULT_TEMPLATES.de);
    expect((await loadTemplate('sv', 'credit-note')).subject).toBe('Kreditfaktura {documentNumber}');
  });

  it('drops a line that was only a missing value without leaving a double gap', () => {
    expect(renderTemplate('Hi\n\n{customerName}\n\nBye', {})).toBe('Hi\n\nBye');
  });
});
