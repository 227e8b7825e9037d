import type { TLSSocket } from 'node:tls';

/** What a TLS handshake settled on, for a test's report (SMTP and IMAP alike). */
export interface TlsDetails {
  protocol: string;
  cipher: string;
  /** The certificate's subject CN and the names it covers. */
  subject?: string;
  altNames?: string;
  issuer?: string;
  /** The last day the certificate is valid, as YYYY-MM-DD. */
  validTo?: string;
}

/** The details of `socket`'s finished handshake. */
export function tlsDetailsOf(socket: TLSSocket): TlsDetails {
  const cert = socket.getPeerCertificate();
  return {
    protocol: socket.getProtocol() ?? 'TLS',
    cipher: socket.getCipher()?.name ?? '',
    ...(cert?.subject?.CN ? { subject: String(cert.subject.CN) } : {}),
    ...(cert?.subjectaltname ? { altNames: cert.subjectaltname } : {}),
    ...(cert?.issuer?.CN ? { issuer: String(cert.issuer.CN) } : {}),
    ...(cert?.valid_to ? { validTo: new Date(cert.valid_to).toISOString().slice(0, 10) } : {}),
  };
}
