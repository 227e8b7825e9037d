/**
 * Zod schemas of the relay's answers (and of the requests added with the sender rules and discovery),
 * so that `/openapi.json` is generated from code rather than written by hand. The request schemas of
 * the original API stay in shared/schemas.ts.
 *
 * The answers of profiles, users, discovery and errors are strict objects: test/relay/openapi.test.ts
 * parses real answers with them, so a field the documentation does not know fails a test. Message views
 * belong to delivery, which still grows them; they are documented with the fields known today and
 * allow more.
 */
import { z } from 'zod';
import type { KnownFields } from './api/route-contract';
import { CONTROL_OR_LINE_SEPARATOR } from './control-characters';
import { ERROR_STATUS, type ErrorCode } from './errors';
import {
  ATTEMPT_OUTCOMES,
  CIPHER_LEVELS,
  MESSAGE_SOURCES,
  MESSAGE_STATUSES,
  OAUTH_FLOWS,
  OAUTH_PROVIDERS,
  SENT_COPY_STATUSES,
  SMTP_SECURITY,
  TLS_VERSIONS,
  type OAuthAuthStatus,
  zAddress,
  zProfileFields,
  zSenderPattern,
} from './schemas';

// ------------------------------------------------------------------------------------------- requests

/** `PATCH /v1/users/:id` (admins): what a member may send from beyond their own address. */
export const zUserPatch = z.strictObject({
  /** Addresses (`bo@firma.se`) and domains (`@firma.se`); replaces the list. */
  allowedSenders: z.array(zSenderPattern).max(100).optional(),
});
export type UserPatch = z.infer<typeof zUserPatch>;

/** `GET /v1/discover?email=`. */
export const zDiscoverQuery = z.object({
  email: zAddress.meta({ description: 'The address to find server settings for.', examples: ['anna@firma.se'] }),
});

// ------------------------------------------------------------------------------------------- answers

const isoDate = () => z.string().meta({ format: 'date-time' });

export const zUserView = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string().optional(),
  role: z.enum(['admin', 'member']),
});
export type UserView = z.infer<typeof zUserView>;

/**
 * Something an admin must act on before it breaks sending: a Microsoft 365 app-only client secret that
 * expires within 30 days (`days_30`), within 7 (`days_7`) or has expired (`expired`).
 */
export const zClientSecretReminder = z.strictObject({
  kind: z.literal('client_secret_expiry'),
  profileId: z.string(),
  profileName: z.string(),
  /** `YYYY-MM-DD`, as the admin entered it. */
  expiresAt: z.string(),
  /** Whole days left (UTC): 0 on the day it expires, negative afterwards. */
  daysLeft: z.number().int(),
  stage: z.enum(['days_30', 'days_7', 'expired']),
});
export type ClientSecretReminder = z.infer<typeof zClientSecretReminder>;

/** `GET /v1/me`: the user, and for admins the reminders that need them. */
export const zMeView = zUserView.extend({
  /** Admins only (absent for members): senders whose client secret expires soon or has expired, soonest first. */
  reminders: z.array(zClientSecretReminder).optional(),
});
export type MeView = z.infer<typeof zMeView>;

export const zUserWithAllowancesView = zUserView.extend({
  /** Addresses and @domains an admin allowed this member to send from, beyond their own. */
  allowedSenders: z.array(z.string()),
});
export type UserWithAllowancesView = z.infer<typeof zUserWithAllowancesView>;

/** A sender profile as the API shows it: the fields as set (`zProfileFields`), secrets replaced by has… flags. */
export const zProfileView = zProfileFields
  .pick({ name: true, scope: true, fromAddress: true, allowOtherSender: true, allowedSenders: true, senderStyle: true, bccSelf: true, isDefault: true, isFallback: true, sites: true, projects: true })
  .extend({
    id: z.string(),
    ownerEmail: z.string().nullable(),
    fromName: z.string().optional(),
    replyTo: z.string().optional(),
    smtp: z.strictObject({
      host: z.string(),
      port: z.number().int(),
      security: z.enum(SMTP_SECURITY),
      ehloName: z.string().optional(),
      minTlsVersion: z.enum(TLS_VERSIONS),
      ciphers: z.enum(CIPHER_LEVELS),
      /** `security: none` only: the password goes over the unencrypted connection (set by an admin). */
      allowPlaintextAuth: z.boolean().optional(),
    }),
    auth: z.union([
      z.strictObject({
        type: z.literal('password'),
        username: z.string(),
        /** The password itself is never returned. */
        hasPassword: z.boolean(),
      }),
      // OAuth2 sign-in (issue 8): secrets appear only as has… flags.
      z.strictObject({
        type: z.literal('oauth2'),
        provider: z.enum(OAUTH_PROVIDERS),
        flow: z.enum(OAUTH_FLOWS),
        tenantId: z.string().optional(),
        clientId: z.string().optional(),
        username: z.string(),
        hasClientSecret: z.boolean(),
        hasRefreshToken: z.boolean(),
        /**
         * `ready` (app-only with its secret, or signed in); `sign_in_required` (delegated, nobody signed in yet);
         * `sign_in_again` (the saved sign-in stopped working: expired, revoked, password changed);
         * `client_secret_missing` (app-only without a client secret).
         */
        status: z.enum(['ready', 'sign_in_required', 'sign_in_again', 'client_secret_missing'] as const satisfies readonly OAuthAuthStatus[]),
        /** With `sign_in_again`: the catalogue problem that explains it. */
        problemCode: z.literal('oauth_invalid_grant').optional(),
        /** The account that signed in (delegated), when the provider said. */
        account: z.string().optional(),
        signedInAt: isoDate().optional(),
        /** App-only: when the client secret expires (`YYYY-MM-DD`); admins are reminded 30 and 7 days before. */
        clientSecretExpiresAt: z.string().optional(),
      }),
    ]),
    /** Gets a blind copy of every message of this sender. */
    archiveAddress: z.string().optional(),
    /** How the saved settings were checked (issue 4): a passing test, or an admin's `force`. */
    verification: z.strictObject({ status: z.enum(['passed', 'forced']), at: isoDate(), by: z.string() }).optional(),
    createdAt: isoDate(),
    updatedAt: isoDate(),
  })
  .strict();
/** A profile as the API shows it: secrets replaced by `hasPassword`, `hasClientSecret`, `hasRefreshToken`. */
export type ProfileView = z.infer<typeof zProfileView>;
export type ProfileAuthView = ProfileView['auth'];
/** An OAuth2 profile's `auth` as the API shows it. */
export type OAuth2AuthView = Extract<ProfileAuthView, { type: 'oauth2' }>;

const zEndpoint = z.strictObject({ host: z.string(), port: z.number().int(), security: z.enum(SMTP_SECURITY) });

export const DISCOVERY_SOURCES = ['builtin', 'mx', 'guess', 'none'] as const;

export const zDiscoveryResult = z.strictObject({
  email: z.string(),
  domain: z.string(),
  /** `builtin`: a known provider's domain; `mx`: the domain's mail servers belong to a known provider; `guess`: a server answered at a usual name; `none`: nothing found. */
  source: z.enum(DISCOVERY_SOURCES),
  provider: z.strictObject({ id: z.string(), name: z.string() }).optional(),
  /** Submission servers, best first. */
  smtp: z.array(zEndpoint),
  imap: zEndpoint.optional(),
  /** What to type as the username, when the provider's rule is known. */
  username: z.string().optional(),
  /** Credentials the provider accepts, most recommended first. */
  auth: z.array(z.enum(['password', 'app_password', 'oauth2', 'smtp_token', 'api_key'])).optional(),
  /** Plain advice, e.g. "Gmail needs an app password or OAuth". */
  notes: z.array(z.string()),
  /** The settings could not be confirmed: a starting point. */
  unverified: z.boolean().optional(),
  /** The domain's MX hosts, lowest preference first, when they were looked up. */
  mx: z.array(z.string()).optional(),
  /** What guessing tried, and what each server answered. */
  probes: z
    .array(
      z.strictObject({
        host: z.string(),
        port: z.number().int(),
        security: z.enum(['tls', 'starttls']),
        ok: z.boolean(),
        ms: z.number(),
        detail: z.string().optional(),
        authMechanisms: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  /** A profile to start from (POST /v1/profiles after adding name and password). */
  profile: z
    .strictObject({
      name: z.string(),
      fromAddress: z.string(),
      smtp: zEndpoint,
      auth: z.strictObject({ type: z.literal('password'), username: z.string() }),
    })
    .optional(),
});
export type DiscoveryResult = z.infer<typeof zDiscoveryResult>;

export const zErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    hint: z.string().optional(),
    details: z.unknown().optional(),
  }),
});

export const zHealthResponse = z.strictObject({ status: z.literal('ok'), version: z.string() });
export type HealthResponse = z.infer<typeof zHealthResponse>;
export const zPairResponse = z.strictObject({ token: z.string(), user: zUserView });
export type PairResponse = z.infer<typeof zPairResponse>;

/** One delivery attempt as the history shows it. */
const zAttemptView = z.looseObject({
  /** 1 for the first attempt. */
  number: z.number().int(),
  startedAt: isoDate(),
  finishedAt: isoDate(),
  /**
   * `released`: the relay shut down and gave the message back before the attempt finished;
   * `interrupted`: the relay stopped during the attempt (a crash) and the message was claimed again.
   */
  outcome: z.enum(ATTEMPT_OUTCOMES),
  /** The server's reply (or the connection error when there was no reply). */
  reply: z.string().optional(),
  responseCode: z.number().int().optional(),
  errorCode: z.string().optional(),
  problemCode: z.string().optional(),
});

export const zMessageView = z.looseObject({
  id: z.string(),
  /** All messages of one POST share it (a send split by size has several). */
  sendId: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  profileId: z.string(),
  messageId: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  documentRef: z.string().optional(),
  /** The documents this message carries. */
  documents: z.array(z.looseObject({ ref: z.string(), title: z.string().optional() })).optional(),
  /** Present when the send was split: this message is part `number` of `of`. */
  part: z.looseObject({ number: z.number().int(), of: z.number().int() }).optional(),
  /** Every attempt, oldest first. */
  attempts: z.array(zAttemptView),
  /** Attempts that count towards giving up (not the released or interrupted ones). */
  attemptCount: z.number().int(),
  lastReply: z.string().optional(),
  nextAttemptAt: isoDate().optional(),
  problem: z.looseObject({ code: z.string(), title: z.string(), explanation: z.string(), fix: z.string() }).optional(),
  /** The copy in the mailbox's Sent folder, when the profile keeps one (`saveToSent`). Never resends. */
  sentCopy: z.looseObject({ status: z.enum(SENT_COPY_STATUSES), folder: z.string().optional(), error: z.string().optional(), attempts: z.number().int() }).optional(),
  /** Present when the company fallback sent it instead of a failing profile. */
  fallback: z
    .looseObject({
      fromProfileId: z.string(),
      fromProfileName: z.string().optional(),
      reason: z.string().optional(),
      /** Why the asked-for profile was not used: `profile_failing`, `profile_secrets_unreadable`, `profile_host_not_allowed`. */
      code: z.string().optional(),
      /** For `profile_failing`: the problem of its last failed message (diagnosis catalogue). */
      problemCode: z.string().optional(),
    })
    .optional(),
  /** Size of the message after encoding. */
  sizeBytes: z.number().int(),
  /** `api` (POST /v1/messages) or `smtp` (the SMTP front door). */
  source: z.enum(MESSAGE_SOURCES).optional(),
  /** The app that submitted it over SMTP: its app password's label and its EHLO name. */
  app: z.looseObject({ name: z.string().optional(), appPasswordId: z.string().optional(), ehlo: z.string().optional() }).optional(),
  createdAt: isoDate(),
  sentAt: isoDate().optional(),
});
/** A message as the API shows it: the fields it documents (the schema allows more). */
export type MessageView = KnownFields<z.infer<typeof zMessageView>>;
export type AttemptView = MessageView['attempts'][number];
/** The app behind a message that came in through the SMTP front door. */
export type SubmittingApp = NonNullable<MessageView['app']>;

/** `POST /v1/messages`: the first message, plus every part when the send was split by size. */
export const zSendAcceptedView = zMessageView.extend({
  parts: z
    .array(
      z.looseObject({
        id: z.string(),
        part: z.looseObject({ number: z.number().int(), of: z.number().int() }),
        documents: z.array(z.looseObject({ ref: z.string(), title: z.string().optional() })),
      }),
    )
    .optional(),
});
export type SendAcceptedView = KnownFields<z.infer<typeof zSendAcceptedView>>;

// ------------------------------------------------------------------------ people and devices (issues 14, 20)

/** `POST /v1/users` (admins): a new person. */
export const zPersonInput = z.strictObject({
  email: zAddress,
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((s) => !CONTROL_OR_LINE_SEPARATOR.test(s), { message: 'must be a single line without control characters' })
    .optional(),
  role: z.enum(['admin', 'member']).default('member'),
});
export type PersonInput = z.input<typeof zPersonInput>;

/** `POST /v1/users/:id/pairing-code`: a one-time code for that person's next device. */
export const zPairingCodeView = z.strictObject({
  code: z.string(),
  expiresAt: isoDate(),
});
export type PairingCodeView = z.infer<typeof zPairingCodeView>;

/** A paired browser or a script's token, as `GET /v1/me/devices` and `GET /v1/users/:id/devices` show it. */
export const zDeviceView = z.strictObject({
  id: z.string(),
  /** What the device called itself when it paired, e.g. `Chromium extension`, `cli`. */
  name: z.string(),
  createdAt: isoDate(),
  /** To the minute. */
  lastUsedAt: isoDate().optional(),
  /** When the token stops working unless used before (OWNPOST_TOKEN_TTL after its last use); absent when tokens do not expire. */
  expiresAt: isoDate().optional(),
  /** The device this request came from. */
  current: z.boolean(),
});
export type DeviceView = z.infer<typeof zDeviceView>;
export const zDeviceList = z.strictObject({ devices: z.array(zDeviceView) });
// ------------------------------------------------------------------------------------- app passwords

/** `POST /v1/app-passwords` (issue 19): an app password for one app's SMTP settings. */
export const zAppPasswordInput = z.strictObject({
  /** What it is for, e.g. "wFirma" or "Monitor G5 on the office PC". */
  name: z
    .string()
    .trim()
    .min(1, 'give the app password a name, such as the app it is for')
    .max(100)
    .refine((s) => !CONTROL_OR_LINE_SEPARATOR.test(s), { message: 'must be a single line without control characters' }),
});
export type AppPasswordInput = z.infer<typeof zAppPasswordInput>;

export const zAppPasswordView = z.strictObject({
  id: z.string(),
  name: z.string(),
  createdAt: isoDate(),
  /** The last SMTP sign-in with it (to the minute). */
  lastUsedAt: isoDate().optional(),
});
export type AppPasswordView = z.infer<typeof zAppPasswordView>;

/** The answer to creating one: the only time the password itself is shown. */
export const zNewAppPasswordView = zAppPasswordView.extend({
  password: z.string(),
  /** What to type as the SMTP username in the app: the user's e-mail address. */
  username: z.string(),
});
export type NewAppPasswordView = z.infer<typeof zNewAppPasswordView>;
// ------------------------------------------------------------------------------ customer directory
// Issue 16 item 4: who a customer's documents go to, remembered by the company's relay from earlier
// sends and corrected by hand (relay/routes/customer-routes.ts).
import { zMailbox as zCustomerMailbox } from './schemas';

const zCustomerText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL_OR_LINE_SEPARATOR.test(s), { message: 'one line without control characters' });

export const MAX_CUSTOMER_RECIPIENTS = 10;

/** `PUT /v1/customers` (remember: matched by number, else by name) and `PUT /v1/customers/:id` (correct). */
export const zCustomerInput = z
  .strictObject({
    name: zCustomerText(200).optional(),
    number: zCustomerText(64).optional(),
    recipients: z.array(zCustomerMailbox).min(1, 'add at least one recipient').max(MAX_CUSTOMER_RECIPIENTS),
  })
  .refine((c) => c.name !== undefined || c.number !== undefined, { message: 'a customer needs a name or a customer number', path: ['name'] });
export type CustomerInput = z.input<typeof zCustomerInput>;

/** `GET /v1/customers?name=&number=`: at least one of them. */
export const zCustomerQuery = z
  .strictObject({ name: zCustomerText(200).optional(), number: zCustomerText(64).optional() })
  .refine((q) => q.name !== undefined || q.number !== undefined, { message: 'ask by name or number', path: ['name'] });

export const zCustomerView = z.strictObject({
  id: z.string(),
  name: z.string().nullable(),
  number: z.string().nullable(),
  recipients: z.array(z.string()),
  /** Who last sent to or corrected it (null when that user is gone). */
  updatedBy: z.string().nullable(),
  createdAt: isoDate(),
  updatedAt: isoDate(),
});
export type CustomerView = z.infer<typeof zCustomerView>;
