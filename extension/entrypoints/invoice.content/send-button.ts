/**
 * The send button, in its own shadow root next to the document's title (floating when the page has
 * no title to put it by, or when the title is not where a person can click it). Plain DOM, no UI
 * library: this is the part every invoice page loads.
 */
import styles from './button.css?inline';
import { placeByAnchor } from './button-placement';

export const BUTTON_HOST_TAG = 'ownpost-send-ui';

export interface MountedButton {
  host: HTMLElement;
  /** Shows why the panel did not open, next to the button (issue 16: never fail silently). */
  showProblem(message: string): void;
  remove(): void;
}

/** Corners a floating button tries, in order, until one is not covered by the page (a chat bubble, a cookie bar). */
const FLOATING_CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;

/**
 * Floats `host` (its styles give `.floating` and each corner's offsets) in the first corner where a
 * person can click it, or the last one tried. On the root element, not in <body>: a transformed,
 * filtered or `contain`ed body would make `position: fixed` relative to it instead of the viewport
 * (issue 16 item 9).
 */
export function floatInFreeCorner(host: HTMLElement): void {
  for (const corner of FLOATING_CORNERS) {
    host.className = `floating ${corner}`;
    document.documentElement.append(host);
    if (isClickable(host)) return;
  }
}

/**
 * Can a person click it: inside the viewport, with some size, and `elementFromPoint` at its centre
 * finds our host (nothing of the page lies over it)?
 */
export function isClickable(host: HTMLElement): boolean {
  if (!host.isConnected) return false;
  const rect = host.getBoundingClientRect();
  if (rect.width < 8 || rect.height < 8) return false;
  if (rect.left < 0 || rect.top < 0 || rect.right > window.innerWidth || rect.bottom > window.innerHeight) return false;
  return document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2) === host;
}

/**
 * Only a real click or key press by the user opens the panel: a page script calling `click()` on the
 * button (the shadow root is open, so it can reach it) produces an untrusted event and is ignored.
 */
export function mountSendButton(options: { anchor?: Element; label: string; onActivate: () => void; signal: AbortSignal }): MountedButton {
  const host = document.createElement(BUTTON_HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = styles;
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.testid = 'ownpost-send';
  button.textContent = options.label;
  button.addEventListener(
    'click',
    (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (event.isTrusted) options.onActivate();
    },
    { signal: options.signal },
  );
  const problem = document.createElement('p');
  problem.className = 'problem';
  problem.setAttribute('role', 'alert');
  problem.dataset.testid = 'ownpost-open-problem';
  problem.hidden = true;
  root.append(style, button, problem);

  // By the title, but never inside a form control or void element (issue 16 item 6: button-placement.ts).
  // A button the user cannot click is no button: an anchored one whose title is off screen, or that is
  // clipped or covered, floats. Measured only once the button is in: one layout of the page, which its
  // next frame would have done anyway, where measuring the title first cost a second one (issue 18).
  const anchor = options.anchor;
  const anchored = placeByAnchor(anchor, host) && anchorIsOnScreen(anchor!) && isClickable(host);
  if (!anchored) floatInFreeCorner(host);

  const remove = () => host.remove();
  options.signal.addEventListener('abort', remove);
  return {
    host,
    showProblem(message) {
      problem.textContent = message;
      problem.hidden = false;
      // The problem shows below the button, or above it in a bottom corner.
      console.warn(`[ownpost] ${message}`);
    },
    remove,
  };
}

/** Is the title in the first screen, with a size? A title far below (or hidden) gets a floating button instead. */
function anchorIsOnScreen(anchor: Element): boolean {
  const rect = anchor.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight && rect.left < window.innerWidth && rect.right > 0;
}
