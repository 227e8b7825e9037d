/**
 * One contract, two limiter stores: the in-memory one (a relay on SQLite) and the PostgreSQL one
 * (several relay instances). Each count is atomic per key, also under concurrent callers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryLimiterStore, type LimiterStore } from '../../relay/limits/limiter-store';
import { PostgresLimiterStore } from '../../relay/limits/postgres-limiter-store';
import { PostgresStore } from '../../relay/store/postgres/postgres-store';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/postgres';

const implementations: { name: string; open: () => Promise<{ limiter: LimiterStore; cleanup: () => Promise<void> }> }[] = [
  { name: 'memory', open: async () => ({ limiter: new MemoryLimiterStore(), cleanup: async () => {} }) },
  {
    name: 'postgres',
    open: async () => {
      const schema = freshSchemaName();
      const store = await PostgresStore.open(TEST_DATABASE_URL, { schema });
      return {
        limiter: new PostgresLimiterStore(store.pool),
        cleanup: async () => {
          await store.close();
          await dropSchema(schema);
        },
      };
    },
  },
];

describe.each(implementations)('limiter store contract: $name', ({ open }) => {
  let limiter: LimiterStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ limiter, cleanup } = await open());
  });
  afterAll(() => cleanup());
  /** A key of its own for each test. */
  const key = (name: string) => `${name}:${randomUUID()}`;

  it('keeps a sliding window, says when the oldest hit leaves it, and does not count refused tries', async () => {
    const k = key('tests');
    expect(await limiter.takeSlot(k, 2, 1000, 0)).toEqual({ allowed: true });
    expect(await limiter.takeSlot(k, 2, 1000, 400)).toEqual({ allowed: true });
    expect(await limiter.takeSlot(k, 2, 1000, 900)).toEqual({ allowed: false, retryAfterMs: 100 });
    expect(await limiter.takeSlot(k, 2, 1000, 999)).toEqual({ allowed: false, retryAfterMs: 1 });
    // At 1000 the first hit has left the window; the refused tries never entered it.
    expect(await limiter.takeSlot(k, 2, 1000, 1000)).toEqual({ allowed: true });
    expect(await limiter.takeSlot(k, 2, 1000, 1001)).toEqual({ allowed: false, retryAfterMs: 399 });
    expect(await limiter.takeSlot(k, 2, 1000, 1400)).toEqual({ allowed: true });
    expect(await limiter.takeSlot(key('other'), 2, 1000, 1400)).toEqual({ allowed: true });
  });

  it('lets exactly `max` of many simultaneous hits on one key through', async () => {
    const k = key('race');
    const results = await Promise.all(Array.from({ length: 25 }, () => limiter.takeSlot(k, 5, 60_000, 5000)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.filter((r) => !r.allowed)).toEqual(Array.from({ length: 20 }, () => ({ allowed: false, retryAfterMs: 60_000 })));
  });

  it('counts failures, forgets them after a quiet while, and clears them', async () => {
    const k = key('auth-fail');
    expect(await limiter.getFailures(k, 0, 1000)).toBeUndefined();
    expect(await limiter.addFailure(k, 0, 1000)).toEqual({ count: 1, lastAt: 0 });
    expect(await limiter.addFailure(k, 500, 1000)).toEqual({ count: 2, lastAt: 500 });
    expect(await limiter.getFailures(k, 1500, 1000)).toEqual({ count: 2, lastAt: 500 });
    expect(await limiter.getFailures(k, 1501, 1000)).toBeUndefined();
    expect(await limiter.addFailure(k, 1600, 1000)).toEqual({ count: 1, lastAt: 1600 });
    await limiter.clearFailures(k);
    expect(await limiter.getFailures(k, 1600, 1000)).toBeUndefined();
    await limiter.clearFailures(k);
  });

  it('counts every one of many simultaneous failures', async () => {
    const k = key('auth-fail-race');
    const counts = await Promise.all(Array.from({ length: 12 }, () => limiter.addFailure(k, 100, 60_000)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await limiter.getFailures(k, 100, 60_000)).toEqual({ count: 12, lastAt: 100 });
  });

  it('gives a hold to one holder at a time, until it is given back or runs out', async () => {
    const k = key('running');
    expect(await limiter.acquireHold(k, 'a', 1000, 0)).toBe(true);
    expect(await limiter.acquireHold(k, 'b', 1000, 10)).toBe(false);
    expect(await limiter.acquireHold(k, 'a', 2000, 10)).toBe(true); // the holder may extend it
    await limiter.releaseHold(k, 'b'); // not b's to give back
    expect(await limiter.acquireHold(k, 'b', 3000, 20)).toBe(false);
    await limiter.releaseHold(k, 'a');
    expect(await limiter.acquireHold(k, 'b', 3000, 20)).toBe(true);
    // b dies without giving it back: free once its time is up.
    expect(await limiter.acquireHold(k, 'c', 4000, 2999)).toBe(false);
    expect(await limiter.acquireHold(k, 'c', 4000, 3000)).toBe(true);
  });

  it('gives a hold to exactly one of many simultaneous holders', async () => {
    const k = key('running-race');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => limiter.acquireHold(k, `holder-${i}`, 60_000, 0)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('limiter store on PostgreSQL, two relay instances', () => {
  const schema = freshSchemaName();
  let stores: PostgresStore[] = [];
  beforeAll(async () => {
    stores = await Promise.all([PostgresStore.open(TEST_DATABASE_URL, { schema }), PostgresStore.open(TEST_DATABASE_URL, { schema })]);
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await dropSchema(schema);
  });

  it('counts hits and failures made through either instance together', async () => {
    const [a, b] = stores.map((s) => new PostgresLimiterStore(s.pool)) as [PostgresLimiterStore, PostgresLimiterStore];
    const hits = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).takeSlot('tests:user:u1', 6, 60_000, 1000)));
    expect(hits.filter((h) => h.allowed)).toHaveLength(6);
    expect(await b.takeSlot('tests:user:u1', 6, 60_000, 2000)).toEqual({ allowed: false, retryAfterMs: 59_000 });

    await a.addFailure('auth-fail:user:u1', 10, 60_000);
    expect(await b.addFailure('auth-fail:user:u1', 20, 60_000)).toEqual({ count: 2, lastAt: 20 });
    await a.clearFailures('auth-fail:user:u1');
    expect(await b.getFailures('auth-fail:user:u1', 30, 60_000)).toBeUndefined();

    expect(await a.acquireHold('running:user:u1', 'on-a', 60_000, 0)).toBe(true);
    expect(await b.acquireHold('running:user:u1', 'on-b', 60_000, 0)).toBe(false);
  });

  it('sweeps rows whose time is up', async () => {
    const limiter = new PostgresLimiterStore(stores[0]!.pool);
    await limiter.takeSlot('old-window', 1, 1000, 100_000);
    await limiter.addFailure('old-failure', 100_000, 1000);
    await limiter.acquireHold('old-hold', 'h', 101_000, 100_000);
    // The next call at least a minute later deletes what expired by then, and keeps the rest.
    await limiter.takeSlot('new-window', 1, 1000, 200_000);
    const { rows } = await stores[0]!.pool.query(`SELECT key FROM rate_limit_windows UNION ALL SELECT key FROM rate_limit_failures UNION ALL SELECT key FROM rate_limit_holds`);
    const keys = rows.map((r: { key: string }) => r.key);
    expect(keys).toContain('new-window');
    expect(keys.filter((k: string) => k.startsWith('old-'))).toEqual([]);
  });
});
