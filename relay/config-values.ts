/**
 * What every reader of the relay's configuration shares: the error that stops start-up, and the
 * parsers of values several settings use. Apart from config.ts, which calls the area readers
 * (relay/oauth/oauth-config.ts, relay/smtp/smtp-door-config.ts): they import this, not config.ts.
 */

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses `500ms`, `1s`, `5m`, `2h`, `1d` into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  if (!match) throw new ConfigError(`"${text}" is not a duration (examples: 500ms, 30s, 5m, 2h, 1d)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'ms'];
  return Math.round(Number(match[1]) * unit);
}

/** The shortest and longest value a duration setting takes, as written in the README (`1s`, `1d`). */
export interface DurationRange {
  min: string;
  max: string;
}

/**
 * A duration setting read from the environment: unset or empty is `fallback`; a value that is no
 * duration, or outside `range`, stops start-up with a message naming the setting. `0s` would make a
 * lease that every other worker takes at once or a poll that spins; a value past Node's timer limit
 * (about 24.8 days) fires after 1 ms, so no range reaches it for a setting that becomes a timer.
 * @example parseDurationSetting('OWNPOST_LEASE', env.OWNPOST_LEASE, '5m', { min: '1s', max: '1d' })
 */
export function parseDurationSetting(name: string, text: string | undefined, fallback: string, range: DurationRange, also = ''): number {
  const written = text === undefined || text.trim() === '' ? fallback : text;
  const min = parseDuration(range.min);
  const max = parseDuration(range.max);
  let value: number;
  try {
    value = parseDuration(written);
  } catch {
    value = Number.NaN;
  }
  if (!(value >= min && value <= max)) {
    throw new ConfigError(`${name} must be at least ${range.min} and at most ${range.max}${also} (a duration like 500ms, 30s, 5m, 2h, 1d), not "${written}"`);
  }
  return value;
}

/**
 * A count setting (`16`): digits only, from `min` to `max`; unset or empty is `fallback`.
 * @example parseCountSetting('OWNPOST_DELIVERY_CONCURRENCY', env.OWNPOST_DELIVERY_CONCURRENCY, 16, { min: 1, max: 1000 })
 */
export function parseCountSetting(name: string, text: string | undefined, fallback: number, range: { min: number; max: number }): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= range.min && value <= range.max)) throw new ConfigError(`${name} must be a whole number of at least ${range.min} and at most ${range.max}, not "${text}"`);
  return value;
}

/** `1`/`true`/`on`/`yes` or `0`/`false`/`off`/`no`; unset or empty is the default; anything else stops start-up. */
export function parseSwitch(name: string, text: string | undefined, fallback: boolean): boolean {
  if (text === undefined || text.trim() === '') return fallback;
  const value = text.trim().toLowerCase();
  if (['1', 'true', 'on', 'yes'].includes(value)) return true;
  if (['0', 'false', 'off', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, not "${text}"`);
}

/**
 * A TCP port setting: digits from 0 (any free port) to 65535; unset or empty is undefined. `Number()`
 * alone read an empty `OWNPOST_PORT=` (an env file's blank line) as 0, a random port, and `0x1F90` as 8080.
 */
export function parsePortSetting(name: string, text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = /^\s*\d{1,5}\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 0 && value <= 65535)) throw new ConfigError(`${name} must be a TCP port (0 to 65535), not "${text}"`);
  return value;
}
