import type { ClientSecretReminder } from '../../shared/api-schemas';
import { commonStrings } from '../i18n/common-strings';
import { formatDate } from './format';
import { useTranslator } from './language';

/**
 * The relay's reminders for admins (`GET /v1/me`): Microsoft 365 app-only senders whose client secret
 * expires within 30 or 7 days, or has expired. Shown in the popup and on the options page alike.
 */
export function SecretReminders({ reminders, onOpen }: { reminders: readonly ClientSecretReminder[] | undefined; onOpen: (profileId: string) => void }) {
  const t = useTranslator(commonStrings);
  if (!reminders?.length) return null;
  return (
    <ul class="reminders stack tight" data-testid="secret-reminders" aria-label={t('reminder.heading')}>
      {reminders.map((reminder) => (
        <li key={reminder.profileId} class={`notice ${reminder.stage === 'days_30' ? 'warn' : 'error'}`} data-testid="secret-reminder" data-stage={reminder.stage}>
          <span>
            {t(`reminder.secret.${reminder.stage}`, {
              name: reminder.profileName,
              // Noon UTC: the date stays the same day in every time zone.
              date: formatDate(`${reminder.expiresAt}T12:00:00Z`, t.locale),
              days: Math.max(reminder.daysLeft, 0),
            })}
          </span>
          <button type="button" class="quiet" data-testid="secret-reminder-open" onClick={() => onOpen(reminder.profileId)}>
            {t('reminder.open')}
          </button>
        </li>
      ))}
    </ul>
  );
}
