import { describe, expect, it } from 'vitest';
import { loadConfig, parseDuration } from '../../relay/config';

describe('relay configuration', () => {
  it('parses durations', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1s')).toBe(1000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
  });

  it('reads the retry schedule from OWNPOST_RETRY_DELAYS, defaulting to about two days', () => {
    expect(loadConfig({ OWNPOST_RETRY_DELAYS: '1s,2s,4s' }).retryDelaysMs).toEqual([1000, 2000, 4000]);
    const total = loadConfig({}).retryDelaysMs.reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(40);
    expect(total / 3_600_000).toBeLessThan(56);
    expect(loadConfig({}).retryDelaysMs[0]).toBeLessThanOrEqual(5 * 60_000);
  });

  it('listens on 127.0.0.1:8787 by default', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', port: 8787, allowPrivateHosts: false });
  });

  it('prepares PostgreSQL statements unless OWNPOST_DB_PREPARED turns them off, and refuses a value that is no switch', () => {
    expect(loadConfig({}).dbPrepared).toBe(true);
    expect(loadConfig({ OWNPOST_DB_PREPARED: 'false' }).dbPrepared).toBe(false);
    expect(loadConfig({ OWNPOST_DB_PREPARED: '0' }).dbPrepared).toBe(false);
    expect(loadConfig({ OWNPOST_DB_PREPARED: 'on' }).dbPrepared).toBe(true);
    expect(() => loadConfig({ OWNPOST_DB_PREPARED: 'sometimes' })).toThrow(/OWNPOST_DB_PREPARED must be true or false/);
  });

  it('reads OWNPOST_ALLOW_PRIVATE_HOSTS and OWNPOST_TEST_BEFORE_SAVE as switches, and refuses a value that is none (fail loudly)', () => {
    for (const on of ['1', 'true', 'yes', 'on', 'TRUE']) expect(loadConfig({ OWNPOST_ALLOW_PRIVATE_HOSTS: on }).allowPrivateHosts, on).toBe(true);
    for (const off of ['0', 'false', '', 'no']) expect(loadConfig({ OWNPOST_ALLOW_PRIVATE_HOSTS: off }).allowPrivateHosts, off).toBe(false);
    expect(() => loadConfig({ OWNPOST_ALLOW_PRIVATE_HOSTS: 'ye' })).toThrow(/OWNPOST_ALLOW_PRIVATE_HOSTS must be true or false, not "ye"/);
    expect(loadConfig({}).testBeforeSave).toBe(true);
    expect(loadConfig({ OWNPOST_TEST_BEFORE_SAVE: '0' }).testBeforeSave).toBe(false);
    expect(loadConfig({ OWNPOST_TEST_BEFORE_SAVE: 'off' }).testBeforeSave).toBe(false);
    expect(() => loadConfig({ OWNPOST_TEST_BEFORE_SAVE: 'nope' })).toThrow(/OWNPOST_TEST_BEFORE_SAVE must be true or false/);
  });

  it('refuses a database URL that is not postgres://', () => {
    expect(() => loadConfig({ OWNPOST_DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
  });
});
