/**
 * Every way to write an IP address, read into one canonical form, and which addresses are not public.
 *
 * Issue 14: `127.1`, `2130706433` and `0x7f000001` all reach 127.0.0.1 (getaddrinfo reads IPv4 the
 * way inet_aton does), yet `net.isIP` says none of them is an address, so a check on the text
 * missed them. The WHATWG URL parser reads the same spellings (decimal, octal and hex parts, one to
 * four of them) and canonicalises IPv6, so both families are read by one well-tested parser.
 */
import { isIP } from 'node:net';

/**
 * The canonical form of `host` when it is an IP address in any spelling (`127.1` → `127.0.0.1`,
 * `[::FFFF:127.0.0.1]` → `::ffff:7f00:1`), else undefined (a name).
 *
 * @example canonicalIp('0x7f000001') // '127.0.0.1'
 */
export function canonicalIp(host: string): string | undefined {
  const bare = host.trim().replace(/^\[|\]$/g, '');
  if (!bare || /[\s/?#@\\]/.test(bare)) return undefined;
  if (bare.includes(':')) {
    try {
      const parsed = new URL(`http://[${bare}]/`).hostname.replace(/^\[|\]$/g, '');
      return isIP(parsed) === 6 ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  // Only strings made of IPv4 digits can be an IPv4 spelling; anything else is a name.
  if (!/^[0-9a-fx.]+$/i.test(bare)) return undefined;
  try {
    const parsed = new URL(`http://${bare}/`).hostname;
    return isIP(parsed) === 4 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The 16 bytes of a canonical IPv6 address (as `canonicalIp` returns it). */
function ipv6Bytes(ip: string): number[] {
  const [head = '', tail] = ip.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const words = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right].map((w) => parseInt(w, 16));
  return words.flatMap((w) => [w >> 8, w & 255]);
}

function ipv4Bytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** RFC 6890 special-purpose IPv4 blocks that are not the public internet, as [first bytes, prefix length]. */
const PRIVATE_V4: [number[], number][] = [
  [[0], 8], // "this network"
  [[10], 8], // private (RFC 1918)
  [[100, 64], 10], // carrier-grade NAT (RFC 6598)
  [[127], 8], // loopback
  [[169, 254], 16], // link-local, cloud metadata
  [[172, 16], 12], // private
  [[192, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2], 24], // documentation
  [[192, 88, 99], 24], // 6to4 relay anycast (deprecated)
  [[192, 168], 16], // private
  [[198, 18], 15], // benchmarking
  [[198, 51, 100], 24], // documentation
  [[203, 0, 113], 24], // documentation
  [[224], 3], // multicast, reserved, broadcast (224.0.0.0 and up)
];

function inPrefix(bytes: number[], prefix: number[], length: number): boolean {
  for (let bit = 0; bit < length; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[byte] ?? 0) & mask) !== ((prefix[byte] ?? 0) & mask)) return false;
  }
  return true;
}

function isPrivateV4Bytes(bytes: number[]): boolean {
  return PRIVATE_V4.some(([prefix, length]) => inPrefix(bytes, prefix, length));
}

/**
 * True when a connection to `ip` would not go to the public internet: the IPv4 blocks above, and in
 * IPv6 the unspecified, loopback, IPv4-mapped/-compatible/-translated (all of ::/8), unique-local,
 * link-local, site-local, multicast, discard and documentation blocks, Teredo, and the translation
 * forms that carry an IPv4 address inside (NAT64 64:ff9b::/96, 6to4 2002::/16), judged by that
 * IPv4 address. Not an IP: false.
 */
export function isNonPublicIp(ip: string): boolean {
  const canonical = canonicalIp(ip);
  if (!canonical) return false;
  if (isIP(canonical) === 4) return isPrivateV4Bytes(ipv4Bytes(canonical));
  const b = ipv6Bytes(canonical);
  // IPv4-mapped (::ffff:0:0/96, what a resolver may answer for a public IPv4 host) and NAT64's
  // well-known prefix (RFC 6052, 64:ff9b::/96): the last 32 bits are the IPv4 address reached.
  const mapped = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
  if (inPrefix(b, mapped, 96) || inPrefix(b, [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96)) return isPrivateV4Bytes(b.slice(12));
  // The rest of ::/8 (it holds 64:ff9b::/96 too): unspecified, loopback, IPv4-compatible,
  // IPv4-translated, local-use NAT64 (RFC 8215, 64:ff9b:1::/48), reserved.
  if (b[0] === 0) return true;
  // 6to4 (RFC 3056): bits 16-48 are an IPv4 address.
  if (inPrefix(b, [0x20, 0x02], 16)) return isPrivateV4Bytes(b.slice(2, 6));
  // Teredo (RFC 4380) tunnels to an address hidden in the rest; documentation (RFC 3849).
  if (inPrefix(b, [0x20, 0x01, 0x00, 0x00], 32) || inPrefix(b, [0x20, 0x01, 0x0d, 0xb8], 32)) return true;
  // Discard-only (RFC 6666).
  if (inPrefix(b, [0x01, 0x00, 0, 0, 0, 0, 0, 0], 64)) return true;
  // Unique-local fc00::/7, link-local fe80::/10, site-local fec0::/10, multicast ff00::/8.
  return inPrefix(b, [0xfc], 7) || inPrefix(b, [0xfe, 0x80], 10) || inPrefix(b, [0xfe, 0xc0], 10) || b[0] === 0xff;
}
