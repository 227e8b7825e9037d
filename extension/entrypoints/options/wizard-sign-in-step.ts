/**
 * The wizard's third step: how the sender signs in (the method, the password or app registration are the
 * sender draft's). Pure: the step's own choices, which are not part of the sender.
 */
import { isDelegated, type SignInMethod } from './sign-in-methods';

export interface SignInStep {
  /** The password shown as typed, to check it before the test. */
  showPassword: boolean;
  /** Where the test sends a test message; empty: none is sent. */
  sendTo: string;
}

export type SignInStepAction = { type: 'passwordShown'; shown: boolean } | { type: 'sendToTyped'; sendTo: string };

export const SIGN_IN_STEP: SignInStep = { showPassword: false, sendTo: '' };

export function signInStepReducer(state: SignInStep, action: SignInStepAction): SignInStep {
  switch (action.type) {
    case 'passwordShown':
      return { ...state, showPassword: action.shown };
    case 'sendToTyped':
      return { ...state, sendTo: action.sendTo };
  }
}

/** The test's `sendTo`, only when an address was typed. */
export function sendToOf(state: SignInStep): { sendTo?: string } {
  return state.sendTo.trim() ? { sendTo: state.sendTo.trim() } : {};
}

/**
 * A Microsoft or Google sign-in needs an app registration: the relay's own, else one typed here.
 * Without either, the sender cannot be saved for its sign-in.
 */
export function needsOwnClient(method: SignInMethod, clientId: string, relayHasApp: (provider: 'microsoft' | 'google') => boolean): boolean {
  return isDelegated(method) && !relayHasApp(method) && !clientId.trim();
}
