-- Message templates per document kind and language (issue 21); the same model as
-- relay/store/sqlite/migrations/015_message_templates.sql. owner_id '' is the company's.
CREATE TABLE message_templates (
  owner_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  language TEXT NOT NULL,
  subject TEXT NOT NULL,
  message TEXT NOT NULL,
  updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (owner_id, kind, language)
);
