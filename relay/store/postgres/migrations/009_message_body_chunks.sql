-- Large message bodies in chunks of about 1 MB, the same as SQLite's 009_message_body_chunks.sql:
-- neither storing nor sending a message with a 20 MB attachment holds its whole body at once. A body
-- stored this way leaves messages.raw NULL; small bodies (and every body stored before) stay there.
ALTER TABLE messages ALTER COLUMN raw DROP NOT NULL;
CREATE TABLE message_body_chunks (
  message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (message_id, seq)
);
