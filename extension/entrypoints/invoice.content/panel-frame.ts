/**
 * The page's side of the panel (issue 14): a container with a closed shadow root holding an iframe
 * of our panel page (extension/entrypoints/panel). The page's scripts cannot reach into a closed
 * root or read another origin's frame; all they could do is hide, shrink or cover the container,
 * which this file watches for (see the panel's click-guard.ts for what the frame does with it).
 */
import { browser } from 'wxt/browser';
import type { PanelView } from '../../../shared/extension-messages';

export const PANEL_HOST_TAG = 'ownpost-panel-ui';
const PANEL_PAGE = '/panel.html';
const WIDTH = { document: 400, list: 620 } as const;
const MARGIN = 24;
/** The frame's height until the panel says how tall it is. */
const FIRST_HEIGHT = 560;
/** How often the container is checked while the panel is open, besides scrolls and resizes. */
const CHECK_EVERY_MS = 200;
/** The smallest share of its set size the frame may be shown at. */
const MIN_SCALE = 0.75;
/** Points per side of the grid `elementFromPoint` tests over the frame. */
const GRID = 5;
/** A frame that has not claimed its session by then did not load (blocked, or the extension went away). */
export const FRAME_READY_TIMEOUT_MS = 8_000;

export interface PanelFrame {
  token: string;
  /** The frame claimed its session (the background says so). */
  ready(): void;
  /** `aside`: the panel shows only a capture that listens; put the frame where it covers none of the page's controls. */
  resize(contentHeight: number, aside?: boolean): void;
  close(): void;
}

/** The largest z-index there is: the container's own, which nothing in the page's normal painting outranks. */
const TOP_Z = 2147483647;

/** Does the browser tell the panel's frame itself when anything is drawn over it (click-guard.ts)? Chromium does. */
const BROWSER_SEES_OCCLUSION = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

/** A computed value that means "nothing": `none`, or empty where a browser does not know the property. */
const isNone = (value: string | undefined) => !value || value === 'none';

/** Does `a` overlap `b` by any area? */
function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom && a.width > 0 && a.height > 0;
}

/** What is in the top layer: the page's open popovers and modal dialogs. */
const TOP_LAYER = ':popover-open, :modal';

type ExtensionDom = { openOrClosedShadowRoot?: (element: Element) => ShadowRoot | null };
/** Chromium's `dom.openOrClosedShadowRoot` for content scripts (Firefox has it on each element). */
const extensionDom = (globalThis as { chrome?: { dom?: ExtensionDom } }).chrome?.dom;

/**
 * An element's shadow root, closed ones too: a page's web component can hide a decoy in a closed root,
 * which an extension's content script may open (Firefox's `openOrClosedShadowRoot`, Chromium's
 * `dom.openOrClosedShadowRoot`). Never our own container's.
 */
function shadowRootOf(element: Element, host: Element): ShadowRoot | null {
  if (element === host) return null;
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  return extensionDom?.openOrClosedShadowRoot?.(element) ?? element.shadowRoot;
}

/** The host of the shadow root `element` is at the top of, if it is. */
const shadowHost = (element: Element): Element | null => {
  const rootNode = element.getRootNode();
  return rootNode instanceof ShadowRoot ? rootNode.host : null;
};

/** Every element below `root` (an element: its own shadow root's too), and below it in shadow roots, at any depth. */
function* deepElements(root: ParentNode, host: Element): Generator<Element> {
  const own = root instanceof Element ? shadowRootOf(root, host) : null;
  if (own) yield* deepElements(own, host);
  for (const element of root.querySelectorAll('*')) {
    yield element;
    const shadow = shadowRootOf(element, host);
    if (shadow) yield* deepElements(shadow, host);
  }
}

/** Every shadow root below `root`, at any depth. */
function* shadowRoots(root: ParentNode, host: Element): Generator<ShadowRoot> {
  for (const element of root.querySelectorAll('*')) {
    const shadow = shadowRootOf(element, host);
    if (!shadow) continue;
    yield shadow;
    yield* shadowRoots(shadow, host);
  }
}

/**
 * Is something of the page painted over the frame that hit testing (`elementFromPoint`) cannot see? A
 * decoy with `pointer-events: none` lets clicks through and is skipped by hit testing; in Chromium the
 * panel's frame learns of it from IntersectionObserver v2, but Firefox has none, so the container checks
 * for each way such a thing can be drawn above it, by the rules of painting order: the container is a
 * child of the root element with the largest z-index, so only these can be above it:
 * - an element in the top layer (the page's popover, modal dialog or full-screen element), also one in a
 *   web component's shadow root, open or closed;
 * - an element after the container in the document (or in the shadow roots of those) that is itself at the
 *   largest z-index, or inside one that is;
 * - generated content: the container's own `::before`/`::after` (the page's style sheets can give it
 *   some), or a positioned `::after` of the root element, which comes after the container.
 */
function paintedOver(host: HTMLElement, rect: DOMRect): boolean {
  const root = document.documentElement;
  for (const element of [host, root]) {
    for (const pseudo of element === host ? ['::before', '::after'] : ['::after']) {
      const style = getComputedStyle(element, pseudo);
      const generated = !isNone(style.content) && style.content !== 'normal' && style.display !== 'none';
      if (generated && (element === host || style.position !== 'static')) return true;
    }
  }
  let topLayer: Element[] = [];
  // Finding the page's popovers and dialogs walks the whole page, its shadow roots too (2.5 ms on 40,000
  // elements in Chromium without them): only where the browser's own witness, IntersectionObserver v2, is
  // missing (Firefox).
  if (!BROWSER_SEES_OCCLUSION) {
    try {
      topLayer = [...document.querySelectorAll(TOP_LAYER)];
      for (const shadow of shadowRoots(document, host)) topLayer.push(...shadow.querySelectorAll(TOP_LAYER));
    } catch {
      // A browser without one of these selectors has no such top layer element either.
    }
  }
  if (document.fullscreenElement) topLayer.push(document.fullscreenElement);
  if (topLayer.some((element) => element !== host && overlaps(element.getBoundingClientRect(), rect))) return true;
  // Elements after the container: the root element's later children and everything in them, in their shadow roots too.
  for (let sibling = host.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    for (const element of [sibling, ...deepElements(sibling, host)]) {
      if (!overlaps(element.getBoundingClientRect(), rect)) continue;
      // At the largest z-index itself or inside something that is (its stacking context in the root's).
      for (let up: Element | null = element; up && up !== root; up = up.parentElement ?? shadowHost(up)) {
        if (Number(getComputedStyle(up).zIndex) >= TOP_Z) return true;
      }
    }
  }
  return false;
}

/**
 * Is the frame plainly visible where the page shows it? Its container is where we put it (a child of the
 * root element), its size is the one we set, it lies inside the viewport, nothing on the way up to the
 * root makes it transparent, filtered, transformed (also by the `rotate`, `scale` and `translate`
 * properties, or a motion path), clipped or blended, nothing is painted over it that lets clicks through
 * (`paintedOver`), and a grid of `elementFromPoint` tests over the whole frame (so wherever a click
 * lands) finds our container every time: no decoy, dialog or popover is above it.
 */
export function frameIsPlainlyVisible(host: HTMLElement, frame: HTMLIFrameElement, expected: { width: number; height: number }): boolean {
  if (!host.isConnected || !frame.isConnected) return false;
  // Moved into the page's own elements, it would paint within their stacking context, below other things.
  if (host.parentElement !== document.documentElement) return false;
  const rect = frame.getBoundingClientRect();
  // Shrunk (by `zoom` or a transform on the way up): what the user sees is not the panel. A page's own
  // mild zoom (90 %) is tolerated; a frame at a fraction of its size is not.
  if (rect.width < expected.width * MIN_SCALE || rect.height < expected.height * MIN_SCALE) return false;
  if (rect.left < 0 || rect.top < 0 || rect.right > window.innerWidth || rect.bottom > window.innerHeight) return false;
  for (let element: Element | null = frame; element; element = element.parentElement ?? (element.getRootNode() as ShadowRoot).host ?? null) {
    const style = getComputedStyle(element);
    if (style.opacity !== '1' || style.filter !== 'none' || style.transform !== 'none' || style.mixBlendMode !== 'normal') return false;
    // Turned upside down or mirrored without `transform` (the box keeps its size, so the size check misses it).
    if (!isNone(style.rotate) || !isNone(style.scale) || !isNone(style.translate) || !isNone(style.offsetPath)) return false;
    if ((style.clipPath && style.clipPath !== 'none') || (style.maskImage && style.maskImage !== 'none')) return false;
    if (element === frame && style.visibility !== 'visible') return false;
    if (element === document.documentElement) break;
  }
  if (paintedOver(host, rect)) return false;
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const x = rect.left + 2 + ((rect.width - 4) * i) / (GRID - 1);
      const y = rect.top + 2 + ((rect.height - 4) * j) / (GRID - 1);
      if (document.elementFromPoint(x, y) !== host) return false;
    }
  }
  return true;
}

/** What a person may press or type into on a page: what a frame moved aside must not cover. */
const PAGE_CONTROLS = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="menuitem"], [onclick]';

/**
 * Where a frame of `width` × `height` covers none of the page's visible controls, trying the viewport's
 * corners (bottom right first: toolbars and their Print and PDF buttons are mostly at the top); where
 * every corner covers one, bottom right. For a capture that listens: the user is to press the app's own
 * button, which the panel at its usual place (top right, where app toolbars are) may cover.
 */
function spotAside(width: number, height: number): { top: number; left: number } {
  const bottom = Math.max(0, window.innerHeight - height - MARGIN);
  const right = Math.max(0, window.innerWidth - width - MARGIN);
  const spots = [
    { top: bottom, left: right },
    { top: bottom, left: MARGIN },
    { top: MARGIN, left: right },
    { top: MARGIN, left: MARGIN },
  ];
  const controls = [...document.querySelectorAll(PAGE_CONTROLS)]
    .map((element) => element.getBoundingClientRect())
    .filter((rect) => rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < window.innerHeight && rect.left < window.innerWidth);
  const free = spots.find((spot) => {
    const rect = new DOMRect(spot.left, spot.top, width, height);
    return !controls.some((control) => overlaps(control, rect));
  });
  return free ?? spots[0]!;
}

/**
 * Shows the panel for `view`: asks the background for a session (a one-time token for the frame),
 * mounts the frame, and reports to the frame, through the background, whether it is plainly visible.
 * Throws when the background refuses or does not answer: the caller shows the problem by the button.
 */
export async function openPanelFrame(view: PanelView, options: { signal: AbortSignal; onClosed: () => void; onFailed: (reason: string) => void }): Promise<PanelFrame> {
  const opened = (await browser.runtime.sendMessage({ type: 'panel.open', view })) as { ok: true; data: { token: string } } | { ok: false; error: { message: string } } | undefined;
  if (!opened) throw new Error('The extension did not answer.');
  if (!opened.ok) throw new Error(opened.error.message);
  const token = opened.data.token;

  const host = document.createElement(PANEL_HOST_TAG);
  // Inline and !important: the page's style sheets cannot move or hide the container (its scripts
  // can, which the visibility checks catch).
  host.setAttribute('style', 'all: initial !important; position: fixed !important; z-index: 2147483647 !important; display: block !important;');
  const root = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  frame.dataset.testid = 'ownpost-panel-frame';
  frame.title = 'Ownpost';
  const fullWidth: number = WIDTH[view.kind];
  let height = FIRST_HEIGHT;
  let width = fullWidth;
  const place = () => {
    const available = Math.max(120, window.innerHeight - 2 * MARGIN);
    const shown = Math.min(height, available);
    // In a narrow window the frame narrows too: a frame sticking out of the viewport never counts as visible.
    width = Math.max(200, Math.min(fullWidth, window.innerWidth - 16));
    const { top, left } = aside ? spotAside(width, shown) : { top: MARGIN, left: Math.max(0, window.innerWidth - width - MARGIN) };
    host.style.setProperty('top', `${top}px`, 'important');
    host.style.setProperty('left', `${left}px`, 'important');
    frame.style.cssText = `display:block;border:0;margin:0;padding:0;width:${width}px;height:${shown}px;border-radius:10px;box-shadow:0 12px 40px rgba(0,0,0,.3);background:#fff;color-scheme:light;`;
    expected = { width, height: shown };
  };
  let expected = { width: fullWidth, height };
  let aside = false;
  place();
  frame.src = `${browser.runtime.getURL(PANEL_PAGE as '/panel.html')}#${token}`;
  root.append(frame);
  document.documentElement.append(host);

  let lastReported: boolean | undefined;
  const check = () => {
    const visible = frameIsPlainlyVisible(host, frame, expected);
    if (visible === lastReported) return;
    lastReported = visible;
    void browser.runtime
      .sendMessage({ type: 'panel.visibility', token, visible })
      .then((result: { ok?: boolean } | undefined) => {
        // The background no longer knows this panel (the extension restarted): the frame cannot work any more.
        if (result?.ok === false && !closed) {
          close();
          options.onFailed('the panel lost its connection to Ownpost. Press the button again.');
        }
      })
      .catch(() => undefined);
  };
  const timer = setInterval(check, CHECK_EVERY_MS);
  const onViewport = () => {
    place();
    check();
  };
  window.addEventListener('resize', onViewport, { passive: true });
  window.addEventListener('scroll', check, { capture: true, passive: true });
  // The frame claims its session when it loads; say at once whether it is visible, and again later
  // (the first report may reach the background before the frame's port does: it keeps the latest).
  frame.addEventListener('load', () => {
    lastReported = undefined;
    check();
  });

  let closed = false;
  // Issue 16: a panel that does not come up is said so by the button, never left blank or missing.
  const readyTimer = setTimeout(() => {
    close();
    options.onFailed('the panel did not load. Reload the page and try again.');
  }, FRAME_READY_TIMEOUT_MS);
  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(readyTimer);
    clearInterval(timer);
    window.removeEventListener('resize', onViewport);
    window.removeEventListener('scroll', check, { capture: true });
    host.remove();
    options.onClosed();
  };
  options.signal.addEventListener('abort', close);
  return {
    token,
    ready: () => clearTimeout(readyTimer),
    resize(contentHeight, besides = false) {
      height = Math.max(80, contentHeight);
      aside = besides;
      place();
      lastReported = undefined;
      check();
    },
    close,
  };
}
