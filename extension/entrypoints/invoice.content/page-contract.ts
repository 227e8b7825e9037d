/**
 * How the always-injected script (index.ts) starts the page script (page-script.ts: the send button,
 * the watch, the panel frame) once the page looks like a document, or when the popup asks about the
 * page (issue 18). Both are one file: starting the page script loads nothing more into the page, and
 * the page's copy goes to the background in the same round trip that brings the page's setup.
 */
import type { CopiedDetectionData, PageSetup } from '../../../shared/extension-messages';
import { copyPage } from '../../sites/page-copy';
import { askBackground } from './background-request';
import { isFrame } from './observe-page';

/** A `runtime.onMessage` listener: true when it answers later. */
export type CommandListener = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (response: unknown) => void) => true | void;

/** What the page script starts from: the page's setup and, where the page could be copied, the first reading of its copy. */
export interface PageStart {
  /** Undefined when the background did not answer. */
  setup: Promise<PageSetup | undefined>;
  /** The copy's quick reading (null: nothing found; undefined: none, the page is read again). */
  firstReading?: Promise<CopiedDetectionData | null | undefined>;
}

/** The page's setup, asked for alone (undefined when the background did not answer). */
export const askPageSetup = (): Promise<PageSetup | undefined> => askBackground({ type: 'page.setup' }).then((result) => (result.ok ? result.data : undefined));

/**
 * Did the page change since now? Until asked: a single-page app may render its document while the
 * copy is read, before the page script watches the page (page-watch.ts), which would never see it.
 */
function watchForChange(): () => boolean {
  let changed = false;
  const observer = new MutationObserver(() => (changed = true));
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  // A same-origin frame that loads meanwhile changes what the page shows, not this document.
  const onFrameLoad = (event: Event) => {
    if (isFrame(event.target)) changed = true;
  };
  document.addEventListener('load', onFrameLoad, { capture: true });
  return () => {
    changed ||= observer.takeRecords().length > 0;
    observer.disconnect();
    document.removeEventListener('load', onFrameLoad, { capture: true });
    return changed;
  };
}

/**
 * Sends the page's copy (sites/page-copy.ts) for its first, quick reading off the page's main thread;
 * that answer brings the setup too. Where the page cannot be copied, the setup is asked for alone.
 * The copy's reading is given up if the page changed while it was read: the page script reads the
 * page again, as it is then, and watches it from there.
 */
export function askForPageStart(): PageStart {
  const copy = copyPage(document, location.href);
  if (!copy) return { setup: askPageSetup() };
  const changedSinceCopy = watchForChange();
  const answer = askBackground({ type: 'page.detect', copy, quick: true });
  return {
    setup: answer.then((result) => (result.ok ? result.data.setup : undefined)),
    firstReading: answer.then((result) => {
      const changed = changedSinceCopy();
      return result.ok && !changed ? result.data.detection : undefined;
    }),
  };
}
