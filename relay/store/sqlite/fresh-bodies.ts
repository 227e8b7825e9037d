import { wholeBody, type MessageBytes } from '../types';

/**
 * The bodies of messages accepted lately, kept in memory so that the outbox's claim does not read
 * them back from the database: most invoices are sent seconds after they were accepted, and reading
 * a 40 kB body from SQLite (a chain of overflow pages) costs about as much as sending it.
 *
 * Only bytes already committed go in, and a body never changes once stored, so an entry is either
 * right or absent: a miss reads the database. A caller may reuse its buffer once the commit is
 * done, so a body is copied; except one that is the whole of a SharedArrayBuffer: that is the
 * accept path's hand-over (it composes each message into shared memory of its own, sharedBuffer in
 * relay/delivery/mime-attachment.ts, drops it after the commit and never writes to it), kept as it
 * is. Bounded by total bytes; the oldest entries go first. An entry goes when its message reaches a
 * final state.
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

  /** Keeps `raw` (or a copy, see above) for message `id`, dropping the oldest bodies when over budget. */
  remember(id: string, raw: MessageBytes): void {
    if (raw.length > this.maxBodyBytes || raw.length > this.budgetBytes) return;
    this.forget(id);
    const body = wholeBody(raw);
    const handedOver = body.buffer instanceof SharedArrayBuffer && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
    const copy = handedOver ? body : Buffer.copyBytesFrom(body);
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
