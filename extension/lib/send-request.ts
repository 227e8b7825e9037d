import type { ExtensionRequest, ExtensionResult } from '../../shared/extension-messages';
import { browser } from './browser';

/** Typed request to the background; never throws (a dead background becomes an error result). */
export async function sendRequest<R extends ExtensionRequest>(request: R): Promise<ExtensionResult<R['type']>> {
  try {
    const result = (await browser.runtime.sendMessage(request)) as ExtensionResult<R['type']> | undefined;
    return result ?? { ok: false, error: { code: 'bad_request', message: 'The extension did not answer.' } };
  } catch (error) {
    return { ok: false, error: { code: 'bad_request', message: `The extension did not answer: ${(error as Error).message}` } };
  }
}
