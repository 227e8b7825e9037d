import { useEffect, useState } from 'preact/hooks';
import type { DeviceView, PairingCodeView, UserWithAllowancesView } from '../../../shared/api-schemas';
import type { ExtensionError } from '../../../shared/extension-messages';
import { commonStrings } from '../../i18n/common-strings';
import { peopleStrings } from '../../i18n/people-strings';
import { sendRequest } from '../../lib/send-request';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SelectField, TextField } from '../../ui/fields';
import { formatDate, formatDateTime } from '../../ui/format';
import { useTranslator } from '../../ui/language';
import { useConnection } from './connection';

type Role = 'admin' | 'member';

/** One device: what it is, when it paired and was last used, when it expires, and Revoke. */
function DeviceList({ devices, onRevoke, testId }: { devices: DeviceView[]; onRevoke: (device: DeviceView) => void; testId: string }) {
  const t = useTranslator(peopleStrings);
  if (devices.length === 0)
    return (
      <p class="muted" data-testid={`${testId}-empty`}>
        {t('devices.none')}
      </p>
    );
  return (
    <ul class="device-list stack tight" data-testid={testId}>
      {devices.map((device) => (
        <li key={device.id} class="spread device" data-testid="device-item" data-id={device.id}>
          <div>
            <strong>{device.name}</strong> {device.current && <span class="badge default">{t('devices.this')}</span>}
            <p class="muted">
              {t('devices.paired', { date: formatDate(device.createdAt, t.locale) })} ·{' '}
              {device.lastUsedAt ? t('devices.lastUsed', { date: formatDateTime(device.lastUsedAt, t.locale) }) : t('devices.neverUsed')}
              {device.expiresAt && <> · {t('devices.expires', { date: formatDate(device.expiresAt, t.locale) })}</>}
            </p>
          </div>
          <button type="button" class="secondary" data-testid="device-revoke" onClick={() => onRevoke(device)}>
            {t('devices.revoke')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The code an admin made, large enough to read out, with its lifetime and how to use it. */
function PairingCodePanel({ code, email }: { code: PairingCodeView; email: string }) {
  const t = useTranslator(peopleStrings);
  const { state } = useConnection();
  const [copied, setCopied] = useState(false);
  const time = new Intl.DateTimeFormat(t.locale, { timeStyle: 'short' }).format(new Date(code.expiresAt));
  return (
    <div class="notice info pairing-code-panel" role="status" data-testid="pairing-code-panel">
      <strong>{t('code.heading', { email })}</strong>
      <p class="pairing-code" data-testid="pairing-code-value">
        <code>{code.code}</code>
      </p>
      <p data-testid="pairing-code-expires">{t('code.expires', { time })}</p>
      <p>{t('code.how', { url: state?.relayUrl ?? '' })}</p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(code.code).then(
              () => setCopied(true),
              () => undefined,
            )
          }
        >
          {copied ? t('code.copied') : t('code.copy')}
        </button>
      </div>
    </div>
  );
}

function PersonCard({ person, isMe, onChanged }: { person: UserWithAllowancesView; isMe: boolean; onChanged: (message?: string) => void }) {
  const t = useTranslator(peopleStrings);
  const common = useTranslator(commonStrings);
  const [code, setCode] = useState<PairingCodeView | undefined>();
  const [devices, setDevices] = useState<DeviceView[] | undefined>();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<ExtensionError | undefined>();
  const headingId = `person-${person.id}`;

  async function makeCode() {
    setError(undefined);
    const answer = await sendRequest({ type: 'people.pairingCode', userId: person.id });
    if (answer.ok) setCode(answer.data);
    else setError(answer.error);
  }

  async function loadDevices() {
    const answer = await sendRequest({ type: 'people.devices', userId: person.id });
    if (answer.ok) setDevices(answer.data.devices);
    else setError(answer.error);
  }

  async function revoke(device: DeviceView) {
    setError(undefined);
    const answer = await sendRequest({ type: 'devices.revoke', deviceId: device.id });
    if (!answer.ok) return setError(answer.error);
    setNotice(t('devices.revoked', { name: device.name }));
    await loadDevices();
  }

  async function remove() {
    const answer = await sendRequest({ type: 'people.remove', userId: person.id });
    if (answer.ok) onChanged(t('remove.done', { email: person.email }));
    else setError(answer.error);
  }

  return (
    <li class="card person" data-testid="person-item" data-email={person.email} aria-labelledby={headingId}>
      <div class="spread">
        <div class="stack tight">
          <h3 id={headingId}>
            {person.name ? `${person.name} · ` : ''}
            {person.email} {person.role === 'admin' && <span class="badge admin">{common('badge.admin')}</span>} {isMe && <span class="badge default">{t('you')}</span>}
          </h3>
        </div>
        <div class="actions">
          <button type="button" data-testid="person-code" onClick={() => void makeCode()}>
            {t('person.code')}
          </button>
          <button type="button" class="secondary" data-testid="person-devices" aria-expanded={devices !== undefined} onClick={() => (devices ? setDevices(undefined) : void loadDevices())}>
            {devices ? t('person.hideDevices') : t('person.devices')}
          </button>
          {!isMe && !confirmRemove && (
            <button type="button" class="quiet" data-testid="person-remove" onClick={() => setConfirmRemove(true)}>
              {t('person.remove')}
            </button>
          )}
        </div>
      </div>
      {confirmRemove && (
        <div class="notice warn" role="alertdialog" aria-labelledby={`${headingId}-confirm`}>
          <strong id={`${headingId}-confirm`}>{t('remove.confirm', { email: person.email })}</strong>
          <p>{t('remove.hint')}</p>
          <div class="actions">
            <button type="button" class="danger" data-testid="person-remove-confirm" onClick={() => void remove()}>
              {t('remove.yes')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirmRemove(false)}>
              {t('remove.no')}
            </button>
          </div>
        </div>
      )}
      {code && <PairingCodePanel code={code} email={person.email} />}
      {devices && (
        <section aria-label={t('devices.heading', { email: person.email })}>
          <DeviceList devices={devices} onRevoke={(d) => void revoke(d)} testId="person-device-list" />
        </section>
      )}
      {notice && (
        <p class="notice ok" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </li>
  );
}

function AddPersonForm({ onAdded }: { onAdded: (person: UserWithAllowancesView) => void }) {
  const t = useTranslator(peopleStrings);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExtensionError | undefined>();

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const answer = await sendRequest({ type: 'people.add', email: email.trim(), ...(name.trim() ? { name: name.trim() } : {}), role });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setEmail('');
    setName('');
    setRole('member');
    onAdded(answer.data);
  }

  return (
    <form class="card stack" onSubmit={submit} aria-labelledby="people-add-heading" aria-busy={busy} data-testid="people-add">
      <h3 id="people-add-heading">{t('add.heading')}</h3>
      <TextField label={t('add.email')} type="email" value={email} onInput={setEmail} required testId="people-add-email" spellcheck={false} />
      <TextField label={t('add.name')} value={name} onInput={setName} testId="people-add-name" />
      <SelectField<Role>
        label={t('add.role')}
        value={role}
        onChange={setRole}
        testId="people-add-role"
        hint={t('role.adminHint')}
        options={[
          { value: 'member', label: t('role.member') },
          { value: 'admin', label: t('role.admin') },
        ]}
      />
      <div class="actions">
        <button type="submit" data-testid="people-add-submit" disabled={busy}>
          {t('add.submit')}
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}

/** This user's own devices: everybody may see and revoke theirs. */
function MyDevices() {
  const t = useTranslator(peopleStrings);
  const [devices, setDevices] = useState<DeviceView[] | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<ExtensionError | undefined>();

  async function load() {
    const answer = await sendRequest({ type: 'devices.mine' });
    if (answer.ok) setDevices(answer.data.devices);
    else setError(answer.error);
  }
  useEffect(() => void load(), []);

  async function revoke(device: DeviceView) {
    setError(undefined);
    const answer = await sendRequest({ type: 'devices.revoke', deviceId: device.id });
    if (!answer.ok) return setError(answer.error);
    // Revoking this browser disconnects it: the page then shows the connect form.
    setNotice(t('devices.revoked', { name: device.name }));
    if (!device.current) await load();
  }

  return (
    <section class="stack" aria-labelledby="my-devices-heading" data-testid="my-devices">
      <h3 id="my-devices-heading" class="group-title">
        {t('mine.heading')}
      </h3>
      <p class="muted">{t('mine.lead')}</p>
      {devices && <DeviceList devices={devices} onRevoke={(d) => void revoke(d)} testId="my-device-list" />}
      {notice && (
        <p class="notice ok" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

/**
 * People (issues 14, 20): admins add people, make them pairing codes, see and revoke their devices,
 * and remove them; everybody sees and revokes their own devices. The relay decides who may do what;
 * this page only leaves out what it would refuse.
 */
export function PeoplePage() {
  const t = useTranslator(peopleStrings);
  const { user, isAdmin } = useConnection();
  const [people, setPeople] = useState<UserWithAllowancesView[] | undefined>();
  const [flash, setFlash] = useState<string | undefined>();
  const [error, setError] = useState<ExtensionError | undefined>();

  async function load() {
    const answer = await sendRequest({ type: 'people.list' });
    if (answer.ok) setPeople(answer.data.users);
    else setError(answer.error);
  }
  useEffect(() => {
    if (isAdmin) void load();
  }, [isAdmin]);

  return (
    <section class="page" aria-labelledby="people-title">
      <div class="page-head">
        <div>
          <h2 id="people-title" class="page-title">
            {t('title')}
          </h2>
          <p class="muted">{t('lead')}</p>
        </div>
      </div>
      {flash && (
        <p class="notice ok" role="status" data-testid="people-flash">
          {flash}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {isAdmin && (
        <>
          <AddPersonForm
            onAdded={(person) => {
              setFlash(t('add.done', { email: person.email }));
              void load();
            }}
          />
          <h3 class="group-title">{t('list.heading')}</h3>
          <ul class="people-list stack" data-testid="people-list">
            {people?.map((person) => (
              <PersonCard
                key={person.id}
                person={person}
                isMe={person.id === user?.id}
                onChanged={(message) => {
                  setFlash(message);
                  void load();
                }}
              />
            ))}
          </ul>
        </>
      )}
      <MyDevices />
    </section>
  );
}
