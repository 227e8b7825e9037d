/**
 * Where a redirect points, for the document fetches that follow redirects by hand (issue 14).
 *
 * `fetch(…, { redirect: 'manual' })` is how a redirect is stopped before its next hop goes out, but in
 * a browser the answer is an "opaque redirect": no status, no Location (Fetch's atomic redirect
 * handling, whatwg/fetch#763). Node's fetch (the unit tests) shows the Location. In the extension,
 * `webRequest.onHeadersReceived` (observing only, with host permission for the site) sees the
 * redirect's headers: this watches one request for them. Where neither works, the Location stays
 * unknown and the caller refuses to go on: a redirect Ownpost cannot check is not followed.
 */
import { browser } from '../lib/browser';

/** How long to wait for webRequest's report once fetch has returned the opaque redirect. */
const REPORT_WAIT_MS = 2_000;

interface HeadersDetails {
  url: string;
  tabId: number;
  statusCode: number;
  responseHeaders?: { name: string; value?: string }[];
}

export interface RedirectWatch {
  /** The Location of the redirect `response` answered with, if it can be known. */
  location(response: Response): Promise<string | undefined>;
  stop(): void;
}

/** Start before the request goes out: webRequest reports while fetch is still waiting. */
export function watchRedirect(url: URL): RedirectWatch {
  let reported: string | undefined;
  let wake: (() => void) | undefined;
  const events = (browser as unknown as { webRequest?: { onHeadersReceived?: { addListener: (listener: (details: HeadersDetails) => void, filter: { urls: string[] }, extraInfo: string[]) => void; removeListener: (listener: (details: HeadersDetails) => void) => void } } }).webRequest?.onHeadersReceived;
  const listener = (details: HeadersDetails) => {
    // The background's own requests have no tab: a page's request to the same address is not ours.
    if (details.tabId !== -1 || details.url !== url.href || details.statusCode < 300 || details.statusCode > 399) return;
    reported = details.responseHeaders?.find((header) => header.name.toLowerCase() === 'location')?.value;
    wake?.();
  };
  try {
    // Match patterns name no port: the filter is the host, the listener checks the exact address.
    events?.addListener(listener, { urls: [`${url.protocol}//${url.hostname}/*`] }, ['responseHeaders']);
  } catch {
    // No webRequest here (or not allowed for this host): Locations hidden from fetch stay unknown.
  }
  return {
    async location(response) {
      if (response.type !== 'opaqueredirect') return response.headers.get('location') ?? undefined;
      if (reported === undefined && events) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, REPORT_WAIT_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return reported;
    },
    stop() {
      try {
        events?.removeListener(listener);
      } catch {
        // Never added.
      }
    },
  };
}
