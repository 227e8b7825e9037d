/**
 * Waits, cheaply, until the page looks like a document (issue 18): the first look at once (the script
 * runs when the page has loaded, `document_idle`), then again after the page changed, within the same
 * windows the page script watches (watch-times.ts): after the load or a client-side navigation, and
 * after a click or Enter by the user. Each look is the cheap first test, never the detector;
 * everything stops once it passed, and with the content script's context. A page that passes the
 * first look (a document page, loaded as such) never gets the watch: no observer, no listeners.
 */
import type { PageContext } from './page-context';
import { isFrame, observePage } from './observe-page';
import { settleTimer } from './settle-timer';
import { WATCH_AFTER_INTERACTION_MS, WATCH_AFTER_NAVIGATION_MS } from './watch-times';

/** The browser's idle time comes within this, or the look runs anyway. */
const IDLE_TIMEOUT_MS = 1_000;

/** Calls `found` once, the first time `looksLikeDocument` holds; the returned `stop` ends the wait. */
export function waitForDocument(ctx: PageContext, looksLikeDocument: () => boolean, found: () => void): { stop(): void; lookAgain(): void } {
  if (looksLikeDocument()) {
    found();
    return { stop() {}, lookAgain() {} };
  }
  let done = false;
  let observer: MutationObserver | undefined;
  let watchTimer: ReturnType<typeof setTimeout> | undefined;
  const controller = new AbortController();
  // The look waits for the browser's idle time; `lookWhenIdle` is hoisted.
  const settle = settleTimer(() => lookWhenIdle());

  function stop() {
    done = true;
    controller.abort();
    observer?.disconnect();
    observer = undefined;
    clearTimeout(watchTimer);
    settle.cancel();
  }
  ctx.onInvalidated(stop);

  function look() {
    if (done || ctx.isInvalid) return;
    // Components the page rendered meanwhile are watched too, while the watch lasts.
    if (observer) observePage(observer);
    if (!looksLikeDocument()) return;
    stop();
    found();
  }

  /** A look when the browser has time for it: never in the middle of the page's own rendering. */
  function lookWhenIdle() {
    if (typeof requestIdleCallback === 'function') ctx.requestIdleCallback(look, { timeout: IDLE_TIMEOUT_MS });
    else ctx.setTimeout(look, 0);
  }

  const lookSoon = () => settle.soon();

  function watchFor(ms: number) {
    if (done) return;
    observer ??= new MutationObserver(lookSoon);
    observePage(observer);
    clearTimeout(watchTimer);
    watchTimer = setTimeout(() => {
      observer?.disconnect();
      observer = undefined;
    }, ms);
  }

  // WXT reports the Navigation API's navigate events, before the address changes and also for those
  // that never commit (page-watch.ts): the address is looked at once it had its chance to change.
  let knownHref = location.href;
  const checkAddress = () => {
    if (done || location.href === knownHref) return;
    knownHref = location.href;
    lookSoon();
    watchFor(WATCH_AFTER_NAVIGATION_MS);
  };
  // WXT's location watcher runs for the context's life; after the wait the listener does nothing.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (done) return;
    checkAddress();
    ctx.setTimeout(checkAddress, 0);
    ctx.setTimeout(checkAddress, 250);
  });
  const onInteraction = (event: Event) => {
    if (!event.isTrusted) return;
    if (event.type === 'keydown' && (event as KeyboardEvent).key !== 'Enter') return;
    watchFor(WATCH_AFTER_INTERACTION_MS);
  };
  for (const type of ['click', 'keydown'] as const) {
    document.addEventListener(type, onInteraction, { capture: true, passive: true, signal: controller.signal });
  }
  // A frame's document is no change to this one: an app shell whose same-origin frame loads after the
  // shell (its invoice view) is looked at again when the frame has loaded, while the watch lasts.
  const onFrameLoad = (event: Event) => {
    if (observer && isFrame(event.target)) lookSoon();
  };
  document.addEventListener('load', onFrameLoad, { capture: true, signal: controller.signal });

  watchFor(WATCH_AFTER_NAVIGATION_MS);
  return {
    stop,
    /** Something the test depends on besides the page changed (the recipes arrived). */
    lookAgain: lookWhenIdle,
  };
}
