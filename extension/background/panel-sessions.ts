/**
 * The panel frame's sessions (issue 14). The send panel runs in an extension-origin iframe
 * (extension/entrypoints/panel) that the page cannot script; the page-side content script only shows
 * the button and the frame's container. The background is the go-between:
 *
 * 1. The content script asks `panel.open` with the page's data (validated, shared/extension-messages.ts)
 *    and gets a one-time token, which it puts in the frame's address (in a closed shadow root).
 * 2. The frame connects a port and claims the token: only once, only from our panel page, only in
 *    the same tab, only within a minute. It gets the page's data; a page that embeds panel.html on
 *    its own has no token and gets nothing.
 * 3. The content script reports whether the page lets the frame be seen (`panel.visibility`); the
 *    background passes it on, and the frame honours clicks only while it is seen (panel/click-guard.ts).
 *    The frame asks the content script, through here, to resize or close it.
 * 4. "Take the PDF from the page" (issue 16 item 3): the frame asks for a capture after the user's
 *    click (`capture.start`); the background injects the capture script into the content script's
 *    frame and tells it to listen; the content script may then have the main-world hook installed
 *    (`capture.arm`, once) and reports the outcome (`capture.result`), which goes to the frame. None of
 *    it passes through the page's DOM, and a content script's capture requests are refused while its
 *    panel frame has no capture running.
 */
import type { CaptureOutcomeMessage, PanelView, TabCommand } from '../../shared/extension-messages';
import { MAX_DOCUMENT_BYTES } from '../../shared/document-limits';
import { CAPTURE_ARMED_MS } from '../capture/page-capture';
import type { Language } from '../i18n/core';
import { browser, type Runtime } from '../lib/browser';
import { currentLanguage } from '../lib/settings-items';
import { RelayError } from './relay-error';

export const PANEL_PORT_NAME = 'ownpost-panel';
export const PANEL_PAGE_PATH = '/panel.html';

/** A token not claimed by then is void: the frame loads at once, so a late claim is not our frame's. */
const CLAIM_WITHIN_MS = 60_000;
/** Sessions per tab frame: one panel at a time (opening another closes the first). */
const MAX_SESSIONS = 200;

/** From the frame to the background, over its port. */
export type FrameMessage =
  | { type: 'claim'; token: string }
  | { type: 'close' }
  /** `aside`: the panel shows only a capture that listens, and its frame should leave the page's controls free. */
  | { type: 'resize'; height: number; aside?: boolean }
  /** Sent while the panel is open: a message on the port keeps Chromium's service worker, and so the session, alive. */
  | { type: 'ping' }
  /** The user armed a capture in the frame; with `press`, the recipe's PDF button is pressed for them. */
  | { type: 'capture.start'; press: boolean }
  | { type: 'capture.cancel' };

/** From the background to the frame. */
export type FrameUpdate =
  | { type: 'session'; view: PanelView; language: Language; pageUrl: string }
  | { type: 'visibility'; visible: boolean }
  /** No such session (used, expired, or the background restarted): the frame says so and offers to close. */
  | { type: 'expired' }
  /** The capture listens in the page now (its main-world hook is in): the app's button may be pressed. */
  | { type: 'capture.armed' }
  /** What the capture the frame started gave. */
  | { type: 'capture'; outcome: CaptureOutcomeMessage };

export interface PanelSession {
  tabId: number;
  hostFrameId: number;
  view: PanelView;
  language: Language;
  pageUrl: string;
  createdAt: number;
  visible: boolean;
  port?: Runtime.Port;
  /** A capture the frame started: until its outcome, a cancel, or its time is up. */
  capture?: { startedAt: number; hooked: boolean };
}

export type RunningCapture = PanelSession & { capture: NonNullable<PanelSession['capture']> };

/** Tells the frame its capture listens in the page now. */
export function captureListening(session: RunningCapture): void {
  session.port?.postMessage({ type: 'capture.armed' } satisfies FrameUpdate);
}

/** Tells the capture script of the session's frame about a frame of the page that is loading `url`. */
export function tellCaptureFrame(session: PanelSession, url: string): void {
  for (const [token, candidate] of sessions) if (candidate === session) tellHost(session, { type: 'ownpost.capture.frame', token, url });
}

/** The capture script (entrypoints/page-capture.content.ts), injected into the page's frame only when the user arms a capture. */
export const CAPTURE_SCRIPT_FILE = '/content-scripts/page-capture.js';
/** A capture the content script never reports on is over a little after the content script's own limit. */
const CAPTURE_GRACE_MS = 10_000;

const sessions = new Map<string, PanelSession>();

/** 32 random bytes as hex: `getRandomValues` exists everywhere, unlike `randomUUID` (issue 16). */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function tellHost(session: PanelSession, command: TabCommand): void {
  // Best effort: the tab may be gone already, and then so is the container.
  Promise.resolve()
    .then(() => browser.tabs.sendMessage(session.tabId, command, { frameId: session.hostFrameId }))
    .catch(() => undefined);
}

function endSession(token: string, options: { closeHost: boolean }): void {
  const session = sessions.get(token);
  if (!session) return;
  sessions.delete(token);
  if (options.closeHost) tellHost(session, { type: 'ownpost.panel.close', token });
  try {
    session.port?.disconnect();
  } catch {
    // Already gone.
  }
}

/** A content script opens the panel for what its page shows; the token goes into the frame's address. */
export async function openPanelSession(view: PanelView, sender: Runtime.MessageSender): Promise<{ token: string }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new RelayError({ code: 'bad_request', message: 'Only a page can open the panel.' });
  const hostFrameId = sender.frameId ?? 0;
  for (const [token, session] of sessions) {
    if (session.tabId === tabId && session.hostFrameId === hostFrameId) endSession(token, { closeHost: false });
  }
  if (sessions.size >= MAX_SESSIONS) endSession(sessions.keys().next().value!, { closeHost: true });
  const token = randomToken();
  sessions.set(token, { tabId, hostFrameId, view, language: await currentLanguage(), pageUrl: sender.tab?.url ?? '', createdAt: Date.now(), visible: false });
  return { token };
}

/**
 * The address of the page a panel frame was opened for, for a request from that frame: the page the user
 * saw and confirmed, even where the page has moved on since (a router's pushState as the user clicked
 * Send). Undefined for any other sender.
 */
export function panelPageUrl(sender: Runtime.MessageSender): string | undefined {
  if (sender.tab?.id === undefined) return undefined;
  for (const session of sessions.values()) {
    const frame = session.port?.sender;
    if (frame && frame.tab?.id === sender.tab.id && frame.frameId === sender.frameId && frame.url === sender.url) return session.pageUrl || undefined;
  }
  return undefined;
}

/** The content script's verdict on whether the page lets the frame be seen, passed on to the frame. */
export function reportPanelVisibility(token: string, visible: boolean, sender: Runtime.MessageSender): { delivered: boolean } {
  const session = sessions.get(token);
  // Only the content script that opened the session speaks for its frame.
  if (!session || session.tabId !== sender.tab?.id || session.hostFrameId !== (sender.frameId ?? 0)) {
    throw new RelayError({ code: 'bad_request', message: 'There is no such panel.' });
  }
  session.visible = visible;
  if (!session.port) return { delivered: false };
  session.port.postMessage({ type: 'visibility', visible } satisfies FrameUpdate);
  return { delivered: true };
}

/**
 * The session whose capture the content script at `sender` runs, or a refusal: its `capture.*`
 * requests count only while its panel frame has a capture running, started by the user there.
 */
export function runningCapture(sender: Runtime.MessageSender): RunningCapture {
  for (const session of sessions.values()) {
    if (session.tabId !== sender.tab?.id || session.hostFrameId !== (sender.frameId ?? 0) || !session.capture) continue;
    if (Date.now() - session.capture.startedAt > CAPTURE_ARMED_MS + CAPTURE_GRACE_MS) {
      session.capture = undefined;
      continue;
    }
    return session as RunningCapture;
  }
  throw new RelayError({ code: 'bad_request', message: 'No capture was started in the panel.' });
}

/** The bytes a base64 text stands for, without decoding all of it. */
function base64Length(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

/**
 * The content script's outcome for the frame's capture. A file is checked again here (the page made
 * it): its first bytes say `%PDF-` and it is at most 25 MB, else the frame hears why it was refused.
 */
export function deliverCaptureResult(token: string, outcome: CaptureOutcomeMessage, sender: Runtime.MessageSender): { delivered: boolean } {
  const session = sessions.get(token);
  if (!session || session.tabId !== sender.tab?.id || session.hostFrameId !== (sender.frameId ?? 0)) {
    throw new RelayError({ code: 'bad_request', message: 'There is no such panel.' });
  }
  // Cancelled (or already answered): the first outcome is the only one.
  if (!session.capture || !session.port) return { delivered: false };
  session.capture = undefined;
  let checked = outcome;
  if (outcome.ok) {
    const size = base64Length(outcome.file.contentBase64);
    let head = '';
    try {
      head = atob(outcome.file.contentBase64.slice(0, 8));
    } catch {
      // Not base64: not a PDF either.
    }
    if (size > MAX_DOCUMENT_BYTES) checked = { ok: false, reason: 'too_large' };
    else if (!head.startsWith('%PDF-') || size !== outcome.file.size) checked = { ok: false, reason: 'not_pdf' };
  }
  session.port.postMessage({ type: 'capture', outcome: checked } satisfies FrameUpdate);
  return { delivered: true };
}

/** The frame's "take the PDF from the page": the capture script goes into the content script's frame, which then listens. */
async function startCapture(session: PanelSession, token: string, press: boolean): Promise<void> {
  session.capture = { startedAt: Date.now(), hooked: false };
  const started = session.capture;
  try {
    await browser.scripting.executeScript({ target: { tabId: session.tabId, frameIds: [session.hostFrameId] }, files: [CAPTURE_SCRIPT_FILE] });
    tellHost(session, { type: 'ownpost.capture.start', token, press });
  } catch (error) {
    if (session.capture !== started) return;
    session.capture = undefined;
    session.port?.postMessage({ type: 'capture', outcome: { ok: false, reason: 'failed', message: (error as Error).message || String(error) } } satisfies FrameUpdate);
  }
}

/** Is the port's other end our panel page (by its address, which the browser sets), in a tab? */
function isPanelFrame(sender: Runtime.MessageSender | undefined): boolean {
  if (!sender || sender.id !== browser.runtime.id || !sender.url || sender.tab?.id === undefined) return false;
  try {
    const url = new URL(sender.url);
    return /^(chrome|moz)-extension:$/.test(url.protocol) && url.pathname === PANEL_PAGE_PATH;
  } catch {
    return false;
  }
}

/** A port from a panel frame: it claims its session, then may ask to be resized or closed. */
export function acceptPanelPort(port: Runtime.Port): void {
  if (port.name !== PANEL_PORT_NAME) return;
  let token: string | undefined;
  port.onMessage.addListener((raw: unknown) => {
    const message = raw as FrameMessage | undefined;
    if (token === undefined) {
      const session = message?.type === 'claim' && typeof message.token === 'string' ? sessions.get(message.token) : undefined;
      const claimable = session && !session.port && isPanelFrame(port.sender) && port.sender?.tab?.id === session.tabId && Date.now() - session.createdAt < CLAIM_WITHIN_MS;
      if (!claimable) {
        // A second claim means someone else had the token: the panel closes rather than serve two frames.
        if (session?.port && message?.type === 'claim') endSession(message.token, { closeHost: true });
        port.postMessage({ type: 'expired' } satisfies FrameUpdate);
        return;
      }
      token = (message as { token: string }).token;
      session.port = port;
      tellHost(session, { type: 'ownpost.panel.ready', token });
      port.postMessage({ type: 'session', view: session.view, language: session.language, pageUrl: session.pageUrl } satisfies FrameUpdate);
      port.postMessage({ type: 'visibility', visible: session.visible } satisfies FrameUpdate);
      return;
    }
    const session = sessions.get(token);
    if (!session || !message) return;
    if (message.type === 'close') endSession(token, { closeHost: true });
    else if (message.type === 'capture.start') void startCapture(session, token, message.press === true);
    else if (message.type === 'capture.cancel') {
      session.capture = undefined;
      tellHost(session, { type: 'ownpost.capture.cancel', token });
    } else if (message.type === 'resize' && typeof message.height === 'number' && Number.isFinite(message.height)) {
      tellHost(session, { type: 'ownpost.panel.resize', token, height: Math.max(0, Math.min(Math.round(message.height), 10_000)), aside: message.aside === true });
    }
  });
  port.onDisconnect.addListener(() => {
    // The frame went away (closed, navigated by the page, the tab closed): so does its container.
    if (token !== undefined) endSession(token, { closeHost: true });
  });
}
