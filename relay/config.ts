import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';

/** Everything the relay reads from its environment, normalised once at start-up. */
export interface RelayConfig {
  host: string;
  port: number;
  dataDir: string;
  /** `postgres://…` switches the store to PostgreSQL; absent: SQLite in dataDir. */
  databaseUrl?: string;
  /** Base64 of 32 bytes; absent: a 0600 key file in dataDir. */
  masterKey?: string;
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
  version: string;
}

/**
 * Retries suited to invoices: the first within minutes, then growing, giving up after about two days.
 * @default 1m, 5m, 15m, 30m, 1h, 2h, 4h, 8h, 8h, 12h, 12h (≈ 48 h in all)
 */
export const DEFAULT_RETRY_DELAYS = '1m,5m,15m,30m,1h,2h,4h,8h,8h,12h,12h';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses `500ms`, `1s`, `5m`, `2h`, `1d` into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  if (!match) throw new ConfigError(`"${text}" is not a duration (examples: 500ms, 30s, 5m, 2h, 1d)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'ms'];
  return Math.round(Number(match[1]) * unit);
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
  const port = overrides.port ?? Number(env.OWNPOST_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`port ${port} is not a TCP port`);
  const config: RelayConfig = {
    host: env.OWNPOST_HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(env.OWNPOST_DATA_DIR || defaultDataDir(env)),
    databaseUrl: env.OWNPOST_DATABASE_URL || undefined,
    masterKey: env.OWNPOST_MASTER_KEY || undefined,
    allowPrivateHosts: env.OWNPOST_ALLOW_PRIVATE_HOSTS === '1' || env.OWNPOST_ALLOW_PRIVATE_HOSTS === 'true',
    hostnames: (env.OWNPOST_HOSTNAMES ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    retryDelaysMs: (env.OWNPOST_RETRY_DELAYS || DEFAULT_RETRY_DELAYS).split(',').map(parseDuration),
    extraCa: [],
    leaseMs: parseDuration(env.OWNPOST_LEASE ?? '5m'),
    pollMs: parseDuration(env.OWNPOST_POLL ?? '1s'),
    version: readVersion(),
    ...overrides,
  };
  if (config.databaseUrl && !/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    throw new ConfigError('OWNPOST_DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite store)');
  }
  return config;
}
