import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL that tests use: this machine's on 127.0.0.1:5432 (trust auth, database `test`), or
 * the one .ci/run installs and starts on a fresh machine. Override with OWNPOST_TEST_DATABASE_URL.
 */
export const TEST_DATABASE_URL = process.env.OWNPOST_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema name, so test files sharing the database never see each other's rows. */
export function freshSchemaName(prefix = 'ownpost_test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** A fresh schema (`freshSchemaName(prefix)`), created; drop it with dropSchema. */
export async function createSchema(prefix?: string): Promise<string> {
  const schema = freshSchemaName(prefix);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  } finally {
    await client.end();
  }
  return schema;
}

/** A relay's environment on a fresh schema of its own: its database URL and the master key PostgreSQL needs. */
export async function postgresRelayEnv(prefix?: string): Promise<{ schema: string; env: Record<string, string> }> {
  const schema = await createSchema(prefix);
  return { schema, env: { OWNPOST_DATABASE_URL: databaseUrlWithSchema(schema), OWNPOST_MASTER_KEY: randomBytes(32).toString('base64') } };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/** The URL with a search_path option, for relay processes that get only OWNPOST_DATABASE_URL. */
export function databaseUrlWithSchema(schema: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.href;
}
