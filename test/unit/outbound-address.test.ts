/**
 * Issue 14: every spelling of an IP address is read as the address it is, and judged by it.
 * getaddrinfo reads `127.1`, `2130706433` and `0x7f000001` as 127.0.0.1 (inet_aton), so a check on
 * the text alone let them through.
 */
import { describe, expect, it } from 'vitest';
import { canonicalIp, isNonPublicIp } from '../../relay/net/ip-address';
import { PrivateHostError } from '../../relay/net/host-policy';
import { isOutboundPortAllowed, pinOutbound } from '../../relay/net/outbound';
import { PortNotAllowedError } from '../../relay/net/port-policy';

describe('IP spellings', () => {
  it.each([
    ['127.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f.0.0.1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['[::FFFF:127.0.0.1]', '::ffff:7f00:1'],
    ['0:0:0:0:0:ffff:7f00:1', '::ffff:7f00:1'],
    ['64:ff9b::127.0.0.1', '64:ff9b::7f00:1'],
  ])('reads %s as %s', (spelled, canonical) => {
    expect(canonicalIp(spelled)).toBe(canonical);
  });

  it('leaves names alone', () => {
    for (const name of ['smtp.gmail.com', 'face.cafe', 'mail.1und1.de', 'localhost', '999.1.1.1']) expect(canonicalIp(name), name).toBeUndefined();
  });
});

describe('addresses that are not the public internet', () => {
  it.each([
    '127.1',
    '2130706433',
    '0x7f000001',
    '0177.0.0.1',
    '10.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '198.18.0.1',
    '192.0.0.8',
    '255.255.255.255',
    '224.0.0.1',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '0:0:0:0:0:ffff:a9fe:a9fe',
    '::7f00:1',
    '::ffff:0:7f00:1',
    '64:ff9b::7f00:1',
    '64:ff9b::10.0.0.1',
    '64:ff9b:1::1',
    '2002:7f00:1::1',
    '2002:0a00:0001::',
    '2001::1',
    '2001:db8::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fec0::1',
    'ff02::1',
    '100::1',
  ])('refuses %s', (ip) => {
    expect(isNonPublicIp(ip)).toBe(true);
  });

  it.each(['142.250.74.108', '52.97.1.1', '2a00:1450:4001::1', '::ffff:8efa:4a6c', '64:ff9b::8efa:4a6c', '2002:8efa:4a6c::1', '2603:1026::1'])('allows %s', (ip) => {
    expect(isNonPublicIp(ip)).toBe(false);
  });
});

describe('the outbound gate', () => {
  const resolveHost = async (host: string) => {
    const answers: Record<string, string[]> = { 'smtp.example.com': ['142.250.74.108'], 'nat64.example.com': ['64:ff9b::a9fe:a9fe'] };
    return (answers[host] ?? []).map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
  };
  const policy = { allowPrivateHosts: false, extraPorts: [], resolveHost };

  it('pins the checked address and keeps the name for TLS', async () => {
    expect(await pinOutbound(policy, { host: 'SMTP.example.com', port: 587, service: 'smtp' })).toMatchObject({
      address: '142.250.74.108',
      servername: 'smtp.example.com',
      port: 587,
    });
  });

  it('refuses a short IPv4 spelling of loopback before any lookup', async () => {
    await expect(pinOutbound(policy, { host: '127.1', port: 587, service: 'smtp' })).rejects.toBeInstanceOf(PrivateHostError);
    await expect(pinOutbound(policy, { host: '127.1', port: 587, service: 'smtp' })).rejects.toMatchObject({ code: 'destination_not_allowed' });
  });

  it('refuses cloud metadata behind a NAT64 answer', async () => {
    await expect(pinOutbound(policy, { host: 'nat64.example.com', port: 465, service: 'smtp' })).rejects.toBeInstanceOf(PrivateHostError);
  });

  it('refuses ports that are not mail ports for the service', async () => {
    await expect(pinOutbound(policy, { host: 'smtp.example.com', port: 22, service: 'smtp' })).rejects.toBeInstanceOf(PortNotAllowedError);
    await expect(pinOutbound(policy, { host: 'smtp.example.com', port: 587, service: 'imap' })).rejects.toMatchObject({ code: 'destination_not_allowed' });
    expect(isOutboundPortAllowed('imap', 993, [])).toBe(true);
    expect(isOutboundPortAllowed('smtp', 993, [])).toBe(false);
  });
});
