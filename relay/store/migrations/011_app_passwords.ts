import { sqlMigration } from './sql-migration';

/**
 * App passwords (issue 19): what apps sign in to the SMTP front door with, per user. Only a one-way
 * hash is kept (relay/auth/app-passwords.ts: scrypt, salted, its parameters in the value).
 */
export default sqlMigration(({ big }) => [
  `CREATE TABLE app_passwords (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at ${big} NOT NULL,
    last_used_at ${big})`,
  'CREATE INDEX app_passwords_user ON app_passwords (user_id)',
]);
