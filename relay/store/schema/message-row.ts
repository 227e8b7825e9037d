import { StoredDataError } from '../store-errors';
import type { ClaimedMessage, MessageRow, NewMessage, NewSend } from '../types';
import { JSON_COLUMNS, readRow } from './json-columns';
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

/** The snake_case names of MESSAGE_COLUMN_NAMES, for hand-written SQL. */
export const MESSAGE_SQL_COLUMNS = MESSAGE_COLUMN_NAMES.map((name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));

const FIELD_OF_SQL_COLUMN = new Map<string, string>(MESSAGE_SQL_COLUMNS.map((column, i) => [column, MESSAGE_COLUMN_NAMES[i]!]));

/**
 * A `messages` row as the store returns it: `attempts` counts only the attempts that count towards
 * giving up (the `attempt_count` column), and the JSON columns are read.
 */
export function toMessageRow<T extends MessageRow = MessageRow>({ attemptCount, documents, ...row }: MessageColumns & { raw?: Buffer | null }): T {
  return readRow<T>('messages', { ...row, attempts: attemptCount, documents: documents ?? '[]' });
}

/** The same, from a row of the outboxes' own SQL (snake_case columns, and `raw` when claimed). */
export function toMessageRowFromSql<T extends MessageRow = MessageRow>(row: Record<string, unknown>): T {
  const fields: Record<string, unknown> = {};
  for (const key in row) fields[FIELD_OF_SQL_COLUMN.get(key) ?? key] = row[key];
  return toMessageRow<T>(fields as unknown as MessageColumns);
}

/**
 * A claimed row for the worker. One whose stored values cannot be read comes back too, with the
 * error in `unreadable` and empty values in their place: the worker fails that message alone and
 * delivers the rest of the batch (a claim that threw would leave the whole batch leased, again and again).
 */
export function toClaimedMessage(row: Record<string, unknown>): ClaimedMessage {
  try {
    return toMessageRowFromSql<ClaimedMessage>(row);
  } catch (error) {
    if (!(error instanceof StoredDataError)) throw error;
    const empty = { envelope: '{"from":"","to":[]}', summary: '{"to":[],"subject":""}', documents: null, fallback: null };
    return { ...toMessageRowFromSql<ClaimedMessage>({ ...row, ...empty }), unreadable: error };
  }
}

/** A new message's columns (but its body) as both outboxes insert them. */
export function newMessageValues(send: NewSend, message: NewMessage) {
  const json = JSON_COLUMNS.messages;
  return {
    id: message.id,
    sendId: send.id,
    userId: send.userId,
    profileId: message.profileId,
    messageId: message.messageId,
    envelope: json.envelope.write(message.envelope),
    sizeBytes: message.raw.length,
    summary: json.summary.write(message.summary),
    documentRef: message.documentRef,
    documents: message.documents.length ? json.documents.write(message.documents) : null,
    partNumber: message.partNumber,
    partCount: message.partCount,
    fallback: message.fallback && json.fallback.write(message.fallback),
    sentCopyStatus: message.wantsSentCopy ? 'pending' : null,
    createdAt: send.createdAt,
  };
}
