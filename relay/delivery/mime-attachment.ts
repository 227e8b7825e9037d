import MimeNode from 'nodemailer/lib/mime-node';
import type { AttachmentInput } from '../../shared/schemas';

/** RFC 2045 §6.8: base64 lines of at most 76 characters. */
const LINE = 76;

/**
 * An attachment as a finished MIME part (nodemailer's `raw` attachment), made from the base64 the
 * client sent without decoding it: the client's base64 is already the transfer encoding, only its
 * lines need wrapping. Decoding and encoding again made nodemailer hold five copies of a large PDF
 * (a 20 MB file cost 115 MB while composing; this way 42 MB). The headers come from nodemailer's own
 * MimeNode, so the file name is encoded exactly as for any other attachment (RFC 2231).
 *
 * The base64 was validated at the edge (shared/schemas.ts: alphabet, padding, length).
 */
export function base64AttachmentPart(attachment: AttachmentInput): { raw: Buffer } {
  // A child node: a root node would add Date, Message-ID and MIME-Version headers of its own.
  const node = new MimeNode('multipart/mixed').createChild(attachment.contentType, { filename: attachment.filename });
  node.setHeader('Content-Disposition', 'attachment');
  node.setHeader('Content-Transfer-Encoding', 'base64');
  const headers = Buffer.from(`${node.buildHeaders()}\r\n\r\n`, 'latin1');
  const text = attachment.contentBase64;
  const body = Buffer.allocUnsafe(headers.length + Math.ceil(text.length / LINE) * (LINE + 2));
  let offset = headers.copy(body, 0);
  for (let i = 0; i < text.length; i += LINE) {
    offset += body.write(text.slice(i, i + LINE), offset, 'latin1');
    body[offset++] = 0x0d;
    body[offset++] = 0x0a;
  }
  return { raw: body.subarray(0, offset) };
}
