/**
 * The page-world half of "Take the PDF from the page" (issue 16 item 3). Injected by the background
 * with `scripting.executeScript({ world: 'MAIN' })` only when the user arms a capture in the panel,
 * never with the page load. Apps make their PDF in ways an isolated content script cannot see: a
 * temporary `<a href="blob:…" download>` that is never in the document, `window.open(url)` from an
 * `onclick`, `form.submit()` from a script. While armed, this hook takes those from the page
 * (the download, tab or navigation does not happen) and posts them to the isolated world.
 *
 * It must be self-contained (serialised by executeScript: no imports, no module scope). What it posts
 * is not trusted there: the isolated world takes a file only while it armed a capture itself after
 * the user's click, only with the nonce of that capture, and only when its first bytes say `%PDF-`
 * (capture/page-capture.ts). A page that posts a forged file at that moment gets it shown in the
 * panel as "taken from the page", where the user sees it before sending.
 */
export function installCaptureHook(nonce: string, armedForMs: number): void {
  interface HookState {
    nonce: string;
    until: number;
  }
  type Hooked = Window & { __ownpostCapture?: HookState };
  const page = window as Hooked;
  const installed = page.__ownpostCapture !== undefined;
  page.__ownpostCapture = { nonce, until: Date.now() + armedForMs };
  if (installed) return;

  const armed = (): HookState | undefined => {
    const state = page.__ownpostCapture;
    return state && Date.now() < state.until ? state : undefined;
  };
  const post = (detail: Record<string, unknown>) => {
    const state = armed();
    if (!state) return;
    // One file per arming: the app's button may make several downloads (a preview, then the file).
    state.until = 0;
    window.postMessage({ ownpostCapture: state.nonce, ...detail }, '*');
  };

  // Blobs by their URL, so a blob whose URL the app revokes right after the click is still there.
  const blobs = new Map<string, Blob>();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (this: unknown, object: Blob | MediaSource) {
    const url = createObjectURL.call(URL, object);
    if (object instanceof Blob && blobs.size < 50) blobs.set(url, object);
    return url;
  } as typeof URL.createObjectURL;

  /** True when the anchor's target was taken (the caller stops the download or navigation). */
  const takeAnchor = (anchor: HTMLAnchorElement): boolean => {
    if (!armed()) return false;
    const href = anchor.href;
    const name = anchor.getAttribute('download') || undefined;
    if (href.startsWith('blob:') || href.startsWith('data:')) {
      const known = blobs.get(href);
      if (known) post({ kind: 'blob', blob: known, name });
      // fetch() resolves a blob URL when called, so a revoke right after the click does not matter.
      else
        fetch(href)
          .then((response) => response.blob())
          .then(
            (blob) => post({ kind: 'blob', blob, name }),
            () => post({ kind: 'failed' }),
          );
      return true;
    }
    // While armed, the user's next link is the app's "PDF" one, whatever it says: a link without
    // `.pdf` that answers application/pdf, a download, a new tab. Not in-page anchors (`#…`).
    const sameDocument = anchor.getAttribute('href')?.startsWith('#') ?? true;
    if (/^https?:/i.test(href) && !sameDocument) {
      post({ kind: 'url', url: href, name });
      return true;
    }
    return false;
  };

  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (takeAnchor(this)) return;
    click.call(this);
  };
  const dispatchEvent = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    if (event.type === 'click' && this instanceof HTMLAnchorElement && !this.isConnected && takeAnchor(this)) return false;
    return dispatchEvent.call(this, event);
  };
  document.addEventListener(
    'click',
    (event) => {
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (anchor instanceof HTMLAnchorElement && takeAnchor(anchor)) event.preventDefault();
    },
    true,
  );

  const open = window.open;
  window.open = function (this: Window, url?: string | URL, ...rest: unknown[]) {
    if (armed() && url !== undefined && String(url) !== '' && String(url) !== 'about:blank') {
      post({ kind: 'url', url: new URL(String(url), location.href).href });
      // As when a popup blocker stops it; apps that open a PDF handle that.
      return null;
    }
    return open.apply(this, [url, ...rest] as unknown as Parameters<typeof window.open>);
  } as typeof window.open;

  // `location.href = url`, `location.assign(url)`, a meta refresh: no hook sees those, but the Navigation
  // API (Chromium; Firefox ESR 153) announces them, cancelably. Where it is missing (older Firefox), such
  // downloads are not caught.
  const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigate', (event) => {
    const navigate = event as Event & { destination: { url: string }; hashChange: boolean; cancelable: boolean };
    if (!armed() || navigate.hashChange || !navigate.cancelable || !/^https?:/i.test(navigate.destination.url)) return;
    navigate.preventDefault();
    post({ kind: 'url', url: navigate.destination.url });
  });

  // form.submit() fires no submit event: mark the form for the isolated world, which sends it itself.
  const submit = HTMLFormElement.prototype.submit;
  HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
    const state = armed();
    if (!state) return submit.call(this);
    this.setAttribute('data-ownpost-capture', state.nonce);
    post({ kind: 'form' });
  };
}
