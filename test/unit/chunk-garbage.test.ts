import { describe, expect, it } from 'vitest';
import { ChunkGarbage } from '../../relay/delivery/chunk-garbage';

/** A buffer nothing refers to any more, watched by a WeakRef (which keeps it only until the current job ends). */
function droppedChunk(): WeakRef<Buffer> {
  return new WeakRef(Buffer.alloc(64 * 1024));
}
const nextJob = () => new Promise((resolve) => setImmediate(resolve));

describe('garbage of large bodies, collected as it is made', () => {
  // Whether a scavenge frees a given object depends on V8's generations, so the check is on a full
  // collection: that one frees every chunk nothing refers to, and shows V8's collector was reached.
  it('collects the chunks dropped since the last collection once enough bytes passed', async () => {
    const garbage = new ChunkGarbage({ everyBytes: 1024 * 1024, fullEvery: 1 });
    const chunks = Array.from({ length: 8 }, droppedChunk);
    const kept = Buffer.alloc(64 * 1024);
    const stillUsed = new WeakRef(kept);
    await nextJob();
    garbage.note(1024 * 1024);
    expect(chunks.filter((chunk) => chunk.deref() !== undefined)).toHaveLength(0);
    expect(stillUsed.deref()).toBe(kept);
  });
});
