/**
 * The wizard's first step: the address and the name customers see, then discovery of its server.
 * Pure: the reducer holds the step's progress; the address and name themselves are the sender draft's.
 */
import type { ExtensionError, ExtensionResult } from '../../../shared/extension-messages';
import { discoverLocally, readDiscovery, type Discovered } from './discovery';

export interface AddressStep {
  /** The typed address does not parse. */
  emailInvalid: boolean;
  discovering: boolean;
  /** Discovery failed for another reason than "this relay has none". */
  error?: ExtensionError;
  /** The user typed a name: the account's name no longer replaces it when it arrives. */
  fromNameTouched: boolean;
}

export type AddressStepAction =
  | { type: 'fromNameTyped' }
  | { type: 'emailRejected' }
  | { type: 'discoveryStarted' }
  | { type: 'discoveryFailed'; error: ExtensionError }
  | { type: 'discoveryDone' };

export const ADDRESS_STEP: AddressStep = { emailInvalid: false, discovering: false, fromNameTouched: false };

export function addressStepReducer(state: AddressStep, action: AddressStepAction): AddressStep {
  switch (action.type) {
    case 'fromNameTyped':
      return { ...state, fromNameTouched: true };
    case 'emailRejected':
      return { ...state, emailInvalid: true };
    case 'discoveryStarted':
      return { ...state, emailInvalid: false, error: undefined, discovering: true };
    case 'discoveryFailed':
      return { ...state, discovering: false, error: action.error };
    case 'discoveryDone':
      return { ...state, discovering: false };
  }
}

/**
 * The relay's discovery answer as the wizard uses it. A relay without discovery (older than issue 3)
 * answers `not_found`: then the extension's own provider table fills in what it can.
 */
export function discoveryFrom(address: string, answer: ExtensionResult<'discover'>): { found: Discovered } | { error: ExtensionError } {
  if (answer.ok) return { found: readDiscovery(address, answer.data) };
  if (answer.error.code === 'not_found') return { found: discoverLocally(address) };
  return { error: answer.error };
}
