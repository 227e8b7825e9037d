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

/**
 * Waits until the relay's outbox holds nothing left to send (no message queued, sending or deferred)
 * and the worker has since looked for due messages and found none: the positive signal that the
 * moment for a duplicate delivery, a retry or a message that got through anyway has passed, for a
 * "nothing more was sent" check to read. Each of those would be a message the outbox still holds or
 * one that claim would find; one that went out is at its server already (a message is recorded as
 * sent only after the server's reply). Faster than a fixed wait (one poll of the worker, 100 ms in
 * tests) and not fooled by a slow machine. The relay must run in this process (startTestRelay).
 */
export async function waitForOutboxAtRest(t: TestRelay, timeoutMs = 15_000): Promise<void> {
  const store = t.relay.store;
  const claimDueMessages = store.claimDueMessages;
  // Every claim the worker makes from now on, in the order they began, with what each found.
  const claims: { found?: number }[] = [];
  store.claimDueMessages = async (...args) => {
    const claim: { found?: number } = {};
    claims.push(claim);
    const claimed = await claimDueMessages.apply(store, args);
    claim.found = claimed.length;
    return claimed;
  };
  try {
    for (;;) {
      await waitFor(
        'the outbox to hold nothing left to send',
        () => store.countMessagesByStatus(),
        (n) => !n.queued && !n.sending && !n.deferred,
        { timeoutMs },
      );
      const from = claims.length;
      const next = await waitFor(
        "the worker's next look at the outbox",
        () => claims[from]?.found,
        (found) => found !== undefined,
        { timeoutMs, intervalMs: 10 },
      );
      // It found a message after all (one that came meanwhile): it is sent first, then looked at again.
      if (next === 0) return;
    }
  } finally {
    store.claimDueMessages = claimDueMessages;
  }
}
