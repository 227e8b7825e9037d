import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../migrations/migrate-to-latest';
import { storeDbOf, type StoreDb } from '../repositories/store-db';
import { storeRepositories, type StoreRepositories } from '../repositories/store-repositories';
import { markStoreError, RecentStorageFailure } from '../store-errors';
import { outboxMethods, type Outbox, type Store } from '../types';
import { PostgresOutbox } from './postgres-outbox';

/** Any fixed number: every relay instance takes this advisory lock while it migrates. */
const MIGRATION_LOCK = 774_177_001;
const INT8_OID = 20;
/** The longest a query may take before the relay gives up on it (OWNPOST_DB_TIMEOUT). @default 10 s */
const DEFAULT_DB_TIMEOUT_MS = 10_000;

/**
 * Timeouts and keepalive for the pool (issue 15): without them a stalled connection (a firewall that
 * drops packets, a frozen database host) hung every request for the whole stall. The server cancels
 * a statement a little before the client gives up on it (the connection stays usable); the client's
 * own limit covers a network that carries nothing at all.
 */
function poolTimeouts(timeoutMs: number) {
  return {
    connectionTimeoutMillis: Math.min(timeoutMs, 5_000),
    query_timeout: timeoutMs,
    statement_timeout: Math.max(100, Math.floor(timeoutMs * 0.8)),
    idle_in_transaction_session_timeout: Math.max(1_000, timeoutMs * 3),
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

/**
 * Named (prepared) statements: one the relay runs again and again (every accept's reads, the outbox's
 * claims and results) is parsed and planned once per connection, which halved the database's CPU per
 * delivered message. Up to MAX_NAMED_STATEMENTS texts are named; later ones (a text made for one run)
 * go unnamed.
 */
const MAX_NAMED_STATEMENTS = 1_000;
const statementNames = new Map<string, string>();

/** `query`'s arguments, a parameterised statement's text given a name. */
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

interface ClientState {
  failure?: Error;
  /** Between BEGIN and COMMIT/ROLLBACK: a failed statement aborted the transaction, nothing is tried again. */
  inTransaction: boolean;
}

const MARKED_CLIENT = Symbol('ownpost.markedClient');

/** `result`, with its failure (if a promise that fails) marked as the store's own. */
function marked(result: unknown): unknown {
  return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(markStoreError(error))) : result;
}

/**
 * A pool client whose queries' failures are marked as the store's. Like pool.query's, it is destroyed
 * on release when its last query failed (a timed-out or broken connection must not serve the next
 * request); a transaction's successful ROLLBACK makes it reusable again. The pool listens for a
 * client's errors only while it is idle: a connection reset while checked out would end the process
 * with an unhandled 'error' event. Its statements are named (namedStatement); outside a transaction,
 * one whose prepared form went stale is dropped and run again.
 */
function markingClient(client: unknown, prepared: boolean): unknown {
  const c = client as pg.PoolClient & { [MARKED_CLIENT]?: ClientState; connection?: { parsedStatements?: Record<string, string> } };
  if (!c || typeof c !== 'object') return client;
  let state = c[MARKED_CLIENT];
  if (state) {
    state.failure = undefined;
    state.inTransaction = false;
  } else {
    const fresh: ClientState = { inTransaction: false };
    state = c[MARKED_CLIENT] = fresh;
    c.on('error', (error: Error) => {
      fresh.failure = error;
    });
    const query = c.query.bind(c) as (...args: unknown[]) => unknown;
    const run = (args: unknown[]): unknown => {
      const named = prepared ? namedStatement(args) : args;
      const result = query(...named);
      if (!(result instanceof Promise) || named === args || fresh.inTransaction) return result;
      return result.catch(async (error: unknown) => {
        if (!isStalePlan(error)) throw error;
        const { name } = named[0] as { name: string };
        await query(`DEALLOCATE ${name}`);
        if (c.connection?.parsedStatements) delete c.connection.parsedStatements[name];
        return query(...named);
      });
    };
    (c as { query: unknown }).query = (...args: unknown[]) => {
      const text = typeof args[0] === 'string' ? args[0] : undefined;
      if (text && /^\s*(begin|start transaction)\b/i.test(text)) fresh.inTransaction = true;
      else if (text && /^\s*(commit|rollback|end)\s*;?\s*$/i.test(text)) fresh.inTransaction = false;
      const result = run(args);
      if (!(result instanceof Promise)) return result;
      return result.then(
        (value: unknown) => {
          fresh.failure = undefined;
          return value;
        },
        (error: Error) => {
          fresh.failure = error;
          return Promise.reject(markStoreError(error));
        },
      );
    };
  }
  // The pool gives the client a new release at every checkout: wrapped each time.
  const release = c.release.bind(c);
  const failure = state;
  c.release = (error?: Error | boolean) => release(error ?? failure.failure);
  return client;
}

export interface PostgresStoreOptions {
  /** Isolates tests sharing one database. */
  schema?: string;
  max?: number;
  timeoutMs?: number;
  /** Named statements, on by default; off for a pooler that cannot keep them (PgBouncer in transaction mode before 1.21). */
  prepared?: boolean;
}

// The repositories' and the outbox's methods, put into the store by the constructor (hence the merging).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PostgresStore extends StoreRepositories, Outbox {}

/** The store for several relay instances sharing one PostgreSQL database: every piece of state lives in the database. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly storeDb: StoreDb;
  /** Writes that failed for room on the database server (53100 disk_full), until one succeeds. */
  private readonly storageFailure = new RecentStorageFailure();

  private constructor(connectionString: string, options: PostgresStoreOptions) {
    this.pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      ...poolTimeouts(options.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS),
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
      // BIGINT (epoch ms) as numbers: every value we store fits in 2^53.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client's error (database restarted) must not crash the relay; the next query reconnects.
    this.pool.on('error', () => {});
    // Marked as the store's: answered 503 store_unavailable, while a mail server's ECONNREFUSED stays its own.
    const query = this.pool.query.bind(this.pool) as (...args: unknown[]) => unknown;
    const connect = this.pool.connect.bind(this.pool) as (...args: unknown[]) => unknown;
    (this.pool as { connect: unknown }).connect = (...args: unknown[]) => {
      const result = connect(...args);
      return result instanceof Promise ? marked(result.then((client) => markingClient(client, options.prepared ?? true))) : result;
    };
    // pool.query on a marking client, so that its statements are named too.
    (this.pool as { query: unknown }).query = (...args: unknown[]) => {
      if (typeof args[0] !== 'string' || typeof args[args.length - 1] === 'function') return marked(query(...args));
      return (async () => {
        const client = (await this.pool.connect()) as pg.PoolClient;
        try {
          return await client.query(...(args as [string, unknown[]]));
        } finally {
          client.release();
        }
      })();
    };
    this.storeDb = storeDbOf(new Kysely<unknown>({ dialect: new PostgresDialect({ pool: this.pool }) }), 'postgres');
    Object.assign(this, storeRepositories(this.storeDb), outboxMethods(new PostgresOutbox(this.pool, this.storageFailure)));
  }

  /** Connects and applies pending migrations. `schema` isolates tests sharing one database. */
  static async open(connectionString: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    await PostgresStore.migrate(connectionString, options.schema);
    return new PostgresStore(connectionString, options);
  }

  /** Migrates on a connection without the pool's timeouts (an index on a large outbox may take minutes), under an advisory lock: relays that start together take turns. */
  private static async migrate(connectionString: string, schema?: string): Promise<void> {
    const pool = new pg.Pool({ connectionString, max: 1, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
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
    this.storageFailure.check();
    // A standby (after a failover, or a misconfigured URL) answers queries but takes no write.
    const { rows } = await this.pool.query<{ readOnly: boolean }>(`SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on' AS "readOnly"`);
    if (rows[0]?.readOnly) throw Object.assign(new Error('the database is read-only'), { code: '25006' });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
