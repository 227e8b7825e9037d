/**
 * The content scripts' context, in place of WXT's: every content script of the extension is built with
 * this file where WXT's entry wrapper imports `wxt/utils/content-script-context` (wxt.config.ts,
 * `lightContentScriptContext`). It keeps what the scripts use (an abort signal that ends with the
 * extension: updated, reloaded or removed; timers and listeners that end with it; the address changes
 * of a single-page app) and leaves out WXT's start-up handshake: a `CustomEvent` on the document named
 * after the extension's id (and a window message, unless told otherwise) to stop an older copy of the
 * script, and a listener that stopped this one on hearing it. The page could hear the first and forge
 * the second: with the published id, one event stopped the button, the picker or a PDF capture
 * (test/e2e/page-safety.test.ts). An older copy here stops by itself, its `runtime.id` gone, on its next
 * look; and no page pays for the event at start (issue 18). The address watch dispatches no event on
 * the page's window: it calls its listeners.
 */
import { browser } from 'wxt/browser';

/** What the script's modules use of their context; WXT's own context has it too. */
export interface PageContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
  readonly isValid: boolean;
  onInvalidated(callback: () => void): () => void;
  setTimeout(handler: () => void, timeout?: number): unknown;
  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
}

/** WXT's name for "the address changed" (its location watcher's event). */
const LOCATION_CHANGE = 'wxt:locationchange';
/** Without the Navigation API (Firefox ESR), the address is looked at this often while a listener wants it, as WXT does. */
const LOCATION_POLL_MS = 1_000;

type Navigation = EventTarget & { addEventListener(type: 'navigate', listener: (event: Event & { destination: { url: string } }) => void, options?: AddEventListenerOptions): void };

export class ContentScriptContext implements PageContext {
  readonly #controller = new AbortController();
  readonly #locationListeners: ((event: Event) => void)[] = [];

  /** The arguments WXT's entry wrapper passes; unused. */
  constructor(_name?: string, _options?: object) {}

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Ends the context now (as when the extension is gone). */
  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }

  /** True once the extension is gone (its `runtime.id` with it), or the context was aborted. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.abort('Content script context invalidated');
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  setTimeout(handler: () => void, timeout?: number): ReturnType<typeof setTimeout> {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /** A listener that ends with the context; `wxt:locationchange`: the address changed (or a navigation started that may change it). */
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    if (type !== LOCATION_CHANGE) return target.addEventListener(type, handler, { ...options, signal: this.signal });
    if (this.isInvalid) return;
    if (this.#locationListeners.push(handler) === 1) this.#watchLocation();
  }

  /** As WXT's location watcher: the Navigation API's navigate events to another address, else a poll. */
  #watchLocation(): void {
    let last = location.href;
    const changed = (href: string) => {
      if (href === last) return;
      last = href;
      const event = new Event(LOCATION_CHANGE);
      for (const listener of this.#locationListeners) listener(event);
    };
    const navigation = (globalThis as { navigation?: Navigation }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener('navigate', (event) => changed(new URL(event.destination.url).href), { signal: this.signal });
      return;
    }
    const id = setInterval(() => {
      if (this.isValid) changed(location.href);
    }, LOCATION_POLL_MS);
    this.onInvalidated(() => clearInterval(id));
  }
}
