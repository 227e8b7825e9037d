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
import type { Outbox, StoreLifecycle } from './store-parts';

/** A row of `table` as the store returns it: the columns of tables.ts, its JSON columns (`J`) read. */
type Row<T extends keyof Tables, J = object> = Omit<Selectable<Tables[T]>, keyof J> & J;

export type UserRow = Omit<Row<'users'>, 'removedAt'>;
export type Role = UserRow['role'];

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
  /** Its stored values could not be read (schema/message-row.ts, toClaimedMessage): the attempt fails with this. */
  unreadable?: StoredDataError;
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

/**
 * The relay's persistence. Two implementations: SQLite (embedded default) and PostgreSQL (several
 * relay instances). Every method is async so both fit; every write that must be atomic is one method,
 * so callers cannot half-write.
 */
export type Store = StoreRepositories & Outbox & StoreLifecycle;

/** What `instanceHeartbeat` found. */
export interface InstanceState {
  /** This worker may claim messages (on SQLite: it holds the outbox lock). */
  mayClaim: boolean;
  /** Messages of dead owners made due again now. */
  takenBack: number;
}
