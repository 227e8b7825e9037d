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
  const out = Buffer.allocUnsafe(size);
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
