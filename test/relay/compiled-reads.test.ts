import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce, type StoreDb } from '../../relay/store/repositories/store-db';
import { SqliteStore } from '../../relay/store/sqlite/sqlite-store';
import { profileData } from '../helpers/stored-rows';

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

  it('read straight on the connection, a compiled read answers exactly what the query builder answers, names and values', async () => {
    const profileId = randomUUID();
    await store.insertProfile({ id: profileId, ownerId: anna.id, scope: 'personal', data: profileData(), secrets: { password: 'sealed' }, createdAt: 3, updatedAt: 4 });
    await store.recordServerMaxBytes(profileId, 25_000_000, 5);
    const direct = store.storeDb;
    const throughBuilder: StoreDb = { db: direct.db, dialect: direct.dialect };
    let directReads = 0;
    const counted: StoreDb = { ...direct, readNow: (sql, parameters) => (directReads++, direct.readNow!(sql, parameters)) };
    const reads = (storeDb: StoreDb) => ({
      profile: compiledOnce(storeDb, (id) =>
        storeDb.db
          .selectFrom('profiles')
          .leftJoin('profile_delivery_settings as settings', 'settings.profileId', 'profiles.id')
          .selectAll('profiles')
          .select(['settings.data as settingsData', 'settings.serverMaxBytes as settingsServerMaxBytes'])
          .where('profiles.id', '=', id),
      ),
      user: compiledOnce(storeDb, (id) => storeDb.db.selectFrom('users').select(['users.id as userId', 'users.email', 'users.name', 'users.role', 'users.createdAt']).where('users.id', '=', id)),
    });
    const [a, b] = [reads(counted), reads(throughBuilder)];
    const fromDirect = [await a.profile(profileId), await a.user(anna.id), await a.user(randomUUID())];
    expect(directReads).toBe(3);
    expect(fromDirect).toEqual([await b.profile(profileId), await b.user(anna.id), await b.user(randomUUID())]);
    expect(fromDirect[0]![0]).toMatchObject({ id: profileId, ownerId: anna.id, createdAt: 3, updatedAt: 4 });
    expect(Object.keys(fromDirect[1]![0]!)).toEqual(['userId', 'email', 'name', 'role', 'createdAt']);
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
