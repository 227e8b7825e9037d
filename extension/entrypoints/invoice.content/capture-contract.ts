/**
 * How the page script (page-script.ts) and the capture script (page-capture.ts, injected by the
 * background only when the user arms "Take the PDF from the page" in the panel frame) talk: both run
 * in the extension's isolated world in the same frame and share its global object, which the page's
 * own scripts cannot see (as panel-contract.ts does for the picker).
 */
export const CAPTURE_API_KEY = '__ownpostPageCapture';

export interface CaptureRun {
  /** The panel frame's session: the outcome goes to it, through the background. */
  token: string;
  /** The recipe's PDF button, pressed once the capture listens (a one-click "Make the PDF"). */
  press?: () => HTMLElement | undefined;
  documentNumber?: string;
  /** The panel closed or the page navigated: the capture ends. */
  signal: AbortSignal;
}

export interface PageCaptureApi {
  run(capture: CaptureRun): void;
  /** The user pressed Cancel in the frame. */
  cancel(): void;
  /** A frame of the page started loading this address (the background saw it): taken if it is a PDF. */
  frame(url: string): void;
}

export function installedCapture(): PageCaptureApi | undefined {
  return (globalThis as Record<string, unknown>)[CAPTURE_API_KEY] as PageCaptureApi | undefined;
}

export function installCapture(api: PageCaptureApi, signal: AbortSignal): void {
  (globalThis as Record<string, unknown>)[CAPTURE_API_KEY] = api;
  signal.addEventListener('abort', () => {
    if (installedCapture() === api) delete (globalThis as Record<string, unknown>)[CAPTURE_API_KEY];
  });
}
