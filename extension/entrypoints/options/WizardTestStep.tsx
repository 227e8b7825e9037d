/**
 * The wizard's last step, in its two forms: test, then save (a password or an app registration); or,
 * for a Microsoft or Google sign-in, the sender already saved: sign in, then its first test.
 */
import type { RefObject } from 'preact';
import type { OAuthProvider } from '../../../shared/schemas';
import { oauthStrings } from '../../i18n/oauth-strings';
import { optionsStrings } from '../../i18n/options-strings';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslator } from '../../ui/language';
import type { SuggestedFix } from './diagnosis';
import { DiagnosisReport } from './DiagnosisReport';
import { OAuthSignIn } from './OAuthSignIn';
import { SaveOptions } from './SaveOptions';
import { credentialsRefused, failedAtSignIn, testPassed, type SavedForSignIn, type TestStep } from './wizard-test-step';

interface TestThenSaveProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  state: TestStep;
  /** What would be saved now: the test must have passed for exactly this. */
  fingerprint: string;
  host: string;
  isAdmin: boolean;
  saveOptions: Omit<Parameters<typeof SaveOptions>[0], 'isAdmin'>;
  onApplySuggestion(fix: SuggestedFix): void;
  onChangeSettings(): void;
  onChangePassword(): void;
  onTestAgain(): void;
  onSave(force: boolean): void;
}

/** The test, which must pass before Save; an admin may save anyway, unless the password was refused. */
export function TestThenSave(props: TestThenSaveProps) {
  const t = useTranslator(optionsStrings);
  const { state, isAdmin } = props;
  const { test, saving, saveError } = state;
  const passed = testPassed(state, props.fingerprint);
  const stoppedAtSignIn = failedAtSignIn(state);
  return (
    <div class="card stack step" aria-busy={test.running}>
      <h3 ref={props.headingRef} tabIndex={-1}>
        {t('wizard.test.heading')}
      </h3>
      <div class="live" aria-live="polite">
        {test.running && (
          <p class="testing" data-testid="test-running">
            <span class="spinner" aria-hidden="true" /> {t('wizard.testing', { host: props.host })}
          </p>
        )}
      </div>
      {test.error && <ErrorNotice error={test.error} />}
      {!test.running && test.result && <DiagnosisReport result={test.result} onApplySuggestion={props.onApplySuggestion} />}
      {!test.running && (
        <>
          {passed ? (
            <SaveOptions {...props.saveOptions} isAdmin={isAdmin} />
          ) : (
            <p class="muted" id="save-needs-test">
              {t('wizard.saveNeedsTest')}
            </p>
          )}
          {saveError && <ErrorNotice error={saveError} testId="save-error" />}
          <div class="actions">
            <button type="button" class="secondary" data-testid="wizard-edit-settings" onClick={props.onChangeSettings}>
              {t('wizard.changeSettings')}
            </button>
            {!passed && stoppedAtSignIn && (
              <button type="button" class="secondary" data-testid="wizard-retest" onClick={props.onChangePassword}>
                {t('wizard.tryAgain')}
              </button>
            )}
            {!passed && !stoppedAtSignIn && test.result && (
              <button type="button" class="secondary" data-testid="wizard-test-again" onClick={props.onTestAgain}>
                {t('wizard.testAgain')}
              </button>
            )}
            <button type="button" data-testid="wizard-save" disabled={!passed || saving} aria-describedby={passed ? undefined : 'save-needs-test'} onClick={() => props.onSave(false)}>
              {saving ? t('wizard.saving') : t('wizard.save')}
            </button>
          </div>
          {!passed && isAdmin && test.result && !credentialsRefused(test.result) && (
            <div class="force notice warn">
              <strong>{t('wizard.forceTitle')}</strong>
              <p>{t('wizard.forceHint')}</p>
              <div class="actions">
                <button type="button" class="danger" data-testid="wizard-force-save" disabled={saving} onClick={() => props.onSave(true)}>
                  {t('wizard.forceSave')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}

interface SignInThenTestProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  saved: SavedForSignIn;
  state: TestStep;
  provider: OAuthProvider;
  /** The mailbox to sign in as. */
  account: string;
  onSignedIn(): void;
  onDone(): void;
}

/** A delegated sender, saved: its sign-in right here, then its first test with the real token. */
export function SignInThenTest({ headingRef, saved, state, provider, account, onSignedIn, onDone }: SignInThenTestProps) {
  const o = useTranslator(oauthStrings);
  const { test } = state;
  return (
    <div class="card stack step" data-testid="wizard-sign-in" aria-busy={test.running}>
      <h3 ref={headingRef} tabIndex={-1}>
        {o('wizard.signInHeading', { address: saved.profile.fromAddress })}
      </h3>
      <OAuthSignIn profileId={saved.profile.id} provider={provider} account={account} autoStart onSignedIn={onSignedIn} />
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
        <button type="button" data-testid="wizard-done" disabled={test.running} onClick={onDone}>
          {o('wizard.done')}
        </button>
      </div>
    </div>
  );
}
