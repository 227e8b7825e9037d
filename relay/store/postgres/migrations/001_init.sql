-- Same model as the SQLite store (relay/store/sqlite/migrations/001_init.sql); times are epoch ms.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT,
  role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT
);

CREATE TABLE pairing_codes (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

CREATE TABLE profiles (
  id TEXT PRIMARY KEY,
  owner_id TEXT REFERENCES users (id) ON DELETE CASCADE,
  scope TEXT NOT NULL CHECK (scope IN ('personal', 'company')),
  data TEXT NOT NULL,
  secrets TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  profile_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  envelope TEXT NOT NULL,
  raw BYTEA NOT NULL,
  summary TEXT NOT NULL,
  document_ref TEXT,
  idempotency_key TEXT,
  request_hash TEXT,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'deferred', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT,
  lease_owner TEXT,
  lease_until BIGINT,
  last_reply TEXT,
  problem_code TEXT,
  sent_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (user_id, idempotency_key)
);
CREATE INDEX messages_due ON messages (next_attempt_at) WHERE status IN ('queued', 'sending', 'deferred');
CREATE INDEX messages_document ON messages (document_ref);

CREATE TABLE attempts (
  id BIGSERIAL PRIMARY KEY,
  message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  started_at BIGINT NOT NULL,
  finished_at BIGINT NOT NULL,
  outcome TEXT NOT NULL,
  reply TEXT,
  response_code INTEGER,
  error_code TEXT
);
CREATE INDEX attempts_message ON attempts (message_id);
