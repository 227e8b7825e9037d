/**
 * Fail loudly and helpfully: a message whose sender is deleted while it waits in the outbox (the
 * server said "try again later", then someone deleted the sender, or removed its owner) fails with a
 * problem that says so and what to do, not with `unknown` ("Run the connection test in the sender
 * settings", of a sender that no longer exists). Against a real SMTP server that defers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, startDeliveryRelay, waitForMessage } from '../helpers/delivery';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';

let mailbox: TestSmtpServer;
let t: TestRelay;
let token: string;
let deferring = true;

beforeAll(async () => {
  mailbox = await startSmtpServer({
    users: { 'anna@firma.se': 'correct horse battery staple' },
    onMessage: () => {
      if (deferring) throw Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 });
    },
  });
  // Retries far enough apart for the test to delete the sender in between.
  t = await startDeliveryRelay({ OWNPOST_RETRY_DELAYS: '2s,2s' });
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
});
afterAll(async () => {
  await t?.close();
  await mailbox?.close();
});

describe('a sender deleted while its message waits', () => {
  it('fails the message with sender_deleted, its title and fix, and sends nothing', async () => {
    const profileId = await createProfile(t, token, mailbox.port);
    const sent = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 4711', text: 'Hej' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    await waitForMessage(t, token, sent.body.id, (m) => m.status === 'deferred');

    expect((await t.request('DELETE', `/v1/profiles/${profileId}`, { token })).status).toBe(204);
    deferring = false;
    const done = await waitForMessage(t, token, sent.body.id, (m) => m.status === 'failed' || m.status === 'sent');

    expect(done.status).toBe('failed');
    expect(done.problem).toMatchObject({ code: 'sender_deleted', title: 'The sender was deleted before the message went out', fix: expect.stringMatching(/another sender/) });
    expect(done.attempts.at(-1)).toMatchObject({ outcome: 'failed', problemCode: 'sender_deleted' });
    expect(mailbox.received).toEqual([]);
  });
});
