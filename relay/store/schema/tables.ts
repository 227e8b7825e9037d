/** The database as the migrations leave it, camelCase (snake_case in the database). Times are epoch milliseconds. */
import type { Generated } from 'kysely';

export interface Tables {
  users: { id: string; email: string; name: string | null; role: 'admin' | 'member'; createdAt: number; removedAt: number | null };
  tokens: { hash: string; id: Generated<string>; userId: string; device: string; createdAt: number; lastUsedAt: number | null };
  pairing_codes: { hash: string; userId: string; expiresAt: number; usedAt: number | null };
  setup_codes: { hash: string; createdAt: number; expiresAt: number; usedAt: number | null };
  profiles: { id: string; ownerId: string | null; scope: 'personal' | 'company'; data: string; secrets: string | null; oauthState: string | null; createdAt: number; updatedAt: number };
  profile_delivery_settings: { profileId: string; data: string; secrets: string | null; serverMaxBytes: number | null; updatedAt: number };
  sender_allowances: { userId: string; pattern: string; createdAt: number };
  /** `requestHash`: SHA-256 of the validated request, to tell a retry of the same request from another one. */
  sends: { id: string; userId: string; idempotencyKey: string | null; requestHash: string; createdAt: number };
  messages: {
    id: string;
    sendId: string;
    userId: string;
    profileId: string;
    messageId: string;
    envelope: string;
    /** SQLite: an empty blob (bodies live in message_bodies); PostgreSQL: the body, or null when chunked. */
    raw: Buffer | null;
    summary: string;
    documentRef: string | null;
    documents: string | null;
    partNumber: number;
    partCount: number;
    fallback: string | null;
    status: 'queued' | 'sending' | 'sent' | 'deferred' | 'failed';
    attempts: number;
    attemptCount: number;
    nextAttemptAt: number | null;
    leaseOwner: string | null;
    leaseUntil: number | null;
    lastReply: string | null;
    problemCode: string | null;
    sentAt: number | null;
    sizeBytes: number;
    sentCopyStatus: 'pending' | 'saved' | 'failed' | null;
    sentCopyAttempts: number;
    sentCopyNextAt: number | null;
    sentCopyFolder: string | null;
    sentCopyError: string | null;
    createdAt: number;
    updatedAt: number;
  };
  /** SQLite only. */
  message_bodies: { messageId: string; raw: Buffer };
  message_body_chunks: { messageId: string; seq: number; bytes: Buffer };
  message_documents: { messageId: string; ref: string };
  attempts: {
    id: Generated<number>;
    messageId: string;
    startedAt: number;
    finishedAt: number;
    outcome: 'sent' | 'deferred' | 'failed' | 'released' | 'interrupted';
    reply: string | null;
    responseCode: number | null;
    errorCode: string | null;
    problemCode: string | null;
  };
  recipes: { id: string; formatVersion: number; data: string; publishedBy: string | null; createdAt: number; updatedAt: number };
  message_templates: { ownerId: string; kind: string; language: string; subject: string; message: string; updatedBy: string | null; updatedAt: number };
  customers: {
    id: string;
    name: string | null;
    nameKey: string | null;
    number: string | null;
    numberKey: string | null;
    recipients: string;
    updatedBy: string | null;
    createdAt: number;
    updatedAt: number;
  };
  app_passwords: { id: string; userId: string; name: string; hash: string; createdAt: number; lastUsedAt: number | null };
  oauth_access_tokens: { profileId: string; credentialKey: string; secrets: string; obtainedAt: number; expiresAt: number };
  oauth_sign_ins: {
    id: string;
    profileId: string;
    userId: string;
    provider: 'microsoft' | 'google';
    flow: 'device_code' | 'authorization_code';
    status: 'pending' | 'signed_in' | 'failed' | 'expired';
    stateHash: string | null;
    sealed: string;
    details: string;
    pollIntervalMs: number | null;
    nextPollAt: number | null;
    problemCode: string | null;
    result: string | null;
    createdAt: number;
    expiresAt: number;
    updatedAt: number;
  };
  /** PostgreSQL only. */
  relay_instances: { id: string; host: string; pid: number; startedAt: number; heartbeatAt: number };
}
