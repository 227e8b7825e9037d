import { sqlMigration } from './sql-migration';

/**
 * Delivery (issue 5): sends split by size, idempotency per send, documents per message, attempt
 * details, the Sent-folder copy, and per-profile delivery settings.
 */
export default sqlMigration(({ dialect, big }) => [
  // One POST /v1/messages: its Idempotency-Key and request hash, and one or more messages.
  `CREATE TABLE sends (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    idempotency_key TEXT,
    request_hash TEXT NOT NULL,
    created_at ${big} NOT NULL,
    UNIQUE (user_id, idempotency_key))`,
  // Existing messages become sends of one message, keeping their keys (the key now lives on the send).
  `INSERT INTO sends (id, user_id, idempotency_key, request_hash, created_at)
    SELECT id, user_id, idempotency_key, coalesce(request_hash, ''), created_at FROM messages`,
  'ALTER TABLE messages ADD COLUMN send_id TEXT REFERENCES sends (id)',
  'UPDATE messages SET send_id = id',
  'ALTER TABLE messages ADD COLUMN part_number INTEGER NOT NULL DEFAULT 1',
  'ALTER TABLE messages ADD COLUMN part_count INTEGER NOT NULL DEFAULT 1',
  // JSON [{ref, title?}]: the documents this message carries.
  'ALTER TABLE messages ADD COLUMN documents TEXT',
  `ALTER TABLE messages ADD COLUMN size_bytes ${big} NOT NULL DEFAULT 0`,
  `UPDATE messages SET size_bytes = ${dialect === 'sqlite' ? 'length(raw)' : 'octet_length(raw)'}`,
  // JSON {fromProfileId, reason?} when the message goes out through a fallback profile.
  'ALTER TABLE messages ADD COLUMN fallback TEXT',
  // Attempts that count towards giving up (released and interrupted ones do not).
  'ALTER TABLE messages ADD COLUMN attempt_count INTEGER NOT NULL DEFAULT 0',
  'UPDATE messages SET attempt_count = attempts',
  // The copy in the Sent folder: NULL (none wanted), pending, saved or failed. `sent_copy_next_at`
  // is both the retry time and the lease of the worker appending it.
  `ALTER TABLE messages ADD COLUMN sent_copy_status TEXT CHECK (sent_copy_status IN ('pending', 'saved', 'failed'))`,
  'ALTER TABLE messages ADD COLUMN sent_copy_attempts INTEGER NOT NULL DEFAULT 0',
  `ALTER TABLE messages ADD COLUMN sent_copy_next_at ${big}`,
  'ALTER TABLE messages ADD COLUMN sent_copy_folder TEXT',
  'ALTER TABLE messages ADD COLUMN sent_copy_error TEXT',
  'CREATE INDEX messages_send ON messages (send_id)',
  `CREATE INDEX messages_sent_copy_due ON messages (sent_copy_next_at) WHERE sent_copy_status = 'pending'`,
  // SQLite: the MIME bytes in a table of their own, because SQLite rewrites a whole row on every
  // UPDATE, and the status, lease and attempt updates of the outbox must not copy megabytes of
  // attachments each time. `messages.raw` (NOT NULL since 001) keeps an empty blob. PostgreSQL
  // stores a large value out of line (TOAST) and keeps it in messages.raw.
  ...(dialect === 'sqlite'
    ? [
        `CREATE TABLE message_bodies (
          message_id TEXT PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
          raw BLOB NOT NULL)`,
        'INSERT INTO message_bodies (message_id, raw) SELECT id, raw FROM messages',
        `UPDATE messages SET raw = x''`,
      ]
    : []),
  // Every document a message carries, so that ?documentRef= finds each part of a split send.
  `CREATE TABLE message_documents (
    message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    ref TEXT NOT NULL,
    PRIMARY KEY (message_id, ref))`,
  'CREATE INDEX message_documents_ref ON message_documents (ref)',
  'ALTER TABLE attempts ADD COLUMN problem_code TEXT',
  // Per-profile delivery settings (size limit, connection and rate limits, Sent copy over IMAP),
  // kept beside the profile so the profile record stays small; deleted with the profile. `data` is
  // versioned JSON ({v: 1, maxMessageBytes?, …}); `secrets` is {imapPassword?: sealed};
  // `server_max_bytes` the SIZE the SMTP server announced (EHLO), learned while sending.
  `CREATE TABLE profile_delivery_settings (
    profile_id TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    secrets TEXT,
    server_max_bytes ${big},
    updated_at ${big} NOT NULL)`,
]);
