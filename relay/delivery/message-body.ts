/**
 * A claimed message's bytes, however the store keeps them: in one piece (small bodies), or in chunks
 * (relay/store/types.ts, BODY_CHUNK_BYTES) that are read one at a time, so that sending a message
 * with a 20 MB attachment never holds its whole body in memory.
 */
import { Readable } from 'node:stream';
import type { ClaimedMessage, Store } from '../store/types';
import { ChunkGarbage } from './chunk-garbage';

/** A stored body that does not add up to the message's recorded size: never sent truncated. */
export class MessageBodyError extends Error {
  override name = 'MessageBodyError';
}

/**
 * The chunks of a chunked body, in order, checked against the size recorded with the message: a
 * missing or surplus chunk is an error, never a shorter or longer message.
 */
export async function* messageBodyChunks(store: Store, message: Pick<ClaimedMessage, 'id' | 'sizeBytes'>): AsyncGenerator<Buffer> {
  let read = 0;
  // Each chunk, what the database driver made on the way (PostgreSQL sends a bytea as hex text) and
  // what the SMTP data stream makes of it are garbage once written: collected after every chunk,
  // fully after every fourth (relay/delivery/chunk-garbage.ts).
  const garbage = new ChunkGarbage({ everyBytes: 0, fullEvery: 4 });
  for (let seq = 0; ; seq++) {
    const chunk = await store.readMessageBodyChunk(message.id, seq);
    if (!chunk) break;
    garbage.note(chunk.length);
    read += chunk.length;
    if (read > message.sizeBytes) break;
    yield chunk;
  }
  if (read !== message.sizeBytes) throw new MessageBodyError(`the stored body of message ${message.id} has ${read} of its ${message.sizeBytes} bytes`);
}

/** A stream of the body that reads the next chunk only when the previous one was consumed. */
export function messageBodyStream(store: Store, message: Pick<ClaimedMessage, 'id' | 'sizeBytes'>): Readable {
  return Readable.from(messageBodyChunks(store, message), { objectMode: false, highWaterMark: 1 });
}

/** The whole body in one buffer (the Sent-folder copy: IMAP APPEND takes the message whole). */
export async function readWholeBody(store: Store, message: Pick<ClaimedMessage, 'id' | 'sizeBytes' | 'raw'>): Promise<Buffer> {
  if (message.raw) return message.raw;
  const whole = Buffer.allocUnsafe(message.sizeBytes);
  let offset = 0;
  for await (const chunk of messageBodyChunks(store, message)) offset += chunk.copy(whole, offset);
  return whole;
}
