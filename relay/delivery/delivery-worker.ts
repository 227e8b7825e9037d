import { randomUUID } from 'node:crypto';
import type { RelayConfig } from '../config';
import { appendToSentFolder, SentCopyError } from '../imap/sent-folder';
import { observeDeliveryAttempt } from '../observability/metrics';
import { createOutboundPolicy, type OutboundPolicy } from '../net/outbound';
import { createSmtpAuthResolver } from '../oauth/access-tokens';
import { openProfileSecrets, type OpenedProfile } from '../profiles/profile-record';
import type { SecretCipher } from '../secrets/cipher';
import type { AttemptResult, ClaimedMessage, DeliverySettingsRow, FinishedAttempt, ProfileRow, Store } from '../store/types';
import { effectiveDeliveryLimits, openSaveToSent, type EffectiveDeliveryLimits } from './delivery-settings';
import { messageBodyStream, readWholeBody } from './message-body';
import { decideAfterFailure, withJitter } from './retry-decision';
import { sizeLimitFromError, TransportPool } from './transport-pool';

/** How long a result may wait for others to be committed with it, while other sends are running (see record). */
const RESULT_LINGER_MS = 5;

/**
 * A result that could not be committed (disk full, database connection lost) is kept in memory and
 * written again after this wait, doubling up to RECORD_RETRY_MAX_MS (issue 15): sending the mail
 * again because its result was not written would be a duplicate without a crash.
 */
const RECORD_RETRY_MIN_MS = 100;
const RECORD_RETRY_MAX_MS = 5_000;

/** On stop, how long results that the store refused are tried again after the grace. */
const STOP_RECORD_EXTRA_MS = 3_000;

/** While the outbox cannot be read (database gone), the worker looks again after this wait, doubling up to the maximum. */
const CLAIM_BACKOFF_MAX_MS = 30_000;

/** A Sent-folder copy is tried this many times before it is shown as failed. */
const SENT_COPY_ATTEMPTS = 3;

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

/** A message's sender profile and its delivery settings, as stored when its batch was claimed. */
interface ProfileLookup {
  profileRow: ProfileRow | undefined;
  settingsRow: DeliverySettingsRow | undefined;
}

/** The profile's current transport: another fingerprint (profile or settings changed) opens a new one. */
function fingerprintOf(profileUpdatedAt: number, settingsUpdatedAt: number | undefined): string {
  return `${profileUpdatedAt}:${settingsUpdatedAt ?? 0}`;
}

/**
 * Takes due messages from the outbox under a lease, sends each through its profile's pooled
 * transport and records every attempt with the server's reply. A crashed worker's leases expire and
 * the message is claimed again: delivery is at least once, with one Message-ID throughout (the
 * bytes, headers included, were built once at accept time).
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
  /** The Sent-folder copies are looked for on the poll, and at once after a send that wants one. */
  private copyCheckAt = 0;
  /** Sent copies being appended now, by message id. */
  private readonly copying = new Map<string, Promise<void>>();
  /** Attempts waiting to be committed together (see record). */
  private pendingResults: { finished: FinishedAttempt; done: (applied: boolean) => void; at: number }[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushScheduled = false;
  /** The group being committed and synced now; the next group waits for it (see record). */
  private flushing: Promise<void> | undefined;
  /** After a failed commit of results: no new try before this time, and the wait after the next failure. */
  private recordRetryAt = 0;
  private recordRetryMs = 0;
  /** After a failed claim: the wait before the next one (0 while claims work). */
  private claimBackoffMs = 0;
  /** Opened profiles by id, with the version of the stored rows they were opened from (see openProfile). */
  private readonly openedProfiles = new Map<string, { version: string; rows: [ProfileRow, DeliverySettingsRow | undefined]; profile: OpenedProfile; limits: EffectiveDeliveryLimits }>();

  /** Where delivery and the Sent-folder copy may connect (relay/net/outbound.ts). */
  private readonly outbound: OutboundPolicy;

  constructor(private readonly deps: DeliveryWorkerDeps) {
    this.outbound = createOutboundPolicy({
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
      outbound: this.outbound,
      // XOAUTH2 tokens for OAuth2 profiles, cached in the store for every instance (issue 8).
      smtpAuth: createSmtpAuthResolver({ store: deps.store, cipher: deps.cipher, config: deps.config.oauth }),
    });
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
    const pending = [...this.inFlight.values(), ...this.copying.values()];
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(pending), new Promise((r) => (timer = setTimeout(r, Math.max(0, deadline - Date.now()))))]);
    clearTimeout(timer);
    // Results not yet committed get a few more tries (the store may be failing): a result given up
    // here means a resend after the restart.
    const recordDeadline = Math.max(deadline, Date.now()) + STOP_RECORD_EXTRA_MS;
    for (;;) {
      await this.flush();
      if (this.pendingResults.length === 0 || Date.now() >= recordDeadline) break;
      await new Promise((r) => setTimeout(r, Math.min(this.recordRetryMs || RECORD_RETRY_MIN_MS, recordDeadline - Date.now())));
    }
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const unrecorded = new Set(this.pendingResults.map((p) => p.finished.id));
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
      const capacity = config.deliveryConcurrency - this.sending;
      const batch = Math.max(1, Math.floor(config.deliveryConcurrency / 2));
      // While results wait for the store (disk full), claim nothing: the store is failing writes,
      // and the leases of the messages waiting may have run out meanwhile (their renewals failed too).
      const recordsWaiting = this.recordRetryMs > 0 && this.pendingResults.length > 0;
      if (!recordsWaiting && (capacity >= batch || (capacity > 0 && this.sending === 0))) {
        const claimed = (await store.claimDueMessages(this.owner, now, config.leaseMs, capacity)).filter(
          // Ours already (its lease ran out while its renewals failed): the claim renewed it; it is
          // being sent or its result recorded, and must not be sent a second time.
          (message) => !this.inFlight.has(message.id),
        );
        // The profiles of a batch are read once: a burst of invoices mostly shares one sender.
        const profiles = new Map<string, Promise<ProfileLookup>>();
        const lookup = (profileId: string) => {
          let found = profiles.get(profileId);
          if (!found) profiles.set(profileId, (found = this.lookupProfile(profileId)));
          return found;
        };
        for (const message of claimed) {
          this.sending++;
          const job = this.deliver(message, lookup).finally(() => {
            this.inFlight.delete(message.id);
          });
          this.inFlight.set(message.id, job);
        }
      }
      const copyCapacity = Math.max(1, Math.floor(config.deliveryConcurrency / 4)) - this.copying.size;
      // Not on every wake (one per finished send): a query per message for copies that are rare.
      if (copyCapacity > 0 && now >= this.copyCheckAt) {
        this.copyCheckAt = now + config.pollMs;
        for (const message of await store.claimDueSentCopies(now, config.leaseMs, copyCapacity)) {
          if (this.copying.has(message.id)) continue;
          const job = this.copyToSent(message).finally(() => this.copying.delete(message.id));
          this.copying.set(message.id, job);
        }
      }
      this.claimBackoffMs = 0;
    } catch (error) {
      this.claimBackoffMs = Math.min(CLAIM_BACKOFF_MAX_MS, Math.max(config.pollMs, this.claimBackoffMs * 2));
      log(`outbox claim failed (next try in ${this.claimBackoffMs} ms): ${(error as Error).message}`);
    }
  }

  private async renewLeases(): Promise<void> {
    if (this.inFlight.size === 0) return;
    await this.deps.store.renewLeases([...this.inFlight.keys()], this.owner, Date.now() + this.deps.config.leaseMs).catch((error: Error) => this.deps.log(`could not renew leases: ${error.message}`));
  }

  /**
   * The profile with its secrets opened and its limits, reused while the stored rows stay the same:
   * a burst of invoices through one mailbox would otherwise decrypt its password once per message.
   */
  private openProfile(profileRow: ProfileRow, settingsRow: DeliverySettingsRow | undefined): { profile: OpenedProfile; limits: EffectiveDeliveryLimits } {
    const cached = this.openedProfiles.get(profileRow.id);
    // The same rows as last time (messages of one claimed batch share them): nothing to compare.
    if (cached && cached.rows[0] === profileRow && cached.rows[1] === settingsRow) return cached;
    const version = [profileRow.updatedAt, profileRow.data, profileRow.secrets, settingsRow?.updatedAt, settingsRow?.data, settingsRow?.serverMaxBytes].join('\0');
    if (cached && cached.version === version) {
      cached.rows = [profileRow, settingsRow];
      return cached;
    }
    const profile = openProfileSecrets(profileRow, this.deps.cipher);
    const opened = { version, rows: [profileRow, settingsRow] as [ProfileRow, DeliverySettingsRow | undefined], profile, limits: effectiveDeliveryLimits(profile.data, settingsRow) };
    // Only the latest version of each profile is kept; a deleted profile's entry goes with the next miss.
    if (this.openedProfiles.size > 1000) this.openedProfiles.clear();
    this.openedProfiles.set(profileRow.id, opened);
    return opened;
  }

  private async lookupProfile(profileId: string): Promise<ProfileLookup> {
    const profileRow = await this.deps.store.getProfile(profileId);
    return { profileRow, settingsRow: profileRow ? await this.deps.store.getDeliverySettings(profileRow.id) : undefined };
  }

  /** Frees the message's worker slot (once) and looks for more work. */
  private sendFinished(state: { slot: boolean }): void {
    if (!state.slot) return;
    state.slot = false;
    this.sending--;
    // The last send of a burst: results waiting for company go now.
    if (this.sending === 0) this.scheduleFlush();
    this.wake();
  }

  /** One attempt for one message. Never throws: every outcome is recorded on the message. */
  private async deliver(message: ClaimedMessage, lookup: (profileId: string) => Promise<ProfileLookup>): Promise<void> {
    const slot = { slot: true };
    try {
      await this.attempt(message, lookup, slot);
    } finally {
      this.sendFinished(slot);
    }
  }

  private async attempt(message: ClaimedMessage, lookup: (profileId: string) => Promise<ProfileLookup>, slot: { slot: boolean }): Promise<void> {
    const { store, config, log } = this.deps;
    const startedAt = Date.now();
    let result: AttemptResult;
    let details: FinishedAttempt['attempt'];
    let found: ProfileLookup;
    try {
      found = await lookup(message.profileId);
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
        await this.record({
          id: message.id,
          attempt: { startedAt, finishedAt: Date.now(), reply, responseCode: null, errorCode: null },
          result: { outcome: 'failed', reply, responseCode: null, problemCode: 'unknown' },
        });
        return;
      }
      const { profile, limits } = this.openProfile(profileRow, settingsRow);
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
      const envelope = JSON.parse(message.envelope) as { from: string; to: string[] };
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
      result = { outcome: 'sent', reply: sent.response };
      details = { startedAt, finishedAt: Date.now(), reply: sent.response, responseCode: Number.parseInt(sent.response, 10) || null, errorCode: null };
    } catch (error) {
      this.sendFinished(slot);
      const learnedLimit = sizeLimitFromError(error);
      if (learnedLimit) await store.recordServerMaxBytes(message.profileId, learnedLimit, Date.now()).catch(() => {});
      const decision = decideAfterFailure(error, message.attempts, config, Date.now());
      result = decision.result;
      details = { startedAt, finishedAt: Date.now(), reply: decision.reply, responseCode: decision.responseCode, errorCode: decision.errorCode };
    }
    const applied = await this.record({ id: message.id, attempt: details, result });
    if (!applied) {
      log(`message ${message.id}: lease lost before the attempt was recorded; another worker owns it`);
      return;
    }
    log(`message ${message.id}: ${result.outcome}${result.reply ? ` (${result.reply.split('\n')[0]})` : ''}`);
    observeDeliveryAttempt(result, message.createdAt);
    if (result.outcome === 'sent' && message.sentCopyStatus === 'pending') {
      this.copyCheckAt = 0;
      this.wake();
    }
  }

  /**
   * Group commit: attempts are recorded in groups, one transaction and one sync each, one group at
   * a time. While other sends are still running, a result waits up to RESULT_LINGER_MS for more to
   * join it (or until a group is full); when nothing else is being sent it goes at once. A worker
   * busy with a burst of invoices thus commits a dozen results at a time instead of one each: every
   * transaction writes its pages to the WAL, and fewer, larger ones cost the event loop far less.
   * A crash before the commit means the message is sent again: the window between the server's
   * 250 and the commit that at-least-once delivery always has, widened by at most that wait and the
   * group ahead of it.
   */
  private record(finished: FinishedAttempt): Promise<boolean> {
    return new Promise((resolve) => {
      this.pendingResults.push({ finished, done: resolve, at: Date.now() });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.flushing || this.pendingResults.length === 0) return;
    const full = this.pendingResults.length >= this.deps.config.deliveryConcurrency;
    const linger = this.sending === 0 || full || this.stopping ? 0 : this.pendingResults[0]!.at + RESULT_LINGER_MS - Date.now();
    const wait = Math.max(linger, this.recordRetryAt - Date.now());
    if (wait > 0) {
      // Looked at again when the next result arrives (the group may be full by then) or the wait ends.
      if (!this.flushTimer) {
        this.flushTimer = setTimeout(() => {
          this.flushTimer = undefined;
          this.scheduleFlush();
        }, wait);
      }
      return;
    }
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flushing = this.flushGroup().finally(() => {
        this.flushing = undefined;
        this.scheduleFlush();
      });
    });
  }

  /** Commits every pending attempt now (stop calls it after the in-flight sends). */
  private async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    // Stopping: the wait between tries is the caller's (stop), not the timer's.
    this.recordRetryAt = 0;
    await this.flushGroup();
  }

  private async flushGroup(): Promise<void> {
    const batch = this.pendingResults.splice(0);
    if (batch.length === 0) return;
    try {
      const applied = await this.deps.store.finishAttempts(
        this.owner,
        batch.map((b) => b.finished),
      );
      if (this.recordRetryMs) this.deps.log(`recorded ${batch.length} attempt(s) that had waited for the store`);
      this.recordRetryMs = 0;
      this.recordRetryAt = 0;
      batch.forEach((b, i) => b.done(applied[i] ?? false));
    } catch (error) {
      // Kept in memory, in order, and written again after a growing wait: the messages stay in
      // flight, so their leases go on being renewed and no other worker sends them again. The log
      // names the store's error: this is not a lost lease.
      this.recordRetryMs = Math.min(RECORD_RETRY_MAX_MS, Math.max(RECORD_RETRY_MIN_MS, this.recordRetryMs * 2));
      this.recordRetryAt = Date.now() + this.recordRetryMs;
      this.pendingResults.unshift(...batch);
      const code = (error as { code?: unknown }).code;
      this.deps.log(
        `could not record ${batch.length} attempt(s), keeping them and trying again in ${this.recordRetryMs} ms: ` + `${typeof code === 'string' ? `${code}: ` : ''}${(error as Error).message}`,
      );
    }
  }

  /** Appends a sent message to the Sent folder. A failure is shown on the message; the mail is never sent again. */
  private async copyToSent(message: ClaimedMessage): Promise<void> {
    const { store, cipher, config, log } = this.deps;
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
        { extraCa: config.extraCa, timeoutMs: config.smtpTimeoutMs, outbound: this.outbound },
      );
      await store.finishSentCopy(message.id, { status: 'saved', folder: copy.folder, error: null, nextAt: null });
      log(`message ${message.id}: copy ${copy.alreadyThere ? 'already' : 'saved'} in ${copy.folder}`);
    } catch (error) {
      const retryable = !(error instanceof SentCopyError) || error.retryable;
      const delay = config.retryDelaysMs[message.sentCopyAttempts - 1];
      const again = retryable && message.sentCopyAttempts < SENT_COPY_ATTEMPTS && delay !== undefined;
      const text = (error as Error).message;
      await store
        .finishSentCopy(message.id, {
          status: again ? 'pending' : 'failed',
          folder: null,
          error: text,
          nextAt: again ? Date.now() + withJitter(delay) : null,
        })
        .catch((e: Error) => log(`could not record the Sent copy of ${message.id}: ${e.message}`));
      log(`message ${message.id}: Sent copy ${again ? 'will be tried again' : 'failed'}: ${text}`);
    }
  }
}
