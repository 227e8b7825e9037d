/**
 * How the page script reads the page (issue 18): from a copy, off the page's main thread
 * (sites/page-copy.ts: the page is serialised here, parsed and read in the background's offscreen
 * document or Firefox's background page, and the elements found come back as paths resolved here),
 * else, as before, with the detector in the page (detector-contract.ts): for a page too large to copy
 * or with same-origin frames, when the background cannot read the copy, and when the live page no
 * longer matches the copy at the paths (it changed meanwhile, or parsed into another tree).
 */
import type { Recipe } from '../../../shared/recipe-schemas';
import { copyPage, resolveDetection, StaleCopyError, type CopiedDetection } from '../../sites/page-copy';
import type { PageDetection } from '../../sites/site-adapter';
import { askBackground } from './background-request';
import { loadDetector } from './detector-contract';
import type { PageStart } from './page-contract';

/** A reading of the page; a quick one's `complete` may have to ask the background again. */
export type PageReading = Omit<PageDetection, 'complete'> & { complete?(): PageDetection | Promise<PageDetection> };

export interface PageReader {
  /** What the page shows now (undefined: no document); `quick`: the button's first look (issue 18). */
  read(quick: boolean): Promise<PageReading | undefined>;
}

/** `firstReading`: the copy's quick reading that came with the page's setup (page-contract.ts), used once. */
export function pageReader(recipes: () => readonly Recipe[], firstReading?: PageStart['firstReading']): PageReader {
  /** The copy's reading: undefined when the page must be read in the page; null when nothing was found. */
  async function readCopy(quick: boolean): Promise<PageReading | null | undefined> {
    let copied: CopiedDetection | null | undefined;
    const handedOver = quick ? firstReading : undefined;
    firstReading = undefined;
    if (handedOver) copied = (await handedOver) as CopiedDetection | null | undefined;
    if (copied === undefined) {
      const copy = copyPage(document, location.href);
      if (!copy) return undefined;
      const answer = await askBackground({ type: 'page.detect', copy, quick });
      if (!answer.ok) {
        console.warn(`[ownpost] the page's copy could not be read, reading the page itself: ${answer.error.message}`);
        return undefined;
      }
      copied = answer.data.detection as CopiedDetection | null;
    }
    if (!copied) return null;
    try {
      const detection = resolveDetection(copied, document);
      if (!copied.partial) return detection;
      return { ...detection, complete: async () => (await readWhole()) ?? detection };
    } catch (error) {
      if (error instanceof StaleCopyError) return undefined;
      throw error;
    }
  }

  /** The whole reading (not quick), for the panel. */
  async function readWhole(): Promise<PageDetection | undefined> {
    return (await read(false)) as PageDetection | undefined;
  }

  async function read(quick: boolean): Promise<PageReading | undefined> {
    const fromCopy = await readCopy(quick);
    if (fromCopy !== undefined) return fromCopy ?? undefined;
    const detector = await loadDetector();
    return detector.detectDocumentsOnPage(document, new URL(location.href), recipes(), { quick })?.detection;
  }

  return { read };
}
