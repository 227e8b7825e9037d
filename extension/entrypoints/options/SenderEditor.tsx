import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DiagnosisResult, ExtensionError } from '../../../shared/extension-messages';
import type { DeliverySettingsView, ProfileView } from '../../../shared/schemas';
import { oauthStrings } from '../../i18n/oauth-strings';
import { optionsStrings } from '../../i18n/options-strings';
import { sendRequest } from '../../lib/send-request';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SelectField, TextField } from '../../ui/fields';
import { useLanguage, useTranslator } from '../../ui/language';
import { useConnection } from './connection';
import { deliveryBody, deliveryChanged, deliveryDraftFrom, type DeliveryDraft } from './delivery-draft';
import { applySuggestion, diagnosisFromError, type ServerSettings, type SuggestedFix } from './diagnosis';
import { DiagnosisReport } from './DiagnosisReport';
import { fieldErrorsFrom } from './field-errors';
import { setFlash } from './flash';
import { navigate } from './route';
import { canManage } from './SendersPage';
import { AppOnlyFields, DelegatedClientFields } from './OAuthFields';
import { changedProfileBody, draftFromProfile, profilePatch, serverFingerprint, testBlocker, type SenderDraft, type TestBlocker } from './sender-draft';
import { DeliveryFields } from './DeliveryFields';
import { SenderRulesFields } from './SenderRulesFields';
import { SenderSignIn } from './SenderSignIn';
import { CIPHER_CHOICES, TLS_VERSION_CHOICES } from './server-choices';
import { ServerFields } from './server-fields';
import { isDelegated, methodOf } from './sign-in-methods';
import { SignInMethodPicker } from './SignInMethodPicker';
import { useSenderDraft } from './use-sender-draft';

/** The editor's form: the sender, and its delivery settings (saved with their own request). */
type EditorDraft = SenderDraft & DeliveryDraft;

/** Why Test is unavailable, in the words of the string catalogue it comes from. */
const BLOCKER_TEXTS = {
  needs_sign_in: ['oauth', 'editor.testNeedsSignIn'],
  needs_secret: ['oauth', 'editor.testNeedsSecret'],
  needs_password_for_server: ['options', 'editor.testNeedsPasswordServer'],
  needs_password: ['options', 'editor.testNeedsPassword'],
  needs_password_typed: ['oauth', 'editor.testNeedsPasswordTyped'],
} as const satisfies Record<TestBlocker, readonly ['oauth' | 'options', string]>;

/** Every field of a sender, editable; server changes are tested before the relay saves them. */
export function SenderEditor({ id }: { id: string }) {
  const t = useTranslator(optionsStrings);
  const o = useTranslator(oauthStrings);
  const { language } = useLanguage();
  const { isAdmin } = useConnection();
  const [profile, setProfile] = useState<ProfileView | undefined>();
  const [delivery, setDelivery] = useState<DeliverySettingsView | undefined>();
  const { original, draft, load, edit: update, discard } = useSenderDraft<EditorDraft>();
  const [loadError, setLoadError] = useState<ExtensionError | undefined>();
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<{ result: DiagnosisResult; fingerprint: string } | undefined>();
  const [testError, setTestError] = useState<ExtensionError | undefined>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ExtensionError | undefined>();
  /** The relay's test of changed Sent-folder settings that did not pass (they were not saved). */
  const [sentTest, setSentTest] = useState<DiagnosisResult | undefined>();

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
      load({ ...draftFromProfile(found), ...deliveryDraftFrom(found.fromAddress, loadedDelivery) });
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

  const currentFingerprint = serverFingerprint(draft);
  const serverChanged = currentFingerprint !== serverFingerprint(original);
  const testPassedForDraft = test !== undefined && test.fingerprint === currentFingerprint && test.result.ok;
  const patch = profilePatch(original, draft);
  // A relay without delivery settings answers 404: the section is left out rather than shown broken.
  const deliveryAvailable = delivery !== undefined;
  const dirty = Object.keys(patch).length > 0 || (deliveryAvailable && deliveryChanged(original, draft));
  const savedMethod = methodOf(profile.auth);
  const signedIn = profile.auth.type === 'oauth2' && profile.auth.status === 'ready';
  const blocker = testBlocker(original, draft, { method: savedMethod, signedIn });
  // A delegated sign-in nobody has made yet cannot be tested: the relay saves it, and it is tested after the sign-in.
  const untestable = blocker === 'needs_sign_in';
  const needsTest = serverChanged && !untestable && !testPassedForDraft;
  const manageable = canManage(profile, isAdmin);

  async function runTest(server: ServerSettings = draft!.server) {
    setTesting(true);
    setTestError(undefined);
    const tested = serverFingerprint({ ...draft!, server });
    // Unchanged settings: test what is saved. Changed ones are tested before saving, with the saved
    // password unless a new one was typed (the relay looks it up by `profileId`; it never gives it back).
    const answer =
      serverChanged || server !== draft!.server
        ? await sendRequest({ type: 'profiles.diagnose', profile: changedProfileBody(id, draft!, server), language })
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

  async function save(force: boolean, forceSentCopy = false) {
    setSaving(true);
    setSaveError(undefined);
    setSentTest(undefined);
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
      const settings = { ...deliveryBody(draft!, delivery), ...(forceSentCopy ? { force: true } : {}) };
      const answer = await sendRequest({ type: 'profiles.delivery.put', id, settings, language });
      if (!answer.ok) {
        setSaving(false);
        // Changed Sent-folder settings are tested before the relay saves them; the test shows here.
        setSentTest(diagnosisFromError(answer.error));
        return setSaveError(answer.error);
      }
    }
    setSaving(false);
    setFlash(t('editor.saved', { name: draft!.name }));
    navigate({ page: 'senders' });
  }

  const testBlocked = blocker !== undefined;
  const blockerText = (which: TestBlocker) => {
    const [catalogue, key] = BLOCKER_TEXTS[which];
    return catalogue === 'oauth' ? o(key) : t(key);
  };
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
            <TextField label={t('wizard.fromName')} value={draft.fromName} onInput={(fromName) => update({ fromName })} hint={t('wizard.fromNameHint')} error={fieldErrors.fromName} testId="editor-from-name" />
            <TextField label={t('wizard.email')} type="email" value={draft.fromAddress} onInput={(fromAddress) => update({ fromAddress })} error={fieldErrors.fromAddress} testId="editor-from-address" spellcheck={false} required />
            <TextField label={t('editor.replyTo')} type="email" value={draft.replyTo} onInput={(replyTo) => update({ replyTo })} hint={t('editor.replyToHint')} error={fieldErrors.replyTo} testId="editor-reply-to" spellcheck={false} />
          </div>
        </fieldset>

        <fieldset class="card stack" disabled={!manageable}>
          <legend class="section-title">{t('editor.section.server')}</legend>
          <ServerFields value={draft.server} onChange={(server) => update({ server })} idPrefix="editor" errors={{ host: fieldErrors.host, port: fieldErrors.port }} />
          <SignInMethodPicker value={draft.method} onChange={(method) => update({ method })} idPrefix="editor" disabled={!manageable} />
          {draft.method === 'password' && (
            <div class="grid-2">
              <TextField label={t('server.username')} value={draft.username} onInput={(username) => update({ username })} error={fieldErrors.auth} testId="editor-username" spellcheck={false} required />
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
              {savedMethod === 'microsoft_app' && profile.auth.type === 'oauth2' && <SenderSignIn profile={{ ...profile, auth: profile.auth }} manageable={manageable} onChanged={() => void reloadProfile()} />}
              <AppOnlyFields value={draft.oauth} onChange={(oauth) => update({ oauth })} idPrefix="editor" hasSavedSecret={savedMethod === 'microsoft_app' && profile.auth.type === 'oauth2' && profile.auth.hasClientSecret} />
              <TextField label={o('app.mailbox')} value={draft.username} onInput={(username) => update({ username })} hint={o('app.mailboxHint')} error={fieldErrors.auth} testId="editor-app-mailbox" spellcheck={false} required />
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
              <TextField label={t('editor.ehlo')} value={draft.ehloName} onInput={(ehloName) => update({ ehloName })} hint={t('editor.ehloHint')} error={fieldErrors.ehloName} testId="editor-ehlo" spellcheck={false} />
            </div>
          </details>
          <div class="actions">
            <button type="button" class="secondary" data-testid="editor-test" disabled={testing || testBlocked} aria-describedby={testBlocked ? 'editor-test-blocked' : undefined} onClick={() => void runTest()}>
              {testing ? t('senders.testing') : t('senders.test')}
            </button>
            {blocker && (
              <span class="hint muted" id="editor-test-blocked">
                {blockerText(blocker)}
              </span>
            )}
          </div>
          <div class="live" aria-live="polite">{testing && <p class="testing">{t('wizard.testing', { host: draft.server.host })}</p>}</div>
          {testError && <ErrorNotice error={testError} />}
          {test && !testing && <DiagnosisReport result={test.result} onApplySuggestion={takeSuggestion} />}
        </fieldset>

        <SenderRulesFields draft={draft} update={update} fieldErrors={fieldErrors} manageable={manageable} isAdmin={isAdmin} />

        <fieldset class="card stack" disabled={!manageable}>
          <legend class="section-title">{t('editor.section.sites')}</legend>
          <div class="grid-2">
            <TextField label={t('editor.sites')} multiline rows={3} value={draft.sites} onInput={(sites) => update({ sites })} hint={t('editor.sitesHint')} error={fieldErrors.sites} testId="editor-sites" spellcheck={false} />
            <TextField label={t('editor.projects')} multiline rows={3} value={draft.projects} onInput={(projects) => update({ projects })} hint={t('editor.projectsHint')} error={fieldErrors.projects} testId="editor-projects" />
          </div>
        </fieldset>

        {delivery && <DeliveryFields draft={draft} update={update} delivery={delivery} fieldErrors={fieldErrors} manageable={manageable} />}

        {sentTest && (
          <div class="stack" data-testid="editor-sent-test">
            <DiagnosisReport result={sentTest} />
            {isAdmin && (
              <button type="button" class="danger" data-testid="editor-sent-force-save" disabled={saving} onClick={() => void save(false, true)}>
                {t('editor.sentForceSave')}
              </button>
            )}
          </div>
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
              <button type="button" class="secondary" disabled={!dirty || saving} onClick={() => (discard(), setSaveError(undefined), setTest(undefined))}>
                {t('editor.discard')}
              </button>
            </div>
          </div>
        )}
      </form>
    </section>
  );
}
