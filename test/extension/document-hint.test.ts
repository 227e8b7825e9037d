/**
 * The cheap first test of the always-injected script (issue 18). The detection corpus checks it on
 * whole pages (detection-corpus.test.ts); here: that it knows every word the detector names a kind of
 * document by, and what it looks at and what it leaves alone.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KIND_LABELS, KIND_SUFFIXES } from '../../extension/sites/document-kind';
import { mayShowDocument, namesDocument, squash } from '../../extension/sites/document-hint';

const url = (path: string) => new URL(`https://books.example${path}`);

function page(html: string, title = 'Books') {
  document.title = title;
  document.body.innerHTML = html;
}

describe('the cheap first test', () => {
  it("squashes a text as the pattern [\\s'’°_-]+ did, for every UTF-16 code unit", () => {
    const pattern = (text: string) => text.toLowerCase().replace(/[\s'’°_-]+/g, '');
    const all = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).join('');
    for (let start = 0; start < all.length; start += 512) {
      const chunk = `A${all.slice(start, start + 512)}Z`;
      expect(squash(chunk)).toBe(pattern(chunk));
    }
    for (const text of ['Credit-Note 7', ' Faktura  VAT ', 'x’y°z_', '', '---', 'Nota de crédito\u00a0n.º 5']) expect(squash(text)).toBe(pattern(text));
  });

  it('finds every word of the detector’s kind table, in any case and with hyphens, and the compounds it reads', () => {
    const words = Object.values(DOCUMENT_KIND_LABELS).flatMap((byLanguage) => Object.values(byLanguage).flat());
    const missed = words.filter((word) => !namesDocument(`— ${word.toUpperCase()} 17 —`) || !namesDocument(word.replace(/ /g, '-')));
    expect(missed).toEqual([]);
    for (const [suffix] of KIND_SUFFIXES) expect(namesDocument(`Schluss${suffix}`), suffix).toBe(true);
  });

  it('says no to a page that names no document and links no PDF', () => {
    page('<nav><a href="/customers">Customers</a></nav><h1>Good morning, Anna</h1><table><tr><td>Acme Ltd</td></tr></table>', 'Dashboard · Books');
    expect(mayShowDocument(document, url('/dashboard'))).toBe(false);
  });

  it.each([
    ['the address', '<h1>Loading…</h1>', 'Books', '/app/#/faktura/12'],
    ['the title', '<h1>Loading…</h1>', 'Rechnung RE-7 · Books', '/app'],
    ['a heading', '<h2>Credit note CN-5</h2>', 'Books', '/app'],
    ['the active tab', '<div role="tab" aria-selected="true">Devis</div>', 'Books', '/app'],
    ['a PDF link', '<a href="/files/7/print.pdf">⬇</a>', 'Books', '/app'],
    ['a download', '<a href="/files/7" download>⬇</a>', 'Books', '/app'],
    ['an embedded viewer', '<iframe src="/viewer?doc=7"></iframe>', 'Books', '/app'],
  ])('says yes when %s names a document or a PDF', (_what, html, title, path) => {
    page(html, title);
    expect(mayShowDocument(document, url(path))).toBe(true);
  });

  it('reads the headings of a same-origin frame, like the detector', () => {
    page('<iframe></iframe>', 'Books');
    const frameDocument = document.implementation.createHTMLDocument('');
    frameDocument.body.innerHTML = '<h1>Faktura 90017</h1>';
    Object.defineProperty(document.querySelector('iframe')!, 'contentDocument', { value: frameDocument });
    expect(mayShowDocument(document, url('/app'))).toBe(true);
  });
});
