-- Large message bodies in chunks of about 1 MB, so that neither storing nor sending a message with a
-- 20 MB attachment holds its whole body (and SQLite's record of it) in memory at once. A body stored
-- this way has no row in message_bodies; small bodies stay there, in one row (the hot path of the
-- outbox reads them with the claim). Bodies stored before this migration keep their one row.
CREATE TABLE message_body_chunks (
  message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (message_id, seq)
);
