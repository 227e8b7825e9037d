/**
 * The capture script (issue 16 item 3): injected by the background into the page's frame only when
 * the user arms "Take the PDF from the page" in the panel frame (background/panel-sessions.ts), never
 * with the page load. See invoice.content/page-capture.ts.
 */
import { installCapture } from './invoice.content/capture-contract';
import { createPageCapture } from './invoice.content/page-capture';
// Unused in code: it lets the declaration output (tsc -b) name the default export's type, which wxt
// declares in a module it does not export. The export must stay a bare call: wxt's build finds it so.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import type { ContentScriptDefinition } from 'wxt';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  main(ctx) {
    // Each injection installs itself anew: the newest wins, an older one uninstalls only itself.
    installCapture(createPageCapture(), ctx.signal);
  },
});
