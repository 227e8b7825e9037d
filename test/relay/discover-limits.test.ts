/**
 * Issue 14: `/v1/discover` makes the relay ask DNS and connect to up to a dozen guessed servers per
 * call; unlimited, one token could keep it probing (and its cache of made-up domains growing) for ever.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsDiscovery } from '../../relay/discovery/discover-settings';
import { DISCOVER_LIMIT } from '../../relay/routes/discover-routes';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

let dns: TestDnsServer;
let t: TestRelay;
beforeAll(async () => {
  // Every name is unknown (NXDOMAIN at once): a lookup costs the relay little, so only the limit stops it.
  dns = await startDnsServer({});
  t = await startTestRelay({}, { OWNPOST_DNS_SERVERS: dns.address });
});
afterAll(async () => {
  await t?.close();
  await dns?.close();
});

describe('discovery limits', () => {
  it(`answers 429 with Retry-After after ${DISCOVER_LIMIT.max} lookups per user (probe amplification)`, async () => {
    const { token } = await t.addUser('anna@firma.se', 'admin');
    for (let i = 0; i < DISCOVER_LIMIT.max; i++) {
      const res = await t.request('GET', `/v1/discover?email=anna@made-up-${i}.test`, { token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const refused = await t.request('GET', '/v1/discover?email=anna@one-more.test', { token });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another user has a limit of their own.
    const { token: other } = await t.addUser('bo@firma.se', 'member');
    expect((await t.request('GET', '/v1/discover?email=bo@one-more.test', { token: other })).status).toBe(200);
  }, 60_000);

  it('keeps at most cacheEntries domains in its cache, dropping the oldest (memory growth)', async () => {
    const discovery = new SettingsDiscovery({
      dnsServers: [dns.address],
      allowPrivateHosts: false,
      extraCa: [],
      probeTimeoutMs: 1000,
      guessEndpoints: [{ port: 465, security: 'tls' }],
      cacheEntries: 3,
    });
    for (let i = 0; i < 6; i++) await discovery.discover(`anna@cache-${i}.test`);
    expect(discovery.cacheSize).toBe(3);
  });
});
