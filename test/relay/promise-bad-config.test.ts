/**
 * `OWNPOST_LEASE=0s` was accepted: every worker could take a message another was sending, at once.
 * So were `OWNPOST_POLL=0s` (a worker that spins) and `OWNPOST_POLL=30d`, which is past Node's timer
 * limit (2^31 - 1 ms, about 24.8 days) and so fired after 1 ms, the same spin. Every duration and
 * count setting now has a range; a value outside it, or no value of its kind, stops start-up with a
 * message naming the setting and what it takes, exit code 2 like other bad configuration. The table
 * below is every duration and count setting the relay reads, each tried at its edges and past them,
 * and the README's configuration table must give the same range. Switches, the same way: a value that
 * is no switch stops start-up, everywhere the switch is read.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration, type RelayConfig } from '../../relay/config';
import { OWNPOST_BIN } from '../helpers/relay-process';
import { SERVER_CERT_FILE, SERVER_KEY_FILE } from '../helpers/smtp-door';
import { TEST_DATABASE_URL } from '../helpers/postgres';
import { startTestRelay } from '../helpers/test-relay';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-ranges-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const BASE = { OWNPOST_DATA_DIR: dataDir };
/** The SMTP door's settings are read only with a door. */
const DOOR = { OWNPOST_SMTP_PORT: '0', OWNPOST_SMTP_TLS_CERT: SERVER_CERT_FILE, OWNPOST_SMTP_TLS_KEY: SERVER_KEY_FILE };
/** Node fires a longer timer after 1 ms (with a TimeoutOverflowWarning). */
const NODE_TIMER_LIMIT_MS = 2 ** 31 - 1;

interface DurationRow {
  name: string;
  min: string;
  max: string;
  read: (config: RelayConfig) => number | undefined;
  /** Becomes a timer (setTimeout, setInterval, a socket timeout): its range must stay under Node's limit. */
  timer: boolean;
  /** How a value is written into the environment (a part of a larger setting). */
  write?: (value: string) => string;
  env?: NodeJS.ProcessEnv;
}

const DURATIONS: DurationRow[] = [
  { name: 'OWNPOST_LEASE', min: '1s', max: '1d', read: (c) => c.leaseMs, timer: true },
  { name: 'OWNPOST_POLL', min: '10ms', max: '1h', read: (c) => c.pollMs, timer: true },
  { name: 'OWNPOST_HEARTBEAT', min: '100ms', max: '10m', read: (c) => c.heartbeatMs, timer: true },
  { name: 'OWNPOST_RETRY_DELAYS', min: '100ms', max: '7d', read: (c) => c.retryDelaysMs[1], timer: false, write: (v) => `1m,${v},1h` },
  { name: 'OWNPOST_QUOTA_RETRY_DELAY', min: '1m', max: '7d', read: (c) => c.quotaRetryDelayMs, timer: false },
  { name: 'OWNPOST_SMTP_TIMEOUT', min: '1s', max: '1h', read: (c) => c.smtpTimeoutMs, timer: true },
  { name: 'OWNPOST_TRANSPORT_IDLE', min: '1ms', max: '1h', read: (c) => c.transportIdleMs, timer: true },
  { name: 'OWNPOST_SHUTDOWN_GRACE', min: '0s', max: '1h', read: (c) => c.shutdownGraceMs, timer: true },
  { name: 'OWNPOST_DB_TIMEOUT', min: '1s', max: '10m', read: (c) => c.dbTimeoutMs, timer: true },
  { name: 'OWNPOST_TEST_STEP_TIMEOUT', min: '1s', max: '5m', read: (c) => c.testStepTimeoutMs, timer: true },
  { name: 'OWNPOST_TEST_LIMIT', min: '1s', max: '1d', read: (c) => c.senderTestLimits.testsPerWindow.windowMs, timer: false, write: (v) => `20/${v}` },
  { name: 'OWNPOST_DISCOVERY_TIMEOUT', min: '100ms', max: '1m', read: (c) => c.discoveryProbeTimeoutMs, timer: true },
  { name: 'OWNPOST_OAUTH_TIMEOUT', min: '1s', max: '5m', read: (c) => c.oauth.requestTimeoutMs, timer: true },
  { name: 'OWNPOST_TOKEN_TTL', min: '1m', max: '3650d', read: (c) => c.tokenIdleTtlMs, timer: false },
  { name: 'OWNPOST_SMTP_TLS_CHECK', min: '100ms', max: '1d', read: (c) => c.smtpDoor?.tlsCheckMs, timer: true, env: DOOR },
  { name: 'OWNPOST_SMTP_AUTH_TIMEOUT', min: '1s', max: '10m', read: (c) => c.smtpDoor?.authDeadlineMs, timer: true, env: DOOR },
];

interface CountRow {
  name: string;
  min: number;
  max: number;
  read: (config: RelayConfig) => number | undefined;
  write?: (value: string) => string;
  env?: NodeJS.ProcessEnv;
}

const COUNTS: CountRow[] = [
  { name: 'OWNPOST_AUTH_ATTEMPTS', min: 1, max: 10, read: (c) => c.authAttempts },
  { name: 'OWNPOST_DELIVERY_CONCURRENCY', min: 1, max: 1000, read: (c) => c.deliveryConcurrency },
  { name: 'OWNPOST_TEST_LIMIT', min: 1, max: 10_000, read: (c) => c.senderTestLimits.testsPerWindow.max, write: (v) => `${v}/15m` },
  { name: 'OWNPOST_SMTP_CONNECTIONS_PER_ADDRESS', min: 1, max: 200, read: (c) => c.smtpDoor?.connectionsPerAddress, env: DOOR },
];

const load = (row: { name: string; write?: (v: string) => string; env?: NodeJS.ProcessEnv }, value: string) => loadConfig({ ...BASE, ...row.env, [row.name]: row.write ? row.write(value) : value });

function refusal(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('accepted');
}

describe('duration settings', () => {
  it.each(DURATIONS.map((row) => [row.name, row] as const))('%s takes its range, edges included, and refuses what is outside it', (_name, row) => {
    const minMs = parseDuration(row.min);
    const maxMs = parseDuration(row.max);
    expect(row.read(load(row, row.min))).toBe(minMs);
    expect(row.read(load(row, row.max))).toBe(maxMs);
    if (row.timer) expect(maxMs).toBeLessThanOrEqual(NODE_TIMER_LIMIT_MS);
    const outside = ['-1s', '-0s', `${maxMs + 1}ms`, '100000d', '99999999999999999999d', 'soon', '5', '1e3s', '5 minutes', 'Infinity', 'NaN', '0x10s'];
    if (minMs > 0) outside.push('0s', '0ms', '0.0001s', `${minMs - 1}ms`);
    for (const value of outside) {
      const error = refusal(() => load(row, value));
      expect(error, value).toBeInstanceOf(ConfigError);
      // Names the setting, its range, and what was written, so that the admin sees the mistake.
      expect(error.message, value).toContain(row.name);
      expect(error.message, value).toContain(`at least ${row.min} and at most ${row.max}`);
      expect(error.message, value).toContain(`"${value}"`);
    }
  });

  it('OWNPOST_SHUTDOWN_GRACE=0s is a choice, not a mistake: sends in flight are given back at once', () => {
    expect(loadConfig({ ...BASE, OWNPOST_SHUTDOWN_GRACE: '0s' }).shutdownGraceMs).toBe(0);
  });

  it('OWNPOST_RETRY_DELAYS refuses an empty entry and a schedule of more than 50 attempts', () => {
    expect(refusal(() => loadConfig({ ...BASE, OWNPOST_RETRY_DELAYS: '1m,,5m' })).message).toMatch(/OWNPOST_RETRY_DELAYS has an empty entry/);
    expect(refusal(() => loadConfig({ ...BASE, OWNPOST_RETRY_DELAYS: Array(51).fill('1m').join(',') })).message).toMatch(/at most 50 delays, not 51/);
    expect(loadConfig({ ...BASE, OWNPOST_RETRY_DELAYS: Array(50).fill('1m').join(',') }).retryDelaysMs).toHaveLength(50);
  });
});

describe('count settings', () => {
  it.each(COUNTS.map((row) => [row.name, row] as const))('%s takes its range, edges included, and refuses what is outside it', (_name, row) => {
    expect(row.read(load(row, String(row.min)))).toBe(row.min);
    expect(row.read(load(row, String(row.max)))).toBe(row.max);
    for (const value of ['0', '-1', String(row.max + 1), '1e9', '99999999999999999999', '2.5', '0x10', 'many']) {
      const error = refusal(() => load(row, value));
      expect(error, value).toBeInstanceOf(ConfigError);
      expect(error.message, value).toContain(row.name);
    }
  });
});

describe('switch settings', () => {
  const SWITCHES: [string, NodeJS.ProcessEnv][] = [
    ['OWNPOST_ALLOW_PRIVATE_HOSTS', {}],
    ['OWNPOST_TEST_BEFORE_SAVE', {}],
    ['OWNPOST_DB_PREPARED', {}],
    // Was read as "on only for 1/true/yes/on": `ye` left plain-text AUTH silently off.
    ['OWNPOST_SMTP_ALLOW_PLAINTEXT', { ...DOOR, OWNPOST_SMTP_HOST: '127.0.0.1' }],
  ];
  it.each(SWITCHES)('%s refuses a value that is no switch', (name, env) => {
    expect(refusal(() => loadConfig({ ...BASE, ...env, [name]: 'ye' })).message).toBe(`${name} must be true or false, not "ye"`);
  });

  it('OWNPOST_ALLOW_PRIVATE_HOSTS means the same for OAuth2 endpoints as for mail servers (`true` was `1` only there)', () => {
    for (const on of ['1', 'true', 'yes', 'on']) {
      const config = loadConfig({ ...BASE, OWNPOST_ALLOW_PRIVATE_HOSTS: on });
      expect([config.allowPrivateHosts, config.oauth.allowPrivateHosts === true], on).toEqual([true, true]);
    }
    const off = loadConfig({ ...BASE, OWNPOST_ALLOW_PRIVATE_HOSTS: 'false' });
    expect([off.allowPrivateHosts, off.oauth.allowPrivateHosts === true]).toEqual([false, false]);
  });
});

describe('listen address and ports', () => {
  it('an empty OWNPOST_HOST= (an env file with a blank value) listens on 127.0.0.1, not on every interface', async () => {
    expect(loadConfig({ ...BASE, OWNPOST_HOST: '' }).host).toBe('127.0.0.1');
    expect(loadConfig({ ...BASE, OWNPOST_HOST: '  ' }).host).toBe('127.0.0.1');
    const t = await startTestRelay({}, { OWNPOST_HOST: '' });
    try {
      expect(await t.relay.listen()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await t.close();
    }
  });

  it.each(['OWNPOST_PORT', 'OWNPOST_SMTP_PORT', 'OWNPOST_SMTPS_PORT'])('%s takes digits from 0 to 65535 and nothing else; empty is unset', (name) => {
    const env = name === 'OWNPOST_PORT' ? {} : { ...DOOR, OWNPOST_SMTP_PORT: '', [name]: '' };
    const read = (c: RelayConfig) => (name === 'OWNPOST_PORT' ? c.port : name === 'OWNPOST_SMTP_PORT' ? c.smtpDoor?.port : c.smtpDoor?.tlsPort);
    expect(read(loadConfig({ ...BASE, ...env, [name]: ' 2525 ' }))).toBe(2525);
    expect(read(loadConfig({ ...BASE, ...env, [name]: '65535' }))).toBe(65535);
    // Empty: the default (8787), or no listener; `Number('')` had made OWNPOST_PORT= a random port.
    if (name === 'OWNPOST_PORT') expect(loadConfig({ ...BASE, OWNPOST_PORT: '' }).port).toBe(8787);
    for (const value of ['0x1F90', '65536', '-1', '25.5', '1e3', 'smtp']) {
      expect(refusal(() => loadConfig({ ...BASE, ...env, [name]: value })).message, value).toBe(`${name} must be a TCP port (0 to 65535), not "${value}"`);
    }
  });
});

describe('OWNPOST_DATABASE_URL', () => {
  // A password with # or @ in it, not percent-encoded, is the usual way to get here.
  it.each(['postgres://ownpost:s3cret#PW@db.internal/ownpost', 'postgres://ownpost:s3cretPW@db.internal:99999/ownpost', 'postgres://ownpost:s3cret@PW@[db/ownpost'])(
    'refuses %s, which node-postgres cannot read, at start-up without repeating the password',
    (url) => {
      const error = refusal(() => loadConfig({ ...BASE, OWNPOST_DATABASE_URL: url }));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/^OWNPOST_DATABASE_URL is not a URL that can be read \(not shown: it holds the password\)/);
      expect(error.message).not.toContain('s3cret');
    },
  );

  it('takes a URL node-postgres reads, percent-encoded password and all', () => {
    expect(loadConfig({ ...BASE, OWNPOST_DATABASE_URL: 'postgres://ownpost:s3cret%23PW@db.internal:5432/ownpost' }).databaseUrl).toBe('postgres://ownpost:s3cret%23PW@db.internal:5432/ownpost');
  });
});

describe('a database that cannot be opened', () => {
  const serve = (env: NodeJS.ProcessEnv) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const masterKey = Buffer.alloc(32, 7).toString('base64');
      execFile('node', [OWNPOST_BIN, 'serve', '--port', '0'], { env: { ...process.env, ...BASE, OWNPOST_MASTER_KEY: masterKey, ...env }, timeout: 60_000 }, (error, _stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr });
      });
    });
  const noSuchDatabase = Object.assign(new URL(TEST_DATABASE_URL), { password: 's3cretPW', pathname: '/ownpost_no_such_database' }).href;

  it('stops serve with exit code 2 and one line in the words of the database, not a stack trace from inside pg-pool', async () => {
    const cases: [string, RegExp][] = [
      // Port 1 on loopback: nothing listens there.
      ['postgres://ownpost:s3cretPW@127.0.0.1:1/ownpost', /^ownpost: cannot open the database: connect ECONNREFUSED 127\.0\.0\.1:1 \(check OWNPOST_DATABASE_URL/m],
      [noSuchDatabase, /^ownpost: cannot open the database: 3D000 database "ownpost_no_such_database" does not exist \(check OWNPOST_DATABASE_URL/m],
    ];
    const results = await Promise.all(cases.map(([url]) => serve({ OWNPOST_DATABASE_URL: url })));
    results.forEach((result, i) => {
      expect(result.code, cases[i]![0]).toBe(2);
      expect(result.stderr).toMatch(cases[i]![1]);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stderr).not.toContain('s3cret');
    });
  }, 90_000);
});

describe('the README configuration table', () => {
  const readme = readFileSync('README.md', 'utf8');
  const rowOf = (name: string) => readme.split('\n').find((line) => line.startsWith(`| \`${name}\``));

  it.each([...DURATIONS, ...COUNTS].map((row) => [row.name, row] as const))('gives %s its range', (name, row) => {
    const line = rowOf(name);
    expect(line, name).toBeDefined();
    expect(line, name).toContain(`\`${row.min}\` to \`${row.max}\``);
  });
});

describe('ownpost serve with a setting out of range', () => {
  const serve = (env: NodeJS.ProcessEnv) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile('node', [OWNPOST_BIN, 'serve', '--port', '0'], { env: { ...process.env, ...BASE, OWNPOST_MASTER_KEY: '', ...env }, timeout: 60_000 }, (error, _stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr });
      });
    });

  it('stops at start-up with exit code 2 and one line naming the setting, never a stack trace', async () => {
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ OWNPOST_LEASE: '0s' }, /^ownpost: OWNPOST_LEASE must be at least 1s and at most 1d .*not "0s"$/m],
      [{ OWNPOST_POLL: '30d' }, /^ownpost: OWNPOST_POLL must be at least 10ms and at most 1h .*not "30d"$/m],
      [{ OWNPOST_HEARTBEAT: '-5s' }, /^ownpost: OWNPOST_HEARTBEAT must be at least 100ms .*not "-5s"$/m],
      [{ OWNPOST_DELIVERY_CONCURRENCY: '1000000' }, /^ownpost: OWNPOST_DELIVERY_CONCURRENCY must be a whole number of at least 1 and at most 1000, not "1000000"$/m],
      [{ ...DOOR, OWNPOST_SMTP_TLS_CHECK: '0s' }, /^ownpost: OWNPOST_SMTP_TLS_CHECK must be at least 100ms and at most 1d .*not "0s"$/m],
      // Was a stack trace (exit 1) from inside node-postgres once the store first connected.
      [{ OWNPOST_DATABASE_URL: 'postgres://ownpost:s3cret#PW@db.internal/ownpost' }, /^ownpost: OWNPOST_DATABASE_URL is not a URL that can be read /m],
      [{ ...DOOR, OWNPOST_SMTP_CONNECTIONS_PER_ADDRESS: '0' }, /^ownpost: OWNPOST_SMTP_CONNECTIONS_PER_ADDRESS must be a whole number of at least 1 and at most 200, not "0"$/m],
    ];
    const results = await Promise.all(cases.map(([env]) => serve(env)));
    results.forEach((result, i) => {
      const [env, message] = cases[i]!;
      expect(result.code, JSON.stringify(env)).toBe(2);
      expect(result.stderr, JSON.stringify(env)).toMatch(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stderr).not.toContain('s3cret');
    });
  }, 90_000);
});
