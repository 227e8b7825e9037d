/**
 * The in-page panel's script (issue 7): Preact, the send panel, the bulk panel and the element picker.
 * Not loaded with the page: the page-load script (invoice.content) asks the background to inject this
 * file when the user opens the panel, so pages pay only for detection and the button.
 */
import { installPanel } from './invoice.content/panel-contract';
import { createPanelApi } from './invoice.content/panel/mount-panel';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  main(ctx) {
    installPanel(createPanelApi(ctx), ctx.signal);
  },
});
