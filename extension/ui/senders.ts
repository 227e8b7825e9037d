import { asFacts, chooseSender } from '../../shared/sender-choice';
import type { ProfileView } from '../../shared/schemas';

/**
 * The sender to show as the one a send uses when the user picks none and the page maps none: the
 * relay's choice (shared/sender-choice.ts), else, where the relay would ask the user, their first own
 * sender or the first at all.
 */
export function pickDefaultSender(profiles: readonly ProfileView[]): ProfileView | undefined {
  return chooseSender(profiles, {}, asFacts)?.sender ?? profiles.find((p) => p.scope === 'personal') ?? profiles[0];
}

/** `Anna Berg <anna@firma.se>`, or the bare address. */
export function senderLine(profile: Pick<ProfileView, 'fromName' | 'fromAddress'>): string {
  return profile.fromName ? `${profile.fromName} <${profile.fromAddress}>` : profile.fromAddress;
}
