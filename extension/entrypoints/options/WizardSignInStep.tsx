/**
 * The wizard's third step: how the sender signs in. A password (with what kind of secret the provider
 * wants), a Microsoft 365 app registration, or a Microsoft or Google sign-in, which is saved first and
 * signed in on the next step.
 */
import type { RefObject } from 'preact';
import type { ExtensionError } from '../../../shared/extension-messages';
import { oauthStrings } from '../../i18n/oauth-strings';
import { optionsStrings } from '../../i18n/options-strings';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CheckField, TextField } from '../../ui/fields';
import { useTranslator } from '../../ui/language';
import type { Discovered } from './discovery';
import { AppOnlyFields, DelegatedClientFields } from './OAuthFields';
import { PasswordAdvice } from './PasswordAdvice';
import { SaveOptions } from './SaveOptions';
import type { SenderDraft } from './sender-draft';
import { isDelegated, type SignInMethod } from './sign-in-methods';
import { SignInMethodPicker } from './SignInMethodPicker';
import { needsOwnClient, type SignInStep, type SignInStepAction } from './wizard-sign-in-step';

interface Props {
  headingRef: RefObject<HTMLHeadingElement | null>;
  discovered: Discovered;
  draft: SenderDraft;
  edit(change: Partial<SenderDraft>): void;
  state: SignInStep;
  dispatch(action: SignInStepAction): void;
  /** The methods that fit this mailbox, best first. */
  methods: { fitting: SignInMethod[]; recommended?: SignInMethod };
  /** Whether the relay has its own app registration for the provider. */
  relayHasApp(provider: 'microsoft' | 'google'): boolean;
  isAdmin: boolean;
  saving: boolean;
  saveError?: ExtensionError;
  onBack(): void;
  onTest(): void;
  onSaveForSignIn(): void;
}

export function WizardSignInStep({ headingRef, discovered, draft, edit, state, dispatch, methods, relayHasApp, isAdmin, saving, saveError, onBack, onTest, onSaveForSignIn }: Props) {
  const t = useTranslator(optionsStrings);
  const o = useTranslator(oauthStrings);
  const { method, oauth } = draft;
  const ownClientMissing = needsOwnClient(method, oauth.clientId, relayHasApp);
  const secretLabel =
    discovered.auth[0] === 'app_password' ? t('wizard.appPassword') : discovered.auth[0] === 'smtp_token' || discovered.auth[0] === 'api_key' ? t('wizard.token') : t('wizard.password');
  return (
    <form
      class="card stack step"
      onSubmit={(event) => {
        event.preventDefault();
        if (isDelegated(method)) {
          if (!ownClientMissing) onSaveForSignIn();
        } else onTest();
      }}
    >
      <h3 ref={headingRef} tabIndex={-1}>
        {method === 'password' ? t('wizard.password.heading') : o('wizard.step.signIn')}
      </h3>
      <SignInMethodPicker value={method} onChange={(next) => edit({ method: next })} fitting={methods.fitting} recommended={methods.recommended} idPrefix="wizard" />
      {method === 'password' && (
        <>
          <PasswordAdvice discovered={discovered} />
          <TextField
            label={secretLabel}
            type={state.showPassword ? 'text' : 'password'}
            value={draft.password}
            onInput={(password) => edit({ password })}
            hint={t('wizard.passwordHint')}
            testId="wizard-password"
            autocomplete="off"
            spellcheck={false}
            required
          />
          <CheckField label={t('wizard.showPassword')} checked={state.showPassword} onChange={(shown) => dispatch({ type: 'passwordShown', shown })} testId="wizard-show-password" />
        </>
      )}
      {method === 'microsoft_app' && (
        <>
          <AppOnlyFields value={oauth} onChange={(next) => edit({ oauth: next })} idPrefix="wizard" />
          <TextField label={o('app.mailbox')} value={draft.username} onInput={(username) => edit({ username })} hint={o('app.mailboxHint')} testId="wizard-app-mailbox" spellcheck={false} required />
        </>
      )}
      {isDelegated(method) && (
        <>
          <DelegatedClientFields provider={method} value={oauth} onChange={(next) => edit({ oauth: next })} idPrefix="wizard" relayApp={relayHasApp(method)} />
          <SaveOptions
            makeDefault={draft.isDefault}
            companyWide={draft.company}
            isAdmin={isAdmin}
            onMakeDefault={(isDefault) => edit({ isDefault })}
            onCompanyWide={(company) => edit({ company })}
          />
          <p class="muted" id="wizard-save-first">
            {o('wizard.saveFirst')}
          </p>
        </>
      )}
      <TextField
        label={t('wizard.sendTo')}
        type="email"
        value={state.sendTo}
        onInput={(sendTo) => dispatch({ type: 'sendToTyped', sendTo })}
        hint={t('wizard.sendToHint')}
        testId="wizard-send-to"
        spellcheck={false}
      />
      {saveError && isDelegated(method) && <ErrorNotice error={saveError} testId="save-error" />}
      <div class="actions">
        <button type="button" class="secondary" onClick={onBack}>
          {t('wizard.back')}
        </button>
        {isDelegated(method) ? (
          <button type="submit" data-testid="wizard-save-and-sign-in" disabled={saving || ownClientMissing} aria-describedby="wizard-save-first">
            {saving ? t('wizard.saving') : o('wizard.saveAndSignIn')}
          </button>
        ) : (
          <button type="submit" data-testid="wizard-test">
            {t('wizard.test')}
          </button>
        )}
      </div>
    </form>
  );
}
