/** Turns for the main thread's SQLite connection: a query-builder transaction spans several awaits, and whatever ran meanwhile would join it. */
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
