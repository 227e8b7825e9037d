/**
 * A finished RFC 5322 message as an app submitted it over SMTP (issue 19): its header fields read
 * once, and the few changes the relay's rules make to it. Everything else — body, MIME structure,
 * the Message-ID, header order and spelling — stays byte for byte as submitted.
 */
import { parseMailboxList, type Mailbox } from '../../shared/address';
import { DomainError } from '../errors/domain-error';

export interface HeaderField {
  /** Lower case, for comparisons. */
  name: string;
  /** The value unfolded (RFC 5322 §2.2.3), without the leading space. */
  value: string;
  /** Where the field's bytes (name, value, folded lines and the line end) start and end in the message. */
  start: number;
  end: number;
}

export interface SubmittedHeaders {
  fields: HeaderField[];
  /** Where the header block ends (the empty line included, when there is one). */
  bodyStart: number;
  /** The line end the message uses, for fields the relay adds. */
  eol: string;
}

/** The header block may not be larger than this (a body does not start after megabytes of headers). */
const MAX_HEADER_BYTES = 1024 * 1024;

function malformed(message: string): DomainError {
  return new DomainError('validation_failed', message, {
    hint: 'The app sent a message the relay cannot read; check its sender settings or report it to its maker.',
  });
}

/** Reads the header block: every field with its unfolded value and where its bytes are. */
export function parseSubmittedHeaders(raw: Buffer): SubmittedHeaders {
  const fields: HeaderField[] = [];
  let eol = '\r\n';
  let offset = 0;
  let current: HeaderField | undefined;
  while (offset < raw.length) {
    if (offset > MAX_HEADER_BYTES) throw malformed('The header of this message is larger than 1 MB.');
    let lineEnd = raw.indexOf(0x0a, offset);
    const next = lineEnd === -1 ? raw.length : lineEnd + 1;
    if (lineEnd === -1) lineEnd = raw.length;
    const contentEnd = lineEnd > offset && raw[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd;
    if (offset === 0 && contentEnd === lineEnd && lineEnd < raw.length) eol = '\n';
    const line = raw.toString('utf8', offset, contentEnd);
    if (line === '') return { fields, bodyStart: next, eol };
    if (line[0] === ' ' || line[0] === '\t') {
      if (!current) throw malformed('The message starts with a folded line instead of a header field.');
      current.value += line;
      current.end = next;
    } else {
      const colon = line.indexOf(':');
      if (colon <= 0 || !/^[\x21-\x39\x3b-\x7e]+$/.test(line.slice(0, colon))) {
        // No empty line between header and body: a body line that is not a field ends the header.
        if (fields.length > 0) return { fields, bodyStart: offset, eol };
        throw malformed('The message does not start with header fields (From:, To:, Subject: ...).');
      }
      current = { name: line.slice(0, colon).toLowerCase(), value: line.slice(colon + 1).replace(/^[ \t]+/, ''), start: offset, end: next };
      fields.push(current);
    }
    offset = next;
  }
  return { fields, bodyStart: raw.length, eol };
}

export function fieldValues(headers: SubmittedHeaders, name: string): string[] {
  return headers.fields.filter((f) => f.name === name).map((f) => f.value.trim());
}

/** RFC 2047 encoded words (`=?UTF-8?B?...?=`) in a header value, decoded for display and history. */
export function decodeEncodedWords(value: string): string {
  const decoded = value.replace(/=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=(\s+(?==\?))?/g, (whole, charset: string, encoding: string, text: string) => {
    try {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
      return new TextDecoder(charset.split('*')[0]!.toLowerCase(), { fatal: false }).decode(bytes);
    } catch {
      return whole;
    }
  });
  return decoded.replace(/\s+/g, ' ').trim();
}

/**
 * The mailboxes of an address field (From, To, Cc, Reply-To), strictly parsed. Display names in
 * encoded words are decoded first. `undefined` when the field cannot be read.
 */
export function parseAddressField(value: string, max = 100): { ok: true; value: Mailbox[] } | { ok: false; message: string } {
  const parsed = parseMailboxList(decodeEncodedWords(value), { max });
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: parsed.message };
}

export interface HeaderChanges {
  /** Fields removed wherever they are (lower-case names): Bcc, the relay's own control fields. */
  remove: Set<string>;
  /** Fields whose every occurrence is replaced by one new line at the first one's place (or added on top). */
  replace: Map<string, string>;
  /** Lines added on top of the header, each `Name: value` without the line end. */
  add: string[];
}

/** The message with the changes applied; the body is untouched. */
export function rewriteSubmittedMessage(raw: Buffer, headers: SubmittedHeaders, changes: HeaderChanges): Buffer {
  const eol = headers.eol;
  const pieces: Buffer[] = changes.add.map((line) => Buffer.from(line + eol, 'utf8'));
  const replaced = new Set<string>();
  const unplaced = new Map(changes.replace);
  for (const field of headers.fields) {
    if (changes.remove.has(field.name)) continue;
    const replacement = changes.replace.get(field.name);
    if (replacement !== undefined) {
      if (!replaced.has(field.name)) pieces.push(Buffer.from(replacement + eol, 'utf8'));
      replaced.add(field.name);
      unplaced.delete(field.name);
      continue;
    }
    pieces.push(raw.subarray(field.start, field.end));
  }
  const top = [...unplaced.values()].map((line) => Buffer.from(line + eol, 'utf8'));
  // After the fields: the empty line and the body, as they were.
  const tailStart = headers.fields.at(-1)?.end ?? 0;
  // A message of header fields only, without a final line end, gets one before nothing follows.
  const needsEol = tailStart > 0 && raw[tailStart - 1] !== 0x0a;
  return Buffer.concat([...top, ...pieces, ...(needsEol ? [Buffer.from(eol)] : []), raw.subarray(tailStart)]);
}
