/**
 * CPU time of this process per thread (/proc/self/task/<tid>/stat, Linux only), for the speed part's
 * per-message figures: which thread a change moves CPU off is steadier on a shared machine than
 * throughput. Node names every thread "node", so the threads are told apart by their place: the main
 * thread's id is the process's, V8's platform (four helpers for the garbage collector's marking and
 * sweeping and concurrent compiling, and its delayed-task thread) are the five started right after it,
 * the lowest ids after the main thread's; of the others (libuv's pool, tsx's loader thread, worker
 * threads such as the SQLite thread) the busiest is reported alone.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

type Snapshot = Map<number, number>;

export interface ThreadCpu {
  mainMs: number;
  v8HelpersMs: number;
  /** The busiest other thread (the SQLite thread in the relay's runs). */
  workerMs: number;
  otherMs: number;
}

export function threadSnapshot(): Snapshot {
  const snapshot: Snapshot = new Map();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return snapshot;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      snapshot.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return snapshot;
}

export function threadCpuSince(before: Snapshot): ThreadCpu {
  const after = threadSnapshot();
  const pid = process.pid;
  const result: ThreadCpu = { mainMs: 0, v8HelpersMs: 0, workerMs: 0, otherMs: 0 };
  const others: number[] = [];
  const platform = new Set(
    [...after.keys()]
      .filter((tid) => tid !== pid)
      .sort((a, b) => a - b)
      .slice(0, 5),
  );
  for (const [tid, ms] of after) {
    const used = ms - (before.get(tid) ?? 0);
    if (tid === pid) result.mainMs += used;
    else if (platform.has(tid)) result.v8HelpersMs += used;
    else others.push(used);
  }
  others.sort((a, b) => b - a);
  result.workerMs = others[0] ?? 0;
  result.otherMs = others.slice(1).reduce((sum, ms) => sum + ms, 0);
  return result;
}

export const formatThreadCpu = (cpu: ThreadCpu, messages: number): string =>
  `main ${(cpu.mainMs / messages).toFixed(2)}, V8 helpers ${(cpu.v8HelpersMs / messages).toFixed(2)}, busiest other ${(cpu.workerMs / messages).toFixed(2)}, rest ${(cpu.otherMs / messages).toFixed(2)} ms/msg`;
