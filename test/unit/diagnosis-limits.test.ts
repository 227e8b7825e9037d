import { describe, expect, it } from 'vitest';
import { MemoryLimiterStore } from '../../relay/limits/limiter-store';
import { SenderTestLimits, TestRateLimitedError, waitAfterFailures } from '../../relay/limits/sender-test-limits';

const ACCOUNT = { host: 'smtp.office365.com', username: 'anna@firma.se' };

function limitsAt(clock: { now: number }, settings: Partial<ConstructorParameters<typeof SenderTestLimits>[1]> = {}) {
  return new SenderTestLimits(
    new MemoryLimiterStore(),
    {
      testsPerWindow: { max: 3, windowMs: 60_000 },
      authFailureWait: { free: 2, firstMs: 30_000, maxMs: 300_000, forgetMs: 3_600_000 },
      ...settings,
    },
    () => clock.now,
  );
}

async function refusal(promise: Promise<unknown>): Promise<TestRateLimitedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TestRateLimitedError);
  return error as TestRateLimitedError;
}

describe('MemoryLimiterStore', () => {
  it('keeps a sliding window and says when the oldest hit leaves it', async () => {
    const store = new MemoryLimiterStore();
    expect(await store.takeSlot('k', 2, 1000, 0)).toEqual({ allowed: true });
    expect(await store.takeSlot('k', 2, 1000, 400)).toEqual({ allowed: true });
    expect(await store.takeSlot('k', 2, 1000, 900)).toEqual({ allowed: false, retryAfterMs: 100 });
    // A refused try is not counted: at 1000 the first hit has left.
    expect(await store.takeSlot('k', 2, 1000, 1000)).toEqual({ allowed: true });
    expect(await store.takeSlot('other', 2, 1000, 1000)).toEqual({ allowed: true });
  });

  it('counts failures, forgets old ones, and clears', async () => {
    const store = new MemoryLimiterStore();
    expect(await store.addFailure('k', 0, 1000)).toEqual({ count: 1, lastAt: 0 });
    expect(await store.addFailure('k', 500, 1000)).toEqual({ count: 2, lastAt: 500 });
    expect(await store.getFailures('k', 1400, 1000)).toEqual({ count: 2, lastAt: 500 });
    expect(await store.getFailures('k', 1600, 1000)).toBeUndefined();
    expect(await store.addFailure('k', 1600, 1000)).toEqual({ count: 1, lastAt: 1600 });
    await store.clearFailures('k');
    expect(await store.getFailures('k', 1600, 1000)).toBeUndefined();
  });
});

describe('waitAfterFailures', () => {
  it('is free for the first failures, then doubles up to the maximum', () => {
    const wait = { free: 3, firstMs: 30_000, maxMs: 3_600_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 20, 1000].map((n) => waitAfterFailures(n, wait))).toEqual([0, 0, 0, 30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
  });
});

/** A limiter store that gives a hold back a moment later, as a shared database does over the network. */
class SlowReleaseStore extends MemoryLimiterStore {
  override async releaseHold(key: string, holder: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 30)); // the store's simulated latency is the test
    return super.releaseHold(key, holder);
  }
}

describe('SenderTestLimits', () => {
  it("gives the user's turn back by the time the release resolves, ended or refused: the next test is never 'busy'", async () => {
    const limits = new SenderTestLimits(new SlowReleaseStore(), { testsPerWindow: { max: 2, windowMs: 60_000 }, authFailureWait: { free: 2, firstMs: 30_000, maxMs: 300_000, forgetMs: 3_600_000 } });
    await (
      await limits.admit('u1', undefined)
    )();
    await (
      await limits.admit('u1', undefined)
    )();
    // Refused for the window, after taking the turn: the refusal gives it back before it is thrown.
    expect((await refusal(limits.admit('u1', undefined))).reason).toBe('tests');
    expect((await refusal(limits.admit('u1', undefined))).reason).toBe('tests');
  });

  it('limits tests per user in a sliding window', async () => {
    const clock = { now: 0 };
    const limits = limitsAt(clock);
    for (let i = 0; i < 3; i++) (await limits.admit('u1', undefined))();
    const error = await refusal(limits.admit('u1', undefined));
    expect(error).toMatchObject({ reason: 'tests', retryAfterMs: 60_000 });
    (await limits.admit('u2', undefined))();
    clock.now = 60_000;
    (await limits.admit('u1', undefined))();
  });

  it('grows the wait after refused sign-ins, per user and per account, and clears it on success', async () => {
    const clock = { now: 0 };
    const limits = limitsAt(clock, { testsPerWindow: { max: 100, windowMs: 60_000 } });
    const failOnce = async (user: string) => {
      (await limits.admit(user, ACCOUNT))();
      await limits.recordSignIn(user, ACCOUNT, 'refused');
    };
    await failOnce('u1');
    await failOnce('u1'); // two free
    await failOnce('u1'); // third: 30 s
    expect(await refusal(limits.admit('u1', ACCOUNT))).toMatchObject({ reason: 'auth_failures', retryAfterMs: 30_000 });
    // The account is protected from other users too; tests without sign-in are not held.
    expect((await refusal(limits.admit('u2', ACCOUNT))).reason).toBe('auth_failures');
    (await limits.admit('u1', undefined))();

    clock.now = 30_000;
    await failOnce('u1'); // fourth: 60 s
    expect((await refusal(limits.admit('u1', ACCOUNT))).retryAfterMs).toBe(60_000);
    clock.now = 90_000;
    (await limits.admit('u1', ACCOUNT))();
    await limits.recordSignIn('u1', ACCOUNT, 'accepted');
    (await limits.admit('u1', ACCOUNT))();
  });

  it('runs one test at a time per user', async () => {
    const limits = limitsAt({ now: 0 }, { testsPerWindow: { max: 100, windowMs: 60_000 } });
    const release = await limits.admit('u1', undefined);
    expect((await refusal(limits.admit('u1', undefined))).reason).toBe('busy');
    (await limits.admit('u2', undefined))();
    release();
    (await limits.admit('u1', undefined))();
  });
});

describe('the sign-in wait per mailbox is keyed on the normalised host (issue 14)', () => {
  it.each([
    ['SMTP.Office365.com.', 'smtp.office365.com'],
    ['smtp.bücher.de', 'smtp.xn--bcher-kva.de'],
    ['127.1', '127.0.0.1'],
    [' smtp.office365.com ', 'smtp.office365.com'],
  ])('refusals against %s make a test against %s wait (no fresh start by respelling the host)', async (first, second) => {
    const clock = { now: 0 };
    const limits = limitsAt(clock, { testsPerWindow: { max: 100, windowMs: 60_000 } });
    // Different users, so that only the mailbox's key can carry the wait over.
    for (let i = 0; i < 3; i++) await limits.recordSignIn(`user-${i}`, { host: first, username: 'Anna@firma.se' }, 'refused');
    const error = await refusal(limits.admit('someone-else', { host: second, username: 'anna@firma.se' }));
    expect(error.reason).toBe('auth_failures');
  });
});
