/**
 * A composed MIME tree's bytes, built in one synchronous pass: the same bytes as nodemailer's
 * `MimeNode#build()`, which streams every node through its own PassThrough, encoder, pipeline and
 * `setImmediate` turn. For the few small nodes of a send (headers, the text, the attachments' heads)
 * that machinery cost more CPU than anything else in composing (about a tenth of accepting a send).
 *
 * It covers the trees the relay composes (relay/delivery/compose-message.ts): multipart nodes,
 * content nodes whose content is a string or a Buffer, and raw nodes whose content is a Buffer.
 * For anything else (a stream, a file or URL, a quoted-printable text over one encoder slice) it
 * answers undefined and the caller builds with nodemailer. test/relay/build-mime-now.test.ts holds
 * it to nodemailer's own output.
 */
import type MimeNode from 'nodemailer/lib/mime-node';
import { encode as base64Encode, wrap as base64Wrap } from 'nodemailer/lib/base64';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';

/** nodemailer's line length for base64 and quoted-printable bodies. */
const LINE = 76;
/**
 * nodemailer's quoted-printable encoder works in slices of this many bytes and treats a slice's
 * end specially; a text within one slice is encoded exactly as below.
 */
const QP_SLICE_BYTES = 64 * 1024;

/** The node fields nodemailer keeps private that a build reads. */
interface NodeInternals {
  _raw?: unknown;
  _transforms?: unknown[];
  _processFuncs?: unknown[];
}

/** The bytes `root.build()` would give, or undefined when the tree holds something this does not build. */
export function buildMimeNow(root: MimeNode): Buffer | undefined {
  const internals = root as unknown as NodeInternals;
  if (internals._transforms?.length || internals._processFuncs?.length || root.newline) return undefined;
  const out: Buffer[] = [];
  if (!writeNode(root, out)) return undefined;
  const bytes = Buffer.concat(out);
  // nodemailer's LastNewline: the message ends with a line break.
  const last = bytes.at(-1);
  return last === 0x0a ? bytes : Buffer.concat([bytes, Buffer.from(last === 0x0d ? '\n' : '\r\n', 'latin1')]);
}

/** Appends what `MimeNode#stream()` writes for `node`; false for a node it cannot build. */
function writeNode(node: MimeNode, out: Buffer[]): boolean {
  const raw = (node as unknown as NodeInternals)._raw;
  if (raw) {
    if (!Buffer.isBuffer(raw)) return false;
    out.push(raw);
    return true;
  }
  out.push(Buffer.from(`${node.buildHeaders()}\r\n\r\n`, 'utf8'));
  const content = node.content;
  if (content) {
    const body = encodedContent(node, content);
    if (!body) return false;
    out.push(body);
  }
  if (!node.multipart) return true;
  for (const [index, child] of node.childNodes.entries()) {
    out.push(Buffer.from(`${index > 0 ? '\r\n' : ''}--${node.boundary}\r\n`, 'utf8'));
    if (!writeNode(child, out)) return false;
  }
  out.push(Buffer.from(`\r\n--${node.boundary}--\r\n`, 'utf8'));
  return true;
}

function encodedContent(node: MimeNode, content: unknown): Buffer | undefined {
  if (typeof content !== 'string' && !Buffer.isBuffer(content)) return undefined;
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return encodeTextBody(bytes, node.getTransferEncoding(), node.contentType ?? '');
}

/**
 * A content node's body as nodemailer streams it in `encoding` (its transfer encoding), or
 * undefined where this would not give nodemailer's bytes.
 */
export function encodeTextBody(bytes: Buffer, encoding: string | false, contentType: string): Buffer | undefined {
  if (encoding === 'base64') return Buffer.from(base64Wrap(base64Encode(bytes), LINE), 'latin1');
  if (encoding !== 'quoted-printable') return bytes;
  // Outside text/* nodemailer encodes a lone CR or LF as data (its binary mode), which this does not.
  if (!/^text\//i.test(contentType) || bytes.length > QP_SLICE_BYTES) return undefined;
  return Buffer.from(quotedPrintable(bytes), 'latin1');
}

/**
 * What nodemailer's quoted-printable encoder streams for `bytes` of text, in one slice: trailing
 * spaces and tabs are held back until the end (whether they end a line is known only then), so
 * they are encoded on their own and wrapped together with the last unfinished line.
 */
function quotedPrintable(bytes: Buffer): string {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09)) end--;
  const main = end > 0 ? qpWrap(qpEncode(bytes.subarray(0, end)), LINE) : '';
  if (end === bytes.length) return main;
  const lineStart = main.lastIndexOf('\n') + 1;
  return main.slice(0, lineStart) + qpWrap(main.slice(lineStart) + qpEncode(bytes.subarray(end)), LINE);
}
