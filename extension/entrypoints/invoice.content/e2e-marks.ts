/**
 * For the end-to-end tests only (`wxt build --mode e2e`; in every other build this is empty and the
 * bundler drops it): what the content script last concluded about the page, on the page's root
 * element as `data-ownpost-e2e-scan`. A test that checks that nothing appears (no button on a page
 * that is not a document) waits for this instead of for a fixed time: once the page was read, a
 * button that was going to come is there (test/helpers/paired-browser.ts, `pageScanned`).
 *
 * - `none`: the page does not look like a document (the cheap first test, after the recipes came);
 * - `no-document`, `document`, `list`: what the page script's detector found, its button already shown.
 */
export function markScanForTests(outcome: 'none' | 'no-document' | 'document' | 'list'): void {
  if (import.meta.env.MODE === 'e2e') document.documentElement.setAttribute('data-ownpost-e2e-scan', outcome);
}
