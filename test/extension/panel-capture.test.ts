/**
 * "Take the PDF from the page" across the panel frame (issues 14, 16 item 3): the frame starts a
 * capture after the user's click, the content script of the page's frame listens and reports, the
 * background passes the outcome on. A content script (or anything speaking for one) cannot arm the
 * page hook, fetch a files host or hand the panel a file unless the frame started a capture; the hook
 * goes into the page's frame, never the panel's; only the first outcome counts, and only a `%PDF-`
 * file of at most 25 MB reaches the frame as a file.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { armCapture, fetchCapturedFile } from '../../extension/background/capture-requests';
import { acceptPanelPort, CAPTURE_SCRIPT_FILE, deliverCaptureResult, openPanelSession, PANEL_PORT_NAME, type FrameUpdate } from '../../extension/background/panel-sessions';
import type { CaptureOutcomeMessage, PanelView } from '../../shared/extension-messages';
import { MAX_DOCUMENT_BYTES } from '../../shared/document-limits';
import { viewerDocumentUrl } from '../../extension/capture/page-capture';
import { installFakeExtensionApis } from './fake-extension-apis';

const PAGE = 'http://erp.local:8080/invoices/42';
const VIEW: PanelView = { kind: 'document', document: { number: '42', recipients: [] } };
const CONTENT_SCRIPT: Runtime.MessageSender = { id: 'test-extension-id', url: PAGE, frameId: 0, tab: { id: 7, url: PAGE } as never };
const PANEL_FRAME: Runtime.MessageSender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/panel.html', frameId: 5, tab: { id: 7, url: PAGE } as never };
const NONCE = 'a'.repeat(32);
const PDF_BASE64 = Buffer.from('%PDF-1.7 made by the app').toString('base64');
const file = (contentBase64: string, size: number): CaptureOutcomeMessage => ({
  ok: true,
  file: { filename: 'INV-42.pdf', contentType: 'application/pdf', contentBase64, size, route: 'blob' },
});

let executeScript: ReturnType<typeof vi.fn>;
let sendMessage: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  executeScript = vi.fn(async () => []);
  (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
  sendMessage = vi.fn(async () => undefined);
  fakeBrowser.tabs.sendMessage = sendMessage as never;
});

/** A claimed panel frame: what the background sent it, and a way to speak for it. */
async function openFrame() {
  const { token } = await openPanelSession(VIEW, CONTENT_SCRIPT);
  let onMessage: (message: unknown) => void = () => undefined;
  const received: FrameUpdate[] = [];
  const port = {
    name: PANEL_PORT_NAME,
    sender: PANEL_FRAME,
    postMessage: (message: FrameUpdate) => void received.push(message),
    disconnect: () => undefined,
    onMessage: { addListener: (listener: typeof onMessage) => void (onMessage = listener) },
    onDisconnect: { addListener: () => undefined },
  };
  acceptPanelPort(port as unknown as Runtime.Port);
  onMessage({ type: 'claim', token });
  received.length = 0;
  return { token, received, say: (message: unknown) => onMessage(message) };
}

/** One macrotask: the handlers' promise chains (no timers of their own) have run by then. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a capture the panel frame starts', () => {
  it('capture without a click in the panel: the content script may not arm the hook, fetch a files host or hand the panel a file', async () => {
    const frame = await openFrame();
    await expect(armCapture(NONCE, CONTENT_SCRIPT)).rejects.toThrow(/No capture/);
    await expect(fetchCapturedFile('http://cdn.erp.local/f/1', CONTENT_SCRIPT)).rejects.toThrow(/No capture/);
    expect(deliverCaptureResult(frame.token, file(PDF_BASE64, 24), CONTENT_SCRIPT)).toEqual({ delivered: false });
    expect(executeScript).not.toHaveBeenCalled();
    expect(frame.received).toEqual([]);
  });

  it('injects the capture script and the main-world hook into the page’s frame (the content script’s), not the panel’s, and the hook once', async () => {
    const frame = await openFrame();
    frame.say({ type: 'capture.start', press: true });
    await settle();
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: [CAPTURE_SCRIPT_FILE] });
    expect(sendMessage).toHaveBeenCalledWith(7, { type: 'ownpost.capture.start', token: frame.token, press: true }, { frameId: 0 });

    // The panel frame itself (an extension page, frame 5) does not run the capture.
    await expect(armCapture(NONCE, PANEL_FRAME)).rejects.toThrow(/No capture/);
    await armCapture(NONCE, CONTENT_SCRIPT);
    expect(executeScript).toHaveBeenLastCalledWith(expect.objectContaining({ target: { tabId: 7, frameIds: [0] }, world: 'MAIN', args: [NONCE, expect.any(Number)] }));
    expect(frame.received).toEqual([{ type: 'capture.armed' }]);
    await expect(armCapture('b'.repeat(32), CONTENT_SCRIPT)).rejects.toThrow(/armed already/);
  });

  it('passes the first PDF on to the frame, and nothing after it', async () => {
    const frame = await openFrame();
    frame.say({ type: 'capture.start', press: false });
    await settle();
    expect(deliverCaptureResult(frame.token, file(PDF_BASE64, 24), CONTENT_SCRIPT)).toEqual({ delivered: true });
    expect(deliverCaptureResult(frame.token, file(PDF_BASE64, 24), CONTENT_SCRIPT)).toEqual({ delivered: false });
    expect(frame.received).toEqual([{ type: 'capture', outcome: file(PDF_BASE64, 24) }]);
  });

  it('forged capture: a file whose first bytes are not %PDF-, or over 25 MB, reaches the frame as refused', async () => {
    const frame = await openFrame();
    frame.say({ type: 'capture.start', press: false });
    await settle();
    const html = Buffer.from('<html>not a pdf</html>').toString('base64');
    deliverCaptureResult(frame.token, file(html, 22), CONTENT_SCRIPT);
    frame.say({ type: 'capture.start', press: false });
    await settle();
    const huge = 'JVBERi0x'.padEnd(Math.ceil((MAX_DOCUMENT_BYTES + 3) / 3) * 4, 'A');
    deliverCaptureResult(frame.token, file(huge, MAX_DOCUMENT_BYTES), CONTENT_SCRIPT);
    expect(frame.received).toEqual([
      { type: 'capture', outcome: { ok: false, reason: 'not_pdf' } },
      { type: 'capture', outcome: { ok: false, reason: 'too_large' } },
    ]);
  });

  it('speaks only for the frame the content script opened, and stops at a cancel', async () => {
    const frame = await openFrame();
    frame.say({ type: 'capture.start', press: false });
    await settle();
    expect(() => deliverCaptureResult(frame.token, file(PDF_BASE64, 24), { ...CONTENT_SCRIPT, frameId: 3 })).toThrow();
    expect(() => deliverCaptureResult(frame.token, file(PDF_BASE64, 24), { ...CONTENT_SCRIPT, tab: { id: 8, url: PAGE } as never })).toThrow();
    frame.say({ type: 'capture.cancel' });
    await settle();
    expect(sendMessage).toHaveBeenLastCalledWith(7, { type: 'ownpost.capture.cancel', token: frame.token }, { frameId: 0 });
    expect(deliverCaptureResult(frame.token, file(PDF_BASE64, 24), CONTENT_SCRIPT)).toEqual({ delivered: false });
    await expect(armCapture(NONCE, CONTENT_SCRIPT)).rejects.toThrow(/No capture/);
    expect(frame.received).toEqual([]);
  });
});

describe('frames the page loads while a capture listens (webRequest)', () => {
  it('tells the capture script of a direct child frame’s request in the tab, nothing of other tabs or frames, and nothing once the capture is over', async () => {
    type Listener = (details: { url: string; tabId: number; frameId: number; parentFrameId: number; type: string }) => void;
    const listeners = new Set<Listener>();
    const filters: unknown[] = [];
    (fakeBrowser.webRequest as unknown as { onBeforeRequest: unknown }).onBeforeRequest = {
      addListener: (listener: Listener, filter: unknown) => void (listeners.add(listener), filters.push(filter)),
      removeListener: (listener: Listener) => void listeners.delete(listener),
    };
    const request = (url: string, tabId = 7, parentFrameId = 0) => [...listeners].forEach((listener) => listener({ url, tabId, frameId: 12, parentFrameId, type: 'sub_frame' }));
    const frame = await openFrame();
    frame.say({ type: 'capture.start', press: false });
    await settle();
    await armCapture(NONCE, CONTENT_SCRIPT);
    expect(filters).toEqual([{ urls: ['http://*/*', 'https://*/*'], tabId: 7, types: ['sub_frame'] }]);

    request('http://erp.local:8080/dl/222');
    request('http://erp.local:8080/dl/other-tab', 8);
    request('http://erp.local:8080/dl/grandchild', 7, 12);
    request('javascript:alert(1)');
    await settle();
    const told = () => sendMessage.mock.calls.filter(([, message]) => (message as { type: string }).type === 'ownpost.capture.frame');
    expect(told()).toEqual([[7, { type: 'ownpost.capture.frame', token: frame.token, url: 'http://erp.local:8080/dl/222' }, { frameId: 0 }]]);

    // The capture's outcome ends it: the next request stops the watch.
    deliverCaptureResult(frame.token, file(PDF_BASE64, 24), CONTENT_SCRIPT);
    request('http://erp.local:8080/dl/after');
    await settle();
    expect(told()).toHaveLength(1);
    expect(listeners.size).toBe(0);
  });
});

describe('a same-site download that redirects elsewhere (a signed URL on a files host), followed by the background', () => {
  /** The requests that went out, with whether cookies went along; each answers as `answers` says. */
  function stubFetch(answers: Record<string, Response>) {
    const requests: { url: string; credentials: RequestCredentials | undefined }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: URL | string, init?: RequestInit) => {
        const url = String(input);
        requests.push({ url, credentials: init?.credentials });
        expect(init?.redirect).toBe('manual');
        return answers[url] ?? new Response('not found', { status: 404 });
      }),
    );
    return requests;
  }
  const redirect = (location: string) => new Response(null, { status: 302, headers: { Location: location } });
  const SIGNED = 'https://files.erp-cdn.example/signed/42?X-Amz-Signature=abc';

  async function capturing(granted: string[]) {
    installFakeExtensionApis({ granted });
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    fakeBrowser.tabs.sendMessage = sendMessage as never;
    const frame = await openFrame();
    frame.say({ type: 'capture.start', press: false });
    await settle();
  }

  it('goes to the granted files host without the site’s cookies, and takes the PDF it answers', async () => {
    await capturing(['https://files.erp-cdn.example/*']);
    const requests = stubFetch({
      'http://erp.local:8080/files/42': redirect(SIGNED),
      [SIGNED]: new Response(Buffer.from('%PDF-1.7 signed'), { headers: { 'Content-Disposition': 'attachment; filename="INV-42.pdf"' } }),
    });
    const taken = await fetchCapturedFile('http://erp.local:8080/files/42', CONTENT_SCRIPT);
    expect(taken).toMatchObject({ filename: 'INV-42.pdf', size: 15 });
    expect(requests).toEqual([
      { url: 'http://erp.local:8080/files/42', credentials: 'include' },
      { url: SIGNED, credentials: 'omit' },
    ]);
    vi.unstubAllGlobals();
  });

  it('names a host Ownpost may not read, and says how to allow it, without a request to it (nor to localhost)', async () => {
    await capturing([]);
    const requests = stubFetch({ 'http://erp.local:8080/files/42': redirect(SIGNED), 'http://erp.local:8080/files/43': redirect('http://localhost:5432/') });
    await expect(fetchCapturedFile('http://erp.local:8080/files/42', CONTENT_SCRIPT)).rejects.toThrow(/files\.erp-cdn\.example, which Ownpost may not read/);
    await expect(fetchCapturedFile('http://erp.local:8080/files/43', CONTENT_SCRIPT)).rejects.toThrow(/localhost/);
    expect(requests.map((r) => r.url)).toEqual(['http://erp.local:8080/files/42', 'http://erp.local:8080/files/43']);
    vi.unstubAllGlobals();
  });
});

describe('an HTML viewer page the app opens (the document it shows)', () => {
  it('finds the framed or embedded document, or a PDF.js viewer’s file, and nothing on a page without one', () => {
    const base = 'https://erp.example/viewer?doc=9';
    expect(viewerDocumentUrl('<html><body><nav>…</nav><iframe src="/files/raw/9?inline=1"></iframe></body></html>', base)).toBe('https://erp.example/files/raw/9?inline=1');
    expect(viewerDocumentUrl('<embed src="doc/9" type="application/pdf">', base)).toBe('https://erp.example/doc/9');
    expect(viewerDocumentUrl('<object data="https://cdn.example/9"></object>', base)).toBe('https://cdn.example/9');
    expect(viewerDocumentUrl('<iframe src="/pdfjs/web/viewer.html?file=%2Fdocs%2F9"></iframe>', base)).toBe('https://erp.example/docs/9');
    expect(viewerDocumentUrl('<div id="app"></div>', 'https://erp.example/pdfjs/viewer.html?file=/docs/10')).toBe('https://erp.example/docs/10');
    expect(viewerDocumentUrl('<h1>Something went wrong</h1>', base)).toBeUndefined();
    expect(viewerDocumentUrl('<iframe src="javascript:void 0"></iframe><iframe src="about:blank"></iframe>', base)).toBeUndefined();
  });
});
