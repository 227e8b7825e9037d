import dns from 'node:dns';
import { isIP } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Looks a host name up once; rejects with Node's DNS error (`code` ENOTFOUND, EAI_AGAIN, ESERVFAIL, ...). */
export type HostResolver = (host: string) => Promise<ResolvedAddress[]>;

export interface HostResolverOptions {
  /**
   * DNS servers to ask instead of the operating system (`ip` or `ip:port`), from OWNPOST_DNS_SERVERS:
   * for split-horizon company DNS, and for tests that need a DNS server to misbehave.
   * @default [] (the system resolver, as every other program on the machine)
   */
  dnsServers?: readonly string[];
  /** Give up a lookup after this long. */
  timeoutMs: number;
}

/** A DNS failure shaped like Node's own, so the classifier reads it the same way. */
function dnsError(code: string, syscall: string, host: string): Error {
  return Object.assign(new Error(`${syscall} ${code} ${host}`), { code, syscall, hostname: host });
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A resolver for SMTP hosts. IP literals are returned as they are and `localhost` is loopback
 * (RFC 6761 §6.3) without asking anybody.
 *
 * @example await createHostResolver({ timeoutMs: 5000 })('smtp.gmail.com') // [{ address: '142.250.…', family: 4 }, …]
 */
export function createHostResolver(options: HostResolverOptions): HostResolver {
  const servers = options.dnsServers ?? [];
  let resolver: dns.promises.Resolver | undefined;
  if (servers.length) {
    resolver = new dns.promises.Resolver({ timeout: options.timeoutMs, tries: 1 });
    resolver.setServers([...servers]);
  }

  return async function resolveHost(host: string): Promise<ResolvedAddress[]> {
    const bare = host.replace(/^\[|\]$/g, '');
    const literal = isIP(bare);
    if (literal) return [{ address: bare, family: literal as 4 | 6 }];
    if (bare.toLowerCase() === 'localhost') return [{ address: '127.0.0.1', family: 4 }];

    if (!resolver) {
      const found = await withTimeout(dns.promises.lookup(bare, { all: true, verbatim: true }), options.timeoutMs, () => dnsError('ETIMEOUT', 'getaddrinfo', bare));
      return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
    }
    const [v4, v6] = await Promise.allSettled([resolver.resolve4(bare), resolver.resolve6(bare)]);
    const addresses: ResolvedAddress[] = [
      ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 as const })) : []),
      ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 as const })) : []),
    ];
    if (addresses.length) return addresses;
    // A name with neither A nor AAAA records (ENODATA twice) cannot be connected to either.
    const failure = [v4, v6].find((r): r is PromiseRejectedResult => r.status === 'rejected' && (r.reason as { code?: string }).code !== 'ENODATA');
    throw failure?.reason ?? dnsError('ENODATA', 'queryA', bare);
  };
}
