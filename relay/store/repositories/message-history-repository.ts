import type { MessageStatus } from '../../../shared/schemas';
import { MESSAGE_COLUMN_NAMES, toMessageRow } from '../schema/message-row';
import type { AttemptRecord, MessageRow, SentCopyStatus } from '../types';
import { compiledOnce, countAll, readFirst, type StoreDb } from './store-db';

const ATTEMPT_COLUMNS = ['messageId', 'startedAt', 'finishedAt', 'outcome', 'reply', 'responseCode', 'errorCode', 'problemCode'] as const;

/** The outbox as history and status read it, and the worker's work off its hot path (claims and results are each dialect's own). */
export function messageHistoryRepository(storeDb: StoreDb) {
  const { db } = storeDb;
  const messages = () => db.selectFrom('messages').select(MESSAGE_COLUMN_NAMES.map((c) => `messages.${c}` as const));
  const attemptsOf = (ids: string[]): Promise<AttemptRecord[]> => db.selectFrom('attempts').select(ATTEMPT_COLUMNS).where('messageId', 'in', ids).orderBy('id').execute();
  // Read at every accepted send with a key.
  const sendByKey = compiledOnce(storeDb, (userId, key) => db.selectFrom('sends').select(['id', 'requestHash']).where('userId', '=', userId).where('idempotencyKey', '=', key));
  return {
    /** For GET /metrics. */
    async countMessagesByStatus() {
      const rows = await db.selectFrom('messages').select(['status', countAll]).groupBy('status').execute();
      return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)])) as Partial<Record<MessageStatus, number>>;
    },
    /** The messages of the user's send with this idempotency key, if any (a cheap check before composing). */
    async findSendByIdempotencyKey(userId: string, key: string) {
      const [send] = await sendByKey(userId, key);
      if (!send) return undefined;
      const rows = await messages().where('sendId', '=', send.id).orderBy('partNumber').execute();
      return { requestHash: send.requestHash, messages: rows.map(toMessageRow) };
    },
    getMessage: (id: string): Promise<MessageRow | undefined> => readFirst(messages().where('id', '=', id), toMessageRow),
    /** Newest first. `documentRef` matches the send's reference and every document a message carries. */
    async listMessages(filter: { userId?: string; documentRef?: string; limit: number }): Promise<MessageRow[]> {
      const rows = await messages()
        .$if(Boolean(filter.userId), (q) => q.where('messages.userId', '=', filter.userId!))
        .$if(Boolean(filter.documentRef), (q) =>
          q.where((eb) => eb.or([eb('documentRef', '=', filter.documentRef!), eb('id', 'in', eb.selectFrom('message_documents').select('messageId').where('ref', '=', filter.documentRef!))])),
        )
        .orderBy('messages.createdAt', 'desc')
        .orderBy('partNumber')
        .limit(filter.limit)
        .execute();
      return rows.map(toMessageRow);
    },
    listAttempts: (messageId: string) => attemptsOf([messageId]),
    /** The attempts of several messages in one query (history lists), oldest first. */
    listAttemptsOfMessages: async (messageIds: string[]) => (messageIds.length === 0 ? [] : attemptsOf(messageIds)),
    /** Chunk `seq` (0, 1, …) of a body stored in chunks (a claimed message whose `raw` is null), or undefined past the last one. */
    async readMessageBodyChunk(messageId: string, seq: number): Promise<Buffer | undefined> {
      const row = await db.selectFrom('message_body_chunks').select('bytes').where('messageId', '=', messageId).where('seq', '=', seq).executeTakeFirst();
      return row?.bytes;
    },
    async finishSentCopy(id: string, result: { status: SentCopyStatus; folder: string | null; error: string | null; nextAt: number | null }) {
      await db
        .updateTable('messages')
        .set((eb) => ({ sentCopyStatus: result.status, sentCopyFolder: eb.fn.coalesce(eb.val(result.folder), eb.ref('sentCopyFolder')), sentCopyError: result.error, sentCopyNextAt: result.nextAt }))
        .where('id', '=', id)
        .execute();
    },
  };
}
