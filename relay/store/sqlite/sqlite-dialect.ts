import type Database from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver, type QueryResult } from 'kysely';
import type { ConnectionLock } from './connection-lock';
import { prepared } from './sql-thread.mjs';

/**
 * kysely's SQLite dialect on the store's own connection, taken in turns with the outbox (ConnectionLock); transactions begin
 * IMMEDIATE, so two processes on one file wait for each other (busy_timeout) instead of failing when a reader tries to become a
 * writer; DDL is transactional, as in SQLite, so the migrator applies each run in a transaction; prepared statements are kept.
 */
export class StoreSqliteDialect extends SqliteDialect {
  constructor(
    private readonly db: Database.Database,
    private readonly lock: ConnectionLock,
  ) {
    super({ database: db });
  }

  override createDriver(): Driver {
    return new TurnTakingDriver(this.db, this.lock);
  }

  override createAdapter(): DialectAdapter {
    return Object.defineProperty(new SqliteAdapter(), 'supportsTransactionalDdl', { value: true });
  }
}

/** The driver is its one connection too. */
class TurnTakingDriver extends SqliteDriver implements DatabaseConnection {
  constructor(
    private readonly db: Database.Database,
    private readonly lock: ConnectionLock,
  ) {
    super({ database: db });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.acquire();
    return this;
  }

  override async releaseConnection(): Promise<void> {
    this.lock.release();
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
