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
  private readonly bodies = new Map<string, { body: Buffer; createdAt: number }>();
  private bytes = 0;
  /**
   * The latest creation time of a body dropped for room (0: none yet): a message created after it
   * and committed here has its body here. The claim reads the bodies of older ones with the rows.
   */
  droppedUpTo = 0;

  constructor(
    /** Total bytes kept. */
    private readonly budgetBytes: number,
    /** Larger bodies are not kept (they are stored and sent in chunks). */
    private readonly maxBodyBytes: number,
  ) {}

  /**
   * Keeps `raw` (or a copy, see above) for message `id`, created at `createdAt`, dropping the
   * oldest bodies when over budget.
   */
  remember(id: string, raw: MessageBytes, createdAt = Date.now()): void {
    // Larger than the limit: stored in chunks, there is no body to keep.
    if (raw.length > this.maxBodyBytes) return;
    if (raw.length > this.budgetBytes) {
      this.droppedUpTo = Math.max(this.droppedUpTo, createdAt);
      return;
    }
    this.forget(id);
    const body = wholeBody(raw);
    const handedOver = body.buffer instanceof SharedArrayBuffer && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
    const copy = handedOver ? body : Buffer.copyBytesFrom(body);
    this.bodies.set(id, { body: copy, createdAt });
    this.bytes += copy.length;
    for (const [oldest, entry] of this.bodies) {
      if (this.bytes <= this.budgetBytes) break;
      this.bodies.delete(oldest);
      this.bytes -= entry.body.length;
      this.droppedUpTo = Math.max(this.droppedUpTo, entry.createdAt);
    }
  }

  get(id: string): Buffer | undefined {
    return this.bodies.get(id)?.body;
  }

  forget(id: string): void {
    const entry = this.bodies.get(id);
    if (!entry) return;
    this.bodies.delete(id);
    this.bytes -= entry.body.length;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.bodies.size, bytes: this.bytes };
  }
}

/**
 * The memory FreshBodies may use: a sixteenth of the machine's memory (or of the process's limit,
 * in a container), between 64 and 256 MB; 256 MB holds a burst of 1,800 invoices with a 100 kB PDF
 * each. A body that does not fit is read back from the database, which costs the relay about as
 * much CPU as sending it, most of it in garbage collection.
 */
export function freshBodiesBudget(totalMemory: number, constrainedMemory: number): number {
  const memory = constrainedMemory > 0 ? Math.min(constrainedMemory, totalMemory) : totalMemory;
  return Math.min(256 * MB, Math.max(64 * MB, Math.floor(memory / 16)));
}

const MB = 1024 * 1024;
