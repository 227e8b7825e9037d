import { CamelCasePlugin, createQueryId, sql, type Compilable, type CompiledQuery, type ExpressionBuilder, type Kysely } from 'kysely';
import type { SqlDialect } from '../migrations/sql-migration';
import type { Tables } from '../schema/tables';

/** What every repository is written over: the typed query builder, and which database it speaks to. */
export interface StoreDb {
  db: Kysely<Tables>;
  dialect: SqlDialect;
}

/** camelCase columns, as the store's row types name them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database of any schema, as kysely's migrations take it
export function storeDbOf(db: Kysely<any>, dialect: SqlDialect): StoreDb {
  return { db: (db as Kysely<Tables>).withPlugin(new CamelCasePlugin()), dialect };
}

type WriteResult = { numUpdatedRows?: bigint; numDeletedRows?: bigint; numInsertedOrUpdatedRows?: bigint };

/** Rows an UPDATE, DELETE or INSERT changed, as kysely reports them for either database. */
export function changedRows(result: WriteResult): number {
  return Number(result.numUpdatedRows ?? result.numDeletedRows ?? result.numInsertedOrUpdatedRows ?? 0);
}

/** Runs the write: whether it changed one row. */
export const changedOne = async (write: { executeTakeFirst(): Promise<WriteResult> }) => changedRows(await write.executeTakeFirst()) === 1;

/** An upsert's SET: these columns of `table` take the values the INSERT tried. */
export function fromExcluded<T extends keyof Tables>(_table: T, ...columns: (keyof Tables[T] & string)[]) {
  return (eb: { ref(name: string): unknown }) => Object.fromEntries(columns.map((column) => [column, eb.ref(`excluded.${column}`)])) as never;
}

/** Inside a transaction: writers that decide on "are there users yet?" take turns (SQLite's IMMEDIATE transactions already do). */
export async function lockUsersTable(db: Kysely<Tables>, dialect: SqlDialect): Promise<void> {
  if (dialect === 'postgres') await sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`.execute(db);
}

/** A unique index refused the write (SQLite's and PostgreSQL's codes). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** `count(*)` as `n`. */
export const countAll = <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) => eb.fn.countAll<number>().as('n');

/** Case-insensitive match on an address, as both databases' unique indexes on users.email compare. */
export function sameEmail(email: string) {
  return sql<boolean>`lower(users.email) = lower(${email})`;
}

/** `values` as a row to INSERT … SELECT while profile `profileId` exists: a row of a profile deleted meanwhile is not written. */
export function whileProfileExists(db: Kysely<Tables>, profileId: string, values: unknown[]) {
  return db.selectNoFrom((eb) => values.map((value, i) => eb.val(value).as(`v${i}`))).where((eb) => eb.exists(eb.selectFrom('profiles').select('id').where('id', '=', profileId)));
}

/** A `users` row as the API knows it. */
export const USER_COLUMNS = ['users.id', 'users.email', 'users.name', 'users.role', 'users.createdAt'] as const;

/** The first row of `query`, read (its JSON columns parsed): undefined when there is none. */
export async function readFirst<R, T>(query: { executeTakeFirst(): Promise<R | undefined> }, read: (row: R) => T): Promise<T | undefined> {
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : read(row);
}

/** Stands for the `i`-th argument of a query compiled once (see compiledOnce). */
const placeholder = (i: number) => `\u0000ownpost-parameter-${i}\u0000`;

/**
 * A read of fixed shape that runs on every request, compiled to SQL once: kysely compiles a query afresh each time, which cost more
 * than SQLite's work for these lookups (the three reads of an accepted send on SQLite: 38 µs of CPU compiled once, 130 µs compiled each time).
 * `build` gets placeholders for its (string) arguments and must use each as a plain value.
 */
export function compiledOnce<R>({ db }: StoreDb, build: (...args: string[]) => Compilable<R>): (...args: string[]) => Promise<R[]> {
  const arity = build.length;
  let compiled: { sql: string; query: CompiledQuery<R>['query']; at: (number | { value: unknown })[] } | undefined;
  return async (...args) => {
    if (!compiled) {
      const names = Array.from({ length: arity }, (_, i) => placeholder(i));
      const query = build(...names).compile();
      const at = query.parameters.map((value) => {
        const i = names.indexOf(value as string);
        return i === -1 ? { value } : i;
      });
      // Every argument used: an argument the query lost (or used inside a literal) would be ignored silently.
      if (names.some((_, i) => !at.includes(i))) throw new Error(`compiledOnce: an argument is not a parameter of ${query.sql}`);
      compiled = { sql: query.sql, query: query.query, at };
    }
    const { sql: text, query, at } = compiled;
    const parameters = at.map((p) => (typeof p === 'number' ? args[p] : p.value));
    return (await db.executeQuery<R>({ sql: text, query, parameters, queryId: createQueryId() })).rows;
  };
}
