import { DEFAULT_CIPHERS } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { zSmtpSettings, zSmtpSettingsPatch } from '../../shared/schemas';
import { ciphersFor, securityOptionsFor, smtpConnectionOptions, STRONG_CIPHERS, tlsOptionsFor } from '../../relay/profiles/server-options';

const smtp = (over: Record<string, unknown> = {}) =>
  ({ host: 'smtp.example.com', port: 465, security: 'tls', minTlsVersion: 'TLSv1.2', ciphers: 'default', ...over }) as Parameters<typeof smtpConnectionOptions>[0];

describe('security modes', () => {
  it('starttls is required TLS, tls is implicit, none never upgrades', () => {
    expect(securityOptionsFor('starttls')).toEqual({ secure: false, requireTLS: true, ignoreTLS: false });
    expect(securityOptionsFor('tls')).toEqual({ secure: true, requireTLS: false, ignoreTLS: false });
    expect(securityOptionsFor('none')).toEqual({ secure: false, requireTLS: false, ignoreTLS: true });
  });
});

describe('TLS options', () => {
  it('always verify the certificate, with the host as SNI and the extra CAs beside the roots', () => {
    const options = tlsOptionsFor(smtp(), { extraCa: ['-----BEGIN CERTIFICATE-----x'] });
    expect(options.rejectUnauthorized).toBe(true);
    expect(options.servername).toBe('smtp.example.com');
    expect((options.ca as string[]).at(-1)).toBe('-----BEGIN CERTIFICATE-----x');
    expect((options.ca as string[]).length).toBeGreaterThan(100);
  });

  it('send no SNI for an IP address, and verify a pinned address against the name', () => {
    expect(tlsOptionsFor(smtp({ host: '192.0.2.1' }), { extraCa: [] }).servername).toBeUndefined();
    expect(tlsOptionsFor(smtp({ host: '192.0.2.1' }), { extraCa: [] }, 'smtp.example.com').servername).toBe('smtp.example.com');
  });

  it('map the cipher levels: default leaves Node alone, strong is AEAD only, compatible drops to security level 0', () => {
    expect(ciphersFor('default')).toBeUndefined();
    expect(STRONG_CIPHERS.split(':').every((c) => /GCM|CHACHA20/.test(c))).toBe(true);
    expect(ciphersFor('compatible')).toBe(`${DEFAULT_CIPHERS}:@SECLEVEL=0`);
  });

  it('never let strong go below TLS 1.2, and pass the minimum version through otherwise', () => {
    expect(tlsOptionsFor(smtp({ ciphers: 'strong', minTlsVersion: 'TLSv1' }), { extraCa: [] }).minVersion).toBe('TLSv1.2');
    expect(tlsOptionsFor(smtp({ minTlsVersion: 'TLSv1.3' }), { extraCa: [] }).minVersion).toBe('TLSv1.3');
    expect(tlsOptionsFor(smtp({ ciphers: 'compatible', minTlsVersion: 'TLSv1' }), { extraCa: [] }).minVersion).toBe('TLSv1');
  });

  it('put the EHLO name where nodemailer reads it', () => {
    expect(smtpConnectionOptions(smtp({ ehloName: 'relay.firma.se' }), { extraCa: [] })).toMatchObject({ name: 'relay.firma.se', host: 'smtp.example.com', port: 465, secure: true });
  });
});

describe('server settings as typed', () => {
  it('fill the defaults and split host:port', () => {
    expect(zSmtpSettings.parse({ host: 'SSL://Smtp.Example.com:2465/', security: 'tls' })).toEqual({
      host: 'smtp.example.com',
      port: 2465,
      security: 'tls',
      minTlsVersion: 'TLSv1.2',
      ciphers: 'default',
    });
  });

  it('refuse unknown keys, a TLS 1.0 floor without compatible ciphers, and a port out of range in the host', () => {
    expect(zSmtpSettings.safeParse({ host: 'smtp.example.com', security: 'tls', tls: { rejectUnauthorized: false } }).success).toBe(false);
    expect(zSmtpSettings.safeParse({ host: 'smtp.example.com', security: 'tls', minTlsVersion: 'TLSv1.1' }).success).toBe(false);
    expect(zSmtpSettings.safeParse({ host: 'smtp.example.com', security: 'tls', minTlsVersion: 'TLSv1.1', ciphers: 'compatible' }).success).toBe(true);
    expect(zSmtpSettings.safeParse({ host: 'smtp.example.com:70000', security: 'tls' }).success).toBe(false);
  });

  it('a patch changes only what it names', () => {
    expect(zSmtpSettingsPatch.parse({ ciphers: 'strong' })).toEqual({ ciphers: 'strong' });
    expect(zSmtpSettingsPatch.parse({ ehloName: null })).toEqual({ ehloName: null });
  });
});
