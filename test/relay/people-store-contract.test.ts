/**
 * The people store (relay/people/people-store.ts) behaves the same on SQLite and on PostgreSQL:
 * token checks with idle expiry, devices, removing and restoring users, and setup codes.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peopleStoreFor, type PeopleStore } from '../../relay/people/people-store';
import { PostgresStore } from '../../relay/store/postgres/postgres-store';
import { SqliteStore } from '../../relay/store/sqlite/sqlite-store';
import type { Store } from '../../relay/store/types';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/postgres';
import { profileData } from '../helpers/stored-rows';

const implementations: { name: string; open: () => Promise<{ store: Store; cleanup: () => Promise<void> }> }[] = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-people-'));
      return { store: await SqliteStore.open(path.join(dir, 'ownpost.db')), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const schema = freshSchemaName('ownpost_people');
      return { store: await PostgresStore.open(TEST_DATABASE_URL, { schema }), cleanup: () => dropSchema(schema) };
    },
  },
];

const HOUR = 3_600_000;

describe.each(implementations)('people store: $name', ({ open }) => {
  let store: Store;
  let people: PeopleStore;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ store, cleanup } = await open());
    people = peopleStoreFor(store);
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  const newUser = (email: string, role: 'admin' | 'member' = 'member') => store.createUser({ id: randomUUID(), email, name: null, role, createdAt: 1 });

  it('makes the first user admin through a setup code, once, and only while the relay has no users', async () => {
    const now = 10 * HOUR;
    await people.createSetupCode({ hash: 'setup-1', createdAt: now, expiresAt: now + HOUR });
    await people.createSetupCode({ hash: 'setup-2', createdAt: now, expiresAt: now + HOUR });
    await people.createSetupCode({ hash: 'setup-old', createdAt: 0, expiresAt: now - 1 });
    expect(await people.isSetupCodeUsable('setup-1', now)).toBe(true);
    expect(await people.isSetupCodeUsable('setup-old', now)).toBe(false);
    expect(await people.redeemSetupCode('setup-old', now, { id: randomUUID(), email: 'x@firma.se', name: null, createdAt: now }, { hash: 'tx', device: 'x' })).toBeUndefined();

    // Two at once (two instances' codes): exactly one becomes admin.
    const results = await Promise.all(
      ['setup-1', 'setup-2'].map((hash, i) =>
        people.redeemSetupCode(hash, now, { id: randomUUID(), email: `admin${i}@firma.se`, name: 'Admin', createdAt: now }, { hash: `t-${hash}`, device: 'browser' }),
      ),
    );
    const admins = results.filter(Boolean);
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatchObject({ role: 'admin', name: 'Admin' });
    expect(await store.countUsers()).toBe(1);
    expect(await people.isSetupCodeUsable('setup-1', now)).toBe(false);
    expect(await people.isSetupCodeUsable('setup-2', now)).toBe(false);
    const session = await people.authenticate(admins[0] === results[0] ? 't-setup-1' : 't-setup-2', now, undefined);
    expect(session?.user.email).toBe(admins[0]!.email);
  });

  it('authenticates a token until it was idle for the TTL, renews it with each use, and never revives an expired one', async () => {
    const user = await newUser('bo@firma.se');
    await store.createToken({ hash: 'bo-1', userId: user.id, device: 'laptop', createdAt: 0 });
    const ttl = 10 * HOUR;
    expect(await people.authenticate('bo-1', 9 * HOUR, ttl)).toMatchObject({ user: { email: 'bo@firma.se' } });
    // Used at 9 h: valid until 19 h.
    expect(await people.authenticate('bo-1', 18 * HOUR, ttl)).toBeDefined();
    expect(await people.authenticate('bo-1', 29 * HOUR, ttl)).toBeUndefined();
    expect(await people.authenticate('bo-1', 27 * HOUR, ttl)).toBeDefined();
    expect(await people.authenticate('bo-1', 1000 * HOUR, undefined)).toBeDefined();
    expect(await people.authenticate('nope', 1, ttl)).toBeUndefined();
  });

  it('lists, finds and deletes devices by their id, never by the token hash', async () => {
    const user = await newUser('cay@firma.se');
    await store.createToken({ hash: 'cay-1', userId: user.id, device: 'one', createdAt: 5 });
    await store.createToken({ hash: 'cay-2', userId: user.id, device: 'two', createdAt: 6 });
    const devices = await people.listDevices(user.id);
    expect(devices.map((d) => d.device)).toEqual(['one', 'two']);
    expect(devices[0]!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(devices[0]!.id).not.toBe(devices[1]!.id);
    expect(JSON.stringify(devices)).not.toContain('cay-1');
    const session = await people.authenticate('cay-2', 7, undefined);
    expect(session?.deviceId).toBe(devices[1]!.id);
    expect(await people.getDevice(devices[0]!.id)).toMatchObject({ userId: user.id, device: 'one', createdAt: 5 });
    expect(await people.deleteDevice(devices[0]!.id)).toBe(true);
    expect(await people.deleteDevice(devices[0]!.id)).toBe(false);
    expect(await people.authenticate('cay-1', 7, undefined)).toBeUndefined();
    expect(await people.deleteDevicesOf(user.id)).toBe(1);
    expect(await people.listDevices(user.id)).toEqual([]);
  });

  it('removes a user with their tokens, codes, allowances and personal senders, keeps the row, and restores it', async () => {
    const user = await newUser('dag@firma.se');
    await store.createToken({ hash: 'dag-1', userId: user.id, device: 'x', createdAt: 1 });
    await store.createPairingCode({ hash: 'dag-code', userId: user.id, expiresAt: 100 * HOUR });
    await store.setSenderAllowances(user.id, ['@firma.se'], 1);
    const personal = randomUUID();
    const company = randomUUID();
    await store.insertProfile({ id: personal, ownerId: user.id, scope: 'personal', data: profileData(), secrets: { password: 'sealed' }, createdAt: 1, updatedAt: 1 });
    await store.insertProfile({ id: company, ownerId: user.id, scope: 'company', data: profileData(), secrets: null, createdAt: 1, updatedAt: 1 });

    expect(await people.removeUser(user.id, 50)).toBe(true);
    expect(await people.removeUser(user.id, 51)).toBe(false);
    expect(await people.authenticate('dag-1', 2, undefined)).toBeUndefined();
    expect(await store.consumePairingCode('dag-code', 2)).toBeUndefined();
    expect(await store.getSenderAllowances(user.id)).toEqual([]);
    expect(await store.getProfile(personal)).toBeUndefined();
    expect(await store.getProfile(company)).toBeDefined();
    expect(await people.getActiveUser(user.id)).toBeUndefined();
    expect(await people.getActiveUserByEmail('DAG@firma.se')).toBeUndefined();
    expect((await people.listActiveUsers()).map((u) => u.email)).not.toContain('dag@firma.se');
    // The row stays, for the history of what they sent.
    expect(await store.getUserById(user.id)).toBeDefined();

    expect((await people.getRemovedUserByEmail('dag@firma.se'))?.id).toBe(user.id);
    expect(await people.restoreUser(user.id, { name: 'Dag', role: 'admin' })).toMatchObject({ id: user.id, name: 'Dag', role: 'admin' });
    expect(await people.restoreUser(user.id, { name: 'Dag', role: 'admin' })).toBeUndefined();
    expect(await people.getActiveUserByEmail('dag@firma.se')).toMatchObject({ id: user.id });
  });

  it('counts the active admins', async () => {
    const before = await people.countActiveAdmins();
    const admin = await newUser('eve@firma.se', 'admin');
    expect(await people.countActiveAdmins()).toBe(before + 1);
    await people.removeUser(admin.id, 1);
    expect(await people.countActiveAdmins()).toBe(before);
  });
});
