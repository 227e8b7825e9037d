import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_TEMPLATES,
  findUnknownPlaceholders,
  loadTemplate,
  renderTemplate,
  resetTemplate,
  saveTemplate,
  templatesItem,
  type StoredTemplates,
} from '../../extension/lib/templates';
import { storage } from 'wxt/utils/storage';

const ALL = { documentNumber: '2026-0042', customerName: 'Kund AB', amount: '12 500,00 SEK', dueDate: '2026-12-23', senderName: 'Anna Berg' };

describe('renderTemplate', () => {
  it('fills every placeholder', () => {
    expect(renderTemplate(DEFAULT_TEMPLATES.sv.subject, ALL)).toBe('Faktura 2026-0042');
    expect(renderTemplate(DEFAULT_TEMPLATES.sv.message, ALL)).toBe(
      'Hej Kund AB,\n\nHär kommer faktura 2026-0042.\nAtt betala: 12 500,00 SEK\nFörfallodatum: 2026-12-23\n\nMed vänliga hälsningar\nAnna Berg',
    );
  });

  it('leaves no holes when the page shows fewer values: no "Hello ," and no bare "Due date:" line', () => {
    expect(renderTemplate(DEFAULT_TEMPLATES.en.message, { documentNumber: '77' })).toBe(
      'Hello,\n\nPlease find attached invoice 77.\n\nKind regards,',
    );
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

describe('stored templates', () => {
  beforeEach(() => fakeBrowser.reset());

  it('use the built-in default until the user changes one, and store only what changed', async () => {
    expect(await loadTemplate('de')).toEqual(DEFAULT_TEMPLATES.de);
    await saveTemplate('de', { subject: 'Ihre Rechnung {documentNumber}', message: 'Guten Tag' });
    expect(await loadTemplate('de')).toEqual({ subject: 'Ihre Rechnung {documentNumber}', message: 'Guten Tag' });
    expect(Object.keys(await templatesItem.getValue())).toEqual(['de']);
  });

  it('saving the default itself, or resetting, stores nothing, so improved defaults still arrive', async () => {
    await saveTemplate('pl', { subject: 'x', message: 'y' });
    await saveTemplate('pl', DEFAULT_TEMPLATES.pl);
    expect(await templatesItem.getValue()).toEqual({});
    await saveTemplate('nb', { subject: 'x', message: 'y' });
    await resetTemplate('nb');
    expect(await templatesItem.getValue()).toEqual({});
  });

  it('drops a line that was only a missing value without leaving a double gap', () => {
    expect(renderTemplate('Hi\n\n{customerName}\n\nBye', {})).toBe('Hi\n\nBye');
  });

  it('are stored with their format version, so a later version can migrate them', async () => {
    // A fresh page: WXT decides at definition time whether the first write also records the version.
    vi.resetModules();
    const fresh = await import('../../extension/lib/templates');
    await fresh.saveTemplate('is', { subject: 'Reikningur', message: '' });
    expect(await fakeBrowser.storage.local.get('templates$')).toEqual({ templates$: { v: 1 } });
    // What a future version 2 would do: it finds v1 data and migrates it.
    const v2 = storage.defineItem<Record<string, { subject: string; message: string; format: string }>>('local:templates', {
      fallback: {},
      version: 2,
      migrations: { 2: (v1: StoredTemplates) => Object.fromEntries(Object.entries(v1).map(([l, t]) => [l, { ...t, format: 'text' }])) },
    });
    expect(await v2.getValue()).toEqual({ is: { subject: 'Reikningur', message: '', format: 'text' } });
  });
});
