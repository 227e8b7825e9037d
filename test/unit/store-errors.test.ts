import { describe, expect, it } from 'vitest';
import { markStoreError, RecentStorageFailure, storeFailureOf, withStoreTimeout } from '../../relay/store/store-errors';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('storeFailureOf (issue 15: a store failure is a 503 with Retry-After, never a 500)', () => {
  it.each([
    ['SQLite disk full', coded('SQLITE_FULL', 'database or disk is full'), 'storage_full'],
    ['ENOSPC from the file system', coded('ENOSPC'), 'storage_full'],
    ['PostgreSQL 53100 disk_full', coded('53100', 'could not extend file'), 'storage_full'],
    ['SQLite locked past busy_timeout', coded('SQLITE_BUSY'), 'store_unavailable'],
    ['SQLite I/O error', coded('SQLITE_IOERR_WRITE'), 'store_unavailable'],
    ['PostgreSQL refused (marked by the store)', markStoreError(coded('ECONNREFUSED')), 'store_unavailable'],
    ['PostgreSQL admin shutdown (57P01)', coded('57P01'), 'store_unavailable'],
    ['PostgreSQL statement timeout (57014)', coded('57014'), 'store_unavailable'],
    ['PostgreSQL connection exception class 08', coded('08006'), 'store_unavailable'],
    ['pg connect timeout (no code)', new Error('timeout exceeded when trying to connect'), 'store_unavailable'],
    ['pg query timeout (no code)', new Error('Query read timeout'), 'store_unavailable'],
    ['pg connection ended (no code)', new Error('Connection terminated unexpectedly'), 'store_unavailable'],
    ['a cause two levels down', new Error('outer', { cause: new Error('mid', { cause: coded('SQLITE_FULL') }) }), 'storage_full'],
  ])('%s → %s', (_name, error, expected) => {
    expect(storeFailureOf(error)).toBe(expected);
  });

  it('leaves every other error alone (a bug stays a 500)', () => {
    // A mail server's or token endpoint's refusal is not the database's.
    expect(storeFailureOf(coded('ECONNREFUSED'))).toBeUndefined();
    expect(storeFailureOf(new TypeError('fetch failed', { cause: coded('ENOTFOUND') }))).toBeUndefined();
    expect(storeFailureOf(new TypeError('x is undefined'))).toBeUndefined();
    expect(storeFailureOf(coded('SQLITE_CONSTRAINT_UNIQUE'))).toBeUndefined();
    expect(storeFailureOf(coded('23505'))).toBeUndefined();
    expect(storeFailureOf(undefined)).toBeUndefined();
  });

  it('withStoreTimeout gives up on a store that does not answer, as store_unavailable', async () => {
    const never = new Promise<never>(() => {});
    const error = await withStoreTimeout(never, 20, 'the database').catch((e: unknown) => e);
    expect(storeFailureOf(error)).toBe('store_unavailable');
    await expect(withStoreTimeout(Promise.resolve(7), 1000, 'the database')).resolves.toBe(7);
  });

  it('remembers a full disk until a write succeeds', () => {
    const memo = new RecentStorageFailure();
    memo.note(coded('SQLITE_BUSY'));
    expect(() => memo.check()).not.toThrow();
    memo.note(coded('SQLITE_FULL'));
    expect(() => memo.check()).toThrow(/x/);
    memo.clear();
    expect(() => memo.check()).not.toThrow();
  });
});
