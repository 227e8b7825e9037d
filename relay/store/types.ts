/** The store's records and the Store: its repositories, the outbox's hot path, its own lifecycle. */
import type { Selectable } from 'kysely';
import type { MessageStatus } from '../../shared/schemas';
import type { DeliverySettingsData } from '../delivery/delivery-settings';
import type { MessageSummary } from '../delivery/message-summary';
import type { OAuthGrantState, ProfileData, SealedSecrets } from '../profiles/profile-data';
import type { MessageBytes } from '../mime/message-bytes';
import type { StoreRepositories } from './repositories/store-repositories';
import type { SignInDetails, SignInResult, SignInSealed } from '../oauth/sign-in-data';
import type { Envelope, MessageFallback, RecipeData } from './schema/json-columns';
import type { Tables } from './schema/tables';
import type { StoredDataError } from './store-errors';

/** A row of `table` as the store returns it: the columns of tables.ts, its JSON columns (`J`) read. */
type Row<T extends keyof Tables, J = object> = Omit<Selectable<Tables[T]>, keyof J> & J;

export type UserRow = Omit<Row<'users'>, 'removedAt'>;
export type Role = UserRow['role'];
/** `oauthState`: the OAuth2 sign-in's outcome, written by the OAuth repository only. */
export type ProfileRow = Row<'profiles', { data: ProfileData; secrets: SealedSecrets | null; oauthState?: OAuthGrantState | null }>;
export type OAuthAccessTokenRow = Row<'oauth_access_tokens', { secrets: SealedSecrets }>;
/** A delegated OAuth2 sign-in (device code or authorization code); at most one per profile. */
export type OAuthSignInRow = Row<'oauth_sign_ins', { sealed: SignInSealed; details: SignInDetails; result: SignInResult | null }>;
/** The company's when `ownerId` is null, else one person's own override. */
export type TemplateRow = Row<'message_templates', { ownerId: string | null }>;
/** `data` is null for a format newer than this relay knows. */
export type RecipeRow = Row<'recipes', { data: RecipeData | null }>;
export type AppPasswordRow = Row<'app_passwords'>;
export type CustomerRow = Row<'customers', { recipients: string[] }>;
export type DeliverySettingsRow = Row<'profile_delivery_settings', { data: DeliverySettingsData; secrets: SealedSecrets | null }>;
export type AttemptRecord = Omit<Row<'attempts'>, 'id'>;
export type SentCopyStatus = NonNullable<Tables['messages']['sentCopyStatus']>;

/** How stale a token's `last_used_at` may be: it is written once a minute at most (getUserByTokenHash). */
export const TOKEN_LAST_USED_PRECISION_MS = 60_000;

/** One POST /v1/messages: the messages it became (several when split by size), committed together. `requestHash`: see tables.ts. */
export type NewSend = Row<'sends'> & { messages: NewMessage[] };

export type DocumentMarker = NewMessage['documents'][number];

export type NewMessage = Pick<Row<'messages'>, 'id' | 'profileId' | 'messageId' | 'documentRef' | 'partNumber' | 'partCount'> & {
  envelope: Envelope;
  /** Every attempt and the Sent copy use exactly these bytes. */
  raw: MessageBytes;
  summary: MessageSummary;
  documents: { ref: string; title?: string }[];
  /** When a fallback profile sends it. */
  fallback: MessageFallback | null;
  wantsSentCopy: boolean;
};

/** A message of the outbox but its body; `attempts` counts only those that count towards giving up (`attempt_count`). */
export type MessageRow = Omit<Row<'messages'>, 'raw' | 'attempts' | 'attemptCount' | keyof NewMessage> & Omit<NewMessage, 'raw' | 'wantsSentCopy'> & { attempts: number; status: MessageStatus };

export type ClaimedMessage = MessageRow & {
  /** Null when stored in chunks (over BODY_CHUNK_BYTES): read them with `readMessageBodyChunk`, never all at once. */
  raw: Buffer | null;
  /** Its stored values could not be read: the attempt fails with this. */
  unreadable?: StoredDataError;
  /**
   * A digest of its sender profile's and delivery settings' rows when claimed (PostgreSQL; absent when the profile is gone, and on
   * SQLite, where reading them costs no round trip): the same digest means the same rows as the worker's last read.
   */
  profileVersion?: string;
};

/** Bodies larger than this are stored in chunks of this size; smaller ones in one piece. */
export const BODY_CHUNK_BYTES = 1024 * 1024;

/** What the worker decided after one attempt; applied atomically with the attempt record. */
export type AttemptResult =
  /** `problemCode`: sent, but not to everyone (some recipients refused, see relay/delivery/refused-recipients.ts). */
  | { outcome: 'sent'; reply: string; problemCode?: string }
  | { outcome: 'deferred'; reply: string | null; responseCode: number | null; problemCode: string; nextAttemptAt: number }
  | { outcome: 'failed'; reply: string | null; responseCode: number | null; problemCode: string };

export type FinishedAttempt = { id: string; attempt: Pick<Row<'attempts'>, 'startedAt' | 'finishedAt' | 'reply' | 'responseCode' | 'errorCode'>; result: AttemptResult };

/** Whether each attempt applied (as finishAttempts), and the messages claimed with them. */
export type FinishedAndClaimed = { applied: boolean[]; claimed: ClaimedMessage[] };

export type EnqueueResult = { kind: 'created'; messages: MessageRow[] } | { kind: 'existing'; messages: MessageRow[]; sameRequest: boolean };

/** `mayClaim`: on SQLite, this worker holds the outbox lock; `takenBack`: messages of dead owners made due again. */
export type InstanceState = { mayClaim: boolean; takenBack: number };

/** The outbox's hot path, in each database's own statements. */
export interface Outbox {
  /** Commits a send durably (the caller answers 202 after); a used idempotency key writes nothing and returns the existing send. */
  enqueueSend(send: NewSend): Promise<EnqueueResult>;
  /** Claims due messages until `now + leaseMs`; one whose lease expired is due again, its lost attempt recorded as `interrupted` (not counted). */
  claimDueMessages(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]>;
  renewLeases(ids: string[], owner: string, until: number): Promise<void>;
  /** Records attempts and applies their results in one transaction, each only while `owner` holds its lease: whether it applied. */
  finishAttempts(owner: string, finished: FinishedAttempt[]): Promise<boolean[]>;
  /**
   * finishAttempts, and in the same transaction claimDueMessages (none of `finished` among them): one round trip and one sync for both
   * (PostgreSQL: one statement; SQLite: one message to its outbox thread and one transaction). A store without it has the worker call the two
   * on their own.
   */
  finishAttemptsAndClaim?(owner: string, finished: FinishedAttempt[], claim: { now: number; leaseMs: number; limit: number }): Promise<FinishedAndClaimed>;
  /** Gives a claimed message back without counting an attempt (shutdown). */
  releaseLease(id: string, owner: string, now: number): Promise<void>;
  /** Puts a claimed message back, due at `until`, without an attempt: it waits for its profile's rate limit. */
  postponeMessage(id: string, owner: string, until: number): Promise<void>;
  /** Claiming pushes `sent_copy_next_at` to `now + leaseMs`. */
  claimDueSentCopies(now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]>;
  /**
   * Call at start and every heartbeat. SQLite: the first caller takes the outbox lock and, on taking it, makes every message of
   * another owner due; a caller without the lock must not claim. PostgreSQL: with `takeOver`, instances silent for `deadAfterMs` lose theirs.
   */
  instanceHeartbeat(owner: string, options: { now: number; deadAfterMs: number; takeOver: boolean }): Promise<InstanceState>;
  endInstance(owner: string): Promise<void>;
}

const OUTBOX_METHODS = [
  'enqueueSend',
  'claimDueMessages',
  'renewLeases',
  'finishAttempts',
  'finishAttemptsAndClaim',
  'releaseLease',
  'postponeMessage',
  'claimDueSentCopies',
  'instanceHeartbeat',
  'endInstance',
] as const;

/** The outbox's methods, bound to it, for a store to take on: the outbox stays an object of its own, whose fields the hot path reads fast. */
export const outboxMethods = (outbox: Outbox) => Object.fromEntries(OUTBOX_METHODS.flatMap((name) => (outbox[name] ? [[name, outbox[name].bind(outbox)]] : []))) as unknown as Outbox;

/** The relay's persistence on SQLite or PostgreSQL. Every write that must be atomic is one method, so callers cannot half-write. */
export interface Store extends StoreRepositories, Outbox {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
  ping(): Promise<void>;
  /** Rejects with an error `storeFailureOf` reads as `storage_full` or `store_unavailable` when a write cannot be taken now (`/readyz`). */
  checkWritable(): Promise<void>;
}
