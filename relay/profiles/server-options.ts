/**
 * A profile's server settings as Node and nodemailer options: one place decides how a connection to a
 * mailbox is secured, for delivery, the connection test and discovery alike.
 *
 * Certificates are always verified (there is no option here or anywhere to turn that off); an internal
 * CA is trusted through NODE_EXTRA_CA_CERTS, or `extraCa` for tests.
 */
import { isIP } from 'node:net';
import { DEFAULT_CIPHERS, rootCertificates, type ConnectionOptions } from 'node:tls';
import type { CipherLevel, SmtpSecurity, TlsVersion } from '../../shared/schemas';
import type { StoredSmtpSettings } from './profile-record';

/**
 * Forward-secret AEAD ciphers only: the TLS 1.3 suites and ECDHE with AES-GCM or ChaCha20 for TLS 1.2
 * (what Mozilla's "intermediate" profile keeps). A server offering nothing better than CBC or RSA key
 * exchange is refused.
 */
export const STRONG_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
].join(':');

/**
 * Node's default list at OpenSSL security level 0: also TLS 1.0/1.1, SHA-1 signatures and small keys,
 * which some outdated servers (old Exchange, appliances) still need. The certificate chain and name are
 * still verified.
 */
export const COMPATIBLE_CIPHERS = `${DEFAULT_CIPHERS}:@SECLEVEL=0`;

/** `ciphers` for tls.connect, or undefined for Node's own default. */
export function ciphersFor(level: CipherLevel): string | undefined {
  switch (level) {
    case 'default':
      return undefined;
    case 'strong':
      return STRONG_CIPHERS;
    case 'compatible':
      return COMPATIBLE_CIPHERS;
  }
}

/** The lowest TLS version actually allowed: `strong` never goes below TLS 1.2 whatever the profile says. */
export function effectiveMinTlsVersion(minTlsVersion: TlsVersion, ciphers: CipherLevel): TlsVersion {
  const order: TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
  if (ciphers === 'strong' && order.indexOf(minTlsVersion) < order.indexOf('TLSv1.2')) return 'TLSv1.2';
  return minTlsVersion;
}

export interface TlsTrust {
  /** Extra trusted CAs (PEM) beside Node's roots (and NODE_EXTRA_CA_CERTS, which Node adds itself). */
  extraCa: readonly string[];
}

/**
 * Options for tls.connect (directly, or as nodemailer's `tls`). `servername` is the name the certificate
 * must carry and the SNI; for an IP literal, Node checks the certificate's IP addresses instead.
 *
 * @param servername the host name to verify when connecting to a pinned address (default: `smtp.host`).
 */
export function tlsOptionsFor(smtp: Pick<StoredSmtpSettings, 'host' | 'minTlsVersion' | 'ciphers'>, trust: TlsTrust, servername: string = smtp.host): ConnectionOptions & { servername?: string } {
  const ciphers = ciphersFor(smtp.ciphers);
  return {
    ...(isIP(servername) ? {} : { servername }),
    minVersion: effectiveMinTlsVersion(smtp.minTlsVersion, smtp.ciphers),
    ...(ciphers ? { ciphers } : {}),
    ...(trust.extraCa.length ? { ca: [...rootCertificates, ...trust.extraCa] } : {}),
    // Stated, not assumed: Node's default, and no profile, preset or environment may change it.
    rejectUnauthorized: true,
  };
}

/**
 * nodemailer's connection options for a security mode. `starttls` is *required* TLS: nodemailer's
 * default would carry on in plain text when the server (or an attacker in between) does not offer
 * STARTTLS. `none` never upgrades, even when offered, so that what is configured is what happens.
 */
export function securityOptionsFor(security: SmtpSecurity): { secure: boolean; requireTLS: boolean; ignoreTLS: boolean } {
  return { secure: security === 'tls', requireTLS: security === 'starttls', ignoreTLS: security === 'none' };
}

/**
 * Everything about the connection itself that nodemailer needs for a profile: host, port, security,
 * EHLO name and TLS. Timeouts, credentials and pooling are the caller's.
 */
export function smtpConnectionOptions(smtp: StoredSmtpSettings, trust: TlsTrust) {
  return {
    host: smtp.host,
    port: smtp.port,
    ...securityOptionsFor(smtp.security),
    ...(smtp.ehloName ? { name: smtp.ehloName } : {}),
    tls: tlsOptionsFor(smtp, trust),
  };
}
