/**
 * A relay set up for sender tests (issue 4): short timeouts so a test of a silent server takes a
 * second, not fifteen; limits out of the way unless a test is about them; test-before-save on.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { zDiagnosisResult, type DiagnosisResult } from '../../shared/diagnosis-schemas';
import type { RelayConfig } from '../../relay/config';
import { startTestRelay, type TestRelay } from './test-relay';

export const PASSWORD = 'correct horse battery staple';

/** Long enough for a TLS handshake on a busy machine, short enough for a timeout test. */
export const TEST_STEP_TIMEOUT_MS = 1500;

export async function startDiagnosisRelay(overrides: Partial<RelayConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<TestRelay> {
  return startTestRelay(
    {
      testStepTimeoutMs: TEST_STEP_TIMEOUT_MS,
      senderTestLimits: {
        testsPerWindow: { max: 10_000, windowMs: 60_000 },
        authFailureWait: { free: 10_000, firstMs: 1000, maxMs: 1000, forgetMs: 60_000 },
      },
      ...overrides,
    },
    { OWNPOST_TEST_BEFORE_SAVE: '1', ...env },
  );
}

/** An unsaved profile for `POST /v1/diagnose` pointing at a test server on 127.0.0.1. */
export function diagnoseBody(port: number, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Office',
    fromName: 'Anna Berg',
    fromAddress: 'anna@firma.se',
    smtp: { host: '127.0.0.1', port, security: 'starttls' },
    auth: { type: 'password', username: 'anna@firma.se', password: PASSWORD },
    ...overrides,
  };
}

/**
 * Runs `POST /v1/diagnose` as a fresh user (one test at a time per user is the relay's rule). An
 * admin: the bodies test From addresses of their own choosing, which a member may not (issue 14).
 */
export async function diagnose(t: TestRelay, body: unknown, headers: Record<string, string> = {}): Promise<DiagnosisResult> {
  const { token } = await t.addUser(`tester-${randomUUID()}@firma.se`, 'admin');
  const res = await t.request('POST', '/v1/diagnose', { token, body, headers });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return zDiagnosisResult.parse(res.body);
}

export interface ExpectedFailure {
  stage: string;
  code: string;
  /** The one-click fix; absent: there must be none. */
  suggestion?: { host: string; port: number; security: string };
}

/** Asserts a failed test: every stage before the last passed, the last failed as expected, the problem and suggestion. */
export function expectFailure(result: DiagnosisResult, expected: ExpectedFailure) {
  const context = JSON.stringify(result, null, 1);
  expect(result.ok, context).toBe(false);
  const last = result.stages.at(-1)!;
  expect(
    result.stages.slice(0, -1).every((stage) => stage.ok),
    context,
  ).toBe(true);
  expect({ stage: last.stage, ok: last.ok }, context).toEqual({ stage: expected.stage, ok: false });
  expect(result.problem?.code, context).toBe(expected.code);
  expect(result.problem?.title.length, context).toBeGreaterThan(0);
  expect(result.problem?.fix.length, context).toBeGreaterThan(0);
  if (expected.suggestion) expect(result.suggestion, context).toEqual({ smtp: expected.suggestion });
  else expect(result.suggestion, context).toBeUndefined();
}
