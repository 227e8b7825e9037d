import { createHash, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { zMessageInput, type MessageView } from '../../shared/schemas';
import { getProblem } from '../diagnosis/catalogue';
import { composeMessage } from '../delivery/compose-message';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { preferredLanguage } from '../http/language';
import { readJsonBody } from '../http/read-body';
import { parseProfileData } from '../profiles/profile-record';
import { resolveSenderProfile } from '../profiles/resolve-profile';
import type { MessageRow, Store, UserRow } from '../store/types';

/** The largest request body for a send: attachments travel base64 inside the JSON. */
export const MAX_SEND_REQUEST_BYTES = 60 * 1024 * 1024;

export interface MessageRouteDeps {
  store: Store;
  /** Called after a message is committed, so the worker need not wait for its next poll. */
  onQueued: () => void;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function toMessageView(row: MessageRow, lang: ReturnType<typeof preferredLanguage>): MessageView {
  const summary = JSON.parse(row.summary) as { to: string[]; subject: string };
  return {
    id: row.id,
    status: row.status,
    profileId: row.profileId,
    messageId: row.messageId,
    to: summary.to,
    subject: summary.subject,
    ...(row.documentRef ? { documentRef: row.documentRef } : {}),
    attempts: row.attempts,
    ...(row.lastReply ? { lastReply: row.lastReply } : {}),
    ...(row.nextAttemptAt && row.status !== 'sent' && row.status !== 'failed'
      ? { nextAttemptAt: new Date(row.nextAttemptAt).toISOString() }
      : {}),
    ...(row.problemCode ? { problem: getProblem(row.problemCode as Parameters<typeof getProblem>[0], lang) } : {}),
    createdAt: new Date(row.createdAt).toISOString(),
    ...(row.sentAt ? { sentAt: new Date(row.sentAt).toISOString() } : {}),
  };
}

/** A message is visible to the user who sent it and to admins. */
function canSee(user: UserRow, row: MessageRow): boolean {
  return row.userId === user.id || user.role === 'admin';
}

export function messageRoutes({ store, onQueued }: MessageRouteDeps) {
  return new Hono<AuthEnv>()
    .post(
      '/v1/messages',
      bodyLimit({
        maxSize: MAX_SEND_REQUEST_BYTES,
        onError: () => {
          throw new ApiError('payload_too_large', 'This message is larger than the relay accepts (60 MB including encoding).');
        },
      }),
      async (c) => {
        const user = c.get('user');
        const idempotencyKey = c.req.header('idempotency-key') ?? null;
        if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
          throw new ApiError('validation_failed', 'Idempotency-Key must be 1 to 200 visible ASCII characters.');
        }
        const { value, text } = await readJsonBody(c, zMessageInput);
        const requestHash = createHash('sha256').update(text).digest('hex');
        const profileRow = await resolveSenderProfile(store, user, value.profileId);
        const profile = parseProfileData(profileRow);
        const composed = await composeMessage(profile, value);
        const now = Date.now();
        const result = await store.enqueueMessage({
          id: randomUUID(),
          userId: user.id,
          profileId: profileRow.id,
          messageId: composed.messageId,
          envelope: JSON.stringify(composed.envelope),
          raw: composed.raw,
          summary: JSON.stringify({ to: value.to.map((m) => m.address), subject: value.subject }),
          documentRef: value.context.documentRef ?? null,
          idempotencyKey,
          requestHash,
          createdAt: now,
        });
        if (result.kind === 'existing') {
          if (!result.sameRequest) {
            throw new ApiError('idempotency_conflict', 'This Idempotency-Key was already used for a different message.', {
              hint: 'Use a new key for a new message; repeat a key only to retry the very same request.',
            });
          }
          c.header('Idempotent-Replayed', 'true');
          return c.json(toMessageView(result.message, preferredLanguage(c)), 202);
        }
        onQueued();
        return c.json(toMessageView(result.message, preferredLanguage(c)), 202);
      },
    )
    .get('/v1/messages/:id', async (c) => {
      const row = await store.getMessage(c.req.param('id'));
      if (!row || !canSee(c.get('user'), row)) throw new ApiError('not_found', 'There is no message with this id.');
      return c.json(toMessageView(row, preferredLanguage(c)));
    })
    .get('/v1/messages', async (c) => {
      const user = c.get('user');
      const documentRef = c.req.query('documentRef') || undefined;
      const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 50) || 50, 1), 200);
      const rows = await store.listMessages({ userId: user.role === 'admin' ? undefined : user.id, documentRef, limit });
      const lang = preferredLanguage(c);
      return c.json({ messages: rows.map((r) => toMessageView(r, lang)) });
    });
}
