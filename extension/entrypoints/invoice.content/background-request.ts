/**
 * Typed requests from the page's content scripts to the background. The browser's own messaging
 * (WXT's `browser` is `chrome` in Chromium, with promises in MV3): webextension-polyfill would add
 * about 3 KB gzipped to the script every invoice page loads.
 */
import { browser } from 'wxt/browser';
import type { ExtensionRequest, ExtensionResult } from '../../../shared/extension-messages';

/** Never throws: a background that is gone (the extension was updated) becomes an error result. */
export async function askBackground<R extends ExtensionRequest>(request: R): Promise<ExtensionResult<R['type']>> {
  try {
    const result = (await browser.runtime.sendMessage(request)) as ExtensionResult<R['type']> | undefined;
    return result ?? { ok: false, error: { code: 'bad_request', message: 'The extension did not answer.' } };
  } catch (error) {
    return { ok: false, error: { code: 'bad_request', message: `The extension did not answer: ${(error as Error).message}` } };
  }
}
