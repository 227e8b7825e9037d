/**
 * How the always-injected script (index.ts) and the page script (page-script.ts, injected by the
 * background once the page looks like a document, issue 18) talk. Both run in the extension's
 * isolated world in the same frame, so they share its global object, which the page's own scripts
 * cannot see.
 *
 * The popup's commands ("what this page offers", "Send anyway", "Teach Ownpost this page") also
 * reach pages that never looked like a document: the always-injected script then loads the page
 * script and hands it the command, until the page script listens for commands itself.
 */
import { browser } from 'wxt/browser';
import type { CopiedDetectionData, PageSetup } from '../../../shared/extension-messages';
import { copyPage } from '../../sites/page-copy';
import { askBackground } from './background-request';

/** The page script's file (entrypoints/invoice-detector.content.ts), imported or injected by the background. */
export const PAGE_SCRIPT_FILE = '/content-scripts/invoice-detector.js';

export const PAGE_SCRIPT_KEY = '__ownpostPageScript';
/** The page's setup that came with the `page.load` answer, for the page script that load injected. */
export const PAGE_SETUP_KEY = '__ownpostPageSetup';
/** The first reading of the page's copy, asked for while the page script loads (undefined: there is none). */
export const PAGE_FIRST_READING_KEY = '__ownpostFirstReading';

/** A `runtime.onMessage` listener: true when it answers later. */
export type CommandListener = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (response: unknown) => void) => true | void;

export interface PageScript {
  /** Resolves once the page script listens for commands (undefined: it could not start). */
  started: Promise<CommandListener | undefined>;
  /** True from then on: its own listener answers, nobody hands it commands any more. */
  listening: boolean;
}

export function installedPageScript(): PageScript | undefined {
  return (globalThis as Record<string, unknown>)[PAGE_SCRIPT_KEY] as PageScript | undefined;
}

export function installPageScript(started: Promise<CommandListener | undefined>, signal: AbortSignal): void {
  const script: PageScript = { started, listening: false };
  void started.then((listener) => (script.listening = listener !== undefined && !signal.aborted));
  (globalThis as Record<string, unknown>)[PAGE_SCRIPT_KEY] = script;
  signal.addEventListener('abort', () => {
    if (installedPageScript() === script) delete (globalThis as Record<string, unknown>)[PAGE_SCRIPT_KEY];
  });
}

/**
 * The always-injected script hands the page script the setup `page.load` answers with (issue 18: one
 * round trip less), before asking: the page script runs before that answer arrives, and waits for it.
 * Undefined when `page.load` failed; then the page script asks itself.
 */
export function handOverSetup(setup: Promise<PageSetup | undefined>): void {
  (globalThis as Record<string, unknown>)[PAGE_SETUP_KEY] = setup;
}

/** The setup handed over for this page script (taken once), if any. */
export function takeSetup(): Promise<PageSetup | undefined> | undefined {
  const global = globalThis as Record<string, unknown>;
  const setup = global[PAGE_SETUP_KEY] as Promise<PageSetup | undefined> | undefined;
  delete global[PAGE_SETUP_KEY];
  return setup;
}

/** The first reading of the page's copy handed over (taken once), if any; null: nothing found. */
export function takeFirstReading(): Promise<CopiedDetectionData | null | undefined> | undefined {
  const global = globalThis as Record<string, unknown>;
  const reading = global[PAGE_FIRST_READING_KEY] as Promise<CopiedDetectionData | null | undefined> | undefined;
  delete global[PAGE_FIRST_READING_KEY];
  return reading;
}

/**
 * In Chromium the always-injected script imports the page script as a module (issue 18). Chromium
 * compiles a module on another thread while it loads it (script streaming), where a file the
 * background injects (`scripting.executeScript`) is compiled on the page's main thread. With the
 * compile hint that opens the file (wxt.config.ts) that thread also compiles every function up
 * front, so the page's main thread no longer compiles, one by one, those a document's first look
 * calls. The module runs in this isolated world, like an injected script: the page's own scripts see
 * neither it nor its globals. The page's setup is asked for meanwhile and handed over, so the page
 * script still waits for one round trip. A page evaluates a module once: when the page script's
 * context is gone (the extension was updated, or this script runs a second time), importing runs
 * nothing, and the caller has the background inject the file as before (also where the import fails).
 * Meanwhile the page's copy is read off its main thread (sites/page-copy.ts), and that answer brings
 * the setup too; where the page cannot be copied, the setup is asked for alone.
 */
export async function importPageScript(): Promise<void> {
  const copy = copyPage(document, location.href);
  if (copy) {
    const answer = askBackground({ type: 'page.detect', copy, quick: true });
    handOverSetup(answer.then((result) => (result.ok ? result.data.setup : undefined)));
    (globalThis as Record<string, unknown>)[PAGE_FIRST_READING_KEY] = answer.then((result) => (result.ok ? result.data.detection : undefined));
  } else handOverSetup(askBackground({ type: 'page.setup' }).then((result) => (result.ok ? result.data : undefined)));
  try {
    await import(/* @vite-ignore */ browser.runtime.getURL(PAGE_SCRIPT_FILE));
  } catch (error) {
    console.warn('[ownpost] importing the page script failed', error);
  }
}
