/**
 * Is a profile usable for a new send right now? A failing profile fails loudly (422 `profile_unusable`)
 * unless an admin set a company fallback profile, and then the message says it fell back (issue #3,
 * "Fallback"). "Failing" means one of:
 *
 * - its secrets cannot be opened (sealed with a key this relay no longer has);
 * - its server is on a private network and this relay does not allow private hosts (any more);
 * - the last message through it failed for a reason that lies with the mailbox or its settings (sign-in,
 *   TLS, certificate, server name, send-as refusal, ...) and the profile has not been changed since. A
 *   refused recipient or an oversized message says nothing about the mailbox and does not count.
 */
import { isObviouslyPrivateHost } from '../net/host-policy';
import type { SecretCipher } from '../secrets/cipher';
import type { ProfileRow, Store } from '../store/types';
import { openProfileSecrets, parseProfileData } from './profile-record';

export type UnusableCode = 'profile_secrets_unreadable' | 'profile_host_not_allowed' | 'profile_failing';

export interface UnusableReason {
  code: UnusableCode;
  message: string;
  hint: string;
  /** For `profile_failing`: the diagnosis catalogue's code of the last failure. */
  problemCode?: string;
}

/** Problems of a single message, not of the mailbox: they never mark a profile as failing. */
const MESSAGE_LEVEL_PROBLEMS: ReadonlySet<string> = new Set(['recipient_rejected', 'message_too_large', 'server_temporary', 'server_permanent', 'unknown']);

export async function whyProfileUnusable(row: ProfileRow, deps: { store: Store; cipher: SecretCipher; allowPrivateHosts: boolean }): Promise<UnusableReason | undefined> {
  const data = parseProfileData(row);
  try {
    openProfileSecrets(row, deps.cipher);
  } catch {
    return {
      code: 'profile_secrets_unreadable',
      message: `The password of the sender "${data.name}" cannot be decrypted on this relay.`,
      hint: 'Enter the password again in the sender settings, or start the relay with the master key it was saved with (OWNPOST_PREVIOUS_MASTER_KEYS).',
    };
  }
  if (!deps.allowPrivateHosts && isObviouslyPrivateHost(data.smtp.host)) {
    return {
      code: 'profile_host_not_allowed',
      message: `The sender "${data.name}" uses a server on a private network (${data.smtp.host}), which this relay does not connect to.`,
      hint: 'An admin can allow internal mail servers by starting the relay with OWNPOST_ALLOW_PRIVATE_HOSTS=1.',
    };
  }
  const last = await deps.store.lastFinishedDelivery(row.id);
  if (last?.status === 'failed' && last.at > row.updatedAt && last.problemCode && !MESSAGE_LEVEL_PROBLEMS.has(last.problemCode)) {
    return {
      code: 'profile_failing',
      message: `The last message through the sender "${data.name}" failed (${last.problemCode}); sending more would fail the same way.`,
      hint: 'Open the failed message for the exact problem and its fix, correct the sender (or test it), then send again.',
      problemCode: last.problemCode,
    };
  }
  return undefined;
}
