/**
 * The sender profiles of claimed messages, as the worker reads them: once per claimed batch (a burst
 * of invoices mostly shares one sender), and not at all when the claim reported the version the
 * worker read last (ClaimedMessage.profileVersion, PostgreSQL): there each read is a round trip, and
 * a claim of a few messages read their profile every time (issue 18).
 */
import type { ClaimedMessage, DeliverySettingsRow, ProfileRow, Store } from '../store/types';

/** A message's sender profile and its delivery settings, as stored when its batch was claimed. */
export interface ProfileLookup {
  profileRow: ProfileRow | undefined;
  settingsRow: DeliverySettingsRow | undefined;
}

/** Beyond this many profiles the versions kept start over: a deleted profile's entry goes with it. */
const MAX_PROFILES = 1000;

export class ClaimedProfiles {
  /** By profile id: the last read, with the version the claim that caused it reported. */
  private readonly lastReads = new Map<string, { version: string; read: Promise<ProfileLookup> }>();

  constructor(private readonly store: Pick<Store, 'getProfileForSend'>) {}

  /** The lookup for one claimed batch: each profile read at most once, and not when its version is the one read last. */
  forBatch(): (message: Pick<ClaimedMessage, 'profileId' | 'profileVersion'>) => Promise<ProfileLookup> {
    const batch = new Map<string, Promise<ProfileLookup>>();
    return ({ profileId, profileVersion }) => {
      let found = batch.get(profileId);
      if (!found) batch.set(profileId, (found = this.lookup(profileId, profileVersion)));
      return found;
    };
  }

  private lookup(profileId: string, version: string | undefined): Promise<ProfileLookup> {
    const last = this.lastReads.get(profileId);
    if (version !== undefined && last?.version === version) return last.read;
    const read = this.read(profileId);
    if (version === undefined) {
      this.lastReads.delete(profileId);
      return read;
    }
    if (this.lastReads.size >= MAX_PROFILES) this.lastReads.clear();
    const entry = { version, read };
    this.lastReads.set(profileId, entry);
    // A read that failed is not kept: the next claim reads again.
    read.catch(() => {
      if (this.lastReads.get(profileId) === entry) this.lastReads.delete(profileId);
    });
    return read;
  }

  private async read(profileId: string): Promise<ProfileLookup> {
    const found = await this.store.getProfileForSend(profileId);
    return { profileRow: found?.profile, settingsRow: found?.settings };
  }
}
