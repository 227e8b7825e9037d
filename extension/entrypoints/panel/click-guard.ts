/**
 * Clicks in the panel frame count only while the user can plainly see the frame (issue 14: a page
 * hid the panel under decoys, or made it transparent, so that two real clicks sent an invoice to the
 * page's own address; DOM-based clickjacking of extension UIs, 2025).
 *
 * Two independent witnesses, both of which must have said "visible" for at least MIN_VISIBLE_MS:
 * - the browser itself, through IntersectionObserver v2 (`trackVisibility`) observed from inside this
 *   frame, where the page cannot reach: `isVisible` is false while anything is drawn over the frame
 *   (even with `pointer-events: none`) or it is transparent, filtered or transformed. Chromium has it;
 *   where it does not exist (Firefox), only the second witness decides.
 * - the content script in the page (invoice.content/panel-frame.ts), which checks the frame's
 *   container: its size is what we set, it lies inside the viewport, it and its ancestors have full
 *   opacity, no filter, transform, clip or blend mode, nothing that can paint above it lets clicks
 *   through (the page's top layer, elements after it at the largest z-index, generated content), and
 *   `elementFromPoint` on a grid over the whole frame (so wherever the click lands) finds our container
 *   and nothing else. In Firefox, which has no IntersectionObserver v2, these checks are all there is.
 * The minimum time stops a frame that appears (or a decoy that leaves) just before a click.
 */

/** How long the frame must have been plainly visible before a click counts. */
export const MIN_VISIBLE_MS = 500;

export interface ClickGuard {
  /** May a click act now? */
  allows(now?: number): boolean;
  /** Called whenever `allows()` changes (the frame marks its root with it; tests wait for it). */
  onChange(listener: (allowed: boolean) => void): void;
  /** The content script's latest verdict (through the background). */
  hostReported(visible: boolean, now?: number): void;
  stop(): void;
}

interface IntersectionObserverV2Init extends IntersectionObserverInit {
  trackVisibility?: boolean;
  delay?: number;
}

export function createClickGuard(target: Element): ClickGuard {
  let hostVisibleSince: number | undefined;
  let browserVisibleSince: number | undefined;
  let listener: ((allowed: boolean) => void) | undefined;
  let last: boolean | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const allows = (now = performance.now()) => {
    const hostOk = hostVisibleSince !== undefined && now - hostVisibleSince >= MIN_VISIBLE_MS;
    const browserOk = !supportsV2 || (browserVisibleSince !== undefined && now - browserVisibleSince >= MIN_VISIBLE_MS);
    return hostOk && browserOk;
  };
  /** Tells the listener about a change now, and again once the minimum time has passed. */
  const changed = () => {
    clearTimeout(timer);
    const allowed = allows();
    if (allowed !== last) {
      last = allowed;
      listener?.(allowed);
    }
    const since = Math.max(hostVisibleSince ?? Infinity, supportsV2 ? (browserVisibleSince ?? Infinity) : -Infinity);
    if (!allowed && Number.isFinite(since)) timer = setTimeout(changed, Math.max(0, since + MIN_VISIBLE_MS - performance.now()) + 10);
  };
  const supportsV2 = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
  let observer: IntersectionObserver | undefined;
  if (supportsV2) {
    observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1] as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
        if (!entry) return;
        if (entry.isVisible) browserVisibleSince ??= performance.now();
        else browserVisibleSince = undefined;
        changed();
      },
      // `delay` ≥ 100 is required with trackVisibility; thresholds 0 and 1 so both appearing and
      // being covered are noticed.
      { trackVisibility: true, delay: 100, threshold: [0, 1] } as IntersectionObserverV2Init,
    );
    observer.observe(target);
  }
  return {
    allows,
    onChange(callback) {
      listener = callback;
      last = undefined;
      changed();
    },
    hostReported(visible, now = performance.now()) {
      if (visible) hostVisibleSince ??= now;
      else hostVisibleSince = undefined;
      changed();
    },
    stop() {
      clearTimeout(timer);
      observer?.disconnect();
    },
  };
}
