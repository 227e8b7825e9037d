/**
 * A sender profile from the API's input to the stored row (settings, secrets sealed); its
 * view is profile-view.ts. Only `openProfileSecrets` ever sees a password in clear, for the delivery
 * and diagnosis code that needs it.
 */
import { defaultPort } from '../../shared/providers';
import { tlsSettingsProblem, type ProfileAuthInput, type ProfileInput, type ProfilePatch } from '../../shared/schemas';
import type { SecretCipher } from '../secrets/cipher';
import type { ProfileRow } from '../store/types';

import type { ProfileData, SealedSecrets, StoredAuth, StoredOAuth2Auth, StoredSmtpSettings } from './profile-data';

export type { ProfileData, SealedSecrets, StoredAuth, StoredOAuth2Auth, StoredSmtpSettings };

/** Fields of `auth` that are secrets: sealed under their own name, never stored in `data`, never returned. */
const AUTH_SECRET_FIELDS = ['password', 'clientSecret'] as const;

/**
 * Splits an `auth` input into what is stored in `data` and the secrets to seal. A secret absent from the
 * input is absent here too, which (in a PATCH) keeps the sealed one.
 */
function splitAuth(auth: ProfileAuthInput, fromAddress: string): { stored: StoredAuth; secrets: Record<string, string> } {
  const secrets: Record<string, string> = {};
  const rest: Record<string, unknown> = { ...auth };
  for (const field of AUTH_SECRET_FIELDS) {
    const value = rest[field];
    delete rest[field];
    if (typeof value === 'string' && value !== '') secrets[field] = value;
  }
  if (typeof rest.username !== 'string' || rest.username === '') rest.username = fromAddress;
  return { stored: rest as StoredAuth, secrets };
}

/** A profile ready for sending: settings plus the opened password (or OAuth2 client secret). Never serialised. */
export interface OpenedProfile {
  id: string;
  scope: ProfileRow['scope'];
  ownerId: string | null;
  data: ProfileData;
  password?: string;
  /** OAuth2 app-only or a profile's own Google client. Refresh tokens are not opened here: relay/oauth reads them fresh. */
  clientSecret?: string;
}

/**
 * The additional authenticated data of a profile's secret: a sealed value copied into another row or
 * field does not open. Every secret that belongs to a profile (also those kept beside it, such as the
 * IMAP password of the delivery settings) uses this form, which lets `ownpost key rotate` re-seal them all.
 */
export function profileSecretAad(profileId: string, field: string): string {
  return `profile:${profileId}:${field}`;
}

/** Server settings as stored and tested: the port filled in from the security mode when absent or 0. */
export function storedSmtp(input: ProfileInput['smtp'] | StoredSmtpSettings): StoredSmtpSettings {
  return {
    host: input.host,
    port: input.port || defaultPort(input.security),
    security: input.security,
    ...(input.ehloName ? { ehloName: input.ehloName } : {}),
    minTlsVersion: input.minTlsVersion,
    ciphers: input.ciphers,
    ...(input.allowPlaintextAuth ? { allowPlaintextAuth: true } : {}),
  };
}

function dataFromInput(input: ProfileInput, auth: StoredAuth): ProfileData {
  return {
    v: 2,
    name: input.name,
    ...(input.fromName !== undefined && { fromName: input.fromName }),
    fromAddress: input.fromAddress,
    ...(input.replyTo !== undefined && { replyTo: input.replyTo }),
    smtp: storedSmtp(input.smtp),
    auth,
    allowOtherSender: input.allowOtherSender,
    allowedSenders: input.allowedSenders,
    senderStyle: input.senderStyle,
    bccSelf: input.bccSelf,
    ...(input.archiveAddress !== undefined && { archiveAddress: input.archiveAddress }),
    isDefault: input.isDefault,
    isFallback: input.isFallback,
    sites: input.sites,
    projects: input.projects,
  };
}

/** A profile's settings (the store read and upgraded them). */
export function parseProfileData(row: ProfileRow): ProfileData {
  return row.data;
}

export function parseSealedSecrets(row: { secrets: SealedSecrets | null }): SealedSecrets {
  return row.secrets ?? {};
}

export function newProfileRow(input: ProfileInput, ids: { id: string; ownerId: string | null; now: number }, cipher: SecretCipher): ProfileRow {
  const secrets: SealedSecrets = {};
  const auth = splitAuth(input.auth, input.fromAddress);
  for (const [field, value] of Object.entries(auth.secrets)) secrets[field] = cipher.seal(value, profileSecretAad(ids.id, field));
  return {
    id: ids.id,
    ownerId: input.scope === 'company' ? null : ids.ownerId,
    scope: input.scope,
    data: dataFromInput(input, auth.stored),
    secrets,
    createdAt: ids.now,
    updatedAt: ids.now,
  };
}

/**
 * Merges a server-settings PATCH. Without a port, a profile that used the usual port of its old
 * security mode moves to the usual port of the new one (587 → 465 when switching to `tls`); a port
 * someone chose (2525) stays. Port 0 means "the usual one".
 */
function mergeSmtp(current: StoredSmtpSettings, patch: NonNullable<ProfilePatch['smtp']>): StoredSmtpSettings {
  const security = patch.security ?? current.security;
  let port: number;
  if (patch.port) port = patch.port;
  else if (patch.port === 0) port = defaultPort(security);
  else if (security !== current.security && current.port === defaultPort(current.security)) port = defaultPort(security);
  else port = current.port;
  const next: StoredSmtpSettings = {
    host: patch.host ?? current.host,
    port,
    security,
    minTlsVersion: patch.minTlsVersion ?? current.minTlsVersion,
    ciphers: patch.ciphers ?? current.ciphers,
  };
  const ehloName = patch.ehloName === null ? undefined : (patch.ehloName ?? current.ehloName);
  if (ehloName) next.ehloName = ehloName;
  if (patch.allowPlaintextAuth ?? current.allowPlaintextAuth) next.allowPlaintextAuth = true;
  return next;
}

/** Applies a PATCH: absent fields keep their value; `null` removes an optional one; a new password replaces the sealed one. */
export function patchProfileRow(row: ProfileRow, patch: ProfilePatch, cipher: SecretCipher, now: number): ProfileRow {
  const data = parseProfileData(row);
  const next: ProfileData = { ...data };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.fromName === null) delete next.fromName;
  else if (patch.fromName !== undefined) next.fromName = patch.fromName;
  if (patch.fromAddress !== undefined) next.fromAddress = patch.fromAddress;
  if (patch.replyTo === null) delete next.replyTo;
  else if (patch.replyTo !== undefined) next.replyTo = patch.replyTo;
  if (patch.allowOtherSender !== undefined) next.allowOtherSender = patch.allowOtherSender;
  if (patch.allowedSenders !== undefined) next.allowedSenders = patch.allowedSenders;
  if (patch.senderStyle !== undefined) next.senderStyle = patch.senderStyle;
  if (patch.bccSelf !== undefined) next.bccSelf = patch.bccSelf;
  if (patch.archiveAddress === null) delete next.archiveAddress;
  else if (patch.archiveAddress !== undefined) next.archiveAddress = patch.archiveAddress;
  if (patch.isDefault !== undefined) next.isDefault = patch.isDefault;
  if (patch.isFallback !== undefined) next.isFallback = patch.isFallback;
  if (patch.sites !== undefined) next.sites = patch.sites;
  if (patch.projects !== undefined) next.projects = patch.projects;
  if (patch.smtp) next.smtp = mergeSmtp(data.smtp, patch.smtp);
  const secrets = { ...parseSealedSecrets(row) };
  if (patch.auth) {
    const auth = splitAuth(patch.auth, next.fromAddress);
    // Another kind of sign-in makes the old one's secrets meaningless: they go, rather than linger.
    if (patch.auth.type !== data.auth.type) for (const field of AUTH_SECRET_FIELDS) delete secrets[field];
    // A refresh token belongs to one app registration (and a client secret to its client): another
    // provider, flow, tenant or client ID needs a new sign-in (relay/oauth/sign-in.ts).
    if (!sameOAuthClient(data.auth, auth.stored)) {
      delete secrets.refreshToken;
      if (!auth.secrets.clientSecret) delete secrets.clientSecret;
    }
    // The secret's expiry belongs to the secret: it stays while the secret does, unless given anew.
    const keptExpiry = !auth.secrets.clientSecret && sameOAuthClient(data.auth, auth.stored) ? storedSecretExpiry(data.auth) : undefined;
    next.auth = keptExpiry && !storedSecretExpiry(auth.stored) ? ({ ...auth.stored, clientSecretExpiresAt: keptExpiry } as StoredAuth) : auth.stored;
    for (const [field, value] of Object.entries(auth.secrets)) secrets[field] = cipher.seal(value, profileSecretAad(row.id, field));
  }
  const scope = patch.scope ?? row.scope;
  return { ...row, scope, data: next, secrets, updatedAt: now };
}

/** Settings that are each valid but cannot work together; checked after a PATCH is merged. */
export function profileDataProblems(data: ProfileData, scope: ProfileRow['scope']): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const tls = tlsSettingsProblem(data.smtp);
  if (tls) problems.push({ path: 'smtp.minTlsVersion', message: tls });
  if (data.isFallback && scope !== 'company') {
    problems.push({ path: 'isFallback', message: 'only a company sender can be the fallback for failing senders' });
  }
  return problems;
}

/** An app-only profile's client secret expiry (`YYYY-MM-DD`), when an admin entered one. */
export function storedSecretExpiry(auth: StoredAuth): string | undefined {
  return auth.type === 'oauth2' && 'clientSecretExpiresAt' in auth ? auth.clientSecretExpiresAt : undefined;
}

/** Whether two sign-in settings use the same app registration, so that a saved sign-in or client secret fits both. */
export function sameOAuthClient(a: StoredAuth, b: StoredAuth): boolean {
  if (a.type !== 'oauth2' || b.type !== 'oauth2') return a.type === b.type;
  const tenant = (auth: StoredOAuth2Auth) => ('tenantId' in auth ? auth.tenantId : undefined);
  return a.provider === b.provider && a.flow === b.flow && tenant(a) === tenant(b) && a.clientId === b.clientId;
}

export function openProfileSecrets(row: ProfileRow, cipher: SecretCipher): OpenedProfile {
  const secrets = parseSealedSecrets(row);
  return {
    id: row.id,
    scope: row.scope,
    ownerId: row.ownerId,
    data: parseProfileData(row),
    ...(secrets.password && { password: cipher.open(secrets.password, profileSecretAad(row.id, 'password')) }),
    ...(secrets.clientSecret && { clientSecret: cipher.open(secrets.clientSecret, profileSecretAad(row.id, 'clientSecret')) }),
  };
}

/**
 * Whether a sign-in may happen on this connection: always with TLS; with `security: none` only when
 * the profile says `allowPlaintextAuth` (issue 14: the password would otherwise cross the network
 * in clear, readable by anyone on the path). Delivery and the sender test both ask this.
 */
export function mayAuthenticateOn(smtp: Pick<StoredSmtpSettings, 'security' | 'allowPlaintextAuth'>): boolean {
  return smtp.security !== 'none' || smtp.allowPlaintextAuth === true;
}
