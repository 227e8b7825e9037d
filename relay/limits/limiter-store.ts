/**
 * Counters behind the relay's rate limits. The interface is all a limit policy may use, and every
 * method is async and atomic per key, so that a PostgreSQL implementation (issue 9: several relay
 * instances share one count) can replace the in-memory one without touching the policies.
 */
export interface LimiterStore {
  /**
   * Sliding window: records a hit for `key` when it had fewer than `max` hits in the last
   * `windowMs`, else records nothing and says when the oldest hit leaves the window.
   */
  takeSlot(key: string, max: number, windowMs: number, now: number): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }>;
  /** Counts one more failure for `key`; failures older than `forgetMs` before this one are forgotten first. */
  addFailure(key: string, now: number, forgetMs: number): Promise<FailureRecord>;
  /** The failures counted for `key`, unless the last is more than `forgetMs` old. */
  getFailures(key: string, now: number, forgetMs: number): Promise<FailureRecord | undefined>;
  clearFailures(key: string): Promise<void>;
  /**
   * Takes `key` for `holder` until `until`, unless another holder has it and their hold has not run
   * out by `now`. True when `holder` now has it. A holder that dies keeps it until `until`.
   */
  acquireHold(key: string, holder: string, until: number, now: number): Promise<boolean>;
  /** Gives a hold back; nothing happens when `holder` no longer has it. */
  releaseHold(key: string, holder: string): Promise<void>;
}

export interface FailureRecord {
  count: number;
  lastAt: number;
}

/** Forgotten keys are swept at most this often, so memory stays bounded by recent activity. */
const SWEEP_EVERY_MS = 60_000;

/**
 * One relay process's counters in memory. Enough for one relay (the embedded SQLite setup); a
 * restart forgets them, which costs an attacker nothing they could not get by waiting the window.
 * Relays on PostgreSQL share theirs instead (relay/limits/postgres-limiter-store.ts).
 */
export class MemoryLimiterStore implements LimiterStore {
  private readonly slots = new Map<string, { hits: number[]; windowMs: number }>();
  private readonly failures = new Map<string, FailureRecord & { forgetMs: number }>();
  private readonly holds = new Map<string, { holder: string; until: number }>();
  private lastSweep = 0;

  async takeSlot(key: string, max: number, windowMs: number, now: number) {
    this.sweep(now);
    const entry = this.slots.get(key) ?? { hits: [], windowMs };
    entry.windowMs = windowMs;
    entry.hits = entry.hits.filter((at) => at > now - windowMs);
    if (entry.hits.length >= max) {
      this.slots.set(key, entry);
      return { allowed: false as const, retryAfterMs: Math.max(1, entry.hits[0]! + windowMs - now) };
    }
    entry.hits.push(now);
    this.slots.set(key, entry);
    return { allowed: true as const };
  }

  async addFailure(key: string, now: number, forgetMs: number) {
    this.sweep(now);
    const known = this.failures.get(key);
    const count = known && now - known.lastAt <= forgetMs ? known.count + 1 : 1;
    const record = { count, lastAt: now, forgetMs };
    this.failures.set(key, record);
    return { count, lastAt: now };
  }

  async getFailures(key: string, now: number, forgetMs: number) {
    const known = this.failures.get(key);
    if (!known || now - known.lastAt > forgetMs) return undefined;
    return { count: known.count, lastAt: known.lastAt };
  }

  async clearFailures(key: string) {
    this.failures.delete(key);
  }

  async acquireHold(key: string, holder: string, until: number, now: number) {
    this.sweep(now);
    const current = this.holds.get(key);
    if (current && current.holder !== holder && current.until > now) return false;
    this.holds.set(key, { holder, until });
    return true;
  }

  async releaseHold(key: string, holder: string) {
    // Synchronous before the first await: in one process, a hold given back is free at once.
    if (this.holds.get(key)?.holder === holder) this.holds.delete(key);
  }

  private sweep(now: number) {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, entry] of this.slots) if (!entry.hits.some((at) => at > now - entry.windowMs)) this.slots.delete(key);
    for (const [key, entry] of this.failures) if (now - entry.lastAt > entry.forgetMs) this.failures.delete(key);
    for (const [key, entry] of this.holds) if (entry.until <= now) this.holds.delete(key);
  }
}
