import type { Context } from 'hono';
import { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { ChunkGarbage } from '../delivery/chunk-garbage';
import { ApiError } from './api-error';
import { extractBase64Values, restoreBase64Values } from './json-base64';
import { assertJsonNesting, JsonNestingGuard } from './json-nesting';
import { assertNoJsonNul } from './nul-guard';
import { assertUtf8Body, assertWellFormedJsonText, decodeUtf8Body } from './unicode-guard';

/** A zod issue as the API shows it: where, what, and our address error code when there is one. */
function describeIssues(error: z.ZodError) {
  return error.issues.flatMap((issue) => {
    // A field the schema does not know is named on its own path: `bcc: unknown field`, not `body: Unrecognized key`.
    if (issue.code === 'unrecognized_keys') {
      // A schema's own explanation (certificates are always verified, …) beats zod's "Unrecognized key".
      const message = /^Unrecognized keys?\b/.test(issue.message) ? 'unknown field: the relay does not take it' : issue.message;
      return issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message, code: 'unknown_field' }));
    }
    const code = (issue as unknown as { params?: { code?: string } }).params?.code;
    return [{ path: issue.path.join('.'), message: issue.message, ...(code ? { code } : {}) }];
  });
}

/** Parses JSON text and validates it: 400 `invalid_json` or `validation_failed` as described below. */
function parseAndValidate<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  let json: unknown;
  // Deep nesting is refused before JSON.parse builds it (json-nesting.ts).
  assertJsonNesting(text);
  try {
    json = text.length === 0 ? undefined : JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid JSON.');
  }
  if (json === undefined) throw new ApiError('invalid_json', 'The request has no JSON body.');
  assertNoJsonNul(text);
  assertWellFormedJsonText(text, json);
  const result = schema.safeParse(json);
  if (!result.success) {
    const details = describeIssues(result.error);
    const first = details[0];
    throw new ApiError('validation_failed', first ? `${first.path || 'body'}: ${first.message}` : 'The request is not valid.', {
      details,
    });
  }
  return result.data;
}

/**
 * Every body of the API is JSON: a body declared as something else (`text/plain`, a form, multipart)
 * is refused with 415 before it is read, rather than parsed as JSON regardless. Without a
 * Content-Type (or an empty one) the body is taken as JSON; `+json` types and parameters are fine.
 */
function assertJsonContentType(c: Context): void {
  const declared = c.req.header('content-type');
  if (declared === undefined || declared.trim() === '') return;
  const mediaType = declared.split(';', 1)[0]!.trim().toLowerCase();
  if (mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType)) return;
  throw new ApiError('unsupported_media_type', `The body is sent as ${JSON.stringify(mediaType.slice(0, 100))}; the relay takes JSON only.`, {
    hint: 'Send the body as JSON with the header Content-Type: application/json.',
  });
}

/**
 * Reads a JSON body and validates it into a typed value: malformed JSON → 400 `invalid_json`,
 * a body that breaks the schema → 400 `validation_failed` with every problem listed.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<{ value: z.output<S>; text: string }> {
  assertJsonContentType(c);
  const text = decodeUtf8Body(new Uint8Array(await c.req.arrayBuffer()));
  return { value: parseAndValidate(text, schema), text };
}

/** An ES2024 resizable ArrayBuffer: Node 20 has them; the TypeScript lib used here stops at ES2023. */
interface ResizableArrayBuffer extends ArrayBuffer {
  readonly maxByteLength: number;
  resize(byteLength: number): void;
}
const ResizableArrayBuffer = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableArrayBuffer;

/**
 * From this size on (or when the size is not known in advance) a body lies on a resizable
 * ArrayBuffer (see readBodyBytes). Below it, on a plain one: V8 compiles byte loops over views of a
 * resizable ArrayBuffer to much slower code (about six times, measured on Node 20: the base64 check
 * of a 100 KB file took 0.9 ms instead of 0.15), and a loop that has seen both kinds is slower for
 * both; a small body's memory is of no concern.
 */
export const RESIZABLE_BODY_BYTES = 1024 * 1024;

/**
 * The request body as one Buffer: sized by Content-Length when the client sends one (no growing,
 * no concatenating at the end), and never more than `maxBytes` (`tooLarge()` is thrown, before
 * anything is read when Content-Length already says so).
 *
 * A large body (RESIZABLE_BODY_BYTES) lies on a resizable ArrayBuffer: a body without
 * Content-Length grows in place, and `release()` gives the memory back at once (every view of it
 * then has length 0) instead of whenever the garbage collector gets round to it — a large send's
 * body is not left lying around while its message is stored and delivered. A smaller one with a
 * Content-Length is a plain Buffer of that size, which `release()` leaves to the garbage collector.
 */
export async function readBodyBytes(
  c: Context,
  maxBytes: number,
  tooLarge: () => Error,
  /** Sees every chunk as it arrives and may refuse the body by throwing (a JSON nesting guard). */
  inspect?: (chunk: Uint8Array) => void,
): Promise<{ body: Buffer; release: () => void }> {
  const declared = c.req.header('content-length');
  const length = declared !== undefined && c.req.header('transfer-encoding') === undefined && /^\d+$/.test(declared) ? Number(declared) : undefined;
  if (length !== undefined && length > maxBytes) throw tooLarge();
  const incoming = nodeRequestOf(c);
  const stream = incoming ? undefined : c.req.raw.body;
  if (!incoming && !stream) return { body: Buffer.alloc(0), release: () => {} };
  const resizable = length === undefined || length >= RESIZABLE_BODY_BYTES;
  const memory = resizable ? new ResizableArrayBuffer(length ?? Math.min(maxBytes, 64 * 1024), { maxByteLength: length ?? maxBytes }) : undefined;
  // Not from Buffer's shared pool: the body's bytes are not copied out of it, and a slice of the pool would keep its neighbours alive.
  const plain = memory ? undefined : Buffer.allocUnsafeSlow(length!);
  const release = memory ? () => memory.resize(0) : () => {};
  let size = 0;
  const garbage = resizable ? new ChunkGarbage() : undefined;
  const append = (chunk: Uint8Array) => {
    if (size + chunk.length > maxBytes) throw tooLarge();
    inspect?.(chunk);
    if (plain) {
      if (size + chunk.length > plain.length) throw tooLarge(); // more than Content-Length said
      plain.set(chunk, size);
    } else {
      if (size + chunk.length > memory!.byteLength) {
        if (size + chunk.length > memory!.maxByteLength) throw tooLarge(); // more than Content-Length said
        memory!.resize(Math.min(memory!.maxByteLength, Math.max(size + chunk.length, memory!.byteLength * 2)));
      }
      new Uint8Array(memory!, size, chunk.length).set(chunk);
    }
    size += chunk.length;
    // The socket's chunks of a large body are garbage once copied (relay/delivery/chunk-garbage.ts).
    garbage?.note(chunk.length);
  };
  try {
    if (incoming) {
      await readNodeRequest(incoming, append);
    } else {
      for await (const chunk of stream!.values({ preventCancel: true })) append(chunk);
    }
  } catch (error) {
    release();
    throw error;
  }
  return { body: plain ? plain.subarray(0, size) : Buffer.from(memory!, 0, size), release };
}

/**
 * Feeds Node's request to `append` chunk by chunk from its 'data' events: an async iterator over it
 * costs a promise and a turn of the microtask queue per chunk and builds a stream state of its own
 * for every request (a few per cent of an accept's main-thread time, profiled). Not destroyed when
 * reading stops early (`append` throws: over the limit): the answer (413) still has to go out, and
 * Node discards the rest of the body once it has. A request that closes before its end (the client
 * went away) fails, as the iterator did.
 */
function readNodeRequest(incoming: IncomingMessage, append: (chunk: Uint8Array) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Uint8Array) => {
      try {
        append(chunk);
      } catch (error) {
        stop();
        // Nothing reads the rest: the server discards it once the answer went out.
        incoming.pause();
        reject(error);
      }
    };
    const onEnd = () => {
      stop();
      resolve();
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      stop();
      reject(Object.assign(new Error('The request closed before its body ended.'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

/**
 * Node's request, when the relay runs on @hono/node-server and nothing has read the body yet. Its
 * web stream (Readable.toWeb) copies every chunk: for a 20 MB attachment that is another 27 MB of
 * garbage at the peak of the request, besides the socket's own chunks.
 */
function nodeRequestOf(c: Context): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  return incoming instanceof IncomingMessage && !incoming.readableDidRead && !incoming.complete ? incoming : undefined;
}

/**
 * Like `readJsonBody`, for bodies that carry files as base64 in members named `key` (a send's
 * `contentBase64`): the body is read into one Buffer, long valid base64 values are left there and
 * come back in the value as Buffers of their ASCII bytes (relay/http/json-base64.ts), so a large
 * file is held once rather than as body text, parsed string and copies. Validation and its errors
 * are the same as for the whole body, for which the placeholders stand in (they are valid base64).
 * Should the schema move or drop a placeholder, the whole body is parsed instead.
 *
 * `release()` frees the body, and with it every Buffer in the value: call it once they are used.
 */
export async function readJsonBodyWithBase64<S extends z.ZodType, K extends string>(
  c: Context,
  schema: S,
  options: { key: K; maxBytes: number; tooLarge: () => Error; minBytes?: number },
): Promise<{ value: WithBase64Bytes<z.output<S>, K>; release: () => void }> {
  assertJsonContentType(c);
  // A body nested too deep is refused while it arrives, not after megabytes of it were read.
  const guard = new JsonNestingGuard();
  const { body, release } = await readBodyBytes(c, options.maxBytes, options.tooLarge, (chunk) => guard.feed(chunk));
  try {
    assertUtf8Body(body);
    const { text, values } = extractBase64Values(body, options.key, options.minBytes ?? 1024);
    const value = parseAndValidate(text, schema);
    if (restoreBase64Values(value, options.key, values)) return { value: value as WithBase64Bytes<z.output<S>, K>, release };
    const whole = parseAndValidate(new TextDecoder().decode(body), schema) as WithBase64Bytes<z.output<S>, K>;
    release();
    return { value: whole, release: () => {} };
  } catch (error) {
    release();
    throw error;
  }
}

/** `T` where the string members named `K` may be Buffers (ASCII bytes of base64). */
export type WithBase64Bytes<T, K extends string> = T extends string | number | boolean | null | undefined
  ? T
  : T extends (infer U)[]
    ? WithBase64Bytes<U, K>[]
    : { [P in keyof T]: P extends K ? T[P] | Buffer : WithBase64Bytes<T[P], K> };
