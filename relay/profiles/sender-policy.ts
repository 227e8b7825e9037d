/**
 * The sender rules (issue #3, "From rules"). Every decision about From, Sender, Reply-To and the blind
 * copy is made here, on already-parsed addresses, before anything is queued; a send that breaks a rule
 * is refused with 403 and a specific code, and nothing is composed or stored.
 *
 * - From is the profile's `fromAddress`, unless the profile `allowOtherSender`s; then only an address or
 *   `@domain` in its `allowedSenders` (`sender_not_allowed`).
 * - A member's personal profile sends only from the member's own address, unless an admin allowed more
 *   (`member_sender_not_allowed`). Admins' personal profiles and company profiles (set up by admins) are
 *   bound by their own `allowedSenders` only.
 * - The envelope sender (MAIL FROM) is always the profile's mailbox. When From differs, the message says so:
 *   a `Sender:` header naming the mailbox, or nothing when the mailbox sends "as" the other address
 *   (`senderStyle: send_as`), as the profile is configured.
 * - Reply-To: the profile's default; a per-message Reply-To only to the user's own address, the profile's
 *   addresses, its allowed senders, or the addresses an admin allowed the user (`reply_to_not_allowed`).
 *   A page that slips a fraudster's address into the panel cannot redirect the customer's answers.
 * - Blind copies (relay/profiles/blind-copies.ts): `bccSelf` to the person who sends, and the profile's
 *   archive address, in the envelope only.
 */
import { sameAddress, type Mailbox } from '../../shared/address';
import { matchesAnySenderPattern, parseSenderPattern, senderPatternWithin, type SenderPattern } from '../../shared/sender-patterns';
import { sendsAs } from '../../shared/sender-choice';
import { DomainError } from '../errors/domain-error';
import type { ProfileRow, UserRow } from '../store/types';
import { profileBlindCopies } from './blind-copies';
import type { ProfileData } from './profile-record';

/** What the message will say about who sends it; the only input composeMessage takes for these headers. */
export interface SenderDecision {
  /** The authenticated mailbox: MAIL FROM, and the `Sender:` when From differs. */
  mailbox: string;
  from: Mailbox;
  /** Present only when From is not the mailbox and the profile uses a Sender header. */
  sender?: Mailbox;
  replyTo?: Mailbox;
  /** The profile's blind copies (bccSelf, archive): envelope recipients that no header names. */
  bcc: string[];
}

/**
 * A profile together with the sender policy's decision for one send: what the accept path composes
 * with (relay/delivery/compose-message.ts). Without `decision` only the profile's own From, Reply-To
 * and blind copy are used, never the message's `from` or `replyTo`: those are valid only once the
 * policy has checked them.
 */
export type ProfileForSend = ProfileData & { decision?: SenderDecision };

export interface SenderRequest {
  from?: Mailbox;
  replyTo?: string;
  to: Mailbox[];
  cc: Mailbox[];
}

/** Whether the member rules apply: a personal profile of a user who is not an admin. */
export function memberRulesApply(user: UserRow, scope: ProfileRow['scope']): boolean {
  return scope === 'personal' && user.role !== 'admin';
}

/** The addresses a member may send from on their own profiles: their own, plus what an admin allowed. */
export function memberSenderPatterns(user: UserRow, allowances: readonly string[]): string[] {
  return [user.email, ...allowances];
}

function describeAllowed(patterns: readonly string[]): string {
  return patterns.length ? patterns.join(', ') : 'none';
}

/**
 * Save-time check of a member's personal profile: its From, Reply-To and allowed senders must stay within
 * what the member may use, so the mistake shows when the profile is saved, not at the first send.
 */
export function assertMemberProfileWithinAllowance(
  user: UserRow,
  allowances: readonly string[],
  data: Pick<ProfileData, 'fromAddress' | 'replyTo' | 'allowedSenders'>,
  scope: ProfileRow['scope'],
): void {
  if (!memberRulesApply(user, scope)) return;
  const allowed = memberSenderPatterns(user, allowances);
  const allowedParsed = allowed.map(parseSenderPattern).flatMap((p) => (p.ok ? [p.value] : []));
  const hint = `You may send from: ${describeAllowed(allowed)}. An admin can allow you more addresses (PATCH /v1/users/:id {"allowedSenders": [...]}).`;
  if (!matchesAnySenderPattern(allowed, data.fromAddress)) {
    throw new DomainError('member_sender_not_allowed', `Your personal sender may not send from ${data.fromAddress}.`, {
      hint,
      details: { field: 'fromAddress', allowed },
    });
  }
  if (data.replyTo && !matchesAnySenderPattern(allowed, data.replyTo)) {
    throw new DomainError('reply_to_not_allowed', `Your personal sender may not ask for replies to ${data.replyTo}.`, {
      hint,
      details: { field: 'replyTo', allowed },
    });
  }
  for (const text of data.allowedSenders) {
    const parsed = parseSenderPattern(text);
    const inner: SenderPattern | undefined = parsed.ok ? parsed.value : undefined;
    if (!inner || !senderPatternWithin(inner, allowedParsed)) {
      throw new DomainError('member_sender_not_allowed', `Your personal sender may not allow sending as ${text}.`, {
        hint,
        details: { field: 'allowedSenders', allowed },
      });
    }
  }
}

/**
 * Decides From, Sender, Reply-To and the blind copy for one send, or throws 403 with a specific code.
 *
 * @param fallbackReplyTo when the company fallback sends instead of a failing profile: the failing
 *   profile's Reply-To or From, so that customers' answers still reach the person who sent. It takes the
 *   place of the fallback profile's own Reply-To; a per-message Reply-To still wins.
 */
export function decideSender(args: {
  user: UserRow;
  allowances: readonly string[];
  row: Pick<ProfileRow, 'scope'>;
  profile: ProfileData;
  request: SenderRequest;
  fallbackReplyTo?: string;
}): SenderDecision {
  const { user, allowances, row, profile, request } = args;
  const mailbox = profile.fromAddress;

  let from: Mailbox;
  const asked = request.from;
  if (!asked || sameAddress(asked.address, mailbox)) {
    // The profile's own address, in the profile's spelling; a display name from the message may replace it.
    from = { address: mailbox, ...(asked?.name ? { name: asked.name } : profile.fromName ? { name: profile.fromName } : {}) };
  } else if (!profile.allowOtherSender) {
    throw new DomainError('sender_not_allowed', `The sender "${profile.name}" always sends from ${mailbox}, not from ${asked.address}.`, {
      hint: 'Send without choosing another From, or ask an admin to allow other senders on this profile.',
      details: { field: 'from', allowed: [mailbox] },
    });
  } else if (!matchesAnySenderPattern(profile.allowedSenders, asked.address)) {
    throw new DomainError('sender_not_allowed', `The sender "${profile.name}" may not send as ${asked.address}.`, {
      hint: `Allowed senders on this profile: ${describeAllowed([mailbox, ...profile.allowedSenders])}.`,
      details: { field: 'from', allowed: [mailbox, ...profile.allowedSenders] },
    });
  } else {
    from = { address: asked.address, ...(asked.name ? { name: asked.name } : {}) };
  }

  if (memberRulesApply(user, row.scope)) {
    const allowed = memberSenderPatterns(user, allowances);
    if (!matchesAnySenderPattern(allowed, from.address)) {
      throw new DomainError('member_sender_not_allowed', `Your personal sender may not send from ${from.address}.`, {
        hint: `You may send from: ${describeAllowed(allowed)}. An admin can allow you more addresses, or use a company sender.`,
        details: { field: 'from', allowed },
      });
    }
  }

  let replyTo: Mailbox | undefined;
  if (request.replyTo) {
    const permitted = [user.email, mailbox, from.address, ...(profile.replyTo ? [profile.replyTo] : []), ...profile.allowedSenders, ...allowances];
    if (!matchesAnySenderPattern(permitted, request.replyTo)) {
      throw new DomainError('reply_to_not_allowed', `Replies cannot be sent to ${request.replyTo} from this sender.`, {
        hint: `Reply-To may be your own address or one this sender allows: ${describeAllowed([...new Set(permitted)])}.`,
        details: { field: 'replyTo', allowed: [...new Set(permitted)] },
      });
    }
    replyTo = { address: request.replyTo };
  } else if (args.fallbackReplyTo) {
    if (!sameAddress(args.fallbackReplyTo, from.address)) replyTo = { address: args.fallbackReplyTo };
  } else if (profile.replyTo) {
    replyTo = { address: profile.replyTo };
  }

  if (replyTo && memberRulesApply(user, row.scope)) {
    // A member's Reply-To stays within what the member may use now, like From (issue 14): an
    // allowance an admin revoked no longer works through the profile's saved Reply-To or its
    // allowed senders, which were checked only when the profile was saved.
    const allowed = [...memberSenderPatterns(user, allowances), mailbox];
    if (!matchesAnySenderPattern(allowed, replyTo.address)) {
      throw new DomainError('reply_to_not_allowed', `Replies cannot be sent to ${replyTo.address} from your personal sender any more.`, {
        hint: `You may use: ${describeAllowed(allowed)}. Change the sender's Reply-To, or ask an admin to allow the address again.`,
        details: { field: 'replyTo', allowed },
      });
    }
  }

  const differs = !sameAddress(from.address, mailbox);
  const sender = differs && profile.senderStyle === 'sender_header' ? { address: mailbox, ...(profile.fromName ? { name: profile.fromName } : {}) } : undefined;

  const bcc = profileBlindCopies({ user, scope: row.scope, profile, from, recipients: [...request.to, ...request.cc] });

  return { mailbox, from, ...(sender ? { sender } : {}), ...(replyTo ? { replyTo } : {}), bcc };
}

/** The decision for a profile with no message-level choices: what compose uses when no policy ran. */
export function profileOnlyDecision(profile: ProfileData): SenderDecision {
  const from = { address: profile.fromAddress, ...(profile.fromName ? { name: profile.fromName } : {}) };
  return {
    mailbox: profile.fromAddress,
    from,
    ...(profile.replyTo ? { replyTo: { address: profile.replyTo } } : {}),
    bcc: profileBlindCopies({ profile, from, recipients: [] }),
  };
}

/**
 * `POST /v1/diagnose` sends a real test message from the address it is given: the same rules as a
 * send apply (issue 14), or a member could mail anyone "from" any address of the company mailbox.
 * With a company profile (which members may use, not change) the From must be one that profile may
 * send as; otherwise the member rules of a personal profile apply. Admins are bound by neither.
 */
export function assertTestSenderAllowed(
  user: UserRow,
  allowances: readonly string[],
  test: { fromAddress: string; allowedSenders: readonly string[] },
  saved: { scope: ProfileRow['scope']; data: Pick<ProfileData, 'fromAddress' | 'allowOtherSender' | 'allowedSenders' | 'name'> } | undefined,
): void {
  if (user.role === 'admin') return;
  if (saved?.scope === 'company') {
    if (!sendsAs(saved.data, test.fromAddress)) {
      throw new DomainError('sender_not_allowed', `The sender "${saved.data.name}" may not send as ${test.fromAddress}.`, {
        details: { field: 'fromAddress', allowed: [saved.data.fromAddress, ...(saved.data.allowOtherSender ? saved.data.allowedSenders : [])] },
      });
    }
    return;
  }
  assertMemberProfileWithinAllowance(user, allowances, { fromAddress: test.fromAddress, allowedSenders: [...test.allowedSenders] }, 'personal');
}
