import { sqlMigration } from './sql-migration';

/** Users, devices (bearer tokens, stored as SHA-256), pairing codes, sender profiles, the outbox. */
export default sqlMigration(({ dialect, big, bytes }) => [
  dialect === 'sqlite'
    ? `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT,
        role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
        created_at INTEGER NOT NULL)`
    : `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        name TEXT,
        role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
        created_at BIGINT NOT NULL)`,
  ...(dialect === 'postgres' ? ['CREATE UNIQUE INDEX users_email ON users (lower(email))'] : []),
  `CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device TEXT NOT NULL,
    created_at ${big} NOT NULL,
    last_used_at ${big})`,
  `CREATE TABLE pairing_codes (
    hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at ${big} NOT NULL,
    used_at ${big})`,
  // Sender profiles: settings as JSON, secrets sealed (AES-256-GCM, see relay/secrets/cipher.ts).
  `CREATE TABLE profiles (
    id TEXT PRIMARY KEY,
    owner_id TEXT REFERENCES users (id) ON DELETE CASCADE,
    scope TEXT NOT NULL CHECK (scope IN ('personal', 'company')),
    data TEXT NOT NULL,
    secrets TEXT,
    created_at ${big} NOT NULL,
    updated_at ${big} NOT NULL)`,
  // The outbox: a message is here, complete, before the relay answers 202.
  `CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    profile_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    envelope TEXT NOT NULL,
    raw ${bytes} NOT NULL,
    summary TEXT NOT NULL,
    document_ref TEXT,
    idempotency_key TEXT,
    request_hash TEXT,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'deferred', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at ${big},
    lease_owner TEXT,
    lease_until ${big},
    last_reply TEXT,
    problem_code TEXT,
    sent_at ${big},
    created_at ${big} NOT NULL,
    updated_at ${big} NOT NULL,
    UNIQUE (user_id, idempotency_key))`,
  `CREATE INDEX messages_due ON messages (next_attempt_at) WHERE status IN ('queued', 'sending', 'deferred')`,
  'CREATE INDEX messages_document ON messages (document_ref)',
  `CREATE TABLE attempts (
    id ${dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY'},
    message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    started_at ${big} NOT NULL,
    finished_at ${big} NOT NULL,
    outcome TEXT NOT NULL,
    reply TEXT,
    response_code INTEGER,
    error_code TEXT)`,
  'CREATE INDEX attempts_message ON attempts (message_id)',
]);
