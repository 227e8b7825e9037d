import { describe, expect, it } from 'vitest';
import type { DiagnosisResult } from '../../shared/extension-messages';
import { discoverLocally } from '../../extension/entrypoints/options/discovery';
import { emptyDraft } from '../../extension/entrypoints/options/sender-draft';
import { ADDRESS_STEP, addressStepReducer, discoveryFrom } from '../../extension/entrypoints/options/wizard-address-step';
import { draftFromDiscovery, providerChoice, serverStepReducer } from '../../extension/entrypoints/options/wizard-server-step';
import { needsOwnClient, sendToOf, SIGN_IN_STEP, signInStepReducer } from '../../extension/entrypoints/options/wizard-sign-in-step';
import { credentialsRefused, failedAtSignIn, TEST_STEP, testPassed, testStepReducer, wizardFingerprint } from '../../extension/entrypoints/options/wizard-test-step';
import { profile } from './sample-data';

const REFUSED: DiagnosisResult = {
  ok: false,
  stages: [{ stage: 'auth', ok: false, ms: 40, detail: 'refused', reply: '535 5.7.8 Username and Password not accepted' }],
  testedAt: '2026-11-23T10:00:00.000Z',
};
const PASSED: DiagnosisResult = { ok: true, stages: [{ stage: 'auth', ok: true, ms: 50, detail: 'ok' }], testedAt: '2026-11-23T10:00:00.000Z' };

describe('wizard, address step', () => {
  it('rejects an address without losing an earlier error, and clears both when discovery starts', () => {
    const failed = addressStepReducer(ADDRESS_STEP, { type: 'discoveryFailed', error: { code: 'relay_unreachable', message: 'down' } });
    const rejected = addressStepReducer(failed, { type: 'emailRejected' });
    expect(rejected).toMatchObject({ emailInvalid: true, error: { code: 'relay_unreachable' } });
    expect(addressStepReducer(rejected, { type: 'discoveryStarted' })).toEqual({ emailInvalid: false, error: undefined, discovering: true, fromNameTouched: false });
  });

  it('remembers that the user typed a name, so the account’s name does not replace it', () => {
    expect(addressStepReducer(ADDRESS_STEP, { type: 'fromNameTyped' }).fromNameTouched).toBe(true);
  });

  it('falls back to the extension’s own provider table on a relay without discovery', () => {
    const outcome = discoveryFrom('anna@gmail.com', { ok: false, error: { code: 'not_found', message: 'no route' } });
    expect(outcome).toEqual({ found: discoverLocally('anna@gmail.com') });
    expect(discoveryFrom('anna@gmail.com', { ok: false, error: { code: 'unauthorized', message: 'x' } })).toEqual({ error: { code: 'unauthorized', message: 'x' } });
  });
});

describe('wizard, server step', () => {
  const found = discoverLocally('anna@firma.se');
  const gmail = discoverLocally('anna@gmail.com');

  it('keeps what discovery found while providers from the list are tried, and brings it back', () => {
    let state = serverStepReducer({}, { type: 'discovered', found });
    const outlook = providerChoice(state, 'anna@firma.se', 'microsoft365')!;
    expect(outlook.source).toBe('chosen');
    state = serverStepReducer(state, { type: 'providerChosen', found: outlook, chosen: true });
    const other = providerChoice(state, 'anna@firma.se', 'gmail')!;
    state = serverStepReducer(state, { type: 'providerChosen', found: other, chosen: true });
    expect(state.foundForAddress).toBe(found);
    expect(providerChoice(state, 'anna@firma.se', undefined)).toBe(found);
    state = serverStepReducer(state, { type: 'providerChosen', found, chosen: false });
    expect(state).toEqual({ discovered: found });
    expect(providerChoice(state, 'anna@firma.se', undefined)).toBeUndefined();
  });

  it('fills the draft’s server, username and the provider’s preferred sign-in', () => {
    expect(draftFromDiscovery(found, 'anna@firma.se')).toEqual({ server: { host: 'smtp.firma.se', port: 587, security: 'starttls' }, username: 'anna@firma.se', method: 'password' });
    expect(draftFromDiscovery(gmail, 'anna@gmail.com').server.host).toBe('smtp.gmail.com');
  });
});

describe('wizard, sign-in step', () => {
  it('shows the password on request and sends a test message only to a typed address', () => {
    const state = signInStepReducer(signInStepReducer(SIGN_IN_STEP, { type: 'passwordShown', shown: true }), { type: 'sendToTyped', sendTo: ' bo@firma.se ' });
    expect(state.showPassword).toBe(true);
    expect(sendToOf(state)).toEqual({ sendTo: 'bo@firma.se' });
    expect(sendToOf(SIGN_IN_STEP)).toEqual({});
  });

  it('asks for an own app registration only for a sign-in the relay has no app for', () => {
    const relayApps = (provider: 'microsoft' | 'google') => provider === 'microsoft';
    expect(needsOwnClient('google', '', relayApps)).toBe(true);
    expect(needsOwnClient('google', ' 123-abc.apps.googleusercontent.com ', relayApps)).toBe(false);
    expect(needsOwnClient('microsoft', '', relayApps)).toBe(false);
    expect(needsOwnClient('password', '', relayApps)).toBe(false);
  });
});

describe('wizard, test step', () => {
  const draft = { ...emptyDraft(), fromAddress: 'anna@gmail.com', password: 'secret' };
  const fingerprint = wizardFingerprint(draft);

  it('passes only for exactly what was tested', () => {
    let state = testStepReducer(TEST_STEP, { type: 'testStarted' });
    expect(state.test).toEqual({ running: true });
    state = testStepReducer(state, { type: 'testAnswered', result: PASSED, fingerprint });
    expect(testPassed(state, fingerprint)).toBe(true);
    expect(testPassed(state, wizardFingerprint({ ...draft, password: 'other' }))).toBe(false);
  });

  it('tells a refused sign-in apart from other failures', () => {
    const state = testStepReducer(TEST_STEP, { type: 'testAnswered', result: REFUSED, fingerprint });
    expect(failedAtSignIn(state)).toBe(true);
    expect(credentialsRefused(REFUSED)).toBe(true);
    expect(failedAtSignIn(testStepReducer(TEST_STEP, { type: 'testAnswered', result: PASSED, fingerprint }))).toBe(false);
  });

  it('shows the relay’s own test when it refuses a save, and keeps the last test otherwise', () => {
    const tested = testStepReducer(TEST_STEP, { type: 'testAnswered', result: PASSED, fingerprint });
    const saving = testStepReducer(tested, { type: 'saveStarted' });
    expect(saving).toMatchObject({ saving: true, saveError: undefined });
    const error = { code: 'profile_test_failed' as const, message: 'no' };
    expect(testStepReducer(saving, { type: 'saveRefused', error, diagnosis: REFUSED, fingerprint })).toMatchObject({ saving: false, saveError: error, test: { result: REFUSED } });
    expect(testStepReducer(saving, { type: 'saveRefused', error }).test.result).toBe(PASSED);
  });

  it('saves a delegated sender first, then tests it once signed in', () => {
    const saved = testStepReducer(testStepReducer(TEST_STEP, { type: 'saveStarted' }), { type: 'savedForSignIn', profile: profile({ id: 'new' }) });
    expect(saved).toMatchObject({ saving: false, saved: { signedIn: false }, test: { running: false } });
    expect(testStepReducer(saved, { type: 'signedIn' })).toMatchObject({ saved: { signedIn: true }, test: { running: true } });
  });
});
