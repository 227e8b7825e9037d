import { z } from 'zod';
import { handleExtensionRequest } from '../background/handle-request';
import { acceptPanelPort } from '../background/panel-sessions';
import { browser, type Runtime } from '../lib/browser';
import { syncSiteRegistrations } from '../lib/site-registration';
// Unused in code: it lets the declaration output (tsc -b) name the default export's type, which wxt
// declares in a module it does not export. The export must stay a bare call: wxt's build finds it so.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import type { BackgroundDefinition } from 'wxt';

// MV3 forbids eval; zod would probe for it and fall back silently. Say so explicitly.
z.config({ jitless: true });

export default defineBackground(() => {
  // Returning the promise answers the sender (webextension-polyfill).
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleExtensionRequest(message, sender));
  // The panel frame's port (issue 14): extension/background/panel-sessions.ts.
  browser.runtime.onConnect.addListener(acceptPanelPort);

  // The browser drops runtime-registered content scripts when the extension updates, and the user can
  // take a site's permission back in the browser's settings: re-register from the stored list.
  const syncSites = () => void syncSiteRegistrations().catch((error: unknown) => console.warn('[ownpost] could not register the enabled sites', error));
  browser.runtime.onStartup.addListener(syncSites);
  browser.runtime.onInstalled.addListener(syncSites);
  browser.permissions.onRemoved.addListener(syncSites);
});
