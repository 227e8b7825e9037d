import { StoredDataError } from '../store-errors';
import type { ClaimedMessage, FinishedAttempt, MessageRow, NewMessage, NewSend } from '../types';
import { JSON_COLUMNS, readRow } from './json-columns';
import type { Tables } from './tables';

type MessageColumn = Exclude<keyof Tables['messages'], 'raw' | 'attempts'>;
type Words<S extends string> = S extends `${infer W} ${infer R}` ? W | Words<R> : S;
/** `names` split at spaces, each checked to be a column of `messages`. */
const columns = <S extends string>(names: S & (Words<S> extends MessageColumn ? unknown : never)) => names.split(' ') as Words<S>[];

/** Every message column but `raw`, which only the worker reads (it can be tens of megabytes). */
export const MESSAGE_COLUMN_NAMES = columns(
  'id sendId userId profileId messageId envelope summary documentRef documents partNumber partCount fallback status attemptCount nextAttemptAt leaseOwner leaseUntil lastReply problemCode sentAt sizeBytes sentCopyStatus sentCopyAttempts sentCopyNextAt sentCopyFolder sentCopyError createdAt updatedAt',
);

/** The same in snake_case, for hand-written SQL. */
export const MESSAGE_SQL_COLUMNS = MESSAGE_COLUMN_NAMES.map((name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));

const FIELD_OF_SQL_COLUMN = new Map<string, string>(MESSAGE_SQL_COLUMNS.map((column, i) => [column, MESSAGE_COLUMN_NAMES[i]!]));

/**
 * A `messages` row as the store returns it, from the query builder (camelCase) or the outboxes' SQL (snake_case, with `raw` when
 * claimed), made in one object (the worker turns every claimed row into one): `attempts` is the `attempt_count` column.
 */
export function toMessageRow<T extends MessageRow = MessageRow>(row: object): T {
  const fields: Record<string, unknown> = {};
  for (const key in row) {
    const field = FIELD_OF_SQL_COLUMN.get(key) ?? key;
    if (field === 'attemptCount') fields.attempts = (row as Record<string, unknown>)[key];
    else if (field !== 'attempts') fields[field] = (row as Record<string, unknown>)[key];
  }
  fields.documents ??= '[]';
  return readRow<T>('messages', fields);
}

/**
 * A claimed row with its body (`raw`: null when stored in chunks; from the row when not given). One whose stored values cannot be
 * read comes back with the error in `unreadable` and empty values: the worker fails it alone (a throw would leave the batch leased).
 */
export function toClaimedMessage(row: Record<string, unknown>, raw?: Buffer | null): ClaimedMessage {
  let claimed: ClaimedMessage;
  try {
    claimed = toMessageRow<ClaimedMessage>(row);
  } catch (error) {
    if (!(error instanceof StoredDataError)) throw error;
    const empty = { envelope: '{"from":"","to":[]}', summary: '{"to":[],"subject":""}', documents: null, fallback: null };
    claimed = { ...toMessageRow<ClaimedMessage>({ ...row, ...empty }), unreadable: error };
  }
  if (raw !== undefined) claimed.raw = raw;
  return claimed;
}

/** Claimed messages, the longest due first. */
export const sortedByDue = (claimed: ClaimedMessage[]) => claimed.sort((x, y) => (x.nextAttemptAt ?? 0) - (y.nextAttemptAt ?? 0));

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

/** A finished attempt's values as both outboxes write them: `attemptReply` goes to its attempt, `reply` to its message. */
export function attemptValues({ id, attempt: { reply: attemptReply, ...attempt }, result }: FinishedAttempt) {
  const problemCode = result.problemCode ?? null;
  return { id, ...attempt, attemptReply, outcome: result.outcome, reply: result.reply, problemCode, nextAttemptAt: result.outcome === 'deferred' ? result.nextAttemptAt : null };
}
