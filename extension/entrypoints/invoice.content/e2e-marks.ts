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
import type { PageReading } from './page-reader';

export function markScanForTests(outcome: 'none' | 'no-document' | 'document' | 'list'): void {
  if (import.meta.env.MODE === 'e2e') document.documentElement.setAttribute('data-ownpost-e2e-scan', outcome);
}

/**
 * Also for the end-to-end tests only: the whole reading (completed as the panel completes it) of what
 * the button was put up for, as `data-ownpost-e2e-found` (JSON: the kind, and the first document's
 * fields), so the corpus test in Chromium (test/e2e/detection-corpus-chromium.test.ts) can compare
 * each field with what the fixture expects. Set before the scan mark, which the tests wait for.
 */
export async function markFoundForTests(reading: PageReading | undefined): Promise<void> {
  if (import.meta.env.MODE !== 'e2e') return;
  const whole = reading && ((await reading.complete?.()) ?? reading);
  const first = whole?.documents[0];
  const found = first && {
    kind: whole.kind,
    count: whole.documents.length,
    numbers: whole.documents.map((d) => d.number),
    document: {
      number: first.number,
      kind: first.kind,
      recipient: first.recipients[0],
      customer: first.customerName,
      amount: first.amount,
      pdf: first.pdfUrl ?? first.pdfCandidates?.[0],
      language: first.language,
    },
  };
  if (found) document.documentElement.setAttribute('data-ownpost-e2e-found', JSON.stringify(found));
  else document.documentElement.removeAttribute('data-ownpost-e2e-found');
}
