/**
 * `GET /v1/discover?email=`: suggested server settings for an address, in the order Thunderbird's
 * account setup tries them:
 *
 * 1. the built-in provider table (shared/providers.ts), by the address's domain: no network at all;
 * 2. the domain's MX hosts, for custom domains hosted by a known provider (Microsoft 365, Google
 *    Workspace, Zoho, Fastmail, ...);
 * 3. guessing: smtp.<domain> and mail.<domain>, 465 with TLS then 587 with STARTTLS, all probed in
 *    parallel with short timeouts; only servers with a valid certificate for the guessed name count.
 *
 * DNS goes through the relay's DNS setting (OWNPOST_DNS_SERVERS), which is how tests point discovery at a
 * DNS server of their own. Results are kept for a few minutes per domain, and simultaneous requests for
 * one domain share one run, so discovery cannot be used to make the relay probe a server repeatedly.
 */
import type { DiscoveryResult } from '../../shared/api-schemas';
import { findProviderByDomain, findProviderByMx, isHostTemplate, type ProviderPreset } from '../../shared/providers';
import type { PortRange } from '../net/port-policy';
import { createHostResolver } from '../net/resolve-host';
import { createMxLookup, type MxLookup } from './mx-lookup';
import { probeSmtp, type ProbeResult } from './probe-smtp';

export interface DiscoveryOptions {
  /** OWNPOST_DNS_SERVERS; empty: the system's resolver. */
  dnsServers: readonly string[];
  allowPrivateHosts: boolean;
  /** Ports an admin allowed beside the standard mail ports (OWNPOST_ALLOWED_PORTS). @default [] */
  extraPorts?: readonly PortRange[];
  extraCa: readonly string[];
  /** One probe's limit (connect, greeting, each reply). @default 5000 */
  probeTimeoutMs: number;
  /** Ports and modes for guessed hosts, preferred first. */
  guessEndpoints: readonly { port: number; security: 'tls' | 'starttls' }[];
  /** How long a domain's result is reused. @default 10 minutes */
  cacheMs?: number;
  /**
   * Domains kept in the cache at most; the oldest goes first (issue 14: lookups of made-up domains
   * must not grow the relay's memory without end).
   * @default 1000
   */
  cacheEntries?: number;
}

type DomainResult = Omit<DiscoveryResult, 'email' | 'username' | 'profile'> & { usernameRule?: ProviderPreset['username'] };

/** Hosts guessed for a domain, preferred first. */
export function guessedHosts(domain: string): string[] {
  return [`smtp.${domain}`, `mail.${domain}`];
}

function fromPreset(domain: string, preset: ProviderPreset, source: 'builtin' | 'mx', mx?: string[]): DomainResult {
  const usable = preset.smtp.filter((s) => !isHostTemplate(s.host));
  const templated = preset.smtp.filter((s) => isHostTemplate(s.host));
  return {
    domain,
    source,
    provider: { id: preset.id, name: preset.name },
    smtp: usable.map((s) => ({ host: s.host, port: s.port, security: s.security })),
    ...(preset.imap && !isHostTemplate(preset.imap.host) ? { imap: { ...preset.imap } } : {}),
    auth: [...preset.auth],
    notes: [...preset.notes, ...templated.map((s) => `The server name is per account: ${s.host} (fill in your own).`)],
    ...(preset.unverified ? { unverified: true } : {}),
    ...(mx ? { mx } : {}),
    usernameRule: preset.username,
  };
}

function usernameFor(email: string, rule: ProviderPreset['username'] | undefined): string | undefined {
  if (rule === 'address') return email;
  if (rule === 'local_part') return email.slice(0, email.lastIndexOf('@'));
  return undefined;
}

export class SettingsDiscovery {
  private readonly lookupMx: MxLookup;
  private readonly resolveHost: ReturnType<typeof createHostResolver>;
  private readonly cache = new Map<string, { result: DomainResult; until: number }>();
  /** Domains in the cache now (for tests and metrics). */
  get cacheSize(): number {
    return this.cache.size;
  }
  private readonly running = new Map<string, Promise<DomainResult>>();

  constructor(private readonly options: DiscoveryOptions) {
    const dnsTimeoutMs = Math.min(options.probeTimeoutMs, 5000);
    this.lookupMx = createMxLookup({ dnsServers: options.dnsServers, timeoutMs: dnsTimeoutMs });
    this.resolveHost = createHostResolver({ dnsServers: options.dnsServers, timeoutMs: dnsTimeoutMs });
  }

  /** Suggested settings for an already-validated, normalised address. */
  async discover(email: string): Promise<DiscoveryResult> {
    const domain = email.slice(email.lastIndexOf('@') + 1);
    const { usernameRule, ...found } = await this.forDomain(domain);
    const username = usernameFor(email, usernameRule);
    const best = found.smtp[0];
    return {
      email,
      ...found,
      ...(username ? { username } : {}),
      ...(best
        ? {
            profile: {
              name: found.provider?.name ?? domain,
              fromAddress: email,
              smtp: best,
              auth: { type: 'password' as const, username: username ?? email },
            },
          }
        : {}),
    };
  }

  private forDomain(domain: string): Promise<DomainResult> {
    const cached = this.cache.get(domain);
    if (cached && cached.until > Date.now()) return Promise.resolve(cached.result);
    const inFlight = this.running.get(domain);
    if (inFlight) return inFlight;
    const run = this.discoverDomain(domain)
      .then((result) => {
        this.cache.delete(domain);
        this.cache.set(domain, { result, until: Date.now() + (this.options.cacheMs ?? 10 * 60_000) });
        // A Map keeps insertion order: the first keys are the oldest entries.
        const limit = this.options.cacheEntries ?? 1000;
        for (const key of this.cache.keys()) {
          if (this.cache.size <= limit) break;
          this.cache.delete(key);
        }
        return result;
      })
      .finally(() => this.running.delete(domain));
    this.running.set(domain, run);
    return run;
  }

  private async discoverDomain(domain: string): Promise<DomainResult> {
    const builtin = findProviderByDomain(domain);
    if (builtin) return fromPreset(domain, builtin, 'builtin');

    let mx: string[] | undefined;
    const notes: string[] = [];
    try {
      mx = await this.lookupMx(domain);
      const hosted = findProviderByMx(mx);
      if (hosted) return fromPreset(domain, hosted, 'mx', mx);
    } catch (error) {
      notes.push(`The domain's mail servers could not be looked up (${(error as NodeJS.ErrnoException).code ?? 'DNS error'}).`);
    }

    const probes = await this.guess(domain);
    const working = probes.filter((p) => p.ok);
    if (working.length === 0) {
      notes.push('No mail server answered at the usual names. Ask your e-mail provider for the SMTP server, port and security, or look in the settings of the mail program you use today.');
    } else {
      notes.push('Found by trying the usual server names; check them with "Test" before relying on them.');
    }
    return {
      domain,
      source: working.length ? 'guess' : 'none',
      smtp: working.map((p) => ({ host: p.host, port: p.port, security: p.security })),
      notes,
      ...(mx ? { mx } : {}),
      probes,
      ...(working.length ? { unverified: true, usernameRule: 'address' as const } : {}),
    };
  }

  /** Every candidate at once (Thunderbird staggers them by 100 ms; ours are few and bounded by one timeout). */
  private async guess(domain: string): Promise<ProbeResult[]> {
    const targets = guessedHosts(domain).flatMap((host) => this.options.guessEndpoints.map((e) => ({ host, ...e })));
    return Promise.all(
      targets.map((target) =>
        probeSmtp(target, {
          resolveHost: this.resolveHost,
          allowPrivateHosts: this.options.allowPrivateHosts,
          extraPorts: this.options.extraPorts ?? [],
          extraCa: this.options.extraCa,
          timeoutMs: this.options.probeTimeoutMs,
        }),
      ),
    );
  }
}
