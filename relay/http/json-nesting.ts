/**
 * A cheap byte scan that refuses deeply nested JSON before JSON.parse builds it (issue 14).
 *
 * V8 parses nesting iteratively, so 4 MB of `[[[[…` does not overflow the stack: it builds two
 * million nested arrays in one synchronous call, and everything else the relay does (`/healthz`,
 * every other request, delivery) waits for it. Nothing the API takes nests deeper than a few levels,
 * so the scan counts brackets outside strings and stops at the first one too deep, while the body
 * is still arriving. Strings are skipped with `indexOf`, so a send's megabytes of base64 cost little.
 */
import { ApiError } from './api-error';

/**
 * The deepest nesting any request of the API needs, with room to spare: a send is
 * `{documents:[{attachments:[{…}]}]}` (4 levels).
 * @default 32
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

export function jsonTooDeep(maxDepth: number): ApiError {
  return new ApiError('json_too_deep', `The request nests JSON deeper than ${maxDepth} levels, which no request of this API needs.`);
}

/** Feeds on a body chunk by chunk (a string's escapes may span chunks); throws `json_too_deep`. */
export class JsonNestingGuard {
  private depth = 0;
  private inString = false;
  /** Backslashes in a row just before the current position, inside a string (an odd count escapes the next byte). */
  private backslashes = 0;

  constructor(private readonly maxDepth: number = MAX_JSON_DEPTH) {}

  feed(chunk: Uint8Array): void {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let i = 0;
    while (i < bytes.length) {
      if (this.inString) {
        const quote = bytes.indexOf(QUOTE, i);
        const end = quote === -1 ? bytes.length : quote;
        // Backslashes right before `end` (and, when the run reaches `i`, those carried from before).
        let run = 0;
        while (end - run - 1 >= i && bytes[end - run - 1] === BACKSLASH) run++;
        const escapes = end - run === i ? this.backslashes + run : run;
        if (quote === -1) {
          this.backslashes = escapes;
          return;
        }
        this.backslashes = 0;
        if (escapes % 2 === 0) this.inString = false;
        i = quote + 1;
        continue;
      }
      const byte = bytes[i++];
      if (byte === QUOTE) {
        this.inString = true;
        this.backslashes = 0;
      } else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
        if (++this.depth > this.maxDepth) throw jsonTooDeep(this.maxDepth);
      } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
        this.depth--;
      }
    }
  }
}

/** Checks a whole JSON text (or bytes) at once. */
export function assertJsonNesting(body: string | Uint8Array, maxDepth: number = MAX_JSON_DEPTH): void {
  new JsonNestingGuard(maxDepth).feed(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
}
