/**
 * What a user does on a whole invoicing app in the end-to-end tests (test/e2e/unseen-apps*.test.ts),
 * and what those tests read back: switch the site on from the popup, take the PDF with the app's own
 * button, send, and what the e2e build read for the button.
 */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { pressSend, tabIdOf, type PairedBrowser } from './paired-browser';
import type { ReceivedMail } from './smtp-server';

/** The popup over `page`'s tab: the site is off, the user switches it on. */
export async function switchSiteOn(setup: PairedBrowser, page: Page): Promise<void> {
  const popup = setup.extensionPage;
  await popup.goto(`chrome-extension://${setup.browser.extensionId}/popup.html?tab=${await tabIdOf(setup, page.url())}`);
  await expect.poll(() => popup.getByTestId('popup-site').getAttribute('data-state'), { timeout: 10_000 }).toBe('off');
  await popup.getByTestId('popup-enable-site').click();
  await expect.poll(() => popup.getByTestId('popup-site').getAttribute('data-state')).toBe('on');
}

export interface FoundOnPage {
  kind: string;
  document: { number?: string; kind?: string; customer?: string; amount?: string; recipient?: string };
}

/** What the e2e build read for the button on the page now (extension/entrypoints/invoice.content/e2e-marks.ts). */
export async function foundOnPage(page: Page): Promise<FoundOnPage> {
  return JSON.parse((await page.locator('html').getAttribute('data-ownpost-e2e-found')) ?? 'null') as FoundOnPage;
}

/** "Take the PDF from the page", then `press` (the app's own buttons, which the panel must leave free), until the panel has the file. */
export async function takeFromPage(panel: Frame, press: () => Promise<void>): Promise<void> {
  await panel.getByTestId('ownpost-capture-start').click();
  await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-state')).toBe('armed');
  await press();
  await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('taken');
  expect(await panel.getByTestId('ownpost-attachment').count()).toBe(1);
}

/** Presses Send in the panel and waits until the relay says the mail went out. */
export async function sendAndWait(panel: Frame): Promise<void> {
  await pressSend(panel);
  await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
}

/** Closes the panel over `page` with its own close button, so the page's controls under it are free again. */
export async function closePanel(page: Page, panel: Frame): Promise<void> {
  if (panel.isDetached()) return;
  const closed = page.waitForEvent('framedetached', { predicate: (frame) => frame === panel, timeout: 10_000 });
  // The frame goes away under the click, which Playwright may then wait on: the frame's going is what counts.
  void panel
    .locator('button.close')
    .first()
    .click({ timeout: 10_000 })
    .catch(() => undefined);
  await closed;
}

/** The PDF attached to a received mail, if any. */
export function pdfOf(mail: ReceivedMail): Buffer | undefined {
  return mail.parsed.attachments.find((a) => a.contentType === 'application/pdf')?.content;
}
