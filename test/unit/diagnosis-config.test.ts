import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../relay/config';

const base = { OWNPOST_DATA_DIR: '/tmp/ownpost-config-test' };

describe('sender test settings', () => {
  it('has safe defaults', () => {
    const config = loadConfig(base);
    expect(config.extraSmtpPorts).toEqual([]);
    expect(config.dnsServers).toEqual([]);
    expect(config.testStepTimeoutMs).toBe(15_000);
    expect(config.senderTestLimits.testsPerWindow).toEqual({ max: 20, windowMs: 15 * 60_000 });
    expect(config.senderTestLimits.authFailureWait).toMatchObject({ free: 3, firstMs: 30_000, maxMs: 3_600_000 });
    expect(config.testBeforeSave).toBe(true);
  });

  it('reads them from the environment', () => {
    const config = loadConfig({
      ...base,
      OWNPOST_ALLOWED_PORTS: '2587, 10025-10030',
      OWNPOST_DNS_SERVERS: '10.0.0.2, 10.0.0.3:5353, [2001:db8::53]:53',
      OWNPOST_TEST_STEP_TIMEOUT: '5s',
      OWNPOST_TEST_LIMIT: '5/1h',
      OWNPOST_TEST_BEFORE_SAVE: '0',
    });
    expect(config.extraSmtpPorts).toEqual([
      { from: 2587, to: 2587 },
      { from: 10025, to: 10030 },
    ]);
    expect(config.dnsServers).toEqual(['10.0.0.2', '10.0.0.3:5353', '[2001:db8::53]:53']);
    expect(config.testStepTimeoutMs).toBe(5000);
    expect(config.senderTestLimits.testsPerWindow).toEqual({ max: 5, windowMs: 3_600_000 });
    expect(config.testBeforeSave).toBe(false);
  });

  it.each([
    ['OWNPOST_ALLOWED_PORTS', 'smtp'],
    ['OWNPOST_ALLOWED_PORTS', '99999'],
    ['OWNPOST_DNS_SERVERS', 'dns.example.com'],
    ['OWNPOST_TEST_LIMIT', 'twenty'],
    ['OWNPOST_TEST_LIMIT', '0/1m'],
    ['OWNPOST_TEST_STEP_TIMEOUT', 'soon'],
  ])('refuses %s=%s at start-up', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
  });
});
