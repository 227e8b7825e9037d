/**
 * Garbage of large bodies collected while it is made, not when V8 gets round to it (issue 18:
 * memory). Reading a 20 MB attachment's request body leaves some 27 MB of socket chunks behind,
 * already copied into the body's one buffer; storing it leaves what the database driver made of
 * each chunk; sending it leaves every chunk read back and every chunk nodemailer's data stream made
 * of it. They are small JavaScript objects holding large buffers outside V8's heap, and V8
 * collects them when its young generation fills or the process's external memory has grown by
 * some 64 MB: neither happens soon enough, so the process's peak held the body two or three times.
 *
 * A `ChunkGarbage` counts the bytes of such chunks and asks V8 for a young-generation collection
 * (a scavenge: about a millisecond) each time `everyBytes` have passed: the chunks are young and
 * unreferenced by then, so their buffers go back at once. With `fullEvery`, every so many of those
 * is a full collection instead (some ten milliseconds): sending a stored body, what the database
 * driver and the SMTP stream keep between chunks outlives a scavenge (measured: without them the
 * peak while sending from PostgreSQL stayed at twice the attachment).
 *
 * Only the paths of bodies stored in chunks (over BODY_CHUNK_BYTES) use it: a relay that never
 * sees one never changes a V8 flag.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How many bytes of chunks pass between two collections, by default. @default 1 MiB */
export const CHUNK_GARBAGE_BYTES = 1024 * 1024;

type Collect = (options?: { type: 'minor' }) => void;

/** undefined: not looked for yet; null: not available (the flag could not be set). */
let collect: Collect | null | undefined;

/**
 * V8's `gc` function: the process's own when Node was started with --expose-gc, else one from a
 * context created after setting the flag (how Jest gets it too). Looked for once, on first use.
 */
function collector(): Collect | null {
  if (collect === undefined) {
    try {
      const own = (globalThis as { gc?: Collect }).gc;
      if (own) collect = own;
      else {
        setFlagsFromString('--expose-gc');
        collect = (runInNewContext('gc') as Collect | undefined) ?? null;
      }
    } catch {
      collect = null;
    }
  }
  return collect;
}

export class ChunkGarbage {
  private since = 0;
  private collections = 0;

  constructor(
    private readonly options: {
      /** Bytes of chunks between two collections. @default CHUNK_GARBAGE_BYTES */
      everyBytes?: number;
      /** Every so many collections, a full one instead of a scavenge. */
      fullEvery?: number;
    } = {},
  ) {}

  /** `bytes` more of chunks were made, that are (or will be by the next call) garbage. */
  note(bytes: number): void {
    this.since += bytes;
    if (this.since < (this.options.everyBytes ?? CHUNK_GARBAGE_BYTES)) return;
    this.since = 0;
    const gc = collector();
    if (!gc) return;
    const { fullEvery } = this.options;
    if (fullEvery && ++this.collections % fullEvery === 0) gc();
    else gc({ type: 'minor' });
  }
}
