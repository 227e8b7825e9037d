import { wholeBody, type MessageBytes } from '../../mime/message-bytes';

/**
 * The bodies of messages accepted lately, so that the claim does not read them back: reading a body from SQLite costs about as much as
 * sending it. Only committed bytes go in, so an entry is right or absent. A body is copied (its caller may reuse the buffer), except a
 * whole SharedArrayBuffer, the accept path's hand-over, never written again. Bounded by total bytes, oldest out first.
 */
export class FreshBodies {
  private readonly bodies = new Map<string, { body: Buffer; createdAt: number }>();
  private bytes = 0;
  /** The latest creation time of a body dropped for room: a message created after it and committed here has its body here. */
  droppedUpTo = 0;

  constructor(
    private readonly budgetBytes: number,
    /** Larger bodies are stored and sent in chunks. */
    private readonly maxBodyBytes: number,
  ) {}

  remember(id: string, raw: MessageBytes, createdAt = Date.now()): void {
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

/** A sixteenth of the machine's memory (or the process's limit), between 64 and 256 MB: 256 MB hold a burst of 1,800 invoices with a 100 kB PDF. */
export function freshBodiesBudget(totalMemory: number, constrainedMemory: number): number {
  const memory = constrainedMemory > 0 ? Math.min(constrainedMemory, totalMemory) : totalMemory;
  return Math.min(256 * MB, Math.max(64 * MB, Math.floor(memory / 16)));
}

const MB = 1024 * 1024;
