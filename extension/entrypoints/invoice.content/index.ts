/**
 * The script every page of an enabled site loads (issues 7 and 18). It does little until
 * the page looks like a document: the cheap first test (sites/document-hint.ts) as it starts (the page
 * has loaded), and again while a single-page app renders or navigates (document-wait.ts). Only then
 * does it start the page script (page-script.ts: detection, the send button, the panel frame; how:
 * page-contract.ts), so the pages of an app that show no document never run it. A recipe whose
 * address pattern covers the page counts as a document too: the user taught Ownpost that page.
 *
 * The page script is a second file (page-script.content.ts), which the background injects with its
 * answer to the request that sends the page's copy (page-contract.ts): the pages that do not look
 * like a document compile only this one. (An import of it as a module cost the page's main thread
 * more: the request, loading and evaluating a module, and a second message.)
 */
import { browser } from 'wxt/browser';
import type { Recipe } from '../../../shared/recipe-schemas';
import { urlPatternMatches } from '../../recipes/url-pattern';
import { mayShowDocument } from '../../sites/document-hint';
import { askBackground } from './background-request';
import { waitForDocument } from './document-wait';
import { markScanForTests } from './e2e-marks';
import { askForPageStart, askPageSetup, installedPageScript, type CommandListener } from './page-contract';

/** The popup's commands, which need the page script even where the page did not look like a document. */
const POPUP_COMMANDS = new Set(['ownpost.page.report', 'ownpost.panel.open', 'ownpost.picker.start']);

export default defineContentScript({
  // Production: registered at run time for the sites the user enables (extension/lib/site-registration.ts).
  // The e2e build adds a manifest entry for loopback pages (wxt.config.ts).
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  main(ctx) {
    /** The page script's command listener once it runs; the promise: it is starting (undefined: it could not). */
    let pageScript: CommandListener | undefined;
    let starting: Promise<CommandListener | undefined> | undefined;
    const startPageScript = () =>
      (starting ??= (async () => {
        const { setup, firstReading } = askForPageStart();
        // Without an answer to the copy, the setup is asked for once more, alone.
        const ready = (await setup) ?? (await askPageSetup());
        // The background injected the page script before it answered.
        const start = installedPageScript();
        if (!ready || !start || ctx.isInvalid) return undefined;
        return (pageScript = start(ctx, ready, firstReading));
      })());

    // Recipes are asked for only when the page does not look like a document by itself.
    let recipes: readonly Recipe[] = [];
    let recipesAsked = false;
    const looksLikeDocument = () => {
      const url = new URL(location.href);
      if (mayShowDocument(document, url) || recipes.some((recipe) => urlPatternMatches(recipe.urlPattern, url))) return true;
      if (!recipesAsked) {
        recipesAsked = true;
        void askBackground({ type: 'page.setup' }).then((setup) => {
          if (!setup.ok || setup.data.recipes.length === 0 || ctx.isInvalid) {
            // Unless the page looked like a document meanwhile: then the page script says what it found.
            if (!starting) markScanForTests('none');
            return;
          }
          recipes = setup.data.recipes;
          wait.lookAgain();
        });
      } else markScanForTests('none');
      return false;
    };
    // Its first look runs at once: on a document page, this starts the page script before it returns.
    const wait = waitForDocument(ctx, looksLikeDocument, () => void startPageScript());

    // The background's commands go to the page script; the popup's start it where it did not run yet.
    const onCommand: CommandListener = (message, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id || sender.tab) return;
      if (pageScript) return pageScript(message, sender, sendResponse);
      const type = (message as { type?: unknown } | undefined)?.type;
      if (typeof type !== 'string' || !POPUP_COMMANDS.has(type)) return;
      wait.stop();
      void startPageScript().then((listener) => (listener ? listener(message, sender, sendResponse) : sendResponse(undefined)));
      return true;
    };
    browser.runtime.onMessage.addListener(onCommand);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));
  },
});
