/**
 * How the page script (this folder's page-script.ts: detection and the button) and the picker's script
 * (invoice-panel.content.tsx, injected by the background when the user starts the picker) talk. Both
 * run in the extension's isolated world in the same frame, so they share its global object, which the
 * page's own scripts cannot see. The send and bulk panels are not in the page at all: they run in the
 * panel frame (panel-frame.ts, extension/entrypoints/panel), and only take `PanelHost` from it.
 */
import type { CaptureOutcome } from '../../capture/page-capture';
import type { Language } from '../../i18n/core';

export const PANEL_API_KEY = '__ownpostPanel';

/** What the page script gives the panel. */
export interface PanelHost {
  language: Language;
  /** The page's address now (single-page apps change it without a load). */
  pageUrl(): URL;
  /** A recipe was saved: load the recipes again and look at the page again. */
  recipesChanged(): void;
  /**
   * The panel frame's "Take the PDF from the page" (issue 16 item 3): the capture runs in the page's
   * content script, started through the background after the user's click; with `press`, the recipe's
   * PDF button is pressed there. `onArmed`: it listens in the page now. Aborting `signal` cancels it.
   */
  capturePdf?(press: boolean, signal: AbortSignal, onArmed: () => void): Promise<CaptureOutcome>;
}

export interface PanelApi {
  startPicker(host: PanelHost): void;
  /** The page navigated away from the document: close what is open. */
  close(): void;
}

export function installedPanel(): PanelApi | undefined {
  return (globalThis as Record<string, unknown>)[PANEL_API_KEY] as PanelApi | undefined;
}

export function installPanel(api: PanelApi, signal: AbortSignal): void {
  (globalThis as Record<string, unknown>)[PANEL_API_KEY] = api;
  signal.addEventListener('abort', () => {
    if (installedPanel() === api) delete (globalThis as Record<string, unknown>)[PANEL_API_KEY];
  });
}
