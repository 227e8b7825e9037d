/**
 * The README's pictures of the UI, taken by the end-to-end tests in real Chromium. Every picture is
 * also a check: the page does not scroll sideways (a vertical scrollbar, as a popup taller than the
 * browser allows gets, must not push the content past the edge).
 */
import { mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const PICTURES_DIR = 'docs/screenshots';

/**
 * Saves `docs/screenshots/<name>.png`. `wholePage`: the window is made as tall as the page first (and
 * set back after), so that sticky bars sit where they belong and no scrollbar shows, as Chromium sizes
 * a real popup to its content.
 */
export async function takePicture(page: Page, name: string, { wholePage = false } = {}): Promise<void> {
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scrollWidth, `${name} scrolls sideways`).toBeLessThanOrEqual(clientWidth!);
  const viewport = page.viewportSize()!;
  if (wholePage) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  mkdirSync(PICTURES_DIR, { recursive: true });
  await page.screenshot({ path: `${PICTURES_DIR}/${name}.png` });
  if (wholePage) await page.setViewportSize(viewport);
}
