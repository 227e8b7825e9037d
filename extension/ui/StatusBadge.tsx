import type { MessageStatus } from '../../shared/schemas';
import { commonStrings } from '../i18n/common-strings';
import { useTranslator } from './language';

/** A message's delivery status as a pill: the word, with a colour that only repeats it. */
export function StatusBadge({ status }: { status: MessageStatus }) {
  const t = useTranslator(commonStrings);
  return (
    <span class={`status ${status}`} data-testid="message-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
