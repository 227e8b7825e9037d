/**
 * Reading a page from its copy (issue 18, extension/sites/page-copy.ts) finds what reading the page
 * itself finds: over the whole detection corpus, the quick and the whole reading of the copy, its
 * paths resolved in the live page, equal the in-page readings, elements by identity. The live state
 * of form controls, which the page's HTML does not carry, reaches the copy.
 */
import { describe, expect, it } from 'vitest';
import { detectDocumentsOnPage } from '../../extension/sites';
import { parseCopy, readParsedCopy } from '../../extension/sites/copy-detection';
import { copyPage, resolveDetection } from '../../extension/sites/page-copy';
import type { PageDetection } from '../../extension/sites/site-adapter';
import { comparable, loadCorpus, loadPage } from './corpus-fixtures';
import { applySelectedOptions } from './happy-dom-select';

const fixtures = (['documents', 'lists', 'other'] as const).flatMap((folder) =>
  loadCorpus<{ url: string; render?: string }>(folder).map(({ name, html, expected }) => ({ name, html, url: expected.url, render: expected.render })),
);

function readCopy(url: string, quick: boolean) {
  const copy = copyPage(document, url);
  if (!copy) return 'not copied';
  const parsed = parseCopy(copy);
  // happy-dom's parser does not choose an <option selected> as a browser's does (happy-dom-select.ts).
  applySelectedOptions(parsed);
  const copied = readParsedCopy(parsed, copy.url, [], quick);
  return copied ? resolveDetection(JSON.parse(JSON.stringify(copied)), document) : undefined;
}

/** Pages with web components' open shadow trees, which no copy holds (they are read in the page). */
const shadowed = (html: string) => html.includes('shadowrootmode');

describe('reading a page from its copy', () => {
  it.each(fixtures.filter((f) => f.render !== 'frame' && !shadowed(f.html)).map((f) => [f.name, f] as const))('finds on the copy of %s what the page itself shows', (_name, fixture) => {
    loadPage(fixture.html, fixture.url);
    if (fixture.render === 'late') {
      const template = document.getElementById('late') as HTMLTemplateElement;
      document.getElementById('app')!.innerHTML = template.innerHTML;
      template.remove();
    }
    const url = new URL(fixture.url);
    for (const quick of [true, false]) {
      const inPage = detectDocumentsOnPage(document, url, [], { quick })?.detection;
      const fromCopy = readCopy(fixture.url, quick);
      expect(fromCopy).not.toBe('not copied');
      const [a, b] = [comparable(fromCopy as PageDetection | undefined), comparable(inPage)];
      expect(a).toEqual(b);
      if (a && b) expect(a.elements.every((element, i) => element === b.elements[i])).toBe(true);
    }
  });

  it.each(fixtures.filter((f) => shadowed(f.html)).map((f) => [f.name, f] as const))('reads %s in the page: its copy would not hold its shadow trees', (_name, fixture) => {
    loadPage(fixture.html, fixture.url);
    expect(copyPage(document, fixture.url)).toBeUndefined();
  });

  it('reads a page with a same-origin frame in the page: its copy would not hold the frame', () => {
    const frame = fixtures.find((f) => f.render === 'frame')!;
    loadPage(frame.html, frame.url);
    Object.defineProperty(document.querySelector('iframe')!, 'contentDocument', { value: document.implementation.createHTMLDocument('') });
    expect(copyPage(document, frame.url)).toBeUndefined();
  });

  it('carries what the user typed and chose, which the HTML does not', () => {
    loadPage(
      `<h1>Invoice 4411</h1><p>Customer: Live Ltd</p><p><label for="to">Customer e-mail</label> <input id="to" value="old@stale.example"></p>
       <p><a href="/invoices/4411.pdf">Download PDF</a></p><select id="lang"><option>English</option><option>Polski</option></select><input type="checkbox" id="c" checked>`,
      'https://app.example/invoices/4411',
    );
    (document.getElementById('to') as HTMLInputElement).value = 'typed@live.example';
    (document.getElementById('lang') as HTMLSelectElement).selectedIndex = 1;
    (document.getElementById('c') as HTMLInputElement).checked = false;
    const copy = copyPage(document, location.href)!;
    const parsed = parseCopy(copy);
    expect((parsed.getElementById('to') as HTMLInputElement).value).toBe('typed@live.example');
    expect((parsed.getElementById('lang') as HTMLSelectElement).selectedIndex).toBe(1);
    expect((parsed.getElementById('c') as HTMLInputElement).checked).toBe(false);
    const whole = resolveDetection(readParsedCopy(parsed, copy.url, [], false)!, document);
    expect(whole.documents[0]!.recipients).toContain('typed@live.example');
  });
});
