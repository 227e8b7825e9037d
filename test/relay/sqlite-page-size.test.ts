import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../relay/store/sqlite/sqlite-store';

/**
 * New databases get 16 KiB pages (an invoice's body is fewer WAL frames, issue 18); a database made
 * with SQLite's 4 KiB pages before keeps them and works as before.
 */
describe("the SQLite store's page size", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-page-size-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pageSize = (store: SqliteStore) => store.db.pragma('page_size', { simple: true });

  it('is 16 KiB for a new database', async () => {
    const store = await SqliteStore.open(path.join(dir, 'new.sqlite'));
    try {
      expect(pageSize(store)).toBe(16 * 1024);
    } finally {
      await store.close();
    }
  });

  it('stays 4 KiB for a database that has them, which opens, migrates and stores sends', async () => {
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE kept (x INTEGER)');
    old.close();

    const store = await SqliteStore.open(file);
    try {
      expect(pageSize(store)).toBe(4096);
      const user = await store.createUser({ id: randomUUID(), email: 'anna@firma.se', name: null, role: 'admin', createdAt: 1 });
      expect(await store.getUserById(user.id)).toMatchObject({ email: 'anna@firma.se' });
    } finally {
      await store.close();
    }
  });
});
