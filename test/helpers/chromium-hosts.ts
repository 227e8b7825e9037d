import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, E2E_EXTENSION_DIR, type ExtensionBrowser } from './chromium';

/**
 * Chromium with the e2e build, as `launchWithExtension` (test/helpers/chromium.ts), that also resolves
 * the given host names to loopback addresses, so a page can live on a name the extension does not
 * already inject into (e.g. `runtime-site.test`, for the runtime content-script registration).
 *
 * @example await launchWithExtensionAndHosts({ 'runtime-site.test': '127.0.0.1' })
 */
export async function launchWithExtensionAndHosts(hosts: Record<string, string>): Promise<ExtensionBrowser> {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-chromium-'));
  const rules = Object.entries(hosts)
    .map(([name, address]) => `MAP ${name} ${address}`)
    .join(',');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: false, // --headless=new below: the old headless mode cannot load extensions
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${rules}`,
      `--disable-extensions-except=${E2E_EXTENSION_DIR}`,
      `--load-extension=${E2E_EXTENSION_DIR}`,
    ],
    viewport: { width: 1100, height: 760 },
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return {
    context,
    extensionId: new URL(serviceWorker.url()).host,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
