import { wholeBody, type MessageBytes } from '../types';

/**
 * The bodies of messages accepted lately, kept in memory so that the outbox's claim does not read
 * them back from the database: most invoices are sent seconds after they were accepted, and reading
 * a 40 kB body from SQLite (a chain of overflow pages) costs about as much as sending it.
 *
 * Only a copy of bytes already committed goes in (the caller's buffer is released after the
 * commit), and a body never changes once stored, so an entry is either right or absent: a miss
 * reads the database. Bounded by total bytes; the oldest entries go first. An entry goes when its
 * message reaches a final state.
 */
export class FreshBodies {
  private readonly bodies = new Map<string, Buffer>();
  private bytes = 0;

  constructor(
    /** Total bytes kept. */
    private readonly budgetBytes: number,
    /** Larger bodies are not kept (they are stored and sent in chunks). */
    private readonly maxBodyBytes: number,
  ) {}

  /** Keeps a copy of `raw` for message `id`, dropping the oldest bodies when over budget. */
  remember(id: string, raw: MessageBytes): void {
    if (raw.length > this.maxBodyBytes || raw.length > this.budgetBytes) return;
    this.forget(id);
    const copy = Buffer.copyBytesFrom(wholeBody(raw));
    this.bodies.set(id, copy);
    this.bytes += copy.length;
    for (const [oldest, body] of this.bodies) {
      if (this.bytes <= this.budgetBytes) break;
      this.bodies.delete(oldest);
      this.bytes -= body.length;
    }
  }

  get(id: string): Buffer | undefined {
    return this.bodies.get(id);
  }

  forget(id: string): void {
    const body = this.bodies.get(id);
    if (!body) return;
    this.bodies.delete(id);
    this.bytes -= body.length;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.bodies.size, bytes: this.bytes };
  }
}
