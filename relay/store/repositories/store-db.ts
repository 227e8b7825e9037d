import { CamelCasePlugin, sql, type Kysely } from 'kysely';
import type { SqlDialect } from '../migrations/sql-migration';
import type { Tables } from '../schema/tables';

/** What every repository is written over: the typed query builder, and which database it speaks to. */
export interface StoreDb {
  db: Kysely<Tables>;
  dialect: SqlDialect;
}

/** The repositories' view of a database: camelCase columns, as the store's row types name them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database of any schema, as kysely's migrations take it
export function storeDbOf(db: Kysely<any>, dialect: SqlDialect): StoreDb {
  return { db: (db as Kysely<Tables>).withPlugin(new CamelCasePlugin()), dialect };
}

/** Rows an UPDATE, DELETE or INSERT changed, as kysely reports them for either database. */
export function changedRows(result: { numUpdatedRows?: bigint; numDeletedRows?: bigint; numInsertedOrUpdatedRows?: bigint }): number {
  return Number(result.numUpdatedRows ?? result.numDeletedRows ?? result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Inside a transaction: makes writers that decide on "are there users yet?" (the first user becomes
 * admin) take turns. PostgreSQL's instances need the table lock; SQLite's transactions are IMMEDIATE,
 * so the writer already holds the database's one write lock.
 */
export async function lockUsersTable(db: Kysely<Tables>, dialect: SqlDialect): Promise<void> {
  if (dialect === 'postgres') await sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`.execute(db);
}

/** A unique index refused the write (SQLite's and PostgreSQL's codes). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Case-insensitive match on an address, as both databases' unique indexes on users.email compare. */
export function sameEmail(email: string) {
  return sql<boolean>`lower(users.email) = lower(${email})`;
}

/** A `users` row as the API knows it. */
export const USER_COLUMNS = ['users.id', 'users.email', 'users.name', 'users.role', 'users.createdAt'] as const;
