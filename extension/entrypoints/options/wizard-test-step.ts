/**
 * The wizard's last step: the test, and the save it unlocks. A sender that signs in with Microsoft or
 * Google is saved first (it cannot be tested before its sign-in), signed in here, and then tested.
 * Pure: the reducer holds the test's and the save's progress; `wizardFingerprint` what was tested.
 */
import type { DiagnosisResult, ExtensionError } from '../../../shared/extension-messages';
import type { ProfileView } from '../../../shared/schemas';
import type { ServerSettings } from './diagnosis';
import { testFingerprint } from './diagnosis';
import type { SenderDraft } from './sender-draft';

export interface TestRun {
  running: boolean;
  result?: DiagnosisResult;
  /** What was tested; a change afterwards makes the result stale. */
  fingerprint?: string;
  error?: ExtensionError;
}

/** A delegated sender saved by the wizard, waiting for its sign-in and then its test. */
export interface SavedForSignIn {
  profile: ProfileView;
  signedIn: boolean;
}

export interface TestStep {
  test: TestRun;
  saving: boolean;
  saveError?: ExtensionError;
  saved?: SavedForSignIn;
}

export type TestStepAction =
  | { type: 'testStarted' }
  | { type: 'testAnswered'; result: DiagnosisResult; fingerprint: string }
  | { type: 'testFailed'; error: ExtensionError }
  | { type: 'saveStarted' }
  /** The relay refused the save; a refused test-before-save carries the relay's own test. */
  | { type: 'saveRefused'; error: ExtensionError; diagnosis?: DiagnosisResult; fingerprint?: string }
  | { type: 'savedForSignIn'; profile: ProfileView }
  | { type: 'signedIn' };

export const TEST_STEP: TestStep = { test: { running: false }, saving: false };

export function testStepReducer(state: TestStep, action: TestStepAction): TestStep {
  switch (action.type) {
    case 'testStarted':
      return { ...state, test: { running: true } };
    case 'testAnswered':
      return { ...state, test: { running: false, result: action.result, fingerprint: action.fingerprint } };
    case 'testFailed':
      return { ...state, test: { running: false, error: action.error } };
    case 'saveStarted':
      return { ...state, saving: true, saveError: undefined };
    case 'saveRefused':
      return {
        ...state,
        saving: false,
        saveError: action.error,
        ...(action.diagnosis ? { test: { running: false, result: action.diagnosis, fingerprint: action.fingerprint } } : {}),
      };
    case 'savedForSignIn':
      return { ...state, saving: false, saved: { profile: action.profile, signedIn: false }, test: { running: false } };
    case 'signedIn':
      return { ...state, saved: state.saved && { ...state.saved, signedIn: true }, test: { running: true } };
  }
}

/** What the wizard's test covers: the address, the server and the sign-in, as typed. */
export function wizardFingerprint(draft: SenderDraft, server: ServerSettings = draft.server): string {
  return testFingerprint({
    email: draft.fromAddress,
    host: server.host,
    port: server.port,
    security: server.security,
    username: draft.username,
    password: draft.password,
    method: draft.method,
    tenantId: draft.oauth.tenantId,
    clientId: draft.oauth.clientId,
    clientSecret: draft.oauth.clientSecret,
  });
}

/** A passing test of exactly what would be saved. */
export function testPassed(state: TestStep, fingerprint: string): boolean {
  return state.test.result !== undefined && state.test.fingerprint === fingerprint && state.test.result.ok;
}

/** "Change the password" fits only a test that stopped at the sign-in; other failures get "Test again". */
export function failedAtSignIn(state: TestStep): boolean {
  return state.test.result?.stages.some((stage) => stage.stage === 'auth' && !stage.ok) ?? false;
}

/**
 * The server said the username or password is wrong (535, or a problem the relay classified as such):
 * saving such a sender anyway only makes every send fail, so an admin is not offered "Save anyway".
 */
export function credentialsRefused(result: DiagnosisResult): boolean {
  const auth = result.stages.find((stage) => stage.stage === 'auth' && !stage.ok);
  if (!auth) return false;
  return /^535[ -]/.test(auth.reply ?? '') || /(^|_)(bad_credentials|auth_failed)$/.test(result.problem?.code ?? '');
}
