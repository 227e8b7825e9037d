/**
 * The relay's HTTP contract: every request body is parsed here, once, into a typed value.
 * Shared by the relay (validation at the edge) and the extension (types and background checks).
 */
import { z } from 'zod';
import { parseAddress, parseMailbox, type Mailbox } from './address';

/** A bare e-mail address, strictly parsed (see shared/address.ts), as its normalised string. */
export const zAddress = z.string().transform((input, ctx) => {
  const result = parseAddress(input);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message, params: { code: result.code } });
    return z.NEVER;
  }
  return result.value.address;
});

/** A mailbox with an optional display name (`Anna Berg <anna@firma.se>`), as `{name, address}`. */
export const zMailbox = z.string().transform((input, ctx): Mailbox => {
  const result = parseMailbox(input);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message, params: { code: result.code } });
    return z.NEVER;
  }
  return result.value;
});

/** One line of header text: no CR, LF or other control characters (header injection). */
const zHeaderText = (max: number) =>
  z
    .string()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must be a single line without control characters' });

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/**
 * Host as people type it: `smtp.example.com`, `tls://smtp.example.com`, `ssl://smtp.example.com/`.
 * Normalised to a lower-case host name or IP literal.
 */
export const zSmtpHost = z
  .string()
  .trim()
  .transform((s) => s.replace(/^(?:tls|ssl|smtps?):\/\//i, '').replace(/\/+$/, '').toLowerCase())
  .pipe(
    z
      .string()
      .min(1, 'the server name is empty')
      .max(253)
      .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^\d{1,3}(?:\.\d{1,3}){3}$/, {
        message: 'not a valid server name (for example smtp.example.com)',
      }),
  );

export const zSmtpSettings = z.object({
  host: zSmtpHost,
  /** Absent or 0: the usual port for the security mode (465 tls, 587 starttls, 25 none). */
  port: z.number().int().min(0).max(65535).optional(),
  security: z.enum(SMTP_SECURITY),
  /** EHLO name; defaults to the relay machine's host name. */
  ehloName: zHeaderText(253).regex(/^[A-Za-z0-9.\-[\]:]+$/).optional(),
});

export const zPasswordAuth = z.object({
  type: z.literal('password'),
  username: zHeaderText(320).min(1),
  /** Write-only: accepted here, never returned. */
  password: z.string().min(1).max(1024).optional(),
});

export const PROFILE_SCOPES = ['personal', 'company'] as const;

const profileFields = {
  name: zHeaderText(100).min(1),
  scope: z.enum(PROFILE_SCOPES),
  fromName: zHeaderText(200),
  fromAddress: zAddress,
  replyTo: zAddress,
  smtp: zSmtpSettings,
  auth: zPasswordAuth,
  allowOtherSender: z.boolean(),
  allowedSenders: z.array(z.string().max(320)).max(100),
  bccSelf: z.boolean(),
  isDefault: z.boolean(),
};

export const zProfileInput = z.object({
  ...profileFields,
  scope: profileFields.scope.default('personal'),
  fromName: profileFields.fromName.optional(),
  replyTo: profileFields.replyTo.optional(),
  allowOtherSender: profileFields.allowOtherSender.default(false),
  allowedSenders: profileFields.allowedSenders.default([]),
  bccSelf: profileFields.bccSelf.default(false),
  isDefault: profileFields.isDefault.default(false),
});
export type ProfileInput = z.infer<typeof zProfileInput>;

/** PATCH: every field optional and without defaults, so an absent field keeps its stored value. */
export const zProfilePatch = z.object(profileFields).partial();
export type ProfilePatch = z.infer<typeof zProfilePatch>;

/** A profile as the API shows it: secrets replaced by `hasPassword`. */
export interface ProfileView {
  id: string;
  name: string;
  scope: 'personal' | 'company';
  ownerEmail: string | null;
  fromName?: string;
  fromAddress: string;
  replyTo?: string;
  smtp: { host: string; port: number; security: SmtpSecurity; ehloName?: string };
  auth: { type: 'password'; username: string; hasPassword: boolean };
  allowOtherSender: boolean;
  allowedSenders: string[];
  bccSelf: boolean;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const zAttachment = z.object({
  filename: zHeaderText(255)
    .min(1)
    .refine((s) => !/[\\/]/.test(s), { message: 'a file name must not contain a path' }),
  contentType: z
    .string()
    .max(127)
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, { message: 'not a MIME type' }),
  contentBase64: z.string().refine((s) => s.length % 4 === 0 && BASE64.test(s), { message: 'not base64' }),
});
export type AttachmentInput = z.infer<typeof zAttachment>;

export const zMessageInput = z.object({
  profileId: z.string().min(1).max(64).optional(),
  to: z.array(zMailbox).min(1, 'add at least one recipient').max(50),
  cc: z.array(zMailbox).max(50).default([]),
  replyTo: zAddress.optional(),
  subject: zHeaderText(998).min(1, 'the subject is empty'),
  text: z.string().max(1_000_000).default(''),
  attachments: z.array(zAttachment).max(20).default([]),
  context: z
    .object({
      documentRef: zHeaderText(200).optional(),
      pageUrl: z.string().url().max(2048).optional(),
    })
    .default({}),
});
export type MessageInput = z.infer<typeof zMessageInput>;

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'deferred', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface MessageView {
  id: string;
  status: MessageStatus;
  profileId: string;
  messageId: string;
  to: string[];
  subject: string;
  documentRef?: string;
  attempts: number;
  lastReply?: string;
  nextAttemptAt?: string;
  problem?: { code: string; title: string; explanation: string; fix: string };
  createdAt: string;
  sentAt?: string;
}

export const zPairRequest = z.object({
  code: z.string().trim().min(4).max(32),
  device: zHeaderText(100).default('browser'),
});

export interface UserView {
  id: string;
  email: string;
  name?: string;
  role: 'admin' | 'member';
}

export interface PairResponse {
  token: string;
  user: UserView;
}

export interface HealthResponse {
  status: 'ok';
  version: string;
}
