import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispositionFilename, isPdf, pdfFilename, urlFilename } from '../../extension/lib/pdf-file';

describe('a PDF’s file name, whichever way the file came', () => {
  it.each([
    [`attachment; filename*=UTF-8''Faktura%20%C3%85%2012.pdf; filename="fallback.pdf"`, 'Faktura Å 12.pdf'],
    [`attachment; filename*=utf-8''R%C3%A9f.pdf`, 'Réf.pdf'],
    [`attachment; filename="Invoice 7.pdf"`, 'Invoice 7.pdf'],
    ['inline; filename=plain.pdf; size=3', 'plain.pdf'],
    // A malformed escape in the RFC 6266 form leaves the plain name, not nothing.
    [`attachment; filename*=UTF-8''bad%E0.pdf; filename="good.pdf"`, 'good.pdf'],
    ['inline', undefined],
    [null, undefined],
  ])('Content-Disposition %s → %s', (header, name) => expect(dispositionFilename(header)).toBe(name));

  it('takes the address’s last segment, and with onlyPdf only a .pdf one', () => {
    expect(urlFilename('https://erp.example/files/Faktura%2012.pdf?x=1')).toBe('Faktura 12.pdf');
    expect(urlFilename('https://erp.example/invoices/12/print')).toBe('print');
    expect(urlFilename('https://erp.example/invoices/12/print', { onlyPdf: true })).toBeUndefined();
    expect(urlFilename('https://erp.example/%E0.pdf')).toBeUndefined();
    expect(urlFilename('not a url')).toBeUndefined();
  });

  /** What a safe name never holds: path separators, quotes, control characters. */
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  const UNSAFE = /[\\/"\u0000-\u001f\u007f]/;

  it('always makes a safe .pdf name of whatever the page or server says, or the fallback', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'binary', maxLength: 300 }), { nil: undefined }), { maxLength: 4 }), (candidates) => {
        const name = pdfFilename(candidates, 'fallback.pdf');
        expect(name).toMatch(/\.pdf$/i);
        expect(name).not.toMatch(UNSAFE);
        expect(name.length).toBeLessThanOrEqual(204);
        const first = candidates.find((c) => pdfFilename([c], '') !== '');
        if (first === undefined) expect(name).toBe('fallback.pdf');
        else expect(name.startsWith(first.replace(new RegExp(UNSAFE.source, 'g'), '_').trim().slice(0, 200))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('knows a PDF by its first bytes only', () => {
    expect(isPdf(new TextEncoder().encode('%PDF-1.7\n'))).toBe(true);
    expect(isPdf(new TextEncoder().encode('%PDF'))).toBe(false);
    expect(isPdf(new TextEncoder().encode('<html>%PDF-1.7'))).toBe(false);
  });
});
