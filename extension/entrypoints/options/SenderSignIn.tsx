import { useState } from 'preact/hooks';
import type { ExtensionError } from '../../../shared/extension-messages';
import type { OAuth2AuthView, ProfileView } from '../../../shared/schemas';
import { oauthStrings } from '../../i18n/oauth-strings';
import { sendRequest } from '../../lib/send-request';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslator } from '../../ui/language';
import { OAuthSignIn } from './OAuthSignIn';
import { PROVIDER_NAMES } from './sign-in-methods';

/** Whether an OAuth2 sender can send, in words: signed in as whom, or what is missing. */
export function OAuthStatusLine({ auth }: { auth: OAuth2AuthView }) {
  const t = useTranslator(oauthStrings);
  const provider = PROVIDER_NAMES[auth.provider];
  const [text, tone] =
    auth.status === 'ready'
      ? [auth.flow === 'client_credentials' ? t('status.readyApp', { clientId: auth.clientId ?? '' }) : t('status.ready', { provider, account: auth.account ?? auth.username }), 'muted']
      : auth.status === 'sign_in_again'
        ? [t('status.signInAgain', { provider }), 'warn-text']
        : auth.status === 'client_secret_missing'
          ? [t('status.clientSecretMissing'), 'warn-text']
          : [t('status.signInRequired', { provider }), 'warn-text'];
  return (
    <p class={tone} data-testid="sender-oauth-status" data-status={auth.status}>
      {auth.status === 'ready' ? '✓ ' : ''}
      {text}
    </p>
  );
}

/** The badge a sender's heading carries while it cannot send for want of a sign-in. */
export function OAuthBadge({ auth }: { auth: OAuth2AuthView }) {
  const t = useTranslator(oauthStrings);
  if (auth.status === 'sign_in_again')
    return (
      <span class="badge admin" data-testid="sender-badge-sign-in-again">
        {t('status.badgeSignInAgain')}
      </span>
    );
  if (auth.status === 'sign_in_required')
    return (
      <span class="badge admin" data-testid="sender-badge-not-signed-in">
        {t('status.badgeNotSignedIn')}
      </span>
    );
  return null;
}

interface Props {
  profile: ProfileView & { auth: OAuth2AuthView };
  /** The sign-in changed (signed in or out): the caller reloads the sender. */
  onChanged: () => void;
  /** May this user sign in or out for the sender (its owner; an admin for company senders)? */
  manageable: boolean;
}

/**
 * A saved OAuth2 sender's sign-in: its state, "Sign in" (or "Sign in again" when the relay reports
 * that the saved sign-in stopped working) and "Sign out". App-only senders have nobody to sign in.
 */
export function SenderSignIn({ profile, onChanged, manageable }: Props) {
  const t = useTranslator(oauthStrings);
  const { auth } = profile;
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const [error, setError] = useState<ExtensionError | undefined>();
  const delegated = auth.flow !== 'client_credentials';

  async function signOut() {
    setError(undefined);
    const answer = await sendRequest({ type: 'oauth.signOut', profileId: profile.id });
    setConfirmSignOut(false);
    if (!answer.ok) return setError(answer.error);
    setSignedOut(true);
    onChanged();
  }

  return (
    <div class="stack tight" data-testid="sender-sign-in">
      <OAuthStatusLine auth={auth} />
      {signedOut && (
        <p class="muted" role="status">
          {t('signOut.done')}
        </p>
      )}
      {manageable && delegated && auth.status !== 'ready' && (
        <OAuthSignIn
          key={`${profile.id}-${auth.status}`}
          profileId={profile.id}
          provider={auth.provider}
          account={auth.username}
          again={auth.status === 'sign_in_again'}
          onSignedIn={() => onChanged()}
        />
      )}
      {manageable && delegated && auth.status === 'ready' && !confirmSignOut && (
        <div class="actions">
          <button type="button" class="quiet" data-testid="oauth-sign-out" onClick={() => setConfirmSignOut(true)}>
            {t('signOut.button')}
          </button>
        </div>
      )}
      {confirmSignOut && (
        <div class="notice warn" role="alertdialog" aria-labelledby={`sign-out-${profile.id}`}>
          <strong id={`sign-out-${profile.id}`}>{t('signOut.confirm', { account: auth.account ?? auth.username })}</strong>
          <div class="actions">
            <button type="button" class="danger" data-testid="oauth-sign-out-confirm" onClick={() => void signOut()}>
              {t('signOut.yes')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirmSignOut(false)}>
              {t('signOut.no')}
            </button>
          </div>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
