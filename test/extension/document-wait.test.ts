/**
 * The cheap wait before the page script starts (document-wait.ts): it looks again when the page
 * changes within the watch after the load, also inside web components' open shadow trees, and
 * never after the watch ended.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '../../extension/entrypoints/invoice.content/page-context';
import { waitForDocument } from '../../extension/entrypoints/invoice.content/document-wait';
import { MAX_SETTLE_WAIT_MS, SETTLE_MS, WATCH_AFTER_NAVIGATION_MS } from '../../extension/entrypoints/invoice.content/watch-times';
import { mayShowDocument } from '../../extension/sites/document-hint';

let ctx: ContentScriptContext;
let found: number;

function start() {
  return waitForDocument(
    ctx,
    () => mayShowDocument(document, new URL(location.href)),
    () => found++,
  );
}

/** A component of the app's shell with its own open shadow tree, showing `html`. */
function component(html: string): ShadowRoot {
  document.body.innerHTML = '<app-shell></app-shell>';
  const shell = document.querySelector('app-shell')!.attachShadow({ mode: 'open' });
  shell.innerHTML = '<invoice-view></invoice-view>';
  const view = shell.querySelector('invoice-view')!.attachShadow({ mode: 'open' });
  view.innerHTML = html;
  return view;
}

const INVOICE = '<h1>Invoice INV-2041</h1><p>Email: ap@customer.example</p><p>Amount due: €1,140.00</p>';

beforeEach(() => {
  vi.useFakeTimers();
  ctx = new ContentScriptContext('document-wait-test');
  found = 0;
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('waiting for the page to look like a document', () => {
  it('finds an invoice a web component renders into its shadow tree after the load', async () => {
    const view = component('<p>Loading…</p>');
    start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(found).toBe(0);
    view.innerHTML = INVOICE;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(found).toBe(1);
  });

  it('takes in a component that appears later, and its own late render', async () => {
    document.body.innerHTML = '<main><p>Loading…</p></main>';
    start();
    await vi.advanceTimersByTimeAsync(1_000);
    const view = component('<p>Loading…</p>');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(found).toBe(0);
    view.innerHTML = INVOICE;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(found).toBe(1);
  });

  it('looks at a page that never stops changing at least once a second: an invoice rendered beside a ticker is found', async () => {
    document.body.innerHTML = '<main id="app"><p>Loading…</p></main><aside id="ticker"></aside>';
    const ticker = document.querySelector('#ticker')!;
    let tick = 0;
    const redraw = setInterval(() => (ticker.textContent = `${++tick}`), 50);
    start();
    await vi.advanceTimersByTimeAsync(400);
    document.querySelector('#app')!.innerHTML = INVOICE;
    // The look waits for the browser's idle time, at most IDLE_TIMEOUT_MS (1 s) more.
    await vi.advanceTimersByTimeAsync(MAX_SETTLE_WAIT_MS + SETTLE_MS + 1_000);
    clearInterval(redraw);
    expect(found).toBe(1);
  });

  it('looks no more once the watch after the load is over', async () => {
    const view = component('<p>Loading…</p>');
    start();
    await vi.advanceTimersByTimeAsync(WATCH_AFTER_NAVIGATION_MS + 1_000);
    view.innerHTML = INVOICE;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(found).toBe(0);
  });
});
