/**
 * Group commit of delivery attempts: attempts are recorded in groups, one transaction and one sync
 * each, one group at a time. While other sends are still running, a result waits up to
 * RESULT_LINGER_MS for more to join it (or until a group is full); when nothing else is being sent
 * it goes at once. A worker busy with a burst of invoices thus commits a dozen results at a time
 * instead of one each: every transaction writes its pages to the WAL, and fewer, larger ones cost
 * the event loop far less. A crash before the commit means the message is sent again: the window
 * between the server's 250 and the commit that at-least-once delivery always has, widened by at
 * most that wait and the group ahead of it.
 */
import type { FinishedAttempt } from '../store/types';

/** How long a result may wait for others to be committed with it, while other sends are running. */
const RESULT_LINGER_MS = 5;

/**
 * A result that could not be committed (disk full, database connection lost) is kept in memory and
 * written again after this wait, doubling up to RECORD_RETRY_MAX_MS (issue 15): sending the mail
 * again because its result was not written would be a duplicate without a crash.
 */
const RECORD_RETRY_MIN_MS = 100;
const RECORD_RETRY_MAX_MS = 5_000;

export interface GroupCommitterOptions {
  /** Commits one group in one transaction; whether each attempt applied (false: its lease was lost). */
  commit: (group: FinishedAttempt[]) => Promise<boolean[]>;
  /** A group this large goes at once (the worker's slots: no more results can come meanwhile). */
  maxGroup: number;
  /** Whether a result may wait for company: other sends are running and the worker is not stopping. */
  mayLinger: () => boolean;
  log: (line: string) => void;
}

interface PendingResult {
  finished: FinishedAttempt;
  done: (applied: boolean) => void;
  at: number;
}

export class GroupCommitter {
  /** Attempts waiting to be committed together. */
  private pending: PendingResult[] = [];
  private timer: NodeJS.Timeout | undefined;
  private scheduled = false;
  /** The group being committed and synced now; the next group waits for it. */
  private committing: Promise<void> | undefined;
  /** After a failed commit: no new try before this time, and the wait after the next failure. */
  private retryAt = 0;
  private retryMs = 0;

  constructor(private readonly options: GroupCommitterOptions) {}

  /** Records one attempt with the next group; resolves whether it applied. Never rejects. */
  record(finished: FinishedAttempt): Promise<boolean> {
    return new Promise((resolve) => {
      this.pending.push({ finished, done: resolve, at: Date.now() });
      this.schedule();
    });
  }

  /** Results are waiting to be committed, or being committed. */
  get busy(): boolean {
    return this.pending.length > 0 || this.committing !== undefined || this.scheduled;
  }

  /** Results are waiting because the store refused them: the worker claims nothing meanwhile. */
  get waitingForStore(): boolean {
    return this.retryMs > 0 && this.pending.length > 0;
  }

  /**
   * Looks again whether the waiting results go now: called when a send ends, since the last send of
   * a burst lets the results waiting for company go.
   */
  schedule(): void {
    if (this.scheduled || this.committing || this.pending.length === 0) return;
    const full = this.pending.length >= this.options.maxGroup;
    const linger = full || !this.options.mayLinger() ? 0 : this.pending[0]!.at + RESULT_LINGER_MS - Date.now();
    const wait = Math.max(linger, this.retryAt - Date.now());
    if (wait > 0) {
      // Looked at again when the next result arrives (the group may be full by then) or the wait ends.
      if (!this.timer) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.schedule();
        }, wait);
      }
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.committing = this.commitGroup().finally(() => {
        this.committing = undefined;
        this.schedule();
      });
    });
  }

  /**
   * Stopping: commits every pending attempt now, trying again (the store may be failing) until
   * `deadline`. Returns the ids of the messages whose attempt is still not recorded.
   */
  async drain(deadline: number): Promise<Set<string>> {
    for (;;) {
      await this.commitNow();
      if (this.pending.length === 0 || Date.now() >= deadline) break;
      await new Promise((r) => setTimeout(r, Math.min(this.retryMs || RECORD_RETRY_MIN_MS, deadline - Date.now())));
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    return new Set(this.pending.map((p) => p.finished.id));
  }

  private async commitNow(): Promise<void> {
    while (this.committing) await this.committing;
    // Stopping: the wait between tries is the caller's (drain), not the timer's.
    this.retryAt = 0;
    await this.commitGroup();
  }

  private async commitGroup(): Promise<void> {
    const group = this.pending.splice(0);
    if (group.length === 0) return;
    const { log } = this.options;
    try {
      const applied = await this.options.commit(group.map((p) => p.finished));
      if (this.retryMs) log(`recorded ${group.length} attempt(s) that had waited for the store`);
      this.retryMs = 0;
      this.retryAt = 0;
      group.forEach((p, i) => p.done(applied[i] ?? false));
    } catch (error) {
      // Kept in memory, in order, and written again after a growing wait: the messages stay in
      // flight, so their leases go on being renewed and no other worker sends them again. The log
      // names the store's error: this is not a lost lease.
      this.retryMs = Math.min(RECORD_RETRY_MAX_MS, Math.max(RECORD_RETRY_MIN_MS, this.retryMs * 2));
      this.retryAt = Date.now() + this.retryMs;
      this.pending.unshift(...group);
      const code = (error as { code?: unknown }).code;
      log(`could not record ${group.length} attempt(s), keeping them and trying again in ${this.retryMs} ms: ` + `${typeof code === 'string' ? `${code}: ` : ''}${(error as Error).message}`);
    }
  }
}
