import nodemailer from 'nodemailer';
import type { SmtpAuthResolver } from '../oauth/access-tokens';
import { smtpAuthOptions } from '../oauth/xoauth2';
import type { OutboundDestination } from '../net/outbound';
import { mayAuthenticateOn, type OpenedProfile } from '../profiles/profile-record';
import { smtpConnectionOptions, tlsOptionsFor } from '../profiles/server-options';

export interface TransportOptions {
  /** Extra trusted CAs (PEM) beside Node's roots; for internal mail servers and tests. */
  extraCa: string[];
  /** Inactivity limit on an open connection (also caps the connect and greeting waits). @default 120_000 */
  socketTimeoutMs?: number;
  /** Access tokens for OAuth2 profiles (relay/oauth/access-tokens.ts); without it they fail at sign-in. */
  smtpAuth?: SmtpAuthResolver;
}

/** Connection limits for a pooled transport (nodemailer's SMTP pool). */
export interface PoolLimits {
  maxConnections: number;
  /** Absent: no rate limit. */
  messagesPerMinute?: number;
}

/**
 * nodemailer options for a profile. `starttls` is *required* TLS: nodemailer's default would carry
 * on in plain text when the server (or an attacker) does not offer STARTTLS. Certificates are
 * always verified.
 */
export function smtpTransportOptions(profile: OpenedProfile, options: TransportOptions, destination?: OutboundDestination) {
  const { smtp } = profile.data;
  const connection = smtpConnectionOptions(smtp, { extraCa: options.extraCa });
  return {
    // Host, port, security mode, EHLO name and TLS (version, ciphers, trust) come from the profile's
    // server options (relay/profiles/server-options.ts); certificates are always verified.
    ...connection,
    // The address relay/net/outbound.ts checked, not the name again (issue 14): nodemailer would
    // resolve the name itself and could reach whatever it answers now. TLS still verifies the name.
    ...(destination
      ? {
          host: destination.address,
          ...(destination.servername ? { servername: destination.servername } : {}),
          tls: tlsOptionsFor(smtp, { extraCa: options.extraCa }, destination.servername ?? destination.address),
        }
      : {}),
    // A password, or XOAUTH2 with a token fetched when each connection signs in (relay/oauth/xoauth2.ts);
    // never over an unencrypted connection unless the profile allows it (issue 14).
    ...(mayAuthenticateOn(smtp) ? smtpAuthOptions(profile, options.smtpAuth) : {}),
    // The greeting wait stays below the connection wait, so that a server that accepts but never
    // greets is reported as such (greeting_timeout), not as an unreachable host.
    connectionTimeout: Math.min(30_000, options.socketTimeoutMs ?? 30_000),
    greetingTimeout: Math.min(15_000, (options.socketTimeoutMs ?? 30_000) / 2),
    socketTimeout: options.socketTimeoutMs ?? 120_000,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  };
}

export function createSmtpTransport(profile: OpenedProfile, options: TransportOptions, destination: OutboundDestination) {
  return nodemailer.createTransport(smtpTransportOptions(profile, options, destination));
}

/**
 * A pooled transport for delivery: at most `maxConnections` connections to the mailbox (Microsoft
 * 365 answers 432 4.3.2 to a fourth), each reused for up to 100 messages. The rate per minute is
 * kept by TransportPool: nodemailer's own limiter counts per transport and lets a burst through
 * when several connections start at once.
 */
export function createPooledSmtpTransport(profile: OpenedProfile, options: TransportOptions, limits: Pick<PoolLimits, 'maxConnections'>, destination: OutboundDestination) {
  return nodemailer.createTransport({
    ...smtpTransportOptions(profile, options, destination),
    pool: true,
    maxConnections: limits.maxConnections,
    maxMessages: 100,
    // A connection that closes during a send fails that send, and the worker decides and records
    // the retry. nodemailer's own requeue would send it again unseen (an attempt not recorded), and
    // a body given as a stream (a large one, read chunk by chunk) cannot be read a second time.
    maxRequeues: 0,
  });
}
