/**
 * The relay's log: text lines for a person at a terminal, or one JSON object a line for a log
 * collector (`OWNPOST_LOG=json`, issue 20). Everything else in the relay logs through a plain
 * `(line: string) => void`; structured records (one per HTTP request, relay/http/request-log.ts)
 * use `record` where the log has it.
 *
 * Nothing secret is ever given to it: request logs carry the path without its query string, never
 * headers or bodies; the rest of the relay logs addresses, hosts and problem codes, never passwords
 * or tokens (test/relay/observability.test.ts greps a whole run's log for them).
 */
import { CONTROL_OR_LINE_SEPARATOR } from '../../shared/control-characters';
import { ConfigError } from '../config-values';

export type LogFormat = 'text' | 'json';

export interface RelayLog {
  (line: string): void;
  /** A structured record: its fields as JSON keys (json), or `key=value` after the message (text). */
  record(fields: { msg: string } & Record<string, string | number | boolean | null>): void;
}

/** `OWNPOST_LOG`: `text` (the default) or `json`; anything else is a mistake worth stopping for. */
export function parseLogFormat(value: string | undefined): LogFormat {
  if (value === undefined || value === '' || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new ConfigError(`OWNPOST_LOG must be "text" or "json", not "${value}"`);
}

/** Every control character or line separator in a value, for printableInLog. */
const CONTROLS_IN_LOG = new RegExp(CONTROL_OR_LINE_SEPARATOR.source, 'g');

/**
 * A value from a request (its path: `%0a` decodes to a line break) as it may stand in a text log
 * line: control characters, DEL, C1 controls and the Unicode line separators become `\xNN` or
 * `\uNNNN`, so no client can end a line and forge the next one, or send escape sequences to the
 * terminal that shows the log (CWE-117).
 * @example printableInLog('/v1/users/\n[ownpost] forged') === '/v1/users/\\x0a[ownpost] forged'
 */
export function printableInLog(value: string): string {
  return value.replace(CONTROLS_IN_LOG, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** @example const log = createRelayLog('json'); log('listening'); log.record({ msg: 'request', status: 200 }) */
export function createRelayLog(format: LogFormat, write: (text: string) => void = (text) => process.stderr.write(text)): RelayLog {
  const now = () => new Date().toISOString();
  const log = ((line: string) => {
    write(format === 'json' ? `${JSON.stringify({ time: now(), level: 'info', msg: line })}\n` : `[ownpost] ${now()} ${line}\n`);
  }) as RelayLog;
  log.record = ({ msg, ...fields }) => {
    if (format === 'json') return write(`${JSON.stringify({ time: now(), level: 'info', msg, ...fields })}\n`);
    // A space in a value (`%20` in a path) would start another `key=value` pair.
    const pairs = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' ? printableInLog(value).replaceAll(' ', '\\x20') : value}`);
    write(`[ownpost] ${now()} ${[msg, ...pairs].join(' ')}\n`);
  };
  return log;
}

/** The structured side of a log, if it has one (tests and library callers pass plain functions). */
export function recordsOf(log: (line: string) => void): RelayLog['record'] | undefined {
  return (log as Partial<RelayLog>).record;
}
