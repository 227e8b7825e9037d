import type { MessageStatus } from '../../../shared/schemas';
import { MESSAGE_COLUMN_NAMES, toMessageRow } from '../schema/message-row';
import type { Store } from '../types';
import type { StoreDb } from './store-db';

export type MessageHistoryRepository = Pick<
  Store,
  | 'countMessagesByStatus'
  | 'findSendByIdempotencyKey'
  | 'getMessage'
  | 'listMessages'
  | 'listAttempts'
  | 'listAttemptsOfMessages'
  | 'readMessageBodyChunk'
  | 'finishSentCopy'
>;

const ATTEMPT_COLUMNS = [
  'message_id as messageId',
  'started_at as startedAt',
  'finished_at as finishedAt',
  'outcome',
  'reply',
  'response_code as responseCode',
  'error_code as errorCode',
  'problem_code as problemCode',
] as const;

/**
 * The outbox as history and status reads it, and what the worker does off its hot path (the claims
 * and results are each dialect's own: sqlite/sqlite-outbox.ts, postgres/postgres-outbox.ts).
 */
export function messageHistoryRepository({ db }: StoreDb): MessageHistoryRepository {
  const messages = () => db.selectFrom('messages').select(MESSAGE_COLUMN_NAMES.map((c) => `messages.${c}` as const));

  return {
    async countMessagesByStatus() {
      const rows = await db
        .selectFrom('messages')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)])) as Partial<Record<MessageStatus, number>>;
    },

    async findSendByIdempotencyKey(userId, key) {
      const send = await db
        .selectFrom('sends')
        .select(['id', 'request_hash'])
        .where('user_id', '=', userId)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      if (!send) return undefined;
      const rows = await messages().where('send_id', '=', send.id).orderBy('part_number').execute();
      return { requestHash: send.request_hash, messages: rows.map(toMessageRow) };
    },

    async getMessage(id) {
      const row = await messages().where('id', '=', id).executeTakeFirst();
      return row && toMessageRow(row);
    },

    async listMessages(filter) {
      const rows = await messages()
        .$if(Boolean(filter.userId), (q) => q.where('messages.user_id', '=', filter.userId!))
        // The send's reference, or any document one of its messages carries (a split send's parts).
        .$if(Boolean(filter.documentRef), (q) =>
          q.where((eb) =>
            eb.or([
              eb('document_ref', '=', filter.documentRef!),
              eb('id', 'in', eb.selectFrom('message_documents').select('message_id').where('ref', '=', filter.documentRef!)),
            ]),
          ),
        )
        .orderBy('messages.created_at', 'desc')
        .orderBy('part_number')
        .limit(filter.limit)
        .execute();
      return rows.map(toMessageRow);
    },

    async listAttempts(messageId) {
      return db.selectFrom('attempts').select(ATTEMPT_COLUMNS).where('message_id', '=', messageId).orderBy('id').execute();
    },

    async listAttemptsOfMessages(messageIds) {
      if (messageIds.length === 0) return [];
      return db.selectFrom('attempts').select(ATTEMPT_COLUMNS).where('message_id', 'in', messageIds).orderBy('id').execute();
    },

    async readMessageBodyChunk(messageId, seq) {
      const row = await db.selectFrom('message_body_chunks').select('bytes').where('message_id', '=', messageId).where('seq', '=', seq).executeTakeFirst();
      return row?.bytes;
    },

    async finishSentCopy(id, result) {
      await db
        .updateTable('messages')
        .set((eb) => ({
          sent_copy_status: result.status,
          sent_copy_folder: eb.fn.coalesce(eb.val(result.folder), eb.ref('sent_copy_folder')),
          sent_copy_error: result.error,
          sent_copy_next_at: result.nextAt,
        }))
        .where('id', '=', id)
        .execute();
    },
  };
}
