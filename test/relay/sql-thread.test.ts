import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlThread } from '../../relay/store/sqlite/sql-thread.mjs';

describe('the SQLite thread (the outbox’s hot writes off the event loop)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-sql-thread-'));
  const file = path.join(dir, 'db.sqlite');
  let db: Database.Database;
  let thread: SqlThread;

  beforeAll(() => {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
    thread = new SqlThread(file);
  });
  afterAll(async () => {
    await thread.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a list of statements in one transaction, answers changes or rows, and the main connection sees the commit', async () => {
    const results = await thread.run(
      [
        { sql: 'INSERT INTO t (v) VALUES (?)', params: ['a'] },
        { sql: 'INSERT INTO t (v) SELECT ? WHERE changes() = 1', params: ['b'] },
        { sql: 'UPDATE t SET v = v || @suffix', params: [{ suffix: '!' }] },
        { sql: 'SELECT v FROM t ORDER BY id', params: [], all: true },
      ],
      { sync: true },
    );
    expect(results).toEqual([1, 1, 2, [{ v: 'a!' }, { v: 'b!' }]]);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
  });

  it('rolls the whole list back when one statement fails, and says why with SQLite’s code', async () => {
    const failed = thread.run([
      { sql: 'INSERT INTO t (v) VALUES (?)', params: ['c'] },
      { sql: 'INSERT INTO t (v) VALUES (?)', params: ['a!'] },
    ]);
    await expect(failed).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(db.prepare("SELECT count(*) AS n FROM t WHERE v = 'c'").get()).toEqual({ n: 0 });
    // Still serving afterwards.
    expect(await thread.run([{ sql: 'SELECT count(*) AS n FROM t', params: [], all: true }])).toEqual([[{ n: 2 }]]);
  });

  it('runs groups in one transaction, each in a savepoint: a failing group is undone alone and answered with its error', async () => {
    const outcomes = await thread.runGroups(
      [
        [{ sql: 'INSERT INTO t (v) VALUES (?)', params: ['g1'] }],
        [
          { sql: 'INSERT INTO t (v) VALUES (?)', params: ['g2'] },
          { sql: 'INSERT INTO t (v) VALUES (?)', params: ['a!'] },
        ],
        [
          { sql: 'INSERT INTO t (v) VALUES (?)', params: ['g3'] },
          { sql: "SELECT v FROM t WHERE v LIKE 'g%' ORDER BY id", params: [], all: true },
        ],
      ],
      { sync: true },
    );
    expect(outcomes[0]).toEqual({ results: [1] });
    expect(outcomes[1]!.error).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(outcomes[2]).toEqual({ results: [1, [{ v: 'g1' }, { v: 'g3' }]] });
    expect(db.prepare("SELECT v FROM t WHERE v LIKE 'g%' ORDER BY id").all()).toEqual([{ v: 'g1' }, { v: 'g3' }]);
  });

  it('refuses work once closed', async () => {
    const other = new SqlThread(file);
    await other.close();
    await expect(other.run([{ sql: 'SELECT 1', params: [] }])).rejects.toThrow(/closed/);
    expect(other.stopped).toBe(true);
    expect(thread.stopped).toBe(false);
  });
});
