import type { DocumentMarker, MessageRow } from '../types';
import type { Tables } from './tables';

/** Every message column but `raw`, which only the worker reads (it can be tens of megabytes). */
export const MESSAGE_COLUMN_NAMES = [
  'id', 'send_id', 'user_id', 'profile_id', 'message_id', 'envelope', 'summary', 'document_ref', 'documents', 'part_number',
  'part_count', 'fallback', 'status', 'attempt_count', 'next_attempt_at', 'lease_owner', 'lease_until', 'last_reply',
  'problem_code', 'sent_at', 'size_bytes', 'sent_copy_status', 'sent_copy_attempts', 'sent_copy_next_at', 'sent_copy_folder',
  'sent_copy_error', 'created_at', 'updated_at',
] as const satisfies readonly (keyof Tables['messages'])[];

export type MessageColumns = Pick<Tables['messages'], (typeof MESSAGE_COLUMN_NAMES)[number]>;

/** A `messages` row as the store returns it. */
export function toMessageRow(row: MessageColumns): MessageRow {
  return {
    id: row.id,
    sendId: row.send_id,
    userId: row.user_id,
    profileId: row.profile_id,
    messageId: row.message_id,
    envelope: row.envelope,
    summary: row.summary,
    documentRef: row.document_ref ?? null,
    documents: row.documents ? (JSON.parse(row.documents) as DocumentMarker[]) : [],
    partNumber: row.part_number,
    partCount: row.part_count,
    fallback: row.fallback ?? null,
    status: row.status,
    attempts: row.attempt_count,
    nextAttemptAt: row.next_attempt_at ?? null,
    leaseOwner: row.lease_owner ?? null,
    leaseUntil: row.lease_until ?? null,
    lastReply: row.last_reply ?? null,
    problemCode: row.problem_code ?? null,
    sentAt: row.sent_at ?? null,
    sizeBytes: row.size_bytes,
    sentCopyStatus: row.sent_copy_status ?? null,
    sentCopyAttempts: row.sent_copy_attempts,
    sentCopyNextAt: row.sent_copy_next_at ?? null,
    sentCopyFolder: row.sent_copy_folder ?? null,
    sentCopyError: row.sent_copy_error ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
