import { render } from 'preact';
import type { PageContext } from '../page-context';
import type { PanelApi } from '../panel-contract';
import { Picker } from './Picker';
// Inlined into the shadow root: no web-accessible CSS file for pages to probe.
import styles from './panel.css?inline';

export const PICKER_HOST_TAG = 'ownpost-picker-ui';

/**
 * The picker's side of panel-contract.ts: the element picker stays in the page (it has to see the
 * page's elements), in its own shadow root, and shows nothing from the relay. The send panel and the
 * bulk panel are not here: they run in the extension-origin frame (extension/entrypoints/panel,
 * issue 14).
 */
export function createPanelApi(ctx: PageContext): PanelApi {
  let shadowHost: HTMLElement | undefined;
  let container: HTMLElement | undefined;
  let open: AbortController | undefined;

  function ensureContainer(): { host: HTMLElement; container: HTMLElement } {
    if (shadowHost?.isConnected && container) return { host: shadowHost, container };
    shadowHost = document.createElement(PICKER_HOST_TAG);
    const root = shadowHost.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = styles;
    container = document.createElement('div');
    root.append(style, container);
    (document.body ?? document.documentElement).append(shadowHost);
    return { host: shadowHost, container };
  }

  function close() {
    open?.abort();
    open = undefined;
    if (container) render(null, container);
  }

  ctx.onInvalidated(() => {
    close();
    shadowHost?.remove();
  });

  return {
    startPicker(host) {
      close();
      const controller = new AbortController();
      open = controller;
      const target = ensureContainer();
      render(<Picker host={host} signal={controller.signal} ownHost={target.host} onClose={close} />, target.container);
    },
    close,
  };
}
