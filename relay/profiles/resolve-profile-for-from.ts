/**
 * Which sender profile a message submitted over SMTP uses (issue 19). An app names no profile: the
 * From address is the choice. Among the profiles the user may use that send as that address (their
 * own `fromAddress`, or one of their `allowedSenders` when they allow other senders):
 *
 * 1. personal before company (as everywhere: a personal setting wins over the company's);
 * 2. among several of one scope, the one mapped to the message's project or site, when the message
 *    carries it (`X-Ownpost-Project`, `X-Ownpost-Site`; relay/delivery/accept-submitted.ts);
 * 3. else the one whose own address it is, then the default, then the oldest.
 *
 * None: refused, naming the rule (`sender_not_allowed`), before anything is queued.
 */
import { sameAddress } from '../../shared/address';
import { matchesAnySenderPattern } from '../../shared/sender-patterns';
import { DomainError } from '../errors/domain-error';
import type { ProfileRow, Store, UserRow } from '../store/types';
import { parseProfileData, type ProfileData } from './profile-record';
import { findMappedProfile, type SendContext } from './resolve-profile';

type Candidate = { row: ProfileRow; data: ProfileData };

function sendsAs(data: ProfileData, address: string): boolean {
  return sameAddress(data.fromAddress, address) || (data.allowOtherSender && matchesAnySenderPattern(data.allowedSenders, address));
}

export async function resolveProfileForFrom(store: Store, user: UserRow, from: string, context: Pick<SendContext, 'project' | 'pageUrl'>): Promise<Candidate> {
  const visible = (await store.listProfilesVisibleTo(user.id)).map((row) => ({ row, data: parseProfileData(row) }));
  const candidates = visible.filter((c) => sendsAs(c.data, from));
  for (const scope of ['personal', 'company'] as const) {
    const tier = candidates.filter((c) => c.row.scope === scope);
    if (tier.length === 0) continue;
    if (tier.length === 1) return tier[0]!;
    const mapped = findMappedProfile(tier, context);
    if (mapped) return mapped;
    const own = tier.filter((c) => sameAddress(c.data.fromAddress, from));
    const pool = own.length ? own : tier;
    return pool.find((c) => c.data.isDefault) ?? [...pool].sort((a, b) => a.row.createdAt - b.row.createdAt)[0]!;
  }
  const addresses = [...new Set(visible.map((c) => c.data.fromAddress))];
  throw new DomainError('sender_not_allowed', `None of your sender profiles sends as ${from}.`, {
    hint: addresses.length
      ? `Your senders send as: ${addresses.join(', ')}. Use one of them as the app's sender address, or add a sender profile for ${from}.`
      : 'Add a sender (your mailbox) in the Ownpost options page first, or ask an admin for a company sender.',
    details: { field: 'from', rule: 'no_profile_for_from' },
  });
}
