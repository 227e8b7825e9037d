import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseBody } from '../helpers/diagnosis-relay';
import { TEST_DATABASE_URL } from '../helpers/postgres';
import { deliveryCounts, enqueueMessages, relayApi, sentByInstance, startRelayCluster, waitForDistinctMessages, type RelayCluster } from '../helpers/relay-cluster';
import { OWNPOST_BIN, startRelayProcess, type RelayProcess } from '../helpers/relay-process';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';

describe('several relay instances on one PostgreSQL database', () => {
  let smtp: TestSmtpServer;
  let cluster: RelayCluster | undefined;
  beforeAll(async () => {
    smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  });
  afterEach(async () => {
    await cluster?.stop();
    cluster = undefined;
    smtp.received.length = 0;
  });
  afterAll(() => smtp.close());

  it('refuses to start on PostgreSQL without OWNPOST_MASTER_KEY', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-multi-'));
    try {
      await expect(startRelayProcess({ OWNPOST_DATA_DIR: dir, OWNPOST_DATABASE_URL: TEST_DATABASE_URL, OWNPOST_MASTER_KEY: '' })).rejects.toThrow(/OWNPOST_MASTER_KEY/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses key commands on PostgreSQL without OWNPOST_MASTER_KEY (a key file would be one machine's)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-multi-'));
    try {
      const env = { ...process.env, OWNPOST_DATA_DIR: dir, OWNPOST_DATABASE_URL: TEST_DATABASE_URL, OWNPOST_MASTER_KEY: '' };
      const refused = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(process.execPath, [OWNPOST_BIN, 'key', 'rotate'], { env }, (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }));
      });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/OWNPOST_MASTER_KEY/);
      expect(existsSync(path.join(dir, 'master.key'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('delivers 1,000 queued messages exactly once, the work shared between two instances', async () => {
    cluster = await startRelayCluster(smtp, { store: 'postgres', instances: 2 });
    const ids = await enqueueMessages(cluster, 1000);
    expect(new Set(ids).size).toBe(1000);
    await waitForDistinctMessages(smtp, 1000, 120_000);
    await new Promise((r) => setTimeout(r, 500)); // a late duplicate would show up here
    const { distinct, duplicates } = deliveryCounts(smtp);
    const [a, b] = cluster.instances.map(sentByInstance) as [number, number];
    console.log(`multi-instance: ${distinct} delivered, ${duplicates} duplicates; instance A sent ${a}, B sent ${b}`);
    expect(distinct).toBe(1000);
    expect(duplicates).toBe(0);
    expect(a + b).toBe(1000);
    expect(Math.min(a, b)).toBeGreaterThan(100);
  }, 180_000);

  it('holds at most three messages per open SMTP connection, so a burst is not queued up in one instance', async () => {
    // A server that takes 100 ms per message: without the limit the worker claimed 16 for 3 connections.
    const slow = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' }, onMessage: () => new Promise<void>((r) => setTimeout(r, 100)) }); // the server's latency is the test
    try {
      cluster = await startRelayCluster(slow, { store: 'postgres', instances: 1 });
      // One message first, so that the sender's transport (3 connections by default) is open.
      await enqueueMessages(cluster, 1);
      await waitForDistinctMessages(slow, 1, 30_000);
      await enqueueMessages(cluster, 40);
      let most = 0;
      while (deliveryCounts(slow).distinct < 41) {
        const listed = await relayApi(cluster.instances[0]!, cluster.token, 'GET', '/v1/messages?limit=100');
        most = Math.max(most, (listed.body.messages as { status: string }[]).filter((m) => m.status === 'sending').length);
        await new Promise((r) => setTimeout(r, 20)); // the samples' spacing: the loop waits for all 41
      }
      // 9 held, and the few sent whose results are still being committed.
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(12);
      expect(deliveryCounts(slow).duplicates).toBe(0);
    } finally {
      await cluster?.stop();
      cluster = undefined;
      await slow.close();
    }
  }, 60_000);

  it('sends through the profile as it is now: a worker that kept its profile between claims notices a change', async () => {
    const other = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
    try {
      cluster = await startRelayCluster(smtp, { store: 'postgres', instances: 1 });
      // Claims one after another with the profile unchanged: the worker reads it once and keeps it.
      for (let i = 1; i <= 3; i++) {
        await enqueueMessages(cluster, 1);
        await waitForDistinctMessages(smtp, i, 30_000);
      }
      const moved = await relayApi(cluster.instances[0]!, cluster.token, 'PATCH', `/v1/profiles/${cluster.profileId}`, {
        smtp: { host: '127.0.0.1', port: other.port, security: 'starttls' },
        auth: { type: 'password', username: 'anna@firma.se', password: 'correct horse battery staple' },
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      await enqueueMessages(cluster, 3);
      await waitForDistinctMessages(other, 3, 30_000);
      expect(deliveryCounts(smtp).distinct).toBe(3);
    } finally {
      // The relay first: a server closes only once its clients have gone, and the relay's pooled
      // connection to it would otherwise stay open until the server's close timeout (30 s).
      await cluster?.stop();
      cluster = undefined;
      await other.close();
    }
  }, 90_000);

  it('finishes the work of a killed instance once its leases expire (at least once, duplicates counted)', async () => {
    cluster = await startRelayCluster(smtp, { store: 'postgres', instances: 2, env: { OWNPOST_LEASE: '2s' } });
    await enqueueMessages(cluster, 300);
    await waitForDistinctMessages(smtp, 60, 60_000);
    await cluster.instances[1]!.kill('SIGKILL');
    const killedAt = Date.now();
    await waitForDistinctMessages(smtp, 300, 120_000);
    const { distinct, duplicates } = deliveryCounts(smtp);
    console.log(`after SIGKILL: ${distinct} of 300 delivered, ${duplicates} duplicates, recovered in ${Date.now() - killedAt} ms`);
    expect(distinct).toBe(300);
    // Only messages in flight at the kill (between the server's 250 and the commit) may repeat.
    expect(duplicates).toBeLessThanOrEqual(8);
  }, 180_000);

  // The step timeout ends the test that hangs on purpose; 8 s, so that on a loaded machine the others still finish.
  it('counts rate limits together: sender tests spread over two instances hit one limit (429 with Retry-After)', async () => {
    cluster = await startRelayCluster(smtp, { store: 'postgres', instances: 2, env: { OWNPOST_TEST_LIMIT: '6/15m', OWNPOST_TEST_STEP_TIMEOUT: '8s' } });
    const [a, b] = cluster.instances as [RelayProcess, RelayProcess];
    const { token } = cluster;
    async function senderTest(instance: RelayProcess, body: unknown) {
      const response = await fetch(`${instance.url}/v1/diagnose`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, retryAfter: Number(response.headers.get('retry-after')), body: (await response.json()) as any };
    }

    // One test at a time per user: while a test hangs on A (its server never answers), B refuses a
    // second one. B is asked once A's test has connected, so it surely holds the user's turn. (1 of 6)
    const sockets: net.Socket[] = [];
    let connected!: () => void;
    const hanging = new Promise<void>((resolve) => (connected = resolve));
    const silent = net.createServer((socket) => {
      sockets.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const onA = senderTest(a, diagnoseBody((silent.address() as AddressInfo).port, { auth: undefined }));
      await hanging;
      const onB = await senderTest(b, diagnoseBody(smtp.port, { auth: undefined }));
      expect(onB).toMatchObject({ status: 429, body: { error: { code: 'rate_limited', details: { reason: 'busy' } } } });
      expect(onB.retryAfter).toBeGreaterThan(0);
      expect((await onA).status).toBe(200);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      silent.close();
    }

    // Refused sign-ins on A make B wait: three are free, the fourth starts a 30 s wait. (5 of 6)
    const wrongPassword = diagnoseBody(smtp.port, { auth: { type: 'password', username: 'anna@firma.se', password: 'wrong' } });
    for (let i = 0; i < 4; i++) expect((await senderTest(a, wrongPassword)).body.problem?.code).toBe('auth_failed');
    const waiting = await senderTest(b, wrongPassword);
    expect(waiting).toMatchObject({ status: 429, body: { error: { details: { reason: 'auth_failures' } } } });
    expect(waiting.retryAfter).toBeGreaterThan(20);
    expect(waiting.retryAfter).toBeLessThanOrEqual(30);

    // Tests per user: the sixth test (on A) is the last in the window, on B as well. (6 of 6)
    expect((await senderTest(a, diagnoseBody(smtp.port, { auth: undefined }))).status).toBe(200);
    const refused = await senderTest(b, diagnoseBody(smtp.port, { auth: undefined }));
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'rate_limited', details: { reason: 'tests' } } } });
    expect(refused.retryAfter).toBeGreaterThan(14 * 60);
    expect(refused.retryAfter).toBeLessThanOrEqual(15 * 60);
  }, 60_000);
});
