/**
 * How long the page is watched for content that renders late (single-page apps fetch their data after
 * the load): by the always-injected script until the page looks like a document, then by the page
 * script for its documents (page-watch.ts). The same windows for both, so a late invoice is found
 * whichever of the two is watching.
 */

/** After the load or a navigation: apps render invoices after fetching them. */
export const WATCH_AFTER_NAVIGATION_MS = 10_000;
/** After a click or Enter: a master-detail app may show another invoice without changing the address. */
export const WATCH_AFTER_INTERACTION_MS = 4_000;
/** Mutations come in bursts while an app renders; the page is read once the burst settles. */
export const SETTLE_MS = 200;
/** A page that keeps changing is read at least this often while it is watched (settle-timer.ts). */
export const MAX_SETTLE_WAIT_MS = 1_000;
