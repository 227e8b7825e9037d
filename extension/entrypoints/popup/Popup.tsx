import { useEffect, useState } from 'preact/hooks';
import type { ConnectionState, ExtensionError } from '../../../shared/extension-messages';
import { browser } from '../../lib/browser';
import { DEFAULT_RELAY_URL } from '../../lib/connection-item';
import { sendRequest } from '../../lib/send-request';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Host permission for a relay elsewhere is asked for at the moment of connecting, not at install. */
async function ensureRelayPermission(relayUrl: string): Promise<boolean> {
  const url = new URL(relayUrl);
  if (LOOPBACK.has(url.hostname)) return true;
  return browser.permissions.request({ origins: [`${url.origin}/*`] });
}

function ConnectForm({ onConnected }: { onConnected: (state: ConnectionState) => void }) {
  const [relayUrl, setRelayUrl] = useState(DEFAULT_RELAY_URL);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExtensionError | undefined>();

  async function connect(event: Event) {
    event.preventDefault();
    setError(undefined);
    let url: URL;
    try {
      url = new URL(relayUrl.trim());
    } catch {
      return setError({ code: 'bad_request', message: 'The relay address is not a URL (for example http://127.0.0.1:8787).' });
    }
    setBusy(true);
    if (!(await ensureRelayPermission(url.href))) {
      setBusy(false);
      return setError({ code: 'bad_request', message: `Ownpost needs permission to reach ${url.host}.` });
    }
    const result = await sendRequest({ type: 'connection.pair', relayUrl: url.href, code: code.trim() });
    setBusy(false);
    if (result.ok) onConnected(result.data);
    else setError(result.error);
  }

  return (
    <form onSubmit={connect}>
      <p class="lead">Connect to your Ownpost relay. Get a pairing code with <code>npx ownpost pair you@company.com</code>.</p>
      <label>
        Relay address
        <input data-testid="relay-url" type="url" value={relayUrl} required onInput={(e) => setRelayUrl(e.currentTarget.value)} />
      </label>
      <label>
        Pairing code
        <input
          data-testid="pairing-code"
          type="text"
          autocomplete="one-time-code"
          placeholder="ABCD-1234"
          value={code}
          required
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </label>
      <button data-testid="connect" type="submit" disabled={busy}>
        {busy ? 'Connecting…' : 'Connect'}
      </button>
      {error && (
        <div class="error" role="alert">
          <strong>{error.message}</strong>
          {error.hint && <p>{error.hint}</p>}
        </div>
      )}
    </form>
  );
}

export function Popup() {
  const [state, setState] = useState<ConnectionState | undefined>();
  useEffect(() => {
    void sendRequest({ type: 'connection.get' }).then((r) => setState(r.ok ? r.data : { connected: false }));
  }, []);

  return (
    <main>
      <h1>Ownpost</h1>
      {state === undefined && <p>Loading…</p>}
      {state && !state.connected && <ConnectForm onConnected={setState} />}
      {state?.connected && (
        <section>
          <p>
            Connected as <strong data-testid="connected-as">{state.user?.email}</strong>
            {state.user?.role === 'admin' && <span class="badge">admin</span>}
          </p>
          <p class="muted">Relay: {state.relayUrl}</p>
          <button
            type="button"
            class="secondary"
            onClick={() => void sendRequest({ type: 'connection.forget' }).then((r) => r.ok && setState(r.data))}
          >
            Disconnect
          </button>
        </section>
      )}
    </main>
  );
}
