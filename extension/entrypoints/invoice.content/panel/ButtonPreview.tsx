import { useEffect } from 'preact/hooks';
import { placeByAnchor } from '../button-placement';
import { floatInFreeCorner } from '../send-button';

/** The picker's choice of where the recipe's button goes (issue 16 item 6). */
export type PreviewPlacement = 'number' | 'picked' | 'float';

export const PREVIEW_HOST_TAG = 'ownpost-preview-ui';

/**
 * A look-alike of the send button, dashed, put where the recipe will put the real one, so the user
 * sees before saving that the button lands somewhere visible (never inside the `<input>` holding the
 * number: button-placement.ts). It does nothing when clicked.
 */
export function ButtonPreview({ label, anchor, signal }: { label: string; anchor: Element | undefined; signal: AbortSignal }) {
  useEffect(() => {
    const host = document.createElement(PREVIEW_HOST_TAG);
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `:host{all:initial;display:inline-block;margin:0 0 0 8px;vertical-align:middle}
      :host(.floating){position:fixed!important;z-index:2147483646!important}
      :host(.bottom-right){right:16px!important;bottom:16px!important}:host(.bottom-left){left:16px!important;bottom:16px!important}
      :host(.top-right){right:16px!important;top:16px!important}:host(.top-left){left:16px!important;top:16px!important}
      span{display:inline-block;font:600 13px/1.2 system-ui,sans-serif;padding:6px 10px;border:2px dashed #2563eb;border-radius:6px;color:#1d4ed8;background:#eff6ff}`;
    const look = document.createElement('span');
    look.dataset.testid = 'ownpost-button-preview';
    look.textContent = label;
    root.append(style, look);
    if (!placeByAnchor(anchor, host)) {
      look.dataset.placement = 'float';
      // Like the send button: the first corner where nothing covers it (the page's chat bubble, or
      // the send button Ownpost already shows on this page).
      floatInFreeCorner(host);
    }
    const remove = () => host.remove();
    signal.addEventListener('abort', remove);
    return () => {
      signal.removeEventListener('abort', remove);
      remove();
    };
  }, [anchor, label]);
  return null;
}
