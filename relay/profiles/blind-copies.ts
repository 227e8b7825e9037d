/**
 * The blind copies a sender profile adds to every message (issue 21 item 5), besides the ones the message
 * asks for itself: "send me a copy" (`bccSelf`) and the profile's archive mailbox. Envelope only: composing
 * puts them into RCPT TO and no header names them.
 */
import { sameAddress, type Mailbox } from '../../shared/address';
import type { ProfileRow, UserRow } from '../store/types';
import type { ProfileData } from './profile-record';

/**
 * "Me" is the person who sends. On a personal sender that is its From (the person's own mailbox); on a
 * company sender it is the person's own address, not the shared mailbox, which would otherwise collect a
 * copy of everyone's mail and none would reach the person who asked for it.
 */
function selfCopyAddress(user: Pick<UserRow, 'email'> | undefined, scope: ProfileRow['scope'] | undefined, from: Mailbox): string {
  return scope === 'company' && user ? user.email : from.address;
}

export function profileBlindCopies(args: {
  user?: Pick<UserRow, 'email'>;
  scope?: ProfileRow['scope'];
  profile: Pick<ProfileData, 'bccSelf' | 'archiveAddress'>;
  from: Mailbox;
  /** To and Cc: someone who already gets the message gets no blind copy of it. */
  recipients: readonly Mailbox[];
}): string[] {
  const { profile, recipients } = args;
  const wanted = [
    ...(profile.bccSelf ? [selfCopyAddress(args.user, args.scope, args.from)] : []),
    ...(profile.archiveAddress ? [profile.archiveAddress] : []),
  ];
  const copies: string[] = [];
  for (const address of wanted) {
    if (recipients.some((r) => sameAddress(r.address, address)) || copies.some((c) => sameAddress(c, address))) continue;
    copies.push(address);
  }
  return copies;
}
