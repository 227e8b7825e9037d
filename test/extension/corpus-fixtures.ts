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
