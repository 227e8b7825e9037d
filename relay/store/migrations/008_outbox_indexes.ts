import { sqlMigration } from './sql-migration';

/**
 * SQLite: the outbox's claims use one index per kind of due message instead of scanning every
 * message: waiting messages (queued or deferred) by when they are due, and messages being sent by
 * when their lease ends (a crashed worker's). A partial index serves a query only when the query
 * repeats its WHERE term, so each kind has its own. They replace messages_due, whose WHERE (three
 * states) matched no claim query, and which every status change had to update. PostgreSQL's claim
 * (one query with SKIP LOCKED) keeps messages_due.
 */
export default sqlMigration(({ dialect }) =>
  dialect === 'postgres'
    ? []
    : [
        'DROP INDEX IF EXISTS messages_due',
        `CREATE INDEX messages_waiting ON messages (next_attempt_at) WHERE status IN ('queued', 'deferred')`,
        `CREATE INDEX messages_leased ON messages (lease_until) WHERE status = 'sending'`,
      ],
);
