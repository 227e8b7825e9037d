/**
 * Device tokens end (issue 14): revoked over the API or the CLI, with the user removed, or after
 * OWNPOST_TOKEN_TTL without use; in every case the next request gets 401, on every relay instance.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecretToken, newBearerToken } from '../../relay/auth/tokens';
import { ConfigError, loadConfig } from '../../relay/config';
import { startRelayCluster, type RelayCluster } from '../helpers/relay-cluster';
import { OWNPOST_BIN } from '../helpers/relay-process';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';
import type { Database } from 'better-sqlite3';

const run = promisify(execFile);
const DAY = 86_400_000;

describe('revoking a device', () => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay();
  });
  afterAll(() => t.close());

  async function pairedToken(userId: string, adminToken: string, device: string) {
    const code = (await t.request('POST', `/v1/users/${userId}/pairing-code`, { token: adminToken })).body.code;
    return (await t.request('POST', '/v1/pair', { body: { code, device } })).body.token as string;
  }

  it('revoked token replay: a device revoked over the API gets 401 on its very next request, the other devices keep working', async () => {
    const { user, token: admin } = await t.addUser('anna@firma.se', 'admin');
    const laptop = await pairedToken(user.id, admin, 'laptop');
    const devices = (await t.request('GET', '/v1/me/devices', { token: laptop })).body.devices;
    const laptopId = devices.find((d: { current: boolean }) => d.current).id;
    expect((await t.request('GET', '/v1/me', { token: laptop })).status).toBe(200);
    expect((await t.request('DELETE', `/v1/devices/${laptopId}`, { token: admin })).status).toBe(204);
    const replay = await t.request('GET', '/v1/profiles', { token: laptop });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('www-authenticate')).toMatch(/invalid_token/);
    expect((await t.request('GET', '/v1/me', { token: admin })).status).toBe(200);
    expect((await t.request('DELETE', `/v1/devices/${laptopId}`, { token: admin })).status).toBe(404);
  });

  it('a member revokes their own devices but cannot see or revoke anybody else’s (404)', async () => {
    const admin = (await t.addUser('boss@firma.se', 'admin')).token;
    const { user: bo, token: boToken } = await t.addUser('bo@firma.se');
    const adminDevice = (await t.request('GET', '/v1/me/devices', { token: admin })).body.devices[0].id;
    expect((await t.request('DELETE', `/v1/devices/${adminDevice}`, { token: boToken })).status).toBe(404);
    expect((await t.request('GET', '/v1/me', { token: admin })).status).toBe(200);
    const second = await pairedToken(bo.id, admin, 'second browser');
    const secondId = (await t.request('GET', '/v1/me/devices', { token: second })).body.devices.find((d: { current: boolean }) => d.current).id;
    expect((await t.request('DELETE', `/v1/devices/${secondId}`, { token: boToken })).status).toBe(204);
    expect((await t.request('GET', '/v1/me', { token: second })).status).toBe(401);
    expect((await t.request('GET', '/v1/me', { token: boToken })).status).toBe(200);
  });
});

describe('token expiry (OWNPOST_TOKEN_TTL, sliding)', () => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay();
  });
  afterAll(() => t.close());

  async function tokenFor(userId: string, createdAt: number, lastUsedAt: number | null) {
    const token = newBearerToken();
    await t.relay.store.createToken({ hash: hashSecretToken(token), userId, device: 'old browser', createdAt });
    const db = (t.relay.store as unknown as { db: Database }).db;
    db.prepare('UPDATE tokens SET last_used_at = ? WHERE hash = ?').run(lastUsedAt, hashSecretToken(token));
    return token;
  }

  it('stale token: unused for 90 days it no longer works; used within them it does, however old it is', async () => {
    const { user, token: fresh } = await t.addUser('anna@firma.se', 'admin');
    const now = Date.now();
    const stale = await tokenFor(user.id, now - 200 * DAY, now - 91 * DAY);
    const neverUsed = await tokenFor(user.id, now - 91 * DAY, null);
    const oldButActive = await tokenFor(user.id, now - 400 * DAY, now - 89 * DAY);
    expect((await t.request('GET', '/v1/me', { token: stale })).status).toBe(401);
    expect((await t.request('GET', '/v1/me', { token: neverUsed })).status).toBe(401);
    expect((await t.request('GET', '/v1/me', { token: oldButActive })).status).toBe(200);
    // Trying an expired token does not bring it back.
    expect((await t.request('GET', '/v1/me', { token: stale })).status).toBe(401);
    // The list shows the devices that still work, each with the day it expires unless used.
    const devices = (await t.request('GET', '/v1/me/devices', { token: fresh })).body.devices;
    expect(devices).toHaveLength(2);
    for (const device of devices) expect(Date.parse(device.expiresAt)).toBeGreaterThan(now + 89 * DAY);
  });

  it('is configurable: OWNPOST_TOKEN_TTL=never keeps tokens, a duration sets it, nonsense is refused', async () => {
    expect(loadConfig({}).tokenIdleTtlMs).toBe(90 * DAY);
    expect(loadConfig({ OWNPOST_TOKEN_TTL: '30d' }).tokenIdleTtlMs).toBe(30 * DAY);
    expect(loadConfig({ OWNPOST_TOKEN_TTL: 'never' }).tokenIdleTtlMs).toBeUndefined();
    expect(() => loadConfig({ OWNPOST_TOKEN_TTL: 'soon' })).toThrow(ConfigError);
    expect(() => loadConfig({ OWNPOST_TOKEN_TTL: '5s' })).toThrow(/at least 1m/);
    const forever = await startTestRelay({}, { OWNPOST_TOKEN_TTL: 'never' });
    try {
      const { user } = await forever.addUser('anna@firma.se', 'admin');
      const token = newBearerToken();
      await forever.relay.store.createToken({ hash: hashSecretToken(token), userId: user.id, device: 'x', createdAt: Date.now() - 1000 * DAY });
      expect((await forever.request('GET', '/v1/me', { token })).status).toBe(200);
      expect((await forever.request('GET', '/v1/me/devices', { token })).body.devices[1].expiresAt).toBeUndefined();
    } finally {
      await forever.close();
    }
  });
});

describe('on two relay instances sharing PostgreSQL', () => {
  let smtp: TestSmtpServer;
  let cluster: RelayCluster;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    cluster = await startRelayCluster(smtp, { store: 'postgres', instances: 2 });
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    await smtp?.close();
  });

  const [a, b] = [0, 1];
  /** Like relayApi, also for answers without a body (204). */
  async function api(instance: number, token: string, method: string, path: string, body?: unknown) {
    const response = await fetch(cluster.instances[instance]!.url + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async function pairOn(instance: number, userId: string, device: string) {
    const made = await api(a, cluster.token, 'POST', `/v1/users/${userId}/pairing-code`);
    expect(made.status).toBe(201);
    // The code is made on one instance and used on the other.
    const response = await fetch(`${cluster.instances[instance]!.url}/v1/pair`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: made.body.code, device }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }

  it('revoked on one instance, the token gets 401 at once on the other (no cache anywhere)', async () => {
    const me = (await api(a, cluster.token, 'GET', '/v1/me')).body;
    const laptop = await pairOn(b, me.id, 'laptop');
    expect((await api(a, laptop, 'GET', '/v1/me')).status).toBe(200);
    expect((await api(b, laptop, 'GET', '/v1/me')).status).toBe(200);
    const id = (await api(b, laptop, 'GET', '/v1/me/devices')).body.devices.find((d: { current: boolean }) => d.current).id;
    expect((await api(a, cluster.token, 'DELETE', `/v1/devices/${id}`)).status).toBe(204);
    expect((await api(b, laptop, 'GET', '/v1/me')).status).toBe(401);
    expect((await api(a, laptop, 'GET', '/v1/me')).status).toBe(401);
  });

  it('a person removed on one instance is locked out of both at once', async () => {
    const bo = (await api(a, cluster.token, 'POST', '/v1/users', { email: 'bo@firma.se' })).body;
    const boToken = await pairOn(a, bo.id, 'bo laptop');
    expect((await api(b, boToken, 'GET', '/v1/me')).status).toBe(200);
    expect((await api(b, cluster.token, 'DELETE', `/v1/users/${bo.id}`)).status).toBe(204);
    expect((await api(a, boToken, 'GET', '/v1/me')).status).toBe(401);
    expect((await api(b, boToken, 'GET', '/v1/me')).status).toBe(401);
  });

  it('the CLI lists and revokes devices on the shared database: `ownpost devices`, `ownpost revoke`, `ownpost revoke --all`', async () => {
    const env = { ...process.env, ...cluster.instances[0]!.env };
    const ownpost = (...args: string[]) => run(process.execPath, [OWNPOST_BIN, ...args], { env });
    const cay = (await api(a, cluster.token, 'POST', '/v1/users', { email: 'cay@firma.se' })).body;
    const one = await pairOn(a, cay.id, 'first browser');
    const two = await pairOn(b, cay.id, 'second browser');
    const listed = (await ownpost('devices', 'cay@firma.se')).stdout;
    expect(listed).toMatch(/first browser/);
    expect(listed).toMatch(/second browser/);
    const firstId = /^(\w+)\s+first browser/m.exec(listed)![1]!;
    expect((await ownpost('revoke', firstId)).stdout).toMatch(/Revoked device/);
    expect((await api(b, one, 'GET', '/v1/me')).status).toBe(401);
    expect((await api(b, two, 'GET', '/v1/me')).status).toBe(200);
    expect((await ownpost('revoke', '--all', 'cay@firma.se')).stdout).toMatch(/Revoked 1 device/);
    expect((await api(a, two, 'GET', '/v1/me')).status).toBe(401);

    // `user remove` too; the list of users then leaves them out.
    expect((await ownpost('user', 'remove', 'cay@firma.se')).stdout).toMatch(/Removed cay@firma\.se/);
    const users = (await api(b, cluster.token, 'GET', '/v1/users')).body.users.map((u: { email: string }) => u.email);
    expect(users).not.toContain('cay@firma.se');
    const lastAdmin = await ownpost('user', 'remove', 'anna@firma.se').catch((e: { code: number; stderr: string }) => e);
    expect(lastAdmin).toMatchObject({ code: 2 });
    expect((lastAdmin as { stderr: string }).stderr).toMatch(/only admin/);
    // Each CLI run starts Node and opens the database: several seconds each on a loaded machine.
  }, 180_000);
});
