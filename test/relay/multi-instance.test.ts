import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../helpers/postgres';
import {
  deliveryCounts,
  enqueueMessages,
  sentByInstance,
  startRelayCluster,
  waitForDistinctMessages,
  type RelayCluster,
} from '../helpers/relay-cluster';
import { startRelayProcess } from '../helpers/relay-process';
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
      await expect(startRelayProcess({ OWNPOST_DATA_DIR: dir, OWNPOST_DATABASE_URL: TEST_DATABASE_URL, OWNPOST_MASTER_KEY: '' })).rejects.toThrow(
        /OWNPOST_MASTER_KEY/,
      );
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
});
