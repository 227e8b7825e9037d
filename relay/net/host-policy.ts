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
    return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(v6);
  }
  return false;
}

/** True when a host name, as typed, obviously points inside: an IP in a private range or localhost. */
export function isObviouslyPrivateHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || isPrivateAddress(h);
}
