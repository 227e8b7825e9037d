/**
 * When the security mode and the port do not fit (TLS on a STARTTLS port, STARTTLS on 465, a port
 * a network blocks), find a combination that works on the same host, so the user can apply it with
 * one click instead of "trying other combinations" as vendors' help pages tell them to.
 */
import type { SettingsSuggestion } from '../../shared/diagnosis-schemas';
import type { SmtpSecurity } from '../../shared/schemas';
import type { PinnedHost } from '../net/host-policy';
import { isSmtpPortAllowed, namedExtraPorts, STANDARD_SMTP_PORTS, type PortRange } from '../net/port-policy';
import type { ProblemCode } from './catalogue';
import { openImplicitTlsSession, openPlainSession, type SmtpSession, type TlsPolicy } from './smtp-session';

/** Failures that another port or security mode may cure. Certificate and sign-in problems it cannot. */
const CURABLE_BY_OTHER_SETTINGS: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'tls_wrong_version_number',
  'greeting_timeout',
  'connection_refused',
  'connection_timeout',
  'connection_dropped',
  'not_smtp_service',
  'starttls_not_offered',
  'starttls_required_by_server',
]);

/** Failures that say nothing listens on the port (or a firewall drops it): the same port in another mode cannot work. */
const PORT_UNREACHABLE: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['connection_refused', 'connection_timeout']);

export interface TriedSettings {
  port: number;
  security: SmtpSecurity;
  ehloName?: string;
}

export interface SuggestEnvironment {
  extraSmtpPorts: readonly PortRange[];
  stepTimeoutMs: number;
  tlsPolicy: TlsPolicy;
  ehloName: string;
}

interface Candidate {
  port: number;
  security: 'tls' | 'starttls';
}

/**
 * Whether a failure is worth probing for. `serverOffersStartTls`: a connection without TLS
 * that the server would have encrypted (then signing in may only be offered after STARTTLS).
 */
export function mayHaveBetterSettings(code: ProblemCode, tried: TriedSettings, serverOffersStartTls: boolean): boolean {
  if (CURABLE_BY_OTHER_SETTINGS.has(code)) return true;
  return tried.security === 'none' && serverOffersStartTls && (code === 'auth_mechanism_not_offered' || code === 'not_authenticated');
}

/**
 * The alternatives, best first: the same port in the other TLS mode (the usual mistake), then the
 * standard ports in their usual mode (465 TLS first, as RFC 8314 prefers implicit TLS), then ports
 * an admin named. Plain text is never suggested: Ownpost does not trade encryption for a result.
 */
export function candidateSettings(code: ProblemCode, tried: TriedSettings, extraPorts: readonly PortRange[]): Candidate[] {
  const candidates: Candidate[] = [];
  const add = (candidate: Candidate) => {
    // Nothing answers on an unreachable port, in whatever mode: probing it again only waits.
    const same = candidate.port === tried.port && (candidate.security === tried.security || PORT_UNREACHABLE.has(code));
    const known = candidates.some((c) => c.port === candidate.port && c.security === candidate.security);
    if (!same && !known && isSmtpPortAllowed(candidate.port, extraPorts)) candidates.push(candidate);
  };
  add({ port: tried.port, security: 'tls' });
  add({ port: tried.port, security: 'starttls' });
  for (const port of [465, 587, 2525, 25]) {
    if (STANDARD_SMTP_PORTS.includes(port)) add({ port, security: port === 465 ? 'tls' : 'starttls' });
  }
  for (const port of namedExtraPorts(extraPorts)) {
    add({ port, security: 'tls' });
    add({ port, security: 'starttls' });
  }
  return candidates;
}

/**
 * Connects far enough to know the settings work: the server greets, answers EHLO and, with TLS,
 * completes a verified handshake. It does not sign in: a suggestion costs no sign-in attempt.
 */
async function settingsWork(pinned: PinnedHost, candidate: Candidate, env: SuggestEnvironment): Promise<boolean> {
  const endpoint = { address: pinned.address, port: candidate.port, servername: pinned.servername };
  const step = env.stepTimeoutMs;
  let session: SmtpSession | undefined;
  try {
    if (candidate.security === 'tls') {
      session = (await openImplicitTlsSession(endpoint, env.tlsPolicy, step)).session;
    } else {
      session = await openPlainSession(endpoint, step);
    }
    const greeting = await session.readReply(step, 'CONN', 'GREETING_TIMEOUT');
    if (greeting.code !== 220) return false;
    let ehlo = await session.command(`EHLO ${env.ehloName}`, step);
    if (ehlo.code !== 250) return false;
    if (candidate.security === 'starttls') {
      if (!ehlo.lines.some((line) => /^STARTTLS\b/i.test(line))) return false;
      if ((await session.command('STARTTLS', step)).code !== 220) return false;
      await session.startTls(endpoint, env.tlsPolicy, step);
      ehlo = await session.command(`EHLO ${env.ehloName}`, step);
      if (ehlo.code !== 250) return false;
    }
    return true;
  } catch {
    return false;
  } finally {
    await session?.quit(step);
  }
}

/**
 * Probes the alternatives in parallel, each bounded by the step timeout, and returns the best one
 * that works, as a profile PATCH body. Connects to the pinned address only.
 */
export async function suggestWorkingSettings(code: ProblemCode, pinned: PinnedHost, tried: TriedSettings, env: SuggestEnvironment): Promise<SettingsSuggestion | undefined> {
  const candidates = candidateSettings(code, tried, env.extraSmtpPorts);
  const probes = candidates.map((candidate) => settingsWork(pinned, candidate, env));
  // Best first: answer as soon as a candidate works and every better one has failed, without
  // waiting for worse ones that may be timing out (they end by themselves).
  let best: Candidate | undefined;
  for (const [index, probe] of probes.entries()) {
    if (await probe) {
      best = candidates[index];
      break;
    }
  }
  if (!best) return undefined;
  return {
    smtp: {
      host: pinned.host,
      port: best.port,
      security: best.security,
      ...(tried.ehloName ? { ehloName: tried.ehloName } : {}),
    },
  };
}
