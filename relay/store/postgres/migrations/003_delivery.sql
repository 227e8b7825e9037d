-- Delivery (issue 5), the same as SQLite's 003_delivery.sql: sends split by size, idempotency per
-- send, documents per message, attempt details, the Sent-folder copy, per-profile delivery settings.

CREATE TABLE sends (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  idempotency_key TEXT,
  request_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (user_id, idempotency_key)
);
INSERT INTO sends (id, user_id, idempotency_key, request_hash, created_at)
  SELECT id, user_id, idempotency_key, coalesce(request_hash, ''), created_at FROM messages;

ALTER TABLE messages ADD COLUMN send_id TEXT REFERENCES sends (id);
UPDATE messages SET send_id = id;
ALTER TABLE messages ADD COLUMN part_number INTEGER NOT NULL DEFAULT 1;
ALTER TABLE messages ADD COLUMN part_count INTEGER NOT NULL DEFAULT 1;
ALTER TABLE messages ADD COLUMN documents TEXT;
ALTER TABLE messages ADD COLUMN size_bytes BIGINT NOT NULL DEFAULT 0;
UPDATE messages SET size_bytes = octet_length(raw);
ALTER TABLE messages ADD COLUMN fallback TEXT;
ALTER TABLE messages ADD COLUMN attempt_count INTEGER NOT NULL DEFAULT 0;
UPDATE messages SET attempt_count = attempts;
ALTER TABLE messages ADD COLUMN sent_copy_status TEXT CHECK (sent_copy_status IN ('pending', 'saved', 'failed'));
ALTER TABLE messages ADD COLUMN sent_copy_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN sent_copy_next_at BIGINT;
ALTER TABLE messages ADD COLUMN sent_copy_folder TEXT;
ALTER TABLE messages ADD COLUMN sent_copy_error TEXT;
CREATE INDEX messages_send ON messages (send_id);
CREATE INDEX messages_sent_copy_due ON messages (sent_copy_next_at) WHERE sent_copy_status = 'pending';

CREATE TABLE message_documents (
  message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  ref TEXT NOT NULL,
  PRIMARY KEY (message_id, ref)
);
CREATE INDEX message_documents_ref ON message_documents (ref);

ALTER TABLE attempts ADD COLUMN problem_code TEXT;

CREATE TABLE profile_delivery_settings (
  profile_id TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
  data TEXT NOT NULL,
  secrets TEXT,
  server_max_bytes BIGINT,
  updated_at BIGINT NOT NULL
);
