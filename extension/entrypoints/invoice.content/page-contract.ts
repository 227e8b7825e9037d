/**
 * How the always-injected script (index.ts) starts the page script (page-script.ts: the send button,
 * the watch, the panel frame) once the page looks like a document, or when the popup asks about the
 * page (issue 18). The page script is a file of its own (entrypoints/page-script.content.ts), which
 * the background injects into the asking frame with the answer to the request that sends the page's
 * copy (or asks for the setup, `start`): one round trip brings the setup, the copy's first reading
 * and the page script, and the pages that never look like a document do not compile its code.
 */
import type { CopiedDetectionData, PageSetup } from '../../../shared/extension-messages';
import { copyPage } from '../../sites/page-copy';
import { askBackground } from './background-request';
import { isFrame } from './observe-page';
import type { PageContext } from './page-context';

/** The page script's file, which the background injects (extension/background/page-requests.ts). */
export const PAGE_SCRIPT_FILE = '/content-scripts/page-script.js';

/** The page script's start (page-script.ts `startOnPage`): returns its listener for the background's commands. */
export type StartPageScript = (ctx: PageContext, setup: PageSetup, firstReading?: PageStart['firstReading']) => CommandListener;

/** Where the injected page script leaves its start for this script: a global of the content scripts' isolated world, which the page cannot see. */
const PAGE_SCRIPT_KEY = '__ownpostPageScript';

export function installPageScript(start: StartPageScript): void {
  (globalThis as Record<string, unknown>)[PAGE_SCRIPT_KEY] = start;
}

/** The page script's start, once the background injected it. */
export function installedPageScript(): StartPageScript | undefined {
  return (globalThis as Record<string, unknown>)[PAGE_SCRIPT_KEY] as StartPageScript | undefined;
}

/** A `runtime.onMessage` listener: true when it answers later. */
export type CommandListener = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (response: unknown) => void) => true | void;

/** What the page script starts from: the page's setup and, where the page could be copied, the first reading of its copy. */
export interface PageStart {
  /** Undefined when the background did not answer. */
  setup: Promise<PageSetup | undefined>;
  /** The copy's quick reading (null: nothing found; undefined: none, the page is read again). */
  firstReading?: Promise<CopiedDetectionData | null | undefined>;
}

/** The page's setup, asked for alone, with the page script injected (undefined when the background did not answer). */
export const askPageSetup = (): Promise<PageSetup | undefined> => askBackground({ type: 'page.setup', start: true }).then((result) => (result.ok ? result.data : undefined));

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
  const answer = askBackground({ type: 'page.detect', copy, quick: true, start: true });
  return {
    setup: answer.then((result) => (result.ok ? result.data.setup : undefined)),
    firstReading: answer.then((result) => {
      const changed = changedSinceCopy();
      return result.ok && !changed ? result.data.detection : undefined;
    }),
  };
}
