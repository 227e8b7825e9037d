/**
 * The page script's entrypoint (issue 18): detection, the send button, the panel frame. Not loaded
 * with the page: once the page looks like a document, or when the popup asks about the page, the
 * always-injected script (invoice.content/index.ts) imports this file as a module in Chromium, or has
 * the background inject it (invoice.content/page-contract.ts). Either way it runs in the extension's
 * isolated world, and runs `main` as it is evaluated.
 */
import { askBackground } from './invoice.content/background-request';
import { installPageScript, takeSetup } from './invoice.content/page-contract';
import { startOnPage } from './invoice.content/page-script';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  main(ctx) {
    installPageScript(
      (async () => {
        // Normally the setup came with the `page.load` answer (page-contract.ts); asked for only without it.
        let setup = await takeSetup();
        if (!setup) {
          const asked = await askBackground({ type: 'page.setup' });
          setup = asked.ok ? asked.data : undefined;
        }
        if (!setup || ctx.isInvalid) return undefined;
        return startOnPage(ctx, setup);
      })(),
      ctx.signal,
    );
  },
});
