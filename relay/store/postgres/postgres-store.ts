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

/**
 * `query`'s arguments, a parameterised statement's text given a name: a statement run again and again is parsed and planned once
 * per connection, which halved the database's CPU per delivered message.
 */
function namedStatement(args: unknown[]): unknown[] {
  const [text, values, ...rest] = args;
  if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || typeof rest[0] === 'function') return args;
  let name = statementNames.get(text);
  if (!name) {
    if (statementNames.size >= MAX_NAMED_STATEMENTS) return args;
    statementNames.set(text, (name = `ownpost_${statementNames.size}`));
  }
  return [{ name, text, values }];
}

/** A prepared statement whose result's columns changed under it (a newer instance added a column `select *` returns) fails so until prepared again. */
const isStalePlan = (error: unknown) => (error as { code?: unknown }).code === '0A000' && /cached plan must not change result type/.test((error as Error).message);

/** `result`, with its failure (if a promise that fails) marked as the store's own. */
const marked = (result: unknown) => (result instanceof Promise ? result.catch((error: unknown) => Promise.reject(markStoreError(error))) : result);

/** Per client: its last query's failure, and whether it is between BEGIN and COMMIT/ROLLBACK (then a failed statement is not tried again). */
const CLIENT_STATE = Symbol('ownpost.clientState');
type MarkedClient = pg.PoolClient & { [CLIENT_STATE]?: { failure?: Error; inTransaction: boolean }; connection?: { parsedStatements?: Record<string, string> } };

/**
 * A pool client whose queries' failures are marked as the store's. Like pool.query's, it is destroyed on release when its last query
 * failed (a timed-out connection must not serve the next request). The pool listens for a client's errors only while it is idle: a
 * reset while checked out would end the process with an unhandled 'error'. Outside a transaction, a stale named statement runs again.
 */
function markingClient(client: MarkedClient, prepared: boolean): MarkedClient {
  let state = client[CLIENT_STATE];
  if (state) Object.assign(state, { failure: undefined, inTransaction: false });
  else {
    const fresh = (state = client[CLIENT_STATE] = { inTransaction: false } as NonNullable<MarkedClient[typeof CLIENT_STATE]>);
    client.on('error', (error: Error) => (fresh.failure = error));
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const run = (args: unknown[]): unknown => {
      const named = prepared ? namedStatement(args) : args;
      const result = query(...named);
      if (!(result instanceof Promise) || named === args || fresh.inTransaction) return result;
      return result.catch(async (error: unknown) => {
        if (!isStalePlan(error)) throw error;
        const { name } = named[0] as { name: string };
        await query(`DEALLOCATE ${name}`);
        if (client.connection?.parsedStatements) delete client.connection.parsedStatements[name];
        return query(...named);
      });
    };
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const text = typeof args[0] === 'string' ? args[0] : undefined;
      if (text && /^\s*(begin|start transaction)\b/i.test(text)) fresh.inTransaction = true;
      else if (text && /^\s*(commit|rollback|end)\s*;?\s*$/i.test(text)) fresh.inTransaction = false;
      const result = run(args);
      if (!(result instanceof Promise)) return result;
      return result.then(
        (value: unknown) => ((fresh.failure = undefined), value),
        (error: Error) => ((fresh.failure = error), Promise.reject(markStoreError(error))),
      );
    };
  }
  // The pool gives the client a new release at every checkout: wrapped each time.
  const release = client.release.bind(client);
  const failure = state;
  client.release = (error?: Error | boolean) => release(error ?? failure.failure);
  return client;
}

/**
 * The pool, with timeouts and keepalive (issue 15: a stalled connection hung every request for the whole stall; the server cancels a
 * statement a little before the client gives up on it, so the connection stays usable), its clients marking their failures as the store's
 * (answered 503 store_unavailable, while a mail server's ECONNREFUSED stays its own), and pool.query on such a client.
 */
function openPool(connectionString: string, options: PostgresStoreOptions): pg.Pool {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS;
  const pool = new pg.Pool({
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
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { connect: unknown }).connect = (...args: unknown[]) => {
    const result = connect(...args);
    return result instanceof Promise ? marked(result.then((client: MarkedClient) => markingClient(client, options.prepared ?? true))) : result;
  };
  (pool as { query: unknown }).query = (...args: unknown[]) => {
    if (typeof args[0] !== 'string' || typeof args[args.length - 1] === 'function') return marked(query(...args));
    return (async () => {
      const client = await pool.connect();
      try {
        return await client.query(...(args as [string, unknown[]]));
      } finally {
        client.release();
      }
    })();
  };
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
    this.outbox = new PostgresOutbox(this.pool);
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
