import { Readable } from 'node:stream';
import type { Transporter } from 'nodemailer';
import type { Envelope } from '../store/schema/json-columns';
import { observeSmtpDeliveryPool } from '../observability/metrics';
import { pinOutbound, type OutboundPolicy } from '../net/outbound';
import type { OpenedProfile } from '../profiles/profile-record';
import { createPooledSmtpTransport, type PoolLimits, type TransportOptions } from './smtp-transport';

interface PoolEntry {
  transporter: Transporter;
  /** Changes whenever the profile or its delivery settings change. */
  fingerprint: string;
  /** The profile's `maxConnections` when the transport was opened. */
  connections: number;
  inFlight: number;
  lastUsedAt: number;
  /** Replaced by a newer fingerprint: closed as soon as its last send returns. */
  retired: boolean;
  /** Its transporter was closed (once: a stalled send closes it before its other sends return). */
  closed?: boolean;
}

export interface SendOutcome {
  /** The server's final reply, e.g. `250 2.0.0 Ok: queued as 4711`. */
  response: string;
  /** The SIZE the server announced in EHLO, when a connection of the pool has seen one. */
  advertisedMaxBytes?: number;
  /** Recipients the server refused while it took the message for the others (nodemailer's `rejectedErrors`). */
  refused?: unknown[];
}

export interface TransportPoolOptions extends TransportOptions {
  /** A profile's connections are closed after this long without a send. @default 30_000 */
  idleMs?: number;
  /** Where the relay may connect (relay/net/outbound.ts): checked each time a transport is opened. */
  outbound: OutboundPolicy;
}

/**
 * One pooled SMTP transport per sender profile, shared by every message of that profile, so the
 * mailbox's limits on connections and messages per minute hold for the whole relay process.
 * A transport is closed when it has been idle for `idleMs`, and replaced (the old one closed once
 * its sends return) when the profile's settings change.
 */
export class TransportPool {
  private readonly entries = new Map<string, PoolEntry>();
  private readonly retired = new Set<PoolEntry>();
  /** When each profile's recent sends started, for its messages-per-minute limit; outlives transports. */
  private readonly sendStarts = new Map<string, number[]>();
  /** Transports being opened (their host being checked), by profile id and fingerprint. */
  private readonly opening = new Map<string, Promise<PoolEntry>>();
  private readonly idleMs: number;
  /** Runs while transports are open; a relay that stopped leaves no timer behind. */
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly options: TransportPoolOptions) {
    this.idleMs = options.idleMs ?? 30_000;
  }

  async send(
    profile: OpenedProfile,
    fingerprint: string,
    limits: PoolLimits,
    message: { envelope: Envelope; raw: Buffer } | { envelope: Envelope; stream: Readable; size: number },
  ): Promise<SendOutcome> {
    const size = 'raw' in message ? message.raw.length : message.size;
    let entry: PoolEntry;
    try {
      entry = await this.entryFor(profile, fingerprint, limits);
    } catch (error) {
      // Refused (or not resolvable) before a connection: the body is not read.
      if ('stream' in message) message.stream.destroy();
      throw error;
    }
    entry.inFlight++;
    entry.lastUsedAt = Date.now();
    const deadlineMs = attemptDeadlineMs(this.options.socketTimeoutMs ?? 120_000, size);
    let deadline: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_resolve, reject) => {
      deadline = setTimeout(() => {
        // A server that trickles its reply (a continuation line every second, never the last one)
        // keeps the inactivity timeout from firing: without this the message stayed `sending`
        // for ever and held a worker slot. Its connections are closed, busy ones too (`force`),
        // and the attempt is a timeout, retried later like any other.
        this.abandon(profile.id, entry);
        reject(
          Object.assign(new Error(`The server did not finish answering within ${Math.round(deadlineMs / 1000)} s of the start of this message (it answers too slowly); ETIMEDOUT`), {
            code: 'ETIMEDOUT',
          }),
        );
      }, deadlineMs);
    });
    try {
      // The size in the envelope lets nodemailer announce it (MAIL FROM ... SIZE=) and refuse
      // early when the server's EHLO SIZE is smaller.
      const info = await Promise.race([
        entry.transporter.sendMail({
          envelope: withSize(message.envelope, size),
          // A body stored in chunks comes as a stream that reads them one at a time.
          raw: 'raw' in message ? rawForSending(message.raw) : message.stream,
        }),
        stalled,
      ]);
      const advertisedMaxBytes = advertisedSizeOf(entry.transporter);
      const refused = (info as { rejectedErrors?: unknown[] }).rejectedErrors ?? [];
      return { response: String(info.response ?? ''), ...(advertisedMaxBytes ? { advertisedMaxBytes } : {}), ...(refused.length ? { refused } : {}) };
    } finally {
      clearTimeout(deadline);
      // Refused before DATA, or dropped in the middle: the rest of the body is not read.
      if ('stream' in message) message.stream.destroy();
      entry.inFlight--;
      entry.lastUsedAt = Date.now();
      if (entry.retired && entry.inFlight === 0) this.closeEntry(entry);
    }
  }

  /** Closes the transport of a profile (deleted, or its settings changed), after its sends return. */
  retire(profileId: string): void {
    const entry = this.entries.get(profileId);
    if (!entry) return;
    this.entries.delete(profileId);
    entry.retired = true;
    if (entry.inFlight === 0) this.closeEntry(entry);
    else this.retired.add(entry);
  }

  /**
   * The connections the open transports may use together: what the worker's claims are sized by
   * (0 while none is open).
   */
  openConnections(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.connections;
    return total;
  }

  closeIdle(now: number): void {
    for (const [profileId, entry] of this.entries) {
      if (entry.inFlight === 0 && now - entry.lastUsedAt >= this.idleMs) this.retire(profileId);
    }
  }

  closeAll(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    for (const profileId of [...this.entries.keys()]) this.retire(profileId);
    for (const entry of this.retired) this.closeEntry(entry);
  }

  /**
   * A sliding minute: takes a slot for a send of this profile now and returns 0, or returns how
   * long until a slot frees (fewer than `perMinute` sends started in the last 60 s). The caller
   * puts a message that must wait back into the queue rather than holding a worker slot.
   */
  reserveRateSlot(profileId: string, perMinute: number, now: number): number {
    const starts = (this.sendStarts.get(profileId) ?? []).filter((t) => t > now - 60_000);
    this.sendStarts.set(profileId, starts);
    if (starts.length < perMinute) {
      starts.push(now);
      return 0;
    }
    return starts[0]! + 60_000 - now;
  }

  private async entryFor(profile: OpenedProfile, fingerprint: string, limits: PoolLimits): Promise<PoolEntry> {
    const existing = this.entries.get(profile.id);
    if (existing && existing.fingerprint === fingerprint) return existing;
    // Sends of one profile that start together share one lookup and one transport.
    const key = `${profile.id}\0${fingerprint}`;
    let opening = this.opening.get(key);
    if (!opening) {
      opening = this.openEntry(profile, fingerprint, limits).finally(() => this.opening.delete(key));
      this.opening.set(key, opening);
    }
    return opening;
  }

  /**
   * Checks the profile's server through the outbound gate (port, every address, resolved once) and
   * opens a transport to the checked address. A refusal throws before any connection is made.
   */
  private async openEntry(profile: OpenedProfile, fingerprint: string, limits: PoolLimits): Promise<PoolEntry> {
    const { smtp } = profile.data;
    const destination = await pinOutbound(this.options.outbound, { host: smtp.host, port: smtp.port, service: 'smtp' });
    const existing = this.entries.get(profile.id);
    if (existing && existing.fingerprint === fingerprint) return existing;
    if (existing) this.retire(profile.id);
    if (!this.sweeper) {
      this.sweeper = setInterval(() => this.closeIdle(Date.now()), Math.max(100, Math.floor(this.idleMs / 2)));
      this.sweeper.unref();
    }
    const entry: PoolEntry = {
      transporter: createPooledSmtpTransport(profile, this.options, limits, destination),
      fingerprint,
      connections: limits.maxConnections,
      inFlight: 0,
      lastUsedAt: Date.now(),
      retired: false,
    };
    this.entries.set(profile.id, entry);
    observeSmtpDeliveryPool(entry, 'opened');
    return entry;
  }

  /** Closes a transport whose server stalls a send, its busy connections too; the next send opens a new one. */
  private abandon(profileId: string, entry: PoolEntry): void {
    if (this.entries.get(profileId) === entry) this.entries.delete(profileId);
    entry.retired = true;
    this.closeEntry(entry, { force: true });
  }

  private closeEntry(entry: PoolEntry, options: { force?: boolean } = {}): void {
    this.retired.delete(entry);
    if (entry.closed) return;
    entry.closed = true;
    // nodemailer's pool closes connections that are delivering only with `force` (not in its types).
    (entry.transporter as unknown as { close(options?: { force?: boolean }): void }).close(options);
    observeSmtpDeliveryPool(entry, 'closed');
  }
}

/**
 * The longest one attempt may take, however active the connection: three inactivity limits (connect
 * and greeting, the commands, the final reply) and one second for every 10 KB of the message, so a
 * large file over a slow uplink still gets through, while a server that trickles its replies cannot
 * hold a message for ever. README: OWNPOST_SMTP_TIMEOUT.
 */
export function attemptDeadlineMs(socketTimeoutMs: number, messageBytes: number): number {
  return 3 * socketTimeoutMs + Math.ceil(messageBytes / 10_000) * 1000;
}

/**
 * The largest SIZE any connection of a pooled transport read from the server's EHLO reply.
 * nodemailer keeps it on its connection objects without a public accessor; when its internals
 * change this returns undefined, and the limit is still learned from a refused message.
 */
function advertisedSizeOf(transporter: Transporter): number | undefined {
  const pool = (transporter as unknown as { transporter?: { _connections?: unknown[] } }).transporter;
  let largest: number | undefined;
  for (const resource of pool?._connections ?? []) {
    const size = (resource as { connection?: { _maxAllowedSize?: unknown } }).connection?._maxAllowedSize;
    if (typeof size === 'number' && size > 0) largest = Math.max(largest ?? 0, size);
  }
  return largest;
}

/**
 * nodemailer's envelope: `size` (MAIL FROM … SIZE=, which its types do not list) and, for a message
 * with 8-bit bytes, `use8BitMime` (MAIL FROM … BODY=8BITMIME where the server offers 8BITMIME).
 */
function withSize(envelope: Envelope, size: number): { from: string; to: string[]; size: number; use8BitMime?: true } {
  return { size, from: envelope.from, to: envelope.to, ...(envelope.eightBit ? { use8BitMime: true } : {}) };
}

/** Messages larger than this go to nodemailer as a stream of slices of their bytes. */
const STREAM_ABOVE_BYTES = 256 * 1024;
const SLICE_BYTES = 64 * 1024;

/**
 * The bytes of a message as nodemailer should read them. A large Buffer handed over whole passes
 * its dot-stuffing as one chunk: a second copy of the message, written to the socket at once (a
 * third, in the socket's buffer, while the server reads it). Slices of the same memory, read as a
 * stream, go through with back-pressure, a slice at a time.
 */
function rawForSending(raw: Buffer): Buffer | Readable {
  if (raw.length <= STREAM_ABOVE_BYTES) return raw;
  function* slices() {
    for (let offset = 0; offset < raw.length; offset += SLICE_BYTES) yield raw.subarray(offset, offset + SLICE_BYTES);
  }
  return Readable.from(slices(), { objectMode: false });
}

/** "Message size larger than allowed 100000": nodemailer's own refusal, before sending a byte. */
export function sizeLimitFromError(error: unknown): number | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'EMESSAGE' || typeof message !== 'string') return undefined;
  const match = /larger than allowed (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}
