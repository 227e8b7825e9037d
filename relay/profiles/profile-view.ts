/**
 * A sender profile as the API shows it: settings as stored, secrets replaced by whether they are set
 * (`hasPassword`, `hasClientSecret`), and an OAuth2 sender's sign-in status.
 */
import type { ProfileAuthView, ProfileView } from '../../shared/schemas';
import type { ProfileRow } from '../store/types';
import { oauth2AuthView, type OAuthGrantState } from './grant-state';
import { parseProfileData, parseSealedSecrets, type SealedSecrets, type StoredAuth } from './profile-record';

/**
 * `auth` as the API shows it: secrets replaced by whether they are set. The OAuth2 status here is what
 * the stored secrets alone tell (relay/oauth may know more, e.g. a refresh token that stopped working).
 */
function authView(auth: StoredAuth, secrets: SealedSecrets, oauthState: OAuthGrantState | null | undefined): ProfileAuthView {
  if (auth.type === 'password') return { type: 'password', username: auth.username, hasPassword: Boolean(secrets.password) };
  // `oauthState` (written by relay/oauth) adds what the secrets cannot tell: who signed in, and a
  // refresh token that stopped working ("sign in again").
  return oauth2AuthView(auth, secrets, oauthState);
}

export function toProfileView(row: ProfileRow, ownerEmail: string | null): ProfileView {
  const data = parseProfileData(row);
  const secrets = parseSealedSecrets(row);
  return {
    id: row.id,
    name: data.name,
    scope: row.scope,
    ownerEmail,
    ...(data.fromName !== undefined && { fromName: data.fromName }),
    fromAddress: data.fromAddress,
    ...(data.replyTo !== undefined && { replyTo: data.replyTo }),
    smtp: {
      host: data.smtp.host,
      port: data.smtp.port,
      security: data.smtp.security,
      ...(data.smtp.ehloName ? { ehloName: data.smtp.ehloName } : {}),
      minTlsVersion: data.smtp.minTlsVersion,
      ciphers: data.smtp.ciphers,
      ...(data.smtp.allowPlaintextAuth ? { allowPlaintextAuth: true } : {}),
    },
    auth: authView(data.auth, secrets, row.oauthState),
    allowOtherSender: data.allowOtherSender,
    allowedSenders: data.allowedSenders,
    senderStyle: data.senderStyle,
    bccSelf: data.bccSelf,
    ...(data.archiveAddress !== undefined && { archiveAddress: data.archiveAddress }),
    isDefault: data.isDefault,
    isFallback: data.isFallback,
    sites: data.sites,
    projects: data.projects,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
