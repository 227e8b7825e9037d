/**
 * The SMTP front door's settings (issue 19), read once from the environment. Absent ports: no door.
 */
import { isIP } from 'node:net';
import { ConfigError, parseCountSetting, parseDurationSetting, parsePortSetting, parseSwitch } from '../config-values';

export interface SmtpDoorConfig {
  /** Listen address. From OWNPOST_SMTP_HOST. @default '127.0.0.1' */
  host: string;
  /** Submission with STARTTLS (usually 587). From OWNPOST_SMTP_PORT; 0 picks a free port. */
  port?: number;
  /** Submission over implicit TLS (usually 465). From OWNPOST_SMTPS_PORT; 0 picks a free port. */
  tlsPort?: number;
  /** PEM certificate chain and key, read again when they change. From OWNPOST_SMTP_TLS_CERT / OWNPOST_SMTP_TLS_KEY. */
  certFile?: string;
  keyFile?: string;
  /**
   * AUTH without TLS, for an app on the relay's own machine that cannot do TLS. Only with a
   * loopback listen address. From OWNPOST_SMTP_ALLOW_PLAINTEXT=1. @default false
   */
  allowPlaintext: boolean;
  /** How often the PEM files are checked for a change. From OWNPOST_SMTP_TLS_CHECK. @default 5s */
  tlsCheckMs: number;
  /**
   * Connections one client address may hold open at once (TLS handshakes included); one more is
   * answered `421 4.7.0` and closed. From OWNPOST_SMTP_CONNECTIONS_PER_ADDRESS. @default 20
   */
  connectionsPerAddress: number;
  /**
   * From the moment a connection is accepted to a successful AUTH, however busy it keeps: a client
   * that trickles its bytes resets every inactivity timeout, not this one. Past it: `421 4.7.0`, closed.
   * From OWNPOST_SMTP_AUTH_TIMEOUT. @default 30s
   */
  authDeadlineMs: number;
  /**
   * The wait after refused AUTH attempts, per client address and per username: `free` refusals
   * cost nothing (typos), then the wait starts at `firstMs` and doubles up to `maxMs`; refusals
   * are forgotten `forgetMs` after the last. The same growing wait as refused sign-ins of sender
   * tests (relay/limits/sender-test-limits.ts).
   * @default { free: 5, firstMs: 30 s, maxMs: 1 h, forgetMs: 24 h }
   */
  authFailureWait: { free: number; firstMs: number; maxMs: number; forgetMs: number };
}

export const DEFAULT_SMTP_AUTH_FAILURE_WAIT: SmtpDoorConfig['authFailureWait'] = { free: 5, firstMs: 30_000, maxMs: 60 * 60_000, forgetMs: 24 * 60 * 60_000 };

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '::ffff:127.0.0.1';
}

/**
 * The door's settings, or undefined when neither port is set. Impossible combinations fail loudly:
 * implicit TLS without a certificate, a door that could never take AUTH, plain-text AUTH off loopback.
 */
export function parseSmtpDoorConfig(env: NodeJS.ProcessEnv): SmtpDoorConfig | undefined {
  const fail = (message: string) => new ConfigError(message);
  const port = parsePortSetting('OWNPOST_SMTP_PORT', env.OWNPOST_SMTP_PORT);
  const tlsPort = parsePortSetting('OWNPOST_SMTPS_PORT', env.OWNPOST_SMTPS_PORT);
  if (port === undefined && tlsPort === undefined) return undefined;
  const host = (env.OWNPOST_SMTP_HOST || '127.0.0.1').trim();
  const certFile = env.OWNPOST_SMTP_TLS_CERT || undefined;
  const keyFile = env.OWNPOST_SMTP_TLS_KEY || undefined;
  // A value that is no switch (`ye`) fails loudly instead of leaving the app without a way to sign in.
  const allowPlaintext = parseSwitch('OWNPOST_SMTP_ALLOW_PLAINTEXT', env.OWNPOST_SMTP_ALLOW_PLAINTEXT, false);
  if (Boolean(certFile) !== Boolean(keyFile)) throw fail('OWNPOST_SMTP_TLS_CERT and OWNPOST_SMTP_TLS_KEY go together: set both (PEM files) or neither');
  if (tlsPort !== undefined && !certFile) throw fail('OWNPOST_SMTPS_PORT (implicit TLS) needs a certificate: set OWNPOST_SMTP_TLS_CERT and OWNPOST_SMTP_TLS_KEY');
  if (allowPlaintext && !isLoopbackHost(host)) {
    throw fail(`OWNPOST_SMTP_ALLOW_PLAINTEXT=1 sends app passwords unencrypted, so it is allowed only on loopback; OWNPOST_SMTP_HOST is ${host}`);
  }
  if (!certFile && !allowPlaintext) {
    throw fail('OWNPOST_SMTP_PORT needs a certificate for STARTTLS (OWNPOST_SMTP_TLS_CERT and OWNPOST_SMTP_TLS_KEY): without TLS no app could sign in');
  }
  return {
    host,
    ...(port !== undefined ? { port } : {}),
    ...(tlsPort !== undefined ? { tlsPort } : {}),
    ...(certFile ? { certFile, keyFile: keyFile! } : {}),
    allowPlaintext,
    tlsCheckMs: parseDurationSetting('OWNPOST_SMTP_TLS_CHECK', env.OWNPOST_SMTP_TLS_CHECK, '5s', { min: '100ms', max: '1d' }),
    // An office behind one NAT address shares it; more than the door's 200 clients in all is no cap.
    connectionsPerAddress: parseCountSetting('OWNPOST_SMTP_CONNECTIONS_PER_ADDRESS', env.OWNPOST_SMTP_CONNECTIONS_PER_ADDRESS, 20, { min: 1, max: 200 }),
    authDeadlineMs: parseDurationSetting('OWNPOST_SMTP_AUTH_TIMEOUT', env.OWNPOST_SMTP_AUTH_TIMEOUT, '30s', { min: '1s', max: '10m' }),
    authFailureWait: DEFAULT_SMTP_AUTH_FAILURE_WAIT,
  };
}
