/**
 * The options page's Apps section in Chromium with the built extension (issue 19): an app password
 * created there works at once for an app submitting to the relay's SMTP front door, and the list
 * shows when it was used. Takes the README's picture of the section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium';
import { takePicture } from '../helpers/readme-pictures';
import { waitForMessage } from '../helpers/delivery';
import { unlabelledControls } from '../helpers/paired-browser';
import { appTransport, smtpDoorEnv } from '../helpers/smtp-door';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

let mailbox: TestSmtpServer;
let relay: TestRelay;
let browser: ExtensionBrowser;
let token: string;
let smtpPort: number;

beforeAll(async () => {
  mailbox = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  relay = await startTestRelay({}, smtpDoorEnv({ OWNPOST_SMTPS_PORT: '' }));
  const relayUrl = await relay.relay.listen();
  smtpPort = relay.relay.smtp!.addresses.starttls!.port;
  const added = await relay.addUser('anna@firma.se', 'admin');
  token = added.token;
  const created = await relay.request('POST', '/v1/profiles', { token, body: testProfile(mailbox.port) });
  expect(created.status).toBe(201);
  const code = newPairingCode();
  await relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId: added.user.id, expiresAt: Date.now() + 600_000 });
  browser = await launchWithExtension();
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const paired = (await popup.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), {
    type: 'connection.pair',
    relayUrl,
    code,
  })) as { ok: boolean };
  expect(paired.ok).toBe(true);
  await popup.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await relay?.close();
  await mailbox?.close();
});

describe('the Apps section', () => {
  it('creates an app password that an app can sign in with at once, and shows when it was used', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 820 });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#/apps`);
    await page.getByTestId('app-passwords-empty').waitFor();
    await expect.poll(() => page.getByTestId('app-smtp-settings').textContent()).toContain('Username: anna@firma.se');

    await page.getByTestId('app-password-name').fill('Monitor G5');
    await page.getByTestId('app-password-create').click();
    const password = (await page.getByTestId('app-password-value').textContent())!.trim();
    expect(password).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){4}$/);
    expect(await unlabelledControls(page)).toEqual([]);
    await takePicture(page, 'options-apps');

    const info = await appTransport(smtpPort, 'starttls', { user: 'anna@firma.se', pass: password }).sendMail({
      from: 'Anna Berg <anna@firma.se>',
      to: 'kund@exempel.se',
      subject: 'Faktura 2026-0043',
      text: 'Hej!',
    });
    const id = /queued as (\S+)/.exec(info.response)![1]!;
    const view = await waitForMessage(relay, token, id, (m) => m.status === 'sent' || m.status === 'failed');
    expect(view).toMatchObject({ status: 'sent', source: 'smtp', app: { name: 'Monitor G5' } });

    await page.getByTestId('app-password-done').click();
    await page.reload();
    await expect.poll(() => page.getByTestId('app-password-item').textContent()).toContain('Last used');
    await page.close();
  }, 120_000);
});
