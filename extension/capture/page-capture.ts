/**
 * "Take the PDF from the page" (issue 16 item 3), the isolated world's half, run by the capture
 * script in the page's frame (entrypoints/invoice.content/page-capture.ts); the panel frame only
 * starts it and shows the outcome. Many invoicing apps have
 * no link to their PDF: a toolbar button runs an RPC and downloads a blob, a Print button POSTs a
 * form and gets an attachment back, a script loads the file into a hidden iframe or opens it in a new
 * tab, a viewer embeds it from an address without `.pdf`. The user arms a capture in the panel (a
 * trusted click) and presses the app's own button; while armed, Ownpost takes the first file the page
 * makes, from whichever of those routes it comes:
 *
 * - blob and data URLs, `window.open`, `form.submit()`: the main-world hook (main-world-hook.ts),
 *   injected by the background only now;
 * - a form submitted by a click or `requestSubmit()`: its `submit` event here, in the page and its
 *   same-origin frames; Ownpost sends the form itself with the page's cookies;
 * - an iframe, embed or object that gets an address (a hidden download frame, a viewer): watched here;
 *   a viewer already on the page is looked at right away; a same-origin frame sent to an address by
 *   script (no src) is reported by the hook;
 *
 * Ownpost's own UI is not in the way: the panel frame sits in a closed shadow root, which neither
 * the observer nor `querySelectorAll` enters, and its container is no frame element.
 *
 * Whatever arrives is fetched by this script from the page's own origin (with its cookies and any
 * HTTP Basic credentials the browser holds for it) and kept only when its first bytes are `%PDF-`
 * and it is at most 25 MB. Nothing is taken when no capture is armed, or after the first file.
 */
import type { HostGrant } from '../../shared/extension-messages';
import { MAX_DOCUMENT_BYTES } from '../../shared/document-limits';
import { bytesToBase64 } from '../lib/base64';
import { ours, ownBytes, pageFetch } from '../lib/page-fetch';
import { dispositionFilename, documentPdfFilename, isPdf, urlFilename } from '../lib/pdf-file';

export const CAPTURE_ARMED_MS = 120_000;

export interface CapturedFile {
  filename: string;
  contentType: 'application/pdf';
  contentBase64: string;
  size: number;
  /** Where the file came from (the route), for the panel and the tests. */
  route: CaptureRoute;
}

export type CaptureRoute = 'blob' | 'url' | 'form' | 'frame';

/** `print_only`: the app printed its HTML page (window.print()), which makes no file to take. */
export type CaptureOutcome =
  { ok: true; file: CapturedFile } | { ok: false; reason: 'not_pdf' | 'timeout' | 'failed' | 'other_site' | 'too_large' | 'cancelled' | 'print_only'; message?: string; grant?: HostGrant };

/** How many viewer pages deep an answer is followed: an HTML viewer page's own frame, once. */
const MAX_VIEWER_DEPTH = 1;

/**
 * The address of the document an HTML viewer page shows (a page the app opens in a new tab, with
 * the PDF in an iframe, embed or object, or a PDF.js viewer's `?file=`), or undefined.
 */
export function viewerDocumentUrl(html: string, base: string): string | undefined {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const candidates = [...page.querySelectorAll('iframe[src], embed[src], object[data], frame[src]')].map((element) => element.getAttribute('src') ?? element.getAttribute('data') ?? '');
  for (const raw of [base, ...candidates]) {
    try {
      const url = new URL(raw, base);
      const file = url.searchParams.get('file');
      if (file && /viewer/i.test(url.pathname)) return new URL(file, url).href;
      if (raw !== base && /^https?:$/.test(url.protocol)) return url.href;
    } catch {
      /* not an address */
    }
  }
  return undefined;
}

export interface CaptureOptions {
  /** Aborting cancels the capture (the panel closed, the user pressed Cancel). */
  signal: AbortSignal;
  /** Injects the main-world hook with this nonce (the background's `capture.arm`). */
  armPage(nonce: string): Promise<boolean>;
  /**
   * A file on another host (a files or CDN domain): the background fetches it when the user granted
   * Ownpost that host (`capture.fetch`), else says why not.
   */
  fetchElsewhere?(url: string): Promise<{ ok: true; filename: string; contentBase64: string } | { ok: false; message: string; grant?: HostGrant }>;
  /** Hands over a way to report a frame's address the page shows no sign of (the background's webRequest sees it). */
  frames?(look: (url: string) => void): void;
  /** The document's number, for a file name when the page gives none. */
  documentNumber?: string;
  /** @default CAPTURE_ARMED_MS */
  timeoutMs?: number;
}

/** Random hex without `crypto.randomUUID`, which plain-HTTP pages (LAN apps) do not have (issue 16 item 1). */
function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A Blob the page's main world posted. Not `instanceof Blob`, which compares with this script's Blob:
 * in Firefox the posted one is the page's, from another compartment. A posted message is a structured
 * clone, which carries no functions: only a real Blob has these methods.
 */
function isPostedBlob(value: unknown): value is Blob {
  const blob = value as Blob | null | undefined;
  return typeof blob === 'object' && blob !== null && typeof blob.size === 'number' && typeof blob.arrayBuffer === 'function';
}

/** How many of the page's frames a capture looks into for forms. */
const MAX_FORM_FRAMES = 20;

/** A frame's document, when it is the page's own origin (another origin's is not ours to see). */
function sameOriginDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | undefined {
  try {
    const inner = frame.contentDocument;
    return inner && inner.location.origin === location.origin ? inner : undefined;
  } catch {
    return undefined;
  }
}

/** The page's document and its same-origin frames' (an app shell's frame that shows the document). */
function pageDocuments(): Document[] {
  const documents = [document];
  const frames = document.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame');
  for (let i = 0; i < frames.length && documents.length <= MAX_FORM_FRAMES; i++) {
    const inner = sameOriginDocument(frames[i]!);
    if (inner) documents.push(inner);
  }
  return documents;
}

/**
 * A form element, also a frame's: not `instanceof HTMLFormElement`, which compares with this
 * script's class, while a frame's elements reach it with their own.
 */
function isForm(value: unknown): value is HTMLFormElement {
  return typeof value === 'object' && value !== null && (value as Element).nodeType === 1 && (value as Element).localName === 'form';
}

/** Arms a capture and waits for the page's file: the outcome the panel shows. */
export function capturePdfFromPage(options: CaptureOptions): Promise<CaptureOutcome> {
  const nonce = newNonce();
  const listening = new AbortController();
  const on = { signal: listening.signal };
  let settled = false;

  return new Promise<CaptureOutcome>((resolve) => {
    const finish = (outcome: CaptureOutcome) => {
      if (settled) return;
      settled = true;
      listening.abort();
      observer.disconnect();
      clearTimeout(timer);
      resolve(outcome);
    };

    /** Takes bytes the page made: checked to be a PDF, and not too large. `soft`: anything else is ignored, the capture goes on. */
    const accept = (bytes: Uint8Array, route: CaptureRoute, names: (string | undefined | null)[], soft = false) => {
      if (bytes.length > MAX_DOCUMENT_BYTES) return soft || finish({ ok: false, reason: 'too_large' });
      if (!isPdf(bytes)) return soft || finish({ ok: false, reason: 'not_pdf' });
      finish({
        ok: true,
        file: { filename: documentPdfFilename(names, options.documentNumber), contentType: 'application/pdf', contentBase64: bytesToBase64(bytes), size: bytes.length, route },
      });
    };

    /**
     * Fetches an address the page asked for, from the page's origin only (the tab's cookies go nowhere
     * else). `soft` for frames, which pages also add for other reasons (chat, analytics): only a PDF counts.
     * An answer that is an HTML viewer page (a new tab that shows the PDF in a frame) is followed to
     * the document it shows, once. A same-site address that the browser may not follow here (a
     * redirect to a signed URL on a files host, which answers without CORS) goes to the background,
     * which follows its redirects by hand.
     */
    const fetchFrom = async (raw: string, route: CaptureRoute, init: RequestInit = {}, name?: string, soft = false, depth = 0): Promise<void> => {
      const fail = (reason: 'failed' | 'other_site' | 'too_large') => soft || finish({ ok: false, reason });
      let url: URL;
      try {
        url = new URL(raw, location.href);
      } catch {
        return void fail('failed');
      }
      const elsewhere = async () => {
        const answer = await options.fetchElsewhere!(url.href);
        if (settled) return;
        if (!answer.ok) return void finish({ ok: false, reason: 'other_site', message: answer.message, ...(answer.grant ? { grant: answer.grant } : {}) });
        const binary = atob(answer.contentBase64);
        const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
        accept(bytes, route, [name, answer.filename]);
      };
      if (url.origin !== location.origin) {
        if (soft || !options.fetchElsewhere || init.method) return void fail('other_site');
        return elsewhere();
      }
      let response: Response;
      try {
        response = await ours(pageFetch()(url.href, { credentials: 'include', redirect: 'follow', ...init }));
      } catch {
        if (settled) return;
        // A GET that the browser would have followed (a redirect to another host): the background
        // follows it hop by hop, with the cookies on this site only, to a host the user granted.
        if (!soft && !init.method && options.fetchElsewhere) return elsewhere();
        return void fail('failed');
      }
      if (settled) return;
      if (!response.ok) return void fail('failed');
      const length = Number(response.headers.get('content-length') ?? 0);
      if (length > MAX_DOCUMENT_BYTES) return void fail('too_large');
      let bytes: Uint8Array;
      try {
        bytes = await ownBytes(await ours(response.blob()));
      } catch {
        return void fail('failed');
      }
      if (settled) return;
      if (!isPdf(bytes) && depth < MAX_VIEWER_DEPTH && /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64)))) {
        const shown = viewerDocumentUrl(new TextDecoder().decode(bytes), response.url || url.href);
        if (shown) {
          await fetchFrom(shown, route, {}, name, true, depth + 1);
          if (settled) return;
        }
      }
      accept(bytes, route, [name, dispositionFilename(response.headers.get('content-disposition')), urlFilename(response.url || url.href, { onlyPdf: true })], soft);
    };

    const sendForm = (form: HTMLFormElement, submitter?: HTMLElement | null) => {
      const method = (submitter?.getAttribute('formmethod') ?? form.getAttribute('method') ?? 'get').toLowerCase();
      // A frame's form posts relative to the frame's address, not the page's.
      const base = form.ownerDocument.baseURI || location.href;
      const action = new URL(submitter?.getAttribute('formaction') ?? form.getAttribute('action') ?? base, base).href;
      let data: FormData;
      try {
        data = new FormData(form, submitter ?? undefined);
      } catch {
        data = new FormData(form);
      }
      if (method === 'post') {
        const multipart = (submitter?.getAttribute('formenctype') ?? form.enctype) === 'multipart/form-data';
        const body = multipart ? data : new URLSearchParams(data as unknown as Record<string, string>);
        return void fetchFrom(action, 'form', { method: 'POST', body });
      }
      const target = new URL(action);
      target.search = new URLSearchParams(data as unknown as Record<string, string>).toString();
      void fetchFrom(target.href, 'form');
    };

    /**
     * A frame's address (its src, a frame sent somewhere by script, a frame request the background
     * saw): only a PDF counts, and an address looked at already is not fetched again.
     */
    const looked = new Set<string>();
    const lookAtFrame = (raw: string) => {
      let url: string;
      try {
        url = new URL(raw, location.href).href;
      } catch {
        return;
      }
      if (settled || looked.has(url) || looked.size >= 20) return;
      looked.add(url);
      void fetchFrom(url, 'frame', {}, undefined, true);
    };

    // The main-world hook's reports.
    window.addEventListener(
      'message',
      (event) => {
        const data = event.data as { ownpostCapture?: string; kind?: string; blob?: Blob; url?: string; name?: string } | null;
        if (event.source !== window || !data || data.ownpostCapture !== nonce) return;
        if (data.kind === 'blob' && isPostedBlob(data.blob)) {
          if (data.blob.size > MAX_DOCUMENT_BYTES) return finish({ ok: false, reason: 'too_large' });
          void ownBytes(data.blob).then(
            (bytes) => accept(bytes, 'blob', [data.name]),
            () => finish({ ok: false, reason: 'failed' }),
          );
        } else if (data.kind === 'url' && typeof data.url === 'string') {
          void fetchFrom(data.url, 'url', {}, data.name);
        } else if (data.kind === 'frame' && typeof data.url === 'string') {
          // A frame sent somewhere by script: only a PDF counts, as for a frame's src.
          lookAtFrame(data.url);
        } else if (data.kind === 'form') {
          for (const formDocument of pageDocuments()) {
            const form = formDocument.querySelector(`form[data-ownpost-capture="${nonce}"]`);
            if (!isForm(form)) continue;
            form.removeAttribute('data-ownpost-capture');
            sendForm(form);
            break;
          }
        } else if (data.kind === 'print') {
          finish({ ok: false, reason: 'print_only' });
        } else if (data.kind === 'failed') {
          finish({ ok: false, reason: 'failed' });
        }
      },
      on,
    );

    // A form sent by the user's click (or requestSubmit), in the page or a same-origin frame of it (the
    // document an app shell frames, with its Print form): Ownpost sends it and keeps the answer.
    const watchedDocuments = new WeakSet<Document>();
    const watchSubmits = (formDocument: Document) => {
      if (watchedDocuments.has(formDocument)) return;
      watchedDocuments.add(formDocument);
      formDocument.addEventListener(
        'submit',
        (event) => {
          const form = event.target;
          if (!isForm(form)) return;
          event.preventDefault();
          sendForm(form, (event as SubmitEvent).submitter);
        },
        { capture: true, signal: listening.signal },
      );
    };
    for (const formDocument of pageDocuments()) watchSubmits(formDocument);
    // A frame that shows another document while armed: its forms too.
    document.addEventListener(
      'load',
      (event) => {
        const frame = event.target;
        if (frame instanceof Element && (frame.localName === 'iframe' || frame.localName === 'frame')) {
          const inner = sameOriginDocument(frame as HTMLIFrameElement);
          if (inner) watchSubmits(inner);
        }
      },
      { capture: true, signal: listening.signal },
    );

    // A download frame or a viewer getting an address.
    const frameUrl = (element: Element) => element.getAttribute('src') ?? element.getAttribute('data');
    const isFrame = (node: Node): node is Element => node instanceof Element && node.matches('iframe, embed, object, frame');
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        const candidates = record.type === 'attributes' ? [record.target] : [...record.addedNodes];
        for (const node of candidates) {
          if (!isFrame(node)) continue;
          const src = frameUrl(node);
          if (src && !/^(?:about|javascript):/i.test(src)) lookAtFrame(src);
        }
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'data'] });

    options.frames?.(lookAtFrame);
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), options.timeoutMs ?? CAPTURE_ARMED_MS);
    options.signal.addEventListener('abort', () => finish({ ok: false, reason: 'cancelled' }), on);

    void options.armPage(nonce).then((hooked) => {
      if (!hooked && !settled) console.warn('[ownpost] the page hook for blob downloads could not be installed; forms and frames are still watched');
    });
    // A viewer that is on the page already (an <embed> or <iframe> whose address says neither .pdf nor a type).
    const viewers = [...document.querySelectorAll('iframe[src], embed[src], object[data]')].filter((element) => frameUrl(element));
    for (const viewer of viewers.slice(0, 3)) lookAtFrame(frameUrl(viewer)!);
  });
}
