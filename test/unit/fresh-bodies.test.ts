import { describe, expect, it } from 'vitest';
import { FreshBodies } from '../../relay/store/sqlite/fresh-bodies';

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
});
