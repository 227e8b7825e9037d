/**
 * Reading a file as the page itself would, from a content script, in Chromium and Firefox: the
 * capture's (capture/page-capture.ts) and the panel's look at a PDF the page shows from a `blob:`
 * address (entrypoints/invoice.content/viewer-pdf.ts). No imports: both bundles stay small.
 */

/**
 * `fetch` as the page itself would make it, as the app's own button would. In Chromium a content
 * script's `fetch` is made as the page's. Firefox makes a content script's `fetch` as the extension's
 * and gives content scripts the page's own as `content.fetch`
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Content_scripts#xhr_and_fetch).
 */
export function pageFetch(): typeof fetch {
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  return typeof content?.fetch === 'function' ? content.fetch.bind(content) : fetch;
}

/**
 * The bytes of a Blob, in an array of this script's own. In Firefox a Blob or Response from the page
 * (the hook's message, `content.fetch`) is the page's, and so are the promises and the buffer its
 * methods give; an array over that buffer is the page's too, and every `subarray` on it
 * (bytesToBase64) or `await` of such a promise reads a `constructor`, which Firefox refuses a
 * content script ("Permission denied to access property constructor"): the capture failed on every
 * route (issue 16, checked in Firefox). Read through a Response of this script's and copied.
 */
export async function ownBytes(blob: Blob): Promise<Uint8Array> {
  const view = new Uint8Array(await new Response(blob).arrayBuffer());
  const copy = new Uint8Array(view.length);
  copy.set(view);
  return copy;
}

/** A promise of the page's (Firefox's `content.fetch` and its Response's) as one of ours: `then` on it is allowed, `await` is not (see ownBytes). */
export function ours<T>(promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    promise.then(resolve, reject);
  });
}
