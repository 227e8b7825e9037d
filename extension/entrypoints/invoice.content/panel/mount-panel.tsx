import { render, type VNode } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PanelApi } from '../panel-contract';
import { BulkPanel } from './BulkPanel';
import { Picker } from './Picker';
import { SendPanel } from './SendPanel';
// Inlined into the shadow root: no web-accessible CSS file for pages to probe.
import styles from './panel.css?inline';

export const PANEL_HOST_TAG = 'ownpost-panel-ui';

/**
 * The panel's side of panel-contract.ts: one shadow root for whatever is open (a document's panel,
 * the bulk panel or the picker), replaced when another opens, gone when the page navigates away
 * or the content script's context ends.
 */
export function createPanelApi(ctx: ContentScriptContext): PanelApi {
  let shadowHost: HTMLElement | undefined;
  let container: HTMLElement | undefined;
  let open: AbortController | undefined;

  function ensureContainer(): { host: HTMLElement; container: HTMLElement } {
    if (shadowHost?.isConnected && container) return { host: shadowHost, container };
    shadowHost = document.createElement(PANEL_HOST_TAG);
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

  function show(view: (signal: AbortSignal, close: () => void, host: HTMLElement) => VNode) {
    close();
    const controller = new AbortController();
    open = controller;
    const target = ensureContainer();
    render(view(controller.signal, close, target.host), target.container);
  }

  ctx.onInvalidated(() => {
    close();
    shadowHost?.remove();
  });

  return {
    openDocument: (found, host) => show((signal, onClose) => <SendPanel found={found} host={host} signal={signal} onClose={onClose} />),
    openList: (documents, host) => show((signal, onClose) => <BulkPanel documents={documents} host={host} signal={signal} onClose={onClose} />),
    startPicker: (host) => show((signal, onClose, ownHost) => <Picker host={host} signal={signal} ownHost={ownHost} onClose={onClose} />),
    close,
  };
}
