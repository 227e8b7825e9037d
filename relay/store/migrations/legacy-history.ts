import { sql, type Kysely } from 'kysely';
import { MIGRATIONS, migrationNumber } from './index';
import { dialectOf } from './sql-migration';

/** The table in which the SQL runner (before kysely) recorded the numbers of the files it applied. */
const LEGACY_TABLE = 'schema_migrations';

/**
 * A database made by the SQL runner that came before kysely's Migrator: records its migrations in
 * kysely's table as applied, so that the migrator goes on from there with no data touched. The SQL
 * runner applied a store's files in order, each in a transaction, so a database holds every file up
 * to the highest number it recorded; the migrations of the one history with a number up to that one
 * are the same statements (or, for the other dialect's numbers, none). The old table goes in the same
 * transaction: an older relay would otherwise start on this database and apply everything again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database of any schema, as kysely's migrations take it
export async function adoptLegacyHistory(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await hasLegacyTable(trx))) return;
    const row = await trx
      .selectFrom(LEGACY_TABLE)
      .select((eb) => eb.fn.max<number | null>('version').as('latest'))
      .executeTakeFirst();
    const latest = Number(row?.latest ?? 0);
    // The same definition as kysely's own (Migrator creates it only when missing).
    await trx.schema
      .createTable('kysely_migration')
      .ifNotExists()
      .addColumn('name', 'varchar(255)', (col) => col.notNull().primaryKey())
      .addColumn('timestamp', 'varchar(255)', (col) => col.notNull())
      .execute();
    const adopted = Object.keys(MIGRATIONS).filter((name) => migrationNumber(name) <= latest);
    // One timestamp for all: kysely orders migrations applied at the same moment by name.
    const timestamp = new Date().toISOString();
    if (adopted.length > 0) {
      await trx
        .insertInto('kysely_migration')
        .values(adopted.map((name) => ({ name, timestamp })))
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    }
    await trx.schema.dropTable(LEGACY_TABLE).execute();
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database of any schema, as kysely's migrations take it
async function hasLegacyTable(db: Kysely<any>): Promise<boolean> {
  const found =
    dialectOf(db) === 'sqlite'
      ? sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${LEGACY_TABLE}`
      : sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename = ${LEGACY_TABLE}`;
  const { rows } = await found.execute(db);
  return Number(rows[0]?.n ?? 0) > 0;
}
