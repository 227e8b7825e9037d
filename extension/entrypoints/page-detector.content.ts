/**
 * The detector for reading the page in the page itself (issue 18), loaded only where its copy cannot
 * be read off the page's main thread, or for the popup's report: see
 * invoice.content/detector-contract.ts. Runs in the extension's isolated world.
 */
import { detectDocumentsOnPage } from '../sites';
import { reportPage } from '../sites/page-report';
import { select } from '../sites/recipe-adapter';
import { installDetector } from './invoice.content/detector-contract';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  main() {
    installDetector({ detectDocumentsOnPage, reportPage, select });
  },
});
