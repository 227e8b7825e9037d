/**
 * Waiting for a condition instead of for a fixed time: a fixed sleep is either too short on a busy
 * machine (the test flakes) or longer than needed everywhere else (the suite crawls).
 */

export interface WaitOptions {
  /** How long the condition may take before the wait fails. */
  timeoutMs?: number;
  /** How long to wait between two reads. */
  intervalMs?: number;
}

/**
 * Reads `read()` until `until` accepts what it gave, and returns that value. Fails after `timeoutMs`
 * saying what never happened (`what`) and the last value read, rather than leaving a later
 * assertion to fail without that context. A read that throws counts as not there yet.
 */
export async function waitFor<T>(what: string, read: () => T | Promise<T>, until: (value: T) => boolean = Boolean, { timeoutMs = 10_000, intervalMs = 25 }: WaitOptions = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (until(value)) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last read: ${describe(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
