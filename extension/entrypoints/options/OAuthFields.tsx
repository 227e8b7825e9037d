import { useState } from 'preact/hooks';
import { oauthStrings } from '../../i18n/oauth-strings';
import { CheckField, TextField } from '../../ui/fields';
import { useTranslator } from '../../ui/language';
import { PROVIDER_NAMES, type OAuthDraft } from './sign-in-methods';

interface Props {
  value: OAuthDraft;
  onChange: (value: OAuthDraft) => void;
  idPrefix: string;
  /** A client secret is saved: an empty field keeps it. */
  hasSavedSecret?: boolean;
  errors?: Partial<Record<'tenantId' | 'clientId' | 'clientSecret' | 'clientSecretExpiresAt', string>>;
}

/**
 * Microsoft 365 app-only (client credentials): the app registration's tenant, client ID and secret.
 * Typed only here, on the extension's own page (issue 6: secrets never go into a web page's DOM).
 */
export function AppOnlyFields({ value, onChange, idPrefix, hasSavedSecret, errors }: Props) {
  const t = useTranslator(oauthStrings);
  const [showSecret, setShowSecret] = useState(false);
  return (
    <div class="stack">
      <div class="grid-2">
        <TextField label={t('app.tenant')} value={value.tenantId} onInput={(tenantId) => onChange({ ...value, tenantId })} hint={t('app.tenantHint')} error={errors?.tenantId} testId={`${idPrefix}-tenant`} spellcheck={false} required />
        <TextField label={t('app.clientId')} value={value.clientId} onInput={(clientId) => onChange({ ...value, clientId })} error={errors?.clientId} testId={`${idPrefix}-client-id`} spellcheck={false} required />
      </div>
      <TextField
        label={t('app.clientSecret')}
        type={showSecret ? 'text' : 'password'}
        value={value.clientSecret}
        onInput={(clientSecret) => onChange({ ...value, clientSecret })}
        hint={hasSavedSecret ? `${t('app.clientSecretKeep')} ${t('app.clientSecretHint')}` : t('app.clientSecretHint')}
        error={errors?.clientSecret}
        testId={`${idPrefix}-client-secret`}
        autocomplete="off"
        spellcheck={false}
        required={!hasSavedSecret}
      />
      <CheckField label={t('app.showSecret')} checked={showSecret} onChange={setShowSecret} testId={`${idPrefix}-show-secret`} />
      <TextField
        label={t('app.clientSecretExpires')}
        type="date"
        value={value.clientSecretExpiresAt}
        onInput={(clientSecretExpiresAt) => onChange({ ...value, clientSecretExpiresAt })}
        hint={t('app.clientSecretExpiresHint')}
        error={errors?.clientSecretExpiresAt}
        testId={`${idPrefix}-client-secret-expires`}
      />
    </div>
  );
}

/**
 * Delegated sign-in with the organisation's own app registration instead of the relay's: optional,
 * folded away, since most people use the relay's.
 */
export function DelegatedClientFields({ provider, value, onChange, idPrefix, hasSavedSecret, relayApp = true }: Props & { provider: 'microsoft' | 'google'; relayApp?: boolean }) {
  const t = useTranslator(oauthStrings);
  return (
    <details class="advanced" data-testid={`${idPrefix}-own-app`} open={!relayApp || Boolean(value.clientId || value.tenantId) || undefined}>
      <summary>{t('delegated.advanced')}</summary>
      {relayApp ? (
        <p class="hint muted">{t('delegated.advancedHint')}</p>
      ) : (
        <p class="notice warn" data-testid={`${idPrefix}-no-relay-app`}>
          {t('delegated.relayHasNoApp', { provider: PROVIDER_NAMES[provider] })}
        </p>
      )}
      {provider === 'microsoft' ? (
        <div class="grid-2">
          <TextField label={t('delegated.tenant')} value={value.tenantId} onInput={(tenantId) => onChange({ ...value, tenantId })} hint={t('delegated.tenantHint')} placeholder="common" testId={`${idPrefix}-tenant`} spellcheck={false} />
          <TextField label={t('delegated.clientId')} value={value.clientId} onInput={(clientId) => onChange({ ...value, clientId })} testId={`${idPrefix}-client-id`} spellcheck={false} />
        </div>
      ) : (
        <div class="grid-2">
          <TextField label={t('delegated.googleClientId')} value={value.clientId} onInput={(clientId) => onChange({ ...value, clientId })} testId={`${idPrefix}-client-id`} spellcheck={false} />
          <TextField
            label={t('delegated.googleClientSecret')}
            type="password"
            value={value.clientSecret}
            onInput={(clientSecret) => onChange({ ...value, clientSecret })}
            hint={hasSavedSecret ? t('app.clientSecretKeep') : undefined}
            testId={`${idPrefix}-client-secret`}
            autocomplete="off"
          />
        </div>
      )}
    </details>
  );
}
