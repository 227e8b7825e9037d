/**
 * Which sender profile a send uses (issue #3, "Scopes and resolution"): the profile the message names
 * (the user picked it in the panel), else the one the shared rule chooses among those the user may use
 * (shared/sender-choice.ts, which the extension preselects with too), else 422 `no_sender_profile`.
 */
import { chooseSender, type ChosenBy, type SenderFacts } from '../../shared/sender-choice';
import { DomainError } from '../errors/domain-error';
import type { ProfileRow, Store, UserRow } from '../store/types';
import { parseProfileData, type ProfileData } from './profile-record';

/** May this user send with this profile? Company profiles: every member; personal: the owner only. */
export function canUseProfile(user: UserRow, row: ProfileRow): boolean {
  return row.scope === 'company' || row.ownerId === user.id;
}

/** May this user change or delete it? Company profiles: admins; personal: the owner. */
export function canManageProfile(user: UserRow, row: ProfileRow): boolean {
  return row.scope === 'company' ? user.role === 'admin' : row.ownerId === user.id;
}

export type ResolvedBy = 'explicit' | ChosenBy;

export interface ResolvedProfile {
  row: ProfileRow;
  data: ProfileData;
  resolvedBy: ResolvedBy;
}

export interface SendContext {
  profileId?: string;
  pageUrl?: string;
  project?: string;
}

/** What the shared rule looks at in a stored profile. */
export function senderFacts({ row, data }: { row: ProfileRow; data: ProfileData }): SenderFacts {
  return { ...data, scope: row.scope, createdAt: row.createdAt };
}

export async function resolveSenderProfile(store: Store, user: UserRow, context: SendContext): Promise<ResolvedProfile> {
  if (context.profileId) {
    const row = await store.getProfile(context.profileId);
    // Someone else's personal profile is "not found", not "forbidden": its existence is not ours to tell.
    if (!row || !canUseProfile(user, row)) {
      throw new DomainError('not_found', 'There is no sender profile with this id that you may use.');
    }
    return { row, data: parseProfileData(row), resolvedBy: 'explicit' };
  }
  // The store lists exactly the company profiles and the user's own (`canUseProfile`).
  const visible = (await store.listProfilesVisibleTo(user.id)).map((row) => ({ row, data: parseProfileData(row) }));
  const chosen = chooseSender(visible, context, senderFacts);
  if (chosen) return { ...chosen.sender, resolvedBy: chosen.by };

  throw new DomainError('no_sender_profile', 'No sender profile could be chosen for this message.', {
    hint:
      visible.length === 0
        ? 'Add a sender (your mailbox) in the Ownpost options page first, or ask an admin for a company sender.'
        : 'Choose a sender in the panel, mark one of your senders as the default, or map a sender to this site.',
  });
}
