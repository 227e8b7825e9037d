import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../relay/store/postgres/postgres-store';
import { SqliteStore } from '../../relay/store/sqlite/sqlite-store';
import type { NewMessage, Store } from '../../relay/store/types';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/postgres';

/** One contract, two stores: every behaviour the relay relies on holds for SQLite and PostgreSQL alike. */
const implementations: { name: string; open: () => Promise<{ store: Store; cleanup: () => Promise<void> }> }[] = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-contract-'));
      const store = new SqliteStore(path.join(dir, 'ownpost.db'));
      return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const schema = freshSchemaName();
      const store = (await PostgresStore.open(TEST_DATABASE_URL, { schema })) as unknown as Store;
      return { store, cleanup: () => dropSchema(schema) };
    },
  },
];

describe.each(implementations)('store contract: $name', ({ open }) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let userId: string;
  let profileId: string;

  beforeAll(async () => {
    ({ store, cleanup } = await open());
    userId = (await store.createUser({ id: randomUUID(), email: 'Anna@Firma.se', name: 'Anna', role: 'member', createdAt: 1 })).id;
    profileId = randomUUID();
    await store.insertProfile({ id: profileId, ownerId: userId, scope: 'personal', data: '{"v":1}', secrets: null, createdAt: 1, updatedAt: 1 });
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  function message(overrides: Partial<NewMessage> = {}): NewMessage {
    return {
      id: randomUUID(),
      userId,
      profileId,
      messageId: `<${randomUUID()}@firma.se>`,
      envelope: '{"from":"anna@firma.se","to":["kund@exempel.se"]}',
      raw: Buffer.from('Subject: x\r\n\r\nbody\r\n'),
      summary: '{"to":["kund@exempel.se"],"subject":"x"}',
      documentRef: null,
      idempotencyKey: null,
      requestHash: null,
      createdAt: Date.now(),
      ...overrides,
    };
  }

  it('makes the first user admin and finds users by e-mail case-insensitively', async () => {
    expect((await store.getUserById(userId))?.role).toBe('admin');
    expect((await store.getUserByEmail('anna@firma.SE'))?.id).toBe(userId);
    const second = await store.createUser({ id: randomUUID(), email: 'bo@firma.se', name: null, role: 'member', createdAt: 2 });
    expect(second.role).toBe('member');
    expect(await store.countUsers()).toBe(2);
    await expect(store.createUser({ id: randomUUID(), email: 'BO@firma.se', name: null, role: 'member', createdAt: 3 })).rejects.toThrow();
  });

  it('finds a user by token hash and consumes a pairing code once, not after expiry', async () => {
    await store.createToken({ hash: 'h1', userId, device: 'test', createdAt: 1 });
    expect((await store.getUserByTokenHash('h1', 5))?.id).toBe(userId);
    expect(await store.getUserByTokenHash('nope', 5)).toBeUndefined();
    await store.createPairingCode({ hash: 'code1', userId, expiresAt: 1000 });
    expect((await store.consumePairingCode('code1', 10))?.id).toBe(userId);
    expect(await store.consumePairingCode('code1', 11)).toBeUndefined();
    await store.createPairingCode({ hash: 'code2', userId, expiresAt: 1000 });
    expect(await store.consumePairingCode('code2', 1000)).toBeUndefined();
  });

  it('keeps personal profiles to their owner and company profiles for all', async () => {
    const other = await store.createUser({ id: randomUUID(), email: 'cay@firma.se', name: null, role: 'member', createdAt: 4 });
    const companyId = randomUUID();
    await store.insertProfile({ id: companyId, ownerId: null, scope: 'company', data: '{}', secrets: null, createdAt: 2, updatedAt: 2 });
    const visible = (await store.listProfilesVisibleTo(other.id)).map((p) => p.id);
    expect(visible).toContain(companyId);
    expect(visible).not.toContain(profileId);
    const row = (await store.getProfile(companyId))!;
    await store.updateProfile({ ...row, data: '{"changed":true}', updatedAt: 9 });
    expect(await store.getProfile(companyId)).toMatchObject({ data: '{"changed":true}', updatedAt: 9, ownerId: null });
    expect(await store.deleteProfile(companyId)).toBe(true);
    expect(await store.deleteProfile(companyId)).toBe(false);
  });

  it('returns the first message for a repeated idempotency key and tells whether the request was the same', async () => {
    const first = await store.enqueueMessage(message({ idempotencyKey: 'k1', requestHash: 'a' }));
    expect(first.kind).toBe('created');
    const again = await store.enqueueMessage(message({ idempotencyKey: 'k1', requestHash: 'a' }));
    expect(again).toMatchObject({ kind: 'existing', sameRequest: true, message: { id: first.message.id } });
    const other = await store.enqueueMessage(message({ idempotencyKey: 'k1', requestHash: 'b' }));
    expect(other).toMatchObject({ kind: 'existing', sameRequest: false });
  });

  it('creates one message when the same key races', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => store.enqueueMessage(message({ idempotencyKey: 'race', requestHash: 'r' }))));
    expect(results.filter((r) => r.kind === 'created')).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
  });

  it('claims due messages under a lease; concurrent claimers never share a message', async () => {
    const now = Date.now() + 10_000_000;
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await store.enqueueMessage(message({ documentRef: 'claim' }))).message.id);
    const [a, b] = await Promise.all([store.claimDueMessages('A', now, 60_000, 50), store.claimDueMessages('B', now, 60_000, 50)]);
    const claimed = [...a, ...b].map((m) => m.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    for (const id of ids) expect(claimed).toContain(id);
    expect(a.every((m) => m.leaseOwner === 'A' && m.status === 'sending' && Buffer.isBuffer(m.raw))).toBe(true);
    // Nothing is due again while the leases hold.
    expect(await store.claimDueMessages('C', now + 1, 60_000, 100)).toHaveLength(0);
  });

  it('lets another worker take a message whose lease expired; the old owner can no longer record it', async () => {
    const created = await store.enqueueMessage(message());
    const t0 = Date.now() + 20_000_000;
    const [claimed] = (await store.claimDueMessages('crashed', t0, 1000, 1000)).filter((m) => m.id === created.message.id);
    expect(claimed).toBeDefined();
    const retaken = (await store.claimDueMessages('rescuer', t0 + 5000, 1000, 1000)).map((m) => m.id);
    expect(retaken).toContain(created.message.id);
    const stale = await store.finishAttempt(created.message.id, 'crashed', { startedAt: t0, finishedAt: t0 + 1, reply: null, responseCode: null, errorCode: null }, { outcome: 'sent', reply: '250 ok' });
    expect(stale).toBe(false);
    const ok = await store.finishAttempt(created.message.id, 'rescuer', { startedAt: t0, finishedAt: t0 + 6000, reply: '250 ok', responseCode: 250, errorCode: null }, { outcome: 'sent', reply: '250 ok' });
    expect(ok).toBe(true);
    expect(await store.getMessage(created.message.id)).toMatchObject({ status: 'sent', attempts: 1, lastReply: '250 ok', leaseOwner: null });
    expect(await store.listAttempts(created.message.id)).toEqual([
      expect.objectContaining({ outcome: 'sent', reply: '250 ok', responseCode: 250 }),
    ]);
  });

  it('records a deferral with its next attempt, and a release puts a message back without counting an attempt', async () => {
    const deferredId = (await store.enqueueMessage(message())).message.id;
    const releasedId = (await store.enqueueMessage(message())).message.id;
    const t0 = Date.now() + 30_000_000;
    await store.claimDueMessages('w', t0, 60_000, 1000);
    await store.finishAttempt(deferredId, 'w', { startedAt: t0, finishedAt: t0, reply: '451 later', responseCode: 451, errorCode: null }, {
      outcome: 'deferred', reply: '451 later', responseCode: 451, problemCode: 'server_temporary', nextAttemptAt: t0 + 5000,
    });
    expect(await store.getMessage(deferredId)).toMatchObject({ status: 'deferred', attempts: 1, nextAttemptAt: t0 + 5000, problemCode: 'server_temporary' });
    await store.releaseLease(releasedId, 'w', t0);
    expect(await store.getMessage(releasedId)).toMatchObject({ status: 'queued', attempts: 0, leaseOwner: null });
  });

  it('lists messages by user and document, newest first', async () => {
    await store.enqueueMessage(message({ documentRef: 'INV-9', createdAt: 100 }));
    await store.enqueueMessage(message({ documentRef: 'INV-9', createdAt: 200 }));
    const listed = await store.listMessages({ userId, documentRef: 'INV-9', limit: 10 });
    expect(listed.map((m) => m.createdAt)).toEqual([200, 100]);
    expect(await store.listMessages({ userId: 'someone-else', documentRef: 'INV-9', limit: 10 })).toEqual([]);
  });
});
