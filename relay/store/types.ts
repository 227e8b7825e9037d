/** The store's records and the Store: its repositories, the outbox's hot path, its own lifecycle. */
import type { Selectable } from 'kysely';
import type { MessageStatus } from '../../shared/schemas';
import type { DeliverySettingsData } from '../delivery/delivery-settings';
import type { MessageSummary } from '../delivery/message-summary';
import type { OAuthGrantState, ProfileData, SealedSecrets } from '../profiles/profile-data';
import type { StoreRepositories } from './repositories/store-repositories';
import type { Envelope, MessageFallback, RecipeData, SignInDetails, SignInResult, SignInSealed } from './schema/json-columns';
import type { Tables } from './schema/tables';
import type { StoredDataError } from './store-errors';

/** A row of `table` as the store returns it: the columns of tables.ts, its JSON columns (`J`) read. */
type Row<T extends keyof Tables, J = object> = Omit<Selectable<Tables[T]>, keyof J> & J;

export type UserRow = Omit<Row<'users'>, 'removedAt'>;
export type Role = UserRow['role'];
/** A sender profile: settings (relay/profiles/profile-data.ts), sealed secrets, and the OAuth2 sign-in's outcome. */
export type ProfileRow = Row<'profiles', { data: ProfileData; secrets: SealedSecrets | null; oauthState?: OAuthGrantState | null }>;
/** A profile's cached OAuth2 access token (relay/oauth/access-tokens.ts), sealed like every profile secret. */
export type OAuthAccessTokenRow = Row<'oauth_access_tokens', { secrets: SealedSecrets }>;
/** A delegated OAuth2 sign-in (device code or authorization code); at most one per profile. */
export type OAuthSignInRow = Row<'oauth_sign_ins', { sealed: SignInSealed; details: SignInDetails; result: SignInResult | null }>;
export type OAuthSignInStatus = OAuthSignInRow['status'];
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
export type AttemptRecord = Omit<Row<'attempts'>, 'id'>;
export type SentCopyStatus = 'pending' | 'saved' | 'failed';

/** How stale a token's `last_used_at` may be: it is written once a minute at most (getUserByTokenHash). */
export const TOKEN_LAST_USED_PRECISION_MS = 60_000;

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

/**
 * A message of the outbox (every column but `raw`, which only the worker reads): `attempts` counts only
 * the attempts that count towards giving up (the `attempt_count` column), not the released or interrupted ones.
 */
export type MessageRow = Omit<Row<'messages'>, 'raw' | 'attempts' | 'attemptCount' | keyof NewMessage> & Omit<NewMessage, 'raw' | 'wantsSentCopy'> & { attempts: number; status: MessageStatus };

export type ClaimedMessage = MessageRow & {
  /**
   * The MIME bytes when stored in one piece, or null when stored in chunks (larger than
   * BODY_CHUNK_BYTES): then read them with `readMessageBodyChunk`, never all at once.
   */
  raw: Buffer | null;
  /** Its stored values could not be read (toClaimedMessage): the attempt fails with this. */
  unreadable?: StoredDataError;
};

/** Bodies larger than this are stored in chunks of this size (the last one shorter); smaller ones in one piece. */
export const BODY_CHUNK_BYTES = 1024 * 1024;

/**
 * A message's bytes as the accept path hands them over: a Buffer, or (a large message) the pieces it
 * is made of, never all copied into one buffer (relay/delivery/mime-attachment.ts, SplicedMessage).
 */
export type MessageBytes = Buffer | PiecewiseBytes;

export interface PiecewiseBytes {
  readonly length: number;
  /** Copies bytes [start, end) of the message to the start of `target`; returns the part of `target` written. */
  copyTo(target: Buffer, start: number, end: number): Buffer;
}

/** A body's chunks of `size` bytes, in order. A chunk is valid until the next is asked for (one buffer serves them all). */
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

/** What `instanceHeartbeat` found: whether this worker may claim (on SQLite: it holds the outbox lock), and how many messages of dead owners were made due again. */
export interface InstanceState {
  mayClaim: boolean;
  takenBack: number;
}

/** The outbox's hot path: each database's own statements (sqlite/sqlite-outbox.ts, postgres/postgres-outbox.ts). */
export interface Outbox {
  /**
   * Commits a send and all its messages durably, in one transaction (the caller answers 202 only
   * after this resolves). When the user already used the idempotency key, nothing is written and the
   * existing send's messages come back instead, with whether the request matched.
   */
  enqueueSend(send: NewSend): Promise<EnqueueResult>;
  /**
   * Claims up to `limit` due messages for `owner` until `now + leaseMs`. A message whose lease expired
   * (its worker died mid-attempt) is due again; its lost attempt is recorded as `interrupted`, which
   * does not count towards giving up.
   */
  claimDueMessages(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]>;
  /** Extends the leases `owner` still holds (a long send must not be claimed twice). */
  renewLeases(ids: string[], owner: string, until: number): Promise<void>;
  /** Records attempts and applies their results in one transaction, each only if `owner` still holds its lease: per attempt, whether it applied. */
  finishAttempts(owner: string, finished: FinishedAttempt[]): Promise<boolean[]>;
  /** Gives a claimed message back without counting an attempt (shutdown). */
  releaseLease(id: string, owner: string, now: number): Promise<void>;
  /** Puts a claimed message back, due at `until`, without an attempt: it waits for its profile's rate limit. */
  postponeMessage(id: string, owner: string, until: number): Promise<void>;
  /** Sent messages whose Sent-folder copy is due; claiming pushes `sent_copy_next_at` to `now + leaseMs`. */
  claimDueSentCopies(now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]>;
  /**
   * Tells the store a delivery worker `owner` runs here: call it at start and every `heartbeatMs`. On
   * SQLite the first caller takes the outbox lock (sqlite/outbox-lock.ts) and, on taking it, every
   * message claimed by another owner is due again at once; a caller without the lock must not claim.
   * On PostgreSQL every instance may claim, and with `takeOver`, the messages of instances whose last
   * heartbeat is older than `deadAfterMs` are due again at once.
   */
  instanceHeartbeat(owner: string, options: { now: number; deadAfterMs: number; takeOver: boolean }): Promise<InstanceState>;
  /** The worker `owner` stopped (after giving back its messages): its lock or heartbeat goes. */
  endInstance(owner: string): Promise<void>;
}

const OUTBOX_METHODS = [
  'enqueueSend',
  'claimDueMessages',
  'renewLeases',
  'finishAttempts',
  'releaseLease',
  'postponeMessage',
  'claimDueSentCopies',
  'instanceHeartbeat',
  'endInstance',
] as const satisfies readonly (keyof Outbox)[];

/** The outbox's methods, bound to it, to be put into a store. */
export function outboxMethods(outbox: Outbox): Outbox {
  return Object.fromEntries(OUTBOX_METHODS.map((name) => [name, (outbox[name] as (...args: unknown[]) => unknown).bind(outbox)])) as unknown as Outbox;
}

/**
 * The relay's persistence, on SQLite (embedded default) or PostgreSQL (several relay instances): the
 * repositories, written once over the query builder, and the outbox's hot path, per database. Every
 * write that must be atomic is one method, so callers cannot half-write.
 */
export interface Store extends StoreRepositories, Outbox {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
  /** Resolves when the database answers a trivial query (for `/readyz`). */
  ping(): Promise<void>;
  /**
   * Resolves when the store can take a write now; rejects with an error that `storeFailureOf` reads as
   * `storage_full` (disk nearly full, or the last write failed for room) or `store_unavailable` (a
   * read-only database) otherwise (for `/readyz`, issue 15).
   */
  checkWritable(): Promise<void>;
}
