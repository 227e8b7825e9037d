import { isIP } from 'node:net';
import { canonicalIp, isNonPublicIp } from './ip-address';

/**
 * Addresses a relay must not connect to on a user's behalf unless an admin allows private hosts:
 * loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast, unspecified
 * (Appsmith GHSA-vvxf-f8q9-86gh: a "test connection" endpoint is an SSRF tool otherwise).
 */
export function isPrivateAddress(ip: string): boolean {
  // Every spelling (short and numeric IPv4, mapped and NAT64 IPv6, ...): see ip-address.ts.
  return isNonPublicIp(ip);
}

/** True when a host name, as typed, obviously points inside: an IP (in any spelling) in a private range, or localhost. */
export function isObviouslyPrivateHost(host: string): boolean {
  const h = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || isPrivateAddress(h);
}

/** The relay refused to connect to this host: it is, or resolves to, a private address. */
export class PrivateHostError extends Error {
  override name = 'PrivateHostError';
  /** The catalogue's problem code, so a refused delivery is recorded as such (relay/diagnosis/classify.ts). */
  readonly code = 'destination_not_allowed';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} is on a private network (${address})`);
  }
}

/** A host resolved once and checked: every connection for one test goes to `address`. */
export interface PinnedHost {
  /** The name as the user typed it (normalised). */
  host: string;
  /** The one address all connections use. */
  address: string;
  family: 4 | 6;
  /** Every address the name had, for the DNS stage's report. */
  addresses: string[];
  /** What TLS checks the certificate against and sends as SNI; absent for IP literals (RFC 6066 §3). */
  servername?: string;
}

/**
 * Resolves `host` once, refuses it when any of its addresses is private (unless allowed), and picks
 * the address to connect to. Connecting by this address, and not by name again, closes the
 * DNS-rebinding gap between the check and the connection (a name that answers with a public address
 * for the check and with 127.0.0.1 for the connection).
 *
 * IPv4 is preferred when a name has both: a relay on a network with broken IPv6 would otherwise
 * report a working server as unreachable.
 */
export async function resolvePinnedHost(host: string, options: { resolve: (host: string) => Promise<{ address: string; family: 4 | 6 }[]>; allowPrivateHosts: boolean }): Promise<PinnedHost> {
  const typed = host.toLowerCase().replace(/^\[|\]$/g, '');
  // `127.1` or `0x7f000001` is an address, not a name: connect to (and check) what it spells.
  const bare = canonicalIp(typed) ?? typed;
  if (!options.allowPrivateHosts && isObviouslyPrivateHost(bare)) throw new PrivateHostError(typed, bare);
  const literal = isIP(bare);
  const found = literal ? [{ address: bare, family: literal as 4 | 6 }] : await options.resolve(bare);
  if (!options.allowPrivateHosts) {
    const inside = found.find((entry) => isPrivateAddress(entry.address));
    if (inside) throw new PrivateHostError(bare, inside.address);
  }
  const chosen = found.find((entry) => entry.family === 4) ?? found[0];
  if (!chosen) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${bare}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo' });
  return {
    host: bare,
    address: chosen.address,
    family: chosen.family,
    addresses: found.map((entry) => entry.address),
    ...(isIP(bare) ? {} : { servername: bare }),
  };
}
