import { expect } from 'vitest';
import type { RelayConfig } from '../../relay/config';
import { startTestRelay, testProfile, type TestRelay } from './test-relay';
import { waitFor } from './wait-for';

/**
 * A test relay for delivery tests: test SMTP and IMAP servers listen on random loopback ports,
 * which an admin would allow with OWNPOST_ALLOWED_PORTS.
 */
export function startDeliveryRelay(env: NodeJS.ProcessEnv = {}, overrides: Partial<RelayConfig> = {}): Promise<TestRelay> {
  return startTestRelay(overrides, { OWNPOST_ALLOWED_PORTS: '1024-65535', OWNPOST_TEST_BEFORE_SAVE: '0', ...env });
}

export async function createProfile(t: TestRelay, token: string, port: number, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.request('POST', '/v1/profiles', { token, body: testProfile(port, { isDefault: false, ...overrides }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** Polls GET /v1/messages/:id until `done` holds. */
export async function waitForMessage(t: TestRelay, token: string, id: string, done: (m: any) => boolean, timeoutMs = 15_000): Promise<any> {
  return waitFor(`message ${id} to get there`, async () => (await t.request('GET', `/v1/messages/${id}`, { token })).body, done, { timeoutMs, intervalMs: 50 });
}

export const isFinal = (m: { status: string }) => m.status === 'sent' || m.status === 'failed';
