import type Database from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver, type Kysely, type QueryResult } from 'kysely';
import { prepared } from './sql-thread.mjs';

/**
 * kysely's SQLite dialect on the store's own connection: transactions begin IMMEDIATE, so two processes on one file wait for each
 * other (busy_timeout) instead of failing when a reader tries to become a writer; DDL is transactional, as in SQLite, so the migrator
 * applies each run in a transaction; prepared statements are kept.
 */
export class StoreSqliteDialect extends SqliteDialect {
  constructor(private readonly db: Database.Database) {
    super({ database: db });
  }

  override createDriver(): Driver {
    return new PreparingDriver(this.db);
  }

  override createAdapter(): DialectAdapter {
    return Object.defineProperty(new SqliteAdapter(), 'supportsTransactionalDdl', { value: true });
  }
}

/** Runs synchronous work on the connection in its turn. */
export type InTurn = <T>(fn: () => T) => Promise<T>;

/**
 * The outbox's and the store's own work on the connection takes turns with the query builder's, through kysely's lock on its one
 * connection: a query-builder transaction spans several awaits, and whatever ran meanwhile would join it.
 */
export function inTurnOn(kysely: Kysely<unknown>): InTurn {
  return (fn) => kysely.connection().execute(async () => fn());
}

/** The driver is its one connection too. */
class PreparingDriver extends SqliteDriver implements DatabaseConnection {
  constructor(private readonly db: Database.Database) {
    super({ database: db });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    return this;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }

  /** The store closes its connection itself (it also has the outbox's thread to stop). */
  override async destroy(): Promise<void> {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = prepared(this.db, query.sql);
    const parameters = query.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(...parameters) as R[] };
    return { numAffectedRows: BigInt(statement.run(...parameters).changes), rows: [] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the store does not stream queries');
  }
}
