import { createHash, randomUUID } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { canonicalIp } from '../net/ip-address';
import type { LimiterStore } from './limiter-store';

/**
 * Limits on sender tests, so that the test endpoints are neither a password-guessing tool against
 * somebody's mailbox nor a way to get a mailbox locked (Microsoft's "account locked" grows with
 * every failure).
 */
export interface SenderTestLimitSettings {
  /**
   * Tests one user may run in a sliding window (OWNPOST_TEST_LIMIT, e.g. `20/15m`).
   * @default { max: 20, windowMs: 15 min }
   */
  testsPerWindow: { max: number; windowMs: number };
  /**
   * The wait after sign-ins the server refused, per user and per mailbox account: `free` refusals
   * cost nothing (typos happen), then the wait starts at `firstMs` and doubles up to `maxMs`.
   * A passing sign-in clears it; refusals are forgotten `forgetMs` after the last one.
   * @default { free: 3, firstMs: 30 s, maxMs: 1 h, forgetMs: 24 h }
   */
  authFailureWait: { free: number; firstMs: number; maxMs: number; forgetMs: number };
}

export const DEFAULT_SENDER_TEST_LIMITS: SenderTestLimitSettings = {
  testsPerWindow: { max: 20, windowMs: 15 * 60_000 },
  authFailureWait: { free: 3, firstMs: 30_000, maxMs: 60 * 60_000, forgetMs: 24 * 60 * 60_000 },
};

/** A test refused for now; the HTTP layer answers 429 with Retry-After. */
export class TestRateLimitedError extends Error {
  override name = 'TestRateLimitedError';
  constructor(
    readonly reason: 'tests' | 'auth_failures' | 'busy',
    readonly retryAfterMs: number,
  ) {
    super(`sender test refused for ${Math.ceil(retryAfterMs / 1000)} s (${reason})`);
  }
}

/** The mailbox account a test signs in to. */
export interface SignInAccount {
  host: string;
  username: string;
}

/** The growing wait after `count` refusals. @example waitAfterFailures(5, {free: 3, firstMs: 30_000, maxMs: 3_600_000}) // 60_000 */
export function waitAfterFailures(count: number, wait: Pick<SenderTestLimitSettings['authFailureWait'], 'free' | 'firstMs' | 'maxMs'>): number {
  if (count <= wait.free) return 0;
  return Math.min(wait.maxMs, wait.firstMs * 2 ** Math.min(count - wait.free - 1, 30));
}

/**
 * How long a running test holds its user's "one at a time": longer than any test takes (each of its
 * steps has a timeout), so it only matters when a relay dies in the middle of a test.
 */
const RUNNING_TEST_HOLD_MS = 5 * 60_000;

const userKey = (userId: string) => `auth-fail:user:${userId}`;
/**
 * The host as one spelling per server (issue 14): `SMTP.Example.com.`, `smtp.example.com`,
 * `smtp.bücher.de` and `smtp.xn--bcher-kva.de`, `127.1` and `127.0.0.1` reach the same mailbox,
 * so a new spelling must not start the wait after refused sign-ins from zero.
 */
export function normalisedMailHost(host: string): string {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '');
  const ip = canonicalIp(bare);
  if (ip) return ip;
  // IDNA (UTS #46) to A-labels; an empty answer means it is no valid domain: keep the text.
  return domainToASCII(bare) || bare;
}

/** Hashed: the limiter store (perhaps a shared database) never holds mailbox user names. */
const accountKey = (account: SignInAccount) =>
  `auth-fail:account:${createHash('sha256')
    .update(`${normalisedMailHost(account.host)}\n${account.username.trim().toLowerCase()}`)
    .digest('hex')
    .slice(0, 32)}`;

export class SenderTestLimits {
  constructor(
    private readonly store: LimiterStore,
    private readonly settings: SenderTestLimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Lets a test start, or throws {@link TestRateLimitedError}. The caller must call the returned
   * function when the test is over, and wait for it before it answers: the user's next test, on any
   * instance, must find the turn free. `account` is given when the test will sign in.
   */
  async admit(userId: string, account: SignInAccount | undefined): Promise<() => Promise<void>> {
    // One test at a time per user, across every relay instance that shares the limiter store:
    // parallel tests would get around the growing wait.
    const now = this.now();
    const runningKey = `running:user:${userId}`;
    const holder = randomUUID();
    if (!(await this.store.acquireHold(runningKey, holder, now + RUNNING_TEST_HOLD_MS, now))) throw new TestRateLimitedError('busy', 2000);
    // A hold that cannot be given back (the store is down) ends by itself after RUNNING_TEST_HOLD_MS.
    const release = () => this.store.releaseHold(runningKey, holder).catch(() => {});
    try {
      if (account) {
        const wait = this.settings.authFailureWait;
        for (const key of [userKey(userId), accountKey(account)]) {
          const failures = await this.store.getFailures(key, now, wait.forgetMs);
          if (!failures) continue;
          const until = failures.lastAt + waitAfterFailures(failures.count, wait);
          if (until > now) throw new TestRateLimitedError('auth_failures', until - now);
        }
      }
      const { max, windowMs } = this.settings.testsPerWindow;
      const slot = await this.store.takeSlot(`tests:user:${userId}`, max, windowMs, now);
      if (!slot.allowed) throw new TestRateLimitedError('tests', slot.retryAfterMs);
      return release;
    } catch (error) {
      await release();
      throw error;
    }
  }

  /** Records how a test's sign-in went: a refusal grows the wait, an acceptance clears it. */
  async recordSignIn(userId: string, account: SignInAccount, outcome: 'refused' | 'accepted'): Promise<void> {
    const keys = [userKey(userId), accountKey(account)];
    if (outcome === 'accepted') {
      await Promise.all(keys.map((key) => this.store.clearFailures(key)));
      return;
    }
    const now = this.now();
    await Promise.all(keys.map((key) => this.store.addFailure(key, now, this.settings.authFailureWait.forgetMs)));
  }
}
