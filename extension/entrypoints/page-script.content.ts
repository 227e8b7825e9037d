/**
 * The page script (invoice.content/page-script.ts: the send button, the page's watch, the panel
 * frame), which the background injects into a frame only once its always-injected script found that
 * the page looks like a document, with the same request that sends the page's copy (issue 18): the
 * other pages of an enabled site no longer compile its code on every load. It installs its start
 * function for that script, in the same isolated world (invoice.content/page-contract.ts).
 */
import { installPageScript } from './invoice.content/page-contract';
import { startOnPage } from './invoice.content/page-script';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  main() {
    installPageScript(startOnPage);
  },
});
