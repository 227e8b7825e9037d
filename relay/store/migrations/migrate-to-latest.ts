import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { MIGRATIONS } from './index';
import { adoptLegacyHistory } from './legacy-history';

/**
 * Brings the database to the latest migration: adopts an older relay's history first, then applies
 * what is missing, all of it in one transaction (both databases have transactional DDL). The caller
 * makes sure that relays starting together take turns (postgres-store.ts: an advisory lock; SQLite:
 * the migrator's transaction is IMMEDIATE).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database of any schema, as kysely's migrations take it
export async function migrateToLatest(db: Kysely<any>, options: { schema?: string } = {}): Promise<void> {
  await adoptLegacyHistory(db);
  // `schema` names where the migrator's own tables are (PostgreSQL: the current schema). Without it,
  // kysely looks for them in every schema of the database, and takes another schema's for its own.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, migrationTableSchema: options.schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`the database migration${failed ? ` ${failed}` : 's'} failed: ${(error as Error).message ?? error}`, { cause: error });
  }
}
