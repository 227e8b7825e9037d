import type { EnqueueResult, NewSend } from './types';

export type PendingSend = { send: NewSend; resolve: (result: EnqueueResult) => void; reject: (error: unknown) => void };

/**
 * Group commit, for both outboxes: the sends that reach the store while a group is written go together into the next one, one
 * transaction and one flush to disk for them all. `write` answers each caller once the group is on disk; if it fails, with its error.
 */
export class GroupCommit {
  private readonly waiting: PendingSend[] = [];
  private writing = false;

  constructor(
    private readonly write: (group: PendingSend[]) => Promise<void>,
    private readonly maxSends = Infinity,
  ) {}

  add(send: NewSend): Promise<EnqueueResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ send, resolve, reject });
      if (this.waiting.length === 1 && !this.writing) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const group = this.waiting.splice(0, this.maxSends);
    if (group.length === 0) return;
    this.writing = true;
    try {
      await this.write(group);
    } catch (error) {
      for (const pending of group) pending.reject(error);
    } finally {
      this.writing = false;
    }
    await this.flush();
  }
}
