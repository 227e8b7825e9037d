// The outbox's hot writes on a connection of their own, on a worker thread: their SQLite work (inserts, WAL pages, the fsync) no longer
// runs on the event loop that serves HTTP and drives SMTP. Plain JavaScript: worker threads do not inherit the relay's TypeScript loader.
import Database from 'better-sqlite3';
import { closeSync, fdatasyncSync, openSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * A connection as every one is set up. secure_delete: a replaced secret would leave its old ciphertext in a free page (issue 14). A 4 MB
 * page cache: with 16 MB, a 20 MB attachment's chunks grew it by 16 MB. 16 KiB pages for a new database: a 140 KB body is 9 WAL frames,
 * each a system call and copied again at the checkpoint, instead of 35; accepting took a fifth less CPU (issue 18).
 */
export function openDatabase(file, synchronous) {
  const db = new Database(file);
  for (const pragma of ['page_size = 16384', 'journal_mode = WAL', `synchronous = ${synchronous}`, 'foreign_keys = ON', 'busy_timeout = 10000', 'secure_delete = ON', 'cache_size = -4096'])
    db.pragma(pragma);
  return db;
}

const statementsOf = new WeakMap();

/** `sql` prepared on `db` once, for every user of the connection. */
export function prepared(db, sql) {
  let statements = statementsOf.get(db);
  if (!statements) statementsOf.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** Runs `ops` on `db` (the caller holds the transaction), each made after the previous ran: per op, its rows (`all`) or how many rows it changed. */
export function runOps(db, ops) {
  return Array.from(ops, ({ sql, params, all }) => (all ? prepared(db, sql).all(...params) : prepared(db, sql).run(...params).changes));
}

const transactionsOf = new WeakMap();

/** A transaction running ops on `db`, made once per connection; called inside another transaction, it is a savepoint. */
function opsTransaction(db) {
  let transaction = transactionsOf.get(db);
  if (!transaction) transactionsOf.set(db, (transaction = db.transaction((ops) => runOps(db, ops))));
  return transaction;
}

/** Runs each group of ops in a savepoint of its own (the caller holds the transaction): per group, its results or the error that undid it alone. */
export function runGroups(db, groups) {
  return groups.map((ops) => {
    try {
      return { results: opsTransaction(db)(ops) };
    } catch (error) {
      return { error };
    }
  });
}

/** The memory of the blobs in `rows`, handed to the main thread instead of copied: each Buffer better-sqlite3 returns owns its memory alone. */
function transferables(rows) {
  const buffers = [];
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength && value.buffer instanceof ArrayBuffer) buffers.push(value.buffer);
    }
  }
  return buffers;
}

/** A row as it crossed from the thread: its blobs arrive as Uint8Arrays, made Buffers again (no copy). */
function rebuiltRow(row) {
  for (const key in row) {
    const value = row[key];
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return row;
}

/** An error as it crosses from the thread: its message and SQLite's (or Node's) code. */
const sendable = (error) => ({ message: error.message, code: error.code });
const rebuiltError = ({ message, code }) => Object.assign(new Error(message), { code });

/** The main thread's handle on the worker thread's connection. */
export class SqlThread {
  #worker;
  #next = 0;
  #waiting = new Map();
  #failure;

  constructor(file) {
    this.#worker = new Worker(new URL(import.meta.url), { workerData: { ownpostSqlThread: file } });
    // Alive only while a request waits for its answer.
    this.#worker.unref();
    this.#worker.on('message', ({ id, results, error }) => {
      const waiting = this.#waiting.get(id);
      this.#waiting.delete(id);
      if (this.#waiting.size === 0) this.#worker.unref();
      if (!waiting) return;
      if (error) waiting.reject(rebuiltError(error));
      else waiting.resolve(results);
    });
    const fail = (error) => {
      this.#failure ??= error;
      for (const { reject } of this.#waiting.values()) reject(error);
      this.#waiting.clear();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`the SQLite thread stopped (exit code ${code})`)));
  }

  /** The thread stopped (it failed, or was closed): it answers nothing any more. */
  get stopped() {
    return this.#failure !== undefined;
  }

  /** Runs `ops` in one transaction on the thread's connection; `sync`: also durable. Blobs are handed over, not copied. */
  async run(ops, { sync = false } = {}) {
    const results = await this.#request({ ops, sync });
    for (const result of results) if (Array.isArray(result)) result.forEach(rebuiltRow);
    return results;
  }

  /** One query outside any write transaction: a message body read here costs the event loop neither the read nor a copy. */
  async read(sql, params) {
    const rows = await this.#request({ read: { sql, params } });
    return rows.map(rebuiltRow);
  }

  /** Runs `groups` in one transaction, each in a savepoint of its own (undone alone). `sync`: also durable. Per group: its results or error. */
  async runGroups(groups, { sync = false } = {}) {
    const outcomes = await this.#request({ groups, sync });
    return outcomes.map((outcome) => (outcome.error ? { error: rebuiltError(outcome.error) } : outcome));
  }

  #request(message) {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      const id = this.#next++;
      if (this.#waiting.size === 0) this.#worker.ref();
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, ...message });
    });
  }

  /** Closes the thread's connection once the requests sent before have been answered. */
  async close() {
    if (this.#failure) return;
    this.#failure = new Error('the SQLite thread is closed');
    const exited = new Promise((resolve) => this.#worker.once('exit', resolve));
    // Kept alive until the thread has closed its connection, or the process could end first.
    this.#worker.ref();
    this.#worker.postMessage({ close: true });
    await exited;
  }
}

if (!isMainThread && workerData?.ownpostSqlThread) {
  const file = workerData.ownpostSqlThread;
  // NORMAL: commits survive a crash of the relay; those that must survive a power cut ask for `sync`, an fdatasync of the WAL after the commit, outside the write lock.
  const db = openDatabase(file, 'NORMAL');
  const groupsInTransaction = db.transaction((groups) => runGroups(db, groups).map((outcome) => (outcome.error ? { error: sendable(outcome.error) } : outcome)));
  // The WAL, opened once: while this connection is open SQLite never deletes or replaces it.
  let wal;
  const syncWal = () => {
    if (wal === undefined) {
      try {
        wal = openSync(`${file}-wal`, 'r');
      } catch (error) {
        // No WAL: everything is in the database file, which a checkpoint syncs.
        if (error.code === 'ENOENT') return;
        throw error;
      }
    }
    fdatasyncSync(wal);
  };
  parentPort.on('message', ({ id, ops, groups, read, sync, close }) => {
    if (close) {
      if (wal !== undefined) closeSync(wal);
      db.close();
      parentPort.close();
      return;
    }
    try {
      if (read) {
        const rows = prepared(db, read.sql).all(...read.params);
        parentPort.postMessage({ id, results: rows }, transferables(rows));
        return;
      }
      const results = groups ? groupsInTransaction.immediate(groups) : opsTransaction(db).immediate(ops);
      if (sync) syncWal();
      parentPort.postMessage({ id, results }, groups ? [] : results.flatMap((result) => (Array.isArray(result) ? transferables(result) : [])));
    } catch (error) {
      parentPort.postMessage({ id, error: sendable(error) });
    }
  });
}
