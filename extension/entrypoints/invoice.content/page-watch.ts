/**
 * Finds documents on the page and keeps the send button in step with it, also in single-page apps:
 * after a client-side navigation, and when content renders late. The DOM is observed only for a
 * bounded time after something happened (the load, a navigation, a click or Enter by the user),
 * never for the page's whole life, but for whether a button shown is still in the page (keepButton),
 * and everything stops with the content script's context. It reads
 * the page through page-reader.ts: from a copy, off the page's main thread, where it can (issue 18).
 */
import type { PageContext } from './page-context';
import { markFoundForTests, markScanForTests } from './e2e-marks';
import { isFrame, observePage } from './observe-page';
import type { PageReading as PageDetection } from './page-reader';
import { mountSendButton, type MountedButton } from './send-button';
import { settleTimer } from './settle-timer';
import { WATCH_AFTER_INTERACTION_MS, WATCH_AFTER_NAVIGATION_MS } from './watch-times';

export { WATCH_AFTER_INTERACTION_MS, WATCH_AFTER_NAVIGATION_MS };

export interface PageWatchOptions {
  /** The page as it reads now (page-reader.ts). */
  read(quick: boolean): Promise<PageDetection | undefined>;
  label(detection: PageDetection): string;
  /**
   * The user pressed the button: `detection` is the page as it reads at that moment, else the button's
   * last reading (either may be a quick one); `button` can show why the panel did not open.
   */
  open(detection: PageDetection, button: MountedButton): void;
  /** The address changed: whatever was open belonged to the previous page. */
  navigated(): void;
}

/** A stable key for "the same thing is on the page", so a re-render does not remount the button. */
const elementIds = new WeakMap<Element, number>();
let lastElementId = 0;
function elementId(element: Element | undefined): number {
  if (!element) return 0;
  let id = elementIds.get(element);
  if (id === undefined) elementIds.set(element, (id = ++lastElementId));
  return id;
}

function detectionKey(detection: PageDetection): string {
  const documents = detection.documents.map((d) => `${d.number ?? ''}|${d.pdfUrl ?? ''}|${d.recipients.join(',')}`).join(';');
  return `${detection.kind}:${elementId(detection.anchor)}:${documents}`;
}

function isOurs(node: Node): boolean {
  // Every element Ownpost adds is named ownpost-…: the button, the panel's frame, the picker's button preview.
  const name = node.nodeName.toLowerCase();
  return name.startsWith('ownpost-');
}

export function watchPage(ctx: PageContext, options: PageWatchOptions) {
  let current: { key: string; detection: PageDetection; button: MountedButton; controller: AbortController } | undefined;
  let generation = 0;
  let watchTimer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;

  /**
   * While a button is shown: is it still in the page? An app that renders its whole view again (a
   * store's poll, a clock, Axonaut's status) takes the button away with the nodes it stood among,
   * also after the watch ended; the page is then read again and watched a little. Only childList,
   * and the callback only asks whether the button is connected: a page that changes all the time
   * costs a look per batch of changes, and a page without a button is not observed at all.
   */
  let keeper: MutationObserver | undefined;

  function keepButton(host: Element) {
    keeper ??= new MutationObserver(() => {
      if (current && !current.button.host.isConnected && ctx.isValid) {
        detectSoon();
        watchFor(WATCH_AFTER_INTERACTION_MS);
      }
    });
    keeper.disconnect();
    keeper.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
    // A button inside a component's shadow tree goes with a render of that tree, which the page's own tree does not see.
    for (let root = host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) keeper.observe(root, { childList: true, subtree: true });
  }

  function unmount() {
    current?.controller.abort();
    current = undefined;
    keeper?.disconnect();
  }

  function show(detection: PageDetection | undefined) {
    if (!detection) return unmount();
    const key = detectionKey(detection);
    if (current && current.key === key && current.button.host.isConnected) {
      current.detection = detection;
      return;
    }
    unmount();
    // Aborted by unmount(), which the context's invalidation also calls.
    const controller = new AbortController();
    const entry: { key: string; detection: PageDetection; controller: AbortController; button: MountedButton } = {
      key,
      detection,
      controller,
      button: mountSendButton({
        anchor: detection.anchor,
        label: options.label(detection),
        onActivate: () => void openWithPageNow(entry),
        signal: controller.signal,
      }),
    };
    current = entry;
    keepButton(entry.button.host);
  }

  /**
   * The panel shows the page as it is when the user presses the button: a contact card opened on click
   * or hover since the last reading (Zoho's customer card, with the only e-mail address), which the
   * watch may not have seen (it had ended, or it waits for the page to settle). Where the page cannot
   * be read now, the newest reading the button has, not the one it was made for.
   */
  async function openWithPageNow(entry: NonNullable<typeof current>) {
    let now: PageDetection | undefined;
    try {
      now = await options.read(false);
    } catch (error) {
      console.warn('[ownpost] reading the page failed', error);
    }
    if (ctx.isInvalid) return;
    options.open(now ?? entry.detection, entry.button);
  }

  async function detect() {
    const run = ++generation;
    // Components the page rendered meanwhile are watched too, while the watch lasts.
    if (observer) observePage(observer);
    let detection: PageDetection | undefined;
    try {
      // Links that may give the PDF are not probed here: asking the site costs it a request with the
      // user's cookies, so that happens only when the user presses the button (issue 14). A quick
      // reading: what only the panel needs is read when the user opens it (`complete`, issue 18).
      detection = await options.read(true);
    } catch (error) {
      console.warn('[ownpost] reading the page failed', error);
      detection = undefined;
    }
    // A newer reading started meanwhile (the app rendered again): that one decides.
    if (run !== generation || ctx.isInvalid) return;
    show(detection);
    if (import.meta.env.MODE === 'e2e') {
      await markFoundForTests(detection).catch(() => undefined);
      if (run !== generation || ctx.isInvalid) return;
    }
    markScanForTests(detection?.kind ?? 'no-document');
  }

  const settle = settleTimer(() => {
    if (ctx.isValid) void detect();
  });
  const detectSoon = () => settle.soon();

  function stopWatching() {
    observer?.disconnect();
    observer = undefined;
    if (watchTimer !== undefined) clearTimeout(watchTimer);
    watchTimer = undefined;
  }

  /** Observe the DOM for `ms` from now (extending a watch already running). */
  function watchFor(ms: number) {
    if (ctx.isInvalid) return;
    if (!observer) {
      observer = new MutationObserver((records) => {
        // Our own button coming and going is not the page changing.
        const pageChanged = records.some((r) => r.type === 'characterData' || [...r.addedNodes, ...r.removedNodes].some((n) => !isOurs(n)));
        if (pageChanged) detectSoon();
      });
    }
    observePage(observer);
    if (watchTimer !== undefined) clearTimeout(watchTimer);
    watchTimer = setTimeout(stopWatching, ms);
  }

  ctx.onInvalidated(() => {
    stopWatching();
    keeper?.disconnect();
    settle.cancel();
    unmount();
  });

  // WXT reports the Navigation API's navigate events, also those that never commit: a link that turns
  // out to be a download, or one a PDF capture cancelled (issue 16 item 3). Only an address that really
  // changed is a navigation; it is looked at once the navigation had its chance to commit.
  let knownHref = location.href;
  const checkAddress = () => {
    if (ctx.isInvalid || location.href === knownHref) return;
    knownHref = location.href;
    options.navigated();
    detectSoon();
    watchFor(WATCH_AFTER_NAVIGATION_MS);
  };
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    checkAddress();
    setTimeout(checkAddress, 0);
    setTimeout(checkAddress, 250);
  });
  const onInteraction = (event: Event) => {
    if (!event.isTrusted) return;
    if (event.type === 'keydown' && (event as KeyboardEvent).key !== 'Enter') return;
    watchFor(WATCH_AFTER_INTERACTION_MS);
  };
  // A same-origin frame that loads after the page (an app shell's invoice view) changes what the page
  // shows without changing this document: it is read again, while the watch lasts.
  const onFrameLoad = (event: Event) => {
    if (observer && isFrame(event.target)) detectSoon();
  };
  ctx.addEventListener(document, 'load', onFrameLoad, { capture: true });
  ctx.addEventListener(document, 'click', onInteraction, { capture: true, passive: true });
  ctx.addEventListener(document, 'keydown', onInteraction, { capture: true, passive: true });

  void detect();
  watchFor(WATCH_AFTER_NAVIGATION_MS);

  return {
    /** Read the page again now (the recipes changed). */
    detectAgain() {
      void detect();
      watchFor(WATCH_AFTER_INTERACTION_MS);
    },
  };
}
