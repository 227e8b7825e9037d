import { useId } from 'preact/hooks';
import type { SmtpSecurity } from '../../../shared/schemas';
import { optionsStrings } from '../../i18n/options-strings';
import { TextField } from '../../ui/fields';
import { useTranslator } from '../../ui/language';
import type { ServerSettings } from './diagnosis';
import { SECURITY_MODES } from './server-choices';

const USUAL_PORT: Readonly<Record<SmtpSecurity, number>> = { tls: 465, starttls: 587, none: 25 };

/**
 * Switching the security mode moves the port along when it still is the other mode's usual one: people
 * choose "TLS" and forget that it lives on 465, the most common mistake the relay's diagnosis sees.
 */
export function withSecurity(settings: ServerSettings, security: SmtpSecurity): ServerSettings {
  const usualPorts = Object.values(USUAL_PORT);
  const port = usualPorts.includes(settings.port) || !settings.port ? USUAL_PORT[security] : settings.port;
  return { ...settings, security, port };
}

interface Props {
  value: ServerSettings;
  onChange: (value: ServerSettings) => void;
  errors?: Partial<Record<'host' | 'port', string>>;
  idPrefix: string;
  disabled?: boolean;
}

/** Server, port and encryption, explained in words a bookkeeper can choose between. */
export function ServerFields({ value, onChange, errors, idPrefix, disabled }: Props) {
  const t = useTranslator(optionsStrings);
  const groupId = useId();
  return (
    <div class="stack">
      <div class="grid-server">
        <TextField
          label={t('server.host')}
          value={value.host}
          onInput={(host) => onChange({ ...value, host })}
          hint={t('server.hostHint')}
          error={errors?.host}
          testId={`${idPrefix}-host`}
          spellcheck={false}
          disabled={disabled}
          required
        />
        <TextField
          label={t('server.port')}
          type="number"
          inputMode="numeric"
          value={value.port ? String(value.port) : ''}
          onInput={(port) => onChange({ ...value, port: Number(port) || 0 })}
          error={errors?.port}
          testId={`${idPrefix}-port`}
          min={1}
          max={65535}
          disabled={disabled}
          required
        />
      </div>
      <fieldset class="choices" aria-describedby={`${groupId}-hint`} data-testid={`${idPrefix}-security`}>
        <legend>{t('server.security')}</legend>
        <span class="hint muted" id={`${groupId}-hint`}>
          {t('server.securityHint')}
        </span>
        {SECURITY_MODES.map((security) => (
          <label key={security} class={`choice ${value.security === security ? 'chosen' : ''}`}>
            <input
              type="radio"
              name={`${groupId}-security`}
              value={security}
              checked={value.security === security}
              disabled={disabled}
              data-testid={`${idPrefix}-security-${security}`}
              onChange={() => onChange(withSecurity(value, security))}
            />
            <span>
              <strong>{t(`security.${security}.short`)}</strong>
              <span class="hint">{t(`security.${security}.long`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {value.security === 'none' && (
        // The relay never sends the password in clear unless the profile says so, and only an admin may.
        <label class="check" data-testid={`${idPrefix}-plaintext-auth`}>
          <input
            type="checkbox"
            checked={value.allowPlaintextAuth === true}
            disabled={disabled}
            onChange={(event) => onChange({ ...value, allowPlaintextAuth: (event.currentTarget as HTMLInputElement).checked })}
          />
          <span>
            <strong>{t('server.plaintextAuth')}</strong>
            <span class="hint" role="note">
              {t('server.plaintextAuthWarning')}
            </span>
          </span>
        </label>
      )}
    </div>
  );
}
