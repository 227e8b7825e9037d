import { useEffect, useState } from 'preact/hooks';
import type { AppPasswordView, NewAppPasswordView } from '../../../shared/api-schemas';
import type { ExtensionError } from '../../../shared/extension-messages';
import { appPasswordStrings } from '../../i18n/app-password-strings';
import { sendRequest } from '../../lib/send-request';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TextField } from '../../ui/fields';
import { formatDateTime } from '../../ui/format';
import { useTranslator } from '../../ui/language';
import { useConnection } from './connection';

/** The relay's host name as this browser reaches it: the server to type into an app on the same network. */
function relayHost(relayUrl: string | undefined): string {
  try {
    return relayUrl ? new URL(relayUrl).hostname.replace(/^\[|\]$/g, '') : '127.0.0.1';
  } catch {
    return '127.0.0.1';
  }
}

function AppPasswordItem({ item, onRevoked }: { item: AppPasswordView; onRevoked: () => void }) {
  const t = useTranslator(appPasswordStrings);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ExtensionError | undefined>();
  const headingId = `app-password-${item.id}`;

  async function revoke() {
    const answer = await sendRequest({ type: 'appPasswords.revoke', id: item.id });
    if (answer.ok) onRevoked();
    else setError(answer.error);
  }

  return (
    <li class="card" data-testid="app-password-item" aria-labelledby={headingId}>
      <div class="page-head">
        <div>
          <strong id={headingId}>{item.name}</strong>
          <p class="muted small">
            {t('createdAt', { when: formatDateTime(item.createdAt, t.locale) })} · {item.lastUsedAt ? t('lastUsed', { when: formatDateTime(item.lastUsedAt, t.locale) }) : t('neverUsed')}
          </p>
        </div>
        {!confirming && (
          <button type="button" class="quiet" data-testid="app-password-revoke" onClick={() => setConfirming(true)}>
            {t('revoke')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="notice warn" role="alertdialog" aria-labelledby={`${headingId}-confirm`}>
          <strong id={`${headingId}-confirm`}>{t('revokeConfirm', { name: item.name })}</strong>
          <p>{t('revokeHint')}</p>
          <div class="actions">
            <button type="button" class="danger" data-testid="app-password-revoke-confirm" onClick={() => void revoke()}>
              {t('revokeYes')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t('revokeNo')}
            </button>
          </div>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
    </li>
  );
}

/**
 * App passwords for the relay's SMTP front door (issue 19): what to type into an app's "own SMTP
 * server" settings, a new password (shown once, right here), and the list to revoke from.
 */
export function AppPasswordsPage() {
  const t = useTranslator(appPasswordStrings);
  const { state, user } = useConnection();
  const [items, setItems] = useState<AppPasswordView[] | undefined>();
  const [error, setError] = useState<ExtensionError | undefined>();
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<NewAppPasswordView | undefined>();

  async function load() {
    const answer = await sendRequest({ type: 'appPasswords.list' });
    if (answer.ok) {
      setItems(answer.data.appPasswords);
      setError(undefined);
    } else setError(answer.error);
  }
  useEffect(() => void load(), []);

  async function create(event: Event) {
    event.preventDefault();
    if (!name.trim()) return;
    setCreating(true);
    const answer = await sendRequest({ type: 'appPasswords.create', name: name.trim() });
    setCreating(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setError(undefined);
    setCreated(answer.data);
    setName('');
    await load();
  }

  const email = user?.email ?? created?.username ?? '';
  return (
    <section class="page" aria-labelledby="apps-title">
      <div class="page-head">
        <div>
          <h2 id="apps-title" class="page-title">
            {t('title')}
          </h2>
          <p class="muted">{t('lead')}</p>
        </div>
      </div>
      <div class="card" data-testid="app-smtp-settings">
        <h3>{t('settingsHeading')}</h3>
        <ul>
          <li>{t('server', { host: relayHost(state?.relayUrl) })}</li>
          <li>{t('username', { email })}</li>
          <li>{t('password')}</li>
        </ul>
      </div>
      {created ? (
        <div class="notice ok" role="status" data-testid="app-password-created">
          <strong>{t('createdTitle', { name: created.name })}</strong>
          <p>{t('createdLead')}</p>
          <p>
            <code class="secret" data-testid="app-password-value">
              {created.password}
            </code>
          </p>
          <button type="button" class="secondary" data-testid="app-password-done" onClick={() => setCreated(undefined)}>
            {t('done')}
          </button>
        </div>
      ) : (
        <form class="card" onSubmit={(e) => void create(e)}>
          <TextField label={t('nameLabel')} value={name} onInput={setName} hint={t('nameHint')} testId="app-password-name" required />
          <button type="submit" class="primary" data-testid="app-password-create" disabled={creating || !name.trim()}>
            {creating ? t('creating') : t('create')}
          </button>
        </form>
      )}
      {error && <ErrorNotice error={error} />}
      <h3>{t('listHeading')}</h3>
      {items && items.length === 0 && (
        <p class="card empty" data-testid="app-passwords-empty">
          {t('empty')}
        </p>
      )}
      {items && items.length > 0 && (
        <ul class="plain-list" data-testid="app-password-list">
          {items.map((item) => (
            <AppPasswordItem key={item.id} item={item} onRevoked={() => void load()} />
          ))}
        </ul>
      )}
    </section>
  );
}
