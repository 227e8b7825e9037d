import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { HostGrant } from '../../../../shared/extension-messages';
import { captureStrings } from '../../../i18n/capture-strings';
import { createTranslator, type Language } from '../../../i18n/core';
import { singleHostOf } from '../../../lib/host-grant';
import { askBackground } from '../background-request';
import { fromUser } from './panel-helpers';

export interface FetchedFile {
  filename: string;
  contentType: 'application/pdf';
  contentBase64: string;
  size: number;
}

interface Props {
  language: Language;
  /** The one origin to ask for and the file to fetch once it is granted. */
  grant: HostGrant;
  /** The panel says already that the file is on that host (the capture's outcome): no sentence of its own. */
  explained?: boolean;
  disabled: boolean;
  signal: AbortSignal;
  onFile(file: FetchedFile): void;
}

type State = { kind: 'idle' } | { kind: 'asking' } | { kind: 'refused' } | { kind: 'failed'; message?: string };

/**
 * "Allow Ownpost to read files.example" (issue 16 item 3): the PDF is on a host Ownpost may not read (an
 * app's files or CDN host, a payment host's invoice link). One click asks the browser for exactly that
 * host's permission, never more and never without the click; on a grant the background fetches the file
 * (without cookies, every redirect hop on a granted host) and it is attached at once.
 *
 * How the browser is asked: Chromium gives the panel's extension frame the permissions API, so the click
 * calls `permissions.request` itself (its prompt shows over the tab), first thing in the handler so the
 * user's gesture counts. Firefox gives an extension frame inside a web page no permissions API: the click
 * asks the background to open Ownpost's small window for that one origin (entrypoints/allow-host), whose
 * own button asks on the user's click there; the background answers once it is granted or closed.
 */
export function AllowHost({ language, grant, explained = false, disabled, signal, onFile }: Props) {
  const t = useMemo(() => createTranslator(captureStrings, language), [language]);
  const [state, setState] = useState<State>({ kind: 'idle' });
  // The background names only one-host origins (lib/host-grant.ts); the origin itself if ever not.
  const host = singleHostOf(grant.origin) ?? grant.origin;

  async function allow() {
    setState({ kind: 'asking' });
    let granted: boolean;
    try {
      // Chromium lets the panel's frame ask itself; Firefox gives the frame no permissions API, so a small
      // window of Ownpost's asks on the user's click there (background: askForHost).
      if (browser.permissions?.request) granted = await browser.permissions.request({ origins: [grant.origin] });
      else {
        const asked = await askBackground({ type: 'host.ask', origin: grant.origin, language });
        if (!asked.ok) throw new Error(asked.error.message);
        granted = asked.data.granted;
      }
    } catch (error) {
      // The browser asked nobody: Chromium rejects without a prompt when it sees no user gesture or has no
      // window for it, Firefox the same way, or the background could not open its window. Its own words
      // ("Could not find an active window.") do not tell the user what happened or what to do: ours do.
      console.warn('[ownpost] asking for a host failed', error);
      if (!signal.aborted) setState({ kind: 'failed' });
      return;
    }
    if (signal.aborted) return;
    if (!granted) return setState({ kind: 'refused' });
    const result = await askBackground({ type: 'document.fetchElsewhere', url: grant.url });
    if (signal.aborted) return;
    if (!result.ok) return setState({ kind: 'failed', message: result.error.hint ? `${result.error.message} ${result.error.hint}` : result.error.message });
    onFile({ contentType: 'application/pdf', ...result.data });
  }

  return (
    <div class="allow-host" data-testid="ownpost-allow-host" data-host={host} data-state={state.kind}>
      {!explained && state.kind !== 'refused' && state.kind !== 'failed' && <p class="hint">{t('hostNotAllowed', { host })}</p>}
      {state.kind === 'refused' && (
        <p class="field-problem" role="alert">
          {t('hostRefused', { host })}
        </p>
      )}
      {state.kind === 'failed' && (
        <p class="field-problem" role="alert">
          {state.message ?? t('hostAskFailed', { host })}
        </p>
      )}
      {/* Still offered after a refusal: a second thought needs no new panel. */}
      {!disabled && (
        <div class="actions">
          <button type="button" class="secondary" data-testid="ownpost-allow-host-button" disabled={state.kind === 'asking'} onClick={fromUser(() => void allow())}>
            {state.kind === 'asking' ? t('hostAsking') : t('hostAllow', { host })}
          </button>
        </div>
      )}
    </div>
  );
}
