/**
 * "Take the PDF from the page" with the app's Print form in a same-origin frame of the page (issue 16
 * item 3): apps of the frameset school show the document in a frame of their shell, with its print
 * form there, posted by the user's click or by `form.submit()` from a script behind `href="#"`. The
 * capture sends that form itself, to the address relative to the frame's, and takes the PDF it answers.
 */
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capturePdfFromPage } from '../../extension/capture/page-capture';

const PDF = new TextEncoder().encode('%PDF-1.7 Fattura FV 2026/0412');

/** A same-origin frame of the page showing `html` at `url`, as a browser gives it (happy-dom leaves a frame's document out). */
function frameShowing(url: string, html: string): Document {
  const inner = new HappyWindow({ url }).document as unknown as Document;
  inner.body.innerHTML = html;
  // A <frame> of a frameset, which happy-dom does not try to load.
  const frame = document.createElement('frame');
  Object.defineProperty(frame, 'contentDocument', { get: () => inner });
  document.body.append(frame);
  return inner;
}

/** The page's fetch, answering the print form's POST with the PDF: what was asked is kept. */
function printServer() {
  const asked: { url: string; method: string; body: string }[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    asked.push({ url: String(input), method: init?.method ?? 'GET', body: String(init?.body ?? '') });
    return new Response(PDF, { headers: { 'Content-Type': 'application/pdf' } });
  });
  return asked;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('a print form in a same-origin frame of the page', () => {
  it("takes the PDF the frame's form posts for when the user presses its button", async () => {
    const inner = frameShowing(
      `${location.origin}/gestionale/documenti/412`,
      '<form method="post" action="../stampa/412" target="_blank"><input type="hidden" name="doc" value="412"><select name="modello"><option value="fattura-pa" selected>FatturaPA</option></select><button id="stampa">Stampa</button></form>',
    );
    const asked = printServer();
    const outcome = capturePdfFromPage({ signal: new AbortController().signal, armPage: async () => true, timeoutMs: 5_000 });
    const form = inner.querySelector('form')!;
    form.requestSubmit(inner.getElementById('stampa'));
    const result = await outcome;
    expect(result).toMatchObject({ ok: true, file: { route: 'form', size: PDF.length } });
    expect(asked).toEqual([{ url: `${location.origin}/gestionale/stampa/412`, method: 'POST', body: 'doc=412&modello=fattura-pa' }]);
  });

  it("sends a frame's form that a script submits (form.submit(), marked by the page hook)", async () => {
    const nonce: string[] = [];
    const inner = frameShowing(`${location.origin}/gestionale/documenti/412`, '<form method="post" action="/gestionale/stampa/412"><input type="hidden" name="doc" value="412"></form>');
    const asked = printServer();
    const outcome = capturePdfFromPage({
      signal: new AbortController().signal,
      armPage: async (armed) => {
        nonce.push(armed);
        return true;
      },
      timeoutMs: 5_000,
    });
    await vi.waitFor(() => expect(nonce).toHaveLength(1));
    // What main-world-hook.ts does for the frame's form.submit(): marks the form, and tells the top window.
    inner.querySelector('form')!.setAttribute('data-ownpost-capture', nonce[0]!);
    window.dispatchEvent(new MessageEvent('message', { data: { ownpostCapture: nonce[0], kind: 'form' }, source: window }));
    expect(await outcome).toMatchObject({ ok: true, file: { route: 'form' } });
    expect(asked).toEqual([{ url: `${location.origin}/gestionale/stampa/412`, method: 'POST', body: 'doc=412' }]);
  });
});
