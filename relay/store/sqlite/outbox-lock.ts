import Database from 'better-sqlite3';

/**
 * Which relay process delivers from a SQLite outbox (issue 15): its holder knows no other live process
 * can be sending, so on taking it, it takes back at once every message a dead process had claimed.
 * An exclusive transaction on a small file beside the database, never committed: SQLite's file locks
 * belong to the open file, so the system drops them the moment the process dies, kill -9 included (a
 * pid file would have to guess whether its pid was reused). A second relay on the same data folder
 * serves HTTP and accepts messages, and delivers only once the first one is gone.
 */
export class OutboxLock {
  private db: Database.Database | undefined;

  constructor(private readonly file: string) {}

  /** Takes the lock if it is free; true while this process holds it. Never waits. */
  tryAcquire(): boolean {
    if (this.db) return true;
    const db = new Database(this.file);
    try {
      db.pragma('busy_timeout = 0');
      db.exec('BEGIN EXCLUSIVE');
      this.db = db;
      return true;
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw error;
    }
  }

  get held(): boolean {
    return this.db !== undefined;
  }

  /** Closing rolls the open transaction back and drops the lock. */
  release(): void {
    this.db?.close();
    this.db = undefined;
  }
}
