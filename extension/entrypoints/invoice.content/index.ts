/**
 * The script every page of an enabled site loads (issue 7). It stays small and cheap: it reads the
 * page with the site adapters, puts the send button next to the document's title, and follows
 * single-page apps. The panel itself (Preact, the picker, the bulk sender) is another script that
 * the background injects only when the user opens it (see panel-contract.ts).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageSetup, TabCommand } from '../../../shared/extension-messages';
import { createTranslator } from '../../i18n/core';
import { buttonStrings } from '../../i18n/page-strings';
import { reportPage } from '../../sites/page-report';
import { watchPage } from './page-watch';
import { askBackground } from './background-request';
import { installedPanel, type PanelApi, type PanelHost } from './panel-contract';

export default defineContentScript({
  // Production: registered at run time for the sites the user enables (extension/lib/site-registration.ts).
  // The e2e build adds a manifest entry for loopback pages (wxt.config.ts).
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  async main(ctx) {
    const setup = await askBackground({ type: 'page.setup' });
    if (!setup.ok || ctx.isInvalid) return;
    startOnPage(ctx, setup.data);
  },
});

function startOnPage(ctx: ContentScriptContext, setup: PageSetup) {
  let recipes = setup.recipes;
  const t = createTranslator(buttonStrings, setup.language);

  const host: PanelHost = {
    language: setup.language,
    pageUrl: () => new URL(location.href),
    recipesChanged() {
      void askBackground({ type: 'page.setup' }).then((result) => {
        if (!result.ok || ctx.isInvalid) return;
        recipes = result.data.recipes;
        watcher.detectAgain();
      });
    },
  };

  /** The panel's script, injected on first use. */
  async function panel(): Promise<PanelApi | undefined> {
    const loaded = installedPanel();
    if (loaded) return loaded;
    const result = await askBackground({ type: 'panel.load' });
    if (!result.ok) {
      console.warn(`[ownpost] ${t('loadFailed', { reason: result.error.message })}`);
      return undefined;
    }
    return installedPanel();
  }

  const watcher = watchPage(ctx, {
    recipes: () => recipes,
    label: (detection) => (detection.kind === 'list' ? t('sendList', { count: detection.documents.length }) : t('send')),
    open(detection) {
      void panel().then((api) => {
        if (!api || ctx.isInvalid) return;
        if (detection.kind === 'list') api.openList(detection.documents, host);
        else api.openDocument(detection.documents[0]!, host);
      });
    },
    navigated: () => installedPanel()?.close(),
  });

  // The popup's "Teach Ownpost this page" reaches us through the background only: a message from
  // anything else (another extension, a page) is not for us.
  const onCommand = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (response: unknown) => void) => {
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const type = (message as TabCommand | undefined)?.type;
    if (type === 'ownpost.picker.start') {
      void panel().then((api) => api?.startPicker(host));
      sendResponse({ ok: true });
    } else if (type === 'ownpost.page.report' || type === 'ownpost.panel.open') {
      // The popup's "what this page offers" and "Send anyway" (issue 16 item 11).
      const { report, detection } = reportPage(document, new URL(location.href), recipes);
      if (type === 'ownpost.page.report') return sendResponse({ report });
      void panel().then((api) => {
        if (!api || ctx.isInvalid) return;
        if (detection.kind === 'list') api.openList(detection.documents, host);
        else api.openDocument(detection.documents[0]!, host);
      });
      sendResponse({ opened: true });
    }
  };
  browser.runtime.onMessage.addListener(onCommand);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));
}
