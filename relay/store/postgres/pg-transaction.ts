import type pg from 'pg';
import { markStoreError } from '../store-errors';

/**
 * Runs `fn` in a transaction on one client of `pool`, for every PostgreSQL repository (the store, the
 * people store). A connection whose query timed out or broke is not given back to the pool, and the
 * error is marked as the store's own (issue 15: relay/store/store-errors.ts).
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
    throw markStoreError(error);
  } finally {
    client.release(broken);
  }
}
