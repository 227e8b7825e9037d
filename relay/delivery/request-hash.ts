import { createHash, type Hash } from 'node:crypto';

/**
 * SHA-256 of a validated request value in a canonical form (keys sorted), so that a retry of the
 * same send matches its Idempotency-Key even when a client serialises the JSON differently. It
 * feeds the hash piece by piece: attachments can be tens of megabytes, and one big canonical
 * string would double the memory of every send.
 *
 * A Buffer stands for the string of its bytes read as Latin-1; the relay only passes ASCII ones
 * (base64 taken from the request body), for which that is the same as UTF-8.
 */
export function hashRequestValue(value: unknown): string {
  const hash = new CoalescedHash();
  feed(hash, value);
  return hash.digest();
}

/** Short text is gathered up to this many characters before it goes to the hash. */
const PENDING_CHARS = 16 * 1024;

/**
 * SHA-256 fed with the same bytes as by `update()` call by call, but short strings gathered into
 * one: a request has some thirty short pieces (keys, lengths, addresses), and each `update()` is a
 * call into C++ that costs more than hashing its few bytes. Joining UTF-8 text before encoding it
 * gives the same bytes here: every string value is followed by ASCII (a length prefix, a bracket)
 * or ends the input, so no surrogate pair can form across two pieces.
 */
class CoalescedHash {
  private readonly hash: Hash = createHash('sha256');
  private pending = '';

  text(piece: string): void {
    this.pending += piece;
    if (this.pending.length >= PENDING_CHARS) this.flush();
  }

  bytes(piece: Buffer | string): void {
    this.flush();
    this.hash.update(piece);
  }

  digest(): string {
    this.flush();
    return this.hash.digest('hex');
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.hash.update(this.pending, 'utf8');
    this.pending = '';
  }
}

const STRING_SLICE = 1 << 20;

function feed(hash: CoalescedHash, value: unknown): void {
  if (value === undefined) {
    hash.text('u');
  } else if (value === null || typeof value === 'boolean' || typeof value === 'number') {
    hash.text(`${JSON.stringify(value)};`);
  } else if (Buffer.isBuffer(value)) {
    // A file's base64 as bytes of the request body (relay/http/read-body.ts): ASCII, so it is fed
    // exactly as the string of the same characters would be, and a retry hashes the same either way.
    hash.text(`s${value.length}:`);
    hash.bytes(value);
  } else if (typeof value === 'string') {
    // Length first: no two different sequences of strings feed the same bytes.
    hash.text(`s${Buffer.byteLength(value)}:`);
    if (value.length < STRING_SLICE) {
      hash.text(value);
      return;
    }
    // In slices: hashing a 27 MB base64 string at once makes a 27 MB temporary buffer.
    // A slice never ends between the two halves of a surrogate pair, which UTF-8 would mangle.
    for (let start = 0; start < value.length;) {
      let end = Math.min(start + STRING_SLICE, value.length);
      const last = value.charCodeAt(end - 1);
      if (end < value.length && last >= 0xd800 && last <= 0xdbff) end++;
      hash.bytes(value.slice(start, end));
      start = end;
    }
  } else if (Array.isArray(value)) {
    hash.text(`a${value.length}[`);
    for (const item of value) feed(hash, item);
    hash.text(']');
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    hash.text(`o${entries.length}{`);
    for (const [key, item] of entries) {
      feed(hash, key);
      feed(hash, item);
    }
    hash.text('}');
  } else {
    throw new TypeError(`hashRequestValue: cannot hash a ${typeof value}`);
  }
}
