import { sqlMigration } from './sql-migration';

/**
 * Sender rules (issue 3). Profile settings (sites, projects, fallback, TLS options) live in the
 * versioned JSON of profiles.data and need no columns; this adds what is not a profile's.
 */
export default sqlMigration(({ big }) => [
  // Addresses (`anna@firma.se`) and domains (`@firma.se`) an admin allows a member to send from on
  // the member's own personal profiles, beyond the member's own address.
  `CREATE TABLE sender_allowances (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    pattern TEXT NOT NULL,
    created_at ${big} NOT NULL,
    PRIMARY KEY (user_id, pattern))`,
  // "Is this profile failing?" reads the last finished message of a profile at every send.
  `CREATE INDEX messages_profile_finished ON messages (profile_id, updated_at) WHERE status IN ('sent', 'failed')`,
]);
