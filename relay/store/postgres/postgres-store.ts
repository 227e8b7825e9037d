import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../migrations/migrate-to-latest';
import { storeDbOf, type StoreDb } from '../repositories/store-db';
import { storeRepositories, type StoreRepositories } from '../repositories/store-repositories';
import { markStoreError } from '../store-errors';
import { outboxMethods, type Outbox, type Store } from '../types';
import { PostgresOutbox } from './postgres-outbox';

/** Any fixed number: every relay instance takes this advisory lock while it migrates. */
const MIGRATION_LOCK = 774_177_001;
const INT8_OID = 20;
/** OWNPOST_DB_TIMEOUT's default. */
const DEFAULT_DB_TIMEOUT_MS = 10_000;
/** Statement texts named (prepared) at most; later ones (a text made for one run) go unnamed. */
const MAX_NAMED_STATEMENTS = 1_000;
const statementNames = new Map<string, string>();

const searchPath = (schema?: string) => (schema ? { options: `-c search_path=${schema}` } : {});

/** A parameterised statement's name: a statement run again and again is parsed and planned once per connection, which halved the database's CPU per delivered message. */
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(text, (name = `ownpost_${statementNames.size}`));
  return name;
}

/** A prepared statement whose result's columns changed under it (a newer instance added a column `select *` returns) fails so until prepared again. */
const isStalePlan = (error: unknown) => (error as { code?: unknown }).code === '0A000' && /cached plan must not change result type/.test((error as Error).message);

type Callback = (error: Error | undefined, result?: unknown) => void;
type Release = (error?: Error | boolean) => void;

/** `promise`, or its outcome given to `callback`: the pool itself calls its clients in pg's callback style. */
const answer = (promise: Promise<unknown>, callback?: Callback) => (callback ? void promise.then((result) => callback(undefined, result), callback) : promise) as never;

/**
 * The pool's connections: their failures marked as the store's (answered 503 store_unavailable, while a mail server's ECONNREFUSED
 * stays its own) and, like pool.query's, one whose last query failed is destroyed on release (a timed-out connection must not serve
 * the next request). Each listens for its own errors: the pool does only while it is idle, and a reset while checked out would end
 * the process with an unhandled 'error'. Outside a transaction, a stale named statement runs again.
 */
function storeClient(prepared: boolean) {
  return class StoreClient extends pg.Client {
    private failure: Error | undefined;
    /** Between BEGIN and COMMIT/ROLLBACK: a failed statement is not tried again. */
    private inTransaction = false;
    private poolRelease: Release = () => {};

    constructor(config?: pg.ClientConfig) {
      super(config);
      this.on('error', (error: Error) => (this.failure = error));
    }

    /** The pool gives the client a new release at every checkout. */
    set release(release: Release) {
      Object.assign(this, { failure: undefined, inTransaction: false, poolRelease: release });
    }

    get release(): Release {
      return (error) => this.poolRelease(error ?? this.failure);
    }

    override connect(callback?: (...args: never[]) => void): never {
      return answer(
        super.connect().catch((error: unknown) => Promise.reject(markStoreError(error))),
        callback as Callback | undefined,
      );
    }

    override query(...args: unknown[]): never {
      const callback = typeof args.at(-1) === 'function' ? (args.pop() as Callback) : undefined;
      const [text, values] = args;
      const query = (...query: unknown[]) => (super.query as (...query: unknown[]) => Promise<unknown>).apply(this, query);
      if (typeof text !== 'string') return answer(this.settled(query(...args)), callback);
      if (/^\s*(begin|start transaction)\b/i.test(text)) this.inTransaction = true;
      else if (/^\s*(commit|rollback|end)\s*;?\s*$/i.test(text)) this.inTransaction = false;
      const name = prepared && Array.isArray(values) && values.length > 0 ? statementName(text) : undefined;
      if (!name) return answer(this.settled(query(...args)), callback);
      const named = () => query({ name, text, values });
      const retried = named().catch(async (error: unknown) => {
        if (this.inTransaction || !isStalePlan(error)) throw error;
        await query(`DEALLOCATE ${name}`);
        delete (this as { connection?: { parsedStatements?: Record<string, string> } }).connection?.parsedStatements?.[name];
        return named();
      });
      return answer(this.settled(retried), callback);
    }

    /** `result`, its failure remembered (until the next success) and marked as the store's. */
    private settled(result: Promise<unknown>): Promise<unknown> {
      return result.then(
        (value) => ((this.failure = undefined), value),
        (error: Error) => ((this.failure = error), Promise.reject(markStoreError(error))),
      );
    }
  };
}

/**
 * The pool, with timeouts and keepalive (issue 15: a stalled connection hung every request for the whole stall; the server cancels a
 * statement a little before the client gives up on it, so the connection stays usable), on the store's connections (storeClient).
 */
function openPool(connectionString: string, options: PostgresStoreOptions): pg.Pool {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS;
  const pool = new pg.Pool({
    Client: storeClient(options.prepared ?? true),
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: Math.min(timeoutMs, 5_000),
    query_timeout: timeoutMs,
    statement_timeout: Math.max(100, Math.floor(timeoutMs * 0.8)),
    idle_in_transaction_session_timeout: Math.max(1_000, timeoutMs * 3),
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...searchPath(options.schema),
    // BIGINT (epoch ms) as numbers: every value we store fits in 2^53.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client's error (database restarted) must not crash the relay; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

export interface PostgresStoreOptions {
  /** Isolates tests sharing one database. */
  schema?: string;
  max?: number;
  timeoutMs?: number;
  /** Named statements, on by default; off for a pooler that cannot keep them (PgBouncer in transaction mode before 1.21). */
  prepared?: boolean;
}

// The repositories' and the outbox's methods, put into the store by the constructor.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PostgresStore extends StoreRepositories, Outbox {}

/** The store for several relay instances sharing one PostgreSQL database: every piece of state lives in the database. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly storeDb: StoreDb;
  private readonly outbox: PostgresOutbox;

  private constructor(connectionString: string, options: PostgresStoreOptions) {
    this.pool = openPool(connectionString, options);
    this.storeDb = storeDbOf(new Kysely<unknown>({ dialect: new PostgresDialect({ pool: this.pool }) }), 'postgres');
    this.outbox = new PostgresOutbox(this.pool, this.storeDb);
    Object.assign(this, storeRepositories(this.storeDb), outboxMethods(this.outbox));
  }

  /** Connects and applies pending migrations. */
  static async open(connectionString: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    await PostgresStore.migrate(connectionString, options.schema);
    return new PostgresStore(connectionString, options);
  }

  /** On a connection without the pool's timeouts (an index on a large outbox may take minutes), under an advisory lock: relays that start together take turns. */
  private static async migrate(connectionString: string, schema?: string): Promise<void> {
    const pool = new pg.Pool({ connectionString, max: 1, ...searchPath(schema) });
    pool.on('error', () => {});
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    try {
      await db.connection().execute(async (connection) => {
        await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
        try {
          if (schema) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(connection);
          const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(connection);
          await migrateToLatest(connection, { schema: rows[0]!.schema });
        } finally {
          await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection).catch(() => {});
        }
      });
    } catch (error) {
      throw markStoreError(error);
    } finally {
      await db.destroy();
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async checkWritable(): Promise<void> {
    this.outbox.storageFailure.check();
    // A standby (after a failover, or a misconfigured URL) answers queries but takes no write.
    const { rows } = await this.pool.query<{ readOnly: boolean }>(`SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on' AS "readOnly"`);
    if (rows[0]?.readOnly) throw Object.assign(new Error('the database is read-only'), { code: '25006' });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
