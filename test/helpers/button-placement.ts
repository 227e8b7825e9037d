/**
 * Where the send button is and whether a person can click it there, as the page sees it (no
 * scrolling): inside the viewport, and `elementFromPoint` at its centre finds it. Runs in the page,
 * given to `page.evaluate` as it is (Chromium's playwright and Firefox's puppeteer alike), so it
 * closes over nothing.
 */
export function buttonPlacement(): { inViewport: boolean; hit: boolean; x: number; y: number; rect: number[] } {
  const host = document.querySelector('ownpost-send-ui')!;
  const rect = host.getBoundingClientRect();
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  const inViewport = rect.width > 0 && rect.height > 0 && rect.left >= 0 && rect.top >= 0 && rect.right <= innerWidth && rect.bottom <= innerHeight;
  return { inViewport, hit: document.elementFromPoint(x, y) === host, x, y, rect: [rect.left, rect.top, rect.width, rect.height] };
}
