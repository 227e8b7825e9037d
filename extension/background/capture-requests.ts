/**
 * The background's part of "Take the PDF from the page" (issue 16 item 3): the main-world hook goes
 * into the page's frame whose content script asks, only while the panel frame it opened runs a
 * capture the user started there with a click (panel-sessions.ts), once per capture, never with the
 * page load. A page cannot send us messages; its content script can, and is refused outside a capture.
 */
import { CAPTURE_ARMED_MS } from '../capture/page-capture';
import { installCaptureHook } from '../capture/main-world-hook';
import { browser, type Runtime } from '../lib/browser';
import { MAX_DOCUMENT_BYTES } from '../../shared/document-limits';
import { bytesToBase64 } from '../lib/base64';
import { hostGrantOrigin, singleHostOf } from '../lib/host-grant';
import { isPdf } from '../lib/pdf-file';
import { documentFilename, MAX_REDIRECTS } from './fetch-document';
import { watchRedirect } from './redirect-location';
import { captureListening, runningCapture, tellCaptureFrame, type RunningCapture } from './panel-sessions';
import { RelayError } from './relay-error';

export async function armCapture(nonce: string, sender: Runtime.MessageSender): Promise<{ armed: true }> {
  const session = runningCapture(sender);
  if (session.capture.hooked) throw new RelayError({ code: 'bad_request', message: 'This capture is armed already.' });
  session.capture.hooked = true;
  try {
    await browser.scripting.executeScript({
      target: { tabId: session.tabId, frameIds: [session.hostFrameId] },
      world: 'MAIN',
      func: installCaptureHook,
      args: [nonce, CAPTURE_ARMED_MS],
    });
  } finally {
    // Without the hook, forms and frames are still watched: the capture listens either way.
    watchSubFrames(session);
    captureListening(session);
  }
  return { armed: true };
}

interface SubFrameRequest {
  url: string;
  tabId: number;
  frameId: number;
  parentFrameId: number;
  type: string;
}

/**
 * The frames of the page the capture listens in, while it listens: a download frame that a script
 * sends to the file (`frame.contentWindow.location = url` from its first about:blank) shows the page
 * nothing, and there Chromium's Navigation API is missing too. webRequest (observing only, on hosts
 * Ownpost may read) sees the frame's request; the capture script fetches the address and keeps it
 * only if it is a PDF, as for a frame's src. Stops when this capture is over (its outcome, a cancel,
 * the panel closing) at the next request, and when its time is up in any case.
 */
function watchSubFrames(session: RunningCapture): void {
  const events = (
    browser as unknown as {
      webRequest?: {
        onBeforeRequest?: {
          addListener(listener: (details: SubFrameRequest) => void, filter: { urls: string[]; tabId?: number; types?: string[] }): void;
          removeListener(listener: (details: SubFrameRequest) => void): void;
        };
      };
    }
  ).webRequest?.onBeforeRequest;
  if (!events) return;
  const capture = session.capture;
  const stop = () => {
    clearTimeout(timer);
    try {
      events.removeListener(listener);
    } catch {
      // Never added.
    }
  };
  const listener = (details: SubFrameRequest) => {
    if (session.capture !== capture) return stop();
    if (details.tabId !== session.tabId || details.parentFrameId !== session.hostFrameId || !/^https?:/i.test(details.url)) return;
    tellCaptureFrame(session, details.url);
  };
  const timer = setTimeout(stop, CAPTURE_ARMED_MS);
  try {
    events.addListener(listener, { urls: ['http://*/*', 'https://*/*'], tabId: session.tabId, types: ['sub_frame'] });
  } catch {
    clearTimeout(timer);
  }
}

/**
 * A file the app made on another host (its files or CDN domain, issue 16 item 3), fetched by the
 * background only when the user granted Ownpost that host (the panel's "Allow Ownpost to read …", or
 * switching Ownpost on for it in the popup), without cookies (they belong to that host, not to the
 * invoicing app), with every hop of a redirect on a granted host, and only when it is a PDF within the
 * size limit. Asked by the capture script only while the panel's capture runs.
 *
 * Or an address on the tab's own site that redirects to such a host (a signed URL on a files host,
 * which the capture script's own fetch may not follow: the files host answers without CORS). Its
 * redirects are followed by hand: the hops on the tab's site with its cookies, the others without,
 * each checked before it goes out (its Location read with webRequest), each on the tab's site or a
 * granted host; one that is not is named, with the one origin the panel may ask the user for.
 */
export async function fetchCapturedFile(raw: string, sender: Runtime.MessageSender): Promise<{ filename: string; contentBase64: string; size: number }> {
  runningCapture(sender);
  return fetchFromGrantedHosts(raw, sender);
}

/**
 * The same fetch for the panel frame (never a content script: CONTENT_SCRIPT_REQUESTS leaves it out),
 * once the user granted the host on the panel's button: the capture that found the file is over, and
 * a PDF link the detector found on another host never had one.
 */
export async function fetchFileElsewhere(raw: string, sender: Runtime.MessageSender): Promise<{ filename: string; contentBase64: string; size: number }> {
  return fetchFromGrantedHosts(raw, sender);
}

/** How long the allow window waits for the user before the panel is told "not allowed". */
const ASK_WINDOW_MS = 5 * 60_000;

/**
 * "Allow Ownpost to read <host>" for a panel frame that has no permissions API (Firefox gives none to an
 * extension frame inside a web page): a small window of Ownpost's own (entrypoints/allow-host) asks for
 * the one origin on the user's click there. Answers once the origin is granted, or the window is closed
 * (then whether it was granted), or after five minutes. Only a single host's origin is accepted.
 */
export async function askForHost(origin: string, language: string | undefined): Promise<{ granted: boolean }> {
  if (!singleHostOf(origin)) throw new RelayError({ code: 'bad_request', message: 'Ownpost asks for one host at a time.' });
  const holds = () => browser.permissions.contains({ origins: [origin] });
  if (await holds()) return { granted: true };
  const url = browser.runtime.getURL(`/allow-host.html?${new URLSearchParams({ origin, ...(language ? { lang: language } : {}) })}` as '/allow-host.html');
  const opened = await browser.windows.create({ url, type: 'popup', width: 460, height: 220 });
  return new Promise((resolve) => {
    let done = false;
    const finish = async (granted?: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      browser.permissions.onAdded.removeListener(added);
      browser.windows.onRemoved.removeListener(removed);
      resolve({ granted: granted ?? (await holds()) });
      if (opened.id !== undefined) void browser.windows.remove(opened.id).catch(() => undefined);
    };
    const added = (permissions: { origins?: string[] }) => {
      if (permissions.origins?.includes(origin)) void finish(true);
    };
    const removed = (windowId: number) => {
      if (windowId === opened.id) void finish();
    };
    const timer = setTimeout(() => void finish(), ASK_WINDOW_MS);
    browser.permissions.onAdded.addListener(added);
    browser.windows.onRemoved.addListener(removed);
  });
}

async function fetchFromGrantedHosts(raw: string, sender: Runtime.MessageSender): Promise<{ filename: string; contentBase64: string; size: number }> {
  const first = new URL(raw);
  const tabOrigin = sender.tab?.url ? new URL(sender.tab.url).origin : undefined;
  const unavailable = (message: string, hint?: string) => new RelayError({ code: 'document_unavailable', message, ...(hint ? { hint } : {}) });
  if (!/^https?:$/.test(first.protocol) || !tabOrigin) throw unavailable('The file’s address is not a web address.');
  const granted = (target: URL) => browser.permissions.contains({ origins: [hostGrantOrigin(target)] });
  const notGranted = (target: URL) =>
    new RelayError({
      code: 'document_unavailable',
      message: `The PDF is on ${target.hostname}, which Ownpost may not read.`,
      hint: 'Allow Ownpost to read that host, or add the file yourself.',
      grant: { origin: hostGrantOrigin(target), url: target.href },
    });
  let url = first;
  let response: Response;
  for (let hop = 0; ; hop++) {
    const ownSite = url.origin === tabOrigin;
    if (!/^https?:$/.test(url.protocol)) throw unavailable('The file’s address led to an address that is not a web address.');
    if (!ownSite && !(await granted(url))) throw notGranted(url);
    const watch = watchRedirect(url);
    try {
      try {
        response = await fetch(url, { credentials: ownSite ? 'include' : 'omit', cache: 'no-store', redirect: 'manual' });
      } catch {
        throw unavailable(`${url.hostname} did not answer.`);
      }
      const redirected = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304);
      if (!redirected) break;
      if (hop >= MAX_REDIRECTS) throw unavailable('The file’s address redirects too many times.');
      const location = await watch.location(response);
      if (!location) throw unavailable('The file’s address redirects somewhere Ownpost cannot check, so it did not follow it.', 'Add the file yourself.');
      try {
        url = new URL(location, url);
      } catch {
        throw unavailable('The file’s address redirects to an address that is not valid.');
      }
    } finally {
      watch.stop();
    }
  }
  if (!response.ok) throw unavailable(`${url.hostname} answered ${response.status}.`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_DOCUMENT_BYTES) throw new RelayError({ code: 'document_too_large', message: 'The file is too large.' });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new RelayError({ code: 'document_too_large', message: 'The file is too large.' });
  if (!isPdf(bytes)) throw new RelayError({ code: 'not_a_pdf', message: 'The file the page made is not a PDF.' });
  return { filename: documentFilename(response.headers.get('content-disposition'), url), contentBase64: bytesToBase64(bytes), size: bytes.length };
}
