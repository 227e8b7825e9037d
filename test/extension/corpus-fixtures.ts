/**
 * The detection corpus (test/fixtures/pages) for the tests that read it: each fixture page states what
 * it shows in a `<script type="application/json" id="expected">` block, which is cut out before the
 * detector sees the page, and is loaded into happy-dom's document as a browser would show it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PageDetection } from '../../extension/sites/site-adapter';
import { applySelectedOptions } from './happy-dom-select';

const CORPUS = path.join(import.meta.dirname, '../fixtures/pages');
const EXPECTED_BLOCK = /<script type="application\/json" id="expected">([\s\S]*?)<\/script>/;

export type CorpusFolder = 'documents' | 'lists' | 'other';

export interface CorpusFixture<Expected> {
  name: string;
  html: string;
  expected: Expected;
}

/** A folder's fixtures, in name order; `Expected` is what the caller reads of the block (it has at least the page's `url`). */
export function loadCorpus<Expected extends { url: string }>(folder: CorpusFolder): CorpusFixture<Expected>[] {
  return readdirSync(path.join(CORPUS, folder))
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const raw = readFileSync(path.join(CORPUS, folder, file), 'utf8');
      const match = EXPECTED_BLOCK.exec(raw);
      if (!match) throw new Error(`${folder}/${file} states nothing it expects`);
      // The detector must never read what the fixture expects: the block is cut out before the page loads.
      return { name: `${folder}/${file}`, html: raw.replace(EXPECTED_BLOCK, ''), expected: JSON.parse(match[1]!) as Expected };
    });
}

/** Shows `html` as the page at `url`: its address, language, title and body, with selected options applied. */
export function loadPage(html: string, url: string): void {
  // The page's own address, as a browser would have it (a frame's document inherits it here).
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.setAttribute('lang', parsed.documentElement.getAttribute('lang') ?? '');
  if (!parsed.documentElement.hasAttribute('lang')) document.documentElement.removeAttribute('lang');
  document.head.innerHTML = '';
  document.title = parsed.title;
  document.body.innerHTML = parsed.body.innerHTML;
  attachShadowRoots(document.body);
  applySelectedOptions();
}

/**
 * Gives each `<template shadowrootmode="open">` its host's open shadow root, as a browser's parser does
 * with declarative shadow DOM (happy-dom keeps the template): the page's web components, as the
 * content script meets them.
 */
export function attachShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const shadow = template.parentElement!.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    shadow.innerHTML = template.innerHTML;
    template.remove();
    attachShadowRoots(shadow);
  }
}

/** A detection as plain data to compare: its elements by identity, everything else by value. */
export function comparable(detection: Omit<PageDetection, 'complete'> | undefined) {
  if (!detection) return undefined;
  const elements: (Element | undefined)[] = [detection.anchor];
  const documents = detection.documents.map(({ anchor, row, pdfButton, ...rest }) => {
    elements.push(anchor, row, pdfButton);
    return rest;
  });
  return { kind: detection.kind, documents, elements };
}

export const CORPUS_FIELDS = ['number', 'kind', 'recipient', 'customer', 'amount', 'pdf', 'language'] as const;
export type CorpusField = (typeof CORPUS_FIELDS)[number];

/** What a fixture's `expected` block states. */
export interface CorpusExpected {
  url: string;
  document: boolean;
  /**
   * `late`: the page shows a loading shell first; `#late`'s template is rendered into `#app` afterwards.
   * `frame`: the document is in the page's same-origin iframe, whose page is `#frame-content`'s template.
   */
  render?: 'late' | 'frame';
  number?: string | null;
  kind?: string | null;
  recipient?: string | null;
  customer?: string | null;
  amount?: string | null;
  /** The PDF's address: a link, an embedded viewer's file, or (pdfRoute "probe") a link to probe. Null: no PDF on the page. */
  pdf?: string | null;
  pdfRoute?: 'link' | 'probe';
  language?: string | null;
  /** A list page (lists/): the numbers of its documents, in order. */
  list?: string[];
}

/** The fields of the document a page's button was put up for, as the corpus states them. */
export type FoundFields = Partial<Record<CorpusField, string>>;

const percent = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);

/**
 * The corpus's score (README's "On the invoice page"): a button on document pages, none on the other
 * pages, lists read whole, and each field's precision and recall. A field's precision: of the
 * documents where the detector gave a value, the share where it was the expected one. Its recall: of
 * the documents whose expected value is not null, the share where the detector gave exactly that. A
 * fixture that expects null counts against precision if a value is given.
 */
export class CorpusScore {
  readonly tally = Object.fromEntries(CORPUS_FIELDS.map((f) => [f, { given: 0, right: 0, expected: 0, found: 0 }])) as Record<
    CorpusField,
    { given: number; right: number; expected: number; found: number }
  >;
  readonly misses: string[] = [];
  documents = 0;
  others = 0;
  lists = 0;
  buttons = 0;
  quiet = 0;
  listsRead = 0;

  /** A document page: `found` is undefined where no document button was put up. */
  document(name: string, expected: CorpusExpected, found: FoundFields | undefined): void {
    this.documents++;
    if (found) this.buttons++;
    else this.misses.push(`${name}: no button`);
    for (const field of CORPUS_FIELDS) {
      const wanted = expected[field] ?? undefined;
      const given = found?.[field];
      const t = this.tally[field];
      if (wanted !== undefined) t.expected++;
      if (given !== undefined) t.given++;
      if (given !== undefined && given === wanted) {
        t.right++;
        t.found++;
      } else if (given !== undefined || wanted !== undefined) this.misses.push(`${name}: ${field} ${JSON.stringify(given)} (expected ${JSON.stringify(wanted ?? null)})`);
    }
  }

  /** Another page: `button` describes the button put up there, if any. */
  other(name: string, button: string | undefined): void {
    this.others++;
    if (button === undefined) this.quiet++;
    else this.misses.push(`${name}: ${button}`);
  }

  /** A list page and the numbers of the list button's documents. */
  list(name: string, expected: CorpusExpected, numbers: (string | undefined)[]): boolean {
    this.lists++;
    const read = JSON.stringify(numbers) === JSON.stringify(expected.list);
    if (read) this.listsRead++;
    else this.misses.push(`${name}: list ${JSON.stringify(numbers)} (expected ${JSON.stringify(expected.list)})`);
    return read;
  }

  /** Field `field`'s precision and recall (1 where nothing counts). */
  rates(field: CorpusField): { precision: number; recall: number } {
    const t = this.tally[field];
    return { precision: t.given === 0 ? 1 : t.right / t.given, recall: t.expected === 0 ? 1 : t.found / t.expected };
  }

  /** The summary and the per-field table, as README shows it. */
  table(): string {
    const rows = CORPUS_FIELDS.map((f) => `| ${f} | ${percent(this.tally[f].right, this.tally[f].given)} | ${percent(this.tally[f].found, this.tally[f].expected)} | ${this.tally[f].expected} |`);
    return [
      `Button on ${percent(this.buttons, this.documents)} of document pages; no button on ${percent(this.quiet, this.others)} of other pages; ` +
        `${this.listsRead} of ${this.lists} list pages read as lists with every document.`,
      '',
      '| field | precision | recall | documents stating it |',
      '|---|---|---|---|',
      ...rows,
    ].join('\n');
  }
}
