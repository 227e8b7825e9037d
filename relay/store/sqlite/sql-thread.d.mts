import type Database from 'better-sqlite3';

/** One statement of a transaction: its SQL, its parameters, and whether its rows are wanted. */
export type SqlOp = { sql: string; params: unknown[]; all?: boolean };

/** Per op: its rows (`all`) or how many rows it changed. */
export type SqlOpResult = number | Record<string, unknown>[];

export function openDatabase(file: string, synchronous: 'FULL' | 'NORMAL'): Database.Database;
export function prepared(db: Database.Database, sql: string): Database.Statement;
export function runOps(db: Database.Database, ops: Iterable<SqlOp>): SqlOpResult[];

/** A group's results, or the error that undid it (its SQLite code kept). */
export type SqlGroupOutcome = { results: SqlOpResult[]; error?: undefined } | { error: Error & { code?: string } };
export function runGroups(db: Database.Database, groups: Iterable<SqlOp>[]): SqlGroupOutcome[];

export class SqlThread {
  constructor(file: string);
  readonly stopped: boolean;
  run(ops: SqlOp[], options?: { sync?: boolean }): Promise<SqlOpResult[]>;
  /** One query outside any write transaction: its rows, blobs as Buffers handed over from the thread. */
  read(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  runGroups(groups: SqlOp[][], options?: { sync?: boolean }): Promise<SqlGroupOutcome[]>;
  close(): Promise<void>;
}
