// @vitest-environment node
/**
 * The background's requests for the extension pages, end to end through a real relay (over HTTP, in
 * this process) and a real SMTP server: each message type reaches the relay endpoint it is for and
 * brings back its answer, or the relay's error with its code, to the page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import { getProblem } from '../../relay/diagnosis/catalogue';
import { issueSetupCode } from '../../relay/people/people-service';
import { peopleStoreFor } from '../../relay/people/people-store';
import type { ExtensionRequest, ExtensionResult } from '../../shared/extension-messages';
import { handleExtensionRequest } from '../../extension/background/handle-request';
import { diagnosisFromError } from '../../extension/entrypoints/options/diagnosis';
import { templatesItem } from '../../extension/lib/templates';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

const PASSWORD = 'correct horse battery staple';
const OPTIONS_PAGE: Runtime.MessageSender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html#/senders' };
const WEB_PAGE: Runtime.MessageSender = { id: 'test-extension-id', url: 'https://app.example.com/invoices/1', tab: { id: 7, url: 'https://app.example.com/invoices/1' } as never };

let smtp: TestSmtpServer;
let relay: TestRelay;
let relayUrl: string;
let token: string;

function ask<R extends ExtensionRequest>(request: R, sender = OPTIONS_PAGE): Promise<ExtensionResult<R['type']>> {
  return handleExtensionRequest(request, sender) as Promise<ExtensionResult<R['type']>>;
}

async function must<R extends ExtensionRequest>(request: R) {
  const result = await ask(request);
  if (!result.ok) throw new Error(`${request.type}: ${JSON.stringify(result.error)}`);
  return result.data;
}

function unsaved(password: string) {
  return {
    name: 'Office',
    fromName: 'Anna Berg',
    fromAddress: 'anna@firma.se',
    smtp: { host: '127.0.0.1', port: smtp.port, security: 'starttls' },
    auth: { type: 'password', username: 'anna@firma.se', password },
  };
}

beforeAll(async () => {
  vi.stubGlobal('navigator', { userAgent: 'Chromium (test)', languages: ['en'] });
  smtp = await startSmtpServer({ users: { 'anna@firma.se': PASSWORD } });
  relay = await startTestRelay({}, { OWNPOST_TEST_BEFORE_SAVE: '1' });
  relayUrl = await relay.relay.listen();
});

afterAll(async () => {
  await relay?.close();
  await smtp?.close();
  vi.unstubAllGlobals();
});

beforeEach(async () => {
  fakeBrowser.reset();
  const added = await relay.addUser(`anna+${Math.random().toString(36).slice(2)}@firma.se`, 'admin');
  token = added.token;
  const code = newPairingCode();
  await relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId: added.user.id, expiresAt: Date.now() + 600_000 });
  await must({ type: 'connection.pair', relayUrl, code });
});

describe('background requests of the extension pages', () => {
  it('me.get answers who the relay thinks we are', async () => {
    expect(await must({ type: 'me.get' })).toMatchObject({ role: 'admin' });
  });

  it('discover returns the relay’s suggested settings', async () => {
    const found = await must({ type: 'discover', email: 'anna@gmail.com' });
    expect(found).toMatchObject({ source: 'builtin', provider: { id: 'gmail' } });
    expect(found.smtp[0]!.host).toBe('smtp.gmail.com');
  });

  it('profiles.diagnose tests unsaved settings and explains a failure in the language asked for', async () => {
    const result = await must({ type: 'profiles.diagnose', profile: unsaved('wrong password'), language: 'pl' });
    expect(result.ok).toBe(false);
    expect(result.stages.at(-1)).toMatchObject({ stage: 'auth', ok: false });
    expect(result.problem!.code).toBe('auth_failed');
    expect(result.problem!.title).toBe(getProblem('auth_failed', 'pl').title);
  });

  it('profiles.create saves only after the relay’s own test passes; the refusal carries the test; an admin may force', async () => {
    const refused = await ask({ type: 'profiles.create', profile: unsaved('wrong password') });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('profile_test_failed');
    expect(diagnosisFromError(!refused.ok && refused.error)?.problem?.code).toBe('auth_failed');

    const forced = await must({ type: 'profiles.create', profile: unsaved('wrong password'), force: true });
    expect(forced).toMatchObject({ verification: { status: 'forced' } });

    const created = await must({ type: 'profiles.create', profile: { ...unsaved(PASSWORD), isDefault: true } });
    expect(created).toMatchObject({ fromAddress: 'anna@firma.se', isDefault: true, verification: { status: 'passed' } });
  });

  it('profiles.update, profiles.test, the delivery settings and profiles.delete reach the saved profile', async () => {
    const created = await must({ type: 'profiles.create', profile: unsaved(PASSWORD) });

    const updated = await must({ type: 'profiles.update', id: created.id, patch: { replyTo: 'faktura@firma.se', sites: ['*.wfirma.pl'], bccSelf: true } });
    expect(updated).toMatchObject({ replyTo: 'faktura@firma.se', sites: ['*.wfirma.pl'], bccSelf: true });

    // A server change of a saved profile is tested with the stored password (never sent back to us).
    const retest = await must({ type: 'profiles.diagnose', profile: { ...unsaved(PASSWORD), profileId: created.id, auth: { type: 'password', username: 'anna@firma.se' } } });
    expect(retest.ok).toBe(true);
    expect((await must({ type: 'profiles.test', id: created.id })).ok).toBe(true);

    const delivery = await must({ type: 'profiles.delivery.put', id: created.id, settings: { maxMessageBytes: 20_000_000, saveToSent: null } });
    expect(delivery.maxMessageBytes).toBe(20_000_000);
    expect((await must({ type: 'profiles.delivery.get', id: created.id })).effective.maxMessageBytes).toBeLessThanOrEqual(20_000_000);

    expect(await must({ type: 'profiles.delete', id: created.id })).toEqual({ deleted: true });
    expect((await must({ type: 'profiles.list' })).profiles.map((p) => p.id)).not.toContain(created.id);
  });

  it('messages.list returns the user’s recent sends', async () => {
    const created = await must({ type: 'profiles.create', profile: unsaved(PASSWORD) });
    const sent = await relay.request('POST', '/v1/messages', {
      token,
      headers: { 'Idempotency-Key': `list-${created.id}` },
      body: { profileId: created.id, to: ['ekonomi@kund.se'], subject: 'Faktura 1', text: 'Hej', context: { documentRef: 'F-1' } },
    });
    expect(sent.status).toBe(202);
    const { messages } = await must({ type: 'messages.list', limit: 5, language: 'sv' });
    expect(messages.map((m) => m.documentRef)).toEqual(['F-1']);
  });

  it('templates.list, put and reset reach the relay; a page may read templates but not change them', async () => {
    const put = await must({ type: 'templates.put', kind: 'quote', language: 'sv', template: { subject: 'Vår offert {documentNumber}', message: 'Hej' } });
    expect(put).toMatchObject({ kind: 'quote', language: 'sv', source: 'company' });
    const listed = await ask({ type: 'templates.list' }, WEB_PAGE);
    expect(listed.ok && listed.data.templates.find((t) => t.kind === 'quote' && t.language === 'sv')?.subject).toBe('Vår offert {documentNumber}');
    const fromPage = await ask({ type: 'templates.put', kind: 'quote', language: 'sv', template: { subject: 'x', message: 'y' } }, WEB_PAGE);
    expect(!fromPage.ok && fromPage.error.code).toBe('bad_request');
    expect(await must({ type: 'templates.reset', kind: 'quote', language: 'sv' })).toMatchObject({ source: 'builtin' });
  });

  it('moves the templates this browser kept before into the relay as the user’s own, once', async () => {
    await templatesItem.setValue({ da: { subject: 'Min faktura {documentNumber}', message: 'Hej fra mig' } });
    const listed = await must({ type: 'templates.list' });
    expect(listed.templates.find((t) => t.kind === 'invoice' && t.language === 'da')).toMatchObject({ source: 'personal', subject: 'Min faktura {documentNumber}' });
    expect(await templatesItem.getValue()).toEqual({});
    const again = await relay.request('GET', '/v1/templates', { token });
    expect(again.body.templates.find((t: { kind: string; language: string }) => t.kind === 'invoice' && t.language === 'da').message).toBe('Hej fra mig');
  });

  it('appPasswords.create, .list and .revoke reach /v1/app-passwords; the password comes back once', async () => {
    const created = await must({ type: 'appPasswords.create', name: 'wFirma' });
    expect(created.password).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){4}$/);
    const { appPasswords } = await must({ type: 'appPasswords.list' });
    expect(appPasswords).toEqual([{ id: created.id, name: 'wFirma', createdAt: created.createdAt }]);
    expect(await must({ type: 'appPasswords.revoke', id: created.id })).toEqual({ revoked: true });
    expect((await must({ type: 'appPasswords.list' })).appPasswords).toEqual([]);
    const again = await ask({ type: 'appPasswords.revoke', id: created.id });
    expect(!again.ok && again.error.code).toBe('not_found');
  });

  it('passes the relay’s error code through, so a page can explain it', async () => {
    const missing = await ask({ type: 'profiles.test', id: 'no-such-profile' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('refuses the options page’s requests when they come from a web page', async () => {
    for (const request of [
      { type: 'discover', email: 'anna@gmail.com' },
      { type: 'profiles.create', profile: unsaved(PASSWORD) },
      { type: 'profiles.delete', id: 'x' },
      { type: 'messages.list' },
      { type: 'me.get' },
      { type: 'appPasswords.create', name: 'x' },
      // A PDF on another host (issue 16 item 3): only the panel's frame may fetch it or ask for its host.
      { type: 'document.fetchElsewhere', url: 'https://files.example.com/f/1.pdf' },
      { type: 'host.ask', origin: 'https://files.example.com/*' },
    ] as ExtensionRequest[]) {
      const result = await ask(request, WEB_PAGE);
      expect(result, request.type).toEqual({ ok: false, error: { code: 'bad_request', message: 'Not allowed from a web page.' } });
    }
  });
});

describe('background requests of the People page (issues 14, 20)', () => {
  it('adds a person, makes their pairing code, lists and revokes their device, and removes them', async () => {
    const email = `bo+${Math.random().toString(36).slice(2)}@firma.se`;
    const added = await must({ type: 'people.add', email, name: 'Bo', role: 'member' });
    expect(added).toMatchObject({ email, name: 'Bo', role: 'member' });
    expect((await must({ type: 'people.list' })).users.map((u) => u.email)).toContain(email);

    const code = await must({ type: 'people.pairingCode', userId: added.id });
    const paired = await relay.request('POST', '/v1/pair', { body: { code: code.code, device: 'Bo’s laptop' } });
    expect(paired.status).toBe(200);
    const [boDevice] = (await must({ type: 'people.devices', userId: added.id })).devices;
    expect(boDevice).toMatchObject({ name: 'Bo’s laptop', current: false });
    expect(await must({ type: 'devices.revoke', deviceId: boDevice!.id })).toEqual({ revoked: true });
    expect((await relay.request('GET', '/v1/me', { token: paired.body.token })).status).toBe(401);

    expect(await must({ type: 'people.remove', userId: added.id })).toEqual({ removed: true });
    expect((await must({ type: 'people.list' })).users.map((u) => u.email)).not.toContain(email);
  });

  it('revoking this browser disconnects it: the relay’s 401 makes the background forget the token', async () => {
    const mine = (await must({ type: 'devices.mine' })).devices.find((d) => d.current)!;
    expect(mine.name).toBe('Chromium extension');
    await must({ type: 'devices.revoke', deviceId: mine.id });
    const after = await ask({ type: 'profiles.list' });
    expect(!after.ok && after.error.code).toBe('unauthorized');
    expect(await must({ type: 'connection.get' })).toEqual({ connected: false });
  });

  it('connects with a new relay’s setup code: asks for the address, then makes this browser the admin', async () => {
    const fresh = await startTestRelay();
    try {
      const freshUrl = await fresh.relay.listen();
      const setup = (await issueSetupCode(fresh.relay.store, peopleStoreFor(fresh.relay.store), Date.now()))!;
      const asked = await ask({ type: 'connection.pair', relayUrl: freshUrl, code: setup.code });
      expect(!asked.ok && asked.error.code).toBe('setup_email_required');
      const connected = await must({ type: 'connection.pair', relayUrl: freshUrl, code: setup.code, email: 'eva@firma.se', name: 'Eva Lund' });
      expect(connected).toMatchObject({ connected: true, user: { email: 'eva@firma.se', name: 'Eva Lund', role: 'admin' } });
      expect(await must({ type: 'me.get' })).toMatchObject({ email: 'eva@firma.se', role: 'admin' });
    } finally {
      await fresh.close();
    }
  });
});
