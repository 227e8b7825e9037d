/**
 * Chromium's offscreen document (issue 18): the one extension page with a DOM that the service worker
 * can start, here to parse copies of pages and run the detector on them, so that the pages' main
 * threads do not (sites/page-copy.ts, sites/copy-detection.ts). The background creates it on demand
 * (background/page-detection.ts) and talks to it only through this message; it answers nobody else.
 */
import { browser } from 'wxt/browser';
import { detectOnCopy } from '../../sites/copy-detection';
import { OFFSCREEN_DETECT, type OffscreenDetectRequest, type OffscreenDetectResult } from '../../background/offscreen-contract';

browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (result: OffscreenDetectResult) => void) => {
  if (sender.id !== browser.runtime.id || sender.tab) return;
  const request = message as OffscreenDetectRequest | undefined;
  if (request?.type !== OFFSCREEN_DETECT) return;
  try {
    sendResponse({ ok: true, detection: detectOnCopy(request.copy, request.recipes, request.quick) });
  } catch (error) {
    sendResponse({ ok: false, message: (error as Error).message || String(error) });
  }
});
