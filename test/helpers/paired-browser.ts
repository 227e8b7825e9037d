import type { Frame, Page } from 'playwright-core';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import type { ExtensionRequest, ExtensionResult } from '../../shared/extension-messages';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from './smtp-server';
import { startTestRelay, testProfile, type TestRelay } from './test-relay';
import { waitFor } from './wait-for';

/** The bits of the extension API the tests call from an extension page (evaluated in Chromium, not here). */
interface ChromeApi {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
  };
}

export const MAILBOX = { address: 'anna@firma.se', password: 'correct horse battery staple' };

export interface PairedBrowser {
  smtp: TestSmtpServer;
  relay: TestRelay;
  relayUrl: string;
  browser: ExtensionBrowser;
  /** The relay user the browser is paired as, with a token for direct API calls. */
  user: { id: string; token: string };
  profileId: string;
  /** An extension page (the popup's document) from which tests talk to the background as the popup would. */
  extensionPage: Page;
  /** A request to the background, from an extension page: validated and answered exactly as the popup's would be. */
  request<R extends ExtensionRequest>(request: R): Promise<ExtensionResult<R['type']>>;
  close(): Promise<void>;
}

/**
 * The parts every in-page end-to-end test needs: a real SMTP server, a relay in this process with a
 * sender profile for it, and Chromium with the e2e build of the extension, paired with the relay
 * through the background's own pairing request (the popup's UI has its own test). `hosts` and `args`
 * go to Chromium (launchWithExtension): names mapped to loopback, more switches.
 */
export async function startPairedBrowser(options: { role?: 'admin' | 'member'; hosts?: Record<string, string>; args?: string[] } = {}): Promise<PairedBrowser> {
  const smtp = await startSmtpServer({ users: { [MAILBOX.address]: MAILBOX.password } });
  const relay = await startTestRelay();
  const relayUrl = await relay.relay.listen();
  const { user, token } = await relay.addUser(MAILBOX.address, options.role ?? 'admin');
  const created = await relay.request('POST', '/v1/profiles', { token, body: testProfile(smtp.port) });
  if (created.status !== 201) throw new Error(`could not create the test profile: ${JSON.stringify(created.body)}`);
  const code = newPairingCode();
  await relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId: user.id, expiresAt: Date.now() + 600_000 });

  const browser = await launchWithExtension({ hosts: options.hosts ?? {}, args: options.args ?? [] });
  const extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const request = <R extends ExtensionRequest>(message: R) =>
    extensionPage.evaluate((m) => (globalThis as unknown as ChromeApi).chrome.runtime.sendMessage(m), message as unknown) as Promise<ExtensionResult<R['type']>>;
  const paired = await request({ type: 'connection.pair', relayUrl, code });
  if (!paired.ok) throw new Error(`pairing failed: ${JSON.stringify(paired.error)}`);

  return {
    smtp,
    relay,
    relayUrl,
    browser,
    user: { id: user.id, token },
    profileId: created.body.id,
    extensionPage,
    request,
    async close() {
      await browser.close();
      await relay.close();
      await smtp.close();
    },
  };
}

/**
 * Resolves once the relay has nothing left to deliver: every message it accepted from this browser's
 * user is sent or failed. A test that counts what the SMTP server got ("exactly once", "nothing for
 * the document left out") counts after this, since a send or retry still to come would be at the relay.
 */
export async function relayDone(setup: PairedBrowser, timeoutMs = 20_000): Promise<{ id: string; status: string }[]> {
  return waitFor(
    'the relay to have delivered everything it accepted',
    async () => (await setup.relay.request('GET', '/v1/messages?limit=200', { token: setup.user.token })).body.messages as { id: string; status: string }[],
    (messages) => messages.every((m) => m.status === 'sent' || m.status === 'failed'),
    { timeoutMs, intervalMs: 50 },
  );
}

/** The panel page's address, under the extension's static or its per-session dynamic id (`use_dynamic_url`). */
const PANEL_FRAME_URL = /^chrome-extension:\/\/[a-z0-9-]+\/panel\.html(?:[?#]|$)/;

/**
 * The panel frame on `page` (issue 14): the send and bulk panels are an extension page in an iframe
 * inside a closed shadow root, which locators cannot enter; the frame is found by its address.
 */
export function panelFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  return waitFor('the panel frame to appear', () => page.frames().find((f) => PANEL_FRAME_URL.test(f.url()) && !f.isDetached()), Boolean, { timeoutMs }) as Promise<Frame>;
}

/**
 * Presses the page's send button and returns the panel frame it opens, once the panel takes clicks:
 * clicks count only after the frame has been plainly visible for a moment (its root's
 * `data-clickable`), as for a person who sees the panel before clicking it.
 */
export async function openPanel(page: Page, options: { timeoutMs?: number } = {}): Promise<Frame> {
  const before = new Set(page.frames());
  await page.getByTestId('ownpost-send').click({ timeout: options.timeoutMs ?? 10_000 });
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const frame = (await waitFor('the panel frame to appear', () => page.frames().find((f) => !before.has(f) && PANEL_FRAME_URL.test(f.url()) && !f.isDetached()), Boolean, {
    timeoutMs: options.timeoutMs ?? 15_000,
  })) as Frame;
  await frame.locator('html[data-clickable="true"]').waitFor({ state: 'attached', timeout: Math.max(1_000, deadline - Date.now()) });
  return frame;
}

/**
 * The panel frame something else opened (the popup's "Send anyway"), once it takes clicks, as
 * `openPanel` waits for it.
 */
export async function clickablePanel(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const frame = await panelFrame(page, timeoutMs);
  await frame.locator('html[data-clickable="true"]').waitFor({ state: 'attached', timeout: timeoutMs });
  return frame;
}

/**
 * Has the panel frame on `page` taken the height of what it shows (the panel reports it through the
 * content script, which sizes the frame within the viewport)? For screenshots of a panel that changed.
 */
export async function frameFitsContent(page: Page, frame: Frame): Promise<boolean> {
  const element = await frame.frameElement();
  const [box, content, viewport] = await Promise.all([element.boundingBox(), frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)), page.evaluate(() => innerHeight)]);
  // panel-frame.ts: at least 80 px, at most the viewport less a margin of 24 px above and below.
  const expected = Math.min(Math.max(80, content), Math.max(120, viewport - 48));
  return box !== null && Math.abs(box.height - expected) < 1;
}

/** Is a panel frame shown on `page` now? */
export function hasPanelFrame(page: Page): boolean {
  return page.frames().some((f) => PANEL_FRAME_URL.test(f.url()) && !f.isDetached());
}

/**
 * What the content script concluded about `page` once it has read it: `none` (the page does not look
 * like a document), or the detector's `no-document`, `document` or `list`, with the button (if any)
 * already shown. From the e2e build's mark on the root element (extension/entrypoints/invoice.content/e2e-marks.ts).
 * A test that checks that no button appears waits for this: a button that was going to come is there
 * by then. The mark is per document: after a reload or a new page, it is the new page's.
 */
export async function pageScanned(page: Page, timeoutMs = 15_000): Promise<string> {
  const root = page.locator('html[data-ownpost-e2e-scan]');
  await root.waitFor({ state: 'attached', timeout: timeoutMs });
  return (await root.getAttribute('data-ownpost-e2e-scan')) ?? '';
}

/** Signs in to the test invoicing app (its HttpOnly session cookie) and opens `path`. */
export async function openSignedIn(page: Page, origin: string, path: string): Promise<void> {
  await page.goto(`${origin}/login?next=${encodeURIComponent(path)}`);
}

/** The tab id of the page at `url`, as the popup would find its current tab. */
export async function tabIdOf(setup: PairedBrowser, url: string): Promise<number> {
  const id = await setup.extensionPage.evaluate(async (wanted) => {
    const tabs = await (globalThis as unknown as ChromeApi).chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** The popup's "Send anyway" for the tab showing `page`: the panel frame, once it takes clicks and shows the panel. */
export async function sendAnyway(setup: PairedBrowser, page: Page): Promise<Frame> {
  const tabId = await tabIdOf(setup, page.url());
  const opened = await setup.request({ type: 'page.sendAnyway', tabId });
  if (!opened.ok) throw new Error(`Send anyway was refused: ${JSON.stringify(opened)}`);
  const panel = await clickablePanel(page);
  await waitFor('the panel to show', () => panel.getByTestId('ownpost-panel').isVisible(), Boolean, { timeoutMs: 10_000 });
  return panel;
}

/**
 * Presses Send as a person does, once the panel takes clicks: a panel that was resized or moved (a
 * capture's aside, then back) takes clicks again only after it has been plainly visible for a moment
 * (its root's `data-clickable`), and a press before that is refused; on a busy machine that moment
 * can come after the test's next step.
 */
export async function pressSend(panel: Frame): Promise<void> {
  for (let press = 1; ; press++) {
    await panel.locator('html[data-clickable="true"]').waitFor({ state: 'attached', timeout: 15_000 });
    await panel.getByTestId('ownpost-submit').click();
    // The frame's mark can lag the guard by a moment (the tab just came to the front, the browser's
    // visibility report still on its way): the panel then says the press did not count, and a person
    // presses again once it does. A press that counts takes the note away (panel/main.tsx).
    if (press === 3 || (await panel.getByTestId('ownpost-click-refused').count()) === 0) return;
  }
}

/** Sends the panel's message to `to` and waits until the panel says sent; resolves with the mail the test server got for it. */
export async function sendFromPanel(setup: PairedBrowser, panel: Frame, to = 'ap@beta.example'): Promise<ReceivedMail> {
  const before = setup.smtp.received.length;
  await panel.getByTestId('ownpost-to').fill(to);
  await pressSend(panel);
  await waitFor(
    'the panel to say sent',
    () => panel.getByTestId('ownpost-status').getAttribute('data-state'),
    (state) => state === 'sent',
    { timeoutMs: 20_000 },
  );
  return (await setup.smtp.waitForMessages(before + 1))[before]!;
}

/** Form controls and links without an accessible name (a label, their text, aria-label or aria-labelledby), as HTML. */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.locator('input:not([type="hidden"]), select, textarea, button, a[href]').evaluateAll((elements) =>
    elements
      .filter((element) => {
        const control = element as HTMLInputElement;
        const named = control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
        if (control.tagName === 'BUTTON' || control.tagName === 'A') return !(control.textContent?.trim() || named);
        return !(control.labels?.length || named);
      })
      .map((element) => element.outerHTML.slice(0, 160)),
  );
}

/**
 * One more Chromium with the e2e build, paired with `setup`'s relay as another user (a colleague on
 * their own computer): nothing in its extension's storage but the pairing, so what it knows of the
 * company's customers can only have come through the relay. It shares `setup`'s SMTP server.
 */
export async function pairAnotherBrowser(setup: PairedBrowser, email: string, options: { role?: 'admin' | 'member'; hosts?: Record<string, string>; args?: string[] } = {}): Promise<PairedBrowser> {
  const { user, token } = await setup.relay.addUser(email, options.role ?? 'member');
  const code = newPairingCode();
  await setup.relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId: user.id, expiresAt: Date.now() + 600_000 });
  const browser = await launchWithExtension({ hosts: options.hosts ?? {}, args: options.args ?? [] });
  const extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const request = <R extends ExtensionRequest>(message: R) =>
    extensionPage.evaluate((m) => (globalThis as unknown as ChromeApi).chrome.runtime.sendMessage(m), message as unknown) as Promise<ExtensionResult<R['type']>>;
  const paired = await request({ type: 'connection.pair', relayUrl: setup.relayUrl, code });
  if (!paired.ok) throw new Error(`pairing failed: ${JSON.stringify(paired.error)}`);
  return { ...setup, browser, user: { id: user.id, token }, extensionPage, request, close: () => browser.close() };
}
