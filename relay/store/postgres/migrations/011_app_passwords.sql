-- App passwords (issue 19); the same model as relay/store/sqlite/migrations/011_app_passwords.sql.
CREATE TABLE app_passwords (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT
);
CREATE INDEX app_passwords_user ON app_passwords (user_id);
