/**
 * Copies of sent messages in the mailbox's Sent folder (IMAP APPEND), apart from sending: a copy
 * that fails is tried again a few times and then shown on the message as failed, but the mail is
 * never sent again because of it.
 */
import type { RelayConfig } from '../config';
import { appendToSentFolder, SentCopyError } from '../imap/sent-folder';
import type { OutboundPolicy } from '../net/outbound';
import { openProfileSecrets } from '../profiles/profile-record';
import type { SecretCipher } from '../secrets/cipher';
import type { ClaimedMessage, Store } from '../store/types';
import { openSaveToSent } from './delivery-settings';
import { readWholeBody } from './message-body';
import { withJitter } from './retry-decision';

/** A Sent-folder copy is tried this many times before it is shown as failed. */
const SENT_COPY_ATTEMPTS = 3;

/**
 * After a look that found no copy due, the next one comes this many polls later: copies are due
 * when this worker sent a message that wants one (copyWanted) or retries one (it knows when), and
 * otherwise only after a relay stopped mid-copy. On PostgreSQL every look is a query.
 */
const IDLE_LOOK_POLLS = 20;

export type SentCopyWorkerConfig = Pick<RelayConfig, 'retryDelaysMs' | 'leaseMs' | 'pollMs' | 'extraCa' | 'smtpTimeoutMs' | 'deliveryConcurrency'>;

export interface SentCopyWorkerDeps {
  store: Store;
  cipher: SecretCipher;
  config: SentCopyWorkerConfig;
  log: (line: string) => void;
  /** Where the copy may connect: the same gate as delivery (relay/net/outbound.ts). */
  outbound: OutboundPolicy;
}

export class SentCopyWorker {
  /** Copies are looked for on the poll (every IDLE_LOOK_POLLS polls while none were due), and at once after a send that wants one. */
  private checkAt = 0;
  /** Set by copyWanted(): a look that started before the send must not push the next look back. */
  private wanted = false;
  /** The earliest retry of a copy this worker knows of. */
  private retryAt = Infinity;
  /** Copies being appended now, by message id. */
  private readonly copying = new Map<string, Promise<void>>();

  constructor(private readonly deps: SentCopyWorkerDeps) {}

  /** A message that wants a copy was sent: look for due copies at the next claim. */
  copyWanted(): void {
    this.checkAt = 0;
    this.wanted = true;
  }

  /** The copies being appended now (stopping waits for them). */
  running(): Promise<void>[] {
    return [...this.copying.values()];
  }

  /** Claims due copies and starts them, within a quarter of the worker's slots. Throws when the store fails. */
  async claim(now: number): Promise<void> {
    const { store, config } = this.deps;
    const capacity = Math.max(1, Math.floor(config.deliveryConcurrency / 4)) - this.copying.size;
    // Not on every wake (one per finished send): a query per message for copies that are rare.
    if (capacity <= 0 || now < Math.min(this.checkAt, this.retryAt)) return;
    if (now >= this.retryAt) this.retryAt = Infinity;
    this.checkAt = now + config.pollMs;
    this.wanted = false;
    const claimed = await store.claimDueSentCopies(now, config.leaseMs, capacity);
    // After copyWanted() during the query, checkAt stays 0: the next claim looks again.
    if (claimed.length === 0 && !this.wanted) this.checkAt = now + config.pollMs * IDLE_LOOK_POLLS;
    for (const message of claimed) {
      if (this.copying.has(message.id)) continue;
      const job = this.copyToSent(message).finally(() => this.copying.delete(message.id));
      this.copying.set(message.id, job);
    }
  }

  /** Appends a sent message to the Sent folder. A failure is shown on the message; the mail is never sent again. */
  private async copyToSent(message: ClaimedMessage): Promise<void> {
    const { store, cipher, config, log, outbound } = this.deps;
    try {
      const profileRow = await store.getProfile(message.profileId);
      const settings = profileRow ? openSaveToSent(await store.getDeliverySettings(profileRow.id), openProfileSecrets(profileRow, cipher), cipher) : undefined;
      if (!settings) {
        await store.finishSentCopy(message.id, { status: 'failed', folder: null, error: 'the sender profile no longer keeps a Sent copy', nextAt: null });
        return;
      }
      const copy = await appendToSentFolder(
        settings,
        { raw: await readWholeBody(store, message), messageId: message.messageId, sentAt: new Date(message.sentAt ?? Date.now()) },
        { extraCa: config.extraCa, timeoutMs: config.smtpTimeoutMs, outbound },
      );
      await store.finishSentCopy(message.id, { status: 'saved', folder: copy.folder, error: null, nextAt: null });
      log(`message ${message.id}: copy ${copy.alreadyThere ? 'already' : 'saved'} in ${copy.folder}`);
    } catch (error) {
      const retryable = !(error instanceof SentCopyError) || error.retryable;
      const delay = config.retryDelaysMs[message.sentCopyAttempts - 1];
      const again = retryable && message.sentCopyAttempts < SENT_COPY_ATTEMPTS && delay !== undefined;
      const text = (error as Error).message;
      const nextAt = again ? Date.now() + withJitter(delay) : null;
      // This worker looks for it again when it is due, not only at its next idle look.
      if (nextAt !== null) this.retryAt = Math.min(this.retryAt, nextAt);
      await store
        .finishSentCopy(message.id, {
          status: again ? 'pending' : 'failed',
          folder: null,
          error: text,
          nextAt,
        })
        .catch((e: Error) => log(`could not record the Sent copy of ${message.id}: ${e.message}`));
      log(`message ${message.id}: Sent copy ${again ? 'will be tried again' : 'failed'}: ${text}`);
    }
  }
}
