/**
 * Which sender profile a send uses (issue #3, "Scopes and resolution"):
 *
 * 1. the profile the message names (the user picked it in the panel);
 * 2. else a profile mapped to the page: its `projects` list the message's `context.project`, or its `sites`
 *    match `context.pageUrl`. The most specific mapping wins (project, then URL prefix, then host, then
 *    wildcard); between equally specific ones, a personal profile wins over a company one, then the older;
 * 3. else the user's personal default;
 * 4. else the company default;
 * 5. else, when the user can use exactly one profile of a scope (personal first), that one;
 * 6. else 422 `no_sender_profile` with a hint.
 *
 * A personal setting always wins over the company's at the same step. A company mapping still wins over a
 * personal default: mapping a brand's site to the brand's mailbox is what the mapping is for, and a user
 * who wants otherwise maps the site to a personal profile.
 */
import { bestSiteScore, normaliseProjectName } from '../../shared/site-patterns';
import { ApiError } from '../http/api-error';
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

export type ResolvedBy = 'explicit' | 'project' | 'site' | 'personal_default' | 'company_default' | 'only_profile';

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

/** A project match outranks every site match (a project is narrower than the site it lives on). */
const PROJECT_SCORE = 10_000_000;

function mappingScore(data: ProfileData, context: SendContext): { score: number; by: 'project' | 'site' } | undefined {
  if (context.project) {
    const wanted = normaliseProjectName(context.project);
    if (wanted && data.projects.some((p) => normaliseProjectName(p) === wanted)) return { score: PROJECT_SCORE, by: 'project' };
  }
  if (context.pageUrl) {
    const score = bestSiteScore(data.sites, context.pageUrl);
    if (score !== undefined) return { score, by: 'site' };
  }
  return undefined;
}

/** The profile mapped to this page or project, if any (see the module comment for the order). */
export function findMappedProfile(candidates: { row: ProfileRow; data: ProfileData }[], context: SendContext): ResolvedProfile | undefined {
  let best: { candidate: { row: ProfileRow; data: ProfileData }; score: number; by: 'project' | 'site' } | undefined;
  for (const candidate of candidates) {
    const match = mappingScore(candidate.data, context);
    if (!match) continue;
    const better =
      !best ||
      match.score > best.score ||
      (match.score === best.score && candidate.row.scope === 'personal' && best.candidate.row.scope === 'company') ||
      (match.score === best.score && candidate.row.scope === best.candidate.row.scope && candidate.row.createdAt < best.candidate.row.createdAt);
    if (better) best = { candidate, ...match };
  }
  return best && { row: best.candidate.row, data: best.candidate.data, resolvedBy: best.by };
}

export async function resolveSenderProfile(store: Store, user: UserRow, context: SendContext): Promise<ResolvedProfile> {
  if (context.profileId) {
    const row = await store.getProfile(context.profileId);
    // Someone else's personal profile is "not found", not "forbidden": its existence is not ours to tell.
    if (!row || !canUseProfile(user, row)) {
      throw new ApiError('not_found', 'There is no sender profile with this id that you may use.');
    }
    return { row, data: parseProfileData(row), resolvedBy: 'explicit' };
  }
  // The store lists exactly the company profiles and the user's own (`canUseProfile`).
  const visible = (await store.listProfilesVisibleTo(user.id)).map((row) => ({ row, data: parseProfileData(row) }));
  const mapped = findMappedProfile(visible, context);
  if (mapped) return mapped;

  const personal = visible.filter((p) => p.row.scope === 'personal');
  const company = visible.filter((p) => p.row.scope === 'company');
  const personalDefault = personal.find((p) => p.data.isDefault);
  if (personalDefault) return { ...personalDefault, resolvedBy: 'personal_default' };
  const companyDefault = company.find((p) => p.data.isDefault);
  if (companyDefault) return { ...companyDefault, resolvedBy: 'company_default' };
  const only = personal.length === 1 ? personal[0] : personal.length === 0 && company.length === 1 ? company[0] : undefined;
  if (only) return { ...only, resolvedBy: 'only_profile' };

  throw new ApiError('no_sender_profile', 'No sender profile could be chosen for this message.', {
    hint:
      visible.length === 0
        ? 'Add a sender (your mailbox) in the Ownpost options page first, or ask an admin for a company sender.'
        : 'Choose a sender in the panel, mark one of your senders as the default, or map a sender to this site.',
  });
}
