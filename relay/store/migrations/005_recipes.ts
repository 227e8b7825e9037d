import { sqlMigration } from './sql-migration';

/**
 * Company recipes (issue 7): published by admins, read by every member's extension. `data` is the
 * recipe as JSON in the format `format_version` names (shared/recipe-schemas.ts); the version is a
 * column so a later format can be migrated in SQL without parsing every row. (Number 4 was never used.)
 */
export default sqlMigration(({ big }) => [
  `CREATE TABLE recipes (
    id TEXT PRIMARY KEY,
    format_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    published_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at ${big} NOT NULL,
    updated_at ${big} NOT NULL)`,
  'CREATE INDEX recipes_created ON recipes (created_at)',
]);
