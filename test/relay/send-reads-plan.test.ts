import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../relay/store/sqlite/sqlite-store';

describe('the reads of every accepted send (issue 18)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-send-reads-'));
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
