import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import { zMessageInput, type AttemptView, type MessageView, type SendAcceptedView } from '../../shared/schemas';
import { getProblem, isProblemCode } from '../diagnosis/catalogue';
import { acceptSend } from '../delivery/accept-send';
import type { SendInput } from '../delivery/compose-message';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { preferredLanguage } from '../http/language';
import { readJsonBodyWithBase64 } from '../http/read-body';
import type { SecretCipher } from '../secrets/cipher';
import type { AttemptRecord, MessageRow, Store, UserRow } from '../store/types';

/** The largest request body for a send: attachments travel base64 inside the JSON. */
export const MAX_SEND_REQUEST_BYTES = 60 * 1024 * 1024;

export interface MessageRouteDeps {
  store: Store;
  /** Called after a message is committed, so the worker need not wait for its next poll. */
  onQueued: () => void;
  /** For the sender side of a send (relay/profiles/plan-send.ts): is the profile usable, who may send as whom. */
  cipher: SecretCipher;
  allowPrivateHosts: boolean;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

type Language = ReturnType<typeof preferredLanguage>;

function toAttemptView(record: AttemptRecord, number: number): AttemptView {
  return {
    number,
    startedAt: new Date(record.startedAt).toISOString(),
    finishedAt: new Date(record.finishedAt).toISOString(),
    outcome: record.outcome,
    ...(record.reply ? { reply: record.reply } : {}),
    ...(record.responseCode !== null ? { responseCode: record.responseCode } : {}),
    ...(record.errorCode ? { errorCode: record.errorCode } : {}),
    ...(record.problemCode ? { problemCode: record.problemCode } : {}),
  };
}

export function toMessageView(row: MessageRow, attempts: AttemptRecord[], lang: Language): MessageView {
  const { summary } = row;
  const waiting = row.status === 'queued' || row.status === 'deferred';
  return {
    id: row.id,
    sendId: row.sendId,
    status: row.status,
    profileId: row.profileId,
    messageId: row.messageId,
    to: summary.to,
    subject: summary.subject,
    ...(row.documentRef ? { documentRef: row.documentRef } : {}),
    ...(row.documents.length ? { documents: row.documents } : {}),
    ...(row.partCount > 1 ? { part: { number: row.partNumber, of: row.partCount } } : {}),
    attempts: attempts.map((a, i) => toAttemptView(a, i + 1)),
    attemptCount: row.attempts,
    ...(row.lastReply ? { lastReply: row.lastReply } : {}),
    ...(row.nextAttemptAt && waiting ? { nextAttemptAt: new Date(row.nextAttemptAt).toISOString() } : {}),
    ...(row.problemCode && isProblemCode(row.problemCode) ? { problem: getProblem(row.problemCode, lang) } : {}),
    ...(row.sentCopyStatus
      ? {
          sentCopy: {
            status: row.sentCopyStatus,
            attempts: row.sentCopyAttempts,
            ...(row.sentCopyFolder ? { folder: row.sentCopyFolder } : {}),
            ...(row.sentCopyError ? { error: row.sentCopyError } : {}),
          },
        }
      : {}),
    ...(row.fallback ? { fallback: row.fallback } : {}),
    sizeBytes: row.sizeBytes,
    // Which door it came in through (issue 19); sends from before the SMTP door came through the API.
    source: summary.source ?? 'api',
    ...(summary.app ? { app: summary.app } : {}),
    createdAt: new Date(row.createdAt).toISOString(),
    ...(row.sentAt ? { sentAt: new Date(row.sentAt).toISOString() } : {}),
  };
}

/** A message is visible to the user who sent it and to admins. */
function canSee(user: UserRow, row: MessageRow): boolean {
  return row.userId === user.id || user.role === 'admin';
}

async function viewsOf(store: Store, rows: MessageRow[], lang: Language): Promise<MessageView[]> {
  const attempts = await store.listAttemptsOfMessages(rows.map((r) => r.id));
  return rows.map((row) =>
    toMessageView(
      row,
      attempts.filter((a) => a.messageId === row.id),
      lang,
    ),
  );
}

/**
 * The answer to a send: its first message, and every part when it was split. The rows of a send
 * this request committed are read back in its commit, when no attempt can have been made yet: their
 * views need no query for attempts (one fewer per accepted send). A replayed send's are read.
 */
async function acceptedView(store: Store, rows: MessageRow[], lang: Language, committedNow: boolean): Promise<SendAcceptedView> {
  const views = committedNow ? rows.map((row) => toMessageView(row, [], lang)) : await viewsOf(store, rows, lang);
  const first = views[0]!;
  if (rows.length === 1) return first;
  return {
    ...first,
    parts: views.map((v) => ({ id: v.id, part: v.part!, documents: v.documents ?? [] })),
  };
}

const send = operation(RELAY_CONTRACT.send, {
  tag: 'messages',
  summary: 'Send a message',
  description:
    'Resolves the sender profile (the one named, else the one mapped to `context.project` or `context.pageUrl`, else the personal default, else the company default), applies the sender rules, and commits the message to the outbox. A refused send queues nothing. A message larger than the mailbox takes is split by document into parts (`parts`).',
  answers: { 202: 'Committed to the outbox' },
  errors: [
    'not_found',
    'sender_not_allowed',
    'member_sender_not_allowed',
    'reply_to_not_allowed',
    'idempotency_conflict',
    'document_too_large',
    'message_too_large',
    'no_sender_profile',
    'profile_unusable',
    'storage_full',
    'store_unavailable',
  ],
});

const getMessage = operation(RELAY_CONTRACT.getMessage, {
  tag: 'messages',
  summary: 'A message and its delivery status',
  answers: { 200: 'The message' },
  errors: ['not_found'],
});

const history = operation(RELAY_CONTRACT.listMessages, {
  tag: 'messages',
  summary: 'Message history, newest first',
  answers: { 200: 'Messages' },
  errors: [],
});

export function messageRoutes({ store, onQueued, cipher, allowPrivateHosts }: MessageRouteDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  serve(app, send, async (c, answer) => {
    const user = c.get('user');
    const lang = preferredLanguage(c);
    const idempotencyKey = c.req.header('idempotency-key') ?? null;
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new ApiError('validation_failed', 'Idempotency-Key must be 1 to 200 visible ASCII characters.');
    }
    // The files' base64 stays in the body's one buffer (their values are slices of it), and the
    // body text is never kept: a 20 MB PDF is 27 MB of base64, held once until it is composed.
    const { value, release } = await readJsonBodyWithBase64(c, zMessageInput, {
      key: 'contentBase64',
      maxBytes: MAX_SEND_REQUEST_BYTES,
      tooLarge: () => new ApiError('payload_too_large', 'This message is larger than the relay accepts (60 MB including encoding).'),
    });
    try {
      const input: SendInput = value;
      const accepted = await acceptSend({ store, cipher, allowPrivateHosts, onQueued }, { kind: 'compose', user, idempotencyKey, input, release });
      if (accepted.replayed) c.header('Idempotent-Replayed', 'true');
      return answer(202, await acceptedView(store, accepted.messages, lang, !accepted.replayed));
    } finally {
      release();
    }
  });
  serve(app, getMessage, async (c, answer) => {
    const row = await store.getMessage(c.req.param('id'));
    if (!row || !canSee(c.get('user'), row)) throw new ApiError('not_found', 'There is no message with this id.');
    const [view] = await viewsOf(store, [row], preferredLanguage(c));
    if (!view) throw new Error(`message ${row.id} has no view`);
    return answer(200, view);
  });
  serve(app, history, async (c, answer) => {
    const user = c.get('user');
    const documentRef = c.req.query('documentRef') || undefined;
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 50) || 50, 1), 200);
    const rows = await store.listMessages({ userId: user.role === 'admin' ? undefined : user.id, documentRef, limit });
    return answer(200, { messages: await viewsOf(store, rows, preferredLanguage(c)) });
  });
  return app;
}
