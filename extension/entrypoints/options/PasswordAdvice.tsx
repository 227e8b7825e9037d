import { oauthStrings } from '../../i18n/oauth-strings';
import { optionsStrings } from '../../i18n/options-strings';
import { useTranslator } from '../../ui/language';
import type { Discovered } from './discovery';

/** What kind of secret this provider wants, in the user's language, next to the field it is typed into. */
export function PasswordAdvice({ discovered }: { discovered: Discovered }) {
  const t = useTranslator(optionsStrings);
  const o = useTranslator(oauthStrings);
  const provider = discovered.providerName ?? t('wizard.yourProvider');
  const preferred = discovered.auth[0] ?? 'password';
  return (
    <div class="stack tight">
      {preferred === 'app_password' && <p class="notice info" data-testid="wizard-auth-advice">{t('auth.appPassword', { provider })}</p>}
      {preferred === 'smtp_token' && <p class="notice info" data-testid="wizard-auth-advice">{t('auth.smtpToken', { provider })}</p>}
      {preferred === 'api_key' && <p class="notice info" data-testid="wizard-auth-advice">{t('auth.apiKey', { provider })}</p>}
      {preferred === 'oauth2' && <p class="notice warn" data-testid="wizard-auth-advice">{o('method.oauthOnly', { provider })}</p>}
    </div>
  );
}
