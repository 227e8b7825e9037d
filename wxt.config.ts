import preact from '@preact/preset-vite';
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
 * registration (test/e2e/popup-sites.test.ts maps the name to 127.0.0.1 in Chromium).
 */
const E2E_RUNTIME_SITE = 'http://runtime-site.test/*';

/**
 * The public half of a key pair for the development and e2e builds (the private half is not needed
 * to load an unpacked extension). With a `key`, Chromium derives the extension id from it instead of
 * from the folder the build is loaded from, so the id is the same on every machine:
 * `nfokdgblhifphjofchidanjcngnbfnef`, which the relay allows by default (relay/http/extension-origins.ts).
 * The production build gets its id from the store and carries no key.
 */
const DEV_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1FA4YBdIqRuCx38wPPvyVVv2iKAeTGClNY7ypSwAwXnrWz7D3V5mMjGqTQjm7iKeZmluUhlBUXE/ThK7v2BL9qhPG7H1NpSdvapbWrx+BU5ZG5JeleAmwYBmocWZGgpcqtFCJcziUeS+zqxh9tp7tq0Zp8MN8qlnLSH+oroC3iQYWoUboprAENfNn20KThpzp9Z902oEZa5gpkShxKb9G4BDE8y7l0KvSRfIaikKEV7DdEBITym0jj2Ks6+tdKaeTQzxJOwPvu7jV9ozXGTk0dxux5hN2pbGLNWIa9vrcY4N4kvBkoutxF2sOpaNbUCNnNO0DwCqNSy72bMGHz8EpwIDAQAB';

export default defineConfig({
  srcDir: 'extension',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode, browser }) => ({
    name: 'Ownpost',
    // A stable id for development and e2e builds in Chromium (see DEV_EXTENSION_KEY); Firefox has no `key`.
    ...(mode !== 'production' && browser !== 'firefox' ? { key: DEV_EXTENSION_KEY } : {}),
    description: 'Send invoices from any web invoicing app through your own mailbox.',
    // identity: Google sign-in for a sender (launchWebAuthFlow, extension/entrypoints/options/OAuthSignIn.tsx).
    permissions: ['storage', 'scripting', 'activeTab', 'identity'],
    // The default relay runs on this machine; a relay elsewhere is asked for at connect time.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      manifest.content_scripts ??= [];
      manifest.content_scripts.push({ matches: E2E_PAGE_MATCHES, js: ['content-scripts/invoice.js'], run_at: 'document_idle' });
      manifest.host_permissions = [...(manifest.host_permissions ?? []), E2E_RUNTIME_SITE];
    },
  },
});
