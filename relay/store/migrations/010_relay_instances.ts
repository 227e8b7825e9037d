import { sqlMigration } from './sql-migration';

/**
 * Issue 15, PostgreSQL: every relay instance's heartbeat, so that the others take back its claimed
 * messages after a few missed heartbeats instead of after the whole lease. Times are the database's
 * clock (epoch ms), so clocks that differ between machines do not make a live instance look dead.
 * SQLite has one delivering process, found by a file lock (relay/store/sqlite/outbox-lock.ts).
 */
export default sqlMigration(({ dialect }) =>
  dialect === 'sqlite'
    ? []
    : [
        `CREATE TABLE relay_instances (
          id TEXT PRIMARY KEY,
          host TEXT NOT NULL,
          pid INTEGER NOT NULL,
          started_at BIGINT NOT NULL,
          heartbeat_at BIGINT NOT NULL)`,
        'CREATE INDEX relay_instances_heartbeat ON relay_instances (heartbeat_at)',
        // Finding the leases of a dead instance.
        `CREATE INDEX messages_sending_owner ON messages (lease_owner) WHERE status = 'sending'`,
      ],
);
