/**
 * Never a hang: a mail server that trickles its reply (a continuation line every 200 ms, never the
 * last one) keeps any inactivity timeout from firing. The message stayed `sending` for ever and held
 * a worker slot. Now an attempt has a deadline (three OWNPOST_SMTP_TIMEOUTs and a second per 10 KB):
 * past it the connection is closed and the message is deferred like after any timeout. Against a raw
 * TCP server speaking SMTP by hand, stalling after EHLO and after the end of DATA. The same for IMAP:
 * a server trickling untagged lines kept a Sent copy waiting for ever, and the Sent-folder test held
 * its HTTP request open for ever, whatever OWNPOST_TEST_STEP_TIMEOUT said.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptDeadlineMs } from '../../relay/delivery/transport-pool';
import { createProfile, startDeliveryRelay, waitForMessage } from '../helpers/delivery';
import { startTricklingImapServer, startTricklingSmtpServer, type TricklingServer } from '../helpers/fake-smtp-peers';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';
import { waitFor } from '../helpers/wait-for';

let t: TestRelay;
let token: string;
const servers: TricklingServer[] = [];
let mailbox: TestSmtpServer | undefined;
beforeAll(async () => {
  // One second of inactivity allowed; retries far enough away that the test sees the first attempt.
  t = await startDeliveryRelay({ OWNPOST_SMTP_TIMEOUT: '1s', OWNPOST_RETRY_DELAYS: '1h' });
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
});
afterAll(async () => {
  await t?.close();
  await mailbox?.close();
  await Promise.all(servers.map((server) => server.close()));
});

describe('a server that trickles its reply', () => {
  it('gives an attempt at most three inactivity limits and a second per 10 KB', () => {
    expect(attemptDeadlineMs(120_000, 0)).toBe(360_000);
    expect(attemptDeadlineMs(120_000, 10_000_000)).toBe(360_000 + 1_000_000);
  });

  it.each(['ehlo', 'data-end'] as const)('stalling at %s: the attempt ends at the deadline, deferred as a timeout, and its connection is closed', async (stallAt) => {
    const server = await startTricklingSmtpServer(stallAt);
    servers.push(server);
    const profileId = await createProfile(t, token, server.port, { smtp: { host: '127.0.0.1', port: server.port, security: 'none' } });
    const started = Date.now();
    const sent = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 4711', text: 'Hej' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);

    const view = await waitForMessage(t, token, sent.body.id, (m) => m.status !== 'queued' && m.status !== 'sending', 15_000);
    expect(view.status).toBe('deferred');
    expect(view.attempts).toEqual([expect.objectContaining({ outcome: 'deferred', problemCode: 'connection_timeout' })]);
    expect(view.attempts[0].reply).toMatch(/did not finish answering/);
    // Three seconds (three times the 1 s limit) and one for the small message, with room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(server.open.size).toBe(0);
  });
});

describe('an IMAP server that trickles its reply', () => {
  it('ends the Sent copy at the deadline and keeps it for a retry, the mail itself sent once', async () => {
    mailbox = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
    const imap = await startTricklingImapServer();
    servers.push(imap);
    const profileId = await createProfile(t, token, mailbox.port);
    const settings = await t.request('PUT', `/v1/profiles/${profileId}/delivery`, { token, body: { saveToSent: { host: '127.0.0.1', port: imap.port, security: 'none' } } });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    const sent = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 4712', text: 'Hej' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    await waitForMessage(t, token, sent.body.id, (m) => m.status === 'sent');

    const view = await waitForMessage(t, token, sent.body.id, (m) => typeof m.sentCopy?.error === 'string', 15_000);
    expect(view.sentCopy).toMatchObject({ status: 'pending', error: expect.stringMatching(/did not finish answering within 4 s \(ETIMEDOUT\)/) });
    await waitFor(
      'the IMAP connection to be closed',
      () => imap.open.size,
      (n) => n === 0,
    );
    expect(mailbox.received).toHaveLength(1);
  });

  it('ends the Sent-folder test within four step limits: 422 with a timeout, not a request that never ends', async () => {
    const imap = await startTricklingImapServer();
    servers.push(imap);
    const own = await startDeliveryRelay({ OWNPOST_TEST_BEFORE_SAVE: '1', OWNPOST_TEST_STEP_TIMEOUT: '1s' });
    try {
      const { token: admin } = await own.addUser('anna@firma.se', 'admin');
      // Saved without a passing test (nothing listens on 2525 here): an admin's `force`.
      const profileId = await createProfile(own, admin, 2525, { force: true });
      const started = Date.now();
      const res = await own.request('PUT', `/v1/profiles/${profileId}/delivery`, { token: admin, body: { saveToSent: { host: '127.0.0.1', port: imap.port, security: 'none' } } });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.error.code).toBe('sent_folder_test_failed');
      expect(res.body.error.details.diagnosis.problem.code).toBe('connection_timeout');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await own.close();
    }
  });
});
