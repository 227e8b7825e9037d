import { rootCertificates } from 'node:tls';
import nodemailer from 'nodemailer';
import type { OpenedProfile } from '../profiles/profile-record';

export interface TransportOptions {
  /** Extra trusted CAs (PEM) beside Node's roots; for internal mail servers and tests. */
  extraCa: string[];
}

/**
 * nodemailer options for a profile. `starttls` is *required* TLS: nodemailer's default would carry
 * on in plain text when the server (or an attacker) does not offer STARTTLS. Certificates are
 * always verified.
 */
export function smtpTransportOptions(profile: OpenedProfile, options: TransportOptions) {
  const { smtp, auth } = profile.data;
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    ...(smtp.ehloName ? { name: smtp.ehloName } : {}),
    ...(profile.password !== undefined ? { auth: { user: auth.username, pass: profile.password } } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
    tls: {
      servername: /^\d+\.\d+\.\d+\.\d+$/.test(smtp.host) ? undefined : smtp.host,
      minVersion: 'TLSv1.2' as const,
      ...(options.extraCa.length ? { ca: [...rootCertificates, ...options.extraCa] } : {}),
    },
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  };
}

export function createSmtpTransport(profile: OpenedProfile, options: TransportOptions) {
  return nodemailer.createTransport(smtpTransportOptions(profile, options));
}
