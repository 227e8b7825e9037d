import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CaptureOutcome, CapturedFile } from '../../../capture/page-capture';
import { captureStrings } from '../../../i18n/capture-strings';
import { createTranslator, type Language } from '../../../i18n/core';
import { AllowHost } from './AllowHost';
import { fromUser } from './panel-helpers';

interface Props {
  language: Language;
  /** The page has the app's own button that makes the PDF (a recipe's): "Make the PDF" presses it for the user. */
  hasPdfButton: boolean;
  /** Runs a capture in the page (PanelHost.capturePdf): the panel frame cannot see the page itself. */
  capture(press: boolean, signal: AbortSignal, onArmed: () => void): Promise<CaptureOutcome>;
  /** The panel has a PDF already (from a link, or taken before): then this offers itself quietly. */
  hasPdf: boolean;
  disabled: boolean;
  signal: AbortSignal;
  onFile(file: CapturedFile): void;
}

/** `starting`: asked for, not listening in the page yet; `armed`: the app's button may be pressed now. */
type State = { kind: 'idle' } | { kind: 'starting' } | { kind: 'armed' } | { kind: 'taken'; file: CapturedFile } | { kind: 'failed'; outcome: Exclude<CaptureOutcome, { ok: true }> };

/**
 * "Take the PDF from the page" (issue 16 item 3): armed only by the user's own click here (in the
 * panel frame, where the click guard decides whether a click counts), then the user presses the
 * app's Print or PDF button and the file it makes is attached. The listening happens in the page's
 * content script (invoice.content/page-capture.ts); the outcome arrives through the background.
 * When no PDF was found, says so and points to this and to "Add a file".
 */
export function PageCapture({ language, hasPdfButton, capture, hasPdf, disabled, signal, onFile }: Props) {
  const t = useMemo(() => createTranslator(captureStrings, language), [language]);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const running = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => running.current?.abort(), []);

  async function arm(pressAppButton: boolean) {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    signal.addEventListener('abort', () => controller.abort(), { signal: controller.signal });
    setState({ kind: 'starting' });
    // A recipe's "this button makes the PDF": the content script presses it once the capture listens.
    const result = await capture(pressAppButton, controller.signal, () => !controller.signal.aborted && setState({ kind: 'armed' }));
    if (controller.signal.aborted && !result.ok && result.reason === 'cancelled') return signal.aborted ? undefined : setState({ kind: 'idle' });
    if (signal.aborted) return;
    if (result.ok) {
      onFile(result.file);
      setState({ kind: 'taken', file: result.file });
    } else setState({ kind: 'failed', outcome: result });
  }

  const reason = state.kind === 'failed' ? state.outcome.reason : undefined;
  return (
    <div class="capture" data-testid="ownpost-capture">
      {!hasPdf && state.kind !== 'taken' && (
        <p class="notice" data-testid="ownpost-no-pdf">
          {t('noPdfFound')}
        </p>
      )}
      {state.kind === 'armed' || state.kind === 'starting' ? (
        <p class="capture-armed" data-testid="ownpost-capture-status" data-state={state.kind} role="status">
          {t('captureArmed')}{' '}
          <button type="button" class="secondary" data-testid="ownpost-capture-cancel" onClick={fromUser(() => running.current?.abort())}>
            {t('captureCancel')}
          </button>
        </p>
      ) : (
        !disabled && (
          <div class="actions capture-actions">
            {hasPdfButton && (
              <button type="button" class="secondary" data-testid="ownpost-capture-recipe" onClick={fromUser(() => void arm(true))}>
                {t('captureRecipe')}
              </button>
            )}
            <button type="button" class="secondary" data-testid="ownpost-capture-start" onClick={fromUser(() => void arm(false))}>
              {t('captureStart')}
            </button>
          </div>
        )
      )}
      {state.kind === 'taken' && (
        <p class="hint" data-testid="ownpost-capture-status" data-state="taken" data-route={state.file.route}>
          {t('captureTaken')}: {state.file.filename}
        </p>
      )}
      {reason && (
        <p class="field-problem" data-testid="ownpost-capture-status" data-state="error" data-reason={reason} role="alert">
          {state.kind === 'failed' && state.outcome.message ? state.outcome.message : reason === 'not_pdf' ? t('captureNotPdf') : reason === 'print_only' ? t('capturePrintOnly') : t('captureNothing')}
        </p>
      )}
      {state.kind === 'failed' && state.outcome.grant && (
        <AllowHost
          key={state.outcome.grant.url}
          language={language}
          grant={state.outcome.grant}
          explained
          disabled={disabled}
          signal={signal}
          onFile={(fetched) => {
            const file: CapturedFile = { ...fetched, route: 'url' };
            onFile(file);
            setState({ kind: 'taken', file });
          }}
        />
      )}
    </div>
  );
}
