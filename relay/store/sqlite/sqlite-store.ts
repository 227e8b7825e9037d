import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { migrateToLatest } from '../migrations/migrate-to-latest';
import { storeDbOf, type StoreDb } from '../repositories/store-db';
import { storeRepositories, type StoreRepositories } from '../repositories/store-repositories';
import { RecentStorageFailure } from '../store-errors';
import { outboxMethods, type Outbox } from '../store-parts';
import type { Store } from '../types';
import { ConnectionLock } from './connection-lock';
import { SqliteOutbox } from './sqlite-outbox';
import { StoreSqliteDialect } from './sqlite-dialect';

export { outboxLockFile } from './sqlite-outbox';

/** SQLite's page cache, in KiB. */
const PAGE_CACHE_KIB = 4096;

/**
 * SQLite's page size for a new database. An accepted invoice's body (a 100 KB PDF is about 140 KB
 * of MIME) is a chain of overflow pages, and each page is a WAL frame of its own, written with a
 * system call of its own, then copied again at the checkpoint: with 16 KiB instead of SQLite's
 * 4 KiB a body is 9 frames instead of 35. The store's part of accepting such a send (the reads,
 * the insert, the commit) took about a fifth less CPU, most of it the kernel's (issue 18; 672
 * against 825 us, interleaved in one process on Node 20). The page cache is set in KiB
 * (PAGE_CACHE_KIB), so it holds as many bytes as before.
 */
const PAGE_BYTES = 16 * 1024;

/** Below this much free space in the data folder the relay says it is not ready (issue 15): a message needs room. */
const MIN_FREE_BYTES = 8 * 1024 * 1024;

// The repositories' and the outbox's methods, put into the store by the constructor (hence the merging).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SqliteStore extends StoreRepositories, Outbox {}

/**
 * The embedded store. WAL with synchronous=FULL: a commit survives power loss, so "202" really means
 * "on disk" (SQLite's WAL documentation: synchronous=NORMAL can lose recent commits on power loss).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  /** Turns on `db` for the query builder and the outbox's in-process writes (see ConnectionLock). */
  readonly connectionLock = new ConnectionLock();
  /** The query builder on `db`, as the migrations use it; the repositories' is `storeDb`. */
  private readonly kysely: Kysely<unknown>;
  readonly storeDb: StoreDb;
  /** Writes that failed for room, until one succeeds (checkWritable). */
  private readonly storageFailure = new RecentStorageFailure();
  private readonly outbox: SqliteOutbox;

  private constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Created 0600 before SQLite opens it: SQLite gives its WAL and shared-memory files the
    // database's mode, so none of the three is ever readable by others (issue 14).
    closeSync(openSync(file, 'a', 0o600));
    this.db = new Database(file);
    // A new database gets pages of PAGE_BYTES; an existing one keeps its size (in WAL mode SQLite
    // never changes it, not even by a VACUUM). Set before anything is written.
    this.db.pragma(`page_size = ${PAGE_BYTES}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    // Always, not only during a key rotation (issue 14): a secret replaced by a PATCH or a new
    // sign-in leaves its old ciphertext in a free page otherwise, readable with an old key.
    this.db.pragma('secure_delete = ON');
    // Every page a transaction writes passes through the page cache: with better-sqlite3's 16 MB a
    // 20 MB attachment's chunks grew it by 16 MB at the peak of its accept. The outbox's hot rows
    // and indexes fit in 4 MB; bodies of fresh messages are kept apart (FreshBodies).
    this.db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    this.kysely = new Kysely<unknown>({ dialect: new StoreSqliteDialect(this.db, this.connectionLock) });
    this.storeDb = storeDbOf(this.kysely, 'sqlite');
    this.outbox = new SqliteOutbox(this.db, file, this.connectionLock, this.storageFailure);
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

  /**
   * After a key rotation: secure_delete (always on, see the constructor) zeroed the space the old
   * ciphertexts occupied, so the old key cannot open a copy of them left in free pages; VACUUM
   * rewrites the file without the free pages of a database written before secure_delete was on; the
   * checkpoint then moves everything out of the WAL file and truncates it.
   */
  private dropOldCiphertexts(): Promise<void> {
    return this.connectionLock.exclusive(() => {
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
    this.storageFailure.check();
    const space = await statfs(path.dirname(this.file));
    const free = space.bavail * space.bsize;
    if (free < MIN_FREE_BYTES) {
      throw Object.assign(new Error(`only ${Math.floor(free / 1024)} KiB free in ${path.dirname(this.file)}`), { code: 'ENOSPC' });
    }
  }

  async close(): Promise<void> {
    await this.outbox.close();
    this.db.close();
  }
}
