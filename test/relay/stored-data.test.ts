import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../relay/store/postgres/postgres-store';
import { SqliteStore } from '../../relay/store/sqlite/sqlite-store';
import { StoredDataError } from '../../relay/store/store-errors';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/postgres';
import { startSmtpServer } from '../helpers/smtp-server';
import { newMessage, profileData } from '../helpers/stored-rows';
import { startTestRelay, testProfile } from '../helpers/test-relay';
import { waitFor } from '../helpers/wait-for';

/**
 * A JSON column whose stored value is not what the relay wrote (a database edited by hand, a damaged
 * file) comes back as a coded error naming the value, never as a crash or a half-read record.
 */
const implementations = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-stored-data-'));
      const store = await SqliteStore.open(path.join(dir, 'ownpost.db'));
      const write = async (sql: string, ...params: unknown[]) => void store.db.prepare(sql.replace(/\$\d/g, '?')).run(...params);
      return { store, write, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const schema = freshSchemaName();
      const store = await PostgresStore.open(TEST_DATABASE_URL, { schema });
      const write = async (sql: string, ...params: unknown[]) => void (await store.pool.query(sql, params));
      return { store, write, cleanup: () => dropSchema(schema) };
    },
  },
];

describe.each(implementations)('stored values that are not what the relay wrote: $name', ({ open }) => {
  let opened: Awaited<ReturnType<(typeof implementations)[number]['open']>>;
  let userId: string;

  beforeAll(async () => {
    opened = await open();
    userId = (await opened.store.createUser({ id: randomUUID(), email: 'anna@firma.se', name: null, role: 'admin', createdAt: 1 })).id;
  });
  afterAll(async () => {
    await opened.store.close();
    await opened.cleanup();
  });

  async function profileWithData(data: string): Promise<string> {
    const id = randomUUID();
    await opened.store.insertProfile({ id, ownerId: userId, scope: 'personal', data: profileData(), secrets: { password: 'sealed' }, createdAt: 1, updatedAt: 1 });
    await opened.write('UPDATE profiles SET data = $1 WHERE id = $2', data, id);
    return id;
  }

  it.each([
    ['text that is not JSON', '{"v":2,"name":', 'it is not JSON'],
    ['JSON of another shape', '{"v":2,"name":"Anna"}', 'fromAddress'],
    ['a value of the wrong type', JSON.stringify({ ...profileData(), smtp: { host: 'smtp.firma.se', port: '587', security: 'starttls' } }), 'smtp.port'],
  ])('a profile whose settings are %s is a stored_data_invalid error that names it', async (_, data, problem) => {
    const id = await profileWithData(data);
    const error = await opened.store.getProfile(id).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoredDataError);
    expect(error).toMatchObject({ code: 'stored_data_invalid' });
    expect((error as Error).message).toContain(`profiles.data of ${id}`);
    expect((error as Error).message).toContain(problem);
    // Every read of it says the same; the other profiles stay readable once it is gone.
    await expect(opened.store.listAllProfiles()).rejects.toMatchObject({ code: 'stored_data_invalid' });
    expect(await opened.store.deleteProfile(id)).toBe(true);
    await expect(opened.store.listAllProfiles()).resolves.toBeInstanceOf(Array);
  });

  it('a message whose envelope is damaged is a stored_data_invalid error, and so are secrets that are not sealed values', async () => {
    const profileId = await profileWithData(JSON.stringify(profileData()));
    const messageId = randomUUID();
    await opened.store.enqueueSend({ id: randomUUID(), userId, idempotencyKey: null, requestHash: 'h', createdAt: 1, messages: [newMessage(profileId, { id: messageId })] });
    expect((await opened.store.getMessage(messageId))?.envelope).toEqual({ from: 'anna@firma.se', to: ['kund@exempel.se'] });
    await opened.write('UPDATE messages SET envelope = $1 WHERE id = $2', '{"from":"anna@firma.se","to":"kund@exempel.se"}', messageId);
    await expect(opened.store.getMessage(messageId)).rejects.toMatchObject({ code: 'stored_data_invalid', message: expect.stringContaining(`messages.envelope of ${messageId}`) });

    await opened.write('UPDATE profiles SET secrets = $1 WHERE id = $2', '{"password":42}', profileId);
    await expect(opened.store.getProfile(profileId)).rejects.toMatchObject({ code: 'stored_data_invalid', message: expect.stringContaining('profiles.secrets') });
    await expect(opened.store.listProfileSecrets()).rejects.toMatchObject({ code: 'stored_data_invalid' });
  });

  it('claims a batch with a damaged message in it: that message carries the error, the others are whole', async () => {
    const profileId = await profileWithData(JSON.stringify(profileData()));
    const [good, damaged] = [newMessage(profileId), newMessage(profileId)];
    await opened.store.enqueueSend({ id: randomUUID(), userId, idempotencyKey: null, requestHash: 'h', createdAt: 2, messages: [good, damaged] });
    await opened.write('UPDATE messages SET summary = $1 WHERE id = $2', '{"to":"kund@exempel.se"}', damaged.id);
    const claimed = await opened.store.claimDueMessages('worker', 10, 60_000, 10);
    // With the message damaged in the test before: every due message comes back.
    expect(claimed.map((m) => m.id)).toEqual(expect.arrayContaining([good.id, damaged.id]));
    const byId = new Map(claimed.map((m) => [m.id, m]));
    expect(byId.get(good.id)).toMatchObject({ envelope: good.envelope, summary: good.summary, raw: good.raw });
    expect(byId.get(good.id)!.unreadable).toBeUndefined();
    expect(byId.get(damaged.id)!.unreadable).toMatchObject({ code: 'stored_data_invalid', message: expect.stringContaining(`messages.summary of ${damaged.id}`) });
  });
});

describe('a damaged stored value over HTTP', () => {
  it('answers 500 stored_data_invalid with the value named, not a stack, and the relay keeps serving', async () => {
    const t = await startTestRelay();
    try {
      const { user, token } = await t.addUser('anna@firma.se', 'admin');
      const id = randomUUID();
      await t.relay.store.insertProfile({ id, ownerId: user.id, scope: 'personal', data: profileData(), secrets: null, createdAt: 1, updatedAt: 1 });
      expect((await t.request('GET', `/v1/profiles/${id}`, { token })).status).toBe(200);
      (t.relay.store as SqliteStore).db.prepare('UPDATE profiles SET data = ? WHERE id = ?').run('not json', id);
      const res = await t.request('GET', `/v1/profiles/${id}`, { token });
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('stored_data_invalid');
      expect(res.body.error.message).toContain(`profiles.data of ${id}`);
      expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.ts:\d+/);
      // Requests that do not read that row are served as before; once it is corrected, so is it.
      expect((await t.request('GET', '/v1/app-passwords', { token })).status).toBe(200);
      (t.relay.store as SqliteStore).db.prepare('UPDATE profiles SET data = ? WHERE id = ?').run(JSON.stringify(profileData()), id);
      expect((await t.request('GET', `/v1/profiles/${id}`, { token })).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('a damaged message in the outbox', () => {
  it('fails alone, with stored_data_invalid on its attempts, while the message sent beside it is delivered', async () => {
    const smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
    const t = await startTestRelay();
    try {
      const { user, token } = await t.addUser('anna@firma.se', 'admin');
      const created = await t.request('POST', '/v1/profiles', { token, body: testProfile(smtp.port) });
      expect(created.status).toBe(201);
      const [good, damaged] = [newMessage(created.body.id), newMessage(created.body.id)];
      // Due only later, so that it is damaged before the worker sees it; then due now.
      const later = Date.now() + 3_600_000;
      await t.relay.store.enqueueSend({ id: randomUUID(), userId: user.id, idempotencyKey: null, requestHash: 'h', createdAt: later, messages: [good, damaged] });
      const db = (t.relay.store as SqliteStore).db;
      db.prepare('UPDATE messages SET envelope = ? WHERE id = ?').run('{"from":"anna@firma.se"}', damaged.id);
      db.prepare('UPDATE messages SET next_attempt_at = 0').run();

      await smtp.waitForMessages(1);
      const finalOf = (id: string) => (db.prepare('SELECT status FROM messages WHERE id = ?').get(id) as { status: string }).status;
      await waitFor(
        'the damaged message to fail',
        () => finalOf(damaged.id),
        (status) => status === 'failed',
        { timeoutMs: 15_000 },
      );
      expect(finalOf(good.id)).toBe('sent');
      expect(smtp.received).toHaveLength(1);
      const attempts = await t.relay.store.listAttempts(damaged.id);
      expect(attempts.length).toBeGreaterThan(0);
      expect(attempts.every((a) => a.errorCode === 'stored_data_invalid' && a.reply?.includes(`messages.envelope of ${damaged.id}`))).toBe(true);
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});
