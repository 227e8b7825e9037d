-- Sender rules (issue 3); the same model as relay/store/sqlite/migrations/002_sender_rules.sql.
CREATE TABLE sender_allowances (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  pattern TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, pattern)
);

CREATE INDEX messages_profile_finished ON messages (profile_id, updated_at) WHERE status IN ('sent', 'failed');
