import { useState } from 'preact/hooks';
import type { ConnectionState } from '../../shared/extension-messages';
import { commonStrings } from '../i18n/common-strings';
import { setupStrings } from '../i18n/setup-strings';
import { browser } from '../lib/browser';
import { DEFAULT_RELAY_URL } from '../lib/connection-item';
import { sendRequest } from '../lib/send-request';
import { ErrorNotice, type DisplayableError } from './ErrorNotice';
import { TextField } from './fields';
import { useTranslator } from './language';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Host permission for a relay on another machine is asked for at the moment of connecting, not at
 * install: most people run the relay on their own computer, which the manifest already allows.
 * The request is the first call after the click, so the browser still sees the user's gesture.
 */
function ensureRelayPermission(url: URL): Promise<boolean> {
  if (LOOPBACK.has(url.hostname)) return Promise.resolve(true);
  return browser.permissions.request({ origins: [`${url.origin}/*`] });
}

/**
 * Relay address and pairing code → a paired browser. Shared by the popup and the options page.
 * A new relay's setup code (issue 20) is typed in the same field: the relay answers that it needs the
 * admin's address, the form asks for it, and the same code is sent again with it.
 */
export function ConnectForm({ onConnected }: { onConnected: (state: ConnectionState) => void }) {
  const t = useTranslator(commonStrings);
  const setup = useTranslator(setupStrings);
  const [relayUrl, setRelayUrl] = useState(DEFAULT_RELAY_URL);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DisplayableError | undefined>();
  /** The relay said the code is its setup code: the admin's address is asked for. */
  const [isSetupCode, setIsSetupCode] = useState(false);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');

  async function connect(event: Event) {
    event.preventDefault();
    setError(undefined);
    let url: URL;
    try {
      url = new URL(relayUrl.trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not a web address');
    } catch {
      return setError({ code: 'bad_request', message: t('connect.badUrl', { url: DEFAULT_RELAY_URL }) });
    }
    const permitted = ensureRelayPermission(url);
    setBusy(true);
    if (!(await permitted)) {
      setBusy(false);
      return setError({ code: 'bad_request', message: t('connect.permissionDenied', { host: url.host }) });
    }
    const result = await sendRequest({
      type: 'connection.pair',
      relayUrl: url.href,
      code: code.trim(),
      ...(isSetupCode && email.trim() ? { email: email.trim() } : {}),
      ...(isSetupCode && name.trim() ? { name: name.trim() } : {}),
    });
    setBusy(false);
    if (result.ok) onConnected(result.data);
    else if (result.error.code === 'setup_email_required') setIsSetupCode(true);
    else setError(result.error);
  }

  return (
    <form class="stack connect-form" onSubmit={connect} aria-busy={busy}>
      <p>{t('connect.lead')}</p>
      <TextField
        label={t('connect.relayUrl')}
        type="url"
        value={relayUrl}
        onInput={setRelayUrl}
        required
        testId="relay-url"
        hint={t('connect.relayUrlHint', { url: DEFAULT_RELAY_URL })}
        spellcheck={false}
      />
      <TextField
        label={t('connect.code')}
        value={code}
        onInput={setCode}
        required
        testId="pairing-code"
        autocomplete="one-time-code"
        placeholder="ABCD-1234"
        spellcheck={false}
        hint={
          <>
            {t('connect.codeHint')} {setup('setup.codeHint')} {t('connect.codeHelp')} <code>npx ownpost pair you@company.com</code>
          </>
        }
      />
      {isSetupCode && (
        <div class="stack" data-testid="setup-fields">
          <p class="notice" role="status">
            {setup('setup.lead')}
          </p>
          <TextField label={setup('setup.email')} type="email" value={email} onInput={setEmail} required testId="setup-email" autocomplete="email" hint={setup('setup.emailHint')} spellcheck={false} />
          <TextField label={setup('setup.name')} value={name} onInput={setName} testId="setup-name" autocomplete="name" />
        </div>
      )}
      <div class="actions">
        <button data-testid="connect" type="submit" disabled={busy}>
          {busy ? t('connect.busy') : isSetupCode ? setup('setup.submit') : t('connect.submit')}
        </button>
      </div>
      {error && <ErrorNotice error={error} testId="connect-error" />}
    </form>
  );
}
