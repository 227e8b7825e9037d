import type { Store, UserRow } from '../store/types';
import type { ProfileRow } from '../store/types';
import { ApiError } from '../http/api-error';
import { parseProfileData } from './profile-record';

/** May this user send with this profile? Company profiles: every member; personal: the owner only. */
export function canUseProfile(user: UserRow, row: ProfileRow): boolean {
  return row.scope === 'company' || row.ownerId === user.id;
}

/** May this user change or delete it? Company profiles: admins; personal: the owner. */
export function canManageProfile(user: UserRow, row: ProfileRow): boolean {
  return row.scope === 'company' ? user.role === 'admin' : row.ownerId === user.id;
}

/**
 * The profile a send uses: the one named, else the user's personal default, else the company
 * default, else the only one the user can use. A personal setting always wins over the company's.
 */
export async function resolveSenderProfile(store: Store, user: UserRow, profileId: string | undefined): Promise<ProfileRow> {
  if (profileId) {
    const row = await store.getProfile(profileId);
    if (!row || !canUseProfile(user, row)) {
      throw new ApiError('not_found', 'There is no sender profile with this id that you may use.');
    }
    return row;
  }
  const visible = await store.listProfilesVisibleTo(user.id);
  const personal = visible.filter((p) => p.scope === 'personal');
  const company = visible.filter((p) => p.scope === 'company');
  const chosen =
    personal.find((p) => parseProfileData(p).isDefault) ??
    company.find((p) => parseProfileData(p).isDefault) ??
    (personal.length === 1 ? personal[0] : undefined) ??
    (personal.length === 0 && company.length === 1 ? company[0] : undefined);
  if (!chosen) {
    throw new ApiError('no_sender_profile', 'No sender profile could be chosen for this message.', {
      hint:
        visible.length === 0
          ? 'Add a sender (your mailbox) in the Ownpost options page first.'
          : 'Choose a sender in the panel, or mark one of your senders as the default.',
    });
  }
  return chosen;
}
