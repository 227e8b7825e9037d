import { describe, expect, it } from 'vitest';
import { candidateSettings, mayHaveBetterSettings } from '../../relay/diagnosis/suggest-settings';
import { isPrivateAddress, PrivateHostError, resolvePinnedHost } from '../../relay/net/host-policy';
import { isSmtpPortAllowed, namedExtraPorts, parsePortRanges, PortListError } from '../../relay/net/port-policy';

describe('port policy', () => {
  it('parses single ports and ranges', () => {
    expect(parsePortRanges('')).toEqual([]);
    expect(parsePortRanges(' 2587, 10025-10030 ,2465')).toEqual([
      { from: 2587, to: 2587 },
      { from: 10025, to: 10030 },
      { from: 2465, to: 2465 },
    ]);
    for (const bad of ['smtp', '0', '70000', '10-5', '1-2-3', '25;587']) expect(() => parsePortRanges(bad), bad).toThrow(PortListError);
  });

  it('allows the submission ports and what an admin added', () => {
    const extra = parsePortRanges('2587, 10025-10030');
    for (const port of [25, 465, 587, 2525, 2587, 10025, 10030]) expect(isSmtpPortAllowed(port, extra), String(port)).toBe(true);
    for (const port of [22, 80, 443, 993, 6379, 10031]) expect(isSmtpPortAllowed(port, extra), String(port)).toBe(false);
    expect(namedExtraPorts(extra)).toEqual([2587]);
  });
});

describe('host policy', () => {
  it('knows private addresses, also IPv4-mapped IPv6 in either spelling', () => {
    for (const ip of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['142.250.74.108', '52.97.1.1', '2a00:1450:4001::1', '::ffff:8efa:4a6c']) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  const resolverOf = (answers: Record<string, string[]>) => async (host: string) => {
    const found = answers[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
  };

  it('pins the IPv4 address of a name and keeps the name for TLS', async () => {
    const pinned = await resolvePinnedHost('SMTP.Example.com', { resolve: resolverOf({ 'smtp.example.com': ['2a00:1450::1', '142.250.74.108'] }), allowPrivateHosts: false });
    expect(pinned).toEqual({ host: 'smtp.example.com', address: '142.250.74.108', family: 4, addresses: ['2a00:1450::1', '142.250.74.108'], servername: 'smtp.example.com' });
    const literal = await resolvePinnedHost('142.250.74.108', { resolve: resolverOf({}), allowPrivateHosts: false });
    expect(literal.servername).toBeUndefined();
  });

  it('refuses a name with any private address unless private hosts are allowed', async () => {
    const resolve = resolverOf({ 'mixed.example.com': ['142.250.74.108', '10.0.0.5'], localhost: ['127.0.0.1'] });
    await expect(resolvePinnedHost('mixed.example.com', { resolve, allowPrivateHosts: false })).rejects.toBeInstanceOf(PrivateHostError);
    await expect(resolvePinnedHost('localhost', { resolve, allowPrivateHosts: false })).rejects.toBeInstanceOf(PrivateHostError);
    expect((await resolvePinnedHost('mixed.example.com', { resolve, allowPrivateHosts: true })).address).toBe('142.250.74.108');
  });
});

describe('suggestion candidates', () => {
  it('tries the same port in the other mode first, then 465, 587, 2525, 25, then named admin ports; never plain', () => {
    const candidates = candidateSettings('tls_wrong_version_number', { port: 587, security: 'tls' }, parsePortRanges('2587, 3000-3010'));
    expect(candidates).toEqual([
      { port: 587, security: 'starttls' },
      { port: 465, security: 'tls' },
      { port: 2525, security: 'starttls' },
      { port: 25, security: 'starttls' },
      { port: 2587, security: 'tls' },
      { port: 2587, security: 'starttls' },
    ]);
    expect(candidates.some((c) => (c.security as string) === 'none')).toBe(false);
  });

  it('skips an unreachable port in every mode', () => {
    const candidates = candidateSettings('connection_refused', { port: 465, security: 'tls' }, []);
    expect(candidates.map((c) => c.port)).toEqual([587, 2525, 25]);
  });

  it('looks for other settings only where they can help', () => {
    const tried = { port: 587, security: 'starttls' as const };
    for (const code of ['tls_wrong_version_number', 'greeting_timeout', 'connection_refused', 'connection_timeout', 'starttls_not_offered'] as const) {
      expect(mayHaveBetterSettings(code, tried, false), code).toBe(true);
    }
    for (const code of ['cert_expired', 'ms_bad_credentials', 'send_as_denied', 'host_not_found'] as const) {
      expect(mayHaveBetterSettings(code, tried, false), code).toBe(false);
    }
    expect(mayHaveBetterSettings('auth_mechanism_not_offered', { port: 587, security: 'none' }, true)).toBe(true);
  });
});
