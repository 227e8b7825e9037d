import type { ExtensionError } from '../../shared/extension-messages';

/**
 * A failure the background answers a page with: the relay's own error (its code, message and hint),
 * or one of the extension's (`relay_unreachable`, `not_connected`, `document_too_large`...). Kept apart
 * from the relay client so the panel frame, which shares panel-sessions.ts, does not load the routes'
 * contract and its schemas.
 */
export class RelayError extends Error {
  constructor(readonly error: ExtensionError) {
    super(error.message);
  }
}
