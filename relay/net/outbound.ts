/**
 * The one gate every connection the relay opens on a user's behalf goes through: delivery, the
 * Sent-folder copy over IMAP, the sender test and discovery probes (issue 14).
 *
 * It applies the port policy, resolves the name once, refuses it when any address is not public
 * (unless an admin allows private hosts), and returns the one checked address to connect to, with
 * the name kept for TLS (`servername`: certificate check and SNI). Connecting by that address, not
 * by the name again, closes the gap in which a name could answer differently (DNS rebinding, or a
 * record changed after the sender test passed).
 *
 * A refusal throws `PrivateHostError` or `PortNotAllowedError`, both carrying the catalogue code
 * `destination_not_allowed`, so a refused delivery is recorded with that problem and never retried.
 */
import { resolvePinnedHost, type PinnedHost } from './host-policy';
import { isSmtpPortAllowed, PortNotAllowedError, type PortRange } from './port-policy';
import { createHostResolver, type HostResolver } from './resolve-host';

/** What the connection is for; each service has its own ports. */
export type OutboundService = 'smtp' | 'imap';

/** IMAP with STARTTLS (143) and implicit TLS (993), RFC 9051 §2.2 and RFC 8314 §3.3. */
export const STANDARD_IMAP_PORTS: readonly number[] = Object.freeze([143, 993]);

export interface OutboundPolicy {
  /** OWNPOST_ALLOW_PRIVATE_HOSTS=1: loopback and private ranges are allowed (company relays, tests). */
  allowPrivateHosts: boolean;
  /** Ports an admin allowed beside the standard ones (OWNPOST_ALLOWED_PORTS), for every service. */
  extraPorts: readonly PortRange[];
  resolveHost: HostResolver;
}

export interface OutboundTarget {
  host: string;
  port: number;
  service: OutboundService;
}

/** A checked destination: connect to `address`:`port`, verify TLS against `servername`. */
export interface OutboundDestination extends PinnedHost {
  port: number;
}

/**
 * The policy from the relay's configuration.
 *
 * @example createOutboundPolicy({ allowPrivateHosts: false, extraSmtpPorts: [], dnsServers: [] })
 */
export function createOutboundPolicy(config: {
  allowPrivateHosts: boolean;
  extraSmtpPorts: readonly PortRange[];
  dnsServers: readonly string[];
  /** A DNS lookup's time limit. @default 15_000 */
  dnsTimeoutMs?: number;
}): OutboundPolicy {
  return {
    allowPrivateHosts: config.allowPrivateHosts,
    extraPorts: config.extraSmtpPorts,
    resolveHost: createHostResolver({ dnsServers: config.dnsServers, timeoutMs: config.dnsTimeoutMs ?? 15_000 }),
  };
}

export function isOutboundPortAllowed(service: OutboundService, port: number, extra: readonly PortRange[]): boolean {
  if (service === 'imap') return STANDARD_IMAP_PORTS.includes(port) || extra.some((range) => port >= range.from && port <= range.to);
  return isSmtpPortAllowed(port, extra);
}

/**
 * Checks a destination and resolves it once. Throws `PortNotAllowedError` / `PrivateHostError`
 * (code `destination_not_allowed`) for a refusal, Node's DNS error when the name does not resolve.
 */
export async function pinOutbound(policy: OutboundPolicy, target: OutboundTarget): Promise<OutboundDestination> {
  if (!isOutboundPortAllowed(target.service, target.port, policy.extraPorts)) throw new PortNotAllowedError(target.port);
  const pinned = await resolvePinnedHost(target.host, { resolve: policy.resolveHost, allowPrivateHosts: policy.allowPrivateHosts });
  return { ...pinned, port: target.port };
}
