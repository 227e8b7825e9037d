/**
 * Issue 15, item 1: a mail server that is down fails an invoice only after the whole retry
 * schedule, not after the sign-in attempt limit (OWNPOST_AUTH_ATTEMPTS, 3), which is for refused
 * sign-ins alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, startDeliveryRelay, waitForMessage } from '../helpers/delivery';
import { closedPort } from '../helpers/fake-smtp-peers';
import type { TestRelay } from '../helpers/test-relay';

let t: TestRelay;
let token: string;

beforeAll(async () => {
  t = await startDeliveryRelay({ OWNPOST_RETRY_DELAYS: '1s,1s,1s,1s,1s,1s', OWNPOST_AUTH_ATTEMPTS: '3' });
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
});
afterAll(() => t.close());

describe('a mail server that is down', () => {
  it('is tried on the whole schedule: 7 attempts, then failed (connection refused)', async () => {
    const profileId = await createProfile(t, token, await closedPort());
    const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 15', text: 'x' } });
    expect(res.status).toBe(202);
    const message = await waitForMessage(t, token, res.body.id, (m) => m.status === 'failed', 40_000);
    expect(message.attemptCount).toBe(7);
    const outcomes = message.attempts.map((a: { outcome: string }) => a.outcome);
    expect(outcomes).toEqual([...Array(6).fill('deferred'), 'failed']);
    expect(message.attempts.every((a: { problemCode: string }) => a.problemCode === 'connection_refused')).toBe(true);
  }, 60_000);
});
