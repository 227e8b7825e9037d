import type Database from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDialect, type DatabaseConnection, type DialectAdapter, type Driver, type QueryResult } from 'kysely';
import type { ConnectionLock } from './connection-lock';

/**
 * kysely's SQLite dialect on the store's own connection, changed: the connection is taken in turns
 * with the outbox (ConnectionLock); transactions begin IMMEDIATE, so two processes on one file wait for
 * each other (busy_timeout) instead of failing when a reader tries to become a writer; DDL is
 * transactional, as in SQLite, so the migrator applies each run in a transaction; prepared statements
 * are kept (the same few queries run on every request).
 */
export class StoreSqliteDialect extends SqliteDialect {
  constructor(
    private readonly db: Database.Database,
    private readonly lock: ConnectionLock,
  ) {
    super({ database: db });
  }

  override createDriver(): Driver {
    return new TurnTakingDriver(new CachingConnection(this.db), this.lock);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
}

class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TurnTakingDriver implements Driver {
  constructor(
    private readonly connection: CachingConnection,
    private readonly lock: ConnectionLock,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.acquire();
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    this.lock.release();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  /** The store closes its connection itself (it also has the outbox's thread to stop). */
  async destroy(): Promise<void> {}
}

class CachingConnection implements DatabaseConnection {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    let statement = this.statements.get(query.sql);
    if (!statement) this.statements.set(query.sql, (statement = this.db.prepare(query.sql)));
    const parameters = query.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(...parameters) as R[] };
    const { changes } = statement.run(...parameters);
    return { numAffectedRows: BigInt(changes), rows: [] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the store does not stream queries');
  }
}
