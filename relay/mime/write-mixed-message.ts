/**
 * A send's message written straight from its parts: the bytes nodemailer's MailComposer and
 * `buildMimeNow` give for the two shapes the relay composes (a multipart/mixed root with the text
 * first and the attachments as finished parts; the text alone), without building a tree. Compiling the tree
 * (MailComposer's normalising of every option, a MimeNode per part, each header set, parsed and
 * built again) cost about as much as the rest of composing; profiled under load it was the largest
 * single part of accepting a send.
 *
 * Every header value still goes through nodemailer's own encoder (`MimeNode#encodeHeaderValue`:
 * addresses punycoded and quoted, non-ASCII as encoded words) and its folding, and the text's
 * transfer encoding is chosen by the same rules; what is written by hand is only the order and the
 * frame. Whatever this does not cover (a header it does not know, a quoted-printable text over one
 * encoder slice) answers undefined, and the caller composes with nodemailer.
 * test/relay/write-mixed-message.test.ts holds it to nodemailer's bytes.
 */
import * as mimeFuncs from 'nodemailer/lib/mime-funcs';
import MimeNode from 'nodemailer/lib/mime-node';
import { encodeTextBody } from './build-mime-now';
import { headerTextEncoding } from './header-text-encoding';

export interface HeaderMailbox {
  name: string;
  address: string;
}

export interface MixedMessageParts {
  from: HeaderMailbox;
  sender?: HeaderMailbox;
  to: HeaderMailbox[];
  cc: HeaderMailbox[];
  replyTo?: HeaderMailbox;
  subject: string;
  /** The text part's content: a string, or an empty Buffer for an empty text part (see compose-message.ts). */
  text: string | Buffer;
  date: Date;
  messageId: string;
  /** Extra headers (values single-line); only `X-` headers, which MailComposer puts first. */
  headers?: Record<string, string>;
  /** MailComposer's `baseBoundary`. */
  baseBoundary: string;
  /** Each attachment's finished part (MailComposer's `raw` attachment), in order. */
  attachments: Buffer[];
}

/** nodemailer's header line length. */
const HEADER_LINE = 76;
/** MimeNode's default boundary prefix. */
const BOUNDARY_PREFIX = '--_NmP';

interface EncoderInternals {
  _normalizeHeaderKey(key: string): string;
}

/**
 * Encodes header values as any node of the message would: the value encoding depends on no node
 * state but `textEncoding`, unset here as in the relay's composer. Never given a tree.
 */
const encoder = new MimeNode(false as unknown as string);

/** One header as MimeNode#buildHeaders writes it, or '' when its value is empty (then it is left out). */
function headerLine(key: string, value: Parameters<MimeNode['encodeHeaderValue']>[1]): string {
  const encoded = encoder.encodeHeaderValue(key, value);
  if (!(encoded || '').toString().trim()) return '';
  return mimeFuncs.foldLines(`${key}: ${encoded}`, HEADER_LINE);
}

/** The text part's transfer encoding, by MimeNode#getTransferEncoding's rules for a text/plain node without a preset one. */
function textTransferEncoding(text: string | Buffer): '7bit' | 'quoted-printable' | 'base64' {
  if (typeof text === 'string' && mimeFuncs.isPlainText(text) && !mimeFuncs.hasLongerLines(text, HEADER_LINE)) return '7bit';
  return headerTextEncoding(text.toString()) === 'Q' ? 'quoted-printable' : 'base64';
}

/**
 * The message's bytes (LF and CRLF as nodemailer leaves them: the caller makes every line end
 * CRLF), or undefined when the parts are not what this writes.
 */
export function writeMixedMessage(parts: MixedMessageParts): Buffer | undefined {
  const extra = Object.entries(parts.headers ?? {});
  if (extra.some(([key, value]) => !/^X-[A-Za-z0-9-]+$/.test(key) || typeof value !== 'string')) return undefined;
  const transferEncoding = textTransferEncoding(parts.text);
  const textBytes = typeof parts.text === 'string' ? Buffer.from(parts.text, 'utf8') : parts.text;
  const body = encodeTextBody(textBytes, transferEncoding, 'text/plain');
  if (!body) return undefined;

  // MailComposer's order: custom headers, then from … date as set, then what buildHeaders adds
  // (the transfer encoding of a single part, MIME-Version), with Content-Type moved last.
  const addressed = [
    ...extra.map(([key, value]) => headerLine((encoder as unknown as EncoderInternals)._normalizeHeaderKey(key), value)),
    headerLine('From', [{ ...parts.from }]),
    parts.sender ? headerLine('Sender', [{ ...parts.sender }]) : '',
    headerLine(
      'To',
      parts.to.map((m) => ({ ...m })),
    ),
    headerLine(
      'Cc',
      parts.cc.map((m) => ({ ...m })),
    ),
    parts.replyTo ? headerLine('Reply-To', [{ ...parts.replyTo }]) : '',
    parts.subject ? headerLine('Subject', parts.subject) : '',
    headerLine('Message-ID', parts.messageId),
    headerLine('Date', parts.date),
  ].filter((line) => line !== '');
  const textType = headerLine('Content-Type', 'text/plain; charset=utf-8');

  if (parts.attachments.length === 0) {
    // Without attachments the text is the root (MailComposer uses multipart/mixed only with one).
    const head = [...addressed, `Content-Transfer-Encoding: ${transferEncoding}`, 'MIME-Version: 1.0', textType];
    const message = Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'utf8'), body]);
    // nodemailer's LastNewline: the message ends with a line break.
    const last = message.at(-1);
    return last === 0x0a ? message : Buffer.concat([message, Buffer.from(last === 0x0d ? '\n' : '\r\n', 'latin1')]);
  }

  // MimeNode numbers the root 1: its boundary is `--_NmP-<base>-Part_1`.
  const boundary = `${BOUNDARY_PREFIX}-${parts.baseBoundary}-Part_1`;
  const head = [...addressed, 'MIME-Version: 1.0', headerLine('Content-Type', mimeFuncs.buildHeaderValue({ value: 'multipart/mixed', params: { boundary } }))];
  const out: Buffer[] = [Buffer.from(`${head.join('\r\n')}\r\n\r\n--${boundary}\r\n${textType}\r\nContent-Transfer-Encoding: ${transferEncoding}\r\n\r\n`, 'utf8'), body];
  for (const attachment of parts.attachments) out.push(Buffer.from(`\r\n--${boundary}\r\n`, 'latin1'), attachment);
  out.push(Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1'));
  return Buffer.concat(out);
}
