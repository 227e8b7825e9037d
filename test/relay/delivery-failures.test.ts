import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, isFinal, startDeliveryRelay, waitForMessage, waitForOutboxAtRest } from '../helpers/delivery';
import { startSmtpServer, type TestSmtpOptions } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';
import { waitFor } from '../helpers/wait-for';

const USERS = { 'anna@firma.se': 'correct horse battery staple' };
let t: TestRelay;
let token: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  // Short waits: a 5 s SMTP timeout for the greeting test (at 1 s, a TLS handshake on a machine busy with the
  // end-to-end tests beside this file timed out), and connections kept 1 s when idle.
  t = await startDeliveryRelay({ OWNPOST_SMTP_TIMEOUT: '5s', OWNPOST_TRANSPORT_IDLE: '1s', OWNPOST_RETRY_DELAYS: '200ms,300ms,400ms' });
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
});
afterAll(() => t.close());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function smtpServer(options: TestSmtpOptions = {}) {
  const server = await startSmtpServer({ users: USERS, ...options });
  cleanups.push(() => server.close());
  return server;
}

async function send(profileId: string, subject: string) {
  const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject, text: 'Fakturan bifogas.' } });
  expect(res.status).toBe(202);
  return res.body.id as string;
}

function smtpError(reply: string): Error {
  const [code, ...rest] = reply.split(' ');
  return Object.assign(new Error(rest.join(' ')), { responseCode: Number(code) });
}

/**
 * A plain SMTP server written out by hand, for what smtp-server will not do: break off in the
 * middle of DATA. `onData` sees the bytes of each DATA and decides per connection.
 */
async function rawSmtpServer(behaviour: { dropAfterBytes?: (connection: number) => number | undefined; greet?: boolean }) {
  let connections = 0;
  const delivered: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const connection = ++connections;
    if (behaviour.greet === false) return; // never greets: the client's greeting timeout fires
    socket.write('220 raw.test ESMTP\r\n');
    let buffer = '';
    let inData = false;
    let dataBytes = 0;
    let data = '';
    socket.on('data', (chunk: Buffer) => {
      if (inData) {
        dataBytes += chunk.length;
        data += chunk.toString('latin1');
        const limit = behaviour.dropAfterBytes?.(connection);
        if (limit !== undefined && dataBytes >= limit) {
          socket.destroy(); // the connection drops in the middle of the message
          return;
        }
        if (data.endsWith('\r\n.\r\n')) {
          inData = false;
          delivered.push(data);
          socket.write(`250 2.0.0 Ok: queued as RAW${delivered.length}\r\n`);
        }
        return;
      }
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-raw.test\r\n250 8BITMIME\r\n');
        else if (verb === 'DATA') {
          inData = true;
          dataBytes = 0;
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return { port: (server.address() as AddressInfo).port, delivered, connections: () => connections };
}

describe('delivery against servers that misbehave', () => {
  it('retries a temporary failure with the same Message-ID until the server accepts, recording every reply', async () => {
    let calls = 0;
    const smtp = await smtpServer({
      onMessage: () => {
        if (++calls <= 2) throw smtpError('451 4.3.0 Temporary local problem, please try again');
      },
    });
    const id = await send(await createProfile(t, token, smtp.port), 'Faktura 1001');
    const done = await waitForMessage(t, token, id, isFinal);
    expect(done.status).toBe('sent');
    expect(done.attempts.map((a: any) => [a.outcome, a.responseCode, a.problemCode])).toEqual([
      ['deferred', 451, 'server_temporary'],
      ['deferred', 451, 'server_temporary'],
      ['sent', 250, undefined],
    ]);
    expect(done.attempts[0].reply).toMatch(/^451 4\.3\.0 Temporary local problem/);
    expect(done.attemptCount).toBe(3);
    expect(done.problem).toBeUndefined();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.parsed.messageId).toBe(done.messageId);
  });

  it('shows a deferred message with its next attempt and problem while it waits', async () => {
    const smtp = await smtpServer({ onMessage: () => Promise.reject(smtpError('421 4.7.0 Try again later, closing connection.')) });
    const id = await send(await createProfile(t, token, smtp.port), 'Faktura 1002');
    const waiting = await waitForMessage(t, token, id, (m) => m.status === 'deferred');
    expect(waiting.problem.code).toBe('rate_limited');
    expect(Date.parse(waiting.nextAttemptAt)).toBeGreaterThan(Date.now() - 1000);
    expect(waiting.lastReply).toMatch(/^421 4\.7\.0/);
    // After the schedule (3 retries) it gives up, keeping the last problem.
    const done = await waitForMessage(t, token, id, isFinal);
    expect(done).toMatchObject({ status: 'failed', attemptCount: 4, problem: { code: 'rate_limited' } });
    expect(done.nextAttemptAt).toBeUndefined();
  });

  it('fails a permanent rejection at once, with the catalogue’s problem', async () => {
    const smtp = await smtpServer({ onMessage: () => Promise.reject(smtpError('554 5.2.252 SendAsDenied; anna@firma.se not allowed to send as x@firma.se')) });
    const id = await send(await createProfile(t, token, smtp.port), 'Faktura 1003');
    const done = await waitForMessage(t, token, id, isFinal);
    expect(done).toMatchObject({ status: 'failed', attemptCount: 1, problem: { code: 'send_as_denied' } });
    expect(done.attempts).toHaveLength(1);
    expect(done.attempts[0]).toMatchObject({ outcome: 'failed', responseCode: 554 });
  });

  it('defers a message whose connection drops in the middle of DATA, then sends it whole', async () => {
    const raw = await rawSmtpServer({ dropAfterBytes: (connection) => (connection === 1 ? 1 : undefined) });
    const profileId = await createProfile(t, token, raw.port, { smtp: { host: '127.0.0.1', port: raw.port, security: 'none' } });
    const id = await send(profileId, 'Faktura 1004');
    const done = await waitForMessage(t, token, id, isFinal);
    expect(done.status).toBe('sent');
    expect(done.attempts[0]).toMatchObject({ outcome: 'deferred', problemCode: 'connection_dropped' });
    expect(done.attempts.at(-1)).toMatchObject({ outcome: 'sent', reply: '250 2.0.0 Ok: queued as RAW1' });
    expect(raw.delivered).toHaveLength(1);
    expect(raw.delivered[0]).toContain(`Message-ID: ${done.messageId}`);
  });

  it('defers on a server that never greets (a timeout), and says so', async () => {
    const raw = await rawSmtpServer({ greet: false });
    const profileId = await createProfile(t, token, raw.port, { smtp: { host: '127.0.0.1', port: raw.port, security: 'none' } });
    const id = await send(profileId, 'Faktura 1005');
    const waiting = await waitForMessage(t, token, id, (m) => m.attemptCount >= 1);
    expect(waiting.attempts[0]).toMatchObject({ outcome: 'deferred', problemCode: 'greeting_timeout' });
  });

  it('fails a waiting message at once when its sender profile is deleted', async () => {
    const raw = await rawSmtpServer({ greet: false });
    const profileId = await createProfile(t, token, raw.port, { smtp: { host: '127.0.0.1', port: raw.port, security: 'none' } });
    const id = await send(profileId, 'Faktura 1009');
    await waitForMessage(t, token, id, (m) => m.status === 'deferred');
    expect((await t.request('DELETE', `/v1/profiles/${profileId}`, { token })).status).toBe(204);
    const done = await waitForMessage(t, token, id, isFinal);
    expect(done).toMatchObject({ status: 'failed', lastReply: expect.stringMatching(/profile of this message was deleted/) });
    expect(done.attempts.at(-1)).toMatchObject({ outcome: 'failed' });
  });

  it('retries a refused sign-in a few times, then fails', async () => {
    const smtp = await smtpServer({ users: { 'anna@firma.se': 'another password' } });
    const id = await send(await createProfile(t, token, smtp.port), 'Faktura 1006');
    const done = await waitForMessage(t, token, id, isFinal);
    expect(done).toMatchObject({ status: 'failed', attemptCount: 3, problem: { code: 'auth_failed' } });
    expect(done.attempts.map((a: any) => a.outcome)).toEqual(['deferred', 'deferred', 'failed']);
  });

  it('never signs in again after a lockout reply', async () => {
    let logins = 0;
    const smtp = await smtpServer({
      server: {
        onAuth(_auth, _session, callback) {
          logins++;
          callback(smtpError('535 5.7.139 Authentication unsuccessful, account locked.'));
        },
      },
    });
    const id = await send(await createProfile(t, token, smtp.port), 'Faktura 1007');
    const done = await waitForMessage(t, token, id, isFinal);
    expect(done).toMatchObject({ status: 'failed', attemptCount: 1, problem: { code: 'ms_account_locked' } });
    // A retry (a second sign-in) would be a message still in the outbox, or done by the time it is at rest.
    await waitForOutboxAtRest(t);
    expect(logins).toBe(1);
  });

  it('retries a daily quota later, not before the quota delay', async () => {
    const smtp = await smtpServer({ onMessage: () => Promise.reject(smtpError('550 5.4.5 Daily user sending limit exceeded.')) });
    const id = await send(await createProfile(t, token, smtp.port), 'Faktura 1008');
    const waiting = await waitForMessage(t, token, id, (m) => m.attemptCount >= 1);
    expect(waiting).toMatchObject({ status: 'deferred', problem: { code: 'daily_quota_exceeded' } });
    // OWNPOST_QUOTA_RETRY_DELAY defaults to 1 h (±10 %), although the schedule says 200 ms.
    expect(Date.parse(waiting.nextAttemptAt) - Date.now()).toBeGreaterThan(50 * 60_000);
  });
});

describe('pooled transports per profile', () => {
  it('reuses one connection for a profile’s messages, and closes it when idle', async () => {
    let opened = 0;
    let closed = 0;
    const smtp = await smtpServer({
      server: {
        onConnect: (_s, cb) => {
          opened++;
          cb();
        },
        onClose: () => void closed++,
      },
    });
    const profileId = await createProfile(t, token, smtp.port);
    for (const n of [1, 2, 3]) await waitForMessage(t, token, await send(profileId, `Pool ${n}`), isFinal);
    expect(smtp.received).toHaveLength(3);
    expect(opened).toBe(1);
    expect(closed).toBe(0);
    await waitFor(
      'the idle connection to close',
      () => closed,
      (n) => n > 0,
      { timeoutMs: 10_000 },
    );
    expect(closed).toBe(1);
  });

  it('opens new connections when the profile’s settings change', async () => {
    let opened = 0;
    const smtp = await smtpServer({ server: { onConnect: (_s, cb) => (opened++, cb()) } });
    const profileId = await createProfile(t, token, smtp.port);
    await waitForMessage(t, token, await send(profileId, 'Before'), isFinal);
    const put = await t.request('PUT', `/v1/profiles/${profileId}/delivery`, { token, body: { maxConnections: 1 } });
    expect(put.status).toBe(200);
    await waitForMessage(t, token, await send(profileId, 'After'), isFinal);
    expect(opened).toBe(2);
  });

  it('never opens more connections than the profile allows', async () => {
    let open = 0;
    let most = 0;
    const smtp = await smtpServer({
      onMessage: () => new Promise((r) => setTimeout(r, 150)), // the server's latency keeps connections busy, so the limit shows
      server: {
        onConnect: (_s, cb) => {
          most = Math.max(most, ++open);
          cb();
        },
        onClose: () => void open--,
      },
    });
    const profileId = await createProfile(t, token, smtp.port);
    await t.request('PUT', `/v1/profiles/${profileId}/delivery`, { token, body: { maxConnections: 2 } });
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => send(profileId, `Burst ${i}`)));
    for (const id of ids) expect((await waitForMessage(t, token, id, isFinal)).status).toBe('sent');
    expect(most).toBe(2);
  });

  it('sends no more than the profile’s messages per minute', async () => {
    const smtp = await smtpServer();
    const profileId = await createProfile(t, token, smtp.port);
    const settings = await t.request('PUT', `/v1/profiles/${profileId}/delivery`, { token, body: { messagesPerMinute: 3 } });
    expect(settings.body.effective).toMatchObject({ messagesPerMinute: 3 });
    const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => send(profileId, `Rate ${i}`)));
    // The first three go; the other two are put back until their slot, about a minute away, so they
    // cannot go within this test: the moment a fourth could have gone has passed.
    const read = async () => (await Promise.all(ids.map((id) => t.request('GET', `/v1/messages/${id}`, { token })))).map((r) => r.body);
    const putBack = (m: { status: string; nextAttemptAt: string | null }) => !['sent', 'sending'].includes(m.status) && Date.parse(m.nextAttemptAt ?? '') - Date.now() > 50_000;
    const messages = await waitFor('three sent and the other two put back until their slot', read, (ms) => ms.filter((m) => m.status === 'sent').length === 3 && ms.filter(putBack).length === 2, {
      intervalMs: 50,
    });
    expect(smtp.received).toHaveLength(3);
    // The other two wait in the queue for a free slot (about a minute), without an attempt and
    // without holding a worker slot.
    const waiting = messages.filter((m) => m.status !== 'sent');
    expect(waiting.map((m) => [m.status, m.attempts.length])).toEqual([
      ['queued', 0],
      ['queued', 0],
    ]);
    for (const m of waiting) expect(Date.parse(m.nextAttemptAt) - Date.now()).toBeGreaterThan(50_000);
  });

  it('takes the provider preset’s limits for a known host (Microsoft 365: 3 connections, 30 a minute)', async () => {
    const profileId = await createProfile(t, token, 587, { smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' } });
    const res = await t.request('GET', `/v1/profiles/${profileId}/delivery`, { token });
    expect(res.body.effective).toEqual({ maxMessageBytes: 10_000_000, maxConnections: 3, messagesPerMinute: 30, preset: 'microsoft365' });
  });
});
