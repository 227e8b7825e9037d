/**
 * Issue 15, item 2: a result that cannot be recorded (disk full, database connection reset) must
 * not send the mail again. The worker keeps it in memory, goes on renewing the lease, writes it
 * again until it lands, and logs the store's error rather than "lease lost". Here the store's
 * commit of results fails for three leases' time, as SQLite does when the disk is full; the real
 * full disk and a PostgreSQL reset run in fault-suite.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, startDeliveryRelay, waitForMessage } from '../helpers/delivery';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';

let t: TestRelay;
let token: string;
let smtp: TestSmtpServer;

beforeAll(async () => {
  // A short lease: without renewals during the outage it would expire three times over.
  t = await startDeliveryRelay({ OWNPOST_LEASE: '1s' });
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
  smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('a result the store cannot take', () => {
  it('is kept and written again until it lands, with the lease renewed meanwhile: no second mail', async () => {
    const store = t.relay.store;
    const finishAttempts = store.finishAttempts.bind(store);
    const finishAttemptsAndClaim = store.finishAttemptsAndClaim!.bind(store);
    let refusals = 0;
    let failing = true;
    const refuse = () => {
      refusals++;
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    // Results are committed alone, or with the next claim (while the worker has room for one): both fail.
    store.finishAttempts = async (owner, finished) => (failing ? refuse() : finishAttempts(owner, finished));
    store.finishAttemptsAndClaim = async (owner, finished, claim) => (failing ? refuse() : finishAttemptsAndClaim(owner, finished, claim));
    try {
      const profileId = await createProfile(t, token, smtp.port);
      const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 2', text: 'x' } });
      expect(res.status).toBe(202);
      await smtp.waitForMessages(1);
      // Three leases long the result cannot be written.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(refusals).toBeGreaterThan(1);
      expect((await t.request('GET', `/v1/messages/${res.body.id}`, { token })).body.status).toBe('sending');
      failing = false;
      const message = await waitForMessage(t, token, res.body.id, (m) => m.status === 'sent', 15_000);
      expect(message.attemptCount).toBe(1);
      expect(message.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['sent']);
      // Another lease's time: nothing is sent again.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(smtp.received).toHaveLength(1);
      const log = t.logs.join('\n');
      expect(log).toMatch(/could not record 1 attempt\(s\), keeping them .*SQLITE_FULL: database or disk is full/);
      expect(log).not.toMatch(/lease lost/);
    } finally {
      store.finishAttempts = finishAttempts;
      store.finishAttemptsAndClaim = finishAttemptsAndClaim;
    }
  }, 40_000);
});

describe('a send the store cannot take (issue 15, item 6)', () => {
  it.each([
    ['SQLITE_FULL', 'storage_full', '60'],
    ['57P01', 'store_unavailable', '5'], // PostgreSQL shutting down
  ])('%s is answered 503 %s with Retry-After %s, never 500 internal_error', async (code, expected, retryAfter) => {
    const store = t.relay.store;
    const enqueueSend = store.enqueueSend.bind(store);
    store.enqueueSend = async () => {
      throw Object.assign(new Error('the store refused'), { code });
    };
    try {
      const profileId = await createProfile(t, token, smtp.port);
      const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 6', text: 'x' } });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe(expected);
      expect(res.headers.get('retry-after')).toBe(retryAfter);
      expect(t.logs.join('\n')).not.toMatch(/internal error/);
    } finally {
      store.enqueueSend = enqueueSend;
    }
  });
});
