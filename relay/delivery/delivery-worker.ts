import { randomUUID } from 'node:crypto';
import type { RelayConfig } from '../config';
import { observeDeliveryAttempt } from '../observability/metrics';
import { createOutboundPolicy } from '../net/outbound';
import { createSmtpAuthResolver } from '../oauth/access-tokens';
import type { SecretCipher } from '../secrets/cipher';
import type { AttemptResult, ClaimedMessage, FinishedAttempt, Store } from '../store/types';
import { ClaimedProfiles, type ProfileLookup } from './claimed-profiles';
import { GroupCommitter } from './group-committer';
import { messageBodyStream } from './message-body';
import type { OpenedProfile } from '../profiles/profile-record';
import { OpenedProfiles } from './opened-profiles';
import { describeRefusedRecipients } from './refused-recipients';
import { decideAfterFailure } from './retry-decision';
import { SentCopyWorker } from './sent-copy-worker';
import { sizeLimitFromError, TransportPool } from './transport-pool';
import { redactSecrets, secretForms } from '../secrets/redact-secrets';

/** On stop, how long results that the store refused are tried again after the grace. */
const STOP_RECORD_EXTRA_MS = 3_000;

/** Messages held per open SMTP connection at most (see mostHeld): one being sent, two waiting. */
const CLAIM_AHEAD = 3;

/** While the outbox cannot be read (database gone), the worker looks again after this wait, doubling up to the maximum. */
const CLAIM_BACKOFF_MAX_MS = 30_000;

export type DeliveryWorkerConfig = Pick<
  RelayConfig,
  | 'retryDelaysMs'
  | 'leaseMs'
  | 'pollMs'
  | 'extraCa'
  | 'authAttempts'
  | 'quotaRetryDelayMs'
  | 'smtpTimeoutMs'
  | 'deliveryConcurrency'
  | 'transportIdleMs'
  | 'oauth'
  | 'allowPrivateHosts'
  | 'extraSmtpPorts'
  | 'dnsServers'
> &
  Partial<Pick<RelayConfig, 'heartbeatMs'>>;

export interface DeliveryWorkerDeps {
  store: Store;
  cipher: SecretCipher;
  config: DeliveryWorkerConfig;
  log: (line: string) => void;
}

/** The profile's current transport: another fingerprint (profile or settings changed) opens a new one. */
function fingerprintOf(profileUpdatedAt: number, settingsUpdatedAt: number | undefined): string {
  return `${profileUpdatedAt}:${settingsUpdatedAt ?? 0}`;
}

/**
 * Takes due messages from the outbox under a lease, sends each through its profile's pooled
 * transport and records every attempt with the server's reply. A crashed worker's leases expire and
 * the message is claimed again: delivery is at least once, with one Message-ID throughout (the
 * bytes, headers included, were built once at accept time). Attempts are committed in groups
 * (group-committer.ts); Sent-folder copies have a worker of their own (sent-copy-worker.ts).
 */
export class DeliveryWorker {
  readonly owner = `worker-${randomUUID()}`;
  readonly pool: TransportPool;
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  /**
   * The process's own heartbeat (issue 15), apart from the lease renewals: it tells the store this
   * worker is alive, and learns whether it may claim (on SQLite only the holder of the outbox lock
   * does) and which dead processes' messages to take back.
   */
  private instanceBeat: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private lastBeatAt = 0;
  private mayClaim = false;
  private running = false;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wakeRequested = false;
  /** Messages claimed and not yet recorded (being sent, or their attempt being committed), by id. */
  private readonly inFlight = new Map<string, Promise<void>>();
  /**
   * Of those, the ones not yet through their SMTP transaction: they hold the worker's slots
   * (`deliveryConcurrency`). A message whose send returned frees its slot while its result is
   * committed and synced, so that the disk's latency does not leave the connections waiting.
   */
  private sending = 0;
  /** After a failed claim: the wait before the next one (0 while claims work). */
  private claimBackoffMs = 0;
  private readonly results: GroupCommitter;
  private readonly sentCopies: SentCopyWorker;
  private readonly openedProfiles: OpenedProfiles;
  private readonly claimedProfiles: ClaimedProfiles;

  constructor(private readonly deps: DeliveryWorkerDeps) {
    // Where delivery and the Sent-folder copy may connect.
    const outbound = createOutboundPolicy({
      allowPrivateHosts: deps.config.allowPrivateHosts,
      extraSmtpPorts: deps.config.extraSmtpPorts,
      dnsServers: deps.config.dnsServers,
      dnsTimeoutMs: Math.min(30_000, deps.config.smtpTimeoutMs),
    });
    this.pool = new TransportPool({
      extraCa: deps.config.extraCa,
      socketTimeoutMs: deps.config.smtpTimeoutMs,
      idleMs: deps.config.transportIdleMs,
      // Every connection goes through the outbound gate, whatever the sender test said when the
      // profile was saved (issue 14: `force`, OWNPOST_TEST_BEFORE_SAVE=0, a DNS change since).
      outbound,
      // XOAUTH2 tokens for OAuth2 profiles, cached in the store for every instance (issue 8).
      smtpAuth: createSmtpAuthResolver({ store: deps.store, cipher: deps.cipher, config: deps.config.oauth }),
    });
    this.results = new GroupCommitter({
      commit: (group) => this.commitResults(group),
      maxGroup: deps.config.deliveryConcurrency,
      mayLinger: () => this.sending > 0 && !this.stopping,
      log: deps.log,
    });
    this.sentCopies = new SentCopyWorker({ store: deps.store, cipher: deps.cipher, config: deps.config, log: deps.log, outbound });
    this.openedProfiles = new OpenedProfiles(deps.cipher);
    this.claimedProfiles = new ClaimedProfiles(deps.store);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    // A send that outlives its lease would be claimed a second time: renew leases while sending.
    this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(50, Math.floor(this.deps.config.leaseMs / 3)));
    this.heartbeat.unref();
    this.instanceBeat = setInterval(() => void this.beat(), this.heartbeatMs);
    this.instanceBeat.unref();
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

  /**
   * Stops claiming; in-flight sends and Sent copies get `graceMs` to finish and be recorded; those
   * still running are then released (queued again, no attempt counted) and their connections closed.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    const deadline = Date.now() + graceMs;
    await this.loop;
    const pending = [...this.inFlight.values(), ...this.sentCopies.running()];
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(pending), new Promise((r) => (timer = setTimeout(r, Math.max(0, deadline - Date.now()))))]);
    clearTimeout(timer);
    // Results not yet committed get a few more tries (the store may be failing): a result given up
    // here means a resend after the restart.
    const unrecorded = await this.results.drain(Math.max(deadline, Date.now()) + STOP_RECORD_EXTRA_MS);
    if (unrecorded.size) {
      this.deps.log(`could not record ${unrecorded.size} attempt(s) before stopping; those messages will be tried again once their lease ends`);
    }
    const now = Date.now();
    let released = 0;
    for (const id of this.inFlight.keys()) {
      // A message whose attempt ended but could not be recorded is not given back: it may be sent.
      if (unrecorded.has(id)) continue;
      released++;
      await this.deps.store.releaseLease(id, this.owner, now).catch((error: Error) => this.deps.log(`could not release ${id}: ${error.message}`));
    }
    if (released) this.deps.log(`released ${released} message(s) still being sent; they will be sent again`);
    clearInterval(this.heartbeat);
    clearInterval(this.instanceBeat);
    await this.beating;
    // Last: the outbox lock (SQLite) goes only after every message was recorded or given back.
    await this.deps.store.endInstance(this.owner).catch((error: Error) => this.deps.log(`could not sign this relay process off: ${error.message}`));
    this.mayClaim = false;
    this.lastBeatAt = 0;
    this.pool.closeAll();
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
        // A store that failed the claim is not asked again at once (issue 15, PostgreSQL gone).
        this.schedule(this.claimBackoffMs || (again ? 0 : this.deps.config.pollMs));
      });
    }, ms);
    this.timer.unref();
  }

  private get heartbeatMs(): number {
    return this.deps.config.heartbeatMs ?? 5_000;
  }

  /** Beats the process's heartbeat (see instanceBeat); one at a time. Never throws. */
  private beat(): Promise<void> {
    if (this.beating) return this.beating;
    this.beating = (async () => {
      const { store, log } = this.deps;
      const now = Date.now();
      // Others count as dead only while this worker beat without a gap itself: after an outage that
      // hid every heartbeat (the database stalled), the others get one beat to show they live.
      const takeOver = this.lastBeatAt > 0 && now - this.lastBeatAt <= 2 * this.heartbeatMs;
      try {
        const state = await store.instanceHeartbeat(this.owner, { now, deadAfterMs: 3 * this.heartbeatMs, takeOver });
        this.lastBeatAt = now;
        if (state.mayClaim !== this.mayClaim) {
          log(
            state.mayClaim
              ? 'this relay process delivers from the outbox'
              : 'another relay process delivers from this outbox (it holds the outbox lock); this one accepts messages and leaves their delivery to it',
          );
        }
        this.mayClaim = state.mayClaim;
        if (state.takenBack) {
          log(`took back ${state.takenBack} message(s) claimed by a relay process that is gone; they are sent again now`);
          this.wake();
        }
      } catch (error) {
        log(`heartbeat failed: ${(error as Error).message}`);
      }
    })().finally(() => (this.beating = undefined));
    return this.beating;
  }

  private async tick(): Promise<void> {
    const { store, config, log } = this.deps;
    if (!this.mayClaim) await this.beat();
    if (!this.mayClaim) return;
    const now = Date.now();
    try {
      // Claims in batches (every claim is a transaction with an fsync), unless the worker is idle.
      const room = this.claimRoom();
      // While results wait for the store (disk full), claim nothing: the store is failing writes,
      // and the leases of the messages waiting may have run out meanwhile (their renewals failed too).
      // Results about to be committed claim with their commit where the store can (commitResults).
      if (!this.results.waitingForStore && !this.claimsWithResults() && room > 0) {
        this.startDeliveries(await store.claimDueMessages(this.owner, now, config.leaseMs, room));
      }
      await this.sentCopies.claim(now);
      this.claimBackoffMs = 0;
    } catch (error) {
      this.claimBackoffMs = Math.min(CLAIM_BACKOFF_MAX_MS, Math.max(config.pollMs, this.claimBackoffMs * 2));
      log(`outbox claim failed (next try in ${this.claimBackoffMs} ms): ${(error as Error).message}`);
    }
  }

  /** Sends the messages of a claim. */
  private startDeliveries(claimed: ClaimedMessage[]): void {
    // Ours already (its lease ran out while its renewals failed): the claim renewed it; it is being
    // sent or its result recorded, and must not be sent a second time.
    const lookup = this.claimedProfiles.forBatch();
    for (const message of claimed.filter((m) => !this.inFlight.has(m.id))) {
      this.sending++;
      const job = this.deliver(message, lookup).finally(() => {
        this.inFlight.delete(message.id);
      });
      this.inFlight.set(message.id, job);
    }
  }

  /**
   * Whether the next claim comes with the results waiting to be committed (PostgreSQL: one statement,
   * one round trip and one sync for both, issue 18) rather than on its own: results are waiting or
   * being committed, and the worker is not stopping.
   */
  private claimsWithResults(): boolean {
    return this.deps.store.finishAttemptsAndClaim !== undefined && this.results.busy && !this.stopping;
  }

  /** Commits a group of results; with them, where the store can, claims as many messages as the worker has room for. */
  private async commitResults(group: FinishedAttempt[]): Promise<boolean[]> {
    const { store, config } = this.deps;
    const room = this.claimRoom();
    if (!store.finishAttemptsAndClaim || this.stopping || !this.mayClaim || room === 0) return store.finishAttempts(this.owner, group);
    const { applied, claimed } = await store.finishAttemptsAndClaim(this.owner, group, { now: Date.now(), leaseMs: config.leaseMs, limit: room });
    if (this.stopping) {
      // Stopped meanwhile: the claimed messages go back to the queue, as those of a claim that ran when the stop began.
      const now = Date.now();
      for (const message of claimed) await store.releaseLease(message.id, this.owner, now).catch(() => {});
    } else this.startDeliveries(claimed);
    // Room may be left (the queue ran dry, or more sends ended meanwhile): the worker looks again.
    this.wake();
    return applied;
  }

  /**
   * How many messages to claim now: the room left, once half of what the worker holds at most went
   * out (every claim is a transaction with a sync), or any room while nothing is being sent; else 0.
   */
  private claimRoom(): number {
    const most = this.mostHeld();
    const room = most - this.sending;
    return room >= Math.max(1, Math.floor(most / 2)) || (room > 0 && this.sending === 0) ? room : 0;
  }

  /**
   * How many messages the worker holds at most (claimed, not yet through their SMTP transaction):
   * `deliveryConcurrency`; on PostgreSQL no more than CLAIM_AHEAD per connection of the open
   * transports. More would only wait in the transports' queues while another instance with
   * connections to spare could have sent them (at the end of a burst one instance still worked
   * through its queue while the other idled). On SQLite one process delivers: there is no one to
   * leave them to, and larger claims are fewer transactions. Claiming again when half of them went
   * out keeps every connection busy while the next claim runs.
   */
  private mostHeld(): number {
    const { deliveryConcurrency } = this.deps.config;
    const connections = this.deps.store.kind === 'postgres' ? this.pool.openConnections() : 0;
    return connections > 0 ? Math.min(deliveryConcurrency, CLAIM_AHEAD * connections) : deliveryConcurrency;
  }

  private async renewLeases(): Promise<void> {
    if (this.inFlight.size === 0) return;
    await this.deps.store.renewLeases([...this.inFlight.keys()], this.owner, Date.now() + this.deps.config.leaseMs).catch((error: Error) => this.deps.log(`could not renew leases: ${error.message}`));
  }

  /** Frees the message's worker slot (once) and looks for more work. */
  private sendFinished(state: { slot: boolean }): void {
    if (!state.slot) return;
    state.slot = false;
    this.sending--;
    // The last send of a burst: results waiting for company go now.
    if (this.sending === 0) this.results.schedule();
    this.wake();
  }

  /** One attempt for one message. Never throws: every outcome is recorded on the message. */
  private async deliver(message: ClaimedMessage, lookup: (message: ClaimedMessage) => Promise<ProfileLookup>): Promise<void> {
    const slot = { slot: true };
    try {
      await this.attempt(message, lookup, slot);
    } finally {
      this.sendFinished(slot);
    }
  }

  private async attempt(message: ClaimedMessage, lookup: (message: ClaimedMessage) => Promise<ProfileLookup>, slot: { slot: boolean }): Promise<void> {
    const { store, config, log } = this.deps;
    const startedAt = Date.now();
    let result: AttemptResult;
    let details: FinishedAttempt['attempt'];
    let found: ProfileLookup;
    let openedProfile: OpenedProfile | undefined;
    try {
      found = await lookup(message);
    } catch (error) {
      // The store failed, not the mail server: nothing was sent, so no attempt counts. The message
      // goes back to the queue (or, if that fails too, waits for its lease).
      log(`message ${message.id}: could not read its sender profile, trying again later: ${(error as Error).message}`);
      await store.postponeMessage(message.id, this.owner, Date.now() + Math.max(config.pollMs, 1000)).catch((e: Error) => log(`message ${message.id}: could not give it back: ${e.message}`));
      return;
    }
    try {
      const { profileRow, settingsRow } = found;
      if (!profileRow) {
        // Nothing to send it with, now or later: fail it at once rather than after retries.
        const reply = 'The sender profile of this message was deleted before it could be sent.';
        await this.results.record({
          id: message.id,
          attempt: { startedAt, finishedAt: Date.now(), reply, responseCode: null, errorCode: null },
          result: { outcome: 'failed', reply, responseCode: null, problemCode: 'sender_deleted' },
        });
        return;
      }
      const { profile, limits } = this.openedProfiles.open(profileRow, settingsRow);
      openedProfile = profile;
      if (limits.messagesPerMinute) {
        // Over the profile's rate: back into the queue until a slot frees, so that one sender's
        // burst (200 invoices through a 30-a-minute mailbox) does not hold every worker slot.
        const wait = this.pool.reserveRateSlot(profileRow.id, limits.messagesPerMinute, Date.now());
        if (wait > 0) {
          // A store failure here is not the mail server's: no attempt is counted, the lease expires.
          await store.postponeMessage(message.id, this.owner, Date.now() + wait).catch((e: Error) => log(`message ${message.id}: could not postpone it: ${e.message}`));
          return;
        }
      }
      // Stored values that cannot be read fail this message like an attempt that failed (relay/store/schema/message-row.ts).
      if (message.unreadable) throw message.unreadable;
      const { envelope } = message;
      // A large body is stored in chunks and read one chunk at a time while it is written to the server.
      const sent = await this.pool.send(
        profile,
        fingerprintOf(profileRow.updatedAt, settingsRow?.updatedAt),
        limits,
        message.raw ? { envelope, raw: message.raw } : { envelope, stream: messageBodyStream(store, message), size: message.sizeBytes },
      );
      this.sendFinished(slot);
      if (sent.advertisedMaxBytes && sent.advertisedMaxBytes !== settingsRow?.serverMaxBytes) {
        // The mail is out: a store that cannot note the size now must not turn it into a failure (a resend).
        await store.recordServerMaxBytes(profileRow.id, sent.advertisedMaxBytes, Date.now()).catch((e: Error) => log(`could not note the size limit of ${profileRow.id}: ${e.message}`));
      }
      // Taken for some recipients, refused for others: sent (never again to those who have it), with the refusals shown.
      const partial = describeRefusedRecipients(sent.response, sent.refused);
      result = partial ? { outcome: 'sent', reply: partial.reply, problemCode: partial.problemCode } : { outcome: 'sent', reply: sent.response };
      details = { startedAt, finishedAt: Date.now(), reply: result.reply, responseCode: Number.parseInt(sent.response, 10) || null, errorCode: null };
    } catch (error) {
      this.sendFinished(slot);
      const learnedLimit = sizeLimitFromError(error);
      if (learnedLimit) await store.recordServerMaxBytes(message.profileId, learnedLimit, Date.now()).catch(() => {});
      const decision = decideAfterFailure(error, message.attempts, config, Date.now());
      result = decision.result;
      details = { startedAt, finishedAt: Date.now(), reply: decision.reply, responseCode: decision.responseCode, errorCode: decision.errorCode };
    }
    // A server that echoes the AUTH line puts the password into its reply: never kept or shown (redact-secrets.ts).
    const forms = openedProfile?.password ? secretForms({ username: openedProfile.data.auth.username, password: openedProfile.password }) : [];
    if (typeof details.reply === 'string') details = { ...details, reply: redactSecrets(details.reply, forms) };
    if (result.reply) result = { ...result, reply: redactSecrets(result.reply, forms) };
    const applied = await this.results.record({ id: message.id, attempt: details, result });
    if (!applied) {
      log(`message ${message.id}: lease lost before the attempt was recorded; another worker owns it`);
      return;
    }
    log(`message ${message.id}: ${result.outcome}${result.reply ? ` (${result.reply.split('\n')[0]})` : ''}`);
    observeDeliveryAttempt(result, message.createdAt);
    if (result.outcome === 'sent' && message.sentCopyStatus === 'pending') {
      this.sentCopies.copyWanted();
      this.wake();
    }
  }
}
