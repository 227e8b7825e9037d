/**
 * The panel frame's click guard (issue 14): a click counts only after the frame has been plainly
 * visible, by both witnesses, for the minimum time; a frame that just appeared, or that the page
 * covers, takes no clicks.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClickGuard, MIN_VISIBLE_MS } from '../../extension/entrypoints/panel/click-guard';

/** IntersectionObserver v2 as Chromium has it: the test plays the browser and says whether the frame is visible. */
let browserSays: (visible: boolean) => void;
class FakeEntry {}
Object.defineProperty(FakeEntry.prototype, 'isVisible', { value: false });
class FakeObserver {
  constructor(callback: (entries: { isVisible: boolean }[]) => void) {
    browserSays = (visible) => callback([{ isVisible: visible }]);
  }
  observe() {}
  disconnect() {}
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserverEntry', FakeEntry);
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the click guard', () => {
  it('click on appearance: refuses clicks until the frame has been visible, by both witnesses, for the minimum time', async () => {
    const guard = createClickGuard(document.documentElement);
    const changes: boolean[] = [];
    guard.onChange((allowed) => changes.push(allowed));
    expect(guard.allows()).toBe(false);
    guard.hostReported(true);
    browserSays(true);
    expect(guard.allows()).toBe(false);
    await vi.advanceTimersByTimeAsync(MIN_VISIBLE_MS / 2);
    expect(guard.allows()).toBe(false);
    await vi.advanceTimersByTimeAsync(MIN_VISIBLE_MS);
    expect(guard.allows()).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it('decoy over the frame: the browser says it is covered, so clicks are refused, and count again only a while after it left', async () => {
    const guard = createClickGuard(document.documentElement);
    guard.hostReported(true);
    browserSays(true);
    await vi.advanceTimersByTimeAsync(MIN_VISIBLE_MS + 50);
    expect(guard.allows()).toBe(true);
    // The content script's own checks miss a decoy with `pointer-events: none`; IntersectionObserver v2 does not.
    browserSays(false);
    expect(guard.allows()).toBe(false);
    browserSays(true);
    expect(guard.allows()).toBe(false);
    await vi.advanceTimersByTimeAsync(MIN_VISIBLE_MS + 50);
    expect(guard.allows()).toBe(true);
  });

  it('hidden container: the content script’s verdict alone refuses clicks', async () => {
    const guard = createClickGuard(document.documentElement);
    guard.hostReported(true);
    browserSays(true);
    await vi.advanceTimersByTimeAsync(MIN_VISIBLE_MS + 50);
    guard.hostReported(false);
    expect(guard.allows()).toBe(false);
  });

  it('where the browser has no IntersectionObserver v2 (Firefox), the content script’s verdict decides', async () => {
    vi.stubGlobal('IntersectionObserverEntry', class {});
    const guard = createClickGuard(document.documentElement);
    guard.hostReported(true);
    await vi.advanceTimersByTimeAsync(MIN_VISIBLE_MS + 50);
    expect(guard.allows()).toBe(true);
  });
});
