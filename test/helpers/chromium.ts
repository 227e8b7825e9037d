import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const E2E_EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** An unpacked extension to load; none: Chromium with every extension off (a baseline). */
  extensionDir?: string;
  /**
   * Host names resolved to the given loopback addresses, so a page can live on a name the
   * extension does not already inject into (e.g. `runtime-site.test`).
   */
  hosts?: Record<string, string>;
  /** More command-line switches (`--ignore-certificate-errors` for pages served on names the test certificate does not cover). */
  args?: string[];
}

export interface LaunchedChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface ExtensionBrowser extends LaunchedChromium {
  extensionId: string;
  serviceWorker: Worker;
}

/**
 * Debian's Chromium on a fresh profile. The flags: the test machine has no
 * network, so background networking is off; `--headless=new` because the old headless mode cannot
 * load extensions.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedChromium> {
  const { extensionDir, hosts = {}, args = [] } = options;
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-chromium-'));
  const rules = Object.entries(hosts).map(([name, address]) => `MAP ${name} ${address}`);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: false, // --headless=new below
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
      ...(rules.length ? [`--host-resolver-rules=${rules.join(',')}`] : []),
      ...args,
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions']),
    ],
    viewport: { width: 1100, height: 760 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with the e2e build of the extension loaded (`npm run build:e2e`), once its service worker
 * runs.
 *
 * @example await launchWithExtension({ hosts: { 'runtime-site.test': '127.0.0.1' } })
 */
export async function launchWithExtension(options: Omit<LaunchOptions, 'extensionDir'> = {}): Promise<ExtensionBrowser> {
  if (!existsSync(path.join(E2E_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`${E2E_EXTENSION_DIR} is missing: run npm run build:e2e (npm test does it first)`);
  }
  const launched = await launchChromium({ ...options, extensionDir: E2E_EXTENSION_DIR });
  const serviceWorker = launched.context.serviceWorkers()[0] ?? (await launched.context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { ...launched, extensionId: new URL(serviceWorker.url()).host, serviceWorker };
}
