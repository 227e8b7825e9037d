import { z } from 'zod';
import { handleExtensionRequest } from '../background/handle-request';
import { browser, type Runtime } from '../lib/browser';

// MV3 forbids eval; zod would probe for it and fall back silently. Say so explicitly.
z.config({ jitless: true });

export default defineBackground(() => {
  // Returning the promise answers the sender (webextension-polyfill).
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleExtensionRequest(message, sender));
});
