/**
 * Which sender profile a message submitted over SMTP uses (issue 19). An app names no profile: the
 * From address is the choice, by the shared rule (shared/sender-choice.ts `chooseSenderForFrom`), with
 * the message's project or site when it carries them (`X-Ownpost-Project`, `X-Ownpost-Site`;
 * relay/delivery/accept-submitted.ts).
 *
 * None: refused, naming the rule (`sender_not_allowed`), before anything is queued.
 */
import { chooseSenderForFrom } from '../../shared/sender-choice';
import { DomainError } from '../errors/domain-error';
import type { ProfileRow, Store, UserRow } from '../store/types';
import { parseProfileData, type ProfileData } from './profile-record';
import { senderFacts, type SendContext } from './resolve-profile';

type Candidate = { row: ProfileRow; data: ProfileData };

export async function resolveProfileForFrom(store: Store, user: UserRow, from: string, context: Pick<SendContext, 'project' | 'pageUrl'>): Promise<Candidate> {
  const visible = (await store.listProfilesVisibleTo(user.id)).map((row) => ({ row, data: parseProfileData(row) }));
  const chosen = chooseSenderForFrom(visible, from, context, senderFacts);
  if (chosen) return chosen;
  const addresses = [...new Set(visible.map((c) => c.data.fromAddress))];
  throw new DomainError('sender_not_allowed', `None of your sender profiles sends as ${from}.`, {
    hint: addresses.length
      ? `Your senders send as: ${addresses.join(', ')}. Use one of them as the app's sender address, or add a sender profile for ${from}.`
      : 'Add a sender (your mailbox) in the Ownpost options page first, or ask an admin for a company sender.',
    details: { field: 'from', rule: 'no_profile_for_from' },
  });
}
