/**
 * A sender profile's delivery settings: how large a message may be, how many connections and
 * messages a minute its mailbox takes, and whether a copy goes into the Sent folder over IMAP.
 * Stored beside the profile (`profile_delivery_settings`); the IMAP password, when it differs from
 * the SMTP one, is sealed like the profile's own secrets.
 */
import { z } from 'zod';
import { PROVIDERS, type ProviderPreset } from '../../shared/providers';
import { SMTP_SECURITY, type DeliverySettingsInput, type DeliverySettingsView, type SmtpSecurity } from '../../shared/schemas';
import type { OpenedSaveToSent } from '../imap/sent-folder';
import type { OpenedProfile, ProfileData, SealedSecrets } from '../profiles/profile-record';
import type { SecretCipher } from '../secrets/cipher';
import type { DeliverySettingsRow } from '../store/types';

/**
 * The size limit when nothing else is known: 10 MB after encoding fits about 7.3 MB of attachments
 * and is accepted by every common provider (per their submission documentation).
 * @default 10_000_000
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 10_000_000;

/**
 * Connections per mailbox when neither the profile nor a provider preset says: Microsoft 365 refuses
 * a fourth, and few mailboxes need more for invoices.
 * @default 3
 */
export const DEFAULT_MAX_CONNECTIONS = 3;

export interface SaveToSentData {
  host: string;
  port: number;
  security: SmtpSecurity;
  username?: string;
  folder?: string;
}

/** What `profile_delivery_settings.data` holds. Versioned so later fields can migrate. */
export interface DeliverySettingsData {
  v: 1;
  maxMessageBytes?: number;
  maxConnections?: number;
  messagesPerMinute?: number;
  saveToSent?: SaveToSentData;
}

/** `profile_delivery_settings.data` as the store reads it (relay/store/schema/json-columns.ts). */
export const deliverySettingsDataSchema = z.looseObject({
  v: z.literal(1),
  maxMessageBytes: z.number().optional(),
  maxConnections: z.number().optional(),
  messagesPerMinute: z.number().optional(),
  saveToSent: z.looseObject({ host: z.string(), port: z.number(), security: z.enum(SMTP_SECURITY), username: z.string().optional(), folder: z.string().optional() }).optional(),
}) satisfies z.ZodType<DeliverySettingsData>;

export interface EffectiveDeliveryLimits {
  maxMessageBytes: number;
  maxConnections: number;
  messagesPerMinute?: number;
  serverMaxBytes?: number;
  preset?: string;
}

const imapAad = (profileId: string) => `profile:${profileId}:imapPassword`;

export function defaultImapPort(security: SmtpSecurity): number {
  return security === 'tls' ? 993 : 143;
}

export function parseDeliverySettings(row: DeliverySettingsRow | undefined): DeliverySettingsData {
  return row?.data ?? { v: 1 };
}

/** The provider whose submission server this profile uses, for its documented limits. */
export function presetForSmtpHost(host: string): ProviderPreset | undefined {
  return PROVIDERS.find((preset) => preset.smtp.some((server) => server.host === host));
}

/**
 * The limits delivery really applies. Size: the profile's setting (else 10 MB), never above the
 * provider's documented limit or the SIZE the server announced. Connections and rate: the
 * profile's setting, else the provider preset's, else 3 connections and no rate limit.
 */
export function effectiveDeliveryLimits(profile: ProfileData, row: DeliverySettingsRow | undefined): EffectiveDeliveryLimits {
  const settings = parseDeliverySettings(row);
  const preset = presetForSmtpHost(profile.smtp.host);
  const serverMaxBytes = row?.serverMaxBytes ?? undefined;
  const maxMessageBytes = Math.min(settings.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES, preset?.limits?.maxMessageBytes ?? Infinity, serverMaxBytes ?? Infinity);
  const messagesPerMinute = settings.messagesPerMinute ?? preset?.limits?.messagesPerMinute;
  return {
    maxMessageBytes,
    maxConnections: settings.maxConnections ?? preset?.limits?.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    ...(messagesPerMinute !== undefined ? { messagesPerMinute } : {}),
    ...(serverMaxBytes !== undefined ? { serverMaxBytes } : {}),
    ...(preset ? { preset: preset.id } : {}),
  };
}

/**
 * A PUT replaces the settings. The IMAP password is write-only: a PUT without one keeps the stored
 * password as long as the IMAP server and username stay the same (a password must never follow a
 * changed host to another server).
 */
export function deliverySettingsRowFromInput(
  profileId: string,
  input: DeliverySettingsInput,
  previous: DeliverySettingsRow | undefined,
  cipher: SecretCipher,
  now: number,
): Omit<DeliverySettingsRow, 'serverMaxBytes'> {
  const before = parseDeliverySettings(previous);
  const secrets: SealedSecrets = {};
  const data: DeliverySettingsData = {
    v: 1,
    ...(input.maxMessageBytes !== undefined ? { maxMessageBytes: input.maxMessageBytes } : {}),
    ...(input.maxConnections !== undefined ? { maxConnections: input.maxConnections } : {}),
    ...(input.messagesPerMinute !== undefined ? { messagesPerMinute: input.messagesPerMinute } : {}),
  };
  if (input.saveToSent) {
    const { password, port, ...rest } = input.saveToSent;
    data.saveToSent = { ...rest, port: port || defaultImapPort(rest.security) };
    if (password) secrets.imapPassword = cipher.seal(password, imapAad(profileId));
    // Kept only for the same server and port (issue 14: a stored secret never goes to a new server).
    else if (before.saveToSent && before.saveToSent.host === rest.host && before.saveToSent.port === data.saveToSent.port && before.saveToSent.username === rest.username) {
      const kept = previous?.secrets?.imapPassword;
      if (kept) secrets.imapPassword = kept;
    }
  }
  return { profileId, data, secrets, updatedAt: now };
}

/**
 * IMAP settings for the Sent copy, or undefined when the profile keeps none. Without an IMAP
 * username and password of its own, the SMTP login is used (the same mailbox).
 */
export function openSaveToSent(row: DeliverySettingsRow | undefined, profile: OpenedProfile, cipher: SecretCipher): OpenedSaveToSent | undefined {
  const settings = parseDeliverySettings(row).saveToSent;
  if (!settings) return undefined;
  const sealed = row?.secrets?.imapPassword;
  const password = sealed ? cipher.open(sealed, imapAad(profile.id)) : settings.username ? undefined : profile.password;
  return {
    host: settings.host,
    port: settings.port,
    security: settings.security,
    username: settings.username ?? profile.data.auth.username,
    ...(password !== undefined ? { password } : {}),
    ...(settings.folder ? { folder: settings.folder } : {}),
  };
}

export function toDeliverySettingsView(profileId: string, profile: ProfileData, row: DeliverySettingsRow | undefined): DeliverySettingsView {
  const settings = parseDeliverySettings(row);
  const hasPassword = Boolean(row?.secrets?.imapPassword);
  return {
    profileId,
    ...(settings.maxMessageBytes !== undefined ? { maxMessageBytes: settings.maxMessageBytes } : {}),
    ...(settings.maxConnections !== undefined ? { maxConnections: settings.maxConnections } : {}),
    ...(settings.messagesPerMinute !== undefined ? { messagesPerMinute: settings.messagesPerMinute } : {}),
    ...(settings.saveToSent ? { saveToSent: { ...settings.saveToSent, hasPassword } } : {}),
    effective: effectiveDeliveryLimits(profile, row),
  };
}
