/**
 * A sender profile in its three forms: the API's input, the stored row (settings as JSON, secrets
 * sealed), and the API's view (secrets replaced by `hasPassword`). Only `openProfileSecrets` ever
 * sees a password in clear, for the delivery and diagnosis code that needs it.
 */
import { defaultPort } from '../../shared/providers';
import type { ProfileInput, ProfilePatch, ProfileView, SmtpSecurity } from '../../shared/schemas';
import type { SecretCipher } from '../secrets/cipher';
import type { ProfileRow } from '../store/types';

/** The non-secret settings, as stored in `profiles.data`. Versioned so later fields can migrate. */
export interface ProfileData {
  v: 1;
  name: string;
  fromName?: string;
  fromAddress: string;
  replyTo?: string;
  smtp: { host: string; port: number; security: SmtpSecurity; ehloName?: string };
  auth: { type: 'password'; username: string };
  allowOtherSender: boolean;
  allowedSenders: string[];
  bccSelf: boolean;
  isDefault: boolean;
}

interface SealedSecrets {
  password?: string;
}

/** A profile ready for sending: settings plus the opened password. Never serialised. */
export interface OpenedProfile {
  id: string;
  scope: ProfileRow['scope'];
  ownerId: string | null;
  data: ProfileData;
  password?: string;
}

const secretAad = (profileId: string, field: string) => `profile:${profileId}:${field}`;

function dataFromInput(input: ProfileInput): ProfileData {
  return {
    v: 1,
    name: input.name,
    fromName: input.fromName,
    fromAddress: input.fromAddress,
    replyTo: input.replyTo,
    smtp: {
      host: input.smtp.host,
      port: input.smtp.port || defaultPort(input.smtp.security),
      security: input.smtp.security,
      ehloName: input.smtp.ehloName,
    },
    auth: { type: 'password', username: input.auth.username },
    allowOtherSender: input.allowOtherSender,
    allowedSenders: input.allowedSenders,
    bccSelf: input.bccSelf,
    isDefault: input.isDefault,
  };
}

export function parseProfileData(row: ProfileRow): ProfileData {
  return JSON.parse(row.data) as ProfileData;
}

export function newProfileRow(
  input: ProfileInput,
  ids: { id: string; ownerId: string | null; now: number },
  cipher: SecretCipher,
): ProfileRow {
  const secrets: SealedSecrets = {};
  if (input.auth.password) secrets.password = cipher.seal(input.auth.password, secretAad(ids.id, 'password'));
  return {
    id: ids.id,
    ownerId: input.scope === 'company' ? null : ids.ownerId,
    scope: input.scope,
    data: JSON.stringify(dataFromInput(input)),
    secrets: JSON.stringify(secrets),
    createdAt: ids.now,
    updatedAt: ids.now,
  };
}

/** Applies a PATCH: absent fields keep their value; a new password replaces the sealed one. */
export function patchProfileRow(row: ProfileRow, patch: ProfilePatch, cipher: SecretCipher, now: number): ProfileRow {
  const data = parseProfileData(row);
  const next: ProfileData = {
    ...data,
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.fromName !== undefined && { fromName: patch.fromName }),
    ...(patch.fromAddress !== undefined && { fromAddress: patch.fromAddress }),
    ...(patch.replyTo !== undefined && { replyTo: patch.replyTo }),
    ...(patch.allowOtherSender !== undefined && { allowOtherSender: patch.allowOtherSender }),
    ...(patch.allowedSenders !== undefined && { allowedSenders: patch.allowedSenders }),
    ...(patch.bccSelf !== undefined && { bccSelf: patch.bccSelf }),
    ...(patch.isDefault !== undefined && { isDefault: patch.isDefault }),
  };
  if (patch.smtp) {
    next.smtp = {
      host: patch.smtp.host,
      port: patch.smtp.port || defaultPort(patch.smtp.security),
      security: patch.smtp.security,
      ehloName: patch.smtp.ehloName,
    };
  }
  const secrets = JSON.parse(row.secrets ?? '{}') as SealedSecrets;
  if (patch.auth) {
    next.auth = { type: 'password', username: patch.auth.username };
    if (patch.auth.password) secrets.password = cipher.seal(patch.auth.password, secretAad(row.id, 'password'));
  }
  const scope = patch.scope ?? row.scope;
  return { ...row, scope, data: JSON.stringify(next), secrets: JSON.stringify(secrets), updatedAt: now };
}

export function toProfileView(row: ProfileRow, ownerEmail: string | null): ProfileView {
  const data = parseProfileData(row);
  const secrets = JSON.parse(row.secrets ?? '{}') as SealedSecrets;
  return {
    id: row.id,
    name: data.name,
    scope: row.scope,
    ownerEmail,
    ...(data.fromName !== undefined && { fromName: data.fromName }),
    fromAddress: data.fromAddress,
    ...(data.replyTo !== undefined && { replyTo: data.replyTo }),
    smtp: { ...data.smtp },
    auth: { type: 'password', username: data.auth.username, hasPassword: Boolean(secrets.password) },
    allowOtherSender: data.allowOtherSender,
    allowedSenders: data.allowedSenders,
    bccSelf: data.bccSelf,
    isDefault: data.isDefault,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export function openProfileSecrets(row: ProfileRow, cipher: SecretCipher): OpenedProfile {
  const secrets = JSON.parse(row.secrets ?? '{}') as SealedSecrets;
  return {
    id: row.id,
    scope: row.scope,
    ownerId: row.ownerId,
    data: parseProfileData(row),
    ...(secrets.password && { password: cipher.open(secrets.password, secretAad(row.id, 'password')) }),
  };
}
