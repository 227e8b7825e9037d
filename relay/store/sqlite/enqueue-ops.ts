import { newMessageValues, toMessageRow } from '../schema/message-row';
import { BODY_CHUNK_BYTES, wholeBody, type EnqueueResult, type NewSend } from '../types';
import type { SqlOp, SqlOpResult } from './sql-thread.mjs';

type Row = Record<string, unknown>;

/**
 * One send as statements, in a savepoint inside the group's IMMEDIATE transaction. The send's row goes in first, or nothing does when
 * another send holds the key; every later row only if that row is there. The last two read back the send holding the key and its messages.
 */
export function enqueueOps(send: NewSend, messageColumns: string): SqlOp[] {
  const ops: SqlOp[] = [
    {
      sql: `INSERT INTO sends (id, user_id, idempotency_key, request_hash, created_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (user_id, idempotency_key) DO NOTHING`,
      params: [send.id, send.userId, send.idempotencyKey, send.requestHash, send.createdAt],
    },
  ];
  for (const message of send.messages) {
    ops.push(
      {
        sql: `INSERT INTO messages (id, send_id, user_id, profile_id, message_id, envelope, raw, size_bytes, summary, document_ref,
                documents, part_number, part_count, fallback, status, attempts, attempt_count, next_attempt_at,
                sent_copy_status, sent_copy_next_at, created_at, updated_at)
              SELECT @id, @sendId, @userId, @profileId, @messageId, @envelope, x'', @sizeBytes, @summary, @documentRef,
                @documents, @partNumber, @partCount, @fallback, 'queued', 0, 0, @createdAt,
                @sentCopyStatus, NULL, @createdAt, @createdAt
              WHERE EXISTS (SELECT 1 FROM sends WHERE id = @sendId)`,
        params: [newMessageValues(send, message)],
      },
      // A larger body goes in chunks (SqliteOutbox.writeSend).
      ...(message.raw.length <= BODY_CHUNK_BYTES
        ? [{ sql: 'INSERT INTO message_bodies (message_id, raw) SELECT @id, @raw WHERE EXISTS (SELECT 1 FROM messages WHERE id = @id)', params: [{ id: message.id, raw: wholeBody(message.raw) }] }]
        : []),
      ...message.documents.map((document) => ({
        sql: 'INSERT OR IGNORE INTO message_documents (message_id, ref) SELECT @id, @ref WHERE EXISTS (SELECT 1 FROM messages WHERE id = @id)',
        params: [{ id: message.id, ref: document.ref }],
      })),
    );
  }
  // The send holding the key: this one (its id), or the one that had the key before.
  const holder = 'SELECT id FROM sends WHERE id = @id OR (user_id = @userId AND idempotency_key = @key)';
  const holderParams = [{ id: send.id, userId: send.userId, key: send.idempotencyKey }];
  ops.push(
    { sql: `SELECT request_hash FROM sends WHERE id = (${holder})`, params: holderParams, all: true },
    { sql: `SELECT ${messageColumns} FROM messages WHERE send_id = (${holder}) ORDER BY part_number`, params: holderParams, all: true },
  );
  return ops;
}

export function enqueueResult(send: NewSend, results: SqlOpResult[]): EnqueueResult {
  const created = results[0] === 1;
  const [holder] = results.at(-2) as Row[];
  const messages = (results.at(-1) as Row[]).map((row) => toMessageRow(row));
  if (created) return { kind: 'created', messages };
  return { kind: 'existing', messages, sameRequest: holder?.request_hash === send.requestHash };
}
