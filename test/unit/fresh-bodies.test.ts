import { describe, expect, it } from 'vitest';
import { FreshBodies, freshBodiesBudget } from '../../relay/store/sqlite/fresh-bodies';

const bytes = (length: number, fill: number) => Buffer.alloc(length, fill);

describe('FreshBodies (bodies of messages accepted lately)', () => {
  it('keeps its own copy: the caller may release or overwrite its buffer after the commit', () => {
    const bodies = new FreshBodies(100_000, 50_000);
    // A message's bytes inside a larger buffer, as a composed send's parts can be.
    const composed = bytes(40_000, 0x41);
    bodies.remember('a', composed.subarray(0, 10_000));
    composed.fill(0);
    expect(bodies.get('a')).toEqual(bytes(10_000, 0x41));
    // A copy of those bytes alone, not a view that would keep the larger buffer alive.
    expect(bodies.get('a')!.buffer.byteLength).toBe(10_000);
  });

  it('drops the oldest bodies when over its budget, and never keeps a body larger than its limit', () => {
    const bodies = new FreshBodies(250, 200);
    bodies.remember('a', bytes(100, 1));
    bodies.remember('b', bytes(100, 2));
    bodies.remember('c', bytes(100, 3));
    expect(bodies.get('a')).toBeUndefined();
    expect(bodies.get('b')).toEqual(bytes(100, 2));
    expect(bodies.get('c')).toEqual(bytes(100, 3));
    expect(bodies.size).toEqual({ entries: 2, bytes: 200 });

    bodies.remember('big', bytes(201, 4));
    expect(bodies.get('big')).toBeUndefined();
    expect(bodies.size.bytes).toBe(200);
  });

  it('forgets a body (its message reached a final state), and counts a body remembered twice once', () => {
    const bodies = new FreshBodies(1_000, 500);
    bodies.remember('a', bytes(100, 1));
    bodies.remember('a', bytes(100, 1));
    expect(bodies.size).toEqual({ entries: 1, bytes: 100 });
    bodies.forget('a');
    bodies.forget('unknown');
    expect(bodies.get('a')).toBeUndefined();
    expect(bodies.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('remembers the newest creation time of a body it dropped for room, so that the claim reads those bodies', () => {
    const bodies = new FreshBodies(250, 200);
    bodies.remember('a', bytes(100, 1), 1_000);
    bodies.remember('b', bytes(100, 2), 2_000);
    expect(bodies.droppedUpTo).toBe(0);
    bodies.remember('c', bytes(100, 3), 3_000);
    expect(bodies.droppedUpTo).toBe(1_000);
    // Too large for the limit: stored in chunks, no body to read; not a dropped one.
    bodies.remember('big', bytes(201, 4), 4_000);
    expect(bodies.droppedUpTo).toBe(1_000);
  });

  it('takes a sixteenth of the memory (or of the container’s limit) for its budget, between 64 and 256 MB', () => {
    const MB = 1024 * 1024;
    expect(freshBodiesBudget(24 * 1024 * MB, 0)).toBe(256 * MB);
    expect(freshBodiesBudget(2 * 1024 * MB, 0)).toBe(128 * MB);
    expect(freshBodiesBudget(512 * MB, 0)).toBe(64 * MB);
    // Node reports no limit as a huge number: the machine's memory counts.
    expect(freshBodiesBudget(2 * 1024 * MB, 2 ** 64)).toBe(128 * MB);
    expect(freshBodiesBudget(24 * 1024 * MB, 1536 * MB)).toBe(96 * MB);
  });
});
