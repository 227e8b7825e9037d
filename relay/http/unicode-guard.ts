/**
 * Text that is not Unicode, refused at the edge instead of reaching a mail as U+FFFD: JSON text must
 * be UTF-8 (RFC 8259, section 8.1), and a `\ud800` escape without its other half parses to a string
 * no mail, header or database can carry (RFC 8259, section 8.2 leaves its meaning open). Before this
 * check, both became replacement characters in the subject the customer read, with a `202`.
 */
import { isUtf8 } from 'node:buffer';
import { ApiError } from './api-error';

/** Throws `invalid_json` when the body's bytes are not UTF-8 (a Latin-1 or Windows-1252 client). */
export function assertUtf8Body(bytes: Uint8Array): void {
  if (!isUtf8(bytes)) {
    throw new ApiError('invalid_json', 'The request body is not UTF-8 text.', { hint: 'Send JSON encoded as UTF-8 (RFC 8259), whatever the charset in Content-Type says.' });
  }
}

/** The body as text, once it is known to be UTF-8, without a byte order mark (RFC 8259 lets a parser ignore one). */
export function decodeUtf8Body(bytes: Uint8Array): string {
  assertUtf8Body(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom).toString('utf8');
}

/** An escape of a surrogate half: only a body holding one can parse to a lone surrogate. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
/** In a `u` regular expression a well-formed pair is one code point, so only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATE_MESSAGE = 'a lone UTF-16 surrogate (\\ud800–\\udfff without its other half) is not text';

/** Where in a parsed JSON value a string or key holds a lone surrogate, or undefined. */
function loneSurrogateAt(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, member] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return path;
    const found = loneSurrogateAt(member, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** Throws `validation_failed`, naming the field, when the parsed body holds a lone surrogate. */
export function assertWellFormedJsonText(text: string, json: unknown): void {
  if (!SURROGATE_ESCAPE.test(text)) return;
  const path = loneSurrogateAt(json, []);
  if (path === undefined) return;
  const at = path.join('.') || 'body';
  throw new ApiError('validation_failed', `${at}: ${LONE_SURROGATE_MESSAGE}.`, { details: [{ path: at, message: LONE_SURROGATE_MESSAGE }] });
}
