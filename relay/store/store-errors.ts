/** What a store's error means for a client: both failures pass, answered 503 with `Retry-After` instead of a 500 (issue 15). */
import { DomainError } from '../errors/domain-error';

export type StoreFailure = 'storage_full' | 'store_unavailable';

// SQLite (better-sqlite3's SqliteError.code) and Node's own for a full disk; PostgreSQL 53100 disk_full.
const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', '53100']);

// SQLite: locked for longer than busy_timeout, or its file cannot be opened or read. PostgreSQL: too many
// connections, query cancelled (statement_timeout), server shutting down or starting, read-only (a standby).
const UNAVAILABLE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', '53300', '57014', '57P01', '57P02', '57P03', '25006']);

/** The network to PostgreSQL: the store only on errors it marked as its own (a mail server's ECONNREFUSED is not a database). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

const FROM_STORE = Symbol.for('ownpost.storeError');

/** Marks `error` as the store's own (a PostgreSQL connection that failed). */
export function markStoreError<T>(error: T): T {
  if (error && typeof error === 'object') (error as Record<symbol, boolean>)[FROM_STORE] = true;
  return error;
}

/** Errors with no code: pg's for a connection that broke or never came, better-sqlite3's closed database, the SQLite thread's. */
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Cannot use a pool after calling end on the pool|The database connection is not open|the SQLite thread/;

/** The kind of store failure `error` is, or undefined for any other error (a bug: a 500). */
export function storeFailureOf(error: unknown): StoreFailure | undefined {
  const fromStore = Boolean(error && typeof error === 'object' && (error as Record<symbol, boolean>)[FROM_STORE]);
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (FULL_CODES.has(code) || code.startsWith('SQLITE_FULL')) return 'storage_full';
      // SQLITE_IOERR_WRITE and its kind; PostgreSQL class 08, connection exceptions.
      if (UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR') || /^08[0-9A-Z]{3}$/.test(code)) return 'store_unavailable';
      if (fromStore && NETWORK_CODES.has(code)) return 'store_unavailable';
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return 'store_unavailable';
  }
  return undefined;
}

/** `promise`, or a store error coded ETIMEDOUT after `ms`. */
export function withStoreTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(markStoreError(Object.assign(new Error(`${what} did not answer within ${ms} ms`), { name: 'StoreTimeoutError', code: 'ETIMEDOUT' }))), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The last write that failed for room, until one succeeds: readiness says 503 meanwhile (free space alone does not prove the next write fits). */
export class RecentStorageFailure {
  private error: Error | undefined;

  note(error: unknown): void {
    if (storeFailureOf(error) === 'storage_full') this.error = error as Error;
  }

  clear(): void {
    this.error = undefined;
  }

  /** `write`, noted: a failure for room is remembered, a success clears it. */
  watch<T>(write: Promise<T>): Promise<T> {
    return write.then(
      (result) => (this.clear(), result),
      (error: unknown) => (this.note(error), Promise.reject(error)),
    );
  }

  /** Throws the last full-disk error, if no write succeeded since. */
  check(): void {
    if (this.error) throw this.error;
  }
}

/** A stored value without its column's shape (a database edited by hand or damaged): the request fails with this code and the value's name, never a stack. */
export class StoredDataError extends DomainError {
  override name = 'StoredDataError';
  constructor(where: string, problem: string) {
    super('stored_data_invalid', `The relay cannot read ${where} in its database: ${problem}.`, { hint: 'An admin can correct or delete that row in the database.' });
  }
}
