/**
 * The relay's persistence contract. Two implementations: SQLite (embedded default) and PostgreSQL
 * (several relay instances). Every method is async so both fit; every write that must be atomic is
 * one method here, so callers cannot half-write.
 */
import type { MessageStatus } from '../../shared/schemas';

export type Role = 'admin' | 'member';

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  createdAt: number;
}

export interface ProfileRow {
  id: string;
  ownerId: string | null;
  scope: 'personal' | 'company';
  /** Non-secret settings as JSON (see relay/profiles/profile-data.ts). */
  data: string;
  /** Sealed secrets as JSON `{ password?: sealed }`, or null. */
  secrets: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewMessage {
  id: string;
  userId: string;
  profileId: string;
  messageId: string;
  /** JSON `{from, to[]}`. */
  envelope: string;
  /** The complete MIME message; every attempt sends exactly these bytes. */
  raw: Buffer;
  /** JSON summary for history views: to, subject. */
  summary: string;
  documentRef: string | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  createdAt: number;
}

export interface MessageRow extends Omit<NewMessage, 'raw'> {
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: number | null;
  leaseOwner: string | null;
  leaseUntil: number | null;
  lastReply: string | null;
  problemCode: string | null;
  sentAt: number | null;
  updatedAt: number;
}

export interface ClaimedMessage extends MessageRow {
  raw: Buffer;
}

export interface AttemptRecord {
  messageId: string;
  startedAt: number;
  finishedAt: number;
  outcome: 'sent' | 'deferred' | 'failed' | 'released';
  reply: string | null;
  responseCode: number | null;
  errorCode: string | null;
}

/** What the worker decided after one attempt; applied atomically with the attempt record. */
export type AttemptResult =
  | { outcome: 'sent'; reply: string }
  | { outcome: 'deferred'; reply: string | null; responseCode: number | null; problemCode: string; nextAttemptAt: number }
  | { outcome: 'failed'; reply: string | null; responseCode: number | null; problemCode: string };

export type EnqueueResult =
  | { kind: 'created'; message: MessageRow }
  | { kind: 'existing'; message: MessageRow; sameRequest: boolean };

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;

  countUsers(): Promise<number>;
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

  /**
   * Commits a message to the outbox durably (the caller answers 202 only after this resolves).
   * With an idempotency key already used by the same user, returns the existing message instead.
   */
  enqueueMessage(message: NewMessage): Promise<EnqueueResult>;
  getMessage(id: string): Promise<MessageRow | undefined>;
  listMessages(filter: { userId?: string; documentRef?: string; limit: number }): Promise<MessageRow[]>;
  /** Claims up to `limit` due messages for `owner` until `now + leaseMs` (expired leases are due). */
  claimDueMessages(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedMessage[]>;
  /** Records an attempt and applies its result, if `owner` still holds the lease. */
  finishAttempt(id: string, owner: string, attempt: Omit<AttemptRecord, 'messageId' | 'outcome'>, result: AttemptResult): Promise<boolean>;
  /** Gives a claimed message back without counting an attempt (shutdown). */
  releaseLease(id: string, owner: string, now: number): Promise<void>;
  listAttempts(messageId: string): Promise<AttemptRecord[]>;
}
