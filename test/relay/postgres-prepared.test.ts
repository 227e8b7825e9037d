import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../relay/store/postgres/postgres-store';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/postgres';
import { newMessage, profileData } from '../helpers/stored-rows';

/**
 * The PostgreSQL store names its statements with parameters (prepared once per connection). A newer
 * relay instance may add a column meanwhile (a rolling upgrade): a prepared `select *` must then be
 * prepared again, not fail every later request on that connection.
 */
describe('PostgreSQL store: prepared statements', () => {
  const schema = freshSchemaName();
  let store: PostgresStore;
  let admin: pg.Client;
  let profileId: string;
  let userId: string;

  beforeAll(async () => {
    // One connection: every statement below runs on it, so its prepared statements can be seen.
    store = await PostgresStore.open(TEST_DATABASE_URL, { schema, max: 1 });
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    const user = await store.createUser({ id: randomUUID(), email: 'anna@firma.se', name: null, role: 'member', createdAt: 1 });
    userId = user.id;
    profileId = randomUUID();
    await store.insertProfile({ id: profileId, ownerId: user.id, scope: 'personal', data: profileData(), secrets: null, createdAt: 1, updatedAt: 1 });
  });
  afterAll(async () => {
    await store.close();
    await admin.end();
    await dropSchema(schema);
  });

  const preparedTexts = async () => (await store.pool.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows.map((r) => r.statement);

  it('prepares the query builder statements and the outbox statements once per connection', async () => {
    await store.getProfile(profileId);
    await store.claimDueMessages('worker', Date.now(), 60_000, 10);
    const texts = await preparedTexts();
    expect(texts.some((t) => /from "profiles" where "id" = \$1/.test(t))).toBe(true);
    expect(texts.some((t) => /FOR UPDATE SKIP LOCKED/.test(t))).toBe(true);
  });

  it('prepares the group commit of a few sends once per group size, and leaves a large group unprepared', async () => {
    const send = () => ({ id: randomUUID(), userId, idempotencyKey: null, requestHash: '', createdAt: Date.now(), messages: [newMessage(profileId)] });
    const groupTexts = async () => (await preparedTexts()).filter((t) => t.includes('INSERT INTO sends'));
    const before = await groupTexts();
    // Sends that arrive together are committed as one group: three, then three again, prepared once.
    for (let round = 0; round < 2; round++) await Promise.all([send(), send(), send()].map((s) => store.enqueueSend(s)));
    const afterSmall = await groupTexts();
    expect(afterSmall.length - before.length).toBeGreaterThanOrEqual(1);
    expect(afterSmall.length - before.length).toBeLessThanOrEqual(3);
    const large = Array.from({ length: 40 }, send);
    const results = await Promise.all(large.map((s) => store.enqueueSend(s)));
    expect(results.every((r) => r.kind === 'created' && r.messages.length === 1)).toBe(true);
    // Groups of more than 16 messages run unnamed: at most the 16 sizes up to there were prepared.
    expect((await groupTexts()).length).toBeLessThanOrEqual(16);
    expect((await groupTexts()).every((t) => (t.match(/\(\$\d+, \$\d+, \$\d+, \$\d+, \$\d+\)/g) ?? []).length <= 16)).toBe(true);
  });

  it('prepares a statement again when a column was added under it, outside a transaction', async () => {
    expect((await store.getProfile(profileId))?.id).toBe(profileId);
    await admin.query(`ALTER TABLE ${pg.escapeIdentifier(schema)}.profiles ADD COLUMN added_by_a_newer_relay integer`);
    expect((await store.getProfile(profileId))?.id).toBe(profileId);
    await store.pool.query('SELECT * FROM relay_instances WHERE id = $1', ['x']);
    await admin.query(`ALTER TABLE ${pg.escapeIdentifier(schema)}.relay_instances ADD COLUMN added_by_a_newer_relay integer`);
    expect((await store.pool.query('SELECT * FROM relay_instances WHERE id = $1', ['x'])).fields.map((f) => f.name)).toContain('added_by_a_newer_relay');
  });

  it('prepares nothing when told not to (a pooler that cannot keep prepared statements)', async () => {
    const unprepared = await PostgresStore.open(TEST_DATABASE_URL, { schema, max: 1, prepared: false });
    try {
      expect((await unprepared.getProfile(profileId))?.id).toBe(profileId);
      expect((await unprepared.pool.query('SELECT name FROM pg_prepared_statements')).rows).toEqual([]);
    } finally {
      await unprepared.close();
    }
  });
});
