/**
 * Stands in for the background service worker in component tests: answers the typed requests an
 * extension page sends (shared/extension-messages.ts) and records them. The pages are tested through
 * that protocol; the background's own handling of each request is tested against a real relay in
 * background-requests.test.ts.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtensionError, ExtensionRequest, ExtensionResponses } from '../../shared/extension-messages';

type RequestOf<T extends ExtensionRequest['type']> = Extract<ExtensionRequest, { type: T }>;
type Answer<T extends ExtensionRequest['type']> = ExtensionResponses[T] | { error: ExtensionError };
export type BackgroundHandlers = { [T in ExtensionRequest['type']]?: (request: RequestOf<T>) => Answer<T> | Promise<Answer<T>> };

export interface FakeBackground {
  requests: ExtensionRequest[];
  /** The requests of one type, in order. */
  sent<T extends ExtensionRequest['type']>(type: T): RequestOf<T>[];
  handlers: BackgroundHandlers;
}

export function fakeBackground(handlers: BackgroundHandlers): FakeBackground {
  const state: FakeBackground = {
    requests: [],
    handlers,
    sent: (type) => state.requests.filter((r) => r.type === type) as never,
  };
  fakeBrowser.runtime.onMessage.addListener(async (raw: unknown) => {
    const request = raw as ExtensionRequest;
    state.requests.push(request);
    const handler = state.handlers[request.type] as ((r: ExtensionRequest) => unknown) | undefined;
    if (!handler) return { ok: false, error: { code: 'bad_request', message: `the test has no answer for ${request.type}` } };
    const answer = await handler(request);
    return typeof answer === 'object' && answer !== null && 'error' in answer && Object.keys(answer).length === 1
      ? { ok: false, error: (answer as { error: ExtensionError }).error }
      : { ok: true, data: answer };
  });
  return state;
}
