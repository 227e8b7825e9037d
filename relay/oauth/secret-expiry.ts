/**
 * Reminders before a Microsoft 365 app-only client secret expires (issue 21 item 8). Entra ID issues
 * secrets for at most two years and sends no warning the relay could see; once the secret expires every
 * message of that sender fails. Admins are reminded 30 and 7 days before, the way ERP systems that send
 * through an app registration (Monitor G5) do, and keep being reminded once it has expired.
 */
import type { ClientSecretReminder } from '../../shared/api-schemas';
import { parseProfileData, storedSecretExpiry } from '../profiles/profile-record';
import type { ProfileRow } from '../store/types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The reminder stages, widest first: a reminder starts this many days before the secret expires. */
export const SECRET_REMINDER_DAYS = [30, 7] as const;

/**
 * Whole days from today (UTC) to the expiry date: 0 on the day itself, negative afterwards. A secret's
 * date is taken as the day it stops working, so "0" already needs the new one in place.
 */
export function daysUntil(expiresAt: string, now: number): number {
  const today = Math.floor(now / DAY_MS);
  return Math.floor(Date.parse(`${expiresAt}T00:00:00Z`) / DAY_MS) - today;
}

/** Which reminder is due for a secret, if any. */
export function reminderStage(daysLeft: number): ClientSecretReminder['stage'] | undefined {
  if (daysLeft <= 0) return 'expired';
  if (daysLeft <= SECRET_REMINDER_DAYS[1]) return 'days_7';
  if (daysLeft <= SECRET_REMINDER_DAYS[0]) return 'days_30';
  return undefined;
}

/** The app-only senders whose client secret expires within 30 days (or has expired), soonest first. */
export function clientSecretReminders(rows: readonly ProfileRow[], now: number): ClientSecretReminder[] {
  const reminders: ClientSecretReminder[] = [];
  for (const row of rows) {
    const data = parseProfileData(row);
    const expiresAt = storedSecretExpiry(data.auth);
    if (!expiresAt) continue;
    const daysLeft = daysUntil(expiresAt, now);
    const stage = reminderStage(daysLeft);
    if (stage) reminders.push({ kind: 'client_secret_expiry', profileId: row.id, profileName: data.name, expiresAt, daysLeft, stage });
  }
  return reminders.sort((a, b) => a.daysLeft - b.daysLeft);
}
