/**
 * The relay's persistence contract. Two implementations: SQLite (embedded default) and PostgreSQL
 * (several relay instances). Every method is async so both fit; every write that must be atomic is
 * one method here, so callers cannot half-write.
 */
import type { Selectable } from 'kysely';
import type { MessageStatus } from '../../shared/schemas';
import type { DeliverySettingsData } from '../delivery/delivery-settings';
import type { MessageSummary } from '../delivery/message-summary';
import type { OAuthGrantState, ProfileData, SealedSecrets } from '../profiles/profile-data';
import type { Envelope, MessageFallback, RecipeData, SignInDetails, SignInResult, SignInSealed } from './schema/json-columns';
import type { Tables } from './schema/tables';

/** A row of `table` as the store returns it: the columns of tables.ts, its JSON columns (`J`) read. */
type Row<T extends keyof Tables, J = object> = Omit<Selectable<Tables[T]>, keyof J> & J;

export type Role = 'admin' | 'member';
export type UserRow = Omit<Row<'users'>, 'removedAt'>;

/** A sender profile: settings (relay/profiles/profile-data.ts), sealed secrets, and the OAuth2 sign-in's outcome. */
export type ProfileRow = Row<'profiles', { data: ProfileData; secrets: SealedSecrets | null; oauthState?: OAuthGrantState | null }>;

/** A profile's cached OAuth2 access token (relay/oauth/access-tokens.ts): `secrets.accessToken`, sealed like every profile secret. */
export type OAuthAccessTokenRow = Row<'oauth_access_tokens', { secrets: SealedSecrets }>;

export type OAuthSignInStatus = OAuthSignInRow['status'];

/** A delegated OAuth2 sign-in (device code or authorization code); at most one per profile. */
export type OAuthSignInRow = Row<'oauth_sign_ins', { sealed: SignInSealed; details: SignInDetails; result: SignInResult | null }>;

/** One POST /v1/messages: the messages it became (several when split by size), committed together. */
export interface NewSend {
  id: string;
  userId: string;
  idempotencyKey: string | null;
  /** SHA-256 of the validated request, to tell a retry of the same request from another one. */
  requestHash: string;
  createdAt: number;
  messages: NewMessage[];
}

export interface DocumentMarker {
  ref: string;
  title?: string;
}

export interface NewMessage {
  id: string;
  profileId: string;
  messageId: string;
  envelope: Envelope;
  /** The complete MIME message; every attempt and the Sent copy use exactly these bytes. */
  raw: MessageBytes;
  /** For history views: to, subject, the door it came through. */
  summary: MessageSummary;
  documentRef: string | null;
  /** The documents this message carries (empty for a send with plain attachments only). */
  documents: DocumentMarker[];
  partNumber: number;
  partCount: number;
  /** When a fallback profile sends it. */
  fallback: MessageFallback | null;
  /** Put a copy into the Sent folder after delivery. */
  wantsSentCopy: boolean;
}

export type SentCopyStatus = 'pending' | 'saved' | 'failed';

/**
 * A message of the outbox (every column but `raw`, which only the worker reads): `attempts` counts only
 * the attempts that count towards giving up (the `attempt_count` column), not the released or interrupted ones.
 */
export type MessageRow = Omit<Row<'messages'>, 'raw' | 'attempts' | 'attemptCount' | keyof NewMessage> & Omit<NewMessage, 'raw' | 'wantsSentCopy'> & { attempts: number; status: MessageStatus };

export type ClaimedMessage = MessageRow & {
  /**
   * The complete MIME bytes when stored in one piece (small bodies), or null when stored in chunks
   * (larger than BODY_CHUNK_BYTES): then read them with `readMessageBodyChunk`, never all at once
   * (relay/delivery/message-body.ts).
   */
  raw: Buffer | null;
};

/** How stale a token's `last_used_at` may be: it is written once a minute at most (getUserByTokenHash). */
export const TOKEN_LAST_USED_PRECISION_MS = 60_000;

/** Bodies larger than this are stored in chunks of this size (the last one shorter); smaller ones in one piece. */
export const BODY_CHUNK_BYTES = 1024 * 1024;

/**
 * A message's bytes as the accept path hands them to the store: a Buffer, or (a large message) the
 * pieces it is made of, which give their bytes a range at a time and are never all copied into one
 * buffer (relay/delivery/mime-attachment.ts, SplicedMessage).
 */
export type MessageBytes = Buffer | PiecewiseBytes;

export interface PiecewiseBytes {
  readonly length: number;
  /** Copies bytes [start, end) of the message to the start of `target`; returns the part of `target` written. */
  copyTo(target: Buffer, start: number, end: number): Buffer;
}

/**
 * A body's chunks of `size` bytes, in order, for storing one at a time. A chunk is only valid until
 * the next one is asked for (one buffer serves them all): a store that keeps them copies each.
 */
export function* bodyChunks(raw: MessageBytes, size = BODY_CHUNK_BYTES): Generator<Buffer> {
  const scratch = Buffer.isBuffer(raw) ? undefined : Buffer.allocUnsafeSlow(Math.min(size, raw.length));
  for (let offset = 0; offset < raw.length; offset += size) {
    const end = Math.min(offset + size, raw.length);
    yield scratch ? (raw as PiecewiseBytes).copyTo(scratch, offset, end) : (raw as Buffer).subarray(offset, end);
  }
}

/** A body in one buffer: for small bodies, stored in one piece. */
export function wholeBody(raw: MessageBytes): Buffer {
  return Buffer.isBuffer(raw) ? raw : raw.copyTo(Buffer.allocUnsafe(raw.length), 0, raw.length);
}

export type AttemptOutcome = 'sent' | 'deferred' | 'failed' | 'released' | 'interrupted';

export type AttemptRecord = Omit<Row<'attempts'>, 'id'>;

/** What the worker decided after one attempt; applied atomically with the attempt record. */
export type AttemptResult =
  | { outcome: 'sent'; reply: string }
  | { outcome: 'deferred'; reply: string | null; responseCode: number | null; problemCode: string; nextAttemptAt: number }
  | { outcome: 'failed'; reply: string | null; responseCode: number | null; problemCode: string };

export interface FinishedAttempt {
  id: string;
  attempt: { startedAt: number; finishedAt: number; reply: string | null; responseCode: number | null; errorCode: string | null };
  result: AttemptResult;
}

export type EnqueueResult = { kind: 'created'; messages: MessageRow[] } | { kind: 'existing'; messages: MessageRow[]; sameRequest: boolean };

/** A message template (issue 21): the company's when `ownerId` is null, else one person's own override. */
export type TemplateRow = Row<'message_templates', { ownerId: string | null }>;

/** A company recipe: `data` in the format `formatVersion` names, null for a format newer than this relay knows. */
export type RecipeRow = Row<'recipes', { data: RecipeData | null }>;

/** An app password (issue 19): an app's login to the SMTP front door. Only its hash is stored. */
export type AppPasswordRow = Row<'app_passwords'>;

/** An entry of the company's customer directory (issue 16 item 4); `nameKey`, `numberKey`: what the relay matches on. */
export type CustomerRow = Row<'customers', { recipients: string[] }>;

/** A profile's delivery settings (relay/delivery/delivery-settings.ts) and the SIZE its server announced. */
export type DeliverySettingsRow = Row<'profile_delivery_settings', { data: DeliverySettingsData; secrets: SealedSecrets | null }>;

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects otherwise (for `/readyz`). */
  ping(): Promise<void>;
  /**
   * Resolves when the store can take a write now; rejects with an error that `storeFailureOf`
   * reads as `storage_full` (disk nearly full, or the last write failed for room) or
   * `store_unavailable` (a read-only database) otherwise (for `/readyz`, issue 15).
   */
  checkWritable(): Promise<void>;

  countUsers(): Promise<number>;
  /** Messages in the outbox by status (GET /metrics, relay/observability/metrics.ts). */
  countMessagesByStatus(): Promise<Partial<Record<MessageStatus, number>>>;
  /** Creates a user; the first user of a relay becomes admin whatever `role` says. */
  createUser(user: { id: string; email: string; name: string | null; role: Role; createdAt: number }): Promise<UserRow>;
  getUserByEmail(email: string): Promise<UserRow | undefined>;
  getUserById(id: string): Promise<UserRow | undefined>;

  createToken(token: { hash: string; userId: string; device: string; createdAt: number }): Promise<void>;
  getUserByTokenHash(hash: string, now: number): Promise<UserRow | undefined>;

  createPairingCode(code: { hash: string; userId: string; expiresAt: number }): Promise<void>;
  /** Marks the code used and returns its user, atomically; undefined when unknown, used or expired. */
  consumePairingCode(hash: string, now: number): Promise<UserRow | undefined>;

  insertProfile(row: ProfileRow): Promise<void>;
  updateProfile(row: ProfileRow): Promise<void>;
  deleteProfile(id: string): Promise<boolean>;
  getProfile(id: string): Promise<ProfileRow | undefined>;
  /** Company profiles and the user's personal ones. */
  listProfilesVisibleTo(userId: string): Promise<ProfileRow[]>;
  listAllProfiles(): Promise<ProfileRow[]>;

  // Sender rules (issue 3).
  /** Inserts `insert` (if given) and writes every row of `update`, in one transaction (default flags move together). */
  saveProfiles(changes: { insert?: ProfileRow; update: ProfileRow[] }): Promise<void>;
  /** The last message through a profile that reached `sent` or `failed`: is the profile failing? */
  lastFinishedDelivery(profileId: string): Promise<{ status: 'sent' | 'failed'; problemCode: string | null; at: number } | undefined>;
  listUsers(): Promise<UserRow[]>;
  /** Addresses and @domains an admin allows a member to send from on personal profiles. */
  getSenderAllowances(userId: string): Promise<string[]>;
  setSenderAllowances(userId: string, patterns: string[], now: number): Promise<void>;
  /**
   * Every stored secrets JSON (`{field: sealed}`) that belongs to a profile, in the profile table and the
   * tables beside it, rewritten in one transaction: `rewrite` returns the new JSON, or null to keep the row.
   * Overwritten ciphertexts are wiped from the database file (key rotation). Returns the rows changed.
   */
  rewriteProfileSecrets(rewrite: (owner: { table: string; profileId: string; secrets: SealedSecrets }) => SealedSecrets | null): Promise<number>;
  /** Every stored secrets JSON that belongs to a profile, for `ownpost key status`. */
  listProfileSecrets(): Promise<{ table: string; profileId: string; secrets: SealedSecrets }[]>;

  /**
   * Commits a send and all its messages to the outbox durably, in one transaction (the caller
   * answers 202 only after this resolves). When the user already used the idempotency key, nothing
   * is written and the existing send's messages come back instead, with whether the request matched.
   */
  enqueueSend(send: NewSend): Promise<EnqueueResult>;
  /** The messages of the user's send with this idempotency key, if any (a cheap check before composing). */
  findSendByIdempotencyKey(userId: string, key: string): Promise<{ requestHash: string; messages: MessageRow[] } | undefined>;
  getMessage(id: string): Promise<MessageRow | undefined>;
  /** Newest first. `documentRef` matches the send's reference and every document a message carries. */
  listMessages(filter: { userId?: string; documentRef?: string; limit: number }): Promise<MessageRow[]>;
  /**
   * Claims up to `limit` due messages for `owner` until `now + leaseMs`. A message whose lease
   * expired (its worker died mid-attempt) is due again; its lost attempt is recorded as
   * `interrupted`, which does not count towards giving up.
   */
  claimDueMessages(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]>;
  /** Extends the leases `owner` still holds (a long send must not be claimed twice). */
  renewLeases(ids: string[], owner: string, until: number): Promise<void>;
  /**
   * Records attempts and applies their results in one transaction, each only if `owner` still holds
   * its lease. Returns, per attempt, whether it was applied.
   */
  finishAttempts(owner: string, finished: FinishedAttempt[]): Promise<boolean[]>;
  /** `finishAttempts` for one attempt. */
  finishAttempt(id: string, owner: string, attempt: FinishedAttempt['attempt'], result: AttemptResult): Promise<boolean>;
  /** Gives a claimed message back without counting an attempt (shutdown). */
  releaseLease(id: string, owner: string, now: number): Promise<void>;
  /** Puts a claimed message back, due at `until`, without an attempt: it waits for its profile's rate limit. */
  postponeMessage(id: string, owner: string, until: number): Promise<void>;
  listAttempts(messageId: string): Promise<AttemptRecord[]>;
  /**
   * Chunk `seq` (0, 1, …) of a message body stored in chunks (a claimed message whose `raw` is
   * null), or undefined past the last one. The chunks, in order, are exactly the accepted bytes.
   */
  readMessageBodyChunk(messageId: string, seq: number): Promise<Buffer | undefined>;
  /** The attempts of several messages in one query (history lists), oldest first. */
  listAttemptsOfMessages(messageIds: string[]): Promise<AttemptRecord[]>;

  /** Sent messages whose Sent-folder copy is due; claiming pushes `sent_copy_next_at` to `now + leaseMs`. */
  claimDueSentCopies(now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]>;
  finishSentCopy(id: string, result: { status: SentCopyStatus; folder: string | null; error: string | null; nextAt: number | null }): Promise<void>;

  getDeliverySettings(profileId: string): Promise<DeliverySettingsRow | undefined>;
  putDeliverySettings(row: Omit<DeliverySettingsRow, 'serverMaxBytes'>): Promise<void>;
  /** Remembers the SIZE a profile's SMTP server announced. */
  recordServerMaxBytes(profileId: string, bytes: number, now: number): Promise<void>;

  // Company recipes (issue 7): how the extension reads a site the generic adapter cannot.
  listRecipes(): Promise<RecipeRow[]>;
  getRecipe(id: string): Promise<RecipeRow | undefined>;
  insertRecipe(row: RecipeRow): Promise<void>;
  deleteRecipe(id: string): Promise<boolean>;

  // Message templates (issue 21): the company's and this user's own overrides, every kind and language.
  listTemplates(userId: string): Promise<TemplateRow[]>;
  putTemplate(row: TemplateRow): Promise<void>;
  deleteTemplate(ownerId: string | null, kind: string, language: string): Promise<boolean>;
  // The customer directory (issue 16 item 4): who a customer's invoices go to, shared by the company.
  /** Entries whose number key or name key is one of these (either may be absent), newest first, at most `limit`. */
  findCustomers(keys: { numberKey?: string; nameKey?: string }, limit: number): Promise<CustomerRow[]>;
  getCustomer(id: string): Promise<CustomerRow | undefined>;
  /** Inserts a new entry; false when its number key is taken already (another instance was faster). */
  insertCustomer(row: CustomerRow): Promise<boolean>;
  /** Replaces an entry's fields; false when it is gone, or its new number key belongs to another entry. */
  updateCustomer(row: CustomerRow): Promise<boolean>;
  deleteCustomer(id: string): Promise<boolean>;

  // OAuth2 (issue 8): relay/oauth/. Tokens and sign-ins live only here, so every instance sees the same.
  getOAuthAccessToken(profileId: string): Promise<OAuthAccessTokenRow | undefined>;
  /** Caches a profile's access token, replacing the previous one; does nothing when the profile is gone. */
  putOAuthAccessToken(row: OAuthAccessTokenRow): Promise<void>;
  /** Drops a profile's cached token; with `obtainedAt`, only while it is still that token (another instance may have cached a newer one). */
  deleteOAuthAccessToken(profileId: string, obtainedAt?: number): Promise<void>;
  /**
   * Records a delegated sign-in's outcome in one statement, without touching the profile's settings or
   * `updatedAt`: sets (or, with null, removes) the sealed `refreshToken` inside `profiles.secrets`, and
   * replaces `profiles.oauth_state` unless `state` is undefined. With `ifRefreshTokenIs`, only while the
   * stored refresh token is still that one (another instance may have rotated it, or the user signed in
   * again meanwhile). With `touchedAt`, `updatedAt` moves too: a new sign-in is a change of credentials
   * (a profile marked failing becomes usable again), a rotated refresh token is not. Returns whether it was written.
   */
  setProfileOAuthGrant(profileId: string, grant: { refreshToken: string | null; state?: OAuthGrantState | null }, options?: { ifRefreshTokenIs?: string | null; touchedAt?: number }): Promise<boolean>;
  /** Stores a new sign-in, replacing every other sign-in of its profile. */
  createOAuthSignIn(row: OAuthSignInRow): Promise<void>;
  getOAuthSignIn(id: string): Promise<OAuthSignInRow | undefined>;
  /**
   * Claims the next poll of a pending sign-in: true for exactly one caller while `nextPollAt <= now`,
   * which then moves to `nextPollAt` (several instances may be asked about one device-code sign-in).
   */
  claimOAuthSignInPoll(id: string, now: number, nextPollAt: number): Promise<boolean>;
  /** Slows the polling of a pending sign-in down (the provider answered `slow_down`). */
  setOAuthSignInPollInterval(id: string, pollIntervalMs: number, nextPollAt: number): Promise<void>;
  /** Ends a pending sign-in; false when it had already ended (a sign-in ends once). */
  finishOAuthSignIn(id: string, outcome: { status: Exclude<OAuthSignInStatus, 'pending'>; problemCode: string | null; result: SignInResult | null; now: number }): Promise<boolean>;

  // App passwords (issue 19): relay/auth/app-passwords.ts, the SMTP front door and /v1/app-passwords.
  createAppPassword(row: AppPasswordRow): Promise<void>;
  /** A user's app passwords, oldest first. */
  listAppPasswords(userId: string): Promise<AppPasswordRow[]>;
  /** Revokes one of the user's app passwords; false when the user has none with this id. */
  deleteAppPassword(userId: string, id: string): Promise<boolean>;
  /** Records a sign-in with it (shown in the list). */
  touchAppPassword(id: string, now: number): Promise<void>;
  // Relay process identity (issue 15): who may deliver, and taking back a dead process's claims.
  /**
   * Tells the store a delivery worker `owner` runs here, and beats its heartbeat: call it at start
   * and every `heartbeatMs`. On SQLite the first caller takes the outbox lock (relay/store/sqlite/
   * outbox-lock.ts) and, on taking it, every message claimed by any other owner is due again at
   * once (no other process can be sending it); a caller without the lock must not claim. On
   * PostgreSQL every instance may claim, and with `takeOver`, the messages of instances whose last
   * heartbeat is older than `deadAfterMs` are due again at once. Returns how many were taken back.
   */
  instanceHeartbeat(owner: string, options: { now: number; deadAfterMs: number; takeOver: boolean }): Promise<InstanceState>;
  /** The worker `owner` stopped (after giving back its messages): its lock or heartbeat goes. */
  endInstance(owner: string): Promise<void>;
}

/** What `instanceHeartbeat` found. */
export interface InstanceState {
  /** This worker may claim messages (on SQLite: it holds the outbox lock). */
  mayClaim: boolean;
  /** Messages of dead owners made due again now. */
  takenBack: number;
}
