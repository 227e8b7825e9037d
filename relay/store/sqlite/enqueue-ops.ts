import { newMessageValues, toMessageRow } from '../schema/message-row';
import { bodyChunks, wholeBody } from '../../mime/message-bytes';
import { BODY_CHUNK_BYTES, type EnqueueResult, type NewSend } from '../types';
import type { SqlOp, SqlOpResult } from './sql-thread.mjs';

type Row = Record<string, unknown>;

const IF_MESSAGE = 'WHERE EXISTS (SELECT 1 FROM messages WHERE id = @id)';
const INSERT_BODY_SQL = `INSERT INTO message_bodies (message_id, raw) SELECT @id, @raw ${IF_MESSAGE}`;
const INSERT_CHUNK_SQL = `INSERT INTO message_body_chunks (message_id, seq, bytes) SELECT @id, @seq, @bytes ${IF_MESSAGE}`;
const INSERT_DOCUMENT_SQL = `INSERT OR IGNORE INTO message_documents (message_id, ref) SELECT @id, @ref ${IF_MESSAGE}`;

/**
 * One send as statements, in a savepoint inside the group's IMMEDIATE transaction. The send's row goes in first, or nothing does when
 * another send holds the key; every later row only if that row is there. The last two read back the send holding the key and its messages.
 * A body over BODY_CHUNK_BYTES goes in chunks (only on the main connection: SqliteOutbox.enqueueSend), each made when the previous was
 * run: one buffer serves them all.
 */
export function* enqueueOps(send: NewSend, messageColumns: string): Generator<SqlOp> {
  yield {
    sql: `INSERT INTO sends (id, user_id, idempotency_key, request_hash, created_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (user_id, idempotency_key) DO NOTHING`,
    params: [send.id, send.userId, send.idempotencyKey, send.requestHash, send.createdAt],
  };
  for (const message of send.messages) {
    yield {
      sql: `INSERT INTO messages (id, send_id, user_id, profile_id, message_id, envelope, raw, size_bytes, summary, document_ref,
              documents, part_number, part_count, fallback, status, attempts, attempt_count, next_attempt_at,
              sent_copy_status, sent_copy_next_at, created_at, updated_at)
            SELECT @id, @sendId, @userId, @profileId, @messageId, @envelope, x'', @sizeBytes, @summary, @documentRef,
              @documents, @partNumber, @partCount, @fallback, 'queued', 0, 0, @createdAt,
              @sentCopyStatus, NULL, @createdAt, @createdAt
            WHERE EXISTS (SELECT 1 FROM sends WHERE id = @sendId)`,
      params: [newMessageValues(send, message)],
    };
    const id = message.id;
    if (message.raw.length <= BODY_CHUNK_BYTES) yield { sql: INSERT_BODY_SQL, params: [{ id, raw: wholeBody(message.raw) }] };
    else {
      let seq = 0;
      for (const bytes of bodyChunks(message.raw, BODY_CHUNK_BYTES)) yield { sql: INSERT_CHUNK_SQL, params: [{ id, seq: seq++, bytes }] };
    }
    for (const { ref } of message.documents) yield { sql: INSERT_DOCUMENT_SQL, params: [{ id, ref }] };
  }
  // The send holding the key: this one (its id), or the one that had the key before.
  const holder = 'SELECT id FROM sends WHERE id = @id OR (user_id = @userId AND idempotency_key = @key)';
  const holderParams = [{ id: send.id, userId: send.userId, key: send.idempotencyKey }];
  yield { sql: `SELECT request_hash FROM sends WHERE id = (${holder})`, params: holderParams, all: true };
  yield { sql: `SELECT ${messageColumns} FROM messages WHERE send_id = (${holder}) ORDER BY part_number`, params: holderParams, all: true };
}

export function enqueueResult(send: NewSend, results: SqlOpResult[]): EnqueueResult {
  const created = results[0] === 1;
  const [holder] = results.at(-2) as Row[];
  const messages = (results.at(-1) as Row[]).map((row) => toMessageRow(row));
  if (created) return { kind: 'created', messages };
  return { kind: 'existing', messages, sameRequest: holder?.request_hash === send.requestHash };
}
