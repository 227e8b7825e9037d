-- Company recipes (issue 7); the same model as relay/store/sqlite/migrations/005_recipes.sql.
-- `data` is the recipe as JSON in the format `format_version` names (shared/recipe-schemas.ts);
-- the version is a column so a later format can be migrated in SQL without parsing every row.
CREATE TABLE recipes (
  id TEXT PRIMARY KEY,
  format_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  published_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX recipes_created ON recipes (created_at);
