/**
 * The panel frame (issue 14): an extension page the content script shows in an iframe on the
 * invoice page. The page cannot read it (another origin), script it, or restyle it; what the panel
 * shows from the relay (senders, history, recipients) never enters the page's DOM. It gets the page's
 * data from the background for the one-time token in its address (background/panel-sessions.ts) and
 * talks to the relay only through the background, as the popup does.
 */
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PanelView } from '../../../shared/extension-messages';
import { CAPTURE_ARMED_MS, type CaptureOutcome } from '../../capture/page-capture';
import type { FrameMessage, FrameUpdate } from '../../background/panel-sessions';
import { PANEL_PORT_NAME } from '../../background/panel-sessions';
import { createTranslator, detectLanguage, type Language } from '../../i18n/core';
import { panelFrameStrings } from '../../i18n/panel-frame-strings';
import { BulkPanel } from '../invoice.content/panel/BulkPanel';
import type { PanelHost } from '../invoice.content/panel-contract';
import { setActivationGuard } from '../invoice.content/panel/panel-helpers';
import { SendPanel } from '../invoice.content/panel/SendPanel';
import { createClickGuard } from './click-guard';
import '../invoice.content/panel/panel.css';
import './frame.css';

/** Below Chromium's 30-second idle limit for an extension's service worker. */
const KEEP_ALIVE_MS = 20_000;

type State = { kind: 'connecting' } | { kind: 'expired' } | { kind: 'open'; view: PanelView; language: Language; pageUrl: string };

// The token is read once and taken out of the address, so nothing later in this page can leak it.
const token = location.hash.slice(1);
history.replaceState(null, '', location.pathname);

const port = browser.runtime.connect({ name: PANEL_PORT_NAME });
const send = (message: FrameMessage) => {
  try {
    port.postMessage(message);
  } catch {
    // The background let go of this frame: nothing to tell.
  }
};
const guard = createClickGuard(document.documentElement);

/** A capture waits a little longer than the content script's own limit, in case its outcome never comes (the page went away). */
const CAPTURE_WAIT_MS = CAPTURE_ARMED_MS + 15_000;
let settleCapture: ((outcome: CaptureOutcome) => void) | undefined;
let captureArmed: (() => void) | undefined;

/**
 * "Take the PDF from the page" (issue 16 item 3), asked for only from a click the guard let through
 * (PageCapture's buttons are `fromUser`): the background starts the capture in the page's content
 * script and sends back what it took. One capture at a time; a new one replaces the last.
 */
function capturePdf(press: boolean, signal: AbortSignal, onArmed: () => void): Promise<CaptureOutcome> {
  settleCapture?.({ ok: false, reason: 'cancelled' });
  captureArmed = onArmed;
  return new Promise<CaptureOutcome>((resolve) => {
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }, true), CAPTURE_WAIT_MS);
    const finish = (outcome: CaptureOutcome, cancelInPage = false) => {
      if (settleCapture !== finish) return;
      settleCapture = undefined;
      captureArmed = undefined;
      clearTimeout(timer);
      if (cancelInPage) send({ type: 'capture.cancel' });
      resolve(outcome);
    };
    settleCapture = finish;
    signal.addEventListener('abort', () => finish({ ok: false, reason: 'cancelled' }, true), { once: true });
    send({ type: 'capture.start', press });
  });
}
// Marks whether clicks count now: for the frame's own styles, and for tests, which click only once the
// panel is plainly visible, as a person would.
guard.onChange((allowed) => (document.documentElement.dataset.clickable = String(allowed)));

function PanelFrame() {
  const [state, setState] = useState<State>({ kind: 'connecting' });
  const [refused, setRefused] = useState(false);
  const refusedTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const controller = useMemo(() => new AbortController(), []);
  const language = state.kind === 'open' ? state.language : detectLanguage();
  const t = useMemo(() => createTranslator(panelFrameStrings, language), [language]);

  useEffect(() => {
    const onUpdate = (raw: unknown) => {
      const update = raw as FrameUpdate;
      if (update.type === 'session') setState({ kind: 'open', view: update.view, language: update.language, pageUrl: update.pageUrl });
      else if (update.type === 'visibility') guard.hostReported(update.visible);
      else if (update.type === 'expired') setState({ kind: 'expired' });
      else if (update.type === 'capture.armed') captureArmed?.();
      else if (update.type === 'capture') settleCapture?.(update.outcome);
    };
    port.onMessage.addListener(onUpdate);
    // Without the background there is no word from the page on whether the frame is visible: no more
    // clicks, and the panel says it must be opened again.
    port.onDisconnect.addListener(() => {
      guard.hostReported(false);
      setState({ kind: 'expired' });
    });
    const keepAlive = setInterval(() => send({ type: 'ping' }), KEEP_ALIVE_MS);
    const refuse = () => {
      // Say why nothing happened, so the user is not left clicking at a panel that ignores them.
      setRefused(true);
      clearTimeout(refusedTimer.current);
      refusedTimer.current = setTimeout(() => setRefused(false), 8_000);
    };
    setActivationGuard(() => guard.allows() || (refuse(), false));
    // Every click, before any handler or default action (a checkbox toggling, a label opening the file
    // chooser): while the frame is hidden or covered, it does nothing at all.
    const onClick = (event: MouseEvent) => {
      if (!event.isTrusted) return;
      if (guard.allows()) {
        // A press that counts: the note about an earlier one that did not is stale.
        clearTimeout(refusedTimer.current);
        setRefused(false);
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      refuse();
    };
    window.addEventListener('click', onClick, { capture: true });
    send({ type: 'claim', token });
    // The frame takes the height of what it shows; the content script keeps it within the viewport.
    // `aside`: a capture listens, the panel shows only that (frame.css), and its frame is to leave
    // the page's own buttons free.
    const resize = new ResizeObserver(() => send({ type: 'resize', height: Math.ceil(document.body.getBoundingClientRect().height), aside: document.querySelector('.capture-armed') !== null }));
    resize.observe(document.body);
    return () => {
      clearInterval(keepAlive);
      resize.disconnect();
      window.removeEventListener('click', onClick, { capture: true });
    };
  }, []);

  const close = () => {
    controller.abort();
    send({ type: 'close' });
  };

  const host: PanelHost | undefined = useMemo(
    () => (state.kind === 'open' ? { language: state.language, pageUrl: () => new URL(state.pageUrl), recipesChanged: () => undefined, capturePdf } : undefined),
    [state.kind],
  );

  return (
    <>
      {refused && (
        <p class="click-refused" role="alert" data-testid="ownpost-click-refused">
          {t('clickRefused')}
        </p>
      )}
      {state.kind === 'connecting' && <p class="frame-note">{t('connecting')}</p>}
      {state.kind === 'expired' && (
        <div class="panel" data-testid="ownpost-panel" data-state="expired">
          <p class="frame-note">{t('expired')}</p>
          <div class="actions">
            <button type="button" onClick={(e) => e.isTrusted && close()}>
              {t('close')}
            </button>
          </div>
        </div>
      )}
      {state.kind === 'open' && host && state.view.kind === 'document' && <SendPanel found={state.view.document} host={host} signal={controller.signal} onClose={close} />}
      {state.kind === 'open' && host && state.view.kind === 'list' && <BulkPanel documents={state.view.documents} host={host} signal={controller.signal} onClose={close} />}
    </>
  );
}

render(<PanelFrame />, document.getElementById('app')!);
