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
  type Hooked = Window & { __ownpostCapture?: HookState; __ownpostCaptureHooks?: true; __ownpostCaptureFrames?: true };
  const page = window as Hooked;
  page.__ownpostCapture = { nonce, until: Date.now() + armedForMs };

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

  /** A file the page holds itself (a blob or data URL): the Blob, so a revoke right after the click does not matter. */
  const takeLocal = (href: string, name?: string) => {
    const known = blobs.get(href);
    if (known) post({ kind: 'blob', blob: known, name });
    // fetch() resolves a blob URL when called: it is still there unless revoked before the click.
    else
      fetch(href)
        .then((response) => response.blob())
        .then(
          (blob) => post({ kind: 'blob', blob, name }),
          () => post({ kind: 'failed' }),
        );
  };

  /** An address the app opens, sends a tab to or frames, relative to the window `base`: the file it makes. */
  const addressTaker = (base: Window) => (raw: unknown) => {
    let href: string;
    try {
      href = new URL(String(raw), base.location.href).href;
    } catch {
      return;
    }
    if (href.startsWith('blob:') || href.startsWith('data:')) takeLocal(href);
    else if (/^https?:/i.test(href)) post({ kind: 'url', url: href });
  };

  /**
   * What `window.open()` with no address gives the app while armed, instead of a real blank tab:
   * apps open one at once (a popup blocker allows only that) and then send it to the PDF once they
   * have its address (`tab.location.href = url`), or write a viewer into it (jsPDF's
   * `dataurlnewwindow`: an iframe with a data: URL). The stand-in takes the first address it is sent
   * to or that a frame written into it shows; what is written goes into an inert document, where
   * nothing loads or runs. Its `print()` is the app printing HTML (see below). `takeAddress` resolves
   * against the window that opened it.
   */
  const blankTab = (opener: Window, takeAddress: (raw: unknown) => void) => {
    const inert = document.implementation.createHTMLDocument('');
    let written = '';
    const look = () => {
      const frame = inert.querySelector('iframe[src], embed[src], object[data], frame[src]');
      const src = frame?.getAttribute('src') ?? frame?.getAttribute('data');
      if (src && !/^(?:about|javascript):/i.test(src)) takeAddress(src);
    };
    new MutationObserver(look).observe(inert, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'data'] });
    const write = (...parts: unknown[]) => {
      written += parts.map(String).join('');
      inert.documentElement.innerHTML = written.replace(/<\/?html[^>]*>/gi, '');
    };
    const tabDocument = {
      open: () => ((written = ''), tabDocument),
      write,
      writeln: (...parts: unknown[]) => write(...parts, '\n'),
      close: () => undefined,
      get body() {
        return inert.body;
      },
      get head() {
        return inert.head;
      },
      get documentElement() {
        return inert.documentElement;
      },
      title: '',
      createElement: (name: string) => inert.createElement(name),
      createTextNode: (text: string) => inert.createTextNode(text),
      getElementById: (id: string) => inert.getElementById(id),
      querySelector: (selector: string) => inert.querySelector(selector),
    };
    const tabLocation = {
      get href() {
        return 'about:blank';
      },
      set href(url: string) {
        takeAddress(url);
      },
      assign: takeAddress,
      replace: takeAddress,
      reload: () => undefined,
      toString: () => 'about:blank',
    };
    return {
      document: tabDocument,
      get location() {
        return tabLocation;
      },
      set location(url: unknown) {
        takeAddress(url);
      },
      closed: false,
      opener,
      close: () => undefined,
      focus: () => undefined,
      blur: () => undefined,
      print: () => post({ kind: 'print' }),
      postMessage: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    } as unknown as Window;
  };

  /**
   * The hooks that take the file an app makes, in one window of the page: the top one, and each
   * same-origin frame's (apps of the frameset school show the document, and its Print button, in a
   * frame of their shell; issue 16 item 3). Each window has its own `window.open`, prototypes and
   * document, so each is hooked on its own, once; what they take is posted to the top window, where
   * the isolated world listens.
   */
  const hookWindow = (target: Hooked & typeof globalThis) => {
    if (target.__ownpostCaptureHooks) return;
    target.__ownpostCaptureHooks = true;
    const { URL: TargetURL, HTMLAnchorElement: Anchor, EventTarget: TargetEventTarget, HTMLFormElement: Form, Element: TargetElement, Blob: TargetBlob } = target;
    const targetDocument = target.document;

    const createObjectURL = TargetURL.createObjectURL;
    TargetURL.createObjectURL = function (this: unknown, object: Blob | MediaSource) {
      const url = createObjectURL.call(TargetURL, object);
      if (object instanceof TargetBlob && blobs.size < 50) blobs.set(url, object);
      return url;
    } as typeof URL.createObjectURL;

    /**
     * True when the anchor's target was taken (the caller stops the download or navigation). `routed`:
     * a plain same-site link (no `download`, no other window) that a single-page app's router may take
     * by script: the click listener below decides only once the app's own listeners have had it.
     */
    const takeAnchor = (anchor: HTMLAnchorElement, routed = false): boolean => {
      if (!armed()) return false;
      const href = anchor.href;
      const name = anchor.getAttribute('download') || undefined;
      if (href.startsWith('blob:') || href.startsWith('data:')) {
        takeLocal(href, name);
        return true;
      }
      // While armed, the user's next link is the app's "PDF" one, whatever it says: a link without
      // `.pdf` that answers application/pdf, a download, a new tab. Not in-page anchors (`#…`).
      const sameDocument = anchor.getAttribute('href')?.startsWith('#') ?? true;
      if (!/^https?:/i.test(href) || sameDocument) return false;
      if (routed && plainLink(anchor)) return false;
      post({ kind: 'url', url: href, name });
      return true;
    };
    /** A link a router may handle: same origin, no `download`, opening in this window. */
    const plainLink = (anchor: HTMLAnchorElement) => !anchor.hasAttribute('download') && anchor.origin === target.location.origin && (!anchor.target || anchor.target === '_self');

    const click = Anchor.prototype.click;
    Anchor.prototype.click = function (this: HTMLAnchorElement) {
      if (this.isConnected && plainLink(this)) return click.call(this); // the click event below decides
      if (takeAnchor(this)) return;
      click.call(this);
    };
    const dispatchEvent = TargetEventTarget.prototype.dispatchEvent;
    TargetEventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
      if (event.type === 'click' && this instanceof Anchor && !this.isConnected && takeAnchor(this)) return false;
      return dispatchEvent.call(this, event);
    };
    // A link the user clicks: downloads, other windows and other sites are taken at once. A plain
    // same-site link is left to the app's own listeners first: a router that handles it by script
    // (pushState, `preventDefault`) is navigating within the app, not making the PDF. Only a link
    // the app lets the browser follow is taken, as the last thing before the default action: in
    // the window's bubbling phase, or when an app listener stops the event from getting there.
    const decide = (event: Event, anchor: HTMLAnchorElement) => {
      if (decided.has(event)) return;
      decided.add(event);
      if (!event.defaultPrevented && takeAnchor(anchor)) event.preventDefault();
    };
    const decided = new WeakSet<Event>();
    const pending = new WeakMap<Event, HTMLAnchorElement>();
    targetDocument.addEventListener(
      'click',
      (event) => {
        const anchor = event.target instanceof TargetElement ? event.target.closest('a[href]') : null;
        if (!(anchor instanceof Anchor)) return;
        if (takeAnchor(anchor, true)) return void event.preventDefault();
        if (!armed() || !plainLink(anchor) || !event.cancelable) return;
        pending.set(event, anchor);
        for (const method of ['stopPropagation', 'stopImmediatePropagation'] as const) {
          const stop = event[method];
          event[method] = function (this: Event) {
            stop.call(this);
            // After the listener that stopped it returns (a microtask), still during the dispatch.
            queueMicrotask(() => decide(event, anchor));
          };
        }
      },
      true,
    );
    target.addEventListener('click', (event) => {
      const anchor = pending.get(event);
      if (anchor) decide(event, anchor);
    });

    const takeAddress = addressTaker(target);

    const open = target.open;
    target.open = function (this: Window, url?: string | URL, ...rest: unknown[]) {
      if (armed()) {
        if (url === undefined || String(url) === '' || String(url) === 'about:blank') return blankTab(target, takeAddress);
        takeAddress(url);
        // As when a popup blocker stops it; apps that open a PDF handle that.
        return null;
      }
      return open.apply(this, [url, ...rest] as unknown as Parameters<typeof window.open>);
    } as typeof window.open;

    // form.submit() fires no submit event: mark the form for the isolated world, which sends it itself.
    const submit = Form.prototype.submit;
    Form.prototype.submit = function (this: HTMLFormElement) {
      const state = armed();
      if (!state) return submit.call(this);
      this.setAttribute('data-ownpost-capture', state.nonce);
      post({ kind: 'form' });
    };
  };

  // Printing the HTML page makes no file Ownpost can take: the panel says so at once (instead of
  // waiting for a file that never comes), and the print dialog still opens for the user. The same
  // for a same-origin frame's window that the app prints (an HTML print view in a hidden iframe).
  const hookPrint = (target: Window) => {
    const print = target.print as (Window['print'] & { ownpost?: true }) | undefined;
    if (!print || print.ownpost) return;
    const hooked = function (this: Window) {
      if (!armed()) return print.call(target);
      post({ kind: 'print' });
      setTimeout(() => print.call(target), 0);
    };
    target.print = Object.assign(hooked, { ownpost: true as const });
  };
  // `location.href = url`, `location.assign(url)`, a meta refresh: no hook sees those, but the Navigation
  // API (Chromium; Firefox ESR 153) announces them, cancelably. Where it is missing (older Firefox), such
  // downloads are not caught.
  // The same for a same-origin frame sent to the file by script (`frame.contentWindow.location = url`, a
  // download frame without a src): its own navigation is watched from when the hook starts or the app
  // takes hold of the frame's window.
  const watchNavigations = (target: Window) => {
    const navigation = (target as unknown as { navigation?: EventTarget & { ownpost?: true } }).navigation;
    if (!navigation || navigation.ownpost) return;
    navigation.ownpost = true;
    const top = target === window;
    navigation.addEventListener('navigate', (event) => {
      const navigate = event as Event & { destination: { url: string; sameDocument?: boolean }; hashChange: boolean; cancelable: boolean };
      const destination = navigate.destination;
      // pushState, replaceState and hash changes stay in the document: a router's, not a download.
      // The page sent to a blob or data URL is the file the page made (`location.href = blobUrl`).
      if (!armed() || navigate.hashChange || destination.sameDocument || !/^(?:https?|blob|data):/i.test(destination.url)) return;
      if (!top) {
        // A frame also navigates for other reasons (a widget, an app shell's view): it goes on, and
        // its address counts only if it gives a PDF (as a frame's src does, capture/page-capture.ts).
        const state = armed();
        if (state) window.postMessage({ ownpostCapture: state.nonce, kind: 'frame', url: new URL(destination.url, location.href).href }, '*');
        return;
      }
      if (!navigate.cancelable) return;
      navigate.preventDefault();
      addressTaker(window)(destination.url);
    });
  };
  /** A window of this page's: the top one, or a same-origin frame's (another origin's throws, and is not ours to see). */
  const watchWindow = (target: Window) => {
    try {
      hookPrint(target);
      watchNavigations(target);
      hookWindow(target as Hooked & typeof globalThis);
    } catch {
      // Another origin's window.
    }
  };
  // Each arming looks at the frames again: a frame shows another document (with a window of its own) since the last one.
  watchWindow(window);
  for (let i = 0; i < Math.min(window.frames.length, 20); i++) watchWindow(window.frames[i] as Window);
  if (page.__ownpostCaptureFrames) return;
  page.__ownpostCaptureFrames = true;
  const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
  if (contentWindow?.get) {
    const get = contentWindow.get;
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      ...contentWindow,
      get(this: HTMLIFrameElement) {
        const frame = get.call(this) as Window | null;
        // A frame's document may have been replaced since: it is looked at each time.
        if (frame && armed()) watchWindow(frame);
        return frame;
      },
    });
  }
  // A frame that loads another document while armed (the shell's frame going to the print view): its new window is hooked too.
  document.addEventListener(
    'load',
    (event) => {
      const frame = event.target;
      if (armed() && (frame instanceof HTMLIFrameElement || (frame instanceof Element && frame.localName === 'frame'))) {
        const inner = (frame as HTMLIFrameElement).contentWindow;
        if (inner) watchWindow(inner);
      }
    },
    true,
  );
}
