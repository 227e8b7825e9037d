import MimeNode from 'nodemailer/lib/mime-node';
import type { AttachmentInput } from '../../shared/schemas';

/** RFC 2045 §6.8: base64 lines of at most 76 characters. */
const LINE = 76;
const CRLF = Buffer.from('\r\n', 'latin1');

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
 * decoded, encoded and concatenated again. The headers come from nodemailer's own MimeNode, so the
 * file name is encoded exactly as for any other attachment (RFC 2231).
 *
 * The base64 was validated at the edge (shared/schemas.ts or read-body.ts: alphabet, padding, length).
 */
export function base64AttachmentHead(attachment: SendAttachment, marker: string): { raw: Buffer } {
  // A child node: a root node would add Date, Message-ID and MIME-Version headers of its own.
  const node = new MimeNode('multipart/mixed').createChild(attachment.contentType, { filename: attachment.filename });
  node.setHeader('Content-Disposition', 'attachment');
  node.setHeader('Content-Transfer-Encoding', 'base64');
  return { raw: Buffer.from(`${node.buildHeaders()}\r\n\r\n${marker}\r\n`, 'latin1') };
}

/**
 * The finished message: `skeleton` (built with `base64AttachmentHead` parts) with each marker line
 * replaced by its file's base64 wrapped at 76 characters, in one buffer of the exact size. The
 * markers are random per message, so no client text can imitate one.
 */
export function spliceBase64Bodies(skeleton: Buffer, files: { marker: string; content: Base64Text }[]): Buffer {
  const found: { at: number; end: number; content: Buffer }[] = [];
  let size = skeleton.length;
  for (const { marker, content } of files) {
    const line = Buffer.concat([Buffer.from(marker, 'latin1'), CRLF]);
    const at = skeleton.indexOf(line);
    if (at === -1) throw new Error('spliceBase64Bodies: an attachment marker is missing');
    const bytes = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
    found.push({ at, end: at + line.length, content: bytes });
    size += wrappedBase64Bytes(bytes.length) - line.length;
  }
  found.sort((a, b) => a.at - b.at);
  const out = allocateReleasable(size);
  let offset = 0;
  let copied = 0;
  for (const { at, end, content } of found) {
    offset += skeleton.copy(out, offset, copied, at);
    for (let i = 0; i < content.length; i += LINE) {
      offset += content.copy(out, offset, i, Math.min(i + LINE, content.length));
      out[offset++] = 0x0d;
      out[offset++] = 0x0a;
    }
    copied = end;
  }
  offset += skeleton.copy(out, offset, copied);
  if (offset !== size) throw new Error('spliceBase64Bodies: size mismatch');
  return out;
}

/** An ES2024 resizable ArrayBuffer: Node 20 has them; the TypeScript lib used here stops at ES2023. */
interface ResizableArrayBuffer extends ArrayBuffer {
  readonly resizable: boolean;
  resize(byteLength: number): void;
}
const ResizableArrayBuffer = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableArrayBuffer;

/** Messages from this size on are composed into memory that `releaseComposed` gives back at once. */
const RELEASABLE_FROM_BYTES = 1024 * 1024;

/**
 * A buffer of `size` bytes; a large one lies on a resizable ArrayBuffer of its own, so that
 * `releaseComposed` can give its memory back as soon as the message is stored, rather than when the
 * garbage collector gets round to it (which may be after the worker has read and sent the message).
 */
function allocateReleasable(size: number): Buffer {
  if (size < RELEASABLE_FROM_BYTES) return Buffer.allocUnsafe(size);
  return Buffer.from(new ResizableArrayBuffer(size, { maxByteLength: size }), 0, size);
}

/**
 * Frees a composed message's memory now (a large one; a small one is left to the garbage collector).
 * Every view of it has length 0 afterwards: call it only once nothing reads the bytes any more.
 */
export function releaseComposed(raw: Buffer): void {
  const memory = raw.buffer as ResizableArrayBuffer;
  if (memory.resizable && raw.byteOffset === 0 && raw.length === memory.byteLength) memory.resize(0);
}
