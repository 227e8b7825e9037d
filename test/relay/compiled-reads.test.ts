import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce } from '../../relay/store/repositories/store-db';
import { SqliteStore } from '../../relay/store/sqlite/sqlite-store';

describe('the reads of every accepted send (issue 18)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-compiled-reads-'));
  let store: SqliteStore;
  const anna = { id: randomUUID(), email: 'anna@firma.se', name: null, role: 'admin' as const, createdAt: 1 };
  const bo = { id: randomUUID(), email: 'bo@firma.se', name: null, role: 'member' as const, createdAt: 2 };

  beforeAll(async () => {
    store = await SqliteStore.open(path.join(dir, 'db.sqlite'));
    await store.createUser(anna);
    await store.createUser(bo);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a query compiled once runs with each call’s own arguments, in the places they were given, beside its constants', async () => {
    const { db } = store.storeDb;
    const byEmailAndId = compiledOnce(store.storeDb, (id, email) => db.selectFrom('users').select(['id', 'createdAt']).where('email', '=', email).where('id', '=', id).limit(1));
    expect(await byEmailAndId(anna.id, anna.email)).toEqual([{ id: anna.id, createdAt: 1 }]);
    expect(await byEmailAndId(bo.id, bo.email)).toEqual([{ id: bo.id, createdAt: 2 }]);
    expect(await byEmailAndId(anna.id, bo.email)).toEqual([]);
  });

  it('a compiled read waits while a transaction is open on the connection, and never sees its uncommitted rows', async () => {
    const carl = { id: randomUUID(), email: 'carl@firma.se', name: null, role: 'member' as const, createdAt: 3 };
    const { db } = store.storeDb;
    const byId = compiledOnce(store.storeDb, (id) => db.selectFrom('users').select(['id', 'email']).where('id', '=', id));
    let inserted!: () => void;
    const insertedNow = new Promise<void>((resolve) => (inserted = resolve));
    let finish!: () => void;
    const mayFinish = new Promise<void>((resolve) => (finish = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(carl).execute();
      inserted();
      await mayFinish;
      throw new Error('rolled back');
    });
    await insertedNow;
    const read = byId(carl.id);
    finish();
    await expect(transaction).rejects.toThrow('rolled back');
    expect(await read).toEqual([]);
    expect(await byId(anna.id)).toEqual([{ id: anna.id, email: anna.email }]);
  });

  it('a query that leaves out one of its arguments is refused, not run without it', async () => {
    const { db } = store.storeDb;
    const careless = compiledOnce(store.storeDb, (id, _email) => db.selectFrom('users').select('id').where('id', '=', id));
    await expect(careless(anna.id, anna.email)).rejects.toThrow(/not a parameter/);
  });

  it.each([
    ['lastFinishedDelivery', '"problem_code"'],
    ['getProfileForSend', '"settings_data"'],
    ['listProfilesForSend', '"settings_data"'],
  ] as const)('“is this profile failing?” (%s) reads the profile’s finished messages through their partial index, never the whole outbox', async (method, marker) => {
    const prepared: string[] = [];
    const prepare = store.db.prepare.bind(store.db);
    store.db.prepare = ((source: string) => (prepared.push(source), prepare(source))) as typeof store.db.prepare;
    try {
      // No such profile (or, for listProfilesForSend, no profile this user may use).
      expect([undefined, []]).toContainEqual(await store[method](randomUUID()));
    } finally {
      store.db.prepare = prepare;
    }
    const query = prepared.find((source) => source.includes(marker));
    expect(query).toBeDefined();
    // Any values: the plan is the same for every one (one per `?`).
    const values = Array.from({ length: query!.split('?').length - 1 }, (_, i) => (i === 0 ? 'some-profile' : 1));
    const plan = store.db
      .prepare(`EXPLAIN QUERY PLAN ${query}`)
      .all(...values)
      .map((row) => (row as { detail: string }).detail);
    expect(plan.join('\n')).toContain('USING INDEX messages_profile_finished');
    expect(plan.join('\n')).not.toMatch(/SCAN messages/);
  });
});
