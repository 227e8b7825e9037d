import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { parseAddress } from '../../../shared/address';
import type { OAuthProvidersView } from '../../../shared/oauth-schemas';
import { oauthStrings } from '../../i18n/oauth-strings';
import { optionsStrings } from '../../i18n/options-strings';
import { sendRequest } from '../../lib/send-request';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TextField } from '../../ui/fields';
import { useLanguage, useTranslator } from '../../ui/language';
import { useConnection } from './connection';
import { applySuggestion, diagnosisFromError, type ServerSettings, type SuggestedFix } from './diagnosis';
import { setFlash } from './flash';
import { ProviderAdvice } from './ProviderAdvice';
import { ProviderPicker } from './ProviderPicker';
import { navigate } from './route';
import { emptyDraft, newProfileBody, type SenderDraft } from './sender-draft';
import { ServerFields } from './server-fields';
import { methodsFor, providerOf } from './sign-in-methods';
import { useSenderDraft } from './use-sender-draft';
import { ADDRESS_STEP, addressStepReducer, discoveryFrom } from './wizard-address-step';
import { draftFromDiscovery, providerChoice, serverStepReducer } from './wizard-server-step';
import { sendToOf, SIGN_IN_STEP, signInStepReducer } from './wizard-sign-in-step';
import { TEST_STEP, testStepReducer, wizardFingerprint } from './wizard-test-step';
import { WizardSignInStep } from './WizardSignInStep';
import { SignInThenTest, TestThenSave } from './WizardTestStep';

const STEPS = ['address', 'server', 'password', 'test'] as const;
type Step = (typeof STEPS)[number];

/**
 * Adding a sender in four steps: the address; the server settings discovery found (with the
 * provider's notes); how it signs in (a password, Microsoft or Google sign-in, or a Microsoft 365 app
 * registration); the test, which must pass before Save (an admin may force it).
 * Secrets are typed here, on the extension's own page, never into a web page.
 *
 * What will be saved is one sender draft (useSenderDraft); each step's own progress is its reducer's
 * (wizard-*-step.ts).
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
  // The first personal sender becomes the default; later ones only when the user says so (below).
  const { draft, edit } = useSenderDraft<SenderDraft>({ ...emptyDraft(user?.name ?? ''), isDefault: true });
  const [address, dispatchAddress] = useReducer(addressStepReducer, ADDRESS_STEP);
  const [serverStep, dispatchServer] = useReducer(serverStepReducer, {});
  const [signIn, dispatchSignIn] = useReducer(signInStepReducer, SIGN_IN_STEP);
  const [testStep, dispatchTest] = useReducer(testStepReducer, TEST_STEP);
  const [relayApps, setRelayApps] = useState<OAuthProvidersView | undefined>();
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);

  useEffect(() => {
    void sendRequest({ type: 'profiles.list' }).then((result) => {
      if (!result.ok) return;
      edit({ isDefault: !result.data.profiles.some((p) => p.scope === 'personal' && p.isDefault) });
    });
    // A relay older than issue 8 answers 404: then every sign-in is offered as if it had its own apps.
    void sendRequest({ type: 'oauth.providers' }).then((result) => result.ok && setRelayApps(result.data));
  }, []);

  // The user's name is known once the relay answered; it is the natural default for what customers see.
  useEffect(() => {
    if (user?.name && !address.fromNameTouched) edit({ fromName: user.name });
  }, [user?.name]);

  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [step]);

  // Aliases in the words of the page.
  const email = draft!.fromAddress;
  const { server, username, method, isDefault: makeDefault, company: companyWide } = draft!;
  const { discovered } = serverStep;
  const { saving, saveError, saved } = testStep;
  const setEmail = (fromAddress: string) => edit({ fromAddress });
  const setServer = (next: ServerSettings) => edit({ server: next });
  const setUsername = (next: string) => edit({ username: next });
  const setMakeDefault = (isDefault: boolean) => edit({ isDefault });
  const setCompanyWide = (company: boolean) => edit({ company });

  const fingerprint = wizardFingerprint(draft!);
  const methods = methodsFor(discovered?.providerId, server.host, discovered?.auth[0] === 'oauth2');
  const provider = providerOf(method);
  const relayHasApp = (p: 'microsoft' | 'google') => relayApps?.[p].relayApp ?? true;

  async function discover(event: Event) {
    event.preventDefault();
    const parsed = parseAddress(email.trim());
    if (!parsed.ok) return dispatchAddress({ type: 'emailRejected' });
    dispatchAddress({ type: 'discoveryStarted' });
    const typed = parsed.value.address;
    setEmail(typed);
    const answer = await sendRequest({ type: 'discover', email: typed, language });
    const outcome = discoveryFrom(typed, answer);
    if ('error' in outcome) return dispatchAddress({ type: 'discoveryFailed', error: outcome.error });
    dispatchAddress({ type: 'discoveryDone' });
    dispatchServer({ type: 'discovered', found: outcome.found });
    edit(draftFromDiscovery(outcome.found, typed));
    setStep('server');
  }

  /** A provider picked from the list replaces what discovery found; "as found" asks discovery again. */
  function chooseProvider(presetId: string | undefined) {
    const found = providerChoice(serverStep, email, presetId);
    if (!found) return;
    dispatchServer({ type: 'providerChosen', found, chosen: presetId !== undefined });
    edit(draftFromDiscovery(found, email));
  }

  /** The list shows this name; a known provider's reads well ("Gmail"), else the address says what it is. */
  function unsavedProfile(settings: ServerSettings = server) {
    return newProfileBody({ ...draft!, name: discovered?.providerName ?? email }, settings);
  }

  /** Microsoft or Google: save first (it cannot be tested before the sign-in), then sign in right here. */
  async function saveForSignIn() {
    dispatchTest({ type: 'saveStarted' });
    const result = await sendRequest({ type: 'profiles.create', profile: { ...unsavedProfile(), isDefault: makeDefault } });
    if (!result.ok) return dispatchTest({ type: 'saveRefused', error: result.error });
    dispatchTest({ type: 'savedForSignIn', profile: result.data });
    setStep('test');
  }

  /** Signed in: the sender's first test, with the real token (POST /v1/profiles/:id/test). */
  async function testAfterSignIn(profileId: string) {
    dispatchTest({ type: 'signedIn' });
    const result = await sendRequest({ type: 'profiles.test', id: profileId, ...sendToOf(signIn), language });
    if (result.ok) dispatchTest({ type: 'testAnswered', result: result.data, fingerprint });
    else dispatchTest({ type: 'testFailed', error: result.error });
  }

  function finishSaved() {
    if (!saved) return;
    setFlash(o(saved.signedIn ? 'wizard.savedSignedIn' : 'wizard.savedNotSignedIn', { address: saved.profile.fromAddress }));
    navigate({ page: 'senders' });
  }

  async function runTest(settings: ServerSettings = server) {
    setStep('test');
    const tested = wizardFingerprint(draft!, settings);
    dispatchTest({ type: 'testStarted' });
    const result = await sendRequest({ type: 'profiles.diagnose', profile: unsavedProfile(settings), ...sendToOf(signIn), language });
    if (result.ok) dispatchTest({ type: 'testAnswered', result: result.data, fingerprint: tested });
    else dispatchTest({ type: 'testFailed', error: result.error });
  }

  function takeSuggestion(fix: SuggestedFix) {
    const next = applySuggestion(server, fix);
    setServer(next);
    void runTest(next);
  }

  async function save(force: boolean) {
    dispatchTest({ type: 'saveStarted' });
    const result = await sendRequest({
      type: 'profiles.create',
      profile: { ...unsavedProfile(), isDefault: makeDefault },
      ...(force ? { force: true } : {}),
    });
    if (!result.ok) return dispatchTest({ type: 'saveRefused', error: result.error, diagnosis: diagnosisFromError(result.error), fingerprint });
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
        <form class="card stack step" onSubmit={discover} aria-busy={address.discovering} noValidate>
          <h3 ref={stepHeading} tabIndex={-1}>
            {t('wizard.address.heading')}
          </h3>
          <p class="muted">{t('wizard.address.lead')}</p>
          <TextField
            label={t('wizard.email')}
            type="email"
            value={email}
            onInput={setEmail}
            error={address.emailInvalid ? t('wizard.emailInvalid') : undefined}
            testId="wizard-email"
            autocomplete="email"
            spellcheck={false}
            required
          />
          <TextField label={t('wizard.fromName')} value={draft!.fromName} onInput={(value) => (dispatchAddress({ type: 'fromNameTyped' }), edit({ fromName: value }))} hint={t('wizard.fromNameHint')} testId="wizard-from-name" autocomplete="name" />
          {address.error && <ErrorNotice error={address.error} />}
          <div class="actions">
            <button type="submit" data-testid="wizard-continue" disabled={address.discovering}>
              {address.discovering ? t('wizard.discovering') : t('wizard.continue')}
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
        <WizardSignInStep
          headingRef={stepHeading}
          discovered={discovered}
          draft={draft!}
          edit={edit}
          state={signIn}
          dispatch={dispatchSignIn}
          methods={methods}
          relayHasApp={relayHasApp}
          isAdmin={isAdmin}
          saving={saving}
          saveError={saveError}
          onBack={() => setStep('server')}
          onTest={() => void runTest()}
          onSaveForSignIn={() => void saveForSignIn()}
        />
      )}

      {step === 'test' && saved && provider && (
        <SignInThenTest
          headingRef={stepHeading}
          saved={saved}
          state={testStep}
          provider={provider}
          account={username.trim() || saved.profile.fromAddress}
          onSignedIn={() => void testAfterSignIn(saved.profile.id)}
          onDone={finishSaved}
        />
      )}

      {step === 'test' && !saved && (
        <TestThenSave
          headingRef={stepHeading}
          state={testStep}
          fingerprint={fingerprint}
          host={server.host}
          isAdmin={isAdmin}
          saveOptions={{ makeDefault, companyWide, onMakeDefault: setMakeDefault, onCompanyWide: setCompanyWide }}
          onApplySuggestion={takeSuggestion}
          onChangeSettings={() => setStep('server')}
          onChangePassword={() => setStep('password')}
          onTestAgain={() => void runTest()}
          onSave={(force) => void save(force)}
        />
      )}
    </section>
  );
}
