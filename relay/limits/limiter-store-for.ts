import { PostgresStore } from '../store/postgres/postgres-store';
import type { Store } from '../store/types';
import { MemoryLimiterStore, type LimiterStore } from './limiter-store';
import { PostgresLimiterStore } from './postgres-limiter-store';

/**
 * Where a relay counts its rate limits: in its PostgreSQL database when it has one (every instance
 * on it shares the counts), else in memory (a relay on SQLite is the only one on its data).
 */
export function limiterStoreFor(store: Store): LimiterStore {
  return store instanceof PostgresStore ? new PostgresLimiterStore(store.pool) : new MemoryLimiterStore();
}
