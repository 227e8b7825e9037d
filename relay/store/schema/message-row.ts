import type { DocumentMarker, MessageRow } from '../types';
import type { Tables } from './tables';

type MessageTable = Tables['messages'];

/** Every message column but `raw`, which only the worker reads (it can be tens of megabytes). */
export const MESSAGE_COLUMN_NAMES = [
  'id',
  'sendId',
  'userId',
  'profileId',
  'messageId',
  'envelope',
  'summary',
  'documentRef',
  'documents',
  'partNumber',
  'partCount',
  'fallback',
  'status',
  'attemptCount',
  'nextAttemptAt',
  'leaseOwner',
  'leaseUntil',
  'lastReply',
  'problemCode',
  'sentAt',
  'sizeBytes',
  'sentCopyStatus',
  'sentCopyAttempts',
  'sentCopyNextAt',
  'sentCopyFolder',
  'sentCopyError',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof MessageTable)[];

export type MessageColumns = Pick<MessageTable, (typeof MESSAGE_COLUMN_NAMES)[number]>;

/**
 * A `messages` row as the store returns it: `attempts` counts only the attempts that count towards
 * giving up (the `attempt_count` column), and the documents are parsed.
 */
export function toMessageRow({ attemptCount, documents, ...row }: MessageColumns): MessageRow {
  return { ...row, attempts: attemptCount, documents: documents ? (JSON.parse(documents) as DocumentMarker[]) : [] };
}

/** The same, from a row of the SQLite outbox's own SQL (snake_case columns). */
export function toMessageRowFromSql(row: Record<string, unknown>): MessageRow {
  const camel = Object.fromEntries(Object.entries(row).map(([key, value]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]));
  return toMessageRow(camel as unknown as MessageColumns);
}

/** The snake_case names of MESSAGE_COLUMN_NAMES, for hand-written SQL. */
export const MESSAGE_SQL_COLUMNS = MESSAGE_COLUMN_NAMES.map((name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
