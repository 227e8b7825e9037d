/**
 * Everything the sender side decides for one send, before anything is composed or queued: which profile
 * (resolution), whether it is usable (else the company fallback, or a loud 422), and From / Sender /
 * Reply-To / blind copy under the sender rules (else 403). The accept path (relay/delivery/accept-send.ts)
 * calls only this, for both doors.
 */
import { sameAddress } from '../../shared/address';
import type { MessageInput, MessageView } from '../../shared/schemas';
import { DomainError } from '../errors/domain-error';
import type { SecretCipher } from '../secrets/cipher';
import type { ProfileRow, Store, UserRow } from '../store/types';
import { whyProfileUnusable } from './profile-health';
import { parseProfileData, type ProfileData } from './profile-record';
import { resolveSenderProfile, type ResolvedBy } from './resolve-profile';
import { decideSender, type ProfileForSend } from './sender-policy';

export interface PlanSendDeps {
  store: Store;
  cipher: SecretCipher;
  allowPrivateHosts: boolean;
}

export interface SendPlan {
  /** The profile that sends (the fallback when the asked-for one is failing). */
  profileRow: ProfileRow;
  /** Its settings with the sender decision attached, ready for composeMessage / composeSend. */
  profile: ProfileForSend;
  resolvedBy: ResolvedBy;
  /** Present when the message goes out through the company fallback: stored and shown on the message. */
  fallback?: NonNullable<MessageView['fallback']>;
}

async function findCompanyFallback(store: Store, user: UserRow, except: string): Promise<ProfileRow | undefined> {
  const visible = await store.listProfilesVisibleTo(user.id);
  return visible.find((row) => row.scope === 'company' && row.id !== except && parseProfileData(row).isFallback);
}

export async function planSend(deps: PlanSendDeps, user: UserRow, input: MessageInput): Promise<SendPlan> {
  const { store } = deps;
  const resolved = await resolveSenderProfile(store, user, {
    profileId: input.profileId,
    pageUrl: input.context.pageUrl,
    project: input.context.project,
  });

  let row = resolved.row;
  let data: ProfileData = resolved.data;
  let fallback: SendPlan['fallback'];
  let from = input.from;
  let fallbackReplyTo: string | undefined;

  const unusable = await whyProfileUnusable(row, deps);
  if (unusable) {
    const fallbackRow = await findCompanyFallback(store, user, row.id);
    const fallbackProblem = fallbackRow && (await whyProfileUnusable(fallbackRow, deps));
    if (!fallbackRow || fallbackProblem) {
      throw new DomainError('profile_unusable', unusable.message, {
        hint: fallbackProblem ? `${unusable.hint} The company fallback sender cannot be used either: ${fallbackProblem.message}` : unusable.hint,
        details: {
          profileId: row.id,
          reason: unusable.code,
          ...(unusable.problemCode ? { problemCode: unusable.problemCode } : {}),
        },
      });
    }
    const original = data;
    fallback = {
      fromProfileId: row.id,
      fromProfileName: original.name,
      code: unusable.code,
      ...(unusable.problemCode ? { problemCode: unusable.problemCode } : {}),
      reason: unusable.message,
    };
    row = fallbackRow;
    data = parseProfileData(fallbackRow);
    // The panel names the failing profile's own address as From; under the fallback that means "the
    // fallback's default", not "send as someone else". Replies still reach the person who sent.
    if (from && sameAddress(from.address, original.fromAddress)) from = undefined;
    fallbackReplyTo = original.replyTo ?? original.fromAddress;
  }

  const allowances = user.role === 'admin' ? [] : await store.getSenderAllowances(user.id);
  const decision = decideSender({
    user,
    allowances,
    row,
    profile: data,
    request: { ...(from ? { from } : {}), ...(input.replyTo ? { replyTo: input.replyTo } : {}), to: input.to, cc: input.cc },
    ...(fallbackReplyTo ? { fallbackReplyTo } : {}),
  });
  return { profileRow: row, profile: { ...data, decision }, resolvedBy: resolved.resolvedBy, ...(fallback ? { fallback } : {}) };
}
