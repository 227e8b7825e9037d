import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../relay/store/migrations/index';
import { PostgresStore } from '../../relay/store/postgres/postgres-store';
import { SqliteStore } from '../../relay/store/sqlite/sqlite-store';
import type { Store } from '../../relay/store/types';
import { legacyMigratePostgres, legacyMigrateSqlite } from '../fixtures/legacy-migrations/legacy-runner';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/postgres';
import { profileData } from '../helpers/stored-rows';

/**
 * Databases that relays made with the SQL migration runner, before the one migration history
 * (issue 17): opened by the new store, they are upgraded in place, keep every row, and end up with
 * the schema a new database gets.
 */
const RAW = Buffer.from('From: anna@firma.se\r\nTo: kund@exempel.se\r\nSubject: Faktura 4711\r\n\r\nHej!\r\n');
const ALL_MIGRATIONS = Object.keys(MIGRATIONS).sort();

// Profile settings of the first version (the walking skeleton): no TLS options, sender style, fallback, sites or projects.
const V1_PROFILE_DATA = JSON.stringify({
  v: 1,
  name: 'Anna',
  fromAddress: 'anna@firma.se',
  smtp: { host: 'smtp.firma.se', port: 587, security: 'starttls' },
  auth: { type: 'password', username: 'anna@firma.se' },
});

/** A legacy database's rows: a user with a device, a profile and a queued message, as relay code wrote them. */
const seed = {
  userId: randomUUID(),
  profileId: randomUUID(),
  messageId: randomUUID(),
  tokenHash: 'a'.repeat(64),
};

const SEED_SQL = [
  `INSERT INTO users (id, email, name, role, created_at) VALUES ('${seed.userId}', 'anna@firma.se', 'Anna', 'admin', 1)`,
  `INSERT INTO tokens (hash, user_id, device, created_at) VALUES ('${seed.tokenHash}', '${seed.userId}', 'cli', 1)`,
  `INSERT INTO profiles (id, owner_id, scope, data, secrets, created_at, updated_at)
     VALUES ('${seed.profileId}', '${seed.userId}', 'personal', '${V1_PROFILE_DATA}', '{"password":"sealed"}', 1, 1)`,
  `INSERT INTO sends (id, user_id, idempotency_key, request_hash, created_at) VALUES ('${seed.messageId}', '${seed.userId}', 'key-1', 'hash', 2)`,
];

function messageSql(raw: string): string {
  return `INSERT INTO messages (id, send_id, user_id, profile_id, message_id, envelope, raw, size_bytes, summary, status,
      attempts, attempt_count, next_attempt_at, created_at, updated_at)
    VALUES ('${seed.messageId}', '${seed.messageId}', '${seed.userId}', '${seed.profileId}', '<m@firma.se>',
      '{"from":"anna@firma.se","to":["kund@exempel.se"]}', ${raw}, ${RAW.length}, '{"to":["kund@exempel.se"],"subject":"Faktura 4711"}',
      'queued', 0, 0, 2, 2, 2)`;
}

async function expectSeedKept(store: Store): Promise<void> {
  expect(await store.getUserByEmail('anna@firma.se')).toMatchObject({ id: seed.userId, role: 'admin' });
  expect(await store.getUserByTokenHash(seed.tokenHash, 10)).toMatchObject({ id: seed.userId });
  // Read in the current version, upgraded on the way out of the database.
  expect(await store.getProfile(seed.profileId)).toMatchObject({ data: profileData(), secrets: { password: 'sealed' } });
  expect(await store.findSendByIdempotencyKey(seed.userId, 'key-1')).toMatchObject({ requestHash: 'hash' });
  const [claimed] = await store.claimDueMessages('worker', 1_000, 60_000, 10);
  expect(claimed).toMatchObject({ id: seed.messageId, status: 'sending' });
  expect(claimed!.raw).toEqual(RAW);
  // Still writable the new way.
  await store.createUser({ id: randomUUID(), email: 'bo@firma.se', name: null, role: 'member', createdAt: 3 });
  expect(await store.countUsers()).toBe(2);
}

describe('a SQLite database made by the SQL migration runner', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-legacy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The schema as SQLite reports it: every table's columns and every index, without the migrator's own tables. */
  function schemaOf(file: string): unknown {
    const db = new Database(file, { readonly: true });
    try {
      const objects = db.prepare("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY type, name").all() as {
        type: string;
        name: string;
      }[];
      return objects.map((o) => ({
        ...o,
        ...(o.type === 'table' ? { columns: db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(o.name) } : {}),
        ...(o.type === 'index' ? { columns: db.prepare('SELECT name FROM pragma_index_info(?)').all(o.name) } : {}),
      }));
    } finally {
      db.close();
    }
  }

  it('is upgraded in place: its rows are kept, its history is adopted, and its schema is a new database’s', async () => {
    const file = path.join(dir, 'legacy.db');
    const legacy = new Database(file);
    legacyMigrateSqlite(legacy);
    for (const statement of SEED_SQL) legacy.exec(statement);
    legacy.exec(messageSql(`x''`));
    legacy.prepare('INSERT INTO message_bodies (message_id, raw) VALUES (?, ?)').run(seed.messageId, RAW);
    legacy.close();

    const store = await SqliteStore.open(file);
    try {
      await expectSeedKept(store);
      const applied = store.db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all();
      expect(applied).toEqual(ALL_MIGRATIONS);
      expect(store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'").pluck().get()).toBe(0);
    } finally {
      await store.close();
    }

    const fresh = path.join(dir, 'fresh.db');
    await (await SqliteStore.open(fresh)).close();
    expect((schemaOf(fresh) as unknown[]).length).toBeGreaterThan(30);
    expect(schemaOf(file)).toEqual(schemaOf(fresh));
    // Opened again: nothing left to do.
    await (await SqliteStore.open(file)).close();
  });

  it('is brought up to date from wherever its runner stopped', async () => {
    const file = path.join(dir, 'half.db');
    const legacy = new Database(file);
    legacyMigrateSqlite(legacy, 9);
    legacy.exec(SEED_SQL[0]!);
    legacy.close();

    const store = await SqliteStore.open(file);
    try {
      expect(await store.getUserById(seed.userId)).toMatchObject({ email: 'anna@firma.se' });
      expect(store.db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual(ALL_MIGRATIONS);
    } finally {
      await store.close();
    }
    const fresh = path.join(dir, 'fresh-2.db');
    await (await SqliteStore.open(fresh)).close();
    expect(schemaOf(file)).toEqual(schemaOf(fresh));
  });
});

describe('a PostgreSQL schema made by the SQL migration runner', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });

  async function withClient<T>(schema: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  async function legacySchema(upTo?: number): Promise<string> {
    const schema = freshSchemaName('ownpost_legacy');
    schemas.push(schema);
    await withClient(schema, async (client) => {
      await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
      await legacyMigratePostgres(client, upTo);
    });
    return schema;
  }

  /** Every column and index of a schema, without the migrator's own tables. */
  async function schemaOf(schema: string): Promise<unknown> {
    return withClient(schema, async (client) => {
      const columns = await client.query(
        `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
         WHERE table_schema = $1 AND table_name NOT LIKE 'kysely_%' ORDER BY table_name, column_name`,
        [schema],
      );
      const indexes = await client.query(
        `SELECT tablename, indexname, replace(indexdef, $1, 'S') AS indexdef FROM pg_indexes
         WHERE schemaname = $2 AND tablename NOT LIKE 'kysely_%' ORDER BY indexname`,
        [pg.escapeIdentifier(schema), schema],
      );
      return { columns: columns.rows, indexes: indexes.rows.map((r) => ({ ...r, indexdef: String(r.indexdef).replaceAll(schema, 'S') })) };
    });
  }

  it('is upgraded in place: its rows are kept, its history is adopted, and its schema is a new database’s', async () => {
    const schema = await legacySchema();
    await withClient(schema, async (client) => {
      for (const statement of SEED_SQL) await client.query(statement);
      await client.query(messageSql('$1'), [RAW]);
    });

    const store = await PostgresStore.open(TEST_DATABASE_URL, { schema });
    try {
      await expectSeedKept(store);
      const applied = await store.pool.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name');
      expect(applied.rows.map((r) => r.name)).toEqual(ALL_MIGRATIONS);
      expect((await store.pool.query("SELECT to_regclass('schema_migrations') AS t")).rows[0].t).toBeNull();
    } finally {
      await store.close();
    }

    const fresh = freshSchemaName('ownpost_fresh');
    schemas.push(fresh);
    await (await PostgresStore.open(TEST_DATABASE_URL, { schema: fresh })).close();
    expect(((await schemaOf(fresh)) as { columns: unknown[] }).columns.length).toBeGreaterThan(100);
    expect(await schemaOf(schema)).toEqual(await schemaOf(fresh));
  });

  it('takes turns when several relays start at once on an old schema, and on a new one', async () => {
    const legacy = await legacySchema(9);
    const fresh = freshSchemaName('ownpost_fresh');
    schemas.push(fresh);
    for (const schema of [legacy, fresh]) {
      const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(TEST_DATABASE_URL, { schema })));
      try {
        const applied = await stores[0]!.pool.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name');
        expect(applied.rows.map((r) => r.name)).toEqual(ALL_MIGRATIONS);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    }
    expect(await schemaOf(legacy)).toEqual(await schemaOf(fresh));
  });
});
