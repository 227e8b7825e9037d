/**
 * Refused SMTP AUTH attempts grow a wait, per client address and per username, in the limiter
 * store the rest of the relay uses (relay/limits/: in memory, or shared by every instance on
 * PostgreSQL), so that the door is not a password-guessing oracle for app passwords.
 */
import { createHash } from 'node:crypto';
import type { LimiterStore } from '../limits/limiter-store';
import { waitAfterFailures } from '../limits/sender-test-limits';
import type { SmtpDoorConfig } from './smtp-door-config';

/** Hashed: the limiter store (perhaps a shared database) never holds user names. */
const usernameKey = (username: string) => `smtp-auth:user:${createHash('sha256').update(username.trim().toLowerCase()).digest('hex').slice(0, 32)}`;
const addressKey = (ip: string) => `smtp-auth:ip:${ip}`;

export class SmtpAuthLimits {
  constructor(
    private readonly store: LimiterStore,
    private readonly wait: SmtpDoorConfig['authFailureWait'],
    private readonly now: () => number = Date.now,
  ) {}

  /** How long this client must wait before its next attempt is even checked (0: go ahead). */
  async waitBeforeAttempt(ip: string, username: string): Promise<number> {
    const now = this.now();
    let longest = 0;
    for (const key of [addressKey(ip), usernameKey(username)]) {
      const failures = await this.store.getFailures(key, now, this.wait.forgetMs);
      if (!failures) continue;
      longest = Math.max(longest, failures.lastAt + waitAfterFailures(failures.count, this.wait) - now);
    }
    return longest;
  }

  async record(ip: string, username: string, outcome: 'refused' | 'accepted'): Promise<void> {
    const keys = [addressKey(ip), usernameKey(username)];
    if (outcome === 'accepted') {
      await Promise.all(keys.map((key) => this.store.clearFailures(key)));
      return;
    }
    const now = this.now();
    await Promise.all(keys.map((key) => this.store.addFailure(key, now, this.wait.forgetMs)));
  }
}
