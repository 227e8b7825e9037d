/**
 * The detector in the page itself (issue 18). Normally the page is read from a copy, off its main
 * thread (sites/page-copy.ts), and the page script carries no detector. Where that cannot be (a page
 * too large to copy, one with same-origin frames, a copy the live page no longer matches, no
 * offscreen document, an error), and for the popup's "what this page offers", the page script loads
 * the detector (entrypoints/page-detector.content.ts) into this isolated world: imported as a module
 * in Chromium (compiled off the page's main thread, see wxt.config.ts), injected by the background in
 * Firefox or when the import fails.
 */
import { browser } from 'wxt/browser';
import type { detectDocumentsOnPage } from '../../sites';
import type { reportPage } from '../../sites/page-report';
import type { select } from '../../sites/recipe-adapter';
import { askBackground } from './background-request';

/** The detector's file, imported or injected by the background. */
export const DETECTOR_FILE = '/content-scripts/page-detector.js';

const DETECTOR_KEY = '__ownpostDetector';

export interface InPageDetector {
  detectDocumentsOnPage: typeof detectDocumentsOnPage;
  reportPage: typeof reportPage;
  select: typeof select;
}

export function installDetector(detector: InPageDetector): void {
  (globalThis as Record<string, unknown>)[DETECTOR_KEY] = detector;
}

function installedDetector(): InPageDetector | undefined {
  return (globalThis as Record<string, unknown>)[DETECTOR_KEY] as InPageDetector | undefined;
}

let loading: Promise<InPageDetector> | undefined;

/** The detector, loaded once; rejects when it could not be loaded. */
export function loadDetector(): Promise<InPageDetector> {
  return (loading ??= (async () => {
    if (!installedDetector() && !import.meta.env.FIREFOX) {
      try {
        await import(/* @vite-ignore */ browser.runtime.getURL(DETECTOR_FILE));
      } catch (error) {
        console.warn('[ownpost] importing the detector failed', error);
      }
    }
    if (!installedDetector()) {
      const result = await askBackground({ type: 'detector.load' });
      if (!result.ok) throw new Error(result.error.message);
    }
    const detector = installedDetector();
    if (!detector) throw new Error('the detector did not start');
    return detector;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
}
