import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { hashSecretToken, newBearerToken } from '../../relay/auth/tokens';
import { loadConfig, type RelayConfig } from '../../relay/config';
import { createRelay, type Relay } from '../../relay/relay';
import type { Role, UserRow } from '../../relay/store/types';
import { certs } from './certs';

export interface TestRelay {
  relay: Relay;
  config: RelayConfig;
  dataDir: string;
  logs: string[];
  /** `app.request()` with JSON in and out. */
  request(method: string, pathName: string, options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  addUser(email: string, role?: Role): Promise<{ user: UserRow; token: string }>;
  close(): Promise<void>;
}

/**
 * A relay in this process on a fresh data folder: private hosts allowed (test servers are on
 * loopback), the test CA trusted explicitly, short retry delays.
 */
export async function startTestRelay(overrides: Partial<RelayConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<TestRelay> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-test-'));
  const config = loadConfig(
    {
      OWNPOST_DATA_DIR: dataDir,
      OWNPOST_ALLOW_PRIVATE_HOSTS: '1',
      OWNPOST_RETRY_DELAYS: '200ms,400ms,800ms',
      OWNPOST_POLL: '100ms',
      // Pooled SMTP connections stay open while in use; closing them soon after lets a test close
      // its SMTP server without waiting for them.
      OWNPOST_TRANSPORT_IDLE: '100ms',
      // Test SMTP servers listen on random high ports, which a real relay does not connect to.
      OWNPOST_ALLOWED_PORTS: '1024-65535',
      // Tests that create profiles for other reasons (delivery, rules) need no sender test and no
      // test message at their SMTP server; the sender tests (test/relay/diagnosis-*) switch it on.
      OWNPOST_TEST_BEFORE_SAVE: '0',
      ...env,
    },
    { port: 0, extraCa: [certs.ca], ...overrides },
  );
  const logs: string[] = [];
  const relay = await createRelay(config, (line) => logs.push(line));
  relay.worker.start();
  return {
    relay,
    config,
    dataDir,
    logs,
    async request(method, pathName, options = {}) {
      const response = await relay.app.request(pathName, {
        method,
        headers: {
          ...(options.body !== undefined || options.rawBody !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: response.status, body, headers: response.headers };
    },
    async addUser(email, role = 'member') {
      const user = await relay.store.createUser({ id: randomUUID(), email, name: null, role, createdAt: Date.now() });
      const token = newBearerToken();
      await relay.store.createToken({ hash: hashSecretToken(token), userId: user.id, device: 'test', createdAt: Date.now() });
      return { user, token };
    },
    async close() {
      await relay.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A password profile pointing at a test SMTP server on 127.0.0.1. */
export function testProfile(port: number, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Office',
    fromName: 'Anna Berg',
    fromAddress: 'anna@firma.se',
    smtp: { host: '127.0.0.1', port, security: 'starttls' },
    auth: { type: 'password', username: 'anna@firma.se', password: 'correct horse battery staple' },
    isDefault: true,
    ...overrides,
  };
}
