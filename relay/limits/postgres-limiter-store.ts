import type pg from 'pg';
import type { FailureRecord, LimiterStore } from './limiter-store';

/** Expired rows are deleted at most this often by each instance. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Rate-limit counters in PostgreSQL (relay/store/migrations/007_rate_limits.ts), shared by every relay instance
 * on the database: hits spread over several instances count together. Each change is a single
 * INSERT … ON CONFLICT DO UPDATE, which locks the key's row, reads it and writes it in one
 * statement: instances counting one key at the same moment take turns, and none is lost.
 */
export class PostgresLimiterStore implements LimiterStore {
  private lastSweep = 0;

  /** `pool` is the store's (relay/store/postgres/postgres-store.ts), whose search_path holds the tables. */
  constructor(private readonly pool: pg.Pool) {}

  async takeSlot(key: string, max: number, windowMs: number, now: number) {
    await this.sweep(now);
    // In the UPDATE, every `w.` is the row as it was before this statement: `recent` is computed
    // once per expression from the old hits, and `allowed` records this call's answer for RETURNING.
    const recent = `ARRAY(SELECT h FROM unnest(w.hits) AS h WHERE h > $4::bigint - $3::bigint ORDER BY h)`;
    const { rows } = await this.pool.query<{ allowed: boolean; oldest: string | number | null }>(
      `INSERT INTO rate_limit_windows AS w (key, hits, allowed, expires_at)
       VALUES ($1, CASE WHEN $2::int > 0 THEN ARRAY[$4::bigint] ELSE '{}'::bigint[] END, $2::int > 0, $4::bigint + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET
         allowed = cardinality(${recent}) < $2::int,
         hits = ${recent} || CASE WHEN cardinality(${recent}) < $2::int THEN ARRAY[$4::bigint] ELSE '{}'::bigint[] END,
         expires_at = greatest(w.expires_at, $4::bigint + $3::bigint)
       RETURNING allowed, hits[1] AS oldest`,
      [key, max, windowMs, now],
    );
    const row = rows[0]!;
    if (row.allowed) return { allowed: true as const };
    const oldest = row.oldest === null ? now : Number(row.oldest);
    return { allowed: false as const, retryAfterMs: Math.max(1, oldest + windowMs - now) };
  }

  async addFailure(key: string, now: number, forgetMs: number): Promise<FailureRecord> {
    await this.sweep(now);
    const { rows } = await this.pool.query<{ count: number; lastAt: string | number }>(
      `INSERT INTO rate_limit_failures AS f (key, count, last_at, expires_at) VALUES ($1, 1, $2, $2::bigint + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN $2::bigint - f.last_at <= $3::bigint THEN f.count + 1 ELSE 1 END,
         last_at = $2, expires_at = $2::bigint + $3::bigint
       RETURNING count, last_at AS "lastAt"`,
      [key, now, forgetMs],
    );
    return { count: rows[0]!.count, lastAt: Number(rows[0]!.lastAt) };
  }

  async getFailures(key: string, now: number, forgetMs: number): Promise<FailureRecord | undefined> {
    const { rows } = await this.pool.query<{ count: number; lastAt: string | number }>(
      'SELECT count, last_at AS "lastAt" FROM rate_limit_failures WHERE key = $1 AND $2::bigint - last_at <= $3::bigint',
      [key, now, forgetMs],
    );
    return rows[0] ? { count: rows[0].count, lastAt: Number(rows[0].lastAt) } : undefined;
  }

  async clearFailures(key: string): Promise<void> {
    await this.pool.query('DELETE FROM rate_limit_failures WHERE key = $1', [key]);
  }

  async acquireHold(key: string, holder: string, until: number, now: number): Promise<boolean> {
    await this.sweep(now);
    const result = await this.pool.query(
      `INSERT INTO rate_limit_holds AS h (key, holder, until) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, until = excluded.until
       WHERE h.holder = excluded.holder OR h.until <= $4::bigint`,
      [key, holder, until, now],
    );
    return result.rowCount === 1;
  }

  async releaseHold(key: string, holder: string): Promise<void> {
    await this.pool.query('DELETE FROM rate_limit_holds WHERE key = $1 AND holder = $2', [key, holder]);
  }

  /** Deletes rows nobody needs any more; a failure here must not fail the limit check. */
  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await this.pool
      .query(
        `WITH w AS (DELETE FROM rate_limit_windows WHERE expires_at <= $1),
              f AS (DELETE FROM rate_limit_failures WHERE expires_at < $1)
         DELETE FROM rate_limit_holds WHERE until <= $1`,
        [now],
      )
      .catch(() => {});
  }
}
