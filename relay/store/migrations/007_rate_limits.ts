import { sqlMigration } from './sql-migration';

/**
 * Rate limits shared by every relay instance on one PostgreSQL database (issue 9;
 * relay/limits/postgres-limiter-store.ts). A relay on SQLite is the only one on its data, so it
 * counts its rate limits in memory (MemoryLimiterStore) and needs no table.
 *
 * Each row is one key's counter; every change is one INSERT … ON CONFLICT statement, so instances
 * counting the same key at once take turns on its row. Rows past `expires_at` are swept.
 */
export default sqlMigration(({ dialect }) =>
  dialect === 'sqlite'
    ? []
    : [
        // Sliding windows: the times (epoch ms) of the hits inside the window, oldest first, and
        // whether the last attempt was let through (what the statement that changed the row returns).
        `CREATE TABLE rate_limit_windows (
          key TEXT PRIMARY KEY,
          hits BIGINT[] NOT NULL,
          allowed BOOLEAN NOT NULL,
          expires_at BIGINT NOT NULL)`,
        'CREATE INDEX rate_limit_windows_expiry ON rate_limit_windows (expires_at)',
        // Failures counted per key (refused sign-ins of sender tests), forgotten some time after the last.
        `CREATE TABLE rate_limit_failures (
          key TEXT PRIMARY KEY,
          count INTEGER NOT NULL,
          last_at BIGINT NOT NULL,
          expires_at BIGINT NOT NULL)`,
        'CREATE INDEX rate_limit_failures_expiry ON rate_limit_failures (expires_at)',
        // Holds: "one at a time" (one sender test per user), until given back or `until` passes.
        `CREATE TABLE rate_limit_holds (
          key TEXT PRIMARY KEY,
          holder TEXT NOT NULL,
          until BIGINT NOT NULL)`,
      ],
);
