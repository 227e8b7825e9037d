/**
 * The detection corpus (test/fixtures/pages) in real Chromium with the e2e build of the extension
 * (issue 16): the same pages and the same aims as the happy-dom test
 * (test/extension/detection-corpus.test.ts), but read the way a user's browser reads them, with
 * layout, real `innerText`, computed visibility and real frames.
 *
 * Every fixture is served at its own address: Chromium resolves the corpus's host names to a local
 * HTTPS server (`--host-resolver-rules`; the test certificate does not name them, so certificate errors
 * are ignored), since the detector looks at the host (the site's own e-mail domain, `invoice.…` hosts).
 * The e2e build injects into these hosts as into loopback pages (wxt.config.ts, corpusMatches).
 * The `expected` block is cut out; a `late` page renders its template into `#app` from a small inline
 * script after a delay; a `frame` page's template is the document of its iframe, served at the
 * iframe's address. What the button was put up for, completed as the panel completes it, comes from
 * the e2e build's mark on the root element (extension/entrypoints/invoice.content/e2e-marks.ts).
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_FIELDS, CorpusScore, loadCorpus, type CorpusExpected, type CorpusFixture, type FoundFields } from '../extension/corpus-fixtures';
import { certs } from '../helpers/certs';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium';

type Fixture = CorpusFixture<CorpusExpected>;
interface Found {
  kind: 'document' | 'list';
  numbers: (string | undefined)[];
  document: FoundFields;
}
interface Reading {
  buttons: number;
  found: Found | undefined;
}

/** Tabs read at once, in one browser. */
const TABS = 6;
/** A late page's shell shows this long before its document renders. */
const LATE_RENDER_MS = 700;
/** How long a page may take to be read (the content script's scan mark), and, after a late render, to be read again. */
const SCAN_TIMEOUT_MS = 8_000;
/** How long after a late render or a frame's load the document may take to be read (the watch lasts 10 s, watch-times.ts). */
const LATE_READ_MS = 5_000;

const corpus = { documents: loadCorpus<CorpusExpected>('documents'), others: loadCorpus<CorpusExpected>('other'), lists: loadCorpus<CorpusExpected>('lists') };
const all = [...corpus.documents, ...corpus.others, ...corpus.lists];

const TEMPLATE = (id: string) => new RegExp(`<template id="${id}">([\\s\\S]*?)</template>`);
const RENDER_LATE = `<script>setTimeout(() => {
  const root = document.documentElement;
  root.removeAttribute('data-ownpost-e2e-scan');
  const template = document.getElementById('late');
  document.getElementById('app').innerHTML = template.innerHTML;
  template.remove();
  root.setAttribute('data-corpus-rendered', '');
}, ${LATE_RENDER_MS});</script>`;

/** The page at an address (host, path and query; the server never sees the fragment), and its frame's. */
function pagesOf(fixture: Fixture): Map<string, string> {
  const url = new URL(fixture.expected.url);
  const served = new Map<string, string>();
  let html = fixture.html;
  if (fixture.expected.render === 'frame') {
    const content = TEMPLATE('frame-content').exec(html)?.[1] ?? '';
    html = html.replace(TEMPLATE('frame-content'), '');
    const src = /<iframe[^>]*\ssrc="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    if (!src) throw new Error(`${fixture.name}: a frame page without an iframe src`);
    served.set(addressKey(new URL(src, url)), `<!doctype html><html><head><meta charset="utf-8"></head><body>${content}</body></html>`);
  }
  if (fixture.expected.render === 'late') html = html.replace(/<\/body>/i, `${RENDER_LATE}</body>`);
  served.set(addressKey(url), html);
  return served;
}

const addressKey = (url: URL) => `${url.host}${url.pathname}${url.search}`;

/** What the server answers now; fixtures at the same address (hash routes of one app) take turns. */
const serving = new Map<string, string>();
const turns = new Map<string, Promise<void>>();

async function inTurn<T>(keys: string[], run: () => Promise<T>): Promise<T> {
  const before = Promise.all(keys.map((k) => turns.get(k)));
  const done = before.then(run);
  const settled = done.then(
    () => undefined,
    () => undefined,
  );
  for (const k of keys) turns.set(k, settled);
  return done;
}

let browser: ExtensionBrowser;
let closeServer: () => Promise<void>;
const readings = new Map<string, Reading>();
const score = new CorpusScore();
let elapsedMs = 0;

/** Reads `fixture` in `page`, a tab of its own (from a blank page: a hash route would otherwise be a same-document navigation). */
async function readPage(page: Page, fixture: Fixture): Promise<Reading> {
  const pages = pagesOf(fixture);
  return inTurn([...pages.keys()], async () => {
    for (const [key, html] of pages) serving.set(key, html);
    await page.goto('about:blank');
    await page.goto(fixture.expected.url, { waitUntil: 'load' });
    if (fixture.expected.render === 'late') await page.locator('html[data-corpus-rendered]').waitFor({ state: 'attached', timeout: SCAN_TIMEOUT_MS });
    await page
      .locator('html[data-ownpost-e2e-scan]')
      .waitFor({ state: 'attached', timeout: SCAN_TIMEOUT_MS })
      .catch(() => undefined);
    // A reading of the loading shell (or of the frame's shell, before the frame loaded) may end after
    // the document came: the document has its time to be read.
    if (fixture.expected.render && fixture.expected.document) {
      await page
        .locator('html[data-ownpost-e2e-found]')
        .waitFor({ state: 'attached', timeout: LATE_READ_MS })
        .catch(() => undefined);
    }
    return readingOf(page);
  });
}

async function readingOf(page: Page): Promise<Reading> {
  const [buttons, found] = await Promise.all([page.getByTestId('ownpost-send').count(), page.locator('html').getAttribute('data-ownpost-e2e-found')]);
  return { buttons, found: found ? (JSON.parse(found) as Found) : undefined };
}

beforeAll(async () => {
  const server = createServer({ key: certs.server.key, cert: certs.server.cert }, (req, res) => {
    const html = serving.get(`${req.headers.host ?? ''}${req.url ?? '/'}`);
    res.writeHead(html ? 200 : 404, { 'Content-Type': html ? 'text/html; charset=utf-8' : 'text/plain', 'Cache-Control': 'no-store' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closeServer = () => new Promise((resolve) => server.close(() => resolve()));
  const port = (server.address() as AddressInfo).port;
  const hosts = Object.fromEntries(all.map((f) => [new URL(f.expected.url).hostname, `127.0.0.1:${port}`]));
  browser = await launchWithExtension({ hosts, args: ['--ignore-certificate-errors'] });

  const started = Date.now();
  const queue = [...all];
  await Promise.all(
    Array.from({ length: TABS }, async () => {
      const page = await browser.context.newPage();
      for (let fixture = queue.shift(); fixture; fixture = queue.shift()) readings.set(fixture.name, await readPage(page, fixture));
      await page.close();
    }),
  );
  elapsedMs = Date.now() - started;
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await closeServer?.();
});

describe('the detection corpus in Chromium', () => {
  it('reads every page', () => {
    for (const fixture of corpus.documents) {
      const reading = readings.get(fixture.name)!;
      const document = reading.found?.kind === 'document' && reading.buttons > 0 ? reading.found.document : undefined;
      score.document(fixture.name, fixture.expected, document);
    }
    for (const fixture of corpus.others) {
      const { buttons, found } = readings.get(fixture.name)!;
      score.other(fixture.name, buttons > 0 || found ? `a ${found?.kind ?? '?'} button (${found?.numbers.join(', ') ?? ''}; ${buttons} on the page)` : undefined);
    }
    for (const fixture of corpus.lists) {
      const { buttons, found } = readings.get(fixture.name)!;
      score.list(fixture.name, fixture.expected, found?.kind === 'list' && buttons > 0 ? found.numbers : []);
    }
    console.log(
      `Chromium, ${all.length} pages in ${(elapsedMs / 1000).toFixed(1)} s (${TABS} tabs).\n${score.table()}\n\n` +
        `Pages where Chromium and the expected block disagree:\n${score.misses.join('\n') || '(none)'}`,
    );
  });

  it('puts a button on ≥ 95 % of document pages and none on ≥ 95 % of other pages', () => {
    expect(score.buttons / score.documents).toBeGreaterThanOrEqual(0.95);
    expect(score.quiet / score.others).toBeGreaterThanOrEqual(0.95);
  });

  it('reads every field with precision and recall ≥ 90 %', () => {
    for (const field of CORPUS_FIELDS) {
      const { precision, recall } = score.rates(field);
      expect(precision, `${field} precision`).toBeGreaterThanOrEqual(0.9);
      expect(recall, `${field} recall`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('reads the list pages as lists with every document', () => {
    expect(score.listsRead).toBe(score.lists);
  });
});
