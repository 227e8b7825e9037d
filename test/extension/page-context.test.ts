/**
 * The content script's own context (page-context.ts), which the production build uses in place of
 * WXT's: its timers and listeners end with it, it ends when the extension is gone, and it reports an
 * address that changed (a single-page app's navigation) once, to every listener, without an event on
 * the page's window.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../extension/entrypoints/invoice.content/page-context';

let ctx: ContentScriptContext;

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/invoices');
  ctx = new ContentScriptContext('invoice', {});
});

afterEach(() => {
  ctx.abort();
  vi.restoreAllMocks();
  vi.useRealTimers();
  fakeBrowser.reset();
});

describe('the content script context', () => {
  it('reports an address that changed once to each listener, and nothing when it did not change', () => {
    const seen: string[] = [];
    ctx.addEventListener(window, 'wxt:locationchange', () => seen.push(`a ${location.pathname}`));
    ctx.addEventListener(window, 'wxt:locationchange', () => seen.push(`b ${location.pathname}`));
    const onWindow = vi.fn();
    window.addEventListener('wxt:locationchange', onWindow);
    vi.advanceTimersByTime(3_000);
    expect(seen).toEqual([]);
    history.pushState(null, '', '/invoices/815');
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual(['a /invoices/815', 'b /invoices/815']);
    vi.advanceTimersByTime(3_000);
    expect(seen).toHaveLength(2);
    // The page's window hears nothing of it.
    expect(onWindow).not.toHaveBeenCalled();
    window.removeEventListener('wxt:locationchange', onWindow);
  });

  it('ends its timers, listeners and address watch when the extension is gone', () => {
    const timer = vi.fn();
    const clicks = vi.fn();
    const addresses = vi.fn();
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    ctx.setTimeout(timer, 500);
    ctx.addEventListener(document, 'click', clicks);
    ctx.addEventListener(window, 'wxt:locationchange', addresses);
    expect(ctx.isValid).toBe(true);

    // An update or removal of the extension takes its id from the old script's world.
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(ctx.isInvalid).toBe(true);
    expect(ended).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(1_000);
    document.body.click();
    history.pushState(null, '', '/invoices/816');
    vi.advanceTimersByTime(2_000);
    expect(timer).not.toHaveBeenCalled();
    expect(clicks).not.toHaveBeenCalled();
    expect(addresses).not.toHaveBeenCalled();
  });

  it('runs its timers and listeners while it lasts', () => {
    const timer = vi.fn();
    const clicks = vi.fn();
    ctx.setTimeout(timer, 500);
    ctx.addEventListener(document, 'click', clicks);
    vi.advanceTimersByTime(500);
    document.body.click();
    expect(timer).toHaveBeenCalledOnce();
    expect(clicks).toHaveBeenCalledOnce();
  });
});
