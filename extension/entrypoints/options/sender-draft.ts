/**
 * A sender as its form holds it (issue 17): strings and flags as typed, turned into the relay's
 * bodies (a new profile, an unsaved profile to test, a PATCH of the changed fields) and back.
 * Pure: the wizard and the editor keep one of these in `useSenderDraft` and render from it.
 *
 * The only link to the contract is the handful of types imported below, so a change to the profile
 * schema shows up here, as type errors, and nowhere else on the options page.
 */
import type { z } from 'zod';
import type { ProfileView, zProfileInput, zProfilePatch } from '../../../shared/schemas';
import type { ServerSettings } from './diagnosis';
import { testFingerprint } from './diagnosis';
import { authBody, EMPTY_OAUTH_DRAFT, type AuthBody, isDelegated, methodOf, oauthDraftOf, type OAuthDraft, type SignInMethod } from './sign-in-methods';

/**
 * `POST /v1/profiles` and `POST /v1/diagnose`, as sent (before the relay's defaults and normalising).
 * An app registration's secret is required there; the form asks for it, and the relay says so if missing.
 */
export type ProfileBody = Omit<z.input<typeof zProfileInput>, 'auth'> & { auth: AuthBody };
/** `PATCH /v1/profiles/:id`, as sent. */
export type ProfilePatchBody = z.input<typeof zProfilePatch>;

type Smtp = ProfileView['smtp'];

/** Everything a sender's form edits. Lists are one entry per line (or comma), as typed. */
export interface SenderDraft {
  name: string;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  server: ServerSettings;
  username: string;
  /** Empty: keep the saved password (a new sender: none typed yet). */
  password: string;
  /** How it signs in; another one than the saved sender's switches it on save. */
  method: SignInMethod;
  oauth: OAuthDraft;
  minTlsVersion: Smtp['minTlsVersion'];
  ciphers: Smtp['ciphers'];
  ehloName: string;
  allowOtherSender: ProfileView['allowOtherSender'];
  allowedSenders: string;
  senderStyle: ProfileView['senderStyle'];
  bccSelf: ProfileView['bccSelf'];
  /** Empty: no archive copy. */
  archiveAddress: string;
  isDefault: ProfileView['isDefault'];
  /** `scope: "company"`. */
  company: boolean;
  isFallback: ProfileView['isFallback'];
  sites: string;
  projects: string;
}

/** One entry per line or comma, trimmed, empty ones dropped. */
export function lines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

/** A sender not yet typed in: the wizard's starting point. */
export function emptyDraft(fromName = ''): SenderDraft {
  return {
    name: '',
    fromName,
    fromAddress: '',
    replyTo: '',
    server: { host: '', port: 587, security: 'starttls' },
    username: '',
    password: '',
    method: 'password',
    oauth: EMPTY_OAUTH_DRAFT,
    minTlsVersion: 'TLSv1.2',
    ciphers: 'default',
    ehloName: '',
    allowOtherSender: false,
    allowedSenders: '',
    senderStyle: 'sender_header',
    bccSelf: false,
    archiveAddress: '',
    isDefault: false,
    company: false,
    isFallback: false,
    sites: '',
    projects: '',
  };
}

/** A saved sender, for its form; secrets are never given back, so they start empty. */
export function draftFromProfile(profile: ProfileView): SenderDraft {
  return {
    name: profile.name,
    fromName: profile.fromName ?? '',
    fromAddress: profile.fromAddress,
    replyTo: profile.replyTo ?? '',
    server: { host: profile.smtp.host, port: profile.smtp.port, security: profile.smtp.security, ...(profile.smtp.allowPlaintextAuth ? { allowPlaintextAuth: true } : {}) },
    username: profile.auth.username,
    password: '',
    method: methodOf(profile.auth),
    oauth: oauthDraftOf(profile.auth),
    minTlsVersion: profile.smtp.minTlsVersion ?? 'TLSv1.2',
    ciphers: profile.smtp.ciphers ?? 'default',
    ehloName: profile.smtp.ehloName ?? '',
    allowOtherSender: profile.allowOtherSender,
    allowedSenders: (profile.allowedSenders ?? []).join('\n'),
    senderStyle: profile.senderStyle ?? 'sender_header',
    bccSelf: profile.bccSelf,
    archiveAddress: profile.archiveAddress ?? '',
    isDefault: profile.isDefault,
    company: profile.scope === 'company',
    isFallback: profile.isFallback ?? false,
    sites: (profile.sites ?? []).join('\n'),
    projects: (profile.projects ?? []).join('\n'),
  };
}

const scopeOf = (draft: SenderDraft) => (draft.company ? 'company' : 'personal');

/** Plaintext sign-in is asked for only where it means something: on an unencrypted connection. */
function endpoint(server: ServerSettings) {
  return { host: server.host.trim(), port: server.port, security: server.security, ...(server.security === 'none' && server.allowPlaintextAuth ? { allowPlaintextAuth: true } : {}) };
}

export function draftAuth(draft: SenderDraft): AuthBody {
  return authBody(draft.method, draft.username, draft.password, draft.oauth);
}

/**
 * A new sender as the wizard creates (and first tests) it: the address, the server and the sign-in;
 * everything else keeps the relay's defaults. `server` overrides the draft's (a suggested fix under test).
 */
export function newProfileBody(draft: SenderDraft, server: ServerSettings = draft.server): ProfileBody {
  return {
    name: draft.name,
    scope: scopeOf(draft),
    ...(draft.fromName.trim() ? { fromName: draft.fromName.trim() } : {}),
    fromAddress: draft.fromAddress,
    smtp: endpoint(server),
    auth: draftAuth(draft),
  };
}

/**
 * A saved sender with unsaved changes, to test before saving (`POST /v1/diagnose`). `profileId` lets the
 * relay use the saved password and sign-in when none was typed; it never gives them back.
 */
export function changedProfileBody(id: string, draft: SenderDraft, server: ServerSettings = draft.server): ProfileBody & { profileId: string } {
  return {
    profileId: id,
    name: draft.name,
    scope: scopeOf(draft),
    fromAddress: draft.fromAddress.trim(),
    ...(draft.fromName.trim() ? { fromName: draft.fromName.trim() } : {}),
    smtp: {
      ...endpoint(server),
      minTlsVersion: draft.minTlsVersion,
      ciphers: draft.ciphers,
      ...(draft.ehloName.trim() ? { ehloName: draft.ehloName.trim() } : {}),
    },
    // OAuth2: the relay fetches a token for these settings (app-only) or uses the saved sign-in.
    auth: draftAuth(draft),
    allowOtherSender: draft.allowOtherSender,
    allowedSenders: lines(draft.allowedSenders),
  };
}

/** The fields whose change needs a passing test before the relay saves them (issue 4: server or credentials). */
export function serverFingerprint(draft: SenderDraft): string {
  return testFingerprint({
    host: draft.server.host.trim(),
    port: draft.server.port,
    security: draft.server.security,
    plaintextAuth: draft.server.security === 'none' && draft.server.allowPlaintextAuth === true,
    username: draft.username.trim(),
    password: draft.password,
    method: draft.method,
    tenantId: draft.oauth.tenantId.trim(),
    clientId: draft.oauth.clientId.trim(),
    clientSecret: draft.oauth.clientSecret,
    minTlsVersion: draft.minTlsVersion,
    ciphers: draft.ciphers,
    ehloName: draft.ehloName.trim(),
  });
}

/** The sign-in (`auth`) to save, when the method or any of its fields changed. */
function authPatch(original: SenderDraft, draft: SenderDraft): AuthBody | undefined {
  const credentials = (d: SenderDraft) => JSON.stringify([d.method, d.username.trim(), d.oauth.tenantId.trim(), d.oauth.clientId.trim(), d.oauth.clientSecretExpiresAt]);
  const changed = credentials(draft) !== credentials(original) || draft.password !== '' || draft.oauth.clientSecret !== '';
  return changed ? draftAuth(draft) : undefined;
}

type SmtpPatch = NonNullable<ProfilePatchBody['smtp']>;

function smtpPatch(original: SenderDraft, draft: SenderDraft): SmtpPatch {
  const smtp: SmtpPatch = {};
  if (draft.server.host.trim() !== original.server.host) smtp.host = draft.server.host.trim();
  if (draft.server.port !== original.server.port) smtp.port = draft.server.port;
  if (draft.server.security !== original.server.security) smtp.security = draft.server.security;
  if (Boolean(draft.server.allowPlaintextAuth) !== Boolean(original.server.allowPlaintextAuth)) smtp.allowPlaintextAuth = Boolean(draft.server.allowPlaintextAuth);
  if (draft.minTlsVersion !== original.minTlsVersion) smtp.minTlsVersion = draft.minTlsVersion;
  if (draft.ciphers !== original.ciphers) smtp.ciphers = draft.ciphers;
  if (draft.ehloName.trim() !== original.ehloName) smtp.ehloName = draft.ehloName.trim() || null;
  return smtp;
}

/** `PATCH /v1/profiles/:id`: only the fields that changed, so an absent field keeps what is saved. */
export function profilePatch(original: SenderDraft, draft: SenderDraft): ProfilePatchBody {
  const patch: ProfilePatchBody = {};
  if (draft.name.trim() !== original.name) patch.name = draft.name.trim();
  if (draft.fromAddress.trim() !== original.fromAddress) patch.fromAddress = draft.fromAddress.trim();
  // Empty removes an optional field (the relay takes null as "remove").
  if (draft.fromName.trim() !== original.fromName) patch.fromName = draft.fromName.trim() || null;
  if (draft.replyTo.trim() !== original.replyTo) patch.replyTo = draft.replyTo.trim() || null;
  if (draft.archiveAddress.trim() !== original.archiveAddress) patch.archiveAddress = draft.archiveAddress.trim() || null;
  const smtp = smtpPatch(original, draft);
  if (Object.keys(smtp).length > 0) patch.smtp = smtp;
  const auth = authPatch(original, draft);
  if (auth) patch.auth = auth;
  for (const flag of ['allowOtherSender', 'bccSelf', 'isDefault', 'isFallback'] as const) if (draft[flag] !== original[flag]) patch[flag] = draft[flag];
  if (draft.senderStyle !== original.senderStyle) patch.senderStyle = draft.senderStyle;
  if (draft.company !== original.company) patch.scope = scopeOf(draft);
  for (const key of ['allowedSenders', 'sites', 'projects'] as const) {
    if (lines(draft[key]).join('\n') !== lines(original[key]).join('\n')) patch[key] = lines(draft[key]);
  }
  return patch;
}

/**
 * A delegated sign-in (Microsoft, Google) whose saved sign-in will not carry over: another method or
 * app registration. It cannot be tested before it is saved and signed in (the relay saves it untested).
 */
export function needsNewSignIn(original: SenderDraft, draft: SenderDraft, signedIn: boolean): boolean {
  if (!isDelegated(draft.method)) return false;
  const client = (d: SenderDraft) => JSON.stringify([d.method, d.oauth.tenantId.trim(), d.oauth.clientId.trim()]);
  return !signedIn || client(draft) !== client(original);
}

/** Why changed server settings cannot be tested yet; the editor explains it next to the Test button. */
export type TestBlocker = 'needs_sign_in' | 'needs_secret' | 'needs_password_for_server' | 'needs_password' | 'needs_password_typed';

/**
 * What must be typed (or done) before the changed settings can be tested. The relay reuses the saved
 * password only for the saved username, of a sender that had one, and only on the server it was entered
 * for (issue 14: another host or port needs it typed again); likewise an app registration's secret.
 */
export function testBlocker(original: SenderDraft, draft: SenderDraft, saved: { method: SignInMethod; signedIn: boolean }): TestBlocker | undefined {
  if (needsNewSignIn(original, draft, saved.signedIn)) return 'needs_sign_in';
  if (serverFingerprint(draft) === serverFingerprint(original)) return undefined;
  if (draft.method === 'microsoft_app' && !draft.oauth.clientSecret && saved.method !== 'microsoft_app') return 'needs_secret';
  if (draft.method !== 'password' || draft.password) return undefined;
  const serverMoved = draft.server.host.trim().toLowerCase() !== original.server.host.toLowerCase() || draft.server.port !== original.server.port;
  const usernameChanged = draft.username.trim() !== original.username;
  if (!usernameChanged && saved.method === 'password' && !serverMoved) return undefined;
  if (saved.method !== 'password') return 'needs_password_typed';
  return serverMoved && !usernameChanged ? 'needs_password_for_server' : 'needs_password';
}
