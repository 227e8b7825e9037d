import type { MessageStatus } from '../../../shared/schemas';
import { MESSAGE_COLUMN_NAMES, toMessageRow } from '../schema/message-row';
import type { Store } from '../types';
import type { StoreDb } from './store-db';

export type MessageHistoryRepository = Pick<
  Store,
  'countMessagesByStatus' | 'findSendByIdempotencyKey' | 'getMessage' | 'listMessages' | 'listAttempts' | 'listAttemptsOfMessages' | 'readMessageBodyChunk' | 'finishSentCopy'
>;

const ATTEMPT_COLUMNS = ['messageId', 'startedAt', 'finishedAt', 'outcome', 'reply', 'responseCode', 'errorCode', 'problemCode'] as const;

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
      const send = await db.selectFrom('sends').select(['id', 'requestHash']).where('userId', '=', userId).where('idempotencyKey', '=', key).executeTakeFirst();
      if (!send) return undefined;
      const rows = await messages().where('sendId', '=', send.id).orderBy('partNumber').execute();
      return { requestHash: send.requestHash, messages: rows.map(toMessageRow) };
    },

    async getMessage(id) {
      const row = await messages().where('id', '=', id).executeTakeFirst();
      return row && toMessageRow(row);
    },

    async listMessages(filter) {
      const rows = await messages()
        .$if(Boolean(filter.userId), (q) => q.where('messages.userId', '=', filter.userId!))
        // The send's reference, or any document one of its messages carries (a split send's parts).
        .$if(Boolean(filter.documentRef), (q) =>
          q.where((eb) => eb.or([eb('documentRef', '=', filter.documentRef!), eb('id', 'in', eb.selectFrom('message_documents').select('messageId').where('ref', '=', filter.documentRef!))])),
        )
        .orderBy('messages.createdAt', 'desc')
        .orderBy('partNumber')
        .limit(filter.limit)
        .execute();
      return rows.map(toMessageRow);
    },

    listAttempts: (messageId) => db.selectFrom('attempts').select(ATTEMPT_COLUMNS).where('messageId', '=', messageId).orderBy('id').execute(),

    async listAttemptsOfMessages(messageIds) {
      if (messageIds.length === 0) return [];
      return db.selectFrom('attempts').select(ATTEMPT_COLUMNS).where('messageId', 'in', messageIds).orderBy('id').execute();
    },

    async readMessageBodyChunk(messageId, seq) {
      const row = await db.selectFrom('message_body_chunks').select('bytes').where('messageId', '=', messageId).where('seq', '=', seq).executeTakeFirst();
      return row?.bytes;
    },

    async finishSentCopy(id, result) {
      await db
        .updateTable('messages')
        .set((eb) => ({
          sentCopyStatus: result.status,
          sentCopyFolder: eb.fn.coalesce(eb.val(result.folder), eb.ref('sentCopyFolder')),
          sentCopyError: result.error,
          sentCopyNextAt: result.nextAt,
        }))
        .where('id', '=', id)
        .execute();
    },
  };
}
