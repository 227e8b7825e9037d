/**
 * The page-load script's watch over single-page apps: it notices late content and navigation only
 * for a bounded time, and stops everything when the content script's context ends.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '../../extension/entrypoints/invoice.content/page-context';
import { WATCH_AFTER_NAVIGATION_MS, watchPage } from '../../extension/entrypoints/invoice.content/page-watch';
import { MAX_SETTLE_WAIT_MS, SETTLE_MS } from '../../extension/entrypoints/invoice.content/watch-times';
import type { PageReading } from '../../extension/entrypoints/invoice.content/page-reader';
import { detectDocumentsOnPage } from '../../extension/sites';

const INVOICE = (n: number) => `<h1>Invoice ${n}</h1><p>Email: a${n}@customer.example</p><a href="/${n}.pdf">PDF</a>`;

let ctx: ContentScriptContext;
let opened: PageReading[];

function buttons() {
  return document.querySelectorAll('ownpost-send-ui');
}

function start() {
  // The detector in the page: reading a copy off the page's main thread is the e2e tests' part.
  const read = (quick: boolean) => Promise.resolve(detectDocumentsOnPage(document, new URL(location.href), [], { quick })?.detection);
  return watchPage(ctx, { read, label: () => 'Send from my mailbox', open: (d) => opened.push(d), navigated: () => undefined });
}

/**
 * happy-dom lays nothing out: every box is empty and nothing is under any point. The button goes by
 * its title only where a person can click it (send-button.ts), so give the page a simple layout:
 * every element a box in the first screen, and our button the thing under its own centre.
 */
function layOutThePage() {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(() => new DOMRect(20, 20, 160, 32));
  document.elementFromPoint = () => document.querySelector('ownpost-send-ui');
}

beforeEach(() => {
  vi.useFakeTimers();
  layOutThePage();
  document.body.innerHTML = '<main id="app"><p>Loading…</p></main>';
  ctx = new ContentScriptContext('invoice-test');
  opened = [];
});

afterEach(() => {
  vi.restoreAllMocks();
  ctx.abort();
  vi.useRealTimers();
});

describe('watching the page', () => {
  it('puts the button up when the invoice renders after the load, next to its title', async () => {
    start();
    await vi.advanceTimersByTimeAsync(500);
    expect(buttons()).toHaveLength(0);
    document.querySelector('#app')!.innerHTML = INVOICE(7);
    await vi.advanceTimersByTimeAsync(500);
    expect(buttons()).toHaveLength(1);
    expect(buttons()[0]!.parentElement?.tagName).toBe('H1');
  });

  it('follows the page while it is watched: a new invoice moves the button, a page without one takes it away', async () => {
    document.querySelector('#app')!.innerHTML = INVOICE(1);
    start();
    await vi.advanceTimersByTimeAsync(300);
    const first = buttons()[0];
    document.querySelector('#app')!.innerHTML = INVOICE(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(buttons()).toHaveLength(1);
    expect(buttons()[0]).not.toBe(first);
    document.querySelector('#app')!.innerHTML = '<h1>Settings</h1>';
    await vi.advanceTimersByTimeAsync(500);
    expect(buttons()).toHaveLength(0);
  });

  it('sees an invoice a web component renders inside its shadow tree, with no change to the page’s own tree', async () => {
    // The app's shell and its component are there at load; the component fetches the invoice and
    // renders it into its open shadow root later (Lit, Stencil, SAP UI5 Web Components).
    document.body.innerHTML = '<app-shell></app-shell>';
    const shell = document.querySelector('app-shell')!.attachShadow({ mode: 'open' });
    shell.innerHTML = '<invoice-view></invoice-view>';
    const view = shell.querySelector('invoice-view')!.attachShadow({ mode: 'open' });
    view.innerHTML = '<p>Loading…</p>';
    start();
    await vi.advanceTimersByTimeAsync(500);
    expect(buttons()).toHaveLength(0);
    view.innerHTML = INVOICE(8);
    await vi.advanceTimersByTimeAsync(500);
    expect(opened).toHaveLength(0);
    expect(buttons()).toHaveLength(1);
  });

  it('stops watching once the bounded time is over', async () => {
    start();
    await vi.advanceTimersByTimeAsync(WATCH_AFTER_NAVIGATION_MS + 1000);
    document.querySelector('#app')!.innerHTML = INVOICE(3);
    await vi.advanceTimersByTimeAsync(2000);
    expect(buttons()).toHaveLength(0);
  });

  it('reads the page again when asked (recipes changed), and watches a little longer', async () => {
    const watch = start();
    await vi.advanceTimersByTimeAsync(WATCH_AFTER_NAVIGATION_MS + 1000);
    document.querySelector('#app')!.innerHTML = INVOICE(4);
    watch.detectAgain();
    await vi.advanceTimersByTimeAsync(300);
    expect(buttons()).toHaveLength(1);
  });

  it('takes everything down when the content script’s context ends, and watches no more', async () => {
    document.querySelector('#app')!.innerHTML = INVOICE(5);
    start();
    await vi.advanceTimersByTimeAsync(300);
    expect(buttons()).toHaveLength(1);
    ctx.abort();
    expect(buttons()).toHaveLength(0);
    document.querySelector('#app')!.innerHTML = INVOICE(6);
    await vi.advanceTimersByTimeAsync(1000);
    expect(buttons()).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("opens the panel with the page as it is when the button is pressed: a contact card opened since, unwatched, gives the customer's address", async () => {
    document.querySelector('#app')!.innerHTML = '<h1>Estimate EST-31</h1><p>Customer <button aria-haspopup="dialog">Kestrel Print Ltd</button></p><p>Total £980.00</p><a href="/est/31.pdf">PDF</a>';
    start();
    await vi.advanceTimersByTimeAsync(WATCH_AFTER_NAVIGATION_MS + 1000);
    expect(buttons()).toHaveLength(1);
    // A hover card the app shows without a click: the watch is over and sees nothing of it.
    const card = document.createElement('div');
    card.setAttribute('role', 'dialog');
    card.innerHTML = '<b>Kestrel Print Ltd</b><a href="mailto:ap@kestrel-print.example">ap@kestrel-print.example</a>';
    document.body.append(card);
    await vi.advanceTimersByTimeAsync(1000);
    // A person's click (happy-dom's own events are never trusted).
    const press = new MouseEvent('click', { bubbles: true, composed: true });
    Object.defineProperty(press, 'isTrusted', { value: true });
    buttons()[0]!.shadowRoot!.querySelector('button')!.dispatchEvent(press);
    await vi.advanceTimersByTimeAsync(0);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.documents[0]).toMatchObject({ number: 'EST-31', recipients: ['ap@kestrel-print.example'] });
  });

  it('puts the button back when the app renders its view again after the watch ended (a store that re-renders on every poll)', async () => {
    document.querySelector('#app')!.innerHTML = INVOICE(9);
    start();
    await vi.advanceTimersByTimeAsync(WATCH_AFTER_NAVIGATION_MS + 1000);
    expect(buttons()).toHaveLength(1);
    for (let render = 0; render < 3; render++) {
      // The whole view, the title the button stood beside included, made anew.
      document.querySelector('#app')!.innerHTML = INVOICE(9);
      await vi.advanceTimersByTimeAsync(500);
      expect(buttons()).toHaveLength(1);
      expect(buttons()[0]!.isConnected).toBe(true);
    }
    // Nothing is watched once the button is gone for good (a page without a document).
    document.querySelector('#app')!.innerHTML = '<h1>Settings</h1>';
    await vi.advanceTimersByTimeAsync(WATCH_AFTER_NAVIGATION_MS + 1000);
    expect(buttons()).toHaveLength(0);
    document.querySelector('#app')!.innerHTML = INVOICE(10);
    await vi.advanceTimersByTimeAsync(2000);
    expect(buttons()).toHaveLength(0);
  });

  it('reads a page that never stops changing at least once a second: an invoice rendered beside a ticker gets its button', async () => {
    // A live element redrawn every 50 ms (a clock with tenths, a progress bar, a stock ticker): the page never settles.
    document.body.insertAdjacentHTML('beforeend', '<aside id="ticker"></aside>');
    const ticker = document.querySelector('#ticker')!;
    let tick = 0;
    const redraw = setInterval(() => (ticker.innerHTML = `<span>${++tick}</span>`), 50);
    start();
    await vi.advanceTimersByTimeAsync(400);
    document.querySelector('#app')!.innerHTML = INVOICE(11);
    await vi.advanceTimersByTimeAsync(MAX_SETTLE_WAIT_MS + SETTLE_MS);
    clearInterval(redraw);
    expect(buttons()).toHaveLength(1);
    expect(buttons()[0]!.parentElement?.tagName).toBe('H1');
  });

  it('opens nothing for a click a page script makes on the button', async () => {
    document.querySelector('#app')!.innerHTML = INVOICE(8);
    start();
    await vi.advanceTimersByTimeAsync(300);
    buttons()[0]!.shadowRoot!.querySelector('button')!.click();
    expect(opened).toEqual([]);
  });
});

describe('a same-origin frame that loads after the page', () => {
  it('is read when it has loaded: an app shell whose invoice view is its frame (seen in Chromium)', async () => {
    document.body.innerHTML = '<nav>Ledgerly</nav><iframe src="/documents/pf/7/view"></iframe>';
    start();
    await vi.advanceTimersByTimeAsync(500);
    expect(buttons()).toHaveLength(0);
    // The frame's document arrives; the page's own DOM does not change.
    const frame = document.querySelector('iframe')!;
    const frameDocument = document.implementation.createHTMLDocument('');
    frameDocument.body.innerHTML = INVOICE(7);
    Object.defineProperty(frame, 'contentDocument', { value: frameDocument });
    frame.dispatchEvent(new Event('load'));
    await vi.advanceTimersByTimeAsync(500);
    expect(buttons()).toHaveLength(1);
  });
});
