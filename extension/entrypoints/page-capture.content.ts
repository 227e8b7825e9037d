/**
 * The capture script (issue 16 item 3): injected by the background into the page's frame only when
 * the user arms "Take the PDF from the page" in the panel frame (background/panel-sessions.ts), never
 * with the page load. See invoice.content/page-capture.ts.
 */
import { installCapture } from './invoice.content/capture-contract';
import { createPageCapture } from './invoice.content/page-capture';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  main(ctx) {
    // Each injection installs itself anew: the newest wins, an older one uninstalls only itself.
    installCapture(createPageCapture(), ctx.signal);
  },
});
