/**
 * The relay's HTTP contract: every request body is parsed here, once, into a typed value.
 * Shared by the relay (validation at the edge) and the extension (types and background checks).
 */
import type { AttemptView, HealthResponse, MessageView, OAuth2AuthView, PairResponse, ProfileAuthView, ProfileView, SendAcceptedView, SubmittingApp, UserView } from './api-schemas';
import { z } from 'zod';
import { parseAddress, parseMailbox, type Mailbox } from './address';
import { CONTROL_OR_LINE_SEPARATOR } from './control-characters';
import { DOCUMENT_KINDS } from './document-kinds';
import { parseSenderPattern } from './sender-patterns';
import { normaliseProjectName, parseSitePattern } from './site-patterns';

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

/**
 * One line of header text: no CR, LF or other control characters (header injection, CVE-2021-23400),
 * including C1 controls and the Unicode line and paragraph separators.
 */
const zHeaderText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL_OR_LINE_SEPARATOR.test(s), { message: 'must be a single line without control characters' });

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/** Lowest TLS version a profile accepts. Below TLSv1.2 only together with the `compatible` cipher level. */
export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/**
 * Cipher level (relay/profiles/server-options.ts maps it to Node's TLS options):
 * `default` is Node's own list; `strong` only forward-secret AEAD ciphers (TLS 1.2+);
 * `compatible` also the old ones an outdated server may need (OpenSSL security level 0). The certificate
 * is verified at every level.
 */
export const CIPHER_LEVELS = ['default', 'strong', 'compatible'] as const;
export type CipherLevel = (typeof CIPHER_LEVELS)[number];

/**
 * Host as people type it: `smtp.example.com`, `tls://smtp.example.com`, `ssl://smtp.example.com/`.
 * Normalised to a lower-case host name or IP literal.
 */
export const zSmtpHost = z
  .string()
  .trim()
  .transform((s) =>
    s
      .replace(/^(?:tls|ssl|smtps?):\/\//i, '')
      .replace(/\/+$/, '')
      .toLowerCase(),
  )
  .pipe(
    z
      .string()
      .min(1, 'the server name is empty')
      .max(253)
      .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^\d{1,3}(?:\.\d{1,3}){3}$/, {
        message: 'not a valid server name (for example smtp.example.com)',
      }),
  );

/**
 * Whether a TLS version / cipher level pair can work at all. OpenSSL 3 refuses TLS 1.0 and 1.1 at every
 * security level above 0, so asking for them without `compatible` would fail on every connection: refuse
 * the setting instead (fail loudly on impossible configuration).
 */
export function tlsSettingsProblem(smtp: { minTlsVersion: TlsVersion; ciphers: CipherLevel }): string | undefined {
  if (TLS_VERSIONS.indexOf(smtp.minTlsVersion) < TLS_VERSIONS.indexOf('TLSv1.2') && smtp.ciphers !== 'compatible') {
    return `minTlsVersion ${smtp.minTlsVersion} works only with ciphers "compatible" (TLS 1.0 and 1.1 are disabled otherwise)`;
  }
  return undefined;
}

/** Keys people copy from other mailers' docs; there is deliberately no way to skip certificate checks. */
const INSECURE_TLS_KEYS = ['rejectUnauthorized', 'tls', 'insecure', 'ignoreTLS', 'allowInsecure'];

const smtpObjectOptions = {
  error: (issue: { code?: string; keys?: string[] }) => {
    if (issue.code !== 'unrecognized_keys') return undefined;
    const keys = issue.keys ?? [];
    return keys.some((k) => INSECURE_TLS_KEYS.includes(k))
      ? `unknown setting ${keys.join(', ')}: certificates are always verified (trust an internal CA with NODE_EXTRA_CA_CERTS)`
      : `unknown setting ${keys.join(', ')}`;
  },
};

const zEhloName = zHeaderText(253).regex(/^[A-Za-z0-9.\-[\]:]+$/, { message: 'an EHLO name is a host name or an address literal such as [192.0.2.1]' });

/**
 * Splits what people type into the host field: a scheme (`tls://`, `ssl://`, `smtps://`, `smtp://`) and a
 * trailing `/` are dropped, a `:port` suffix becomes the port. Contradictions are issues, not guesses.
 */
function normaliseSmtpEndpoint<T extends { host?: string; port?: number }>(value: T, ctx: z.RefinementCtx): T {
  if (value.host === undefined) return value;
  const bare = value.host
    .trim()
    .replace(/^(?:tls|ssl|smtps?):\/\//i, '')
    .replace(/\/+$/, '');
  const withPort = /^([^:]+):(\d{1,5})$/.exec(bare);
  const host = zSmtpHost.safeParse(withPort ? withPort[1]! : bare);
  if (!host.success) {
    for (const issue of host.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['host'] });
    return value;
  }
  let port = value.port;
  if (withPort) {
    const typed = Number(withPort[2]);
    if (typed < 1 || typed > 65535) ctx.addIssue({ code: 'custom', message: `${typed} is not a TCP port`, path: ['host'] });
    else if (port && port !== typed) ctx.addIssue({ code: 'custom', message: `the server name says port ${typed} but port is ${port}`, path: ['port'] });
    else port = typed;
  }
  return { ...value, host: host.data, ...(port !== undefined ? { port } : {}) };
}

export const zSmtpSettings = z
  .strictObject(
    {
      host: z.string().max(300),
      /** Absent or 0: the usual port for the security mode (465 tls, 587 starttls, 25 none). */
      port: z.number().int().min(0).max(65535).optional(),
      security: z.enum(SMTP_SECURITY),
      /** EHLO name; defaults to the relay machine's host name. */
      ehloName: zEhloName.optional(),
      minTlsVersion: z.enum(TLS_VERSIONS).default('TLSv1.2'),
      ciphers: z.enum(CIPHER_LEVELS).default('default'),
      /**
       * With `security: "none"`: sign in (send the password) over the unencrypted connection. Off by
       * default: without it a `none` profile never sends AUTH, and anyone on the path could read the
       * password otherwise. Only an admin may turn it on (issue 14). Ignored with TLS.
       * @default false
       */
      allowPlaintextAuth: z.boolean().optional(),
    },
    smtpObjectOptions,
  )
  .transform((value, ctx) => {
    const problem = tlsSettingsProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['minTlsVersion'] });
    return normaliseSmtpEndpoint(value, ctx);
  });
export type SmtpSettingsInput = z.output<typeof zSmtpSettings>;

/**
 * PATCH of the server settings: only the fields given change (`ehloName: null` removes it). The combined
 * result is checked again when it is applied (relay/profiles/profile-record.ts).
 */
export const zSmtpSettingsPatch = z
  .strictObject(
    {
      host: z.string().max(300).optional(),
      port: z.number().int().min(0).max(65535).optional(),
      security: z.enum(SMTP_SECURITY).optional(),
      ehloName: zEhloName.nullable().optional(),
      minTlsVersion: z.enum(TLS_VERSIONS).optional(),
      ciphers: z.enum(CIPHER_LEVELS).optional(),
      allowPlaintextAuth: z.boolean().optional(),
    },
    smtpObjectOptions,
  )
  .transform((value, ctx) => normaliseSmtpEndpoint(value, ctx));
export type SmtpSettingsPatch = z.output<typeof zSmtpSettingsPatch>;

export const zPasswordAuth = z.strictObject({
  type: z.literal('password'),
  username: zHeaderText(320).min(1),
  /** Write-only: accepted here, never returned. */
  password: z.string().min(1).max(1024).optional(),
});

// ------------------------------------------------------------------------------------------------
// OAuth2 sign-in (issue 8): Microsoft app-only (client credentials), Microsoft delegated (device
// code) and Google delegated (authorization code). See relay/oauth/ and README "Microsoft 365 and Google".

export const OAUTH_PROVIDERS = ['microsoft', 'google'] as const;
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];
export const OAUTH_FLOWS = ['client_credentials', 'device_code', 'authorization_code'] as const;
export type OAuthFlow = (typeof OAUTH_FLOWS)[number];

const TENANT_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TENANT_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** Tenants that name an audience rather than one organization; delegated sign-in only. */
const MULTI_TENANT_NAMES = ['common', 'organizations', 'consumers'];

/**
 * A Microsoft Entra tenant: its Directory (tenant) ID or one of its domains. It becomes part of the
 * token endpoint's path, so nothing else passes (no slashes, no dots-only tricks).
 */
const zTenant = (allowMultiTenant: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((s) => TENANT_GUID.test(s) || TENANT_DOMAIN.test(s) || (allowMultiTenant && MULTI_TENANT_NAMES.includes(s)), {
      message: allowMultiTenant
        ? 'a tenant is a Directory (tenant) ID, a domain such as firma.onmicrosoft.com, or common / organizations / consumers'
        : 'app-only sign-in needs the Directory (tenant) ID or a domain such as firma.onmicrosoft.com (not common or organizations)',
    });

/** Microsoft: the Application (client) ID, a GUID; Google: `<number>-<id>.apps.googleusercontent.com`. */
const zClientId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, { message: 'not a client ID (Microsoft: a GUID; Google: …apps.googleusercontent.com)' });
/** Write-only: accepted here, never returned (the view says `hasClientSecret`). */
const zClientSecret = z.string().min(1).max(1024);
/** The mailbox XOAUTH2 signs in as (`user=`); absent: the profile's From address. */
const zOAuthUsername = zHeaderText(320).min(1);

/** `requireSecret`: creating an app-only profile needs its client secret; a PATCH may keep the stored one. */
const oauth2AuthSchema = (requireSecret: boolean) =>
  z.discriminatedUnion('flow', [
    z.strictObject({
      type: z.literal('oauth2'),
      provider: z.literal('microsoft'),
      /** App-only: the relay signs in as the app registration, with SMTP.SendAsApp; nobody signs in. */
      flow: z.literal('client_credentials'),
      tenantId: zTenant(false),
      clientId: zClientId,
      clientSecret: requireSecret ? zClientSecret : zClientSecret.optional(),
      /**
       * When the client secret expires (`YYYY-MM-DD`, as Microsoft Entra shows it under "Certificates &
       * secrets"): admins are reminded 30 and 7 days before. A new secret without a date forgets the old date.
       */
      clientSecretExpiresAt: z.iso.date().optional(),
      username: zOAuthUsername.optional(),
    }),
    z.strictObject({
      type: z.literal('oauth2'),
      provider: z.literal('microsoft'),
      /** Delegated: the mailbox owner signs in once with a code at microsoft.com/devicelogin. */
      flow: z.literal('device_code'),
      tenantId: zTenant(true).default('common'),
      /** Absent: the relay's OWNPOST_MS_CLIENT_ID. */
      clientId: zClientId.optional(),
      username: zOAuthUsername.optional(),
    }),
    z.strictObject({
      type: z.literal('oauth2'),
      provider: z.literal('google'),
      /** Delegated: the mailbox owner signs in in a browser window the extension opens. */
      flow: z.literal('authorization_code'),
      /** Absent: the relay's OWNPOST_GOOGLE_CLIENT_ID and OWNPOST_GOOGLE_CLIENT_SECRET. */
      clientId: zClientId.optional(),
      clientSecret: zClientSecret.optional(),
      username: zOAuthUsername.optional(),
    }),
  ]);

export const zOAuth2Auth = oauth2AuthSchema(false);
export type OAuth2AuthInput = z.infer<typeof zOAuth2Auth>;

/** A profile's `auth`: a password, or OAuth2. A PATCH may leave secrets out to keep the stored ones. */
export const zProfileAuth = z.discriminatedUnion('type', [zPasswordAuth, zOAuth2Auth]);
/** `auth` of a new profile: as `zProfileAuth`, but an app-only profile must bring its client secret. */
export const zNewProfileAuth = z.discriminatedUnion('type', [zPasswordAuth, oauth2AuthSchema(true)]);
export type ProfileAuthInput = z.infer<typeof zProfileAuth>;

/**
 * Whether an OAuth2 profile can send:
 * `ready` (app-only with its secret, or signed in); `sign_in_required` (delegated, nobody signed in yet);
 * `sign_in_again` (the saved sign-in stopped working, problem `oauth_invalid_grant`: expired, revoked,
 * password changed); `client_secret_missing` (app-only without a client secret).
 */
export type OAuthAuthStatus = 'ready' | 'sign_in_required' | 'sign_in_again' | 'client_secret_missing';

export const PROFILE_SCOPES = ['personal', 'company'] as const;

/**
 * How a message says that its From is not the mailbox that sends it (RFC 5322 §3.6.2):
 * `sender_header` adds `Sender: <mailbox>` (Outlook shows "on behalf of"); `send_as` leaves it out, for
 * mailboxes that hold a send-as right for the other address (Exchange "Send As", Gmail aliases).
 */
export const SENDER_STYLES = ['sender_header', 'send_as'] as const;
export type SenderStyle = (typeof SENDER_STYLES)[number];

/** An allowed sender: `anna@firma.se` or `@firma.se` (shared/sender-patterns.ts), normalised. */
export const zSenderPattern = z
  .string()
  .max(320)
  .transform((input, ctx) => {
    const parsed = parseSenderPattern(input);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.text;
  });

/** A site pattern: `app.example.com`, `*.example.com` or a URL prefix (shared/site-patterns.ts), normalised. */
export const zSitePattern = z
  .string()
  .max(2048)
  .transform((input, ctx) => {
    const parsed = parseSitePattern(input);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.text;
  });

/** A list whose entries are normalised first and then kept once each (first spelling wins). */
const zUniqueList = (item: z.ZodType<string, string>, max: number, key: (s: string) => string = (s) => s.toLowerCase()) =>
  z
    .array(item)
    .max(max)
    .transform((list) => {
      const seen = new Set<string>();
      return list.filter((entry) => !seen.has(key(entry)) && seen.add(key(entry)));
    });

const profileFields = {
  name: zHeaderText(100).min(1),
  scope: z.enum(PROFILE_SCOPES),
  fromName: zHeaderText(200),
  fromAddress: zAddress,
  replyTo: zAddress,
  smtp: zSmtpSettings,
  auth: zProfileAuth,
  /** Messages may name another From, but only one of `allowedSenders`. */
  allowOtherSender: z.boolean(),
  allowedSenders: zUniqueList(zSenderPattern, 100),
  senderStyle: z.enum(SENDER_STYLES),
  /**
   * A blind copy of every message to the person who sends (only in the envelope, never in a header): the
   * From address on a personal sender, the sending person's own address on a company sender.
   */
  bccSelf: z.boolean(),
  /** An archive mailbox that gets a blind copy of every message of this sender (envelope only). */
  archiveAddress: zAddress,
  /** The user's (personal) or the company's (company) default sender; one per owner and scope. */
  isDefault: z.boolean(),
  /** Company only: used instead of a failing profile, and the message says so. One per relay. */
  isFallback: z.boolean(),
  /** Pages this sender is for: `app.example.com`, `*.example.com`, `https://app.example.com/brand-b/`. */
  sites: zUniqueList(zSitePattern, 100),
  /** Projects or brands this sender is for, matched with the message's `context.project`. */
  projects: zUniqueList(zHeaderText(200).trim().min(1), 100, normaliseProjectName),
};

/** Every field of a sender profile as it is set, once: input, patch and view are derived from it. */
export const zProfileFields = z.object(profileFields);

export const zProfileInput = z.strictObject({
  ...profileFields,
  scope: profileFields.scope.default('personal'),
  auth: zNewProfileAuth,
  fromName: profileFields.fromName.optional(),
  replyTo: profileFields.replyTo.optional(),
  archiveAddress: profileFields.archiveAddress.optional(),
  allowOtherSender: profileFields.allowOtherSender.default(false),
  allowedSenders: profileFields.allowedSenders.default([]),
  senderStyle: profileFields.senderStyle.default('sender_header'),
  bccSelf: profileFields.bccSelf.default(false),
  isDefault: profileFields.isDefault.default(false),
  isFallback: profileFields.isFallback.default(false),
  sites: profileFields.sites.default([]),
  projects: profileFields.projects.default([]),
  /** An admin saves settings whose test did not pass (recorded on the profile as `verification: forced`). */
  force: z.boolean().optional(),
  /**
   * Admins only: set up a personal sender for another person of this relay (their e-mail), who then owns
   * it as if they had added it themselves. A member who names anyone is refused (403).
   */
  ownerEmail: zAddress.optional(),
});
export type ProfileInput = z.infer<typeof zProfileInput>;

/**
 * PATCH: every field optional and without defaults, so an absent field keeps its stored value;
 * `fromName: null`, `replyTo: null` and `archiveAddress: null` remove them; `smtp` changes only the fields it names.
 */
export const zProfilePatch = z
  .strictObject({
    ...profileFields,
    fromName: profileFields.fromName.nullable(),
    replyTo: profileFields.replyTo.nullable(),
    archiveAddress: profileFields.archiveAddress.nullable(),
    smtp: zSmtpSettingsPatch,
    force: z.boolean(),
  })
  .partial();
export type ProfilePatch = z.infer<typeof zProfilePatch>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Unicode bidirectional controls and invisible formatting characters: `Faktura\u202Efdp.exe` shows as
 * "Fakturaexe.pdf" (Trojan Source, CVE-2021-42574, for file names). Removed from file names.
 */

const INVISIBLE_FORMAT_CHARACTERS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * An attachment's file name as it goes into the message: bidirectional controls and invisible
 * characters removed, path separators replaced (`../../x.pdf` → `.._.._x.pdf`), so that no mail
 * program shows another extension than the real one or saves the file outside its folder.
 */
export function cleanFileName(name: string): string {
  return name
    .replace(INVISIBLE_FORMAT_CHARACTERS, '')
    .replace(/[\\/]+/g, '_')
    .trim();
}

/**
 * The attachment types the relay sends: documents and their machine-readable forms (PDF, e-invoice
 * XML, spreadsheets, office files, images, archives). Not HTML, scripts, SVG or executables: a
 * page cannot make the relay mail those in the user's name.
 */
export const ATTACHMENT_CONTENT_TYPES: readonly string[] = Object.freeze([
  'application/pdf',
  'application/xml',
  'text/xml',
  'text/plain',
  'text/csv',
  'application/json',
  'application/zip',
  'application/octet-stream',
  'application/edifact',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'message/rfc822',
]);

export const zAttachment = z.strictObject({
  filename: zHeaderText(255)
    .transform(cleanFileName)
    .refine((s) => s.length > 0, { message: 'the file name is empty' }),
  contentType: z
    .string()
    .max(127)
    .transform((s) => s.toLowerCase())
    .refine((s) => ATTACHMENT_CONTENT_TYPES.includes(s), { message: `not an attachment type the relay sends (allowed: ${ATTACHMENT_CONTENT_TYPES.join(', ')})` }),
  contentBase64: z.string().refine((s) => s.length % 4 === 0 && BASE64.test(s), { message: 'not base64' }),
});
export type AttachmentInput = z.infer<typeof zAttachment>;

/**
 * One business document (an invoice, a reminder, a delivery note) with the files that belong to it.
 * A send too large for the mailbox is split between documents, never inside one.
 */
export const zDocument = z.strictObject({
  ref: zHeaderText(200).min(1),
  title: zHeaderText(200).optional(),
  attachments: z.array(zAttachment).min(1, 'a document needs at least one file').max(20),
});
export type DocumentInput = z.infer<typeof zDocument>;

/** At most this many files in one send, across `attachments` and every document. */
export const MAX_FILES_PER_SEND = 100;

/** At most this many blind copies in one send; the profile's own copies (bccSelf, archive) come on top. */
export const MAX_BCC_PER_SEND = 20;

/**
 * Strict: a field the relay does not know (`html`, a misspelt `attachements`) is refused with 400
 * naming it, never silently dropped, so a caller cannot believe something was sent that was not.
 */
export const zMessageInput = z
  .strictObject({
    profileId: z.string().min(1).max(64).optional(),
    to: z.array(zMailbox).min(1, 'add at least one recipient').max(50),
    cc: z.array(zMailbox).max(50).default([]),
    /**
     * Blind copies: bare addresses (no display names, nobody sees them), each once. They go into the SMTP
     * envelope only; no header of the message names them.
     */
    bcc: zUniqueList(zAddress, MAX_BCC_PER_SEND).default([]),
    /**
     * Send as another From than the profile's (`"Bo Ek" <bo@firma.se>`): only when the profile allows other
     * senders and lists this one (403 `sender_not_allowed` otherwise). Absent: the profile's From.
     */
    from: zMailbox.optional(),
    /** Only the user's own address or one the profile allows (403 `reply_to_not_allowed`). */
    replyTo: zAddress.optional(),
    subject: zHeaderText(998).min(1, 'the subject is empty'),
    text: z.string().max(1_000_000).default(''),
    attachments: z.array(zAttachment).max(20).default([]),
    /**
     * Several documents in one send (each with its files). Optional: a send with plain `attachments`
     * only is one document. Plain attachments travel with the first message when a send is split.
     */
    documents: z
      .array(zDocument)
      .max(50)
      .default([])
      .refine((docs) => new Set(docs.map((d) => d.ref)).size === docs.length, { message: 'each document needs its own ref' }),
    context: z
      .strictObject({
        documentRef: zHeaderText(200).optional(),
        pageUrl: z.string().url().max(2048).optional(),
        /** The project or brand the document belongs to; picks a profile that lists it in `projects`. */
        project: zHeaderText(200).optional(),
        /** What the page showed (invoice, quote, …), as the extension read it. Accepted, not stored yet (issue 16). */
        documentKind: z.enum(DOCUMENT_KINDS).optional(),
      })
      .default({}),
  })
  .refine((m) => m.attachments.length + m.documents.reduce((n, d) => n + d.attachments.length, 0) <= MAX_FILES_PER_SEND, {
    message: `at most ${MAX_FILES_PER_SEND} files in one send`,
    path: ['documents'],
  });
export type MessageInput = z.infer<typeof zMessageInput>;

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'deferred', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const ATTEMPT_OUTCOMES = ['sent', 'deferred', 'failed', 'released', 'interrupted'] as const;

export const SENT_COPY_STATUSES = ['pending', 'saved', 'failed'] as const;

export const MESSAGE_SOURCES = ['api', 'smtp'] as const;
export type MessageSource = (typeof MESSAGE_SOURCES)[number];

export const IMAP_SECURITY = SMTP_SECURITY;

/**
 * Where and how to put a copy of every sent message into the mailbox's Sent folder (IMAP APPEND).
 * Without a username and password the SMTP credentials are used, which is what most mailboxes want.
 */
export const zSaveToSent = z.strictObject({
  host: zSmtpHost,
  /** Absent or 0: 993 for tls, 143 for starttls and none. */
  port: z.number().int().min(0).max(65535).optional(),
  security: z.enum(IMAP_SECURITY),
  username: zHeaderText(320).min(1).optional(),
  /** Write-only: accepted here, never returned. */
  password: z.string().min(1).max(1024).optional(),
  /** Absent: the folder the server marks as Sent (RFC 6154), else "Sent". */
  folder: zHeaderText(200).min(1).optional(),
});

/**
 * A profile's delivery settings (`PUT /v1/profiles/:id/delivery`). Absent fields use the defaults:
 * the provider preset's limits when the SMTP host is a known provider's, else 10 MB and no limits.
 */
export const zDeliverySettings = z.strictObject({
  /** Largest message after encoding; the server's EHLO SIZE wins when it is smaller. @default 10_000_000 */
  maxMessageBytes: z.number().int().min(50_000).max(200_000_000).optional(),
  /** Concurrent SMTP connections to this mailbox (Microsoft 365 refuses a fourth). */
  maxConnections: z.number().int().min(1).max(20).optional(),
  messagesPerMinute: z.number().int().min(1).max(10_000).optional(),
  /** `null` switches the Sent copy off. Changed IMAP settings are tested before they are saved. */
  saveToSent: zSaveToSent.nullable().optional(),
  /** Admins: save Sent-folder settings whose test did not pass. */
  force: z.boolean().optional(),
});
export type DeliverySettingsInput = z.infer<typeof zDeliverySettings>;

/** `GET|PUT /v1/profiles/:id/delivery`: the settings as set (the Sent folder's password never), and what applies. */
export const zDeliverySettingsView = z.strictObject({
  profileId: z.string(),
  maxMessageBytes: z.number().int().optional(),
  maxConnections: z.number().int().optional(),
  messagesPerMinute: z.number().int().optional(),
  saveToSent: zSaveToSent.omit({ password: true }).extend({ port: z.number().int(), hasPassword: z.boolean() }).strict().optional(),
  /** What delivery really uses, after defaults, presets and the server's SIZE. */
  effective: z.strictObject({
    maxMessageBytes: z.number().int(),
    maxConnections: z.number().int(),
    messagesPerMinute: z.number().int().optional(),
    serverMaxBytes: z.number().int().optional(),
    preset: z.string().optional(),
  }),
});
export type DeliverySettingsView = z.output<typeof zDeliverySettingsView>;

export const zPairRequest = z.object({
  code: z.string().trim().min(4).max(32),
  device: zHeaderText(100).default('browser'),
  /** Only with a setup code (a relay without users): the address of the admin that pairing creates. */
  email: zAddress.optional(),
  /** Only with a setup code: the admin's name. */
  name: zHeaderText(100).trim().min(1).optional(),
});

/**
 * The views the API answers with are declared once, as `z.infer` of their schemas in
 * shared/api-schemas.ts; they are named here too for the code that has always imported them from here.
 */
export type { AttemptView, HealthResponse, MessageView, OAuth2AuthView, PairResponse, ProfileAuthView, ProfileView, SendAcceptedView, SubmittingApp, UserView };
