import { isIP } from 'node:net';

/**
 * Addresses a relay must not connect to on a user's behalf unless an admin allows private hosts:
 * loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast, unspecified
 * (Appsmith GHSA-vvxf-f8q9-86gh: a "test connection" endpoint is an SSRF tool otherwise).
 */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    return (
      a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224
    );
  }
  if (isIP(ip) === 6) {
    const v6 = ip.toLowerCase();
    if (v6 === '::' || v6 === '::1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
    if (mapped) return isPrivateAddress(mapped[1]!);
    // The same IPv4-mapped address written in hex (`::ffff:7f00:1` is 127.0.0.1).
    const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
    if (mappedHex) {
      const high = parseInt(mappedHex[1]!, 16);
      const low = parseInt(mappedHex[2]!, 16);
      return isPrivateAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
    }
    return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(v6);
  }
  return false;
}

/** True when a host name, as typed, obviously points inside: an IP in a private range or localhost. */
export function isObviouslyPrivateHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || isPrivateAddress(h);
}

/** The relay refused to connect to this host: it is, or resolves to, a private address. */
export class PrivateHostError extends Error {
  override name = 'PrivateHostError';
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
export async function resolvePinnedHost(
  host: string,
  options: { resolve: (host: string) => Promise<{ address: string; family: 4 | 6 }[]>; allowPrivateHosts: boolean },
): Promise<PinnedHost> {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (!options.allowPrivateHosts && isObviouslyPrivateHost(bare)) throw new PrivateHostError(bare, bare);
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
