/**
 * The page's side of "Take the PDF from the page" (issue 16 item 3) since the panel moved into its
 * extension frame (issue 14): the frame cannot see the page, so the listening happens here, in the
 * content script of the page's frame: the main-world hook's nonce messages, form submits, hidden
 * download frames and viewers (capture/page-capture.ts), and the press of a recipe's PDF button. The
 * outcome goes to the frame through the background's panel session (`capture.result`), never through
 * the page's DOM. Loaded only when the user arms a capture in the frame (the background injects it),
 * so the script every page loads stays small.
 */
import { capturePdfFromPage } from '../../capture/page-capture';
import { askBackground } from './background-request';
import type { PageCaptureApi } from './capture-contract';

export function createPageCapture(): PageCaptureApi {
  let running: AbortController | undefined;
  /** The running capture's way to look at a frame's address (capturePdfFromPage's `frames`). */
  let frameSeen: ((url: string) => void) | undefined;
  return {
    run({ token, press, documentNumber, signal }) {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      signal.addEventListener('abort', () => controller.abort(), { signal: controller.signal });
      const outcome = capturePdfFromPage({
        signal: controller.signal,
        ...(documentNumber ? { documentNumber } : {}),
        frames: (look) => (frameSeen = look),
        armPage: async (nonce) => {
          const armed = (await askBackground({ type: 'capture.arm', nonce })).ok;
          // Pressed only now that the hook listens, so the file the button makes is not missed.
          if (!controller.signal.aborted) press?.()?.click();
          return armed;
        },
        fetchElsewhere: async (url) => {
          const result = await askBackground({ type: 'capture.fetch', url });
          if (result.ok) return { ok: true, ...result.data };
          const message = result.error.hint ? `${result.error.message} ${result.error.hint}` : result.error.message;
          return { ok: false, message, ...(result.error.grant ? { grant: result.error.grant } : {}) };
        },
      });
      void outcome.then((result) => {
        if (running === controller) running = undefined;
        // A cancel came from the frame (or the frame went away): nobody waits for this outcome.
        if (signal.aborted) return;
        const reported = result.ok ? { ok: true as const, file: result.file } : result;
        void askBackground({ type: 'capture.result', token, outcome: reported });
      });
    },
    cancel() {
      running?.abort();
      running = undefined;
    },
    frame(url) {
      if (running) frameSeen?.(url);
    },
  };
}
