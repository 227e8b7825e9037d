import { MAX_SETTLE_WAIT_MS, SETTLE_MS } from './watch-times';

/**
 * Runs `fire` once the page's changes settle: SETTLE_MS after the last change, but never later than
 * MAX_SETTLE_WAIT_MS after the first one not yet answered. Without that bound a page that never stops
 * changing (a ticker, a clock with tenths, a progress bar redrawn every frame) would put the reading
 * off for as long as it runs, and an invoice that renders beside it would never get its button.
 */
export function settleTimer(fire: () => void): { soon(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let deadline: number | undefined;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    deadline = undefined;
  };
  return {
    soon() {
      const now = Date.now();
      deadline ??= now + MAX_SETTLE_WAIT_MS;
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          cancel();
          fire();
        },
        Math.max(0, Math.min(SETTLE_MS, deadline - now)),
      );
    },
    cancel,
  };
}
