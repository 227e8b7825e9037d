import { sqlMigration } from './sql-migration';

/** People and devices (issues 14 and 20; relay/people/). */
export default sqlMigration(({ dialect, big }) => [
  // A user an admin removed keeps their row, because their sends and messages (history, the outbox)
  // point at it; their devices, pairing codes, personal senders and allowances are deleted. Adding
  // the same address again brings the row back.
  `ALTER TABLE users ADD COLUMN removed_at ${big}`,
  // Devices get an id to list and revoke them by: the token's hash is the lookup key and never
  // leaves the relay. SQLite cannot add a column with a random default, so a trigger fills it.
  ...(dialect === 'sqlite'
    ? ['ALTER TABLE tokens ADD COLUMN id TEXT', 'UPDATE tokens SET id = lower(hex(randomblob(16))) WHERE id IS NULL']
    : [`ALTER TABLE tokens ADD COLUMN id TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '')`]),
  'CREATE UNIQUE INDEX tokens_id ON tokens (id)',
  'CREATE INDEX tokens_user ON tokens (user_id)',
  ...(dialect === 'sqlite'
    ? [
        `CREATE TRIGGER tokens_fill_id AFTER INSERT ON tokens WHEN NEW.id IS NULL
        BEGIN
          UPDATE tokens SET id = lower(hex(randomblob(16))) WHERE hash = NEW.hash;
        END`,
      ]
    : []),
  // Setup codes: printed by the first start of a relay without users; whoever pairs with one becomes
  // the admin (stored as SHA-256, like pairing codes; single use; expires).
  `CREATE TABLE setup_codes (
    hash TEXT PRIMARY KEY,
    created_at ${big} NOT NULL,
    expires_at ${big} NOT NULL,
    used_at ${big})`,
]);
