/**
 * Reads a copy of a page for its content script (issue 18, sites/page-copy.ts): the page's main
 * thread only serialises the page; parsing and detection run here. In Chromium the service worker
 * has no DOM, so an offscreen document does it (entrypoints/offscreen, created on first use and kept);
 * Firefox's background is a page with a DOM and does it itself. The answer carries the page's setup
 * too, so the first reading costs the page one round trip, as `page.setup` did. Any failure is an
 * error answer, on which the content script reads the page itself.
 */
import type { ExtensionResponses } from '../../shared/extension-messages';
import { browser, type Runtime } from '../lib/browser';
import type { PageCopy } from '../sites/page-copy';
import { OFFSCREEN_DETECT, OFFSCREEN_PAGE, type OffscreenDetectRequest, type OffscreenDetectResult } from './offscreen-contract';
import { pageSetup } from './page-requests';
import { RelayError } from './relay-error';

/** The longest wait for the offscreen document's answer; the content script then reads the page itself. */
const DETECT_TIMEOUT_MS = 5_000;

export async function detectPageCopy(copy: PageCopy, quick: boolean, sender: Runtime.MessageSender): Promise<ExtensionResponses['page.detect']> {
  const setup = await pageSetup(sender);
  const request: OffscreenDetectRequest = { type: OFFSCREEN_DETECT, copy, recipes: setup.recipes, quick };
  const result = import.meta.env.FIREFOX ? await detectHere(request) : await detectOffscreen(request);
  if (!result.ok) throw new RelayError({ code: 'bad_request', message: `Reading the page's copy failed: ${result.message}` });
  return { setup, detection: result.detection };
}

/** Firefox: the background page has a DOM. */
async function detectHere(request: OffscreenDetectRequest): Promise<OffscreenDetectResult> {
  const { detectOnCopy } = await import('../sites/copy-detection');
  try {
    return { ok: true, detection: detectOnCopy(request.copy, request.recipes, request.quick) };
  } catch (error) {
    return { ok: false, message: (error as Error).message || String(error) };
  }
}

type OffscreenApi = {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
};
type ContextsApi = (filter: { contextTypes: string[]; documentUrls: string[] }) => Promise<unknown[]>;

let creating: Promise<void> | undefined;

async function offscreenReady(): Promise<void> {
  const chromeApi = (globalThis as { chrome?: { offscreen?: OffscreenApi; runtime?: { getContexts?: ContextsApi } } }).chrome;
  const offscreen = chromeApi?.offscreen;
  const getContexts = chromeApi?.runtime?.getContexts;
  if (!offscreen || !getContexts) throw new Error('this browser has no offscreen documents');
  const url = browser.runtime.getURL(OFFSCREEN_PAGE);
  if ((await getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length > 0) return;
  creating ??= offscreen
    .createDocument({ url, reasons: ['DOM_PARSER'], justification: 'Reads copies of invoice pages, so that the pages themselves do not pay for it.' })
    .catch(async (error: unknown) => {
      // Another start of the worker may have made it meanwhile: there can be only one.
      if ((await getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length === 0) throw error;
    })
    .finally(() => (creating = undefined));
  await creating;
}

async function detectOffscreen(request: OffscreenDetectRequest): Promise<OffscreenDetectResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await offscreenReady();
    const timeout = new Promise<OffscreenDetectResult>((resolve) => (timer = setTimeout(() => resolve({ ok: false, message: 'no answer in time' }), DETECT_TIMEOUT_MS)));
    const answer = browser.runtime.sendMessage(request) as Promise<OffscreenDetectResult | undefined>;
    return (await Promise.race([answer, timeout])) ?? { ok: false, message: 'no answer' };
  } catch (error) {
    return { ok: false, message: (error as Error).message || String(error) };
  } finally {
    clearTimeout(timer);
  }
}
