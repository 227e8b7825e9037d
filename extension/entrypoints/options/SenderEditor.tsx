import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DiagnosisResult, ExtensionError } from '../../../shared/extension-messages';
import { findProviderByDomain } from '../../../shared/providers';
import type { CipherLevel, DeliverySettingsView, ProfileView, SenderStyle, SmtpSecurity, TlsVersion } from '../../../shared/schemas';
import { oauthStrings } from '../../i18n/oauth-strings';
import { optionsStrings } from '../../i18n/options-strings';
import { sendRequest } from '../../lib/send-request';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CheckField, SelectField, TextField } from '../../ui/fields';
import { formatBytes } from '../../ui/format';
import { useLanguage, useTranslator } from '../../ui/language';
import { useConnection } from './connection';
import { applySuggestion, diagnosisFromError, testFingerprint, type ServerSettings, type SuggestedFix } from './diagnosis';
import { DiagnosisReport } from './DiagnosisReport';
import { setFlash } from './flash';
import { navigate } from './route';
import { canManage } from './SendersPage';
import { AppOnlyFields, DelegatedClientFields } from './OAuthFields';
import { SenderSignIn } from './SenderSignIn';
import { CIPHER_CHOICES, TLS_VERSION_CHOICES } from './server-choices';
import { ServerFields } from './server-fields';
import { authBody, isDelegated, methodOf, oauthDraftOf, type OAuthDraft, type SignInMethod } from './sign-in-methods';
import { SignInMethodPicker } from './SignInMethodPicker';

interface SentCopyDraft {
  enabled: boolean;
  host: string;
  port: number;
  security: SmtpSecurity;
  folder: string;
  username: string;
  password: string;
}

/** Everything the editor edits, as strings and flags; turned into a PATCH of the changed fields only. */
interface Draft {
  name: string;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  server: ServerSettings;
  username: string;
  /** Empty: keep the saved password. */
  password: string;
  /** How it signs in; another one than the saved sender's switches it on save. */
  method: SignInMethod;
  oauth: OAuthDraft;
  minTlsVersion: TlsVersion;
  ciphers: CipherLevel;
  ehloName: string;
  allowOtherSender: boolean;
  allowedSenders: string;
  senderStyle: SenderStyle;
  bccSelf: boolean;
  isDefault: boolean;
  company: boolean;
  isFallback: boolean;
  sites: string;
  projects: string;
  /** Empty: the default (the provider's or the server's limit). */
  maxMessageMb: string;
  sentCopy: SentCopyDraft;
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

function draftFrom(profile: ProfileView, delivery: DeliverySettingsView | undefined): Draft {
  const preset = findProviderByDomain(domainOf(profile.fromAddress));
  const sent = delivery?.saveToSent;
  return {
    name: profile.name,
    fromName: profile.fromName ?? '',
    fromAddress: profile.fromAddress,
    replyTo: profile.replyTo ?? '',
    server: { host: profile.smtp.host, port: profile.smtp.port, security: profile.smtp.security, ...(profile.smtp.allowPlaintextAuth ? { allowPlaintextAuth: true } : {}) },
    username: profile.auth.username,
    password: '',
    method: methodOf(profile.auth),
    oauth: oauthDraftOf(profile.auth),
    minTlsVersion: profile.smtp.minTlsVersion ?? 'TLSv1.2',
    ciphers: profile.smtp.ciphers ?? 'default',
    ehloName: profile.smtp.ehloName ?? '',
    allowOtherSender: profile.allowOtherSender,
    allowedSenders: (profile.allowedSenders ?? []).join('\n'),
    senderStyle: profile.senderStyle ?? 'sender_header',
    bccSelf: profile.bccSelf,
    isDefault: profile.isDefault,
    company: profile.scope === 'company',
    isFallback: profile.isFallback ?? false,
    sites: (profile.sites ?? []).join('\n'),
    projects: (profile.projects ?? []).join('\n'),
    maxMessageMb: delivery?.maxMessageBytes ? String(delivery.maxMessageBytes / 1_000_000) : '',
    sentCopy: {
      enabled: Boolean(sent),
      host: sent?.host ?? preset?.imap?.host ?? `imap.${domainOf(profile.fromAddress)}`,
      port: sent?.port ?? preset?.imap?.port ?? 993,
      security: sent?.security ?? preset?.imap?.security ?? 'tls',
      folder: sent?.folder ?? '',
      username: sent?.username ?? '',
      password: '',
    },
  };
}

/** The fields whose change needs a passing test before the relay saves them (issue 4: server or credentials). */
function serverFingerprint(draft: Draft): string {
  return testFingerprint({
    host: draft.server.host.trim(),
    port: draft.server.port,
    security: draft.server.security,
    plaintextAuth: draft.server.security === 'none' && draft.server.allowPlaintextAuth === true,
    username: draft.username.trim(),
    password: draft.password,
    method: draft.method,
    tenantId: draft.oauth.tenantId.trim(),
    clientId: draft.oauth.clientId.trim(),
    clientSecret: draft.oauth.clientSecret,
    minTlsVersion: draft.minTlsVersion,
    ciphers: draft.ciphers,
    ehloName: draft.ehloName.trim(),
  });
}

/** The sign-in (`auth`) to save, when the method or any of its fields changed. */
function authPatch(original: Draft, draft: Draft): Record<string, unknown> | undefined {
  const credentials = (d: Draft) => JSON.stringify([d.method, d.username.trim(), d.oauth.tenantId.trim(), d.oauth.clientId.trim()]);
  const changed = credentials(draft) !== credentials(original) || draft.password !== '' || draft.oauth.clientSecret !== '';
  if (!changed) return undefined;
  return authBody(draft.method, draft.username, draft.password, draft.oauth);
}

/**
 * A delegated sign-in (Microsoft, Google) whose saved sign-in will not carry over: another method or
 * app registration. It cannot be tested before it is saved and signed in (the relay saves it untested).
 */
function needsNewSignIn(original: Draft, draft: Draft, signedIn: boolean): boolean {
  if (!isDelegated(draft.method)) return false;
  const client = (d: Draft) => JSON.stringify([d.method, d.oauth.tenantId.trim(), d.oauth.clientId.trim()]);
  return !signedIn || client(draft) !== client(original);
}

function profilePatch(original: Draft, draft: Draft): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const text = (key: 'name' | 'fromAddress') => draft[key].trim() !== original[key] && (patch[key] = draft[key].trim());
  text('name');
  text('fromAddress');
  // Empty removes an optional field (the relay takes null as "remove").
  if (draft.fromName.trim() !== original.fromName) patch.fromName = draft.fromName.trim() || null;
  if (draft.replyTo.trim() !== original.replyTo) patch.replyTo = draft.replyTo.trim() || null;
  const smtp: Record<string, unknown> = {};
  if (draft.server.host.trim() !== original.server.host) smtp.host = draft.server.host.trim();
  if (draft.server.port !== original.server.port) smtp.port = draft.server.port;
  if (draft.server.security !== original.server.security) smtp.security = draft.server.security;
  if (Boolean(draft.server.allowPlaintextAuth) !== Boolean(original.server.allowPlaintextAuth)) smtp.allowPlaintextAuth = Boolean(draft.server.allowPlaintextAuth);
  if (draft.minTlsVersion !== original.minTlsVersion) smtp.minTlsVersion = draft.minTlsVersion;
  if (draft.ciphers !== original.ciphers) smtp.ciphers = draft.ciphers;
  if (draft.ehloName.trim() !== original.ehloName) smtp.ehloName = draft.ehloName.trim() || null;
  if (Object.keys(smtp).length > 0) patch.smtp = smtp;
  const auth = authPatch(original, draft);
  if (auth) patch.auth = auth;
  const flags = ['allowOtherSender', 'bccSelf', 'isDefault', 'isFallback'] as const;
  for (const flag of flags) if (draft[flag] !== original[flag]) patch[flag] = draft[flag];
  if (draft.senderStyle !== original.senderStyle) patch.senderStyle = draft.senderStyle;
  if (draft.company !== original.company) patch.scope = draft.company ? 'company' : 'personal';
  const list = (key: 'allowedSenders' | 'sites' | 'projects') => {
    if (lines(draft[key]).join('\n') !== lines(original[key]).join('\n')) patch[key] = lines(draft[key]);
  };
  list('allowedSenders');
  list('sites');
  list('projects');
  return patch;
}

function deliveryChanged(original: Draft, draft: Draft): boolean {
  return draft.maxMessageMb.trim() !== original.maxMessageMb || JSON.stringify(draft.sentCopy) !== JSON.stringify(original.sentCopy);
}

/** `PUT /v1/profiles/:id/delivery` replaces the settings: send back what this page does not edit. */
function deliveryBody(draft: Draft, current: DeliverySettingsView | undefined): Record<string, unknown> {
  const mb = Number(draft.maxMessageMb.replace(',', '.'));
  const copy = draft.sentCopy;
  return {
    ...(current?.maxConnections ? { maxConnections: current.maxConnections } : {}),
    ...(current?.messagesPerMinute ? { messagesPerMinute: current.messagesPerMinute } : {}),
    ...(draft.maxMessageMb.trim() && mb > 0 ? { maxMessageBytes: Math.round(mb * 1_000_000) } : {}),
    saveToSent: copy.enabled
      ? {
          host: copy.host.trim(),
          port: copy.port,
          security: copy.security,
          ...(copy.folder.trim() ? { folder: copy.folder.trim() } : {}),
          ...(copy.username.trim() ? { username: copy.username.trim() } : {}),
          ...(copy.password ? { password: copy.password } : {}),
        }
      : null,
  };
}

/** The relay's `validation_failed` details, by the field of this form they belong to. */
function fieldErrorsFrom(error: ExtensionError | undefined): Record<string, string> {
  const details = (error as { details?: unknown } | undefined)?.details;
  const found: Record<string, string> = {};
  if (!Array.isArray(details)) return found;
  for (const item of details as { path?: string; message?: string }[]) {
    const path = String(item.path ?? '');
    const field = path.startsWith('smtp.') ? path.slice(5) : path.startsWith('saveToSent.') ? `sent.${path.split('.')[1]}` : path.split('.')[0]!;
    if (field && item.message && !found[field]) found[field] = item.message;
  }
  return found;
}

/** Every field of a sender, editable; server changes are tested before the relay saves them. */
export function SenderEditor({ id }: { id: string }) {
  const t = useTranslator(optionsStrings);
  const o = useTranslator(oauthStrings);
  const { language } = useLanguage();
  const { isAdmin } = useConnection();
  const [profile, setProfile] = useState<ProfileView | undefined>();
  const [delivery, setDelivery] = useState<DeliverySettingsView | undefined>();
  const [original, setOriginal] = useState<Draft | undefined>();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [loadError, setLoadError] = useState<ExtensionError | undefined>();
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<{ result: DiagnosisResult; fingerprint: string } | undefined>();
  const [testError, setTestError] = useState<ExtensionError | undefined>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ExtensionError | undefined>();

  /** Reloads the sender after its sign-in changed; the form keeps what was typed. */
  async function reloadProfile() {
    const list = await sendRequest({ type: 'profiles.list' });
    const found = list.ok ? list.data.profiles.find((p) => p.id === id) : undefined;
    if (found) setProfile(found);
  }

  useEffect(() => {
    void (async () => {
      const list = await sendRequest({ type: 'profiles.list' });
      if (!list.ok) return setLoadError(list.error);
      const found = list.data.profiles.find((p) => p.id === id);
      if (!found) return setLoadError({ code: 'not_found', message: t('editor.notFound') });
      const settings = await sendRequest({ type: 'profiles.delivery.get', id });
      const loadedDelivery = settings.ok ? settings.data : undefined;
      setProfile(found);
      setDelivery(loadedDelivery);
      const initial = draftFrom(found, loadedDelivery);
      setOriginal(initial);
      setDraft(initial);
    })();
  }, [id]);

  const fieldErrors = useMemo(() => fieldErrorsFrom(saveError), [saveError]);

  if (loadError) {
    return (
      <section class="page" aria-labelledby="editor-title">
        <h2 id="editor-title" class="page-title">
          {t('editor.title')}
        </h2>
        <ErrorNotice error={loadError} />
        <a href="#/senders">{t('editor.backToList')}</a>
      </section>
    );
  }
  if (!profile || !draft || !original) return <p class="muted">{t('loading')}</p>;

  const update = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const updateSent = (change: Partial<SentCopyDraft>) => setDraft({ ...draft, sentCopy: { ...draft.sentCopy, ...change } });
  const serverChanged = serverFingerprint(draft) !== serverFingerprint(original);
  const currentFingerprint = serverFingerprint(draft);
  const testPassedForDraft = test !== undefined && test.fingerprint === currentFingerprint && test.result.ok;
  const patch = profilePatch(original, draft);
  // A relay without delivery settings answers 404: the section is left out rather than shown broken.
  const deliveryAvailable = delivery !== undefined;
  const dirty = Object.keys(patch).length > 0 || (deliveryAvailable && deliveryChanged(original, draft));
  // A delegated sign-in nobody has made yet cannot be tested: the relay saves it, and it is tested after the sign-in.
  const untestable = needsNewSignIn(original, draft, profile.auth.type === 'oauth2' && profile.auth.status === 'ready');
  const needsTest = serverChanged && !untestable && !testPassedForDraft;
  const savedMethod = methodOf(profile.auth);
  const manageable = canManage(profile, isAdmin);
  const preset = findProviderByDomain(domainOf(draft.fromAddress));

  async function runTest(server: ServerSettings = draft!.server) {
    setTesting(true);
    setTestError(undefined);
    const tested = serverFingerprint({ ...draft!, server });
    // Unchanged settings: test what is saved. Changed ones are tested before saving, with the saved
    // password unless a new one was typed (the relay looks it up by `profileId`; it never gives it back).
    const answer =
      serverChanged || server !== draft!.server
        ? await sendRequest({
            type: 'profiles.diagnose',
            profile: {
              profileId: id,
              name: draft!.name,
              scope: draft!.company ? 'company' : 'personal',
              fromAddress: draft!.fromAddress.trim(),
              ...(draft!.fromName.trim() ? { fromName: draft!.fromName.trim() } : {}),
              smtp: {
                host: server.host.trim(),
                port: server.port,
                security: server.security,
                ...(server.security === 'none' && server.allowPlaintextAuth ? { allowPlaintextAuth: true } : {}),
                minTlsVersion: draft!.minTlsVersion,
                ciphers: draft!.ciphers,
                ...(draft!.ehloName.trim() ? { ehloName: draft!.ehloName.trim() } : {}),
              },
              // OAuth2: the relay fetches a token for these settings (app-only) or uses the saved sign-in.
              auth: authBody(draft!.method, draft!.username, draft!.password, draft!.oauth),
              allowOtherSender: draft!.allowOtherSender,
              allowedSenders: lines(draft!.allowedSenders),
            },
            language,
          })
        : await sendRequest({ type: 'profiles.test', id, language });
    setTesting(false);
    if (answer.ok) setTest({ result: answer.data, fingerprint: tested });
    else setTestError(answer.error);
  }

  function takeSuggestion(fix: SuggestedFix) {
    const server = applySuggestion(draft!.server, fix);
    update({ server });
    void runTest(server);
  }

  async function save(force: boolean) {
    setSaving(true);
    setSaveError(undefined);
    if (Object.keys(patch).length > 0) {
      const answer = await sendRequest({ type: 'profiles.update', id, patch, ...(force ? { force: true } : {}) });
      if (!answer.ok) {
        setSaving(false);
        const relayDiagnosis = diagnosisFromError(answer.error);
        if (relayDiagnosis) setTest({ result: relayDiagnosis, fingerprint: currentFingerprint });
        return setSaveError(answer.error);
      }
    }
    if (deliveryAvailable && deliveryChanged(original!, draft!)) {
      const answer = await sendRequest({ type: 'profiles.delivery.put', id, settings: deliveryBody(draft!, delivery) });
      if (!answer.ok) {
        setSaving(false);
        return setSaveError(answer.error);
      }
    }
    setSaving(false);
    setFlash(t('editor.saved', { name: draft!.name }));
    navigate({ page: 'senders' });
  }

  // The relay reuses the saved password only for the saved username, of a sender that had one, and
  // only on the server it was entered for (issue 14: another host or port needs it typed again).
  const serverMoved = draft.server.host.trim().toLowerCase() !== original.server.host.toLowerCase() || draft.server.port !== original.server.port;
  const passwordRequiredForTest = draft.method === 'password' && serverChanged && !draft.password && (draft.username.trim() !== original.username || savedMethod !== 'password' || serverMoved);
  const secretRequiredForTest = draft.method === 'microsoft_app' && serverChanged && !draft.oauth.clientSecret && savedMethod !== 'microsoft_app';
  const testBlocked = passwordRequiredForTest || secretRequiredForTest || untestable;
  return (
    <section class="page editor" aria-labelledby="editor-title" data-testid="sender-editor">
      <div class="page-head">
        <div>
          <h2 id="editor-title" class="page-title">
            {t('editor.title')}: {profile.name}
          </h2>
          <p class="muted">{t('editor.lead')}</p>
        </div>
        <a href="#/senders" class="button quiet">
          {t('editor.backToList')}
        </a>
      </div>
      {!manageable && <p class="notice warn">{t('senders.managedByAdmin')}</p>}
      {/* noValidate: the relay checks every field and its objections appear next to the field, in one style. */}
      <form
        class="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!needsTest) void save(false);
        }}
      >
        <fieldset class="card stack" disabled={!manageable}>
          <legend class="section-title">{t('editor.section.sender')}</legend>
          <div class="grid-2">
            <TextField label={t('editor.name')} value={draft.name} onInput={(name) => update({ name })} hint={t('editor.nameHint')} error={fieldErrors.name} testId="editor-name" required />
            <TextField
              label={t('wizard.fromName')}
              value={draft.fromName}
              onInput={(fromName) => update({ fromName })}
              hint={t('wizard.fromNameHint')}
              error={fieldErrors.fromName}
              testId="editor-from-name"
            />
            <TextField
              label={t('wizard.email')}
              type="email"
              value={draft.fromAddress}
              onInput={(fromAddress) => update({ fromAddress })}
              error={fieldErrors.fromAddress}
              testId="editor-from-address"
              spellcheck={false}
              required
            />
            <TextField
              label={t('editor.replyTo')}
              type="email"
              value={draft.replyTo}
              onInput={(replyTo) => update({ replyTo })}
              hint={t('editor.replyToHint')}
              error={fieldErrors.replyTo}
              testId="editor-reply-to"
              spellcheck={false}
            />
          </div>
        </fieldset>

        <fieldset class="card stack" disabled={!manageable}>
          <legend class="section-title">{t('editor.section.server')}</legend>
          <ServerFields value={draft.server} onChange={(server) => update({ server })} idPrefix="editor" errors={{ host: fieldErrors.host, port: fieldErrors.port }} />
          <SignInMethodPicker value={draft.method} onChange={(method) => update({ method })} idPrefix="editor" disabled={!manageable} />
          {draft.method === 'password' && (
            <div class="grid-2">
              <TextField
                label={t('server.username')}
                value={draft.username}
                onInput={(username) => update({ username })}
                error={fieldErrors.auth}
                testId="editor-username"
                spellcheck={false}
                required
              />
              <TextField
                label={t('wizard.password')}
                type="password"
                value={draft.password}
                onInput={(password) => update({ password })}
                hint={profile.auth.type === 'password' && profile.auth.hasPassword ? t('editor.passwordKeep') : t('editor.passwordNone')}
                testId="editor-password"
                autocomplete="off"
              />
            </div>
          )}
          {draft.method === 'microsoft_app' && (
            <>
              {savedMethod === 'microsoft_app' && profile.auth.type === 'oauth2' && (
                <SenderSignIn profile={{ ...profile, auth: profile.auth }} manageable={manageable} onChanged={() => void reloadProfile()} />
              )}
              <AppOnlyFields
                value={draft.oauth}
                onChange={(oauth) => update({ oauth })}
                idPrefix="editor"
                hasSavedSecret={savedMethod === 'microsoft_app' && profile.auth.type === 'oauth2' && profile.auth.hasClientSecret}
              />
              <TextField
                label={o('app.mailbox')}
                value={draft.username}
                onInput={(username) => update({ username })}
                hint={o('app.mailboxHint')}
                error={fieldErrors.auth}
                testId="editor-app-mailbox"
                spellcheck={false}
                required
              />
            </>
          )}
          {isDelegated(draft.method) && (
            <>
              {draft.method === savedMethod && profile.auth.type === 'oauth2' ? (
                <SenderSignIn profile={{ ...profile, auth: profile.auth }} manageable={manageable} onChanged={() => void reloadProfile()} />
              ) : (
                <p class="notice info" data-testid="editor-switch-hint">
                  {o('editor.switchHint')}
                </p>
              )}
              <DelegatedClientFields
                provider={draft.method}
                value={draft.oauth}
                onChange={(oauth) => update({ oauth })}
                idPrefix="editor"
                hasSavedSecret={draft.method === savedMethod && profile.auth.type === 'oauth2' && profile.auth.hasClientSecret}
              />
            </>
          )}
          <details class="advanced">
            <summary>{t('editor.advanced')}</summary>
            <div class="grid-2">
              <SelectField
                label={t('editor.minTls')}
                value={draft.minTlsVersion}
                options={TLS_VERSION_CHOICES.map((v) => ({ value: v, label: v.replace('TLSv', 'TLS ') }))}
                onChange={(minTlsVersion) => update({ minTlsVersion })}
                hint={t('editor.minTlsHint')}
                testId="editor-min-tls"
              />
              <SelectField
                label={t('editor.ciphers')}
                value={draft.ciphers}
                options={CIPHER_CHOICES.map((v) => ({ value: v, label: t(`ciphers.${v}`) }))}
                onChange={(ciphers) => update({ ciphers })}
                hint={t('editor.ciphersHint')}
                testId="editor-ciphers"
              />
              <TextField
                label={t('editor.ehlo')}
                value={draft.ehloName}
                onInput={(ehloName) => update({ ehloName })}
                hint={t('editor.ehloHint')}
                error={fieldErrors.ehloName}
                testId="editor-ehlo"
                spellcheck={false}
              />
            </div>
          </details>
          <div class="actions">
            <button
              type="button"
              class="secondary"
              data-testid="editor-test"
              disabled={testing || testBlocked}
              aria-describedby={testBlocked ? 'editor-test-blocked' : undefined}
              onClick={() => void runTest()}
            >
              {testing ? t('senders.testing') : t('senders.test')}
            </button>
            {testBlocked && (
              <span class="hint muted" id="editor-test-blocked">
                {untestable
                  ? o('editor.testNeedsSignIn')
                  : secretRequiredForTest
                    ? o('editor.testNeedsSecret')
                    : savedMethod === 'password'
                      ? serverMoved && draft.username.trim() === original.username
                        ? t('editor.testNeedsPasswordServer')
                        : t('editor.testNeedsPassword')
                      : o('editor.testNeedsPasswordTyped')}
              </span>
            )}
          </div>
          <div class="live" aria-live="polite">
            {testing && <p class="testing">{t('wizard.testing', { host: draft.server.host })}</p>}
          </div>
          {testError && <ErrorNotice error={testError} />}
          {test && !testing && <DiagnosisReport result={test.result} onApplySuggestion={takeSuggestion} />}
        </fieldset>

        <fieldset class="card stack" disabled={!manageable}>
          <legend class="section-title">{t('editor.section.rules')}</legend>
          <CheckField
            label={t('editor.allowOther')}
            hint={t('editor.allowOtherHint')}
            checked={draft.allowOtherSender}
            onChange={(allowOtherSender) => update({ allowOtherSender })}
            testId="editor-allow-other"
          />
          {draft.allowOtherSender && (
            <div class="stack nested">
              <TextField
                label={t('editor.allowedSenders')}
                multiline
                rows={3}
                value={draft.allowedSenders}
                onInput={(allowedSenders) => update({ allowedSenders })}
                hint={t('editor.allowedSendersHint')}
                error={fieldErrors.allowedSenders}
                testId="editor-allowed-senders"
                spellcheck={false}
              />
              <SelectField
                label={t('editor.senderStyle')}
                value={draft.senderStyle}
                options={[
                  { value: 'sender_header' as SenderStyle, label: t('editor.senderStyle.sender_header') },
                  { value: 'send_as' as SenderStyle, label: t('editor.senderStyle.send_as') },
                ]}
                onChange={(senderStyle) => update({ senderStyle })}
                testId="editor-sender-style"
              />
            </div>
          )}
          <CheckField label={t('editor.bccSelf')} hint={t('editor.bccSelfHint')} checked={draft.bccSelf} onChange={(bccSelf) => update({ bccSelf })} testId="editor-bcc-self" />
          <CheckField label={t('wizard.makeDefault')} hint={t('wizard.makeDefaultHint')} checked={draft.isDefault} onChange={(isDefault) => update({ isDefault })} testId="editor-default" />
          {isAdmin && (
            <>
              <CheckField label={t('wizard.companyWide')} hint={t('wizard.companyWideHint')} checked={draft.company} onChange={(company) => update({ company })} testId="editor-company" />
              {draft.company && (
                <CheckField label={t('editor.fallback')} hint={t('editor.fallbackHint')} checked={draft.isFallback} onChange={(isFallback) => update({ isFallback })} testId="editor-fallback" />
              )}
            </>
          )}
        </fieldset>

        <fieldset class="card stack" disabled={!manageable}>
          <legend class="section-title">{t('editor.section.sites')}</legend>
          <div class="grid-2">
            <TextField
              label={t('editor.sites')}
              multiline
              rows={3}
              value={draft.sites}
              onInput={(sites) => update({ sites })}
              hint={t('editor.sitesHint')}
              error={fieldErrors.sites}
              testId="editor-sites"
              spellcheck={false}
            />
            <TextField
              label={t('editor.projects')}
              multiline
              rows={3}
              value={draft.projects}
              onInput={(projects) => update({ projects })}
              hint={t('editor.projectsHint')}
              error={fieldErrors.projects}
              testId="editor-projects"
            />
          </div>
        </fieldset>

        {deliveryAvailable && (
          <fieldset class="card stack" disabled={!manageable}>
            <legend class="section-title">{t('editor.section.delivery')}</legend>
            <TextField
              label={t('editor.maxSize')}
              type="number"
              inputMode="numeric"
              value={draft.maxMessageMb}
              onInput={(maxMessageMb) => update({ maxMessageMb })}
              hint={t('editor.maxSizeHint', { size: delivery ? formatBytes(delivery.effective.maxMessageBytes, t.locale) : '10 MB' })}
              error={fieldErrors.maxMessageBytes}
              testId="editor-max-size"
              min={0.05}
              max={200}
            />
            <CheckField label={t('editor.sentCopy')} hint={t('editor.sentCopyHint')} checked={draft.sentCopy.enabled} onChange={(enabled) => updateSent({ enabled })} testId="editor-sent-copy" />
            {draft.sentCopy.enabled && preset?.serverSavesSentCopy && (
              <p class="notice warn" data-testid="editor-sent-copy-twice">
                {t('editor.sentCopyTwice', { provider: preset.name })}
              </p>
            )}
            {draft.sentCopy.enabled && (
              <div class="stack nested">
                <div class="grid-server">
                  <TextField
                    label={t('editor.imapHost')}
                    value={draft.sentCopy.host}
                    onInput={(host) => updateSent({ host })}
                    error={fieldErrors['sent.host']}
                    testId="editor-imap-host"
                    spellcheck={false}
                    required
                  />
                  <TextField
                    label={t('server.port')}
                    type="number"
                    inputMode="numeric"
                    value={String(draft.sentCopy.port || '')}
                    onInput={(port) => updateSent({ port: Number(port) || 0 })}
                    error={fieldErrors['sent.port']}
                    testId="editor-imap-port"
                    required
                  />
                </div>
                <SelectField
                  label={t('server.security')}
                  value={draft.sentCopy.security}
                  options={(['tls', 'starttls'] as const).map((s) => ({ value: s as SmtpSecurity, label: t(`security.${s}.short`) }))}
                  onChange={(security) => updateSent({ security, port: security === 'tls' ? 993 : 143 })}
                  testId="editor-imap-security"
                />
                <div class="grid-2">
                  <TextField label={t('editor.imapFolder')} value={draft.sentCopy.folder} onInput={(folder) => updateSent({ folder })} hint={t('editor.imapFolderHint')} testId="editor-imap-folder" />
                  <TextField
                    label={t('server.username')}
                    value={draft.sentCopy.username}
                    onInput={(username) => updateSent({ username })}
                    hint={t('editor.imapLoginHint')}
                    testId="editor-imap-username"
                    spellcheck={false}
                  />
                  <TextField
                    label={t('wizard.password')}
                    type="password"
                    value={draft.sentCopy.password}
                    onInput={(password) => updateSent({ password })}
                    hint={delivery?.saveToSent?.hasPassword ? t('editor.passwordKeep') : t('editor.imapLoginHint')}
                    testId="editor-imap-password"
                    autocomplete="off"
                  />
                </div>
              </div>
            )}
          </fieldset>
        )}

        {saveError && <ErrorNotice error={saveError} testId="save-error" />}
        {manageable && (
          <div class="savebar">
            {needsTest && (
              <p class="muted" id="editor-needs-test">
                {t('editor.needsTest')}
              </p>
            )}
            <div class="actions">
              {/* The bar asks for a test, so it offers one: the Test button above may be scrolled far out of view. */}
              {needsTest && (
                <button type="button" class="secondary" data-testid="editor-savebar-test" disabled={testing || testBlocked} onClick={() => void runTest()}>
                  {testing ? t('senders.testing') : t('senders.test')}
                </button>
              )}
              <button type="submit" data-testid="editor-save" disabled={!dirty || needsTest || saving} aria-describedby={needsTest ? 'editor-needs-test' : undefined}>
                {saving ? t('wizard.saving') : t('editor.save')}
              </button>
              {needsTest && isAdmin && (
                <button type="button" class="danger" data-testid="editor-force-save" disabled={saving} onClick={() => void save(true)}>
                  {t('wizard.forceSave')}
                </button>
              )}
              <button type="button" class="secondary" disabled={!dirty || saving} onClick={() => (setDraft(original), setSaveError(undefined), setTest(undefined))}>
                {t('editor.discard')}
              </button>
            </div>
          </div>
        )}
      </form>
    </section>
  );
}
