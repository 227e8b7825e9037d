/**
 * The panel frame's sessions (issue 14): the one-time token that gives the frame its page's data.
 * A page that frames Ownpost's panel page itself, guesses or replays a token, or speaks for a frame
 * it did not open, gets nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { acceptPanelPort, openPanelSession, PANEL_PORT_NAME, panelPageUrl, reportPanelVisibility, type FrameUpdate } from '../../extension/background/panel-sessions';
import type { PanelView } from '../../shared/extension-messages';

const PAGE = 'http://erp.local:8080/invoices/42';
const VIEW: PanelView = { kind: 'document', document: { number: '42', recipients: ['kund@exempel.se'], pdfUrl: `${PAGE}/pdf` } };
const CONTENT_SCRIPT: Runtime.MessageSender = { id: 'test-extension-id', url: PAGE, frameId: 0, tab: { id: 7, url: PAGE } as never };
const PANEL_PAGE = 'chrome-extension://test-extension-id/panel.html';

/** A port as the background sees one: what it was sent, and a way to speak on the frame's side. */
function framePort(sender: Runtime.MessageSender) {
  let onMessage: (message: unknown) => void = () => undefined;
  let onDisconnect: () => void = () => undefined;
  const port = {
    name: PANEL_PORT_NAME,
    sender,
    received: [] as FrameUpdate[],
    disconnected: false,
    postMessage: (message: FrameUpdate) => void port.received.push(message),
    disconnect: () => void (port.disconnected = true),
    onMessage: { addListener: (listener: typeof onMessage) => void (onMessage = listener) },
    onDisconnect: { addListener: (listener: typeof onDisconnect) => void (onDisconnect = listener) },
    say: (message: unknown) => onMessage(message),
    goAway: () => onDisconnect(),
  };
  acceptPanelPort(port as unknown as Runtime.Port);
  return port;
}

const inTab = (tabId: number, url = PANEL_PAGE): Runtime.MessageSender => ({ id: 'test-extension-id', url, frameId: 5, tab: { id: tabId, url: PAGE } as never });

beforeEach(() => fakeBrowser.reset());

describe('the panel frame’s one-time token', () => {
  it('gives the page’s data to our panel page in the same tab, once', async () => {
    const { token } = await openPanelSession(VIEW, CONTENT_SCRIPT);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const frame = framePort(inTab(7));
    frame.say({ type: 'claim', token });
    expect(frame.received).toEqual([
      { type: 'session', view: VIEW, language: expect.any(String), pageUrl: PAGE },
      { type: 'visibility', visible: false },
    ]);
  });

  it('framing attack: a page that shows Ownpost’s panel page in a frame of its own, with a made-up token, gets nothing', () => {
    const frame = framePort(inTab(7));
    frame.say({ type: 'claim', token: 'f'.repeat(64) });
    expect(frame.received).toEqual([{ type: 'expired' }]);
  });

  it('token replay: a second claim gets nothing and closes the panel, so two frames never share a session', async () => {
    const { token } = await openPanelSession(VIEW, CONTENT_SCRIPT);
    const ours = framePort(inTab(7));
    ours.say({ type: 'claim', token });
    const theirs = framePort(inTab(7));
    theirs.say({ type: 'claim', token });
    expect(theirs.received).toEqual([{ type: 'expired' }]);
    expect(ours.disconnected).toBe(true);
  });

  it('is not claimed from another tab, or by anything but our panel page', async () => {
    const { token } = await openPanelSession(VIEW, CONTENT_SCRIPT);
    const otherTab = framePort(inTab(8));
    otherTab.say({ type: 'claim', token });
    const otherPage = framePort(inTab(7, 'chrome-extension://test-extension-id/options.html'));
    otherPage.say({ type: 'claim', token });
    const webPage = framePort(inTab(7, 'http://evil.example/panel.html'));
    webPage.say({ type: 'claim', token });
    for (const port of [otherTab, otherPage, webPage]) expect(port.received).toEqual([{ type: 'expired' }]);
    // Still there for its own frame.
    const ours = framePort(inTab(7));
    ours.say({ type: 'claim', token });
    expect(ours.received[0]).toMatchObject({ type: 'session' });
  });

  it('takes visibility reports only from the content script that opened the panel', async () => {
    const { token } = await openPanelSession(VIEW, CONTENT_SCRIPT);
    const frame = framePort(inTab(7));
    frame.say({ type: 'claim', token });
    expect(() => reportPanelVisibility(token, true, { ...CONTENT_SCRIPT, frameId: 2 })).toThrow();
    expect(() => reportPanelVisibility(token, true, { ...CONTENT_SCRIPT, tab: { id: 9, url: PAGE } as never })).toThrow();
    expect(reportPanelVisibility(token, true, CONTENT_SCRIPT)).toEqual({ delivered: true });
    expect(frame.received.at(-1)).toEqual({ type: 'visibility', visible: true });
  });

  it('ends with its frame: a token whose frame went away cannot be claimed again', async () => {
    const { token } = await openPanelSession(VIEW, CONTENT_SCRIPT);
    const frame = framePort(inTab(7));
    frame.say({ type: 'claim', token });
    frame.goAway();
    const again = framePort(inTab(7));
    again.say({ type: 'claim', token });
    expect(again.received).toEqual([{ type: 'expired' }]);
  });
});

describe('the page a send is for', () => {
  it('is the page the panel opened for, even after the page moved on (a pushState as the user clicked Send), and only for that panel’s frame', async () => {
    const { token } = await openPanelSession(VIEW, CONTENT_SCRIPT);
    const moved = { ...inTab(7), tab: { id: 7, url: `${PAGE}?invoice=9999` } as never };
    expect(panelPageUrl(moved)).toBeUndefined();
    framePort(inTab(7)).say({ type: 'claim', token });
    expect(panelPageUrl(moved)).toBe(PAGE);
    // Not for the content script, another frame or another tab.
    expect(panelPageUrl(CONTENT_SCRIPT)).toBeUndefined();
    expect(panelPageUrl({ ...moved, frameId: 6 })).toBeUndefined();
    expect(panelPageUrl({ ...moved, tab: { id: 8, url: PAGE } as never })).toBeUndefined();
  });
});
