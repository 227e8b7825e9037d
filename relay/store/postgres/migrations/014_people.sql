-- People and devices (issues 14 and 20; relay/people/). Same model as
-- relay/store/sqlite/migrations/014_people.sql.

-- A removed user keeps their row (their sends and messages point at it); see the SQLite migration.
ALTER TABLE users ADD COLUMN removed_at BIGINT;

-- Devices get an id to list and revoke them by; the token's hash never leaves the relay.
ALTER TABLE tokens ADD COLUMN id TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');
CREATE UNIQUE INDEX tokens_id ON tokens (id);
CREATE INDEX tokens_user ON tokens (user_id);

-- Setup codes: the first start of a relay without users prints one; whoever pairs with it becomes admin.
CREATE TABLE setup_codes (
  hash TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
