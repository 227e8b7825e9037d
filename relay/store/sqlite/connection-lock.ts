/**
 * Turns for the one SQLite connection of the main thread. A query-builder transaction spans several
 * awaits; whatever else runs on that connection meanwhile would join the transaction, or fail to
 * begin its own. Everything that uses the connection (the repositories through the query builder,
 * the outbox's in-process writes) takes its turn here.
 */
export class ConnectionLock {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  async acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  /** Runs `fn` (synchronous work on the connection) in its turn. */
  async exclusive<T>(fn: () => T): Promise<T> {
    await this.acquire();
    try {
      return fn();
    } finally {
      this.release();
    }
  }
}
