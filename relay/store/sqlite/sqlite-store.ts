import type Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { migrateToLatest } from '../migrations/migrate-to-latest';
import { storeDbOf, type StoreDb } from '../repositories/store-db';
import { storeRepositories, type StoreRepositories } from '../repositories/store-repositories';
import { outboxMethods, type Outbox, type Store } from '../types';
import { SqliteOutbox } from './sqlite-outbox';
import { openDatabase } from './sql-thread.mjs';
import { inTurnOn, StoreSqliteDialect, type InTurn } from './sqlite-dialect';

/** Below this much free space in the data folder the relay says it is not ready: a message needs room. */
const MIN_FREE_BYTES = 8 * 1024 * 1024;

// The repositories' and the outbox's methods, put into the store by the constructor.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SqliteStore extends StoreRepositories, Outbox {}

/** The embedded store. WAL with synchronous=FULL: a commit survives power loss, so "202" means "on disk". */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  /** The query builder on `db`, as the migrations use it; the repositories' is `storeDb`. */
  private readonly kysely: Kysely<unknown>;
  private readonly inTurn: InTurn;
  readonly storeDb: StoreDb;
  private readonly outbox: SqliteOutbox;

  private constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Created 0600 before SQLite opens it: its WAL and shared-memory files get the same mode.
    closeSync(openSync(file, 'a', 0o600));
    this.db = openDatabase(file, 'FULL');
    this.kysely = new Kysely<unknown>({ dialect: new StoreSqliteDialect(this.db) });
    this.inTurn = inTurnOn(this.kysely);
    this.storeDb = storeDbOf(this.kysely, 'sqlite');
    this.outbox = new SqliteOutbox(this.db, file, this.inTurn);
    Object.assign(this, storeRepositories(this.storeDb, { afterSecretsRewrite: () => this.dropOldCiphertexts() }), outboxMethods(this.outbox));
  }

  /** Opens (creating it if need be) the database in `file` and brings its schema up to date. */
  static async open(file: string): Promise<SqliteStore> {
    const store = new SqliteStore(file);
    try {
      await migrateToLatest(store.kysely);
    } catch (error) {
      store.db.close();
      throw error;
    }
    return store;
  }

  /** After a key rotation: VACUUM drops the free pages of a file written before secure_delete was on; the checkpoint truncates the WAL. */
  private dropOldCiphertexts(): Promise<void> {
    return this.inTurn(() => {
      try {
        this.db.exec('VACUUM');
      } catch {
        // Busy (another connection is reading): the freed pages were zeroed all the same.
      }
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    });
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async checkWritable(): Promise<void> {
    this.outbox.storageFailure.check();
    const space = await statfs(path.dirname(this.file));
    const free = space.bavail * space.bsize;
    if (free < MIN_FREE_BYTES) throw Object.assign(new Error(`only ${Math.floor(free / 1024)} KiB free in ${path.dirname(this.file)}`), { code: 'ENOSPC' });
  }

  async close(): Promise<void> {
    await this.outbox.close();
    this.db.close();
  }
}
