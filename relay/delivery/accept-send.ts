/**
 * The one accept path of the relay (issue 19): `POST /v1/messages` and the SMTP front door
 * (relay/smtp/) both call `acceptSend()`, so idempotency, the sender rules, size limits and the
 * outbox commit cannot drift apart between the two doors.
 *
 * It takes plain inputs and throws coded errors (DomainError: a stable `code` from shared/errors.ts);
 * each door turns the code into its own answer (an HTTP status, an SMTP reply). It resolves only
 * after the send is committed to the outbox: a 202 and an SMTP 250 mean the same durability.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error';
import { planSend } from '../profiles/plan-send';
import type { SecretCipher } from '../secrets/cipher';
import type { EnqueueResult, MessageRow, NewSend, Store, UserRow } from '../store/types';
import type { SendInput } from './compose-message';
import { effectiveDeliveryLimits, parseDeliverySettings } from './delivery-settings';
import { hashRequestValue } from './request-hash';
import { composeSend } from './split-send';
import { planSubmittedMessage, type SubmittedMessage } from './accept-submitted';
import { storeWithProfileRead } from './profile-read-once';

const EMPTY = Buffer.alloc(0);

export interface AcceptSendDeps {
  store: Store;
  cipher: SecretCipher;
  allowPrivateHosts: boolean;
  /** Called after a send is committed, so the worker need not wait for its next poll. */
  onQueued: () => void;
}

/**
 * What a door hands over:
 * - `compose`: a validated API request (relay/routes/message-routes.ts); the relay builds the MIME message.
 * - `submitted`: a finished RFC 5322 message with its SMTP envelope (relay/smtp/smtp-door.ts); the relay
 *   keeps its bytes and Message-ID, apart from what the rules require (relay/delivery/accept-submitted.ts).
 */
export type AcceptSendRequest =
  | {
      kind: 'compose';
      user: UserRow;
      idempotencyKey: string | null;
      input: SendInput;
      /** Frees the request body the input's files point into; called once the store copied the message. */
      release?: () => void;
    }
  | { kind: 'submitted'; user: UserRow; message: SubmittedMessage };

export interface AcceptedSend {
  /** The idempotency key (or, over SMTP, the Message-ID) named a send already committed: nothing new was queued. */
  replayed: boolean;
  messages: MessageRow[];
}

function conflict(): DomainError {
  return new DomainError('idempotency_conflict', 'This Idempotency-Key was already used for a different message.', {
    hint: 'Use a new key for a new message; repeat a key only to retry the very same request.',
  });
}

/** Accepts one send into the outbox, or throws a coded error and queues nothing. */
export async function acceptSend(deps: AcceptSendDeps, request: AcceptSendRequest): Promise<AcceptedSend> {
  return request.kind === 'compose' ? acceptComposed(deps, request) : acceptSubmitted(deps, request);
}

async function commit(deps: AcceptSendDeps, send: NewSend, onConflict: () => never, release?: () => void): Promise<AcceptedSend> {
  let result: EnqueueResult;
  try {
    result = await deps.store.enqueueSend(send);
  } finally {
    // Stored (or refused): neither the composed bytes nor the body they point into are
    // needed any more, and must not still be held while the worker sends the message.
    for (const message of send.messages) message.raw = EMPTY;
    release?.();
  }
  if (result.kind === 'existing') {
    if (!result.sameRequest) onConflict();
    return { replayed: true, messages: result.messages };
  }
  deps.onQueued();
  return { replayed: false, messages: result.messages };
}

async function acceptComposed(deps: AcceptSendDeps, request: Extract<AcceptSendRequest, { kind: 'compose' }>): Promise<AcceptedSend> {
  const { cipher, allowPrivateHosts } = deps;
  const { user, idempotencyKey, input } = request;
  const requestHash = hashRequestValue(input);
  // A retry is answered before composing anything; a concurrent duplicate that gets past this
  // check is caught by enqueueSend, which checks again inside its transaction. The key's and the
  // profiles' reads go out together: on PostgreSQL each is a round trip, and most sends are new.
  const [existing, store] = await Promise.all([
    idempotencyKey === null ? undefined : deps.store.findSendByIdempotencyKey(user.id, idempotencyKey),
    storeWithProfileRead(deps.store, user.id, input.profileId),
  ]);
  if (existing) {
    if (existing.requestHash !== requestHash) throw conflict();
    return { replayed: true, messages: existing.messages };
  }

  // Profile resolution, the company fallback and the sender rules: a refusal (403/422) queues nothing.
  const { profileRow, profile, fallback } = await planSend({ store, cipher, allowPrivateHosts }, user, { ...input, attachments: [], documents: [] });
  const settingsRow = await store.getDeliverySettings(profileRow.id);
  const limits = effectiveDeliveryLimits(profile, settingsRow);
  const wantsSentCopy = parseDeliverySettings(settingsRow).saveToSent !== undefined;
  // A large message stays in pieces that point into the request body (SplicedMessage): the
  // body must live until the store has copied the message, then goes (commit, release).
  let parts = await composeSend(profile, input, limits.maxMessageBytes);
  const summary = { to: input.to.map((m) => m.address), subject: input.subject };
  const send: NewSend = {
    id: randomUUID(),
    userId: user.id,
    idempotencyKey,
    requestHash,
    createdAt: Date.now(),
    messages: parts.map((part) => ({
      id: randomUUID(),
      profileId: profileRow.id,
      messageId: part.messageId,
      envelope: part.envelope,
      raw: part.raw,
      summary,
      documentRef: input.context.documentRef ?? part.documents[0]?.ref ?? null,
      documents: part.documents,
      partNumber: part.partNumber,
      partCount: part.partCount,
      fallback: fallback ?? null,
      wantsSentCopy,
    })),
  };
  // Unread from here on: dropping it lets the pieces go as soon as the commit has copied them.
  // eslint-disable-next-line no-useless-assignment
  parts = [];
  return commit(
    deps,
    send,
    () => {
      throw conflict();
    },
    request.release,
  );
}

async function acceptSubmitted(deps: AcceptSendDeps, request: Extract<AcceptSendRequest, { kind: 'submitted' }>): Promise<AcceptedSend> {
  const { store } = deps;
  const planned = await planSubmittedMessage(deps, request.user, request.message);
  const send = (idempotencyKey: string | null): NewSend => ({
    id: randomUUID(),
    userId: request.user.id,
    idempotencyKey,
    requestHash: planned.requestHash,
    createdAt: Date.now(),
    messages: [{ ...planned.message, id: randomUUID() }],
  });
  // An app that lost the 250 (the connection dropped after the final dot) sends the same message
  // again, with the same Message-ID: that is a retry, answered with the send already queued. The
  // same Message-ID with other recipients is another message: it is queued without the key.
  if (planned.idempotencyKey !== null) {
    const existing = await store.findSendByIdempotencyKey(request.user.id, planned.idempotencyKey);
    if (existing?.requestHash === planned.requestHash) return { replayed: true, messages: existing.messages };
    if (!existing) {
      const first = await commit(deps, send(planned.idempotencyKey), () => {
        throw new SubmittedKeyConflict();
      }).catch((error: unknown) => {
        if (error instanceof SubmittedKeyConflict) return undefined;
        throw error;
      });
      if (first) return first;
    }
  }
  return commit(deps, send(null), () => {
    throw conflict();
  });
}

/** Internal: a concurrent submission took the Message-ID key for other recipients. */
class SubmittedKeyConflict extends Error {}
