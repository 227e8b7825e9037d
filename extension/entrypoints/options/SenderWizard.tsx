import { useEffect, useRef, useState } from 'preact/hooks';
import type { DiagnosisResult, ExtensionError } from '../../../shared/extension-messages';
import { parseAddress } from '../../../shared/address';
import type { OAuthProvidersView } from '../../../shared/oauth-schemas';
import type { ProfileView } from '../../../shared/schemas';
import { oauthStrings } from '../../i18n/oauth-strings';
import { optionsStrings } from '../../i18n/options-strings';
import { sendRequest } from '../../lib/send-request';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CheckField, TextField } from '../../ui/fields';
import { useLanguage, useTranslator } from '../../ui/language';
import { useConnection } from './connection';
import { applySuggestion, diagnosisFromError, testFingerprint, type ServerSettings, type SuggestedFix } from './diagnosis';
import { DiagnosisReport } from './DiagnosisReport';
import { discoverFromPreset, discoverLocally, readDiscovery, type Discovered } from './discovery';
import { setFlash } from './flash';
import { ProviderAdvice } from './ProviderAdvice';
import { ProviderPicker } from './ProviderPicker';
import { OAuthSignIn } from './OAuthSignIn';
import { AppOnlyFields, DelegatedClientFields } from './OAuthFields';
import { navigate } from './route';
import { ServerFields } from './server-fields';
import { authBody, EMPTY_OAUTH_DRAFT, isDelegated, methodsFor, providerOf, type OAuthDraft, type SignInMethod } from './sign-in-methods';
import { SignInMethodPicker } from './SignInMethodPicker';

const STEPS = ['address', 'server', 'password', 'test'] as const;
type Step = (typeof STEPS)[number];

interface TestState {
  running: boolean;
  result?: DiagnosisResult;
  /** What was tested; a change afterwards makes the result stale. */
  fingerprint?: string;
  error?: ExtensionError;
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** A delegated sender saved by this wizard, waiting for its sign-in and then its test. */
interface SavedForSignIn {
  profile: ProfileView;
  signedIn: boolean;
}

/**
 * Adding a sender in four steps: the address; the server settings discovery found (with the
 * provider's notes); how it signs in (a password, Microsoft or Google sign-in, or a Microsoft 365 app
 * registration); the test, which must pass before Save (an admin may force it).
 * Secrets are typed here, on the extension's own page, never into a web page.
 *
 * A sender that signs in with Microsoft or Google (delegated) cannot be tested before its sign-in,
 * and the sign-in needs a saved sender: so it is saved first ("Save and sign in", which the relay
 * allows untested: relay/diagnosis/sender-test-service.ts), signed in, and then tested.
 */
export function SenderWizard() {
  const t = useTranslator(optionsStrings);
  const o = useTranslator(oauthStrings);
  const { language } = useLanguage();
  const { user, isAdmin } = useConnection();
  const [step, setStep] = useState<Step>('address');
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [fromName, setFromName] = useState(user?.name ?? '');
  const [discovering, setDiscovering] = useState(false);
  const [discovered, setDiscovered] = useState<Discovered | undefined>();
  const [server, setServer] = useState<ServerSettings>({ host: '', port: 587, security: 'starttls' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [sendTo, setSendTo] = useState('');
  const [test, setTest] = useState<TestState>({ running: false });
  const [makeDefault, setMakeDefault] = useState(true);
  const [companyWide, setCompanyWide] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ExtensionError | undefined>();
  const [error, setError] = useState<ExtensionError | undefined>();
  const [method, setMethod] = useState<SignInMethod>('password');
  const [oauthDraft, setOAuthDraft] = useState<OAuthDraft>(EMPTY_OAUTH_DRAFT);
  const [relayApps, setRelayApps] = useState<OAuthProvidersView | undefined>();
  const [saved, setSaved] = useState<SavedForSignIn | undefined>();
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  const fromNameTouched = useRef(false);
  /** What discovery found, kept while the user tries a provider from the list. */
  const foundForAddress = useRef<Discovered | undefined>(undefined);

  useEffect(() => {
    void sendRequest({ type: 'profiles.list' }).then((result) => {
      if (!result.ok) return;
      // The first personal sender becomes the default; later ones only when the user says so.
      setMakeDefault(!result.data.profiles.some((p) => p.scope === 'personal' && p.isDefault));
    });
    // A relay older than issue 8 answers 404: then every sign-in is offered as if it had its own apps.
    void sendRequest({ type: 'oauth.providers' }).then((result) => result.ok && setRelayApps(result.data));
  }, []);

  // The user's name is known once the relay answered; it is the natural default for what customers see.
  useEffect(() => {
    if (user?.name && !fromNameTouched.current) setFromName(user.name);
  }, [user?.name]);

  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [step]);

  const oauthParts = { method, tenantId: oauthDraft.tenantId, clientId: oauthDraft.clientId, clientSecret: oauthDraft.clientSecret };
  const fingerprint = testFingerprint({ email, host: server.host, port: server.port, security: server.security, username, password, ...oauthParts });
  const methods = methodsFor(discovered?.providerId, server.host, discovered?.auth[0] === 'oauth2');
  const provider = providerOf(method);
  const relayHasApp = (p: 'microsoft' | 'google') => relayApps?.[p].relayApp ?? true;
  const needsOwnClient = isDelegated(method) && !relayHasApp(method) && !oauthDraft.clientId.trim();
  const testIsCurrent = test.result !== undefined && test.fingerprint === fingerprint;
  const passed = testIsCurrent && test.result!.ok;
  /** "Change the password" fits only a test that stopped at the sign-in; other failures get "Test again". */
  const failedAtSignIn = test.result?.stages.some((stage) => stage.stage === 'auth' && !stage.ok) ?? false;

  async function discover(event: Event) {
    event.preventDefault();
    const parsed = parseAddress(email.trim());
    if (!parsed.ok) return setEmailError(t('wizard.emailInvalid'));
    setEmailError(undefined);
    setError(undefined);
    const address = parsed.value.address;
    setEmail(address);
    setDiscovering(true);
    const answer = await sendRequest({ type: 'discover', email: address, language });
    setDiscovering(false);
    let found: Discovered;
    if (answer.ok) found = readDiscovery(address, answer.data);
    else if (answer.error.code === 'not_found')
      found = discoverLocally(address); // a relay without discovery yet
    else return setError(answer.error);
    foundForAddress.current = undefined;
    applyDiscovered(found, address);
    setStep('server');
  }

  /** A provider picked from the list replaces what discovery found; "as found" asks discovery again. */
  function chooseProvider(presetId: string | undefined) {
    const found = presetId ? discoverFromPreset(email, presetId) : foundForAddress.current;
    if (!found) return;
    if (!presetId) foundForAddress.current = undefined;
    else if (discovered?.source !== 'chosen') foundForAddress.current = discovered;
    applyDiscovered(found, email);
  }

  function applyDiscovered(found: Discovered, address: string) {
    setDiscovered(found);
    const smtp = found.smtp ?? { host: `smtp.${domainOf(address)}`, port: 587, security: 'starttls' as const };
    setServer(smtp);
    setUsername(found.username);
    // The provider's own sign-in when it prefers it (Microsoft 365, Outlook.com); else a password.
    setMethod(methodsFor(found.providerId, smtp.host, found.auth[0] === 'oauth2').recommended ?? 'password');
  }

  function unsavedProfile() {
    return {
      // The list shows this name; a known provider's reads well ("Gmail"), else the address says what it is.
      name: discovered?.providerName ?? email,
      scope: companyWide ? 'company' : 'personal',
      ...(fromName.trim() ? { fromName: fromName.trim() } : {}),
      fromAddress: email,
      smtp: { host: server.host.trim(), port: server.port, security: server.security, ...(server.security === 'none' && server.allowPlaintextAuth ? { allowPlaintextAuth: true } : {}) },
      auth: authBody(method, username, password, oauthDraft),
    };
  }

  /** Microsoft or Google: save first (it cannot be tested before the sign-in), then sign in right here. */
  async function saveForSignIn() {
    setSaving(true);
    setSaveError(undefined);
    const result = await sendRequest({ type: 'profiles.create', profile: { ...unsavedProfile(), isDefault: makeDefault } });
    setSaving(false);
    if (!result.ok) return setSaveError(result.error);
    setSaved({ profile: result.data, signedIn: false });
    setTest({ running: false });
    setStep('test');
  }

  /** Signed in: the sender's first test, with the real token (POST /v1/profiles/:id/test). */
  async function testAfterSignIn(profileId: string) {
    setSaved((current) => current && { ...current, signedIn: true });
    setTest({ running: true });
    const result = await sendRequest({ type: 'profiles.test', id: profileId, ...(sendTo.trim() ? { sendTo: sendTo.trim() } : {}), language });
    if (result.ok) setTest({ running: false, result: result.data, fingerprint });
    else setTest({ running: false, error: result.error });
  }

  function finishSaved() {
    if (!saved) return;
    setFlash(o(saved.signedIn ? 'wizard.savedSignedIn' : 'wizard.savedNotSignedIn', { address: saved.profile.fromAddress }));
    navigate({ page: 'senders' });
  }

  async function runTest(settings: ServerSettings = server) {
    setStep('test');
    const tested = testFingerprint({ email, host: settings.host, port: settings.port, security: settings.security, username, password, ...oauthParts });
    setTest({ running: true });
    const result = await sendRequest({
      type: 'profiles.diagnose',
      profile: {
        ...unsavedProfile(),
        smtp: { host: settings.host.trim(), port: settings.port, security: settings.security, ...(settings.security === 'none' && settings.allowPlaintextAuth ? { allowPlaintextAuth: true } : {}) },
      },
      ...(sendTo.trim() ? { sendTo: sendTo.trim() } : {}),
      language,
    });
    if (result.ok) setTest({ running: false, result: result.data, fingerprint: tested });
    else setTest({ running: false, error: result.error });
  }

  function takeSuggestion(fix: SuggestedFix) {
    const next = applySuggestion(server, fix);
    setServer(next);
    void runTest(next);
  }

  async function save(force: boolean) {
    setSaving(true);
    setSaveError(undefined);
    const result = await sendRequest({
      type: 'profiles.create',
      profile: { ...unsavedProfile(), isDefault: makeDefault },
      ...(force ? { force: true } : {}),
    });
    setSaving(false);
    if (!result.ok) {
      const relayDiagnosis = diagnosisFromError(result.error);
      if (relayDiagnosis) setTest({ running: false, result: relayDiagnosis, fingerprint });
      return setSaveError(result.error);
    }
    setFlash(t('wizard.saved', { address: result.data.fromAddress }));
    navigate({ page: 'senders' });
  }

  const stepIndex = STEPS.indexOf(step);
  return (
    <section class="page wizard" aria-labelledby="wizard-title" data-testid="sender-wizard" data-step={step}>
      <div class="page-head">
        <h2 id="wizard-title" class="page-title">
          {t('wizard.title')}
        </h2>
        <a href="#/senders" class="button quiet">
          {t('wizard.cancel')}
        </a>
      </div>
      <ol class="steps" aria-label={t('wizard.progress')}>
        {STEPS.map((name, index) => (
          <li key={name} class={index < stepIndex ? 'done' : index === stepIndex ? 'current' : ''} aria-current={index === stepIndex ? 'step' : undefined}>
            <span class="step-number" aria-hidden="true">
              {index < stepIndex ? '✓' : index + 1}
            </span>
            {name === 'password' && method !== 'password' ? o('wizard.step.signIn') : t(`wizard.step.${name}`)}
          </li>
        ))}
      </ol>

      {step === 'address' && (
        // noValidate: our own message, in the user's language, instead of the browser's bubble.
        <form class="card stack step" onSubmit={discover} aria-busy={discovering} noValidate>
          <h3 ref={stepHeading} tabIndex={-1}>
            {t('wizard.address.heading')}
          </h3>
          <p class="muted">{t('wizard.address.lead')}</p>
          <TextField label={t('wizard.email')} type="email" value={email} onInput={setEmail} error={emailError} testId="wizard-email" autocomplete="email" spellcheck={false} required />
          <TextField
            label={t('wizard.fromName')}
            value={fromName}
            onInput={(value) => ((fromNameTouched.current = true), setFromName(value))}
            hint={t('wizard.fromNameHint')}
            testId="wizard-from-name"
            autocomplete="name"
          />
          {error && <ErrorNotice error={error} />}
          <div class="actions">
            <button type="submit" data-testid="wizard-continue" disabled={discovering}>
              {discovering ? t('wizard.discovering') : t('wizard.continue')}
            </button>
          </div>
        </form>
      )}

      {step === 'server' && discovered && (
        <form
          class="card stack step"
          onSubmit={(event) => {
            event.preventDefault();
            setStep('password');
          }}
        >
          <h3 ref={stepHeading} tabIndex={-1}>
            {t('wizard.server.heading')}
          </h3>
          <ProviderPicker value={discovered.source === 'chosen' ? discovered.providerId : undefined} onChoose={chooseProvider} />
          <ProviderAdvice discovered={discovered} email={email} />
          <ServerFields value={server} onChange={setServer} idPrefix="wizard" />
          <TextField label={t('server.username')} value={username} onInput={setUsername} hint={t('server.usernameHint')} testId="wizard-username" spellcheck={false} required />
          <div class="actions">
            <button type="button" class="secondary" onClick={() => setStep('address')}>
              {t('wizard.back')}
            </button>
            <button type="submit" data-testid="wizard-continue">
              {t('wizard.continue')}
            </button>
          </div>
        </form>
      )}

      {step === 'password' && discovered && (
        <form
          class="card stack step"
          onSubmit={(event) => {
            event.preventDefault();
            if (isDelegated(method)) {
              if (!needsOwnClient) void saveForSignIn();
            } else void runTest();
          }}
        >
          <h3 ref={stepHeading} tabIndex={-1}>
            {method === 'password' ? t('wizard.password.heading') : o('wizard.step.signIn')}
          </h3>
          <SignInMethodPicker value={method} onChange={setMethod} fitting={methods.fitting} recommended={methods.recommended} idPrefix="wizard" />
          {method === 'password' && (
            <>
              <PasswordAdvice discovered={discovered} />
              <TextField
                label={
                  discovered.auth[0] === 'app_password' ? t('wizard.appPassword') : discovered.auth[0] === 'smtp_token' || discovered.auth[0] === 'api_key' ? t('wizard.token') : t('wizard.password')
                }
                type={showPassword ? 'text' : 'password'}
                value={password}
                onInput={setPassword}
                hint={t('wizard.passwordHint')}
                testId="wizard-password"
                autocomplete="off"
                spellcheck={false}
                required
              />
              <CheckField label={t('wizard.showPassword')} checked={showPassword} onChange={setShowPassword} testId="wizard-show-password" />
            </>
          )}
          {method === 'microsoft_app' && (
            <>
              <AppOnlyFields value={oauthDraft} onChange={setOAuthDraft} idPrefix="wizard" />
              <TextField label={o('app.mailbox')} value={username} onInput={setUsername} hint={o('app.mailboxHint')} testId="wizard-app-mailbox" spellcheck={false} required />
            </>
          )}
          {isDelegated(method) && (
            <>
              <DelegatedClientFields provider={method} value={oauthDraft} onChange={setOAuthDraft} idPrefix="wizard" relayApp={relayHasApp(method)} />
              <fieldset class="stack save-options">
                <legend>{t('wizard.saveOptions')}</legend>
                <CheckField label={t('wizard.makeDefault')} hint={t('wizard.makeDefaultHint')} checked={makeDefault} onChange={setMakeDefault} testId="wizard-default" />
                {isAdmin && <CheckField label={t('wizard.companyWide')} hint={t('wizard.companyWideHint')} checked={companyWide} onChange={setCompanyWide} testId="wizard-company" />}
              </fieldset>
              <p class="muted" id="wizard-save-first">
                {o('wizard.saveFirst')}
              </p>
            </>
          )}
          <TextField label={t('wizard.sendTo')} type="email" value={sendTo} onInput={setSendTo} hint={t('wizard.sendToHint')} testId="wizard-send-to" spellcheck={false} />
          {saveError && isDelegated(method) && <ErrorNotice error={saveError} testId="save-error" />}
          <div class="actions">
            <button type="button" class="secondary" onClick={() => setStep('server')}>
              {t('wizard.back')}
            </button>
            {isDelegated(method) ? (
              <button type="submit" data-testid="wizard-save-and-sign-in" disabled={saving || needsOwnClient} aria-describedby="wizard-save-first">
                {saving ? t('wizard.saving') : o('wizard.saveAndSignIn')}
              </button>
            ) : (
              <button type="submit" data-testid="wizard-test">
                {t('wizard.test')}
              </button>
            )}
          </div>
        </form>
      )}

      {step === 'test' && saved && provider && (
        <div class="card stack step" data-testid="wizard-sign-in" aria-busy={test.running}>
          <h3 ref={stepHeading} tabIndex={-1}>
            {o('wizard.signInHeading', { address: saved.profile.fromAddress })}
          </h3>
          <OAuthSignIn profileId={saved.profile.id} provider={provider} account={username.trim() || saved.profile.fromAddress} autoStart onSignedIn={() => void testAfterSignIn(saved.profile.id)} />
          <div class="live" aria-live="polite">
            {test.running && (
              <p class="testing" data-testid="test-running">
                <span class="spinner" aria-hidden="true" /> {o('wizard.testingAfterSignIn')}
              </p>
            )}
          </div>
          {test.error && <ErrorNotice error={test.error} />}
          {!test.running && test.result && <DiagnosisReport result={test.result} />}
          <div class="actions">
            {test.result && !test.result.ok && (
              <a class="button secondary" href={`#/senders/${encodeURIComponent(saved.profile.id)}`} data-testid="wizard-edit-saved">
                {o('wizard.editSender')}
              </a>
            )}
            <button type="button" data-testid="wizard-done" disabled={test.running} onClick={finishSaved}>
              {o('wizard.done')}
            </button>
          </div>
        </div>
      )}

      {step === 'test' && !saved && (
        <div class="card stack step" aria-busy={test.running}>
          <h3 ref={stepHeading} tabIndex={-1}>
            {t('wizard.test.heading')}
          </h3>
          <div class="live" aria-live="polite">
            {test.running && (
              <p class="testing" data-testid="test-running">
                <span class="spinner" aria-hidden="true" /> {t('wizard.testing', { host: server.host })}
              </p>
            )}
          </div>
          {test.error && <ErrorNotice error={test.error} />}
          {!test.running && test.result && <DiagnosisReport result={test.result} onApplySuggestion={takeSuggestion} />}
          {!test.running && (
            <>
              {passed ? (
                <fieldset class="stack save-options">
                  <legend>{t('wizard.saveOptions')}</legend>
                  <CheckField label={t('wizard.makeDefault')} hint={t('wizard.makeDefaultHint')} checked={makeDefault} onChange={setMakeDefault} testId="wizard-default" />
                  {isAdmin && <CheckField label={t('wizard.companyWide')} hint={t('wizard.companyWideHint')} checked={companyWide} onChange={setCompanyWide} testId="wizard-company" />}
                </fieldset>
              ) : (
                <p class="muted" id="save-needs-test">
                  {t('wizard.saveNeedsTest')}
                </p>
              )}
              {saveError && <ErrorNotice error={saveError} testId="save-error" />}
              <div class="actions">
                <button type="button" class="secondary" data-testid="wizard-edit-settings" onClick={() => setStep('server')}>
                  {t('wizard.changeSettings')}
                </button>
                {!passed && failedAtSignIn && (
                  <button type="button" class="secondary" data-testid="wizard-retest" onClick={() => setStep('password')}>
                    {t('wizard.tryAgain')}
                  </button>
                )}
                {!passed && !failedAtSignIn && test.result && (
                  <button type="button" class="secondary" data-testid="wizard-test-again" onClick={() => void runTest()}>
                    {t('wizard.testAgain')}
                  </button>
                )}
                <button type="button" data-testid="wizard-save" disabled={!passed || saving} aria-describedby={passed ? undefined : 'save-needs-test'} onClick={() => void save(false)}>
                  {saving ? t('wizard.saving') : t('wizard.save')}
                </button>
              </div>
              {!passed && isAdmin && test.result && !credentialsRefused(test.result) && (
                <div class="force notice warn">
                  <strong>{t('wizard.forceTitle')}</strong>
                  <p>{t('wizard.forceHint')}</p>
                  <div class="actions">
                    <button type="button" class="danger" data-testid="wizard-force-save" disabled={saving} onClick={() => void save(true)}>
                      {t('wizard.forceSave')}
                    </button>
                  </div>
                </div>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** What kind of secret this provider wants, in the user's language (the provider's notes are in English). */
function PasswordAdvice({ discovered }: { discovered: Discovered }) {
  const t = useTranslator(optionsStrings);
  const o = useTranslator(oauthStrings);
  const provider = discovered.providerName ?? t('wizard.yourProvider');
  const preferred = discovered.auth[0] ?? 'password';
  return (
    <div class="stack tight">
      {preferred === 'app_password' && (
        <p class="notice info" data-testid="wizard-auth-advice">
          {t('auth.appPassword', { provider })}
        </p>
      )}
      {preferred === 'smtp_token' && (
        <p class="notice info" data-testid="wizard-auth-advice">
          {t('auth.smtpToken', { provider })}
        </p>
      )}
      {preferred === 'api_key' && (
        <p class="notice info" data-testid="wizard-auth-advice">
          {t('auth.apiKey', { provider })}
        </p>
      )}
      {preferred === 'oauth2' && (
        <p class="notice warn" data-testid="wizard-auth-advice">
          {o('method.oauthOnly', { provider })}
        </p>
      )}
    </div>
  );
}

/**
 * The server said the username or password is wrong (535, or a problem the relay classified as such):
 * saving such a sender anyway only makes every send fail, so an admin is not offered "Save anyway".
 */
function credentialsRefused(result: DiagnosisResult): boolean {
  const auth = result.stages.find((stage) => stage.stage === 'auth' && !stage.ok);
  if (!auth) return false;
  return /^535[ -]/.test(auth.reply ?? '') || /(^|_)(bad_credentials|auth_failed)$/.test(result.problem?.code ?? '');
}
