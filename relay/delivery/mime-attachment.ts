import MimeNode from 'nodemailer/lib/mime-node';
import type { AttachmentInput } from '../../shared/schemas';
import { attachmentHeadLines } from '../mime/attachment-head';
import type { PiecewiseBytes } from '../mime/message-bytes';
import { BODY_CHUNK_BYTES } from '../store/types';
import { ChunkGarbage } from './chunk-garbage';

/** RFC 2045 §6.8: base64 lines of at most 76 characters. */
const LINE = 76;
const CRLF = Buffer.from('\r\n', 'latin1');
/** base64AttachmentHead's nodes build no multipart body, so no boundary of theirs is ever written. */
const UNUSED_BOUNDARY = 'unused';

/**
 * A file's base64 text as the client sent it: a string, or its ASCII bytes — a slice of the request
 * body, which the relay never copies into a string (relay/http/read-body.ts).
 */
export type Base64Text = string | Buffer;

/** An attachment of a send; its content may be the bytes of the request body (see Base64Text). */
export type SendAttachment = Omit<AttachmentInput, 'contentBase64'> & { contentBase64: Base64Text };

/** The size of base64 text of `length` characters once wrapped into lines of 76 with CRLF after each. */
export function wrappedBase64Bytes(length: number): number {
  return length + 2 * Math.ceil(length / LINE);
}

/**
 * An attachment's MIME part (nodemailer's `raw` attachment) with one marker line where its content
 * goes: headers, a blank line, `marker` CRLF. The content is put in by `spliceBase64Bodies` once
 * the whole message is built, straight into the final buffer: the client's base64 is already the
 * transfer encoding, only its lines need wrapping, and a 20 MB file is copied once instead of being
 * decoded, encoded and concatenated again. The headers are MimeNode's (relay/mime/attachment-head.ts),
 * so the file name is encoded exactly as for any other attachment (RFC 2231).
 *
 * The base64 was validated at the edge (shared/schemas.ts or read-body.ts: alphabet, padding, length).
 */
export function base64AttachmentHead(attachment: SendAttachment, marker: string): { raw: Buffer } {
  const head = /^multipart\//i.test(attachment.contentType) ? headOfMimeNode(attachment) : attachmentHeadLines(attachment.contentType, attachment.filename, 'base64');
  return { raw: Buffer.from(`${head}\r\n\r\n${marker}\r\n`, 'latin1') };
}

/**
 * The same headers from nodemailer's MimeNode itself, for a multipart type (which MimeNode gives a
 * boundary parameter; the relay's allowed attachment types have none, shared/schemas.ts).
 */
function headOfMimeNode(attachment: SendAttachment): string {
  // A child node: a root node would add Date, Message-ID and MIME-Version headers of its own. Only
  // its headers are used, which name no boundary: a fixed one spares two calls for random bytes.
  const node = new MimeNode('multipart/mixed', { baseBoundary: UNUSED_BOUNDARY }).createChild(attachment.contentType, {
    filename: attachment.filename,
    baseBoundary: UNUSED_BOUNDARY,
  });
  node.setHeader('Content-Disposition', 'attachment');
  node.setHeader('Content-Transfer-Encoding', 'base64');
  return node.buildHeaders();
}

/**
 * The finished message: `skeleton` (built with `base64AttachmentHead` parts) with each marker line
 * replaced by its file's base64 wrapped at 76 characters. The markers are random per message, so no
 * client text can imitate one.
 *
 * A message under LARGE_MESSAGE_BYTES comes back as one buffer of the exact size, in shared memory
 * (sharedBuffer): the store hands it to its SQLite thread and keeps it for the worker without
 * copying it again. A larger one comes
 * back as a SplicedMessage: the skeleton's pieces and the files' base64 (slices of the request body)
 * in order, copied a range at a time when the store writes its chunks, so that a 20 MB attachment is
 * never held as the request body and as a composed copy at once.
 */
export function spliceBase64Bodies(skeleton: Buffer, files: { marker: string; content: Base64Text }[]): Buffer | SplicedMessage {
  const found: { at: number; end: number; content: Buffer }[] = [];
  for (const { marker, content } of files) {
    const line = Buffer.concat([Buffer.from(marker, 'latin1'), CRLF]);
    const at = skeleton.indexOf(line);
    if (at === -1) throw new Error('spliceBase64Bodies: an attachment marker is missing');
    const bytes = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
    found.push({ at, end: at + line.length, content: bytes });
  }
  found.sort((a, b) => a.at - b.at);
  const pieces: Piece[] = [];
  let copied = 0;
  for (const { at, end, content } of found) {
    pieces.push({ bytes: skeleton.subarray(copied, at), wrapped: false }, { bytes: content, wrapped: true });
    copied = end;
  }
  pieces.push({ bytes: skeleton.subarray(copied), wrapped: false });
  const length = pieces.reduce((sum, piece) => sum + pieceLength(piece), 0);
  return length < LARGE_MESSAGE_BYTES ? assembled(pieces, length) : new SplicedMessage(pieces);
}

/**
 * Plain memory a small message is put together in before its one copy into shared memory: V8's
 * copyWithin, which moves the base64 into its lines, is several times slower on shared memory, and
 * Buffer#copy costs more per call than a line's 76 bytes (measured on Node 20, a 100 KB file:
 * 0.10 ms line by line into shared memory, 0.03 ms this way). At most LARGE_MESSAGE_BYTES.
 */
let assembly = Buffer.alloc(0);

/** The message made of `pieces` (of `length` bytes in all) in one buffer of shared memory (sharedBuffer). */
function assembled(pieces: Piece[], length: number): Buffer {
  if (assembly.length < length) assembly = Buffer.allocUnsafeSlow(Math.min(LARGE_MESSAGE_BYTES, Math.max(length, 2 * assembly.length)));
  let at = 0;
  for (const piece of pieces) at += piece.wrapped ? wrapInPlace(piece.bytes, assembly, at) : piece.bytes.copy(assembly, at);
  const message = sharedBuffer(length);
  assembly.copy(message, 0, 0, length);
  return message;
}

/**
 * Writes `content` into `target` at `at` wrapped into lines of LINE characters, each followed by
 * CRLF, and returns how many bytes that is: copied whole, then each line moved to its place, the
 * last one first (a line only moves towards the end, over lines already moved).
 */
function wrapInPlace(content: Buffer, target: Buffer, at: number): number {
  content.copy(target, at);
  for (let line = Math.ceil(content.length / LINE) - 1; line >= 0; line--) {
    const from = at + line * LINE;
    const end = Math.min(from + LINE, at + content.length);
    const to = at + line * (LINE + 2);
    target.copyWithin(to, from, end);
    target[to + end - from] = 0x0d;
    target[to + end - from + 1] = 0x0a;
  }
  return wrappedBase64Bytes(content.length);
}

/**
 * A buffer of `length` bytes in a SharedArrayBuffer of its own: posted to a worker thread (the
 * store's SQLite thread) it is shared, not copied; and the store keeps such a body for the worker as
 * it is, without copying it (relay/store/sqlite/fresh-bodies.ts): whoever fills one hands it over
 * to the store with the send and never writes to it again.
 */
export function sharedBuffer(length: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(length));
}

/** From this size on, a composed message stays in pieces (see spliceBase64Bodies): the size from which the store keeps a body in chunks. */
export const LARGE_MESSAGE_BYTES = BODY_CHUNK_BYTES;

/** Bytes as they are, or base64 text to be wrapped into lines of 76 characters, each followed by CRLF. */
interface Piece {
  bytes: Buffer;
  wrapped: boolean;
}

const pieceLength = (piece: Piece) => (piece.wrapped ? wrappedBase64Bytes(piece.bytes.length) : piece.bytes.length);

/**
 * A composed message kept as the pieces it is made of (see spliceBase64Bodies). It holds views of
 * the request body: it must be stored before the body is released.
 */
export class SplicedMessage implements PiecewiseBytes {
  readonly length: number;
  /** Where each piece starts in the message. */
  private readonly starts: number[] = [];
  /**
   * The store writes the message a chunk at a time, through copyTo; what its database driver makes
   * of each chunk on the way is garbage by the next (relay/delivery/chunk-garbage.ts).
   */
  private readonly garbage = new ChunkGarbage();

  constructor(private readonly pieces: Piece[]) {
    let length = 0;
    for (const piece of pieces) {
      this.starts.push(length);
      length += pieceLength(piece);
    }
    this.length = length;
  }

  copyTo(target: Buffer, start: number, end: number): Buffer {
    if (start < 0 || end > this.length || start > end || end - start > target.length) throw new RangeError('SplicedMessage.copyTo: bad range');
    this.garbage.note(end - start);
    let written = 0;
    this.pieces.forEach((piece, i) => {
      const pieceStart = this.starts[i]!;
      const from = Math.max(start, pieceStart) - pieceStart;
      const to = Math.min(end, pieceStart + pieceLength(piece)) - pieceStart;
      if (to <= from) return;
      written += piece.wrapped ? copyWrapped(piece.bytes, target, written, from, to) : piece.bytes.copy(target, written, from, to);
    });
    return target.subarray(0, written);
  }
}

/**
 * Copies bytes [from, to) of `content` wrapped into lines of LINE characters (each followed by CRLF)
 * into `target` at `at`; returns how many bytes it wrote. Line i starts at i * (LINE + 2).
 */
function copyWrapped(content: Buffer, target: Buffer, at: number, from: number, to: number): number {
  let written = 0;
  for (let line = Math.floor(from / (LINE + 2)); line * (LINE + 2) < to; line++) {
    const lineStart = line * (LINE + 2);
    const text = Math.min(LINE, content.length - line * LINE);
    const first = Math.max(from, lineStart) - lineStart;
    const last = Math.min(to, lineStart + text + 2) - lineStart;
    if (first < text) written += content.copy(target, at + written, line * LINE + first, line * LINE + Math.min(last, text));
    for (let p = Math.max(first, text); p < last; p++) target[at + written++] = p === text ? 0x0d : 0x0a;
  }
  return written;
}
