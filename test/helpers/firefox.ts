/**
 * Debian's Firefox ESR with the e2e build of the extension (`npm run build:e2e:firefox`), driven by
 * puppeteer-core over WebDriver BiDi. The facts and pitfalls that shape this file:
 * - the extension is installed as a temporary add-on from an absolute folder, and the pref
 *   `extensions.webextensions.uuids` fixes its `moz-extension://<uuid>` origin (for the manifest's gecko id);
 * - Firefox sends no load events for extension pages over BiDi: `openExtensionPage` starts the
 *   navigation without awaiting it and waits for the document instead;
 * - there is no handle on the background page: extension APIs are called from an open extension page.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { waitFor } from './wait-for';

export const FIREFOX_E2E_EXTENSION_DIR = path.resolve('.output/firefox-mv3-e2e');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`: the extension's origin, fixed at launch. */
  extensionOrigin: string;
  /** Opens one of the extension's pages (`popup.html`, `options.html#/sites`) in a new tab, once it has loaded. */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** Host names Firefox resolves to 127.0.0.1 (pref `network.dns.localDomains`), e.g. `shop.test`. */
  localDomains?: string[];
  /**
   * The installation's `moz-extension://` UUID (random by default). A relay accepts a Firefox install
   * only once an admin lists its UUID in OWNPOST_EXTENSION_IDS (relay/http/extension-origins.ts), so a
   * test that pairs fixes it first, as a company pins it for its fleet with the same preference.
   */
  uuid?: string;
}

/**
 * Firefox ESR on a fresh profile with the e2e extension installed.
 *
 * @example const firefox = await launchFirefoxWithExtension({ localDomains: ['app.test'] });
 */
export async function launchFirefoxWithExtension(options: FirefoxOptions = {}): Promise<FirefoxWithExtension> {
  if (!existsSync(path.join(FIREFOX_E2E_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`${FIREFOX_E2E_EXTENSION_DIR} is missing: run npm run build:e2e:firefox (npm test does it first)`);
  }
  if (!existsSync(FIREFOX_PATH)) throw new Error(`${FIREFOX_PATH} is missing: apt-get install firefox-esr (or set FIREFOX_PATH)`);
  // The add-on id the build declares (wxt.config.ts), read from the build itself.
  const manifest = JSON.parse(readFileSync(path.join(FIREFOX_E2E_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const uuid = options.uuid ?? randomUUID();
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // The test servers' certificates (test/fixtures/certs) are not in Firefox's own store, and Debian
    // has no certutil to put them there: the tests that serve a relay or an app over TLS under another
    // name (as a company would) use these certificates. (Firefox's default MV3 policy upgraded an
    // extension's requests to any host but loopback to https; the build sets its own without that,
    // wxt.config.ts, so plain HTTP on a LAN name works too: test/e2e/firefox-parity.test.ts.)
    acceptInsecureCerts: true,
    userDataDir: profileDir,
    // Without it Firefox refuses to open moz-extension:// pages for the automation.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // permissions.request is granted without its prompt, which nobody can answer in a headless browser.
      // The request still needs a real user gesture (a click), which the tests make.
      'extensions.webextOptionalPermissionPrompts': false,
      ...(options.localDomains?.length ? { 'network.dns.localDomains': options.localDomains.join(',') } : {}),
      // No network on this machine: keep Firefox from reaching for it.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'extensions.getAddons.cache.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_E2E_EXTENSION_DIR);
  const extensionOrigin = `moz-extension://${uuid}`;

  return {
    browser,
    extensionOrigin,
    async openExtensionPage(pathAndQuery) {
      const page = await browser.newPage();
      const url = `${extensionOrigin}/${pathAndQuery}`;
      // Never resolves for extension pages in Firefox (no load event over BiDi): started, not awaited.
      page.goto(url).catch(() => undefined);
      // Polled by hand: while the page replaces about:blank, an evaluation may fail with a protocol
      // error (its realm went away), which waitForFunction does not retry.
      await waitFor(`${url} to load in Firefox`, () => page.evaluate((wanted) => location.href === wanted && document.readyState === 'complete', url), Boolean, { timeoutMs: 30_000, intervalMs: 100 });
      return page;
    },
    async close() {
      await browser.close();
      // Firefox may still be writing to its profile for a moment after the connection closed.
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

/**
 * The panel's frame, for selectors: the panel is an extension page in an iframe the page cannot script
 * (issue 14), so every panel step runs in this frame; the only place that knows how the panel is mounted.
 */
export async function panelFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  // The panel is an extension page in an iframe (extension/entrypoints/panel, issue 14); clicks in it
  // count once it has been plainly visible for a moment (its root's data-clickable).
  const deadline = Date.now() + timeoutMs;
  const frame = (await waitFor('the panel frame to appear', () => page.frames().find((f) => /^moz-extension:\/\/[^/]+\/panel\.html/.test(f.url()) && !f.detached), Boolean, { timeoutMs })) as Frame;
  await frame.waitForSelector('html[data-clickable="true"]', { timeout: Math.max(1_000, deadline - Date.now()) });
  return frame;
}

/** A selector for `data-testid`, through any open shadow roots on the way. */
export function byTestId(testId: string): string {
  return `>>> [data-testid="${testId}"]`;
}
