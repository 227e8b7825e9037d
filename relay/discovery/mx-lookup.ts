import dns from 'node:dns';

/** A domain's MX hosts, lowest preference first; empty when the domain has none. */
export type MxLookup = (domain: string) => Promise<string[]>;

/** "This name has no such record": an answer, not a failure. */
const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME']);

/**
 * MX lookups through the DNS servers the relay is configured with (OWNPOST_DNS_SERVERS, the same
 * setting SMTP host lookups use), else the system's. Tests point it at a DNS server of their own.
 */
export function createMxLookup(options: { dnsServers: readonly string[]; timeoutMs: number }): MxLookup {
  const resolver = new dns.promises.Resolver({ timeout: options.timeoutMs, tries: 2 });
  if (options.dnsServers.length) resolver.setServers([...options.dnsServers]);
  return async function lookupMx(domain: string): Promise<string[]> {
    try {
      const records = await resolver.resolveMx(domain);
      return records
        .filter((r) => r.exchange !== '' && r.exchange !== '.') // RFC 7505 null MX: the domain takes no mail
        .sort((a, b) => a.priority - b.priority)
        .map((r) => r.exchange.toLowerCase().replace(/\.$/, ''));
    } catch (error) {
      if (NO_RECORD.has((error as NodeJS.ErrnoException).code ?? '')) return [];
      throw error;
    }
  };
}
