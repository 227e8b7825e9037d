/**
 * Signing a sender in with Microsoft's device code from the options page, in Chromium with the
 * built extension (issues 6 and 8): a real relay pointed at a local OAuth token server
 * (OWNPOST_MS_AUTHORITY), the wizard's "Sign in with Microsoft", the code on screen, the token server
 * approving it as the user would at microsoft.com/devicelogin, the test with the real token, and a
 * message sent through the extension that reaches an SMTP server checking the XOAUTH2 string and
 * the token. Takes the README's picture of the sign-in step.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { unlabelledControls } from '../helpers/paired-browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import type { ExtensionRequest, ExtensionResult } from '../../shared/extension-messages';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium';
import { takePicture } from '../helpers/readme-pictures';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { oauthEnv, startOAuthTokenServer, type OAuthTokenServer } from '../helpers/oauth-token-server';
import { PUBLIC_CLIENT_ID, TENANT_ID } from '../helpers/oauth-test-kit';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';
import { startXOAuth2SmtpServer, type XOAuth2SmtpServer } from '../helpers/xoauth2-smtp-server';

const ADDRESS = 'anna@firma.test';

let dns: TestDnsServer;
let tokens: OAuthTokenServer;
let smtp: XOAuth2SmtpServer;
let relay: TestRelay;
let browser: ExtensionBrowser;
let options: Page;

const field = (page: Page, testId: string) => page.getByTestId(testId);

/** A request to the background from an extension page, validated and answered as the page's own would be. */
function request<R extends ExtensionRequest>(page: Page, message: R): Promise<ExtensionResult<R['type']>> {
  return page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message as unknown) as Promise<
    ExtensionResult<R['type']>
  >;
}

beforeAll(async () => {
  // firma.test is a company domain discovery does not know (no MX): the user types the server.
  dns = await startDnsServer({ 'firma.test': {} });
  tokens = await startOAuthTokenServer();
  // The relay's own app for delegated sign-in: a public client with device code allowed.
  tokens.addMicrosoftApp({ tenant: TENANT_ID, clientId: PUBLIC_CLIENT_ID });
  smtp = await startXOAuth2SmtpServer(tokens, { style: 'microsoft' });
  relay = await startTestRelay(
    { dnsServers: [dns.address], discoveryGuessEndpoints: [] },
    // Test-before-save on, as in production: the sender is saved untested only because nobody can sign in before it exists.
    oauthEnv(tokens, { OWNPOST_MS_CLIENT_ID: PUBLIC_CLIENT_ID, OWNPOST_TEST_BEFORE_SAVE: '1' }),
  );
  const relayUrl = await relay.relay.listen();
  const { user } = await relay.addUser(ADDRESS, 'member');
  const code = newPairingCode();
  await relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId: user.id, expiresAt: Date.now() + 600_000 });

  browser = await launchWithExtension();
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#/senders`);
  const paired = await request(options, { type: 'connection.pair', relayUrl, code });
  if (!paired.ok) throw new Error(`pairing failed: ${JSON.stringify(paired.error)}`);
});

afterAll(async () => {
  await browser?.close();
  await relay?.close();
  await Promise.all([smtp?.close(), tokens?.close(), dns?.close()]);
});

describe('signing a sender in with Microsoft from the options page', () => {
  it('adds the sender, signs in with the device code, tests it with the real token, and sends through it', async () => {
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#/senders/new`);
    await field(options, 'wizard-email').fill(ADDRESS);
    await field(options, 'wizard-from-name').fill('Anna Berg');
    await field(options, 'wizard-continue').click();

    // The mail server of this company (Exchange Online in real life; a local XOAUTH2 server here).
    await expect.poll(() => options.getByTestId('sender-wizard').getAttribute('data-step'), { timeout: 20_000 }).toBe('server');
    await field(options, 'wizard-host').fill('127.0.0.1');
    await field(options, 'wizard-port').fill(String(smtp.port));
    await field(options, 'wizard-security-starttls').check();
    await field(options, 'wizard-continue').click();

    // Sign-in: every method is offered for an unknown provider; the keyboard picks Microsoft. The wizard moves the
    // focus to the new step's heading once it has rendered; a person starts from there, and so does the test.
    await expect.poll(() => options.getByTestId('sender-wizard').getAttribute('data-step'), { timeout: 20_000 }).toBe('password');
    await expect.poll(() => options.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await field(options, 'wizard-method-microsoft').focus();
    await options.keyboard.press('Space');
    expect(await field(options, 'wizard-method-microsoft').isChecked()).toBe(true);
    expect(await options.locator('#wizard-save-first').textContent()).toContain('saves the sender first');
    await field(options, 'wizard-save-and-sign-in').click();

    // The code, large and copyable, and Microsoft's page (here the token server's) in a new tab.
    const userCode = field(options, 'oauth-user-code');
    await expect.poll(() => userCode.textContent(), { timeout: 15_000 }).toMatch(/^[0-9A-F]{8}$/);
    const code = (await userCode.textContent())!;
    const link = field(options, 'oauth-verification-link');
    expect(await link.getAttribute('href')).toBe(`${tokens.url}/ms/devicelogin`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await options.evaluate(() => document.activeElement?.className)).toBe('user-code-box');
    const fontSize = await userCode.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(28);
    expect(await unlabelledControls(options)).toEqual([]);
    await options.setViewportSize({ width: 1100, height: 900 });
    await takePicture(options, 'options-oauth-device-code', { wholePage: true });

    // The user signs in at Microsoft and types the code; the page notices by itself.
    tokens.approveDeviceCode(code, ADDRESS);
    await expect.poll(() => field(options, 'oauth-signed-in').textContent(), { timeout: 20_000 }).toContain(`Signed in as ${ADDRESS}`);

    // Then the sender's first test, signing in with XOAUTH2 and the real token.
    const result = field(options, 'test-result');
    await expect.poll(() => result.getAttribute('data-state'), { timeout: 30_000 }).toBe('ok');
    expect(await options.locator('[data-testid="test-stage"][data-stage="oauth"]').getAttribute('data-ok')).toBe('true');
    expect(smtp.attempts.at(-1)).toMatchObject({ user: ADDRESS, ok: true });

    await field(options, 'wizard-done').click();
    await expect.poll(() => field(options, 'flash').textContent(), { timeout: 10_000 }).toContain('saved and signed in');
    const status = field(options, 'sender-oauth-status');
    expect(await status.getAttribute('data-status')).toBe('ready');
    expect(await status.textContent()).toContain(`Signed in with Microsoft as ${ADDRESS}`);

    // A message through the extension, as the invoice panel sends one: it reaches the XOAUTH2 server.
    const profiles = await request(options, { type: 'profiles.list' });
    if (!profiles.ok) throw new Error(JSON.stringify(profiles.error));
    const profileId = profiles.data.profiles[0]!.id;
    const attempts = smtp.attempts.length;
    const sent = await request(options, {
      type: 'message.send',
      draft: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 2026-0042', text: 'Hej! Fakturan bifogas.', idempotencyKey: randomUUID() },
    });
    if (!sent.ok) throw new Error(JSON.stringify(sent.error));
    await expect
      .poll(
        async () => {
          const status = await request(options, { type: 'message.status', id: sent.data.id });
          return status.ok ? status.data.status : status.error.code;
        },
        { timeout: 20_000 },
      )
      .toBe('sent');
    expect(smtp.attempts.slice(attempts)).toEqual([expect.objectContaining({ user: ADDRESS, ok: true })]);
    expect(tokens.validateAccessToken(smtp.attempts.at(-1)!.accessToken, ADDRESS)).toMatchObject({ ok: true, token: { grantType: 'delegated' } });
    const mail = smtp.received.at(-1)!;
    expect(mail.parsed.subject).toBe('Faktura 2026-0042');
    expect(mail.envelope.to).toEqual(['kund@exempel.se']);
    expect(mail.user).toBe(ADDRESS);
  });
});
