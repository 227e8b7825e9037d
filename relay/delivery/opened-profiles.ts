/**
 * Sender profiles with their secrets opened and their delivery limits, reused while the stored rows
 * stay the same: a burst of invoices through one mailbox would otherwise decrypt its password once
 * per message.
 */
import { openProfileSecrets, type OpenedProfile } from '../profiles/profile-record';
import type { SecretCipher } from '../secrets/cipher';
import type { DeliverySettingsRow, ProfileRow } from '../store/types';
import { effectiveDeliveryLimits, type EffectiveDeliveryLimits } from './delivery-settings';

/** Beyond this many profiles the cache starts over: a deleted profile's entry goes with it. */
const MAX_PROFILES = 1000;

interface OpenedEntry {
  version: string;
  rows: [ProfileRow, DeliverySettingsRow | undefined];
  profile: OpenedProfile;
  limits: EffectiveDeliveryLimits;
}

export class OpenedProfiles {
  /** By profile id, with the version of the stored rows they were opened from. */
  private readonly entries = new Map<string, OpenedEntry>();

  constructor(private readonly cipher: SecretCipher) {}

  open(profileRow: ProfileRow, settingsRow: DeliverySettingsRow | undefined): { profile: OpenedProfile; limits: EffectiveDeliveryLimits } {
    const cached = this.entries.get(profileRow.id);
    // The same rows as last time (messages of one claimed batch share them): nothing to compare.
    if (cached && cached.rows[0] === profileRow && cached.rows[1] === settingsRow) return cached;
    const version = [profileRow.updatedAt, profileRow.data, profileRow.secrets, settingsRow?.updatedAt, settingsRow?.data, settingsRow?.serverMaxBytes].join('\0');
    if (cached && cached.version === version) {
      cached.rows = [profileRow, settingsRow];
      return cached;
    }
    const profile = openProfileSecrets(profileRow, this.cipher);
    const opened: OpenedEntry = { version, rows: [profileRow, settingsRow], profile, limits: effectiveDeliveryLimits(profile.data, settingsRow) };
    // Only the latest version of each profile is kept.
    if (this.entries.size > MAX_PROFILES) this.entries.clear();
    this.entries.set(profileRow.id, opened);
    return opened;
  }
}
