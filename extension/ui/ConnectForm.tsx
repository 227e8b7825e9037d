import { useState } from 'preact/hooks';
import type { ConnectionState } from '../../shared/extension-messages';
import { commonStrings } from '../i18n/common-strings';
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

/** Relay address and pairing code → a paired browser. Shared by the popup and the options page. */
export function ConnectForm({ onConnected }: { onConnected: (state: ConnectionState) => void }) {
  const t = useTranslator(commonStrings);
  const [relayUrl, setRelayUrl] = useState(DEFAULT_RELAY_URL);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DisplayableError | undefined>();

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
    const result = await sendRequest({ type: 'connection.pair', relayUrl: url.href, code: code.trim() });
    setBusy(false);
    if (result.ok) onConnected(result.data);
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
            {t('connect.codeHint')} {t('connect.codeHelp')} <code>npx ownpost pair you@company.com</code>
          </>
        }
      />
      <div class="actions">
        <button data-testid="connect" type="submit" disabled={busy}>
          {busy ? t('connect.busy') : t('connect.submit')}
        </button>
      </div>
      {error && <ErrorNotice error={error} testId="connect-error" />}
    </form>
  );
}
