/**
 * A stored secret never goes to a new server (issue 14). A PATCH that moves a password profile to
 * another host or port would otherwise hand the saved password to whatever listens there: anyone
 * holding a token (a stolen extension session) could collect the mailbox password by pointing the
 * profile at their own server. Moving needs the password again; every other change keeps it.
 */
import { DomainError } from '../errors/domain-error';
import { normalisedMailHost } from '../limits/sender-test-limits';
import type { ProfileData } from './profile-record';

/** The same server: the same host in any spelling (case, trailing dot, IDN, IPv4 forms) and the same port. */
export function sameMailServer(a: { host: string; port: number }, b: { host: string; port: number }): boolean {
  return a.port === b.port && normalisedMailHost(a.host) === normalisedMailHost(b.host);
}

/**
 * Throws 422 `profile_password_required` when `next` would send the password stored for `previous`
 * to another server, i.e. the server changed and the request did not bring a new password.
 */
export function assertStoredPasswordStaysWithServer(
  previous: ProfileData,
  next: ProfileData,
  storedSecrets: Record<string, string>,
  patch: { auth?: { type: string; password?: string } },
): void {
  if (next.auth.type !== 'password' || !storedSecrets.password) return;
  if (patch.auth?.type === 'password' && patch.auth.password) return;
  if (sameMailServer(previous.smtp, next.smtp)) return;
  throw new DomainError(
    'profile_password_required',
    `The sender "${previous.name}" moves from ${previous.smtp.host}:${previous.smtp.port} to ${next.smtp.host}:${next.smtp.port}: enter its password again.`,
    {
      hint: 'A saved password is only ever sent to the server it was entered for. Send the new server settings together with "auth": {"type": "password", "password": "…"}.',
      details: { field: 'auth.password' },
    },
  );
}
