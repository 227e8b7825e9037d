/**
 * What a failed attempt means for its message: try again later, or give up. One table, branching
 * on the classified problem (its kind and the catalogue's retry policy), never on reply text.
 */
import { problemRetryPolicy, type ProblemCode, type RetryPolicy } from '../diagnosis/catalogue';
import { classifySmtpFailure } from '../diagnosis/classify';
import type { AttemptResult } from '../store/types';

/**
 * - `retry`: wait for the next delay of the schedule, give up when the schedule is used up;
 * - `retry_few`: as `retry`, but at most `authAttempts` attempts in all (a sign-in that failed may
 *   be a hiccup; retrying it for two days would lock the mailbox);
 * - `fail`: give up now.
 */
export type FailureVerdict = 'retry' | 'retry_few' | 'fail';

/**
 * The decision table: the kind of failure (temporary: a 4xx reply, a timeout, a dropped connection;
 * permanent: a 5xx reply, or a failure without a reply that cannot pass by itself) against the
 * catalogue's retry policy for the problem.
 *
 * | kind \ policy | later | limited   | never |
 * |---------------|-------|-----------|-------|
 * | temporary     | retry | retry_few | fail  |
 * | permanent     | retry | retry_few | fail  |
 *
 * The kind does not change the verdict, deliberately: the catalogue's policy already says more than
 * the reply code. A permanent reply with policy `later` is a quota (Gmail `550 5.4.5 Daily user
 * sending limit exceeded`, Microsoft `554 5.2.0 ...SubmissionQuotaExceededException`): the server
 * says 5xx because this message cannot go today, but the quota resets within 24 hours, so an
 * invoice is retried later rather than lost (see QUOTA_PROBLEMS). A temporary reply with policy
 * `never` is a refusal that no wait cures (`454 4.7.0 TLS not available` for a profile that
 * requires STARTTLS, a lockout): it fails at once. `ms_account_locked` is `never`: every further
 * sign-in extends the lockout.
 */
export const DECISION_TABLE: Readonly<Record<'temporary' | 'permanent', Readonly<Record<RetryPolicy, FailureVerdict>>>> = {
  temporary: { later: 'retry', limited: 'retry_few', never: 'fail' },
  permanent: { later: 'retry', limited: 'retry_few', never: 'fail' },
};

/** Problems that clear only when a daily quota resets: never retried sooner than `quotaRetryDelayMs`. */
export const QUOTA_PROBLEMS: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['daily_quota_exceeded']);

export interface RetrySchedule {
  /** The delay before retry n+1 after attempt n; the message fails after the last. */
  retryDelaysMs: number[];
  /** Attempts in all for `retry_few` problems. */
  authAttempts: number;
  quotaRetryDelayMs: number;
}

export interface FailureDecision {
  result: Exclude<AttemptResult, { outcome: 'sent' }>;
  verdict: FailureVerdict;
  errorCode: string | null;
  responseCode: number | null;
  reply: string | null;
}

/**
 * ±10 % around the scheduled delay, so that messages deferred together (a server outage) do not
 * all come back in the same second. The schedule itself grows roughly exponentially.
 */
export function withJitter(ms: number, random: () => number = Math.random): number {
  return Math.round(ms * (0.9 + random() * 0.2));
}

/**
 * Decides after a failed attempt. `attemptsBefore` counts the earlier attempts that counted (not
 * interrupted or released ones).
 */
export function decideAfterFailure(error: unknown, attemptsBefore: number, schedule: RetrySchedule, now: number, random: () => number = Math.random): FailureDecision {
  const classified = classifySmtpFailure(error);
  const fields = (error ?? {}) as { responseCode?: unknown; code?: unknown; message?: unknown };
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : null;
  const errorCode = typeof fields.code === 'string' ? fields.code : null;
  const reply = classified.serverReply ?? (typeof fields.message === 'string' && fields.message ? fields.message : null);
  const attempts = attemptsBefore + 1;
  const verdict = DECISION_TABLE[classified.kind][problemRetryPolicy(classified.code)];

  const scheduled = schedule.retryDelaysMs[attempts - 1];
  const mayRetry = scheduled !== undefined && (verdict === 'retry' || (verdict === 'retry_few' && attempts < schedule.authAttempts));
  if (mayRetry) {
    const delay = QUOTA_PROBLEMS.has(classified.code) ? Math.max(scheduled, schedule.quotaRetryDelayMs) : scheduled;
    return {
      verdict,
      result: { outcome: 'deferred', reply, responseCode, problemCode: classified.code, nextAttemptAt: now + withJitter(delay, random) },
      errorCode,
      responseCode,
      reply,
    };
  }
  return { verdict, result: { outcome: 'failed', reply, responseCode, problemCode: classified.code }, errorCode, responseCode, reply };
}
