import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../relay/store/postgres/postgres-store';
import { SqliteStore } from '../../relay/store/sqlite/sqlite-store';
import { messageBodyChunks, readWholeBody } from '../../relay/delivery/message-body';
import { spliceBase64Bodies, SplicedMessage } from '../../relay/delivery/mime-attachment';
import { wholeBody } from '../../relay/mime/message-bytes';
import { BODY_CHUNK_BYTES, type NewMessage, type NewSend, type RecipeRow, type Store, type TemplateRow } from '../../relay/store/types';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/postgres';
import { newMessage, profileData } from '../helpers/stored-rows';

/**
 * Every method of `Store`, and where the contract exercises it: `here`, or the file named. A method
 * added to the interface without a contract test does not compile, and the last test below fails
 * when a method marked `here` was never called.
 */
const CONTRACT_COVERAGE = {
  close: 'afterAll',
  ping: 'here',
  checkWritable: 'here',
  countUsers: 'here',
  countMessagesByStatus: 'here',
  createUser: 'here',
  getUserByEmail: 'here',
  getUserById: 'here',
  createToken: 'here',
  getUserByTokenHash: 'here',
  createPairingCode: 'here',
  consumePairingCode: 'here',
  insertProfile: 'here',
  updateProfile: 'here',
  deleteProfile: 'here',
  getProfile: 'here',
  listProfilesVisibleTo: 'here',
  listAllProfiles: 'here',
  saveProfiles: 'sender-store-contract.test.ts',
  lastFinishedDelivery: 'here',
  getProfileForSend: 'here',
  listProfilesForSend: 'here',
  listUsers: 'sender-store-contract.test.ts',
  getSenderAllowances: 'sender-store-contract.test.ts',
  setSenderAllowances: 'sender-store-contract.test.ts',
  rewriteProfileSecrets: 'here',
  listProfileSecrets: 'here',
  enqueueSend: 'here',
  findSendByIdempotencyKey: 'here',
  getMessage: 'here',
  listMessages: 'here',
  claimDueMessages: 'here',
  renewLeases: 'here',
  finishAttempts: 'here',
  finishAttemptsAndClaim: 'here',
  releaseLease: 'here',
  postponeMessage: 'here',
  listAttempts: 'here',
  listAttemptsOfMessages: 'here',
  readMessageBodyChunk: 'here',
  claimDueSentCopies: 'here',
  finishSentCopy: 'here',
  getDeliverySettings: 'here',
  putDeliverySettings: 'here',
  recordServerMaxBytes: 'here',
  listRecipes: 'here',
  getRecipe: 'here',
  insertRecipe: 'here',
  deleteRecipe: 'here',
  listTemplates: 'here',
  putTemplate: 'here',
  deleteTemplate: 'here',
  getOAuthAccessToken: 'here',
  putOAuthAccessToken: 'here',
  deleteOAuthAccessToken: 'here',
  setProfileOAuthGrant: 'here',
  createOAuthSignIn: 'here',
  getOAuthSignIn: 'here',
  claimOAuthSignInPoll: 'here',
  setOAuthSignInPollInterval: 'here',
  finishOAuthSignIn: 'here',
  createAppPassword: 'here',
  listAppPasswords: 'here',
  deleteAppPassword: 'here',
  touchAppPassword: 'here',
  instanceHeartbeat: 'here',
  endInstance: 'here',
  // Through the routes, on both stores: test/relay/customer-directory.test.ts.
  findCustomers: 'customer-directory.test.ts',
  getCustomer: 'customer-directory.test.ts',
  insertCustomer: 'customer-directory.test.ts',
  updateCustomer: 'customer-directory.test.ts',
  deleteCustomer: 'customer-directory.test.ts',
} as const satisfies Record<Exclude<keyof Store, 'kind'>, 'here' | 'afterAll' | 'sender-store-contract.test.ts' | 'customer-directory.test.ts'>;

/** The store, recording which of its methods the tests call. */
function recordingCalls(store: Store, called: Set<string>): Store {
  return new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      called.add(String(property));
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

/** One contract, two stores: every behaviour the relay relies on holds for SQLite and PostgreSQL alike. */
const implementations: { name: string; open: () => Promise<{ store: Store; cleanup: () => Promise<void> }> }[] = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-contract-'));
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

describe.each(implementations)('store contract: $name', ({ name, open }) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let userId: string;
  let profileId: string;
  const called = new Set<string>();

  beforeAll(async () => {
    let opened: Store;
    ({ store: opened, cleanup } = await open());
    store = recordingCalls(opened, called);
    expect(store.kind).toBe(name);
    userId = (await store.createUser({ id: randomUUID(), email: 'Anna@Firma.se', name: 'Anna', role: 'member', createdAt: 1 })).id;
    profileId = randomUUID();
    await store.insertProfile({ id: profileId, ownerId: userId, scope: 'personal', data: profileData(), secrets: null, createdAt: 1, updatedAt: 1 });
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  const message = (overrides: Partial<NewMessage> = {}): NewMessage => newMessage(profileId, overrides);

  type SendOverrides = Partial<Omit<NewSend, 'messages'>> & Partial<NewMessage>;
  /** A send of one message (the common case), answered with that message. */
  async function enqueue(overrides: SendOverrides = {}) {
    const { idempotencyKey = null, requestHash = '', createdAt = Date.now(), userId: sender = userId, ...fields } = overrides;
    const result = await store.enqueueSend({ id: randomUUID(), userId: sender, idempotencyKey, requestHash, createdAt, messages: [message(fields)] });
    return { ...result, message: result.messages[0]! };
  }

  it('answers a ping while open, and refuses one once closed', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    // With room on the disk and a database that takes writes (the full disk: fault-suite.test.ts).
    await expect(store.checkWritable()).resolves.toBeUndefined();
    const { store: other, cleanup: cleanupOther } = await open();
    await other.close();
    await expect(other.ping()).rejects.toThrow();
    await cleanupOther();
  });

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
    await store.insertProfile({ id: companyId, ownerId: null, scope: 'company', data: profileData({ name: 'Firma' }), secrets: null, createdAt: 2, updatedAt: 2 });
    const visible = (await store.listProfilesVisibleTo(other.id)).map((p) => p.id);
    expect(visible).toContain(companyId);
    expect(visible).not.toContain(profileId);
    // Oldest first, whoever owns them (the delivery worker and key rotation read them all).
    expect((await store.listAllProfiles()).map((p) => p.id)).toEqual([profileId, companyId]);
    const row = (await store.getProfile(companyId))!;
    await store.updateProfile({ ...row, data: profileData({ name: 'changed' }), updatedAt: 9 });
    expect(await store.getProfile(companyId)).toMatchObject({ data: profileData({ name: 'changed' }), updatedAt: 9, ownerId: null });
    expect(await store.deleteProfile(companyId)).toBe(true);
    expect(await store.deleteProfile(companyId)).toBe(false);
  });

  it('returns the first message for a repeated idempotency key and tells whether the request was the same', async () => {
    const first = await enqueue({ idempotencyKey: 'k1', requestHash: 'a' });
    expect(first.kind).toBe('created');
    const again = await enqueue({ idempotencyKey: 'k1', requestHash: 'a' });
    expect(again).toMatchObject({ kind: 'existing', sameRequest: true, message: { id: first.message.id } });
    const other = await enqueue({ idempotencyKey: 'k1', requestHash: 'b' });
    expect(other).toMatchObject({ kind: 'existing', sameRequest: false });
  });

  it('creates one message when the same key races', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => enqueue({ idempotencyKey: 'race', requestHash: 'r' })));
    expect(results.filter((r) => r.kind === 'created')).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
  });

  it('claims due messages under a lease; concurrent claimers never share a message', async () => {
    const now = Date.now() + 10_000_000;
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await enqueue({ documentRef: 'claim' })).message.id);
    const [a, b] = await Promise.all([store.claimDueMessages('A', now, 60_000, 50), store.claimDueMessages('B', now, 60_000, 50)]);
    const claimed = [...a, ...b].map((m) => m.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    for (const id of ids) expect(claimed).toContain(id);
    expect(a.every((m) => m.leaseOwner === 'A' && m.status === 'sending' && Buffer.isBuffer(m.raw))).toBe(true);
    // Nothing is due again while the leases hold.
    expect(await store.claimDueMessages('C', now + 1, 60_000, 100)).toHaveLength(0);
  });

  it('lets another worker take a message whose lease expired; the old owner can no longer record it', async () => {
    const created = await enqueue();
    const t0 = Date.now() + 20_000_000;
    const [claimed] = (await store.claimDueMessages('crashed', t0, 1000, 1000)).filter((m) => m.id === created.message.id);
    expect(claimed).toBeDefined();
    const retaken = (await store.claimDueMessages('rescuer', t0 + 5000, 1000, 1000)).map((m) => m.id);
    expect(retaken).toContain(created.message.id);
    const [stale] = await store.finishAttempts('crashed', [
      { id: created.message.id, attempt: { startedAt: t0, finishedAt: t0 + 1, reply: null, responseCode: null, errorCode: null }, result: { outcome: 'sent', reply: '250 ok' } },
    ]);
    expect(stale).toBe(false);
    const [ok] = await store.finishAttempts('rescuer', [
      { id: created.message.id, attempt: { startedAt: t0, finishedAt: t0 + 6000, reply: '250 ok', responseCode: 250, errorCode: null }, result: { outcome: 'sent', reply: '250 ok' } },
    ]);
    expect(ok).toBe(true);
    expect(await store.getMessage(created.message.id)).toMatchObject({ status: 'sent', attempts: 1, lastReply: '250 ok', leaseOwner: null });
    // The crashed worker's attempt is in the history, not counted.
    expect(await store.listAttempts(created.message.id)).toEqual([
      expect.objectContaining({ outcome: 'interrupted' }),
      expect.objectContaining({ outcome: 'sent', reply: '250 ok', responseCode: 250 }),
    ]);
  });

  it('keeps the problem of a message sent to some of its recipients only, on the message and its attempt', async () => {
    const created = await enqueue();
    const t0 = Date.now() + 30_000_000;
    expect((await store.claimDueMessages('w', t0, 60_000, 1000)).map((m) => m.id)).toContain(created.message.id);
    const reply = '250 ok\nRefused recipient nobody@exempel.se: 550 5.1.1 User unknown';
    const [ok] = await store.finishAttempts('w', [
      {
        id: created.message.id,
        attempt: { startedAt: t0, finishedAt: t0 + 1, reply, responseCode: 250, errorCode: null },
        result: { outcome: 'sent', reply, problemCode: 'recipients_partly_refused' },
      },
    ]);
    expect(ok).toBe(true);
    expect(await store.getMessage(created.message.id)).toMatchObject({ status: 'sent', lastReply: reply, problemCode: 'recipients_partly_refused' });
    expect(await store.listAttempts(created.message.id)).toEqual([expect.objectContaining({ outcome: 'sent', problemCode: 'recipients_partly_refused' })]);
  });

  it('records results and claims the next messages in one call, never claiming a message it finishes', async () => {
    // Both stores offer it (the worker claims on its own with a store that does not).
    if (!store.finishAttemptsAndClaim) throw new Error(`the ${name} store does not record results and claim in one call`);
    const first = (await enqueue()).message.id;
    const next = (await enqueue()).message.id;
    const t0 = Date.now() + 25_000_000;
    // A short lease, over by the time its result comes: the message is still this worker's, and finished, not claimed again.
    const claimed = (await store.claimDueMessages('w', t0, 1000, 1000)).map((m) => m.id);
    expect(claimed).toEqual(expect.arrayContaining([first, next]));
    const sent = (id: string, at: number) => ({
      id,
      attempt: { startedAt: at, finishedAt: at, reply: '250 ok', responseCode: 250, errorCode: null },
      result: { outcome: 'sent' as const, reply: '250 ok' },
    });
    const later = await enqueue();
    const { applied, claimed: again } = await store.finishAttemptsAndClaim('w', [sent(first, t0 + 5000), sent('no-such-message', t0 + 5000)], { now: t0 + 5000, leaseMs: 60_000, limit: 1000 });
    expect(applied).toEqual([true, false]);
    const againIds = again.map((m) => m.id);
    // `next`'s lease is over: it is claimed again (its lost attempt recorded as interrupted), as is the message queued meanwhile; `first` is not.
    expect(againIds).toEqual(expect.arrayContaining([next, later.message.id]));
    expect(againIds).not.toContain(first);
    expect(again.find((m) => m.id === next)).toMatchObject({ status: 'sending', leaseOwner: 'w', leaseUntil: t0 + 65_000 });
    expect(Buffer.isBuffer(again.find((m) => m.id === next)!.raw)).toBe(true);
    expect(await store.getMessage(first)).toMatchObject({ status: 'sent', attempts: 1, leaseOwner: null });
    expect((await store.listAttempts(next)).map((a) => a.outcome)).toEqual(['interrupted']);
    // Another owner's result does not apply; with nothing due, nothing is claimed.
    const stale = await store.finishAttemptsAndClaim('x', [sent(next, t0 + 6000)], { now: t0 + 6000, leaseMs: 60_000, limit: 1000 });
    expect(stale.applied).toEqual([false]);
    expect(stale.claimed.map((m) => m.id)).not.toContain(next);
    expect(await store.getMessage(next)).toMatchObject({ status: 'sending', leaseOwner: 'w' });
  });

  it('records a deferral with its next attempt, and a release puts a message back without counting an attempt', async () => {
    const before = await store.countMessagesByStatus();
    const deferredId = (await enqueue()).message.id;
    const releasedId = (await enqueue()).message.id;
    const t0 = Date.now() + 30_000_000;
    await store.claimDueMessages('w', t0, 60_000, 1000);
    await store.finishAttempts('w', [
      {
        id: deferredId,
        attempt: { startedAt: t0, finishedAt: t0, reply: '451 later', responseCode: 451, errorCode: null },
        result: {
          outcome: 'deferred',
          reply: '451 later',
          responseCode: 451,
          problemCode: 'server_temporary',
          nextAttemptAt: t0 + 5000,
        },
      },
    ]);
    expect(await store.getMessage(deferredId)).toMatchObject({ status: 'deferred', attempts: 1, nextAttemptAt: t0 + 5000, problemCode: 'server_temporary' });
    await store.releaseLease(releasedId, 'w', t0);
    expect(await store.getMessage(releasedId)).toMatchObject({ status: 'queued', attempts: 0, leaseOwner: null });
    // The outbox by status, as GET /metrics shows it.
    const after = await store.countMessagesByStatus();
    expect(after.deferred).toBe((before.deferred ?? 0) + 1);
    expect(Object.values(after).reduce((sum, n) => sum + n, 0)).toBe(Object.values(before).reduce((sum, n) => sum + n, 0) + 2);
  });

  it('commits sends that arrive together each with its own messages; of two with one key one wins, and a refused one fails alone', async () => {
    const send = (idempotencyKey: string | null, requestHash: string, messages: NewMessage[]) =>
      store.enqueueSend({ id: randomUUID(), userId, idempotencyKey, requestHash, createdAt: Date.now(), messages });
    const taken = (await enqueue()).message.id;
    const split = [1, 2].map((partNumber) => message({ partNumber, partCount: 2, documents: [{ ref: `T-${partNumber}` }] }));
    const [plain, twoParts, first, second, refused] = await Promise.allSettled([
      send(null, 'a', [message()]),
      send(null, 'b', split),
      send('together', 'c', [message()]),
      send('together', 'd', [message()]),
      // Its message's id is taken: the database refuses this send, and only this one.
      send(null, 'e', [message({ id: taken })]),
    ]);
    expect(plain).toMatchObject({ status: 'fulfilled', value: { kind: 'created', messages: [{ status: 'queued' }] } });
    expect(twoParts).toMatchObject({ status: 'fulfilled', value: { kind: 'created', messages: split.map(({ id }) => ({ id })) } });
    expect((await store.listMessages({ documentRef: 'T-2', limit: 10 })).map((m) => m.id)).toEqual([split[1]!.id]);
    expect([first, second].map((r) => r.status === 'fulfilled' && r.value.kind)).toEqual(['created', 'existing']);
    expect(second).toMatchObject({ status: 'fulfilled', value: { sameRequest: false, messages: [{ id: (first as PromiseFulfilledResult<{ messages: { id: string }[] }>).value.messages[0]!.id }] } });
    expect(refused.status).toBe('rejected');
  });

  it('commits a split send whole, finds every document it carries, and keeps the Sent copy to do', async () => {
    const parts = [['D-1', 'D-2'], ['D-3']].map((refs, i) => message({ documents: refs.map((ref) => ({ ref })), partNumber: i + 1, partCount: 2, documentRef: 'SPLIT', wantsSentCopy: true }));
    const result = await store.enqueueSend({ id: randomUUID(), userId, idempotencyKey: 'split', requestHash: 'h', createdAt: Date.now(), messages: parts });
    expect(result.kind).toBe('created');
    expect(result.messages.map((m) => [m.partNumber, m.documents])).toEqual([
      [1, [{ ref: 'D-1' }, { ref: 'D-2' }]],
      [2, [{ ref: 'D-3' }]],
    ]);
    expect((await store.listMessages({ documentRef: 'D-3', limit: 10 })).map((m) => m.id)).toEqual([parts[1]!.id]);
    expect(await store.findSendByIdempotencyKey(userId, 'split')).toMatchObject({ requestHash: 'h', messages: [{ id: parts[0]!.id }, { id: parts[1]!.id }] });

    const t0 = Date.now() + 40_000_000;
    const claimed = (await store.claimDueMessages('w', t0, 60_000, 1000)).filter((m) => m.sendId === result.messages[0]!.sendId);
    expect(claimed).toHaveLength(2);
    await store.finishAttempts('w', [
      { id: parts[0]!.id, attempt: { startedAt: t0, finishedAt: t0, reply: '250 ok', responseCode: 250, errorCode: null }, result: { outcome: 'sent', reply: '250 ok' } },
    ]);
    const copies = await store.claimDueSentCopies(t0 + 1, 60_000, 10);
    expect(copies.map((m) => m.id)).toContain(parts[0]!.id);
    // Claimed: not due again until the copy's lease runs out.
    expect((await store.claimDueSentCopies(t0 + 2, 60_000, 10)).map((m) => m.id)).not.toContain(parts[0]!.id);
    await store.finishSentCopy(parts[0]!.id, { status: 'saved', folder: 'Sent', error: null, nextAt: null });
    expect(await store.getMessage(parts[0]!.id)).toMatchObject({ sentCopyStatus: 'saved', sentCopyFolder: 'Sent', sentCopyAttempts: 1 });
  });

  it('claims a message with the bytes it committed, whatever the caller does with its buffer afterwards', async () => {
    const raw = randomBytes(40_000);
    const accepted = Buffer.from(raw);
    const result = await store.enqueueSend({ id: randomUUID(), userId, idempotencyKey: null, requestHash: 'b', createdAt: Date.now(), messages: [message({ raw: accepted })] });
    // The accept route releases the composed bytes right after the commit.
    accepted.fill(0);
    const t0 = Date.now() + 42_000_000;
    const [claimed] = (await store.claimDueMessages('w', t0, 60_000, 1000)).filter((m) => m.id === result.messages[0]!.id);
    expect(claimed!.raw!.equals(raw)).toBe(true);
  });

  it('claims a composed message (handed over to the store whole) with exactly its bytes, several sends committed together', async () => {
    const contents = [1, 2, 3].map((i) => Buffer.from(randomBytes(30_000 * i).toString('base64'), 'latin1'));
    const skeleton = Buffer.from('Subject: composed\r\nContent-Transfer-Encoding: base64\r\n\r\nMARKER\r\n--end--\r\n', 'latin1');
    const raws = contents.map((content) => spliceBase64Bodies(skeleton, [{ marker: 'MARKER', content }]) as Buffer);
    const expected = raws.map((raw) => Buffer.from(raw));
    const results = await Promise.all(
      raws.map((raw, i) => store.enqueueSend({ id: randomUUID(), userId, idempotencyKey: null, requestHash: `h${i}`, createdAt: Date.now(), messages: [message({ raw })] })),
    );
    const t0 = Date.now() + 43_000_000;
    const claimed = await store.claimDueMessages('w', t0, 60_000, 1000);
    results.forEach((result, i) => {
      const found = claimed.find((m) => m.id === result.messages[0]!.id);
      expect(found!.sizeBytes).toBe(expected[i]!.length);
      expect(found!.raw!.equals(expected[i]!)).toBe(true);
    });
  });

  it('stores a large composed message from its pieces, chunk by chunk, as exactly its bytes', async () => {
    const content = Buffer.from(randomBytes(BODY_CHUNK_BYTES + 300_000).toString('base64'), 'latin1');
    const skeleton = Buffer.from('Subject: big\r\nContent-Transfer-Encoding: base64\r\n\r\nMARKER\r\n--end--\r\n', 'latin1');
    const raw = spliceBase64Bodies(skeleton, [{ marker: 'MARKER', content }]);
    expect(raw).toBeInstanceOf(SplicedMessage);
    const expected = wholeBody(raw);
    const result = await store.enqueueSend({ id: randomUUID(), userId, idempotencyKey: null, requestHash: 'p', createdAt: Date.now(), messages: [message({ raw })] });
    const t0 = Date.now() + 44_000_000;
    const [claimed] = (await store.claimDueMessages('w', t0, 60_000, 1000)).filter((m) => m.id === result.messages[0]!.id);
    expect(claimed!.sizeBytes).toBe(expected.length);
    expect((await readWholeBody(store, claimed!)).equals(expected)).toBe(true);
  });

  it('stores a large body in chunks committed with its message, and reads them back as exactly the accepted bytes', async () => {
    const sizes = [BODY_CHUNK_BYTES, BODY_CHUNK_BYTES + 1, 2 * BODY_CHUNK_BYTES, 2 * BODY_CHUNK_BYTES + 12_345];
    const bodies = sizes.map((size) => randomBytes(size));
    const parts = bodies.map((raw, i) => message({ raw, partNumber: i + 1, partCount: sizes.length, wantsSentCopy: true }));
    const result = await store.enqueueSend({ id: randomUUID(), userId, idempotencyKey: 'chunked', requestHash: 'c', createdAt: Date.now(), messages: parts });
    expect(result.kind).toBe('created');
    expect(result.messages.map((m) => m.sizeBytes)).toEqual(sizes);
    // The same key again: nothing written, not even chunks; the first send's bodies stay as they were.
    const again = await store.enqueueSend({
      id: randomUUID(),
      userId,
      idempotencyKey: 'chunked',
      requestHash: 'c',
      createdAt: Date.now(),
      messages: [message({ raw: randomBytes(3 * BODY_CHUNK_BYTES) })],
    });
    expect(again).toMatchObject({ kind: 'existing', sameRequest: true });
    expect(await store.readMessageBodyChunk(again.messages[0]!.id, 3)).toBeUndefined();

    const t0 = Date.now() + 45_000_000;
    const claimed = (await store.claimDueMessages('w', t0, 60_000, 1000)).filter((m) => m.sendId === result.messages[0]!.sendId);
    expect(claimed.map((m) => m.partNumber).sort()).toEqual([1, 2, 3, 4]);
    for (const m of claimed) {
      const body = bodies[m.partNumber - 1]!;
      if (body.length <= BODY_CHUNK_BYTES) {
        // Up to one chunk: in one piece, read with the claim (the outbox's hot path).
        expect(m.raw?.equals(body)).toBe(true);
        expect(await store.readMessageBodyChunk(m.id, 0)).toBeUndefined();
        continue;
      }
      // Larger: not read with the claim, but chunk by chunk, each at most BODY_CHUNK_BYTES.
      expect(m.raw).toBeNull();
      const chunks: Buffer[] = [];
      for await (const chunk of messageBodyChunks(store, m)) chunks.push(chunk);
      expect(chunks.length).toBe(Math.ceil(body.length / BODY_CHUNK_BYTES));
      expect(chunks.every((c) => c.length <= BODY_CHUNK_BYTES)).toBe(true);
      expect(Buffer.concat(chunks).equals(body)).toBe(true);
      expect((await readWholeBody(store, m)).equals(body)).toBe(true);
      // A recorded size the chunks do not add up to is an error, never a shorter message.
      await expect(readWholeBody(store, { ...m, sizeBytes: m.sizeBytes + 1 })).rejects.toThrow(/bytes/);
    }

    // The Sent copy reads the same bytes.
    await store.finishAttempts(
      'w',
      claimed.map((m) => ({ id: m.id, attempt: { startedAt: t0, finishedAt: t0, reply: '250 ok', responseCode: 250, errorCode: null }, result: { outcome: 'sent' as const, reply: '250 ok' } })),
    );
    const copies = (await store.claimDueSentCopies(t0 + 1, 60_000, 100)).filter((m) => m.sendId === result.messages[0]!.sendId);
    expect(copies).toHaveLength(4);
    for (const copy of copies) expect((await readWholeBody(store, copy)).equals(bodies[copy.partNumber - 1]!)).toBe(true);
    for (const copy of copies) await store.finishSentCopy(copy.id, { status: 'saved', folder: 'Sent', error: null, nextAt: null });
  });

  /** getProfileForSend answers, in one read, what getProfile, getDeliverySettings and lastFinishedDelivery answer. */
  async function expectProfileForSend(id: string) {
    const profile = await store.getProfile(id);
    const expected = profile && { profile, settings: await store.getDeliverySettings(id), lastFinished: await store.lastFinishedDelivery(id) };
    expect(await store.getProfileForSend(id)).toEqual(expected);
    // listProfilesForSend answers the same for each profile a send chooses from, in listProfilesVisibleTo's order.
    if (!profile) return;
    const visible = await store.listProfilesVisibleTo(userId);
    const forSend = await store.listProfilesForSend(userId);
    expect(forSend.map((read) => read.profile)).toEqual(visible);
    for (const read of forSend) expect(read).toEqual(await store.getProfileForSend(read.profile.id));
  }

  it('keeps delivery settings per profile, and a learned server SIZE without touching them', async () => {
    await store.recordServerMaxBytes(profileId, 5_000_000, 1);
    expect(await store.getDeliverySettings(profileId)).toMatchObject({ data: { v: 1 }, serverMaxBytes: 5_000_000 });
    await store.putDeliverySettings({ profileId, data: { v: 1, maxConnections: 2 }, secrets: {}, updatedAt: 7 });
    await store.recordServerMaxBytes(profileId, 4_000_000, 8);
    expect(await store.getDeliverySettings(profileId)).toEqual({ profileId, data: { v: 1, maxConnections: 2 }, secrets: {}, serverMaxBytes: 4_000_000, updatedAt: 7 });
    expect((await store.getProfileForSend(profileId))?.settings?.serverMaxBytes).toBe(4_000_000);
    await expectProfileForSend(profileId);
    await store.recordServerMaxBytes('no-such-profile', 1, 1);
    expect(await store.getDeliverySettings('no-such-profile')).toBeUndefined();
  });

  it('lists messages by user and document, newest first', async () => {
    await enqueue({ documentRef: 'INV-9', createdAt: 100 });
    await enqueue({ documentRef: 'INV-9', createdAt: 200 });
    const listed = await store.listMessages({ userId, documentRef: 'INV-9', limit: 10 });
    expect(listed.map((m) => m.createdAt)).toEqual([200, 100]);
    expect(await store.listMessages({ userId: 'someone-else', documentRef: 'INV-9', limit: 10 })).toEqual([]);
  });

  it('renews only the leases its owner holds, and postpones a message without counting an attempt', async () => {
    const other = randomUUID();
    await store.insertProfile({ id: other, ownerId: userId, scope: 'personal', data: profileData(), secrets: null, createdAt: 3, updatedAt: 3 });
    expect(await store.lastFinishedDelivery(other)).toBeUndefined();
    await expectProfileForSend(other);
    expect(await store.getProfileForSend('no-such-profile')).toBeUndefined();
    const a = (await enqueue({ profileId: other, wantsSentCopy: true })).message.id;
    const b = (await enqueue({ profileId: other, wantsSentCopy: true })).message.id;
    const t0 = Date.now() + 50_000_000;
    expect((await store.claimDueMessages('w', t0, 1000, 1000)).map((m) => m.id)).toEqual(expect.arrayContaining([a, b]));

    await store.renewLeases([a, b], 'w', t0 + 60_000);
    await store.renewLeases([a], 'intruder', t0 + 999_999);
    expect(await store.getMessage(a)).toMatchObject({ status: 'sending', leaseOwner: 'w', leaseUntil: t0 + 60_000 });
    // Renewed: not due again when the first lease would have run out.
    expect((await store.claimDueMessages('x', t0 + 5000, 1000, 1000)).map((m) => m.id)).not.toContain(a);

    // Waiting for the profile's rate limit: back in the queue, due later, no attempt recorded.
    await store.postponeMessage(b, 'intruder', t0 + 30_000);
    expect(await store.getMessage(b)).toMatchObject({ status: 'sending', leaseOwner: 'w' });
    await store.postponeMessage(b, 'w', t0 + 30_000);
    expect(await store.getMessage(b)).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: t0 + 30_000, leaseOwner: null, leaseUntil: null });
    expect(await store.listAttempts(b)).toEqual([]);
    expect((await store.claimDueMessages('y', t0 + 29_999, 1000, 1000)).map((m) => m.id)).not.toContain(b);
    expect((await store.claimDueMessages('y', t0 + 30_000, 1000, 1000)).map((m) => m.id)).toContain(b);

    // A failure drops the Sent copy; a delivery schedules it. The last finished one says how the profile does.
    const attempt = (at: number) => ({ startedAt: at, finishedAt: at, reply: null, responseCode: null, errorCode: null });
    expect(
      await store.finishAttempts('w', [
        { id: a, attempt: attempt(t0 + 40_000), result: { outcome: 'failed', reply: '535 no', responseCode: 535, problemCode: 'auth_failed' } },
        { id: b, attempt: attempt(t0 + 40_000), result: { outcome: 'sent', reply: '250 ok' } },
      ]),
    ).toEqual([true, false]);
    expect(await store.getMessage(a)).toMatchObject({ status: 'failed', attempts: 1, problemCode: 'auth_failed', sentCopyStatus: null, leaseOwner: null });
    expect(await store.lastFinishedDelivery(other)).toEqual({ status: 'failed', problemCode: 'auth_failed', at: t0 + 40_000 });
    await expectProfileForSend(other);
    expect(await store.finishAttempts('y', [{ id: b, attempt: attempt(t0 + 41_000), result: { outcome: 'sent', reply: '250 ok' } }])).toEqual([true]);
    expect(await store.getMessage(b)).toMatchObject({ status: 'sent', sentAt: t0 + 41_000, sentCopyStatus: 'pending', sentCopyNextAt: t0 + 41_000 });
    expect(await store.lastFinishedDelivery(other)).toEqual({ status: 'sent', problemCode: null, at: t0 + 41_000 });
    expect((await store.getProfileForSend(other))?.lastFinished).toEqual({ status: 'sent', problemCode: null, at: t0 + 41_000 });
    await expectProfileForSend(other);
    expect((await store.listAttemptsOfMessages([b, a])).map((r) => [r.messageId, r.outcome])).toEqual([
      [a, 'failed'],
      [b, 'sent'],
    ]);
    expect(await store.listAttemptsOfMessages([])).toEqual([]);
  });

  it('puts a released message that was tried before back as deferred, with the release in its history', async () => {
    const id = (await enqueue()).message.id;
    const t0 = Date.now() + 60_000_000;
    await store.claimDueMessages('w', t0, 60_000, 1000);
    await store.finishAttempts('w', [
      {
        id: id,
        attempt: { startedAt: t0, finishedAt: t0, reply: '421 busy', responseCode: 421, errorCode: null },
        result: {
          outcome: 'deferred',
          reply: '421 busy',
          responseCode: 421,
          problemCode: 'server_temporary',
          nextAttemptAt: t0 + 1000,
        },
      },
    ]);
    expect((await store.claimDueMessages('w', t0 + 1000, 60_000, 1000)).map((m) => m.id)).toContain(id);
    await store.releaseLease(id, 'w', t0 + 2000);
    expect(await store.getMessage(id)).toMatchObject({ status: 'deferred', attempts: 1, nextAttemptAt: t0 + 2000, leaseOwner: null });
    expect((await store.listAttempts(id)).map((r) => r.outcome)).toEqual(['deferred', 'released']);
  });

  it('keeps company recipes: oldest first, one by id, deleted once', async () => {
    const recipe = (overrides: Partial<RecipeRow>): RecipeRow => ({
      id: randomUUID(),
      formatVersion: 1,
      data: { formatVersion: 1, name: 'Invoice Ninja', urlPattern: 'https://app.invoicing.co/*', fields: { number: '.invoice-number' } },
      publishedBy: userId,
      createdAt: 20,
      updatedAt: 20,
      ...overrides,
    });
    expect(await store.listRecipes()).toEqual([]);
    const newer = recipe({ createdAt: 30, updatedAt: 31 });
    const older = recipe({ createdAt: 10, updatedAt: 10, publishedBy: null, formatVersion: 2 });
    await store.insertRecipe(newer);
    await store.insertRecipe(older);
    expect(await store.listRecipes()).toEqual([older, newer]);
    expect(await store.getRecipe(newer.id)).toEqual(newer);
    expect(await store.getRecipe('no-such-recipe')).toBeUndefined();
    // An id is published once, and only by a user the relay knows.
    await expect(store.insertRecipe({ ...newer, data: { ...newer.data!, name: 'Another' } })).rejects.toThrow();
    await expect(store.insertRecipe(recipe({ publishedBy: 'no-such-user' }))).rejects.toThrow();
    expect(await store.getRecipe(newer.id)).toEqual(newer);
    expect(await store.deleteRecipe(older.id)).toBe(true);
    expect(await store.deleteRecipe(older.id)).toBe(false);
    expect(await store.listRecipes()).toEqual([newer]);
  });

  it('keeps the company’s templates and each person’s own, shows a person only theirs, replaces and deletes one', async () => {
    const other = (await store.createUser({ id: randomUUID(), email: 'templates-bo@firma.se', name: null, role: 'member', createdAt: 2 })).id;
    const company: TemplateRow = { ownerId: null, kind: 'quote', language: 'sv', subject: 'Offert {documentNumber}', message: 'Hej', updatedBy: userId, updatedAt: 40 };
    const mine: TemplateRow = { ownerId: userId, kind: 'quote', language: 'sv', subject: 'Min offert', message: 'Hej!', updatedBy: userId, updatedAt: 41 };
    const theirs: TemplateRow = { ownerId: other, kind: 'quote', language: 'sv', subject: 'Bos offert', message: 'Tja', updatedBy: other, updatedAt: 42 };
    await store.putTemplate(company);
    await store.putTemplate(mine);
    await store.putTemplate(theirs);
    expect(await store.listTemplates(userId)).toEqual([company, mine]);
    expect(await store.listTemplates(other)).toEqual([company, theirs]);
    const changed = { ...company, subject: 'Offert nr {documentNumber}', updatedAt: 50, updatedBy: null };
    await store.putTemplate(changed);
    expect(await store.listTemplates(userId)).toEqual([changed, mine]);
    expect(await store.deleteTemplate(userId, 'quote', 'sv')).toBe(true);
    expect(await store.deleteTemplate(userId, 'quote', 'sv')).toBe(false);
    expect(await store.listTemplates(userId)).toEqual([changed]);
    expect(await store.deleteTemplate(null, 'quote', 'sv')).toBe(true);
    expect(await store.listTemplates(other)).toEqual([theirs]);
  });

  // OAuth2 (issue 8, relay/oauth/)

  async function oauthProfile(secrets: Record<string, string> | null = { password: 'sealed-password' }) {
    const id = randomUUID();
    await store.insertProfile({ id, ownerId: userId, scope: 'personal', data: profileData(), secrets, createdAt: 5, updatedAt: 5 });
    return id;
  }

  it('caches one access token per profile, replaces it, and forgets it only while it is still the same one', async () => {
    const id = await oauthProfile();
    const token = { profileId: id, credentialKey: 'key-1', secrets: { accessToken: 'sealed-1' }, obtainedAt: 10, expiresAt: 3_600_010 };
    expect(await store.getOAuthAccessToken(id)).toBeUndefined();
    await store.putOAuthAccessToken(token);
    expect(await store.getOAuthAccessToken(id)).toEqual(token);
    const newer = { ...token, credentialKey: 'key-2', secrets: { accessToken: 'sealed-2' }, obtainedAt: 20, expiresAt: 3_600_020 };
    await store.putOAuthAccessToken(newer);
    expect(await store.getOAuthAccessToken(id)).toEqual(newer);
    // Another instance forgets the token it was refused (obtained at 10): the newer one stays.
    await store.deleteOAuthAccessToken(id, 10);
    expect(await store.getOAuthAccessToken(id)).toEqual(newer);
    await store.deleteOAuthAccessToken(id, 20);
    expect(await store.getOAuthAccessToken(id)).toBeUndefined();
    await store.putOAuthAccessToken(newer);
    await store.deleteOAuthAccessToken(id);
    expect(await store.getOAuthAccessToken(id)).toBeUndefined();
    // No token for a profile that is gone, and none left behind when a profile is deleted.
    await store.putOAuthAccessToken({ ...token, profileId: 'no-such-profile' });
    expect(await store.getOAuthAccessToken('no-such-profile')).toBeUndefined();
    await store.putOAuthAccessToken(token);
    await store.deleteProfile(id);
    expect(await store.getOAuthAccessToken(id)).toBeUndefined();
  });

  it('lists cached access tokens among the profile secrets, so key rotation re-seals them', async () => {
    const id = await oauthProfile();
    await store.putOAuthAccessToken({ profileId: id, credentialKey: 'k', secrets: { accessToken: 'sealed' }, obtainedAt: 1, expiresAt: 2 });
    expect(await store.listProfileSecrets()).toContainEqual({ table: 'oauth_access_tokens', profileId: id, secrets: { accessToken: 'sealed' } });
    await store.rewriteProfileSecrets(({ table, secrets }) => (table === 'oauth_access_tokens' ? { accessToken: secrets.accessToken!.replace('sealed', 'resealed') } : null));
    expect((await store.getOAuthAccessToken(id))?.secrets).toEqual({ accessToken: 'resealed' });
  });

  it('writes a sign-in into the profile’s secrets and state without touching its other secrets, settings or updatedAt', async () => {
    const id = await oauthProfile({ password: 'sealed-password', clientSecret: 'sealed-client-secret' });
    expect((await store.getProfile(id))?.oauthState ?? null).toBeNull();
    const signedIn = { v: 1, status: 'signed_in', at: 7 } as const;
    expect(await store.setProfileOAuthGrant(id, { refreshToken: 'sealed-rt-1', state: signedIn })).toBe(true);
    let row = (await store.getProfile(id))!;
    expect(row.secrets).toEqual({ password: 'sealed-password', clientSecret: 'sealed-client-secret', refreshToken: 'sealed-rt-1' });
    expect(row).toMatchObject({ oauthState: signedIn, updatedAt: 5, data: profileData() });
    expect((await store.listProfilesVisibleTo(userId)).find((p) => p.id === id)?.oauthState).toEqual(signedIn);

    // Compare-and-set: a rotation based on an old refresh token does not overwrite a newer one.
    expect(await store.setProfileOAuthGrant(id, { refreshToken: 'sealed-rt-2' }, { ifRefreshTokenIs: 'sealed-rt-0' })).toBe(false);
    expect(await store.setProfileOAuthGrant(id, { refreshToken: 'sealed-rt-2' }, { ifRefreshTokenIs: 'sealed-rt-1' })).toBe(true);
    row = (await store.getProfile(id))!;
    expect(row.secrets!.refreshToken).toBe('sealed-rt-2');
    expect(row.oauthState).toEqual(signedIn);

    // "Sign in again": the refresh token goes, the other secrets stay.
    const again = { v: 1, status: 'sign_in_again', at: 9 } as const;
    expect(await store.setProfileOAuthGrant(id, { refreshToken: null, state: again }, { ifRefreshTokenIs: 'sealed-rt-2' })).toBe(true);
    row = (await store.getProfile(id))!;
    expect(row.secrets).toEqual({ password: 'sealed-password', clientSecret: 'sealed-client-secret' });
    expect(row).toMatchObject({ oauthState: again, updatedAt: 5 });
    // Compare-and-set against "no refresh token", and a new sign-in that moves updatedAt.
    expect(await store.setProfileOAuthGrant(id, { refreshToken: 'sealed-rt-3', state: null }, { ifRefreshTokenIs: null, touchedAt: 11 })).toBe(true);
    expect(await store.getProfile(id)).toMatchObject({ oauthState: null, updatedAt: 11 });

    // A profile without secrets gets its first one; a missing profile is not written.
    const bare = await oauthProfile(null);
    expect(await store.setProfileOAuthGrant(bare, { refreshToken: 'sealed-rt' })).toBe(true);
    expect((await store.getProfile(bare))!.secrets).toEqual({ refreshToken: 'sealed-rt' });
    expect(await store.setProfileOAuthGrant('no-such-profile', { refreshToken: 'x' })).toBe(false);

    // Saving the profile's settings leaves the sign-in state alone.
    await store.updateProfile({ ...(await store.getProfile(id))!, data: profileData({ name: 'x' }), updatedAt: 12 });
    expect((await store.getProfile(id))!.secrets!.refreshToken).toBe('sealed-rt-3');
  });

  it('keeps one sign-in per profile, polls it once per claim, and ends it once', async () => {
    const id = await oauthProfile();
    const signIn = {
      id: randomUUID(),
      profileId: id,
      userId,
      provider: 'microsoft' as const,
      flow: 'device_code' as const,
      status: 'pending' as const,
      stateHash: null,
      sealed: { deviceCode: 'sealed' },
      details: { userCode: 'ABCD' },
      pollIntervalMs: 5000,
      nextPollAt: 100,
      problemCode: null,
      result: null,
      createdAt: 90,
      expiresAt: 1000,
      updatedAt: 90,
    };
    await store.createOAuthSignIn(signIn);
    expect(await store.getOAuthSignIn(signIn.id)).toEqual(signIn);
    // Not due yet; then exactly one of several concurrent claimers gets the poll.
    expect(await store.claimOAuthSignInPoll(signIn.id, 99, 105)).toBe(false);
    const claims = await Promise.all(Array.from({ length: 6 }, () => store.claimOAuthSignInPoll(signIn.id, 100, 105)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await store.setOAuthSignInPollInterval(signIn.id, 10_000, 110);
    expect(await store.getOAuthSignIn(signIn.id)).toMatchObject({ pollIntervalMs: 10_000, nextPollAt: 110 });
    expect(await store.finishOAuthSignIn(signIn.id, { status: 'signed_in', problemCode: null, result: { account: 'a@b.se' }, now: 120 })).toBe(true);
    expect(await store.finishOAuthSignIn(signIn.id, { status: 'failed', problemCode: 'oauth_token_failed', result: null, now: 121 })).toBe(false);
    expect(await store.getOAuthSignIn(signIn.id)).toMatchObject({ status: 'signed_in', result: { account: 'a@b.se' }, nextPollAt: null, updatedAt: 120 });
    expect(await store.claimOAuthSignInPoll(signIn.id, 10_000, 10_005)).toBe(false);

    // A new sign-in for the profile replaces the old one.
    const next = { ...signIn, id: randomUUID(), flow: 'authorization_code' as const, provider: 'google' as const, stateHash: 'abc' };
    await store.createOAuthSignIn(next);
    expect(await store.getOAuthSignIn(signIn.id)).toBeUndefined();
    expect(await store.getOAuthSignIn(next.id)).toMatchObject({ stateHash: 'abc', status: 'pending' });
    await store.deleteProfile(id);
    expect(await store.getOAuthSignIn(next.id)).toBeUndefined();
  });

  it('keeps app passwords per user: listed oldest first, revoked only by their owner, gone with the user', async () => {
    const other = await store.createUser({ id: randomUUID(), email: `bo-${randomUUID()}@firma.se`, name: null, role: 'member', createdAt: 2 });
    const first = { id: randomUUID(), userId, name: 'wFirma', hash: 'scrypt$1$x', createdAt: 10, lastUsedAt: null };
    const second = { id: randomUUID(), userId, name: 'Monitor G5', hash: 'scrypt$1$y', createdAt: 20, lastUsedAt: null };
    await store.createAppPassword(second);
    await store.createAppPassword(first);
    expect(await store.listAppPasswords(userId)).toEqual([first, second]);
    expect(await store.listAppPasswords(other.id)).toEqual([]);
    await store.touchAppPassword(first.id, 30);
    expect((await store.listAppPasswords(userId))[0]).toEqual({ ...first, lastUsedAt: 30 });
    // Another user's id is not theirs to revoke.
    expect(await store.deleteAppPassword(other.id, first.id)).toBe(false);
    expect(await store.deleteAppPassword(userId, first.id)).toBe(true);
    expect(await store.deleteAppPassword(userId, first.id)).toBe(false);
    expect((await store.listAppPasswords(userId)).map((r) => r.id)).toEqual([second.id]);
    expect(await store.deleteAppPassword(userId, second.id)).toBe(true);
  });

  it('takes back the claims of a dead relay process at once, never those of a live one (issue 15)', async () => {
    const created = await enqueue();
    const t0 = Date.now() + 30_000_000;
    const [claimed] = (await store.claimDueMessages('dead-worker', t0, 300_000, 1000)).filter((m) => m.id === created.message.id);
    expect(claimed).toBeDefined();
    if (name === 'sqlite') {
      // The first worker to beat takes the outbox lock: the owner of the claim cannot be alive.
      expect(await store.instanceHeartbeat('live', { now: t0 + 1, deadAfterMs: 15_000, takeOver: true })).toMatchObject({ mayClaim: true });
      expect(await store.getMessage(created.message.id)).toMatchObject({ status: 'sending', leaseOwner: 'dead-worker', leaseUntil: t0 + 1 });
      // A second process on the same file (here: a second connection) may not claim while it is held.
      const second = await SqliteStore.open((store as SqliteStore).file);
      try {
        expect(await second.instanceHeartbeat('second', { now: t0 + 2, deadAfterMs: 15_000, takeOver: true })).toEqual({ mayClaim: false, takenBack: 0 });
        await store.endInstance('live');
        expect(await second.instanceHeartbeat('second', { now: t0 + 3, deadAfterMs: 15_000, takeOver: true })).toMatchObject({ mayClaim: true });
        await second.endInstance('second');
      } finally {
        await second.close();
      }
    } else {
      // Every instance may claim; a claim is taken back only once its owner missed its heartbeats.
      await store.instanceHeartbeat('dead-worker', { now: t0, deadAfterMs: 15_000, takeOver: false });
      expect(await store.instanceHeartbeat('live', { now: t0 + 1, deadAfterMs: 60_000, takeOver: true })).toEqual({ mayClaim: true, takenBack: 0 });
      expect(await store.getMessage(created.message.id)).toMatchObject({ leaseUntil: t0 + 300_000 });
      // A fixed wait on purpose: the dead worker's last heartbeat must be older than deadAfterMs (10 ms).
      await new Promise((r) => setTimeout(r, 30));
      const found = await store.instanceHeartbeat('live', { now: t0 + 2, deadAfterMs: 10, takeOver: true });
      expect(found.takenBack).toBeGreaterThanOrEqual(1);
      expect(await store.getMessage(created.message.id)).toMatchObject({ status: 'sending', leaseOwner: 'dead-worker', leaseUntil: t0 + 2 });
      await store.endInstance('dead-worker');
      await store.endInstance('live');
    }
    // Due now: the next claim takes it, recording the dead owner's attempt as interrupted.
    const retaken = (await store.claimDueMessages('rescuer', t0 + 5, 1000, 1000)).map((m) => m.id);
    expect(retaken).toContain(created.message.id);
  });

  // Last: the tests above called every method this file is responsible for.
  it('exercises every Store method', () => {
    // Optional methods (finishAttemptsAndClaim) count where the store has them.
    const expected = Object.entries(CONTRACT_COVERAGE)
      .filter(([method, where]) => where === 'here' && method in store)
      .map(([method]) => method);
    expect(expected.filter((method) => !called.has(method))).toEqual([]);
  });
});
