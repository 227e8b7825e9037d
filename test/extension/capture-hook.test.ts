/**
 * The main-world capture hook (extension/capture/main-world-hook.ts) where apps put their PDF button
 * out of the top document's plain sight (issue 16 item 3): in the page's same-origin frames (apps of
 * the frameset school show the document and its Print button in a frame of their shell, whose script
 * opens the PDF with the frame's own `window.open`), reported to the top window where the capture
 * listens, also for a frame that shows another document by the next arming. (A link in a shadow root,
 * whose click reaches the document retargeted to its host, is in test/e2e/unseen-apps-4.test.ts:
 * happy-dom does not retarget.)
 */
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { installCaptureHook } from '../../extension/capture/main-world-hook';

const NONCE = 'f'.repeat(32);

/**
 * A same-origin frame's window, with classes and a document of its own as a browser gives it (happy-dom
 * leaves an iframe's window out): what the page's `window.frames` lists.
 */
function frameWindow(url: string, html: string): Window & typeof globalThis {
  const inner = new HappyWindow({ url });
  inner.document.body.innerHTML = html;
  const frames = Object.assign([inner], { length: 1 });
  Object.defineProperty(window, 'frames', { value: frames, configurable: true });
  return inner as unknown as Window & typeof globalThis;
}

/** What the hook posts to the top window within `ms`. */
function postsWithin(ms: number): Promise<Record<string, unknown>[]> {
  const posts: Record<string, unknown>[] = [];
  const listener = (event: MessageEvent) => void posts.push(event.data as Record<string, unknown>);
  window.addEventListener('message', listener);
  return new Promise((resolve) =>
    setTimeout(() => {
      window.removeEventListener('message', listener);
      resolve(posts);
    }, ms),
  );
}

afterEach(() => {
  Object.defineProperty(window, 'frames', { value: window, configurable: true });
});

describe("the capture hook in a same-origin frame's window", () => {
  it('takes the PDF the frame\'s script opens in a new tab (window.open behind href="#"), and posts it to the top window', async () => {
    const inner = frameWindow('http://localhost:3000/gestionale/documenti/58', '<a href="#" id="stampa">Stampa</a>');
    installCaptureHook(NONCE, 10_000);
    const posted = postsWithin(100);
    // Relative to the frame's address, not the shell's.
    expect(inner.open('../stampa/58?modello=standard', '_blank')).toBeNull();
    expect(await posted).toEqual([{ ownpostCapture: NONCE, kind: 'url', url: 'http://localhost:3000/gestionale/stampa/58?modello=standard' }]);
  });

  it('hooks the window of a frame that shows another document by the next arming, once', async () => {
    frameWindow('http://localhost:3000/gestionale/documenti/58', '<p>Conferma d’ordine n. OC/2026/58</p>');
    installCaptureHook(NONCE, 10_000);
    const inner = frameWindow('http://localhost:3000/gestionale/documenti/412', '<p>Fattura n. FV 2026/0412</p>');
    const again = 'e'.repeat(32);
    installCaptureHook(again, 10_000);
    installCaptureHook(again, 10_000);
    const posted = postsWithin(100);
    expect(inner.open('/gestionale/stampa/412', '_blank')).toBeNull();
    expect(await posted).toEqual([{ ownpostCapture: again, kind: 'url', url: 'http://localhost:3000/gestionale/stampa/412' }]);
  });
});
