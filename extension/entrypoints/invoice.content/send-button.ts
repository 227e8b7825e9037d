/**
 * The send button, in its own shadow root next to the document's title (floating when the page has
 * no title to put it by). Plain DOM, no UI library: this is the part every invoice page loads.
 */
import styles from './button.css?inline';
import { placeByAnchor } from './button-placement';

export const BUTTON_HOST_TAG = 'ownpost-send-ui';

export interface MountedButton {
  host: HTMLElement;
  remove(): void;
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
  root.append(style, button);
  if (!placeByAnchor(options.anchor, host)) {
    host.className = 'floating';
    (document.body ?? document.documentElement).append(host);
  }
  const remove = () => host.remove();
  options.signal.addEventListener('abort', remove);
  return { host, remove };
}
