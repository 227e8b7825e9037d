/**
 * The element picker's script (issues 7 and 14): Preact and the picker. Not loaded with the page: the
 * page script (invoice.content/page-script.ts) asks the background to inject this file when the user starts the
 * picker. The send and bulk panels run in the extension-origin panel frame instead
 * (extension/entrypoints/panel), so nothing from the relay is ever in the page.
 */
import { installPanel } from './invoice.content/panel-contract';
import { createPanelApi } from './invoice.content/panel/mount-panel';
// Unused in code: it lets the declaration output (tsc -b) name the default export's type, which wxt
// declares in a module it does not export. The export must stay a bare call: wxt's build finds it so.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import type { ContentScriptDefinition } from 'wxt';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  main(ctx) {
    installPanel(createPanelApi(ctx), ctx.signal);
  },
});
