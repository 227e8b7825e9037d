/**
 * Buffers for request bodies of a known size under RESIZABLE_BODY_BYTES (relay/http/read-body.ts),
 * used again once a body is released instead of a new one per request (issue 18: intake).
 *
 * Why: a send with a 100 KB PDF brings 136 KB of JSON. A new buffer per request is memory outside
 * V8's heap, and V8 counts such memory towards starting a full collection: with one per request the
 * relay ran a mark-compact of its whole heap every 50 to 70 accepted sends under load (14 to 20 per
 * 1,000 sends, median 18; with these buffers kept 8 to 13, median 11.5; and 10 % less CPU per send).
 *
 * Rules that keep it safe: a buffer is handed out once until it is given back; only the bytes a
 * request wrote are ever read (readBodyBytes answers `subarray(0, size)`, and a body cut short fails),
 * so what an earlier request left in it is never seen; and it is given back only by `release()`, after
 * which nothing reads the body (read-body.ts). Sizes go by powers of two, and at most MAX_KEPT_BYTES
 * are kept, so a burst of large sends leaves little behind.
 */

/** The smallest buffer handed out: a send without files fits, and so does most of one with a PDF. */
const SMALLEST = 64 * 1024;

/**
 * Bytes kept for later requests, at most: fifty concurrent sends of a 100 KB PDF (256 KB buffers) in
 * full. @default 16 MiB
 */
export const MAX_KEPT_BYTES = 16 * 1024 * 1024;

/** Buffers given back, by size. */
const kept = new Map<number, Buffer[]>();
let keptBytes = 0;

/** The size of buffer a body of `length` bytes gets: the next power of two from SMALLEST. */
function sizeFor(length: number): number {
  let size = SMALLEST;
  while (size < length) size *= 2;
  return size;
}

/**
 * A buffer of at least `length` bytes, of its own memory (not Buffer's shared pool: a slice of that
 * would keep its neighbours alive); its contents are whatever an earlier body left there.
 */
export function takeBodyBuffer(length: number): Buffer {
  const size = sizeFor(length);
  const buffer = kept.get(size)?.pop();
  if (!buffer) return Buffer.allocUnsafeSlow(size);
  keptBytes -= size;
  return buffer;
}

/** Gives back a buffer from takeBodyBuffer (once, when nothing reads it any more). */
export function giveBackBodyBuffer(buffer: Buffer): void {
  if (keptBytes + buffer.length > MAX_KEPT_BYTES) return;
  let list = kept.get(buffer.length);
  if (!list) kept.set(buffer.length, (list = []));
  list.push(buffer);
  keptBytes += buffer.length;
}
