/**
 * The contract of the sender test: `POST /v1/profiles/:id/test` and `POST /v1/diagnose` (issue 4).
 * Shared by the relay (validation at the edge) and the extension (the options page shows the stages,
 * the problem and the one-click suggestion).
 */
import { z } from 'zod';
import { ASCII_CONTROL } from './control-characters';
import { SMTP_SECURITY, zAddress, zProfileAuth, zSmtpSettings } from './schemas';

/**
 * The steps of a test, in the order they run. `oauth` only for OAuth2 senders: getting the access
 * token that AUTH XOAUTH2 then uses (issue 8), before anything connects to the mail server.
 * `senders` only when the profile allows other senders: a real test message from each of them
 * (issue 21), since a server may refuse a From: only at the end of DATA. `folder` only in the test of
 * the Sent-folder copy over IMAP (issue 21), which runs dns, connect, tls, auth and then finds the folder.
 */
export const DIAGNOSIS_STAGES = ['oauth', 'dns', 'connect', 'tls', 'ehlo', 'auth', 'sender', 'recipient', 'data', 'senders', 'folder'] as const;
export type DiagnosisStageName = (typeof DIAGNOSIS_STAGES)[number];

const zSingleLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !ASCII_CONTROL.test(s), { message: 'must be a single line without control characters' });

/**
 * `POST /v1/diagnose`: an unsaved sender profile and, optionally, where to send a test message.
 * Only the fields a test uses are read; the others of a profile (`name`, `scope`, ...) may be sent
 * along and are ignored, so a form can post what it has.
 *
 * @example { "fromAddress": "anna@firma.se", "smtp": { "host": "smtp.office365.com", "port": 587, "security": "starttls" },
 *            "auth": { "type": "password", "username": "anna@firma.se", "password": "…" }, "sendTo": "anna@firma.se" }
 */
export const zDiagnoseRequest = z.object({
  /**
   * Test changed settings of this saved profile before saving them: when `auth.password` is absent
   * and the username is unchanged, its stored password is used. Only for those who may change it.
   */
  profileId: z.string().min(1).max(64).optional(),
  fromName: zSingleLine(200).optional(),
  fromAddress: zAddress,
  smtp: zSmtpSettings,
  /**
   * A password, or OAuth2 (issue 8). An app-only sender (client credentials) is tested with a token
   * fetched for exactly these settings; a delegated one (device code, Google) only with `profileId`
   * of a saved sender someone signed in to, as there is no token before the sign-in.
   */
  auth: zProfileAuth.optional(),
  allowedSenders: z.array(z.string().max(320)).max(100).default([]),
  /** Send the test message here; without it the test message goes to the From address itself. */
  sendTo: zAddress.optional(),
});
export type DiagnoseRequest = z.infer<typeof zDiagnoseRequest>;

/** `POST /v1/profiles/:id/test`; the body may be empty. */
export const zProfileTestRequest = z.strictObject({
  sendTo: zAddress.optional(),
});
export type ProfileTestRequest = z.infer<typeof zProfileTestRequest>;

/** One step of a test as the relay reports it. */
export const zDiagnosisStage = z.object({
  stage: z.enum(DIAGNOSIS_STAGES),
  ok: z.boolean(),
  /** The step did not apply (no TLS with security "none", no password to sign in with). */
  skipped: z.boolean().optional(),
  /** How long the step took, in milliseconds. */
  ms: z.number().int().nonnegative(),
  /** What happened, in plain technical words, in the result's `language` (the server's replies quoted as they are). */
  detail: z.string(),
  /** The server's reply that ended a failed step, exactly as sent. */
  reply: z.string().optional(),
  /** dns: every address of the host; the first is the one connected to. */
  addresses: z.array(z.string()).optional(),
  /** tls: what the handshake settled on. */
  tls: z
    .object({
      protocol: z.string(),
      cipher: z.string(),
      subject: z.string().optional(),
      altNames: z.string().optional(),
      issuer: z.string().optional(),
      validTo: z.string().optional(),
    })
    .optional(),
  /** ehlo: the extensions the server announced (`SIZE 36700160`, `AUTH PLAIN LOGIN`, ...). */
  capabilities: z.array(z.string()).optional(),
  /** ehlo: the largest message the server accepts (its SIZE), when it says. */
  maxMessageBytes: z.number().int().nonnegative().optional(),
  /** auth: the mechanism used. */
  mechanism: z.string().optional(),
  /** sender: every MAIL FROM address tried, in order. */
  senders: z.array(z.string()).optional(),
  /** senders: each allowed sender's test message, with the server's reply to it. */
  senderResults: z.array(z.object({ address: z.string(), ok: z.boolean(), reply: z.string() })).optional(),
  /** recipient and data: where the test message went. */
  recipient: z.string().optional(),
  /** data: the server's final reply, with its queue id ("250 2.0.0 Ok: queued as 4Xyz"). */
  queueReply: z.string().optional(),
});
export type DiagnosisStage = z.infer<typeof zDiagnosisStage>;

export const zDiagnosisProblem = z.object({
  code: z.string(),
  title: z.string(),
  explanation: z.string(),
  fix: z.string(),
});

/**
 * Settings that were probed and work where the tested ones did not. Shaped as a profile PATCH body:
 * `PATCH /v1/profiles/:id` with exactly this object applies it.
 */
export const zSettingsSuggestion = z.object({
  smtp: z.object({
    host: z.string(),
    port: z.number().int(),
    security: z.enum(SMTP_SECURITY),
    ehloName: z.string().optional(),
  }),
});
export type SettingsSuggestion = z.infer<typeof zSettingsSuggestion>;

/** The answer of both test endpoints: 200 whether the test passed or not. */
export const zDiagnosisResult = z.object({
  ok: z.boolean(),
  /** The steps that ran, in order; after a failed step nothing else runs. */
  stages: z.array(zDiagnosisStage),
  problem: zDiagnosisProblem.optional(),
  suggestion: zSettingsSuggestion.optional(),
  testedAt: z.string(),
  /** The language of the stages' `detail` lines (the server's own words in them stay as they were). */
  language: z.string().optional(),
});
export type DiagnosisResult = z.infer<typeof zDiagnosisResult>;

/**
 * How a profile's server and credentials were accepted: by a passing test, or saved anyway by an
 * admin (`force`). Recorded on the profile and shown with it as `verification`.
 */
export interface ProfileVerification {
  status: 'passed' | 'forced';
  at: string;
  /** The e-mail address of who saved it. */
  by: string;
}
