/**
 * Server settings for an address: what the relay's discovery (`GET /v1/discover?email=`) found; and
 * when the relay has no discovery (a relay older than issue 3 answers 404), the provider table the
 * extension carries itself (shared/providers.ts), so the wizard still fills in what it can.
 */
import type { DiscoveryResult } from '../../../shared/api-schemas';
import { findProviderByDomain, findProviderById, type ProviderPreset, type ServerSetting, type SmtpAuthMethod } from '../../../shared/providers';
import type { ServerSettings } from './diagnosis';

export type DiscoverySource =
  /** A known provider, by the address's domain. */
  | 'provider'
  /** The domain's mail servers (MX) point at a known provider. */
  | 'mx'
  /** Tried the usual names and ports: a starting point to check. */
  | 'guess'
  /** Nothing found: the user types the settings. */
  | 'none'
  /** The user picked the provider from the list (shared/providers.ts PROVIDER_GROUPS). */
  | 'chosen';

export interface Discovered {
  source: DiscoverySource;
  providerId?: string;
  providerName?: string;
  smtp?: ServerSettings;
  /** Other endpoints that should work too (465 vs 587). */
  alternatives: ServerSettings[];
  /** The username to prefill: the address, or its local part. */
  username: string;
  /** Credentials the provider accepts, most recommended first. */
  auth: SmtpAuthMethod[];
  /** The provider's own notes, in English as the table and the relay give them (shown translated: shared/provider-notes.ts). */
  notes: string[];
  /** Where the Sent folder lives, for "copy to Sent". */
  imap?: ServerSettings;
  /** The provider files a copy in Sent itself: our copy would be a second one. */
  serverSavesSentCopy: boolean;
  unverified: boolean;
}

function usernameFor(email: string, format: ProviderPreset['username']): string {
  return format === 'local_part' ? (email.split('@')[0] ?? email) : email;
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

function fromPreset(email: string, preset: ProviderPreset, source: DiscoverySource): Discovered {
  const [first, ...rest] = preset.smtp.map((s: ServerSetting) => ({ host: s.host, port: s.port, security: s.security }));
  return {
    source,
    providerId: preset.id,
    providerName: preset.name,
    smtp: first,
    alternatives: rest,
    username: usernameFor(email, preset.username),
    auth: [...preset.auth],
    notes: [...preset.notes],
    imap: preset.imap && { host: preset.imap.host, port: preset.imap.port, security: preset.imap.security },
    serverSavesSentCopy: preset.serverSavesSentCopy ?? false,
    unverified: preset.unverified ?? false,
  };
}

/** The settings of the provider the user picked from the list; undefined for an id the table does not have. */
export function discoverFromPreset(email: string, presetId: string): Discovered | undefined {
  const preset = findProviderById(presetId);
  return preset && fromPreset(email, preset, 'chosen');
}

/** Settings from the extension's own provider table; nothing at all for an unknown domain. */
export function discoverLocally(email: string): Discovered {
  const preset = findProviderByDomain(domainOf(email));
  if (preset) return fromPreset(email, preset, 'provider');
  return { source: 'none', alternatives: [], username: email, auth: ['password'], notes: [], serverSavesSentCopy: false, unverified: true };
}

const SOURCES: Readonly<Record<DiscoveryResult['source'], DiscoverySource>> = { builtin: 'provider', mx: 'mx', guess: 'guess', none: 'none' };

/**
 * The relay's answer (`GET /v1/discover`) as `Discovered`. What it leaves out (the notes, the Sent
 * folder's server, whether the provider keeps its own Sent copy) comes from the extension's table
 * when the answer names a provider it knows.
 */
export function readDiscovery(email: string, answer: DiscoveryResult): Discovered {
  const known = answer.provider ? findProviderById(answer.provider.id) : undefined;
  const local = known ? fromPreset(email, known, 'provider') : undefined;
  const [smtp, ...alternatives] = answer.smtp.length > 0 ? answer.smtp : local?.smtp ? [local.smtp, ...local.alternatives] : [];
  return {
    source: smtp ? SOURCES[answer.source] : 'none',
    providerId: answer.provider?.id,
    providerName: answer.provider?.name ?? local?.providerName,
    smtp,
    alternatives,
    username: answer.username ?? local?.username ?? email,
    auth: answer.auth && answer.auth.length > 0 ? answer.auth : (local?.auth ?? ['password']),
    notes: answer.notes.length > 0 ? answer.notes : (local?.notes ?? []),
    imap: answer.imap ?? local?.imap,
    serverSavesSentCopy: local?.serverSavesSentCopy ?? false,
    unverified: answer.unverified ?? answer.source === 'guess',
  };
}
