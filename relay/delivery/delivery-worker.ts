import { randomUUID } from 'node:crypto';
import type { RelayConfig } from '../config';
import { classifySmtpFailure } from '../diagnosis/classify';
import { problemRetryPolicy } from '../diagnosis/catalogue';
import { openProfileSecrets } from '../profiles/profile-record';
import type { SecretCipher } from '../secrets/cipher';
import type { AttemptResult, ClaimedMessage, Store } from '../store/types';
import { createSmtpTransport } from './smtp-transport';

/** Authentication failures are retried this many times in all, never after a lockout reply. */
const MAX_LIMITED_ATTEMPTS = 3;

export interface DeliveryWorkerDeps {
  store: Store;
  cipher: SecretCipher;
  config: Pick<RelayConfig, 'retryDelaysMs' | 'leaseMs' | 'pollMs' | 'extraCa'>;
  log: (line: string) => void;
  /** Messages sent at the same time by this worker. @default 4 */
  concurrency?: number;
}

/** ±10 % so that many deferred messages do not all come back in the same second. */
function withJitter(ms: number): number {
  return Math.round(ms * (0.9 + Math.random() * 0.2));
}

/**
 * Decides what an attempt's failure means for the message: retry later, or give up. Branches on the
 * classified problem code and its retry policy, never on reply text.
 */
export function decideAfterFailure(
  error: unknown,
  attemptsBefore: number,
  retryDelaysMs: number[],
  now: number,
): { result: AttemptResult; errorCode: string | null; responseCode: number | null; reply: string | null } {
  const classified = classifySmtpFailure(error);
  const responseCode = typeof (error as { responseCode?: unknown }).responseCode === 'number' ? (error as { responseCode: number }).responseCode : null;
  const reply = classified.serverReply ?? ((error as Error)?.message || null);
  const errorCode = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : null;
  const attempts = attemptsBefore + 1;
  const policy = problemRetryPolicy(classified.code);
  // Temporary failures (4xx, timeouts, dropped connections) wait and retry; permanent ones fail,
  // except those whose policy allows a few tries (authentication, but never after a lockout).
  const retryable =
    classified.kind === 'temporary' ? policy !== 'never' : policy === 'limited' && attempts < MAX_LIMITED_ATTEMPTS;
  const delay = retryDelaysMs[attempts - 1];
  if (retryable && delay !== undefined) {
    return {
      result: { outcome: 'deferred', reply, responseCode, problemCode: classified.code, nextAttemptAt: now + withJitter(delay) },
      errorCode,
      responseCode,
      reply,
    };
  }
  return { result: { outcome: 'failed', reply, responseCode, problemCode: classified.code }, errorCode, responseCode, reply };
}

/**
 * Takes due messages from the outbox under a lease, sends each through its profile's mailbox and
 * records the outcome. A crashed worker's leases expire and another worker (or this one after a
 * restart) claims the message again: delivery is at least once, with one Message-ID throughout.
 */
export class DeliveryWorker {
  readonly owner = `worker-${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Map<string, Promise<void>>();
  private wakeRequested = false;

  constructor(private readonly deps: DeliveryWorkerDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Looks for work now (called after a message is queued). */
  wake(): void {
    if (!this.running || this.stopping) return;
    if (this.loop) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops claiming, lets in-flight sends finish for up to `graceMs`, then releases the rest. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.loop;
    const pending = [...this.inFlight.values()];
    await Promise.race([Promise.allSettled(pending), new Promise((r) => setTimeout(r, graceMs).unref())]);
    for (const id of this.inFlight.keys()) await this.deps.store.releaseLease(id, this.owner, Date.now());
    this.running = false;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.loop = this.tick().finally(() => {
        this.loop = undefined;
        if (this.stopping) return;
        const again = this.wakeRequested;
        this.wakeRequested = false;
        this.schedule(again ? 0 : this.deps.config.pollMs);
      });
    }, ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const capacity = (this.deps.concurrency ?? 4) - this.inFlight.size;
    if (capacity <= 0) return;
    let claimed: ClaimedMessage[];
    try {
      claimed = await this.deps.store.claimDueMessages(this.owner, Date.now(), this.deps.config.leaseMs, capacity);
    } catch (error) {
      this.deps.log(`outbox claim failed: ${(error as Error).message}`);
      return;
    }
    for (const message of claimed) {
      const job = this.deliver(message).finally(() => {
        this.inFlight.delete(message.id);
        this.wake();
      });
      this.inFlight.set(message.id, job);
    }
  }

  /** One attempt for one message. Never throws: every outcome is recorded on the message. */
  private async deliver(message: ClaimedMessage): Promise<void> {
    const { store, cipher, config, log } = this.deps;
    const startedAt = Date.now();
    const profileRow = await store.getProfile(message.profileId);
    let outcome: ReturnType<typeof decideAfterFailure> | { result: AttemptResult; reply: string; responseCode: number | null; errorCode: null };
    if (!profileRow) {
      outcome = decideAfterFailure({ code: 'ENOPROFILE', message: 'the sender profile was deleted' }, message.attempts, [], startedAt);
    } else {
      const transport = createSmtpTransport(openProfileSecrets(profileRow, cipher), { extraCa: config.extraCa });
      try {
        const info = await transport.sendMail({ envelope: JSON.parse(message.envelope), raw: message.raw });
        outcome = { result: { outcome: 'sent', reply: info.response }, reply: info.response, responseCode: Number.parseInt(info.response, 10) || null, errorCode: null };
      } catch (error) {
        outcome = decideAfterFailure(error, message.attempts, config.retryDelaysMs, Date.now());
      } finally {
        transport.close();
      }
    }
    const finishedAt = Date.now();
    const recorded = await store
      .finishAttempt(
        message.id,
        this.owner,
        { startedAt, finishedAt, reply: outcome.reply, responseCode: outcome.responseCode, errorCode: outcome.errorCode },
        outcome.result,
      )
      .catch((error: Error) => {
        log(`could not record the attempt for ${message.id}: ${error.message}`);
        return false;
      });
    if (!recorded) log(`message ${message.id}: lease lost before the attempt was recorded; another worker owns it`);
    else log(`message ${message.id}: ${outcome.result.outcome}${outcome.reply ? ` (${outcome.reply.split('\n')[0]})` : ''}`);
  }
}
