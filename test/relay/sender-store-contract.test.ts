/**
 * The store methods of the sender rules and key rotation behave alike on SQLite and PostgreSQL
 * (the same contract as test/relay/store-contract.test.ts, for issue #3's additions).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../relay/store/postgres/postgres-store';
import { SqliteStore } from '../../relay/store/sqlite/sqlite-store';
import type { ProfileRow, Store } from '../../relay/store/types';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/postgres';
import { profileData } from '../helpers/stored-rows';

const implementations: { name: string; open: () => Promise<{ store: Store; cleanup: () => Promise<void> }> }[] = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-sender-contract-'));
      const store = await SqliteStore.open(path.join(dir, 'ownpost.db'));
      return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const schema = freshSchemaName();
      const store = await PostgresStore.open(TEST_DATABASE_URL, { schema });
      return { store, cleanup: () => dropSchema(schema) };
    },
  },
];

describe.each(implementations)('sender store contract: $name', ({ open }) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let userId: string;

  const profile = (overrides: Partial<ProfileRow> = {}): ProfileRow => ({
    id: randomUUID(),
    ownerId: userId,
    scope: 'personal',
    data: profileData({ name: 'x' }),
    secrets: null,
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  });

  beforeAll(async () => {
    ({ store, cleanup } = await open());
    userId = (await store.createUser({ id: randomUUID(), email: 'anna@firma.se', name: null, role: 'member', createdAt: 1 })).id;
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  it('saveProfiles inserts and updates in one go, and writes nothing when one write fails', async () => {
    const existing = profile();
    await store.insertProfile(existing);
    const inserted = profile();
    await store.saveProfiles({ insert: inserted, update: [{ ...existing, data: profileData({ name: 'changed' }), updatedAt: 2 }] });
    expect((await store.getProfile(inserted.id))?.id).toBe(inserted.id);
    expect((await store.getProfile(existing.id))?.data).toEqual(profileData({ name: 'changed' }));

    // Inserting an id that exists fails, and the update beside it must not have happened.
    await expect(store.saveProfiles({ insert: inserted, update: [{ ...existing, data: profileData({ name: 'lost' }), updatedAt: 3 }] })).rejects.toThrow();
    expect((await store.getProfile(existing.id))?.data).toEqual(profileData({ name: 'changed' }));
  });

  it('sender allowances are replaced as a whole and listed in the order given', async () => {
    expect(await store.getSenderAllowances(userId)).toEqual([]);
    await store.setSenderAllowances(userId, ['@brand.example', 'bo@firma.se'], 10);
    expect(await store.getSenderAllowances(userId)).toEqual(['@brand.example', 'bo@firma.se']);
    await store.setSenderAllowances(userId, ['x@firma.se'], 20);
    expect(await store.getSenderAllowances(userId)).toEqual(['x@firma.se']);
    expect((await store.listUsers()).map((u) => u.email)).toEqual(['anna@firma.se']);
  });

  it('lastFinishedDelivery is undefined for a profile without finished messages', async () => {
    expect(await store.lastFinishedDelivery(randomUUID())).toBeUndefined();
  });

  it('rewriteProfileSecrets rewrites the rows the callback changes, and lists them before and after', async () => {
    const a = profile({ secrets: { password: 'op1.aaaa.x.y.z' } });
    const b = profile({ secrets: { password: 'op1.bbbb.x.y.z' } });
    await store.insertProfile(a);
    await store.insertProfile(b);
    const changed = await store.rewriteProfileSecrets(({ profileId, secrets }) => (profileId === a.id ? { password: secrets.password!.replace('aaaa', 'cccc') } : null));
    expect(changed).toBe(1);
    const listed = await store.listProfileSecrets();
    expect(listed).toEqual(
      expect.arrayContaining([
        { table: 'profiles', profileId: a.id, secrets: { password: 'op1.cccc.x.y.z' } },
        { table: 'profiles', profileId: b.id, secrets: { password: 'op1.bbbb.x.y.z' } },
      ]),
    );
  });

  it('rewriteProfileSecrets changes nothing when the callback throws', async () => {
    const c = profile({ secrets: { password: 'op1.dddd.x.y.z' } });
    await store.insertProfile(c);
    await expect(
      store.rewriteProfileSecrets(({ profileId, secrets }) => {
        if (profileId === c.id) throw new Error('boom');
        return { password: secrets.password!.replace('op1.', 'op1.changed.') };
      }),
    ).rejects.toThrow('boom');
    const listed = await store.listProfileSecrets();
    expect(listed.some((s) => JSON.stringify(s.secrets).includes('changed'))).toBe(false);
  });
});
