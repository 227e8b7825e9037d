import { useEffect, useState } from 'preact/hooks';
import type { DiagnosisResult, ExtensionError } from '../../../shared/extension-messages';
import type { ProfileVerification } from '../../../shared/diagnosis-schemas';
import type { ProfileView } from '../../../shared/schemas';
import { commonStrings } from '../../i18n/common-strings';
import { optionsStrings } from '../../i18n/options-strings';
import { sendRequest } from '../../lib/send-request';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useLanguage, useTranslator } from '../../ui/language';
import { formatDateTime } from '../../ui/format';
import { senderLine } from '../../ui/senders';
import { useConnection } from './connection';
import { DiagnosisReport } from './DiagnosisReport';
import { takeFlash } from './flash';
import { OAuthBadge, SenderSignIn } from './SenderSignIn';

/** Who may change a sender: its owner, and admins for company senders (the relay decides; this only hides what would be refused). */
export function canManage(profile: ProfileView, isAdmin: boolean): boolean {
  return profile.scope === 'personal' || isAdmin;
}

/** How the saved settings were checked: a passing test, or an admin saving them anyway (recorded by the relay). */
function Verification({ verification }: { verification: ProfileVerification | undefined }) {
  const t = useTranslator(optionsStrings);
  if (!verification) return null;
  const when = formatDateTime(verification.at, t.locale);
  return verification.status === 'passed' ? (
    <p class="muted" data-testid="sender-verification" data-status="passed">
      ✓ {t('senders.verifiedPassed', { when })}
    </p>
  ) : (
    <p class="warn-text" data-testid="sender-verification" data-status="forced">
      {t('senders.verifiedForced', { who: verification.by, when })}
    </p>
  );
}

function SenderCard({ profile, onChanged }: { profile: ProfileView; onChanged: () => void }) {
  const t = useTranslator(optionsStrings);
  const common = useTranslator(commonStrings);
  const { language } = useLanguage();
  const { isAdmin } = useConnection();
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<DiagnosisResult | undefined>();
  const [error, setError] = useState<ExtensionError | undefined>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const manageable = canManage(profile, isAdmin);
  const headingId = `sender-${profile.id}`;

  async function runTest() {
    setTesting(true);
    setError(undefined);
    setResult(undefined);
    const answer = await sendRequest({ type: 'profiles.test', id: profile.id, language });
    setTesting(false);
    if (answer.ok) setResult(answer.data);
    else setError(answer.error);
  }

  async function remove() {
    const answer = await sendRequest({ type: 'profiles.delete', id: profile.id });
    if (answer.ok) onChanged();
    else setError(answer.error);
  }

  return (
    <li class="card sender" data-testid="sender-item" data-id={profile.id} aria-labelledby={headingId}>
      <div class="spread">
        <div class="stack tight">
          <h3 id={headingId} class="sender-name">
            {profile.name}{' '}
            <span class={`badge ${profile.scope}`} data-testid={`sender-badge-${profile.scope}`}>
              {common(profile.scope === 'company' ? 'badge.company' : 'badge.personal')}
            </span>{' '}
            {profile.isDefault && <span class="badge default">{common('badge.default')}</span>} {profile.isFallback && <span class="badge default">{t('senders.fallback')}</span>}{' '}
            {profile.auth.type === 'oauth2' && <OAuthBadge auth={profile.auth} />}
          </h3>
          <p class="sender-line" data-testid="sender-from">
            {senderLine(profile)}
          </p>
          <p class="muted">
            {t('senders.server', {
              host: profile.smtp.host,
              port: profile.smtp.port,
              security: t(`security.${profile.smtp.security}.short`),
            })}
            {profile.replyTo && <> · {t('senders.replyTo', { address: profile.replyTo })}</>}
          </p>
          {(profile.sites ?? []).length > 0 && <p class="muted">{t('senders.sites', { sites: profile.sites.join(', ') })}</p>}
          {/* A test run here is newer than the saved verification: show its time, not the older one above it. */}
          {result ? (
            <p class={result.ok ? 'muted' : 'warn-text'} data-testid="sender-verification" data-status={result.ok ? 'passed' : 'failed'}>
              {t(result.ok ? 'senders.verifiedPassed' : 'senders.testFailedAt', { when: formatDateTime(result.testedAt, t.locale) })}
            </p>
          ) : (
            <Verification verification={(profile as ProfileView & { verification?: ProfileVerification }).verification} />
          )}
          {profile.auth.type === 'oauth2' && (
            // "Sign in again" right here: the list is where a sender that stopped sending is noticed.
            <SenderSignIn profile={{ ...profile, auth: profile.auth }} manageable={manageable} onChanged={onChanged} />
          )}
          {!manageable && <p class="muted">{t('senders.managedByAdmin')}</p>}
        </div>
        <div class="actions">
          <button type="button" class="secondary" data-testid="sender-test" disabled={testing} onClick={() => void runTest()}>
            {testing ? t('senders.testing') : t('senders.test')}
          </button>
          {manageable && (
            <a class="button secondary" href={`#/senders/${encodeURIComponent(profile.id)}`} data-testid="sender-edit">
              {t('senders.edit')}
            </a>
          )}
          {manageable && !confirmDelete && (
            <button type="button" class="quiet" data-testid="sender-delete" onClick={() => setConfirmDelete(true)}>
              {t('senders.delete')}
            </button>
          )}
        </div>
      </div>
      {confirmDelete && (
        <div class="notice warn" role="alertdialog" aria-labelledby={`${headingId}-confirm`}>
          <strong id={`${headingId}-confirm`}>{t('senders.deleteConfirm', { name: profile.name })}</strong>
          <p>{t('senders.deleteHint')}</p>
          <div class="actions">
            <button type="button" class="danger" data-testid="sender-delete-confirm" onClick={() => void remove()}>
              {t('senders.deleteYes')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirmDelete(false)}>
              {t('senders.deleteNo')}
            </button>
          </div>
        </div>
      )}
      <div class="live" aria-live="polite">
        {result && <DiagnosisReport result={result} />}
      </div>
      {error && <ErrorNotice error={error} />}
    </li>
  );
}

/** The senders this user may send from: their own, and the company's. */
export function SendersPage() {
  const t = useTranslator(optionsStrings);
  const [profiles, setProfiles] = useState<ProfileView[] | undefined>();
  const [error, setError] = useState<ExtensionError | undefined>();
  const [flash] = useState(takeFlash);

  async function load() {
    const answer = await sendRequest({ type: 'profiles.list' });
    if (answer.ok) setProfiles(answer.data.profiles);
    else setError(answer.error);
  }
  useEffect(() => void load(), []);

  const personal = profiles?.filter((p) => p.scope === 'personal') ?? [];
  const company = profiles?.filter((p) => p.scope === 'company') ?? [];

  return (
    <section class="page" aria-labelledby="senders-title">
      <div class="page-head">
        <div>
          <h2 id="senders-title" class="page-title">
            {t('senders.title')}
          </h2>
          <p class="muted">{t('senders.lead')}</p>
        </div>
        <a class="button" href="#/senders/new" data-testid="sender-add">
          {t('senders.add')}
        </a>
      </div>
      {flash && (
        <p class="notice ok" role="status" data-testid="flash">
          {flash}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {profiles?.length === 0 && (
        <div class="card empty" data-testid="senders-empty">
          <h3>{t('senders.emptyTitle')}</h3>
          <p>{t('senders.emptyLead')}</p>
        </div>
      )}
      {personal.length > 0 && (
        <>
          <h3 class="group-title">{t('senders.personalGroup')}</h3>
          <ul class="sender-list" data-testid="sender-list">
            {personal.map((profile) => (
              <SenderCard key={profile.id} profile={profile} onChanged={() => void load()} />
            ))}
          </ul>
        </>
      )}
      {company.length > 0 && (
        <>
          <h3 class="group-title">{t('senders.companyGroup')}</h3>
          <ul class="sender-list" data-testid="sender-list-company">
            {company.map((profile) => (
              <SenderCard key={profile.id} profile={profile} onChanged={() => void load()} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
