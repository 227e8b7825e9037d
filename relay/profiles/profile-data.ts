/**
 * What a profile row's JSON columns hold, as types and as the schemas the store reads them with
 * (relay/store/schema/json-columns.ts): `profiles.data` (versioned settings), `profiles.secrets`
 * (sealed values by field name) and `profiles.oauth_state` (grant-state.ts). Imports nothing of the
 * store, so the store can import it.
 */
import { z } from 'zod';
import type { ProfileVerification } from '../../shared/diagnosis-schemas';
import { defaultPort } from '../../shared/providers';
import {
  CIPHER_LEVELS,
  OAUTH_FLOWS,
  OAUTH_PROVIDERS,
  SENDER_STYLES,
  SMTP_SECURITY,
  TLS_VERSIONS,
  type CipherLevel,
  type OAuth2AuthInput,
  type SenderStyle,
  type SmtpSecurity,
  type TlsVersion,
} from '../../shared/schemas';

/** Server settings as stored: the port is always filled in. */
export interface StoredSmtpSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  ehloName?: string;
  minTlsVersion: TlsVersion;
  ciphers: CipherLevel;
  /** `security: none` only: the password may go over the unencrypted connection (admin only, issue 14). */
  allowPlaintextAuth?: boolean;
}

/** OAuth2 settings without the client secret (sealed apart); `username` filled in (default: the From address). */
export type StoredOAuth2Auth = OAuth2AuthInput extends infer A ? (A extends unknown ? Omit<A, 'clientSecret' | 'username'> & { username: string } : never) : never;

/** `auth` as stored: everything but the secrets, which are sealed apart by field name. */
export type StoredAuth = { type: 'password'; username: string } | StoredOAuth2Auth;

/**
 * The non-secret settings, as stored in `profiles.data`. Versioned: rows of an older version are
 * upgraded when read (`profileDataSchema`), so nothing needs a data migration.
 */
export interface ProfileData {
  v: 2;
  name: string;
  fromName?: string;
  fromAddress: string;
  replyTo?: string;
  smtp: StoredSmtpSettings;
  auth: StoredAuth;
  allowOtherSender: boolean;
  allowedSenders: string[];
  senderStyle: SenderStyle;
  bccSelf: boolean;
  archiveAddress?: string;
  isDefault: boolean;
  isFallback: boolean;
  sites: string[];
  projects: string[];
  /** How the server settings were accepted (relay/diagnosis/sender-test-service.ts). */
  verification?: ProfileVerification;
}

/** Sealed secrets by field name; each is bound to `profile:<id>:<field>` (see `profileSecretAad`). */
export type SealedSecrets = Record<string, string>;

/** The outcome of a delegated sign-in, kept in `profiles.oauth_state` (grant-state.ts). Versioned: `v`. */
export interface OAuthGrantState {
  v: 1;
  /** `sign_in_again`: refreshing failed with invalid_grant; the refresh token was removed. */
  status: 'signed_in' | 'sign_in_again';
  /** When it changed (epoch ms). Part of the access-token cache key, so a new sign-in never reuses an old token. */
  at: number;
  /** The account that signed in, when the provider said. */
  account?: string;
  problemCode?: 'oauth_invalid_grant';
  /** The provider's words when the sign-in stopped working. */
  detail?: string;
}

const storedAuthSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('password'), username: z.string().optional() }),
  z.looseObject({
    type: z.literal('oauth2'),
    provider: z.enum(OAUTH_PROVIDERS),
    flow: z.enum(OAUTH_FLOWS),
    username: z.string().optional(),
    tenantId: z.string().optional(),
    clientId: z.string().optional(),
  }),
]);

/**
 * `profiles.data` of any version, upgraded to the current one. v1 (walking skeleton) had no TLS
 * options, sender style, fallback, sites or projects. Fields other modules added are kept as they are.
 */
export const profileDataSchema = z
  .looseObject({
    v: z.number().optional(),
    name: z.string(),
    fromAddress: z.string(),
    smtp: z.looseObject({
      host: z.string(),
      port: z.number().optional(),
      security: z.enum(SMTP_SECURITY),
      minTlsVersion: z.enum(TLS_VERSIONS).default('TLSv1.2'),
      ciphers: z.enum(CIPHER_LEVELS).default('default'),
    }),
    auth: storedAuthSchema,
    allowOtherSender: z.boolean().default(false),
    allowedSenders: z.array(z.string()).default([]),
    senderStyle: z.enum(SENDER_STYLES).default('sender_header'),
    bccSelf: z.boolean().default(false),
    isDefault: z.boolean().default(false),
    isFallback: z.boolean().default(false),
    sites: z.array(z.string()).default([]),
    projects: z.array(z.string()).default([]),
  })
  .transform(
    (data) =>
      ({
        ...data,
        v: 2,
        smtp: { ...data.smtp, port: data.smtp.port || defaultPort(data.smtp.security) },
        auth: { ...data.auth, username: data.auth.username || data.fromAddress },
      }) as ProfileData,
  );

export const sealedSecretsSchema = z.record(z.string(), z.string());

/** `profiles.oauth_state`; a state of another version reads as none (the profile says "sign in"). */
export const grantStateSchema = z.object({
  v: z.literal(1),
  status: z.enum(['signed_in', 'sign_in_again']),
  at: z.number(),
  account: z.string().optional(),
  problemCode: z.literal('oauth_invalid_grant').optional(),
  detail: z.string().optional(),
}) satisfies z.ZodType<OAuthGrantState>;
