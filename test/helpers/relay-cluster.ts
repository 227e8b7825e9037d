import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { hashSecretToken, newBearerToken } from '../../relay/auth/tokens';
import { PostgresStore } from '../../relay/store/postgres/postgres-store';
import { SQLITE_FILE_NAME } from '../../relay/store/open-store';
import { SqliteStore } from '../../relay/store/sqlite/sqlite-store';
import type { Store } from '../../relay/store/types';
import { databaseUrlWithSchema, dropSchema, freshSchemaName, TEST_DATABASE_URL } from './postgres';
import { startRelayProcess, type RelayProcess } from './relay-process';
import type { TestSmtpServer } from './smtp-server';
import { testProfile } from './test-relay';
import { waitFor } from './wait-for';

export interface RelayCluster {
  token: string;
  profileId: string;
  instances: RelayProcess[];
  /** Each instance's data folder. */
  dataDirs: string[];
  /** Ends instance `index` with `signal` (SIGKILL: a crash) and starts it again with the same settings. */
  restart(index: number, signal?: NodeJS.Signals, env?: NodeJS.ProcessEnv): Promise<RelayProcess>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** 'postgres': every instance on one fresh schema; 'sqlite': one instance on its own data folder. */
  store: 'postgres' | 'sqlite';
  instances: number;
  env?: NodeJS.ProcessEnv;
  /** The URL the instances use for the database (e.g. through a TCP proxy), from the seeded one. */
  databaseUrl?: (url: string) => string;
  /** SQLite: this data folder (a tmpfs that a test fills) instead of a fresh one; left in place. */
  dataDir?: string;
  /** Changes to the seeded profile (a server without TLS: `{ smtp: { host, port, security: 'none' } }`). */
  profile?: Record<string, unknown>;
}

/**
 * Relay processes sharing one store, seeded with an admin, a token and a profile that sends to `smtp`.
 * Used by the multi-instance tests and the throughput benchmark.
 */
export async function startRelayCluster(smtp: Pick<TestSmtpServer, 'port'>, options: ClusterOptions): Promise<RelayCluster> {
  if (options.store === 'sqlite' && options.instances !== 1) throw new Error('SQLite serves one relay instance');
  const masterKey = randomBytes(32).toString('base64');
  const dataDirs = Array.from({ length: options.instances }, () => options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'ownpost-cluster-')));
  const schema = freshSchemaName('ownpost_cluster');
  let seed: Store;
  if (options.store === 'postgres') {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
    await admin.end();
    seed = await PostgresStore.open(TEST_DATABASE_URL, { schema });
  } else {
    seed = await SqliteStore.open(path.join(dataDirs[0]!, SQLITE_FILE_NAME));
  }
  const user = await seed.createUser({ id: randomUUID(), email: 'anna@firma.se', name: null, role: 'admin', createdAt: Date.now() });
  const token = newBearerToken();
  await seed.createToken({ hash: hashSecretToken(token), userId: user.id, device: 'test', createdAt: Date.now() });
  await seed.close();

  const envOf = (dir: string): NodeJS.ProcessEnv => ({
    OWNPOST_DATA_DIR: dir,
    OWNPOST_MASTER_KEY: masterKey,
    ...(options.store === 'postgres' ? { OWNPOST_DATABASE_URL: (options.databaseUrl ?? ((u) => u))(databaseUrlWithSchema(schema)) } : {}),
    OWNPOST_POLL: '50ms',
    OWNPOST_RETRY_DELAYS: '500ms,1s,2s',
    ...options.env,
  });
  const instances = await Promise.all(dataDirs.map((dir) => startRelayProcess(envOf(dir))));
  const created = await relayApi(instances[0]!, token, 'POST', '/v1/profiles', testProfile(smtp.port, options.profile));
  if (created.status !== 201) throw new Error(`profile not created: ${JSON.stringify(created.body)}`);
  return {
    token,
    profileId: created.body.id,
    instances,
    dataDirs,
    async restart(index, signal = 'SIGKILL', env = {}) {
      await instances[index]!.kill(signal);
      instances[index] = await startRelayProcess({ ...envOf(dataDirs[index]!), ...env });
      return instances[index]!;
    },
    async stop() {
      await Promise.all(instances.map((i) => i.kill('SIGKILL')));
      if (!options.dataDir) dataDirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
      if (options.store === 'postgres') await dropSchema(schema);
    },
  };
}

export async function relayApi(instance: RelayProcess, token: string, method: string, pathName: string, body?: unknown) {
  const response = await fetch(instance.url + pathName, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** Queues `count` messages round-robin over the instances, `parallel` requests at a time; returns their ids. */
export async function enqueueMessages(cluster: RelayCluster, count: number, parallel = 16): Promise<string[]> {
  let next = 0;
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const n = next++;
        const res = await relayApi(cluster.instances[n % cluster.instances.length]!, cluster.token, 'POST', '/v1/messages', {
          profileId: cluster.profileId,
          to: ['kund@exempel.se'],
          subject: `Faktura ${n}`,
          text: `Invoice ${n}`,
        });
        if (res.status !== 202) throw new Error(`enqueue ${n}: ${res.status} ${JSON.stringify(res.body)}`);
        ids.push(res.body.id);
      }
    }),
  );
  return ids;
}

/** Distinct Message-IDs received and how many arrived more than once. */
export function deliveryCounts(smtp: TestSmtpServer) {
  const perMessageId = new Map<string, number>();
  for (const mail of smtp.received) perMessageId.set(mail.parsed.messageId!, (perMessageId.get(mail.parsed.messageId!) ?? 0) + 1);
  const duplicates = [...perMessageId.values()].reduce((sum, n) => sum + (n - 1), 0);
  return { distinct: perMessageId.size, duplicates };
}

export async function waitForDistinctMessages(smtp: TestSmtpServer, count: number, timeoutMs: number): Promise<void> {
  await waitFor(
    `${count} distinct messages to arrive`,
    () => deliveryCounts(smtp),
    (counts) => counts.distinct >= count,
    { timeoutMs, intervalMs: 100 },
  );
}

/** How many messages an instance reports as sent in its log. */
export const sentByInstance = (instance: RelayProcess) => (instance.log().match(/: sent \(/g) ?? []).length;
