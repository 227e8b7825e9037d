/**
 * Signing a saved sender in with Microsoft or Google (issue 8), through the relay's sign-in API
 * (shared/oauth-schemas.ts):
 * - Microsoft, device code: the relay asks Microsoft for a user code; the page shows it large, with
 *   a copy button and the verification page (a new tab), and asks the relay for the status every
 *   `pollIntervalSeconds` until it is signed in, expired or failed.
 * - Google, authorization code: the relay builds the authorization URL for this extension's redirect
 *   URL; `browser.identity.launchWebAuthFlow` opens Google's window and resolves with the URL Google
 *   sent the browser back to, which goes back to the relay to finish. Nothing to copy or paste, and
 *   the code reaches only this extension, never a web page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExtensionError } from '../../../shared/extension-messages';
import type { OAuthSignInView } from '../../../shared/oauth-schemas';
import type { OAuthProvider } from '../../../shared/schemas';
import { webPageUrl } from '../../../shared/site-patterns';
import { oauthStrings } from '../../i18n/oauth-strings';
import { browser } from '../../lib/browser';
import { sendRequest } from '../../lib/send-request';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { useLanguage, useTranslator } from '../../ui/language';
import { PROVIDER_NAMES } from './sign-in-methods';

type SignInState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'device'; view: OAuthSignInView }
  | { phase: 'google' }
  | { phase: 'signed_in'; view: OAuthSignInView }
  | { phase: 'expired' }
  | { phase: 'failed'; view?: OAuthSignInView; reason?: 'windowClosed' | 'noIdentity' }
  | { phase: 'error'; error: ExtensionError };

/** `browser.identity` where the browser has it (Chrome, Edge, Firefox); absent in some Chromium forks. */
interface IdentityApi {
  getRedirectURL(path?: string): string;
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string>;
}

function identityApi(): IdentityApi | undefined {
  const identity = (browser as unknown as { identity?: Partial<IdentityApi> }).identity;
  return identity?.launchWebAuthFlow && identity.getRedirectURL ? (identity as IdentityApi) : undefined;
}

/** Poll at most this often whatever the relay says: each status request may poll Microsoft. */
const MIN_POLL_MS = 1000;

interface Props {
  profileId: string;
  provider: OAuthProvider;
  /** The mailbox to sign in as, for the instructions. */
  account: string;
  /** The saved sign-in stopped working: the button says "Sign in again". */
  again?: boolean;
  /** Start at once (the wizard, right after saving the sender). */
  autoStart?: boolean;
  onSignedIn?: (view: OAuthSignInView) => void;
}

export function OAuthSignIn({ profileId, provider, account, again, autoStart, onSignedIn }: Props) {
  const t = useTranslator(oauthStrings);
  const { language } = useLanguage();
  const [state, setState] = useState<SignInState>({ phase: 'idle' });
  const [copied, setCopied] = useState(false);
  /** Bumped by every new start, cancel and unmount: an answer to an older one is dropped. */
  const generation = useRef(0);
  const focusTarget = useRef<HTMLDivElement>(null);
  const providerName = PROVIDER_NAMES[provider];

  useEffect(() => {
    if (autoStart) void start();
    return () => void generation.current++;
  }, []);

  // Follow a device-code sign-in until it ends: one status request per interval, stopped on unmount.
  useEffect(() => {
    if (state.phase !== 'device') return;
    const current = generation.current;
    const delay = Math.max(MIN_POLL_MS, (state.view.pollIntervalSeconds ?? 5) * 1000);
    const timer = setTimeout(async () => {
      const answer = await sendRequest({ type: 'oauth.status', signInId: state.view.id, language });
      if (current !== generation.current) return;
      if (answer.ok) return settle(answer.data);
      // A lost answer (relay restarting, network) is not the end while the code is valid: ask again at
      // the next interval. Any other answer (the sign-in was replaced, the relay forgot this browser) is.
      if (Date.now() >= Date.parse(state.view.expiresAt)) return setState({ phase: 'expired' });
      if (answer.error.code === 'relay_unreachable') return setState({ phase: 'device', view: { ...state.view } });
      setState({ phase: 'error', error: answer.error });
    }, delay);
    return () => clearTimeout(timer);
  }, [state]);

  // Move focus to what changed, so keyboard and screen-reader users land on the code or the outcome.
  useEffect(() => {
    if (state.phase === 'device' || state.phase === 'signed_in' || state.phase === 'failed' || state.phase === 'expired') focusTarget.current?.focus();
  }, [state.phase]);

  function settle(view: OAuthSignInView) {
    if (view.status === 'pending') return setState({ phase: 'device', view });
    if (view.status === 'signed_in') {
      setState({ phase: 'signed_in', view });
      onSignedIn?.(view);
      return;
    }
    setState(view.status === 'expired' ? { phase: 'expired' } : { phase: 'failed', view });
  }

  async function start() {
    const current = ++generation.current;
    setCopied(false);
    let redirectUri: string | undefined;
    const identity = provider === 'google' ? identityApi() : undefined;
    if (provider === 'google') {
      if (!identity) return setState({ phase: 'failed', reason: 'noIdentity' });
      redirectUri = identity.getRedirectURL();
    }
    setState({ phase: 'starting' });
    const started = await sendRequest({ type: 'oauth.start', profileId, language, ...(redirectUri ? { redirectUri } : {}) });
    if (current !== generation.current) return;
    if (!started.ok) return setState({ phase: 'error', error: started.error });
    if (provider === 'microsoft' || !started.data.authorizationUrl || started.data.status !== 'pending') return settle(started.data);

    setState({ phase: 'google' });
    let redirectUrl: string;
    try {
      redirectUrl = await identity!.launchWebAuthFlow({ url: started.data.authorizationUrl, interactive: true });
    } catch {
      // Closed by the user, or Google never sent the browser back: the relay's sign-in simply expires.
      if (current === generation.current) setState({ phase: 'failed', reason: 'windowClosed' });
      return;
    }
    if (current !== generation.current) return;
    const finished = await sendRequest({ type: 'oauth.complete', signInId: started.data.id, redirectUrl, language });
    if (current !== generation.current) return;
    if (!finished.ok) return setState({ phase: 'error', error: finished.error });
    settle(finished.data);
  }

  function cancel() {
    generation.current++;
    setState({ phase: 'idle' });
  }

  async function copyCode(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      // No clipboard permission: the code is selectable (and selected on focus) for copying by hand.
      setCopied(false);
    }
  }

  const startButton = (label: string) => (
    <button type="button" data-testid="oauth-start" onClick={() => void start()}>
      {label}
    </button>
  );

  return (
    <div class="oauth-sign-in stack" data-testid="oauth-sign-in" data-state={state.phase} data-provider={provider}>
      {state.phase === 'idle' && (
        <div class="stack tight">
          {provider === 'google' && <p class="muted">{t('signIn.googleWindow', { account })}</p>}
          <div class="actions">{startButton(again ? t('signIn.again') : t('signIn.start', { provider: providerName }))}</div>
        </div>
      )}

      {(state.phase === 'starting' || state.phase === 'google') && (
        <div class="stack tight">
          {state.phase === 'google' && <p class="muted">{t('signIn.googleWindow', { account })}</p>}
          <p class="testing" role="status">
            <span class="spinner" aria-hidden="true" /> {state.phase === 'starting' ? t('signIn.starting', { provider: providerName }) : t('signIn.googleWaiting')}
          </p>
          <div class="actions">
            <button type="button" class="secondary" onClick={cancel}>
              {t('signIn.cancel')}
            </button>
          </div>
        </div>
      )}

      {state.phase === 'device' && <DeviceCode view={state.view} account={account} providerName={providerName} copied={copied} onCopy={copyCode} onCancel={cancel} focusRef={focusTarget} />}

      {state.phase === 'signed_in' && (
        <div class="notice ok" role="status" tabIndex={-1} ref={focusTarget} data-testid="oauth-signed-in">
          <strong>{state.view.account ? t('signIn.signedIn', { account: state.view.account }) : t('signIn.signedInNoAccount')}</strong>
        </div>
      )}

      {(state.phase === 'expired' || state.phase === 'failed') && (
        <div class="stack tight">
          <div
            class="notice error"
            role="alert"
            tabIndex={-1}
            ref={focusTarget}
            data-testid="oauth-problem"
            data-code={state.phase === 'failed' ? (state.view?.problem?.code ?? state.reason) : 'expired'}
          >
            <strong>
              {state.phase === 'expired'
                ? t('signIn.expired')
                : state.reason === 'windowClosed'
                  ? t('signIn.windowClosed')
                  : state.reason === 'noIdentity'
                    ? t('signIn.noIdentity')
                    : (state.view?.problem?.title ?? t('signIn.failed'))}
            </strong>
            {state.phase === 'failed' && state.view?.problem && (
              <>
                <p>{state.view.problem.explanation}</p>
                <p>{state.view.problem.fix}</p>
              </>
            )}
            {state.phase === 'failed' && state.view?.detail && (
              <code class="stage-detail" lang="en">
                {state.view.detail}
              </code>
            )}
          </div>
          {!(state.phase === 'failed' && state.reason === 'noIdentity') && <div class="actions">{startButton(t('signIn.startAgain'))}</div>}
        </div>
      )}

      {state.phase === 'error' && (
        <div class="stack tight">
          <ErrorNotice error={state.error} testId="oauth-error" />
          <div class="actions">{startButton(t('signIn.startAgain'))}</div>
        </div>
      )}
    </div>
  );
}

interface DeviceCodeProps {
  view: OAuthSignInView;
  account: string;
  providerName: string;
  copied: boolean;
  onCopy: (code: string) => void;
  onCancel: () => void;
  focusRef: { current: HTMLDivElement | null };
}

/** The user code, large and copyable, and the page to type it at. */
function DeviceCode({ view, account, providerName, copied, onCopy, onCancel, focusRef }: DeviceCodeProps) {
  const t = useTranslator(oauthStrings);
  // A web address only, never a `javascript:` link.
  const page = view.verificationUri ? webPageUrl(view.verificationUri) : undefined;
  const code = view.userCode ?? '';
  const site = page ? `${page.host}${page.pathname === '/' ? '' : page.pathname}` : '';
  return (
    <div class="device-code stack" data-testid="oauth-device-code">
      <p>{t('signIn.deviceLead', { provider: providerName, account })}</p>
      <div class="user-code-box" tabIndex={-1} ref={focusRef} aria-labelledby="oauth-user-code-label">
        <span id="oauth-user-code-label" class="hint muted">
          {t('signIn.code')}
        </span>
        {/* lang="en": a screen reader spells it as letters and digits, whatever the page's language. */}
        <output class="user-code" data-testid="oauth-user-code" lang="en" aria-labelledby="oauth-user-code-label">
          {code}
        </output>
      </div>
      <div class="actions">
        <button type="button" class="secondary" data-testid="oauth-copy-code" onClick={() => onCopy(code)}>
          {copied ? `✓ ${t('signIn.copied')}` : t('signIn.copy')}
        </button>
        {page && (
          <a class="button" href={page.href} target="_blank" rel="noopener noreferrer" data-testid="oauth-verification-link" onClick={() => onCopy(code)}>
            {t('signIn.open', { site })} <span class="visually-hidden">{t('signIn.opensInNewTab')}</span>
          </a>
        )}
        <button type="button" class="quiet" onClick={onCancel}>
          {t('signIn.cancel')}
        </button>
      </div>
      <p class="testing" role="status" data-testid="oauth-waiting">
        <span class="spinner" aria-hidden="true" /> {t('signIn.waiting')}
      </p>
      <p class="muted">{t('signIn.expiresAt', { time: formatDateTime(view.expiresAt, t.locale) })}</p>
    </div>
  );
}
