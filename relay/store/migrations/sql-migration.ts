import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export type SqlDialect = 'sqlite' | 'postgres';

/** The few words the two dialects spell differently in a migration. */
export interface DialectWords {
  dialect: SqlDialect;
  /** Epoch milliseconds and byte counts: SQLite's INTEGER is 64-bit already. */
  big: 'INTEGER' | 'BIGINT';
  bytes: 'BLOB' | 'BYTEA';
}

export function dialectOf(db: Kysely<unknown>): SqlDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * A migration written once as SQL for both dialects: the statements, given the words that differ.
 * Statements run one at a time (SQLite prepares one statement per call), inside the migrator's
 * transaction, so a migration applies completely or not at all.
 */
export function sqlMigration(statements: (words: DialectWords) => string[]): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const dialect = dialectOf(db);
      const words: DialectWords = dialect === 'postgres' ? { dialect, big: 'BIGINT', bytes: 'BYTEA' } : { dialect, big: 'INTEGER', bytes: 'BLOB' };
      for (const statement of statements(words)) await sql.raw(statement).execute(db);
    },
  };
}
