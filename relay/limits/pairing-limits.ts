import { isIPv6 } from 'node:net';
import type { LimiterStore } from './limiter-store';

/**
 * Limits on wrong pairing (and setup) codes, so that `POST /v1/pair`, the one unauthenticated way
 * to a token, cannot be used to guess codes (issue 14). Counted on the limiter store, so relay
 * instances on one PostgreSQL database share the counts.
 *
 * Only wrong codes count, in a row: a limit is reached after `max` wrong codes with less than
 * `forgetMs` between them, and then every code is refused, right or wrong, until `forgetMs` after
 * the last wrong one. The overall limit stops an attacker with many addresses; its price is that
 * during such an attack nobody can pair for a while, which beats a guessed code.
 */
export interface PairingLimitSettings {
  /** Wrong codes from one client (IPv4 address, or IPv6 /64). @default { max: 10, forgetMs: 15 min } */
  perClient: { max: number; forgetMs: number };
  /** Wrong codes from everybody together. @default { max: 50, forgetMs: 15 min } */
  overall: { max: number; forgetMs: number };
}

export const DEFAULT_PAIRING_LIMITS: PairingLimitSettings = {
  perClient: { max: 10, forgetMs: 15 * 60_000 },
  overall: { max: 50, forgetMs: 15 * 60_000 },
};

/** Pairing refused for now; the route answers 429 `rate_limited` with Retry-After. */
export class PairingRateLimitedError extends Error {
  override name = 'PairingRateLimitedError';
  constructor(
    readonly scope: 'client' | 'overall',
    readonly retryAfterMs: number,
  ) {
    super(`pairing refused for ${Math.ceil(retryAfterMs / 1000)} s (${scope})`);
  }
}

/**
 * The key of a client address: an IPv6 client usually has a whole /64 to pick addresses from, so
 * that is one client. IPv4-mapped addresses count as their IPv4 address.
 *
 * @example pairingClientKey('::ffff:192.0.2.7') // '192.0.2.7'
 * @example pairingClientKey('2001:db8:1:2:3:4:5:6') // '2001:db8:1:2::/64'
 */
export function pairingClientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const groups = expandIPv6(address);
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array.from({ length: missing }, () => '0'), ...right];
}

const clientKey = (client: string) => `pair-fail:client:${client}`;
const OVERALL_KEY = 'pair-fail:overall';

export class PairingLimits {
  constructor(
    private readonly store: LimiterStore,
    private readonly settings: PairingLimitSettings = DEFAULT_PAIRING_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws {@link PairingRateLimitedError} while either limit is reached. Call before looking at the code. */
  async admit(client: string): Promise<void> {
    const now = this.now();
    for (const [scope, key, limit] of [
      ['client', clientKey(client), this.settings.perClient],
      ['overall', OVERALL_KEY, this.settings.overall],
    ] as const) {
      const failures = await this.store.getFailures(key, now, limit.forgetMs);
      if (failures && failures.count >= limit.max) throw new PairingRateLimitedError(scope, Math.max(1000, failures.lastAt + limit.forgetMs - now));
    }
  }

  async recordWrongCode(client: string): Promise<void> {
    const now = this.now();
    await this.store.addFailure(clientKey(client), now, this.settings.perClient.forgetMs);
    await this.store.addFailure(OVERALL_KEY, now, this.settings.overall.forgetMs);
  }

  /** A right code clears the client's own count (typos before it), never the overall one. */
  async recordPaired(client: string): Promise<void> {
    await this.store.clearFailures(clientKey(client));
  }
}
