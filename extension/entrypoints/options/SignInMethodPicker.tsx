import { useId, useState } from 'preact/hooks';
import { oauthStrings } from '../../i18n/oauth-strings';
import { useTranslator } from '../../ui/language';
import { SIGN_IN_METHODS, type SignInMethod } from './sign-in-methods';

interface Props {
  value: SignInMethod;
  onChange: (method: SignInMethod) => void;
  /** The methods that fit this mailbox, best first; the others wait behind "Show other ways". */
  fitting?: readonly SignInMethod[];
  recommended?: SignInMethod;
  idPrefix: string;
  disabled?: boolean;
}

/** Password or one of the OAuth2 sign-ins, as radio choices explained in plain words. */
export function SignInMethodPicker({ value, onChange, fitting = SIGN_IN_METHODS, recommended, idPrefix, disabled }: Props) {
  const t = useTranslator(oauthStrings);
  const groupId = useId();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll || !fitting.includes(value) ? [...fitting, ...SIGN_IN_METHODS.filter((m) => !fitting.includes(m))] : fitting;
  const hidden = SIGN_IN_METHODS.length - shown.length;
  const label = (method: SignInMethod) => ({ password: t('method.password'), microsoft: t('method.microsoft'), google: t('method.google'), microsoft_app: t('method.microsoftApp') })[method];
  const hint = (method: SignInMethod) =>
    ({ password: t('method.passwordHint'), microsoft: t('method.microsoftHint'), google: t('method.googleHint'), microsoft_app: t('method.microsoftAppHint') })[method];
  return (
    <fieldset class="choices" data-testid={`${idPrefix}-method`}>
      <legend>{t('method.legend')}</legend>
      {shown.map((method) => (
        <label key={method} class={`choice ${value === method ? 'chosen' : ''}`}>
          <input type="radio" name={`${groupId}-method`} value={method} checked={value === method} disabled={disabled} data-testid={`${idPrefix}-method-${method}`} onChange={() => onChange(method)} />
          <span>
            <strong>{label(method)}</strong>
            {method === recommended && <span class="badge default method-recommended">{t('method.recommended')}</span>}
            <span class="hint">{hint(method)}</span>
          </span>
        </label>
      ))}
      {hidden > 0 && (
        <div>
          <button type="button" class="quiet" data-testid={`${idPrefix}-method-all`} onClick={() => setShowAll(true)}>
            {t('method.showAll')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
