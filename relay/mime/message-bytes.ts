/** A composed message's bytes as the accept path hands them to the store: a large message's pieces are never copied into one buffer. */
export type MessageBytes = Buffer | PiecewiseBytes;

export interface PiecewiseBytes {
  readonly length: number;
  /** Copies bytes [start, end) of the message to the start of `target`; returns the part of `target` written. */
  copyTo(target: Buffer, start: number, end: number): Buffer;
}

/** A body's chunks of `size` bytes, in order. A chunk is valid until the next is asked for (one buffer serves them all). */
export function* bodyChunks(raw: MessageBytes, size: number): Generator<Buffer> {
  const scratch = Buffer.isBuffer(raw) ? undefined : Buffer.allocUnsafeSlow(Math.min(size, raw.length));
  for (let offset = 0; offset < raw.length; offset += size) {
    const end = Math.min(offset + size, raw.length);
    yield scratch ? (raw as PiecewiseBytes).copyTo(scratch, offset, end) : (raw as Buffer).subarray(offset, end);
  }
}

export function wholeBody(raw: MessageBytes): Buffer {
  return Buffer.isBuffer(raw) ? raw : raw.copyTo(Buffer.allocUnsafe(raw.length), 0, raw.length);
}
