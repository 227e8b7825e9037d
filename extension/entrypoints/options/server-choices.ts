/**
 * The choices the server settings offer, as in shared/schemas.ts. Repeated here as plain data so the
 * options page does not pull zod (which the schemas module imports) into its bundle; the compiler
 * checks that each list stays exactly the schema's set.
 */
import type { CipherLevel, SmtpSecurity, TlsVersion } from '../../../shared/schemas';

type Exactly<T extends string, L extends readonly T[]> = [T] extends [L[number]] ? L : never;

export const SECURITY_MODES = ['tls', 'starttls', 'none'] as const satisfies readonly SmtpSecurity[];
export const TLS_VERSION_CHOICES = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const satisfies readonly TlsVersion[];
export const CIPHER_CHOICES = ['default', 'strong', 'compatible'] as const satisfies readonly CipherLevel[];

// A value added to a schema enum and not here fails to compile.
export const checkedSecurityModes: Exactly<SmtpSecurity, typeof SECURITY_MODES> = SECURITY_MODES;
export const checkedTlsVersions: Exactly<TlsVersion, typeof TLS_VERSION_CHOICES> = TLS_VERSION_CHOICES;
export const checkedCipherLevels: Exactly<CipherLevel, typeof CIPHER_CHOICES> = CIPHER_CHOICES;
