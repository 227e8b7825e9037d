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
  const hash = createHash('sha256');
  feed(hash, value);
  return hash.digest('hex');
}

const STRING_SLICE = 1 << 20;

function feed(hash: Hash, value: unknown): void {
  if (value === undefined) {
    hash.update('u');
  } else if (value === null || typeof value === 'boolean' || typeof value === 'number') {
    hash.update(`${JSON.stringify(value)};`);
  } else if (Buffer.isBuffer(value)) {
    // A file's base64 as bytes of the request body (relay/http/read-body.ts): ASCII, so it is fed
    // exactly as the string of the same characters would be, and a retry hashes the same either way.
    hash.update(`s${value.length}:`);
    hash.update(value);
  } else if (typeof value === 'string') {
    // Length first: no two different sequences of strings feed the same bytes.
    hash.update(`s${Buffer.byteLength(value)}:`);
    // In slices: hashing a 27 MB base64 string at once makes a 27 MB temporary buffer.
    // A slice never ends between the two halves of a surrogate pair, which UTF-8 would mangle.
    for (let start = 0; start < value.length;) {
      let end = Math.min(start + STRING_SLICE, value.length);
      const last = value.charCodeAt(end - 1);
      if (end < value.length && last >= 0xd800 && last <= 0xdbff) end++;
      hash.update(value.slice(start, end));
      start = end;
    }
  } else if (Array.isArray(value)) {
    hash.update(`a${value.length}[`);
    for (const item of value) feed(hash, item);
    hash.update(']');
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    hash.update(`o${entries.length}{`);
    for (const [key, item] of entries) {
      feed(hash, key);
      feed(hash, item);
    }
    hash.update('}');
  } else {
    throw new TypeError(`hashRequestValue: cannot hash a ${typeof value}`);
  }
}
