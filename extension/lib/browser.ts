/**
 * The one import of the browser API: webextension-polyfill gives promise-based `browser.*` in
 * Chromium too. Unit tests replace this module with WXT's fakeBrowser (vitest.config.ts).
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
