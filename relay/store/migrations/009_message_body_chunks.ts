import { sqlMigration } from './sql-migration';

/**
 * Large message bodies in chunks of about 1 MB, so that neither storing nor sending a message with a
 * 20 MB attachment holds its whole body (and the database's record of it) in memory at once. A body
 * stored this way has no row in message_bodies (SQLite) or leaves messages.raw NULL (PostgreSQL);
 * small bodies, and bodies stored before this migration, stay in one piece.
 */
export default sqlMigration(({ dialect, bytes }) => [
  ...(dialect === 'postgres' ? ['ALTER TABLE messages ALTER COLUMN raw DROP NOT NULL'] : []),
  `CREATE TABLE message_body_chunks (
    message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    bytes ${bytes} NOT NULL,
    PRIMARY KEY (message_id, seq))`,
]);
