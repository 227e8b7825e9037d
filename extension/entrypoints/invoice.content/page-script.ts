/**
 * The page script (issue 7): reads the page with the site adapters, puts the send button next to
 * the document's title, and follows single-page apps. Part of the script every page of an enabled
 * site loads (index.ts), but started only once the page looks like a document (issue 18): V8
 * compiles a function on its first call, so on the other pages this code costs only its parse. The
 * send and bulk panels run in an extension-origin frame the page cannot script (panel-frame.ts,
 * issue 14); the element picker is another script the background injects only when the user starts
 * it (see panel-contract.ts).
 */
import { browser } from 'wxt/browser';
import type { PageContext } from './page-context';
import type { PageSetup, PanelDocument, PanelView, TabCommand } from '../../../shared/extension-messages';
import { createTranslator } from '../../i18n/core';
import { buttonStrings } from '../../i18n/page-strings';
import { watchPage } from './page-watch';
import { askBackground } from './background-request';
import { installedPanel, type PanelApi, type PanelHost } from './panel-contract';
import { installedCapture } from './capture-contract';
import type { CommandListener, PageStart } from './page-contract';
import { openPanelFrame, type PanelFrame } from './panel-frame';
import type { DetectedDocument } from '../../sites/site-adapter';
import { loadDetector, type InPageDetector } from './detector-contract';
import { pageReader, type PageReading } from './page-reader';
import { findViewerPdf, readViewerPdf } from './viewer-pdf';

/**
 * Starts on the page; returns the listener for the background's commands, which the caller adds
 * (one listener for the whole content script). `firstReading`: the copy's reading that came with the setup.
 */
/** After an in-app navigation during a capture, when the page is read again for the panel's document (ms to wait before each look). */
const NAVIGATION_RECHECK_MS = [300, 900];

export function startOnPage(ctx: PageContext, setup: PageSetup, firstReading?: PageStart['firstReading']): CommandListener {
  let recipes = setup.recipes;
  const t = createTranslator(buttonStrings, setup.language);

  const host: PanelHost = {
    language: setup.language,
    pageUrl: () => new URL(location.href),
    recipesChanged() {
      void askBackground({ type: 'page.setup' }).then((result) => {
        if (!result.ok || ctx.isInvalid) return;
        recipes = result.data.recipes;
        watcher.detectAgain();
      });
    },
  };

  /** The picker's script, injected on first use; a failure is returned for the popup to show (issue 16). */
  async function panel(): Promise<PanelApi | { problem: string }> {
    const loaded = installedPanel();
    if (loaded) return loaded;
    const result = await askBackground({ type: 'panel.load' });
    if (!result.ok) return { problem: t('loadFailed', { reason: result.error.message }) };
    return installedPanel() ?? { problem: t('loadFailed', { reason: 'the picker did not start.' }) };
  }

  /** The open panel frame, and the document it shows (its recipe PDF button is pressed from here, never by the frame). */
  /** `captured`: the user armed a capture from this panel (then an in-app navigation may keep it, see `navigated`). */
  let frame: { token: string; panel?: PanelFrame; controller: AbortController; document?: DetectedDocument; captured?: boolean } | undefined;
  const closeFrame = () => {
    frame?.controller.abort();
    frame = undefined;
  };
  ctx.onInvalidated(closeFrame);

  /**
   * Opens the panel frame; every way this can fail is shown (issue 16: never silently): by the button,
   * or, for the popup's "Send anyway", in the popup. Resolves whether the frame opened.
   */
  async function openPanel(quickOrWhole: PageReading, showProblem: (message: string) => void): Promise<boolean> {
    closeFrame();
    const controller = new AbortController();
    const opening: NonNullable<typeof frame> = { token: '', controller };
    frame = opening;
    let detection: PageReading;
    try {
      // The button's reading of the page may have left out what the panel shows (issue 18).
      detection = (await quickOrWhole.complete?.()) ?? quickOrWhole;
    } catch (error) {
      if (frame === opening) frame = undefined;
      showProblem(t('loadFailed', { reason: (error as Error).message || String(error) }));
      return false;
    }
    if (frame !== opening || ctx.isInvalid) return false;
    if (detection.kind === 'document') opening.document = detection.documents[0];
    try {
      const view = await panelView(detection);
      if (controller.signal.aborted || ctx.isInvalid) return false;
      opening.panel = await openPanelFrame(view, {
        signal: controller.signal,
        onClosed: () => frame === opening && (frame = undefined),
        onFailed: (reason) => showProblem(t('loadFailed', { reason })),
      });
      opening.token = opening.panel.token;
      return true;
    } catch (error) {
      if (frame === opening) frame = undefined;
      showProblem(t('loadFailed', { reason: (error as Error).message || String(error) }));
      return false;
    }
  }

  const reader = pageReader(() => recipes, firstReading);
  const watcher = watchPage(ctx, {
    read: reader.read,
    label: (detection) => (detection.kind === 'list' ? t('sendList', { count: detection.documents.length }) : t('send')),
    open: (detection, button) => void openPanel(detection, (message) => button.showProblem(message)),
    navigated: () => {
      const opened = frame;
      // The user armed a capture and the app moved within itself (a router's print view of the same
      // record, pushState): the panel and its capture stay while the page still shows the panel's
      // document's number, looked for once the app had time to render. Otherwise, or if the
      // page now shows another document or none, the panel closes as on any navigation.
      const number = opened?.captured ? opened.document?.number : undefined;
      if (!opened || !number) {
        closeFrame();
        installedPanel()?.close();
        return;
      }
      const stillShown = async () => {
        for (const wait of NAVIGATION_RECHECK_MS) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          if (frame !== opened || ctx.isInvalid) return true;
          // The number as the page shows it (a panel opened by "Send anyway" may have a document the
          // quick reading does not find): one look at the text, only in this case.
          if (document.body?.textContent?.includes(number)) return true;
        }
        return false;
      };
      void stillShown().then((shown) => {
        if (shown || frame !== opened) return;
        closeFrame();
        installedPanel()?.close();
      });
    },
  });

  // The popup's "Teach Ownpost this page" reaches us through the background only: a message from
  // anything else (another extension, a page) is not for us.
  const onCommand: CommandListener = (message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const command = message as TabCommand | undefined;
    if (command?.type === 'ownpost.panel.close' || command?.type === 'ownpost.panel.resize' || command?.type === 'ownpost.panel.ready') {
      // Only for the frame this script opened (the token the background gave it).
      if (!frame || frame.token !== command.token) return;
      if (command.type === 'ownpost.panel.close') closeFrame();
      else if (command.type === 'ownpost.panel.ready') frame.panel?.ready();
      else frame.panel?.resize(command.height, command.aside === true);
      return;
    }
    if (command?.type === 'ownpost.capture.start' || command?.type === 'ownpost.capture.cancel' || command?.type === 'ownpost.capture.frame') {
      // The user armed (or cancelled) a capture in the frame this script opened; the background
      // injected the capture script into this frame just before.
      if (!frame || frame.token !== command.token) return;
      if (command.type === 'ownpost.capture.cancel') return installedCapture()?.cancel();
      if (command.type === 'ownpost.capture.frame') return installedCapture()?.frame(command.url);
      const capture = installedCapture();
      if (!capture) return void askBackground({ type: 'capture.result', token: command.token, outcome: { ok: false, reason: 'failed' } });
      const opened = frame;
      opened.captured = true;
      const found = opened.document;
      const run = (detector?: InPageDetector) => {
        if (frame !== opened) return;
        capture.run({
          token: command.token,
          signal: opened.controller.signal,
          ...(found?.number ? { documentNumber: found.number } : {}),
          ...(command.press && found ? { press: () => pdfButtonOf(found, detector) } : {}),
        });
      };
      // A recipe's PDF button that the app rendered again is found by its selector, with the detector's select.
      if (command.press && found?.pdfButtonSelector) void loadDetector().then(run, () => run());
      else run();
      return;
    }
    if (command?.type === 'ownpost.page.report' || command?.type === 'ownpost.panel.open') {
      // The popup's "what this page offers" and "Send anyway" (issue 16 item 11), by the detector in the page.
      void loadDetector().then(
        async (detector) => {
          const { report, detection } = detector.reportPage(document, new URL(location.href), recipes);
          // A preview the app made in memory is the PDF the panel will attach (panelView): the report says so too.
          if (command.type === 'ownpost.page.report') return sendResponse({ report: report.pdf ? report : { ...report, pdf: Boolean(await findViewerPdf(document)) } });
          // The answer comes once the panel opened, or with the reason it could not.
          void openPanel(detection, (problem) => sendResponse({ opened: false, problem })).then((opened) => opened && sendResponse({ opened: true }));
        },
        (error: unknown) => {
          const problem = t('loadFailed', { reason: (error as Error).message || String(error) });
          sendResponse(command.type === 'ownpost.page.report' ? undefined : { opened: false, problem });
        },
      );
      return true;
    }
    if (command?.type !== 'ownpost.picker.start') return;
    void panel().then((api) => {
      if ('problem' in api) return sendResponse({ ok: false, problem: api.problem });
      api.startPicker(host);
      sendResponse({ ok: true });
    });
    // The answer comes once the picker runs (or could not start).
    return true;
  };
  return onCommand;
}

/** The page data the panel frame gets: no elements, and the PDF link found by asking the site only now that the user asked. */
async function panelView(detection: PageReading): Promise<PanelView> {
  if (detection.kind === 'list') return { kind: 'list', documents: detection.documents.map(panelDocument) };
  let found = detection.documents[0]!;
  if (!found.pdfUrl && found.pdfCandidates?.length) {
    const probed = await askBackground({ type: 'document.probe', urls: found.pdfCandidates.slice(0, 3) });
    if (probed.ok && probed.data.document) found = { ...found, pdfUrl: probed.data.document.url };
  }
  // No address to fetch: a preview the app made in memory (a blob: viewer) may show the PDF itself.
  const pdfFile = found.pdfUrl ? undefined : await readViewerPdf(found.anchor?.ownerDocument ?? document, found.number);
  return { kind: 'document', document: { ...panelDocument(found), ...(pdfFile ? { pdfFile } : {}) } };
}

/** A recipe's PDF button: the one found with the document, or found again when the app re-rendered it. */
function pdfButtonOf(found: DetectedDocument, detector: InPageDetector | undefined): HTMLElement | undefined {
  const button = found.pdfButton?.isConnected ? found.pdfButton : detector?.select(found.row?.isConnected ? found.row : document, found.pdfButtonSelector);
  return button instanceof HTMLElement ? button : undefined;
}

function panelDocument(found: DetectedDocument): PanelDocument {
  return {
    // Within the limits the background checks (zPanelDocument): a page's odd text must not stop the panel.
    recipients: found.recipients.filter((r) => r.length <= 400).slice(0, 20),
    ...(found.number ? { number: found.number.slice(0, 200) } : {}),
    ...(found.customerName ? { customerName: found.customerName.slice(0, 300) } : {}),
    ...(found.amount ? { amount: found.amount.slice(0, 100) } : {}),
    ...(found.dueDate ? { dueDate: found.dueDate.slice(0, 100) } : {}),
    ...(found.language ? { language: found.language } : {}),
    ...(found.pdfUrl ? { pdfUrl: found.pdfUrl } : {}),
    ...(found.pdfName ? { pdfName: found.pdfName } : {}),
    ...(!found.pdfUrl && found.pdfElsewhere && found.pdfElsewhere.length <= 4096 ? { pdfElsewhere: found.pdfElsewhere } : {}),
    ...(found.customerNumber ? { customerNumber: found.customerNumber.slice(0, 64) } : {}),
    ...(found.customerPageUrl && found.customerPageUrl.length <= 4096 ? { customerPageUrl: found.customerPageUrl } : {}),
    ...(found.pdfButtonSelector ? { pdfButtonSelector: found.pdfButtonSelector.slice(0, 2000) } : {}),
    ...(found.kind ? { kind: found.kind } : {}),
  };
}
