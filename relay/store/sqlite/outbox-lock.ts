import Database from 'better-sqlite3';

/**
 * Which relay process delivers from a SQLite outbox (issue 15): on taking it, it takes back every message a dead process had claimed.
 * An exclusive transaction on a file beside the database, never committed: the system drops SQLite's file locks the moment the process
 * dies, kill -9 included (a pid file would have to guess whether its pid was reused).
 */
export class OutboxLock {
  private db: Database.Database | undefined;

  constructor(private readonly file: string) {}

  /** Takes the lock if it is free, never waiting; true while this process holds it. */
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

  release(): void {
    this.db?.close();
    this.db = undefined;
  }
}
