import type { ExtensionError } from '../../shared/extension-messages';
import { commonStrings } from '../i18n/common-strings';
import { useTranslator } from './language';

/** Errors the extension explains in the user's language; the relay's other errors carry their own words. */
const EXPLAINED_HERE = ['relay_unreachable', 'not_connected', 'pairing_code_invalid', 'unauthorized', 'rate_limited'] as const;
type ExplainedCode = (typeof EXPLAINED_HERE)[number];

function isExplainedHere(code: string): code is ExplainedCode {
  return (EXPLAINED_HERE as readonly string[]).includes(code);
}

export type DisplayableError = ExtensionError | { code: string; message: string; hint?: string };

/** An error as a notice: what happened, in bold, and what to do about it below. Announced to screen readers. */
export function ErrorNotice({ error, testId = 'error' }: { error: DisplayableError; testId?: string }) {
  const t = useTranslator(commonStrings);
  const [message, hint] = isExplainedHere(error.code) ? [t(`error.${error.code}`), t(`error.${error.code}.hint`)] : [error.message || t('error.generic'), error.hint];
  return (
    <div class="notice error" role="alert" data-testid={testId} data-code={error.code}>
      <strong>{message}</strong>
      {hint && <p>{hint}</p>}
    </div>
  );
}
