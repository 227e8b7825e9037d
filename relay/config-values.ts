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
