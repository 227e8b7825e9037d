/**
 * The wizard's second step: the server discovery found, or the provider the user picked from the list
 * instead. Pure: the reducer remembers what discovery found while the user tries providers, so that
 * "as found" can bring it back without asking the relay again.
 */
import { discoverFromPreset, type Discovered } from './discovery';
import type { SenderDraft } from './sender-draft';
import { domainOf } from './sender-draft';
import { methodsFor } from './sign-in-methods';

export interface ServerStep {
  /** What the step shows: discovery's answer, or the provider picked from the list. */
  discovered?: Discovered;
  /** What discovery found for the address, kept while a provider from the list is tried. */
  foundForAddress?: Discovered;
}

export type ServerStepAction =
  /** Discovery answered for a (new) address. */
  | { type: 'discovered'; found: Discovered }
  /** A provider from the list (`chosen`), or back to what discovery found. */
  | { type: 'providerChosen'; found: Discovered; chosen: boolean };

export function serverStepReducer(state: ServerStep, action: ServerStepAction): ServerStep {
  switch (action.type) {
    case 'discovered':
      return { discovered: action.found };
    case 'providerChosen': {
      if (!action.chosen) return { discovered: action.found };
      // Only discovery's own answer is worth keeping; one picked provider replaces another.
      const foundForAddress = state.discovered?.source !== 'chosen' ? state.discovered : state.foundForAddress;
      return { discovered: action.found, foundForAddress };
    }
  }
}

/** The settings a choice in the provider list stands for: a provider's, or (none chosen) discovery's again. */
export function providerChoice(state: ServerStep, email: string, presetId: string | undefined): Discovered | undefined {
  return presetId ? discoverFromPreset(email, presetId) : state.foundForAddress;
}

/**
 * The draft's server, username and sign-in method for what was found: the provider's own sign-in when
 * it prefers it (Microsoft 365, Outlook.com), else a password; `smtp.<domain>` when nothing was found.
 */
export function draftFromDiscovery(found: Discovered, address: string): Pick<SenderDraft, 'server' | 'username' | 'method'> {
  const server = found.smtp ?? { host: `smtp.${domainOf(address)}`, port: 587, security: 'starttls' as const };
  return { server, username: found.username, method: methodsFor(found.providerId, server.host, found.auth[0] === 'oauth2').recommended ?? 'password' };
}
