import { describe, expect, it } from 'vitest';
import { zDiagnoseRequest } from '../../shared/diagnosis-schemas';
import { zProfileInput, zProfilePatch } from '../../shared/schemas';
import { deliveryBody, deliveryChanged, deliveryDraftFrom } from '../../extension/entrypoints/options/delivery-draft';
import { fieldErrorsFrom } from '../../extension/entrypoints/options/field-errors';
import { changedProfileBody, draftFromProfile, emptyDraft, newProfileBody, profilePatch, serverFingerprint, testBlocker } from '../../extension/entrypoints/options/sender-draft';
import { draftReducer } from '../../extension/entrypoints/options/use-sender-draft';
import { profile } from './sample-data';

const SAVED = draftFromProfile(profile({ replyTo: 'faktura@firma.se', allowedSenders: ['@firma.se'], sites: ['app.example.com'] }));
const PASSWORD_SENDER = { method: 'password' as const, signedIn: false };

describe('sender draft: from a profile and back', () => {
  it('holds a saved sender as typed text, secrets empty', () => {
    expect(SAVED).toMatchObject({
      name: 'Office',
      fromAddress: 'anna@firma.se',
      replyTo: 'faktura@firma.se',
      server: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
      username: 'anna@firma.se',
      password: '',
      method: 'password',
      allowedSenders: '@firma.se',
      sites: 'app.example.com',
      company: false,
    });
  });

  it('patches nothing when nothing changed, and only what changed otherwise', () => {
    expect(profilePatch(SAVED, SAVED)).toEqual({});
    const draft = { ...SAVED, name: ' Office 2 ', replyTo: '', sites: 'app.example.com,\n b.example.com', company: true, ehloName: 'relay.firma.se' };
    expect(profilePatch(SAVED, draft)).toEqual({ name: 'Office 2', replyTo: null, sites: ['app.example.com', 'b.example.com'], scope: 'company', smtp: { ehloName: 'relay.firma.se' } });
  });

  it('sends the sign-in again only when it changed, and a password only when one was typed', () => {
    expect(profilePatch(SAVED, { ...SAVED, password: 'new secret' }).auth).toEqual({ type: 'password', username: 'anna@firma.se', password: 'new secret' });
    expect(profilePatch(SAVED, { ...SAVED, username: 'anna.berg@firma.se' }).auth).toEqual({ type: 'password', username: 'anna.berg@firma.se' });
    expect(profilePatch(SAVED, { ...SAVED, method: 'microsoft' }).auth).toEqual({ type: 'oauth2', provider: 'microsoft', flow: 'device_code', username: 'anna@firma.se' });
  });

  it('builds bodies the relay’s own schemas accept', () => {
    const typed = {
      ...emptyDraft('Anna Berg'),
      name: 'Gmail',
      fromAddress: 'anna@gmail.com',
      username: 'anna@gmail.com',
      password: 'app password',
      server: { host: 'smtp.gmail.com', port: 465, security: 'tls' as const },
    };
    expect(newProfileBody(typed)).toEqual({
      name: 'Gmail',
      scope: 'personal',
      fromName: 'Anna Berg',
      fromAddress: 'anna@gmail.com',
      smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
      auth: { type: 'password', username: 'anna@gmail.com', password: 'app password' },
    });
    expect(zProfileInput.safeParse(newProfileBody(typed)).success).toBe(true);
    // A saved sender's changed settings go to the sender test (POST /v1/diagnose), with its profileId.
    expect(zDiagnoseRequest.safeParse(changedProfileBody('p1', { ...SAVED, password: 'x' })).success).toBe(true);
    expect(zProfilePatch.safeParse(profilePatch(SAVED, { ...SAVED, ehloName: 'relay.firma.se', isDefault: true, allowedSenders: '' })).success).toBe(true);
  });

  it('asks for plaintext sign-in only on an unencrypted connection', () => {
    const plain = { ...SAVED, server: { host: 'mail.firma.se', port: 25, security: 'none' as const, allowPlaintextAuth: true } };
    expect(newProfileBody(plain).smtp).toMatchObject({ allowPlaintextAuth: true });
    expect(newProfileBody({ ...plain, server: { ...plain.server, security: 'tls' } }).smtp).not.toHaveProperty('allowPlaintextAuth');
  });
});

describe('sender draft: what a test needs', () => {
  it('treats a changed server or credential as needing a test, and other fields not', () => {
    expect(serverFingerprint({ ...SAVED, name: 'Other', bccSelf: true })).toBe(serverFingerprint(SAVED));
    expect(serverFingerprint({ ...SAVED, server: { ...SAVED.server, port: 465 } })).not.toBe(serverFingerprint(SAVED));
    expect(serverFingerprint({ ...SAVED, server: { ...SAVED.server, host: ' smtp.office365.com ' } })).toBe(serverFingerprint(SAVED));
  });

  it('needs the password typed again on another server, and for another username', () => {
    expect(testBlocker(SAVED, SAVED, PASSWORD_SENDER)).toBeUndefined();
    expect(testBlocker(SAVED, { ...SAVED, ciphers: 'compatible' }, PASSWORD_SENDER)).toBeUndefined();
    expect(testBlocker(SAVED, { ...SAVED, server: { ...SAVED.server, host: 'mail.firma.se' } }, PASSWORD_SENDER)).toBe('needs_password_for_server');
    expect(testBlocker(SAVED, { ...SAVED, username: 'bo@firma.se' }, PASSWORD_SENDER)).toBe('needs_password');
    expect(testBlocker(SAVED, { ...SAVED, username: 'bo@firma.se', password: 'typed' }, PASSWORD_SENDER)).toBeUndefined();
  });

  it('cannot test a delegated sign-in nobody has made, nor an app registration without its secret', () => {
    expect(testBlocker(SAVED, { ...SAVED, method: 'google' }, PASSWORD_SENDER)).toBe('needs_sign_in');
    const app = { ...SAVED, method: 'microsoft_app' as const, oauth: { tenantId: 'firma.onmicrosoft.com', clientId: 'c1', clientSecret: '', clientSecretExpiresAt: '' } };
    expect(testBlocker(SAVED, app, PASSWORD_SENDER)).toBe('needs_secret');
    const oauthSaved = { ...SAVED, method: 'microsoft' as const };
    expect(testBlocker(oauthSaved, { ...oauthSaved, method: 'password' }, { method: 'microsoft', signedIn: true })).toBe('needs_password_typed');
    expect(testBlocker(oauthSaved, oauthSaved, { method: 'microsoft', signedIn: true })).toBeUndefined();
  });
});

describe('delivery draft', () => {
  it('suggests the provider’s IMAP server for a Sent copy, and sends back what the form does not edit', () => {
    const loaded = deliveryDraftFrom('anna@gmail.com', { profileId: 'p1', maxConnections: 3, effective: { maxMessageBytes: 25_000_000, maxConnections: 3 } });
    expect(loaded).toEqual({ maxMessageMb: '', sentCopy: { enabled: false, host: 'imap.gmail.com', port: 993, security: 'tls', folder: '', username: '', password: '' } });
    const edited = { ...loaded, maxMessageMb: '2,5', sentCopy: { ...loaded.sentCopy, enabled: true } };
    expect(deliveryChanged(loaded, loaded)).toBe(false);
    expect(deliveryChanged(loaded, edited)).toBe(true);
    expect(deliveryBody(edited, { profileId: 'p1', maxConnections: 3, effective: { maxMessageBytes: 25_000_000, maxConnections: 3 } })).toEqual({
      maxConnections: 3,
      maxMessageBytes: 2_500_000,
      saveToSent: { host: 'imap.gmail.com', port: 993, security: 'tls' },
    });
  });
});

describe('field errors and the draft reducer', () => {
  it('puts the relay’s objections next to the field they are about, first one wins', () => {
    const error = {
      code: 'validation_failed' as const,
      message: 'x',
      details: [
        { path: 'smtp.host', message: 'bad host' },
        { path: 'saveToSent.port', message: 'bad port' },
        { path: 'sites.1', message: 'first' },
        { path: 'sites.2', message: 'second' },
      ],
    };
    expect(fieldErrorsFrom(error)).toEqual({ host: 'bad host', 'sent.port': 'bad port', sites: 'first' });
    expect(fieldErrorsFrom(undefined)).toEqual({});
  });

  it('edits the draft, keeps the original, and discards back to it', () => {
    const loaded = draftReducer(undefined, { type: 'load', loaded: SAVED })!;
    const edited = draftReducer(loaded, { type: 'edit', change: { name: 'New' } })!;
    expect(edited.draft.name).toBe('New');
    expect(edited.original).toBe(SAVED);
    expect(draftReducer(edited, { type: 'discard' })!.draft).toBe(SAVED);
    expect(draftReducer(undefined, { type: 'edit', change: { name: 'x' } })).toBeUndefined();
  });
});
