import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * Origins the e2e build injects into without asking: the pages that tests serve on loopback.
 * The production build injects only into sites the user enables (runtime registration, see
 * extension/lib/site-registration.ts).
 */
const E2E_PAGE_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * A site the e2e build may reach without the permission prompt (which a test cannot answer) but
 * does not inject into: switching Ownpost on for it goes through the production path, runtime
 * registration (test/e2e/popup-sites.test.ts maps the name to 127.0.0.1 in Chromium). Also over
 * https, as test/e2e/firefox-send-invoice.test.ts serves it in Firefox.
 */
const E2E_RUNTIME_SITES = ['http://runtime-site.test/*', 'https://runtime-site.test/*'];

/**
 * The hosts of the detection corpus (test/fixtures/pages), which the e2e build injects into like loopback
 * pages: test/e2e/detection-corpus-chromium.test.ts serves every fixture at its own address (Chromium
 * resolves these names to 127.0.0.1) and reads it as a user's enabled site would be read; the detector
 * looks at the host (a site's own addresses, `invoice.…` hosts). Read from the fixtures' stated addresses,
 * so that a new fixture's host is never left out. No real site lives under these names.
 */
function corpusMatches(): string[] {
  const corpus = path.join(import.meta.dirname, 'test/fixtures/pages');
  const hosts = new Set<string>();
  for (const folder of readdirSync(corpus)) {
    for (const file of readdirSync(path.join(corpus, folder)).filter((name) => name.endsWith('.html'))) {
      const url = /"url"\s*:\s*"(https:\/\/[^/"]+)/.exec(readFileSync(path.join(corpus, folder, file), 'utf8'))?.[1];
      if (url) hosts.add(new URL(url).hostname);
    }
  }
  return [...hosts].sort().map((host) => `https://${host}/*`);
}

/**
 * Firefox's add-on id. Fixed, so that an update replaces the installed add-on, the store listing keeps
 * its id, and tests can give the extension a known `moz-extension://` origin
 * (pref `extensions.webextensions.uuids`, test/helpers/firefox.ts).
 */
const GECKO_ID = 'ownpost@ownpost.dev';

/**
 * What Firefox tells the user at install (https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/):
 * the extension sends the mailbox sign-ins the user types (authenticationInfo), e-mail addresses and names
 * (personallyIdentifyingInfo), the messages themselves (personalCommunications) and the invoice PDFs it
 * reads from the page (websiteContent). They go only to the relay the user connects to, but that is
 * outside the extension, which is what the consent is about.
 */
const FIREFOX_DATA_COLLECTION = {
  required: ['authenticationInfo', 'personallyIdentifyingInfo', 'personalCommunications', 'websiteContent'],
} as const;

/**
 * An on-premises app on a LAN name over plain HTTP (issue 16: nothing may depend on a secure context),
 * switched on the production way like the site above (test/e2e/page-plain-http.test.ts).
 */
const E2E_LAN_SITE = 'http://erp.local/*';

/**
 * The panel (extension/entrypoints/panel) is an extension page the content script shows in an
 * iframe, so the page's scripts can neither read nor script it (issue 14). An iframe a content script
 * adds counts as the page's own, so the page must be web accessible. The manifest cannot name the
 * sites a user enables at run time, so `matches` covers every web page Ownpost could be enabled on;
 * what keeps other pages out: Chromium's `use_dynamic_url` (the address changes every session, so a
 * page cannot guess it or detect the extension), and the frame shows nothing without a one-time
 * token from our content script on an enabled site (extension/background/panel-sessions.ts).
 */
const PANEL_RESOURCE = { resources: ['panel.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true };

/**
 * Chromium: the detector, which the page script imports as a module where the page must be read in the
 * page itself, so that Chromium compiles it off the page's main thread
 * (extension/entrypoints/invoice.content/detector-contract.ts, issue 18). A module import from a content
 * script is a request like a page's, so the file must be web accessible; the same dynamic address keeps
 * pages from finding it. It holds no secret: the detector's code. Firefox has the background inject it
 * instead.
 */
const DETECTOR_RESOURCE = { resources: ['content-scripts/page-detector.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true };

/**
 * The public half of a key pair for the development and e2e builds (the private half is not needed
 * to load an unpacked extension). With a `key`, Chromium derives the extension id from it instead of
 * from the folder the build is loaded from, so the id is the same on every machine:
 * `nfokdgblhifphjofchidanjcngnbfnef`, which the relay allows by default (relay/http/extension-origins.ts).
 * The production build gets its id from the store and carries no key.
 */
const DEV_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1FA4YBdIqRuCx38wPPvyVVv2iKAeTGClNY7ypSwAwXnrWz7D3V5mMjGqTQjm7iKeZmluUhlBUXE/ThK7v2BL9qhPG7H1NpSdvapbWrx+BU5ZG5JeleAmwYBmocWZGgpcqtFCJcziUeS+zqxh9tp7tq0Zp8MN8qlnLSH+oroC3iQYWoUboprAENfNn20KThpzp9Z902oEZa5gpkShxKb9G4BDE8y7l0KvSRfIaikKEV7DdEBITym0jj2Ks6+tdKaeTQzxJOwPvu7jV9ozXGTk0dxux5hN2pbGLNWIa9vrcY4N4kvBkoutxF2sOpaNbUCNnNO0DwCqNSy72bMGHz8EpwIDAQAB';

/**
 * V8's compile hint for the detector (https://v8.dev/blog/explicit-compile-hints): compile every
 * function with the file, not each on its first call. Chromium compiles the imported module on
 * another thread while it loads it (DETECTOR_RESOURCE), so the page's main thread does not compile,
 * one by one, the functions a reading of the page calls (issue 18: on the page script, when it was a
 * module of its own, 2.3 to 2.8 ms less per invoice page load in three A/B runs; the same hint on an
 * injected file, compiled on the main thread, cost more than it saved). The comment must open the
 * file after minification: hence the last build step.
 */
function detectorCompileHint(): Plugin {
  return {
    name: 'ownpost-detector-compile-hint',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && DETECTOR_RESOURCE.resources.includes(output.fileName)) output.code = `//# allFunctionsCalledOnLoad\n${output.code}`;
      }
    },
  };
}

/**
 * Every content script of the extension gets a context of its own in place of WXT's
 * (invoice.content/page-context.ts). WXT's announced each script's start to the page, a `CustomEvent`
 * on the document named after the extension's id (and, unless told otherwise, a window message the
 * page reads), and stopped itself when it heard that event again: a page that knows the published id
 * could stop the button, the picker or a PDF capture with one forged event, and every enabled page paid
 * for the event and its listener at start (issue 18). WXT builds each content script on its own: the
 * alias goes into each of their builds.
 */
function lightContentScriptContext(entrypoints: readonly { type: string }[], config: { resolve?: { alias?: unknown } }): void {
  if (!entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) return;
  const light = { find: /^wxt\/utils\/content-script-context$/, replacement: path.resolve(import.meta.dirname, 'extension/entrypoints/invoice.content/page-context.ts') };
  const alias = config.resolve?.alias;
  const aliases = Array.isArray(alias) ? alias : Object.entries((alias ?? {}) as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
  config.resolve = { ...config.resolve, alias: [light, ...aliases] };
}

export default defineConfig({
  srcDir: 'extension',
  // MV3 for Firefox too: WXT's MV2 default drops optional_host_permissions, so "Use Ownpost on this site"
  // and a relay on another machine could never be granted there (issue 20).
  manifestVersion: 3,
  vite: () => ({ plugins: [preact(), detectorCompileHint()] }),
  zip: {
    // AMO rebuilds the extension from this: the extension, the contract it imports and the build files.
    // The relay, the tests and the screenshots are not part of the add-on.
    excludeSources: ['relay/**', 'test/**', 'docs/**', 'dist/**', '*.tgz'],
  },
  manifest: ({ mode, browser }) => ({
    name: 'Ownpost',
    // A stable id for development and e2e builds in Chromium (see DEV_EXTENSION_KEY); Firefox has no `key`.
    ...(mode !== 'production' && browser !== 'firefox' ? { key: DEV_EXTENSION_KEY } : {}),
    description: 'Send invoices from any web invoicing app through your own mailbox.',
    // identity: Google sign-in for a sender (launchWebAuthFlow, extension/entrypoints/options/OAuthSignIn.tsx).
    // webRequest: observing only, to read where a document link redirects before following it
    // (extension/background/redirect-location.ts, issue 14); it sees only hosts we have permission for.
    // offscreen (Chromium): a document with a DOM where the detector reads copies of pages, off their main
    // thread (extension/background/page-detection.ts, issue 18); Firefox's background page has a DOM itself.
    permissions: ['storage', 'scripting', 'activeTab', 'identity', 'webRequest', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // The default relay runs on this machine; a relay elsewhere is asked for at connect time.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140: the first Firefox with the built-in data collection consent (older ones refuse the key).
            gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: FIREFOX_DATA_COLLECTION },
            // Firefox for Android has the consent from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    // Firefox's default CSP for an MV3 extension's pages ends in `upgrade-insecure-requests`: every request
    // the background makes to a host other than loopback goes out as https, so an app on a LAN name over
    // plain HTTP (`http://erp.local:8080`, issue 16 item 1) never got its PDF fetched, and a relay on
    // `http://relay.lan` was never reached. The same policy without the upgrade (Chromium's default):
    // the address the user's app or relay has is the one asked.
    ...(browser === 'firefox' ? { content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" } } : {}),
    // Firefox does not know use_dynamic_url; there the panel's one-time token is what keeps other pages out.
    web_accessible_resources: browser === 'firefox' ? [{ resources: PANEL_RESOURCE.resources, matches: PANEL_RESOURCE.matches }] : [PANEL_RESOURCE, DETECTOR_RESOURCE],
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => lightContentScriptContext(entrypoints, config),
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      manifest.content_scripts ??= [];
      const corpus = corpusMatches();
      manifest.content_scripts.push({ matches: [...E2E_PAGE_MATCHES, ...corpus], js: ['content-scripts/invoice.js'], run_at: 'document_idle' });
      // The corpus hosts as an enabled site has them: the background injects the page script there (scripting needs the host).
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...E2E_RUNTIME_SITES, E2E_LAN_SITE, ...corpus];
    },
  },
});
