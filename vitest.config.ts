import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three projects so a developer can run one layer at a time (`vitest run --project relay`).
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        // Extension code under test runs against WXT's in-memory fakeBrowser. WxtVitest swaps `wxt/browser`
        // for it; extension/lib/browser.ts imports webextension-polyfill, which throws outside an
        // extension, so that import gets the same fakeBrowser.
        plugins: [WxtVitest()],
        resolve: { alias: { 'webextension-polyfill': fileURLToPath(new URL('node_modules/wxt/dist/virtual/mock-browser.mjs', import.meta.url)) } },
        test: { name: 'extension', include: ['test/extension/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        test: { name: 'relay', include: ['test/relay/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 30_000 },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
