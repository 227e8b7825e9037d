import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { ConfigError, parseCountSetting, parseDuration, parseDurationSetting, parsePortSetting, parseSwitch } from './config-values';
import { DEFAULT_SENDER_TEST_LIMITS, type SenderTestLimitSettings } from './limits/sender-test-limits';
import { extensionOriginOf } from './http/extension-origins';
import { parsePortRanges, type PortRange } from './net/port-policy';
import { parseOAuthConfig, type OAuthConfig } from './oauth/oauth-config';
import { parseSmtpDoorConfig, type SmtpDoorConfig } from './smtp/smtp-door-config';
import { postgresUrlReadable } from './store/postgres/postgres-url';

// Where most of the relay and its tests know them from; the area readers import config-values.
export { ConfigError, parseDuration };

/** Everything the relay reads from its environment, normalised once at start-up. */
export interface RelayConfig {
  host: string;
  port: number;
  dataDir: string;
  /** `postgres://…` switches the store to PostgreSQL; absent: SQLite in dataDir. */
  databaseUrl?: string;
  /** Base64 of 32 bytes; absent: a 0600 key file in dataDir. */
  masterKey?: string;
  /** Older master keys (comma-separated base64), kept for decryption only. From OWNPOST_PREVIOUS_MASTER_KEYS. */
  previousMasterKeys?: string;
  /** OWNPOST_ALLOW_PRIVATE_HOSTS=1: SMTP/IMAP hosts on loopback and private ranges are allowed. */
  allowPrivateHosts: boolean;
  /** Host names (besides 127.0.0.1, localhost, ::1) this relay answers to, from OWNPOST_HOSTNAMES. */
  hostnames: string[];
  /** Delay before each retry; the message fails after the last. From OWNPOST_RETRY_DELAYS (`1s,2s,4s`). */
  retryDelaysMs: number[];
  /** Extra CA certificates (PEM) trusted for SMTP/IMAP, beside Node's roots and NODE_EXTRA_CA_CERTS. */
  extraCa: string[];
  /** How long a worker owns a claimed message before another may take it. */
  leaseMs: number;
  /** How often the worker looks for due messages when nothing wakes it. */
  pollMs: number;
  /** Attempts in all for a failed sign-in (never after a lockout reply). From OWNPOST_AUTH_ATTEMPTS. @default 3 */
  authAttempts: number;
  /**
   * The shortest wait after a daily sending quota was hit (Gmail 550 5.4.5): the quota resets
   * within 24 hours, and knocking every few minutes only burns attempts. From OWNPOST_QUOTA_RETRY_DELAY.
   * @default 1h
   */
  quotaRetryDelayMs: number;
  /** Inactivity limit on an SMTP or IMAP connection. From OWNPOST_SMTP_TIMEOUT. @default 2m */
  smtpTimeoutMs: number;
  /** Messages one relay sends at the same time (across all profiles). From OWNPOST_DELIVERY_CONCURRENCY. @default 16 */
  deliveryConcurrency: number;
  /** A profile's SMTP connections close after this long without a send. From OWNPOST_TRANSPORT_IDLE. @default 30s */
  transportIdleMs: number;
  /** On SIGTERM, how long in-flight sends may finish before they are released. From OWNPOST_SHUTDOWN_GRACE. @default 10s */
  shutdownGraceMs: number;
  /**
   * The longest a PostgreSQL query may take (the connect waits at most 5 s of it); past it the
   * request fails with 503 store_unavailable. From OWNPOST_DB_TIMEOUT. @default 10s
   */
  dbTimeoutMs: number;
  /**
   * PostgreSQL: run the relay's statements as named prepared statements, parsed and planned once per
   * connection. Off (`0` or `false`) behind a connection pooler that cannot keep them (PgBouncer in
   * transaction mode before 1.21, or without max_prepared_statements). From OWNPOST_DB_PREPARED. @default true
   */
  dbPrepared?: boolean;
  /**
   * How often a relay instance tells the others it is alive; one that missed three is taken for
   * dead and its messages are sent by the others. From OWNPOST_HEARTBEAT. @default 5s
   */
  heartbeatMs: number;
  // Sender tests (issue 4): see relay/diagnosis/run-diagnosis.ts and README "Testing a sender".
  /** Ports besides 25, 465, 587 and 2525 that SMTP servers may use. From OWNPOST_ALLOWED_PORTS (`2587, 10025-10030`). @default [] */
  extraSmtpPorts: PortRange[];
  /** DNS servers asked for SMTP hosts instead of the system's. From OWNPOST_DNS_SERVERS (`10.0.0.2, 10.0.0.3:5353`). @default [] */
  dnsServers: string[];
  /** The longest wait for one step of a sender test (connect, greeting, handshake, a reply). From OWNPOST_TEST_STEP_TIMEOUT. @default 15s */
  testStepTimeoutMs: number;
  /** Sender tests per user (OWNPOST_TEST_LIMIT, `20/15m`) and the growing wait after refused sign-ins. */
  senderTestLimits: SenderTestLimitSettings;
  /** Creating a profile or changing its server or credentials needs a passing test; OWNPOST_TEST_BEFORE_SAVE=0 turns that off. @default true */
  testBeforeSave: boolean;
  // Discovery (issue 3): see relay/discovery/discover-settings.ts.
  /** How long one guessed server may take to answer (connect, greeting, TLS, EHLO). From OWNPOST_DISCOVERY_TIMEOUT. @default 5s */
  discoveryProbeTimeoutMs: number;
  /**
   * Ports and modes tried on guessed hosts (smtp.<domain>, mail.<domain>), in order of preference.
   * @default [{ port: 465, security: 'tls' }, { port: 587, security: 'starttls' }]
   */
  discoveryGuessEndpoints: { port: number; security: 'tls' | 'starttls' }[];
  /** OAuth2 token endpoints and default app registrations (issue 8): see relay/oauth/oauth-config.ts. */
  oauth: OAuthConfig;
  /**
   * A bearer token that may read GET /metrics besides admins' tokens, for a Prometheus server that
   * should not hold an admin's token. From OWNPOST_METRICS_TOKEN (at least 16 characters). @default none
   */
  metricsToken?: string;
  /**
   * Extensions allowed to call from a browser besides Ownpost's published and development builds:
   * Chromium ids, Firefox installation UUIDs or extension origins (relay/http/extension-origins.ts).
   * From OWNPOST_EXTENSION_IDS (comma-separated). @default []
   */
  extensionIds: string[];
  version: string;
  /**
   * A device token stops working after this long without a request (sliding: every use renews it),
   * so a lost or forgotten browser does not keep access for ever. From OWNPOST_TOKEN_TTL (`90d`;
   * `never` switches expiry off). Undefined: tokens do not expire.
   * @default 90 days
   */
  tokenIdleTtlMs?: number;
  /** The SMTP front door (issue 19): relay/smtp/smtp-door-config.ts. Absent: no SMTP listener. */
  smtpDoor?: SmtpDoorConfig;
}

/**
 * Retries suited to invoices: the first within minutes, then growing, giving up after about two days.
 * @default 1m, 5m, 15m, 30m, 1h, 2h, 4h, 8h, 8h, 12h, 12h (≈ 48 h in all)
 */
export const DEFAULT_RETRY_DELAYS = '1m,5m,15m,30m,1h,2h,4h,8h,8h,12h,12h';

/** At most this many attempts in all: a longer schedule is a typo, and every entry is an attempt at the mail server. */
const MAX_RETRY_DELAYS = 50;

/** OWNPOST_RETRY_DELAYS: each delay a duration (a time stored with the message, never a timer). */
function parseRetryDelays(text: string | undefined): number[] {
  const entries = (text || DEFAULT_RETRY_DELAYS).split(',');
  if (entries.length > MAX_RETRY_DELAYS) throw new ConfigError(`OWNPOST_RETRY_DELAYS may list at most ${MAX_RETRY_DELAYS} delays, not ${entries.length}`);
  return entries.map((entry) => {
    if (entry.trim() === '') throw new ConfigError(`OWNPOST_RETRY_DELAYS has an empty entry: "${text}"`);
    return parseDurationSetting('each of OWNPOST_RETRY_DELAYS', entry, '1m', { min: '100ms', max: '7d' });
  });
}

/** `20/15m`: at most 20 sender tests per user in any 15 minutes. */
function parseTestLimit(text: string | undefined): SenderTestLimitSettings {
  if (!text) return DEFAULT_SENDER_TEST_LIMITS;
  const match = /^\s*([^/]+?)\s*\/\s*(.+?)\s*$/.exec(text);
  if (!match) throw new ConfigError(`OWNPOST_TEST_LIMIT must look like 20/15m (tests per time), not "${text}"`);
  return {
    ...DEFAULT_SENDER_TEST_LIMITS,
    testsPerWindow: {
      max: parseCountSetting('OWNPOST_TEST_LIMIT (tests)', match[1], 20, { min: 1, max: 10_000 }),
      windowMs: parseDurationSetting('OWNPOST_TEST_LIMIT (time)', match[2], '15m', { min: '1s', max: '1d' }),
    },
  };
}

/** OWNPOST_TOKEN_TTL: a duration, or `never`. */
function parseTokenTtl(text: string | undefined): number | undefined {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '') return 90 * 86_400_000;
  if (value === 'never' || value === 'off') return undefined;
  // Compared with timestamps, never a timer: years are fine.
  return parseDurationSetting('OWNPOST_TOKEN_TTL', text, '90d', { min: '1m', max: '3650d' }, ' (or "never")');
}

/** DNS servers as `ip` or `ip:port` (`[v6]:port`), as Node's resolver takes them. */
function parseDnsServers(text: string | undefined): string[] {
  const servers = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const server of servers) {
    const host = server.startsWith('[') ? server.slice(1, server.indexOf(']')) : isIP(server) === 6 ? server : server.split(':')[0]!;
    if (!isIP(host)) throw new ConfigError(`OWNPOST_DNS_SERVERS: "${server}" is not an IP address (with an optional :port)`);
  }
  return servers;
}

function parseSmtpPorts(text: string | undefined): PortRange[] {
  try {
    return parsePortRanges(text ?? '');
  } catch (error) {
    throw new ConfigError(`OWNPOST_ALLOWED_PORTS: ${(error as Error).message}`);
  }
}

function parseExtensionIds(text: string | undefined): string[] {
  const entries = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    entries.forEach(extensionOriginOf);
  } catch (error) {
    throw new ConfigError(`OWNPOST_EXTENSION_IDS: ${(error as Error).message}`);
  }
  return entries;
}

/** The platform's user data folder for Ownpost. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Ownpost');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Ownpost');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'ownpost');
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<RelayConfig> = {}): RelayConfig {
  const port = overrides.port ?? parsePortSetting('OWNPOST_PORT', env.OWNPOST_PORT) ?? 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`port ${port} is not a TCP port`);
  const config: RelayConfig = {
    // `||`, not `??`: an empty OWNPOST_HOST= (an env file's blank value) listened on every interface.
    host: env.OWNPOST_HOST?.trim() || '127.0.0.1',
    port,
    dataDir: path.resolve(env.OWNPOST_DATA_DIR || defaultDataDir(env)),
    databaseUrl: env.OWNPOST_DATABASE_URL || undefined,
    masterKey: env.OWNPOST_MASTER_KEY || undefined,
    previousMasterKeys: env.OWNPOST_PREVIOUS_MASTER_KEYS || undefined,
    // A value that is no switch (`ye`, `enabled`) fails loudly instead of leaving private hosts silently refused.
    allowPrivateHosts: parseSwitch('OWNPOST_ALLOW_PRIVATE_HOSTS', env.OWNPOST_ALLOW_PRIVATE_HOSTS, false),
    hostnames: (env.OWNPOST_HOSTNAMES ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    retryDelaysMs: parseRetryDelays(env.OWNPOST_RETRY_DELAYS),
    extraCa: [],
    leaseMs: parseDurationSetting('OWNPOST_LEASE', env.OWNPOST_LEASE, '5m', { min: '1s', max: '1d' }),
    pollMs: parseDurationSetting('OWNPOST_POLL', env.OWNPOST_POLL, '1s', { min: '10ms', max: '1h' }),
    authAttempts: parseCountSetting('OWNPOST_AUTH_ATTEMPTS', env.OWNPOST_AUTH_ATTEMPTS, 3, { min: 1, max: 10 }),
    quotaRetryDelayMs: parseDurationSetting('OWNPOST_QUOTA_RETRY_DELAY', env.OWNPOST_QUOTA_RETRY_DELAY, '1h', { min: '1m', max: '7d' }),
    smtpTimeoutMs: parseDurationSetting('OWNPOST_SMTP_TIMEOUT', env.OWNPOST_SMTP_TIMEOUT, '2m', { min: '1s', max: '1h' }),
    deliveryConcurrency: parseCountSetting('OWNPOST_DELIVERY_CONCURRENCY', env.OWNPOST_DELIVERY_CONCURRENCY, 16, { min: 1, max: 1000 }),
    transportIdleMs: parseDurationSetting('OWNPOST_TRANSPORT_IDLE', env.OWNPOST_TRANSPORT_IDLE, '30s', { min: '1ms', max: '1h' }),
    // 0s is a choice here: sends in flight are given back to the queue at once.
    shutdownGraceMs: parseDurationSetting('OWNPOST_SHUTDOWN_GRACE', env.OWNPOST_SHUTDOWN_GRACE, '10s', { min: '0s', max: '1h' }),
    dbTimeoutMs: parseDurationSetting('OWNPOST_DB_TIMEOUT', env.OWNPOST_DB_TIMEOUT, '10s', { min: '1s', max: '10m' }),
    dbPrepared: parseSwitch('OWNPOST_DB_PREPARED', env.OWNPOST_DB_PREPARED, true),
    heartbeatMs: parseDurationSetting('OWNPOST_HEARTBEAT', env.OWNPOST_HEARTBEAT, '5s', { min: '100ms', max: '10m' }),
    extraSmtpPorts: parseSmtpPorts(env.OWNPOST_ALLOWED_PORTS),
    dnsServers: parseDnsServers(env.OWNPOST_DNS_SERVERS),
    testStepTimeoutMs: parseDurationSetting('OWNPOST_TEST_STEP_TIMEOUT', env.OWNPOST_TEST_STEP_TIMEOUT, '15s', { min: '1s', max: '5m' }),
    senderTestLimits: parseTestLimit(env.OWNPOST_TEST_LIMIT),
    testBeforeSave: parseSwitch('OWNPOST_TEST_BEFORE_SAVE', env.OWNPOST_TEST_BEFORE_SAVE, true),
    discoveryProbeTimeoutMs: parseDurationSetting('OWNPOST_DISCOVERY_TIMEOUT', env.OWNPOST_DISCOVERY_TIMEOUT, '5s', { min: '100ms', max: '1m' }),
    discoveryGuessEndpoints: [
      { port: 465, security: 'tls' },
      { port: 587, security: 'starttls' },
    ],
    oauth: parseOAuthConfig(env),
    metricsToken: env.OWNPOST_METRICS_TOKEN || undefined,
    extensionIds: parseExtensionIds(env.OWNPOST_EXTENSION_IDS),
    version: readVersion(),
    tokenIdleTtlMs: parseTokenTtl(env.OWNPOST_TOKEN_TTL),
    smtpDoor: parseSmtpDoorConfig(env),
    ...overrides,
  };
  if (config.metricsToken !== undefined && config.metricsToken.length < 16) {
    throw new ConfigError('OWNPOST_METRICS_TOKEN must be at least 16 characters (openssl rand -hex 24)');
  }
  if (config.databaseUrl && !/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    throw new ConfigError('OWNPOST_DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite store)');
  }
  if (config.databaseUrl && !postgresUrlReadable(config.databaseUrl)) {
    throw new ConfigError(
      'OWNPOST_DATABASE_URL is not a URL that can be read (not shown: it holds the password). Check the host and port; characters such as @ : / # ? in the user name or password must be percent-encoded (@ is %40).',
    );
  }
  return config;
}
