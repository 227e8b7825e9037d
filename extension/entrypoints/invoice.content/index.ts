/**
 * The script every page of an enabled site loads (issues 7 and 18). It is tiny and does nothing until
 * the page looks like a document: the cheap first test (sites/document-hint.ts) as it starts (the page
 * has loaded), and again while a single-page app renders or navigates (document-wait.ts). Only then
 * does it load the page script (page-script.ts: detection, the send button, the panel frame; how:
 * page-contract.ts), so the pages of an app that show no document never load it. A recipe whose
 * address pattern covers the page counts as a document too: the user taught Ownpost that page.
 */
import { browser } from 'wxt/browser';
import type { Recipe } from '../../../shared/recipe-schemas';
import { urlPatternMatches } from '../../recipes/url-pattern';
import { mayShowDocument } from '../../sites/document-hint';
import { askBackground } from './background-request';
import { waitForDocument } from './document-wait';
import { markScanForTests } from './e2e-marks';
import { handOverSetup, importPageScript, installedPageScript, type CommandListener, type PageScript } from './page-contract';

/** The popup's commands, which need the page script even where the page did not look like a document. */
const POPUP_COMMANDS = new Set(['ownpost.page.report', 'ownpost.panel.open', 'ownpost.picker.start']);

export default defineContentScript({
  // Production: registered at run time for the sites the user enables (extension/lib/site-registration.ts).
  // The e2e build adds a manifest entry for loopback pages (wxt.config.ts).
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  main(ctx) {
    let loading: Promise<PageScript | undefined> | undefined;
    /** The page script, injected once (an enabled site's page may also get this script twice: enableSite). */
    const loadPageScript = () =>
      (loading ??= (async () => {
        if (!installedPageScript() && !import.meta.env.FIREFOX) await importPageScript();
        if (!installedPageScript()) {
          // Firefox, or the import failed or found the page script already run (page-contract.ts).
          const answer = askBackground({ type: 'page.load' });
          handOverSetup(answer.then((result) => (result.ok ? result.data.setup : undefined)));
          const result = await answer;
          if (!result.ok) console.warn(`[ownpost] the page script did not load: ${result.error.message}`);
        }
        return installedPageScript();
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
            if (!loading) markScanForTests('none');
            return;
          }
          recipes = setup.data.recipes;
          wait.lookAgain();
        });
      } else markScanForTests('none');
      return false;
    };
    // Its first look runs at once: on a document page, this loads the page script before it returns.
    const wait = waitForDocument(ctx, looksLikeDocument, () => void loadPageScript());

    // Until the page script listens itself, its commands reach it through here.
    const onCommand: CommandListener = (message, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id || sender.tab) return;
      const type = (message as { type?: unknown } | undefined)?.type;
      if (typeof type !== 'string' || !POPUP_COMMANDS.has(type) || installedPageScript()?.listening) return;
      wait.stop();
      void loadPageScript()
        .then((script) => script?.started)
        .then((listener) => (listener ? listener(message, sender, sendResponse) : sendResponse(undefined)));
      return true;
    };
    browser.runtime.onMessage.addListener(onCommand);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));
  },
});
