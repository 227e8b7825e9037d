/**
 * Which TCP ports the relay may connect to on a user's behalf. A "test my SMTP settings" endpoint
 * that connects anywhere is a port scanner (halo#806, pinchy#823): only the submission ports, plus
 * those an admin adds with OWNPOST_ALLOWED_PORTS.
 */

/** Mail submission and relay ports: SMTP 25, implicit TLS 465, submission 587, the common alternative 2525. */
export const STANDARD_SMTP_PORTS: readonly number[] = Object.freeze([25, 465, 587, 2525]);

/** An inclusive range of ports; a single port is `{ from: p, to: p }`. */
export interface PortRange {
  from: number;
  to: number;
}

export class PortListError extends Error {
  override name = 'PortListError';
}

/**
 * Parses an admin's port list: single ports and ranges, separated by commas.
 *
 * @example parsePortRanges('2465, 2587, 10025-10030') // [{from: 2465, to: 2465}, {from: 2587, to: 2587}, {from: 10025, to: 10030}]
 */
export function parsePortRanges(text: string): PortRange[] {
  const ranges: PortRange[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(part);
    const from = Number(match?.[1]);
    const to = match?.[2] === undefined ? from : Number(match[2]);
    if (!match || from < 1 || to > 65535 || from > to) {
      throw new PortListError(`"${part}" is not a port or a port range (examples: 2587, 10025-10030)`);
    }
    ranges.push({ from, to });
  }
  return ranges;
}

/** True for the standard SMTP ports and for ports an admin allowed. */
export function isSmtpPortAllowed(port: number, extra: readonly PortRange[]): boolean {
  return STANDARD_SMTP_PORTS.includes(port) || extra.some((range) => port >= range.from && port <= range.to);
}

/**
 * Single ports an admin allowed by name (not those inside a range): worth probing as alternatives,
 * since an admin lists such a port because a mail server there is in use (e.g. Amazon SES 2587).
 */
export function namedExtraPorts(extra: readonly PortRange[]): number[] {
  return extra.filter((range) => range.from === range.to).map((range) => range.from);
}

/** The relay refused to connect to this port: it is not a mail port and no admin allowed it. */
export class PortNotAllowedError extends Error {
  override name = 'PortNotAllowedError';
  /** The catalogue's problem code, so a refused delivery is recorded as such (relay/diagnosis/classify.ts). */
  readonly code = 'destination_not_allowed';
  constructor(readonly port: number) {
    super(`port ${port} is not an allowed mail port`);
  }
}
