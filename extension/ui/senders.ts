import type { ProfileView } from '../../shared/schemas';

/**
 * The sender a send uses when the user picks none: the personal default wins over the company's,
 * as the relay resolves it (issue 3: "a personal setting always wins over the company's").
 */
export function pickDefaultSender(profiles: readonly ProfileView[]): ProfileView | undefined {
  return profiles.find((p) => p.isDefault && p.scope === 'personal') ?? profiles.find((p) => p.isDefault) ?? profiles.find((p) => p.scope === 'personal') ?? profiles[0];
}

/** `Anna Berg <anna@firma.se>`, or the bare address. */
export function senderLine(profile: Pick<ProfileView, 'fromName' | 'fromAddress'>): string {
  return profile.fromName ? `${profile.fromName} <${profile.fromAddress}>` : profile.fromAddress;
}
